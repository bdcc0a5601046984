// The network picture: the demo region drawn, filters and focus, dragging
// and keyboard placing that survive a reload, reading the network, export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { useApp, saved, stored, activeRegion, reload, createActor, openActor, takeStichtag, openExchange, chooseFiles, asUpload } from './helpers.mjs';

const app = useApp();

async function openPicture(page) {
  await page.getByRole('button', { name: /^Netzwerkbild/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Netzwerkbild' }).waitFor();
  // Wait until the force layout has settled.
  await page.getByTestId('network-count').filter({ hasNotText: 'wird angeordnet' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="network-count"]').textContent.includes('angeordnet'));
}

// The canvas says what it drew: nodes, relations, highlighted nodes.
const drawn = (page, what) => page.getByTestId('picture-canvas').getAttribute(`data-${what}`).then(Number);
const nodeCount = (page) => drawn(page, 'nodes');
const edgeCount = (page) => drawn(page, 'drawn');
const waitForNodes = (page, n) =>
  page.waitForFunction((n) => document.querySelector('[data-testid="picture-canvas"]').dataset.nodes === String(n), n);

// Walks the keyboard cursor to an actor by typing its name, as a keyboard
// user would; returns the centre of that node on screen.
async function cursorTo(page, actor) {
  const cursor = page.locator('.node-cursor');
  await cursor.focus();
  await page.keyboard.press('Home'); // also ends an earlier type-ahead
  await page.keyboard.type(actor.name);
  await page.waitForFunction((id) => document.querySelector('.node-cursor').dataset.id === id, actor.id);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  // The same scroll position each time, so points from several calls compare.
  await page.locator('.network-svg').evaluate((svg) => svg.scrollIntoView({ block: 'center' }));
  const box = await cursor.boundingBox();
  return [box.x + box.width / 2, box.y + box.height / 2];
}

// Every node's position in the picture, walked with the keyboard cursor
// (which pans the view to nodes at the edge, so screen points would go stale).
async function nodePositions(page, count) {
  const cursor = page.locator('.node-cursor');
  await cursor.focus();
  await page.keyboard.press('Home');
  const positions = new Map();
  for (let i = 0; i < count; i++) {
    const [, x, y] = (await cursor.getAttribute('transform')).match(/translate\(([-\d.]+) ([-\d.]+)\)/).map(Number);
    positions.set(await cursor.getAttribute('data-id'), [x, y]);
    await page.keyboard.press('ArrowRight');
  }
  return positions;
}

// Clicks a point of the picture where it is on screen now.
async function clickPicturePoint(page, [x, y]) {
  await page.locator('.network-svg').evaluate((svg) => svg.scrollIntoView({ block: 'center' }));
  const screen = await page.evaluate(([x, y]) => {
    const group = document.querySelector('.network-zoom');
    const p = new DOMPoint(x, y).matrixTransform(group.getScreenCTM());
    return [p.x, p.y];
  }, [x, y]);
  await page.mouse.click(screen[0], screen[1]);
}

function neighbours(region, id) {
  const set = new Set();
  for (const r of region.relations) {
    if (r.from === id && r.to !== id) set.add(r.to);
    if (r.to === id && r.from !== id) set.add(r.from);
  }
  return set;
}

test('the picture shows the demo region; filters and the focus view hide actors with their relations', async () => {
  const { page, context, errors } = await app.open();
  await saved(page);
  const region = activeRegion(await stored(page));
  await openPicture(page);
  assert.equal(await nodeCount(page), 43);
  assert.equal(await edgeCount(page), 83);
  assert.equal(await page.getByTestId('network-count').textContent(), '43 Akteure, 83 Beziehungen im Bild');
  assert.equal(await page.locator('.network-canvas svg *').count() < 10, true, 'actors are drawn, not thousands of elements');
  // A small network names every actor: a name moves aside, wraps, or sits further out with a line to its node.
  await page.waitForFunction(() => !document.querySelector('[data-testid="network-count"]').textContent.includes('angeordnet'));
  assert.equal(await drawn(page, 'named'), 43);

  // The list's filters apply: only SGB II actors, and only relations among them.
  await page.locator('#filter-rechtskreis').selectOption('sgb_ii');
  const sgb2 = new Set(region.actors.filter((a) => (a.rechtskreise ?? []).includes('sgb_ii')).map((a) => a.id));
  const inside = region.relations.filter((r) => sgb2.has(r.from) && sgb2.has(r.to)).length;
  await waitForNodes(page, sgb2.size);
  assert.equal(await edgeCount(page), inside);
  await page.locator('#filter-rechtskreis').selectOption('');

  // Focus on the Jobcenter: itself and its direct neighbours, then two steps.
  const jobcenter = region.actors.find((a) => a.name === 'Jobcenter Landkreis Lindenau');
  // The focus is chosen by typing: the suggestions are the names that match, not all 43.
  const focusField = page.getByLabel('Fokus auf Akteur');
  await focusField.fill('Lindenau');
  const suggested = await page.locator('#network-focus-names option').evaluateAll((o) => o.map((e) => e.value));
  assert.ok(suggested.includes(jobcenter.name) && suggested.every((n) => n.includes('Lindenau')), suggested.join(', '));
  assert.ok(suggested.length < 43);
  await waitForNodes(page, 43);
  // A name that is no actor's says so, and the whole network stays.
  await focusField.fill('Jobcenter Nirgendwo');
  await focusField.press('Enter');
  assert.match(await page.locator('#network-focus-problem').textContent(), /Kein Akteur heißt „Jobcenter Nirgendwo“/);
  assert.equal(await focusField.getAttribute('aria-invalid'), 'true');
  await waitForNodes(page, 43);
  await focusField.fill(jobcenter.name);
  assert.equal(await page.locator('#network-focus-problem').textContent(), '');
  assert.equal(await page.locator('#network-focus-problem').isVisible(), false);
  assert.equal(await focusField.getAttribute('aria-invalid'), null);
  const near = neighbours(region, jobcenter.id);
  await waitForNodes(page, near.size + 1);
  // The keyboard cursor walks exactly the actors shown.
  await page.locator('.node-cursor').focus();
  const shown = new Set();
  for (let i = 0; i <= near.size; i++) {
    shown.add(await page.locator('.node-cursor').getAttribute('data-id'));
    await page.keyboard.press('ArrowRight');
  }
  assert.deepEqual(shown, new Set([jobcenter.id, ...near]));
  await page.getByLabel('Stufe 2').check();
  const twoSteps = new Set([jobcenter.id, ...near]);
  for (const id of near) for (const n of neighbours(region, id)) twoSteps.add(n);
  await waitForNodes(page, twoSteps.size);

  // The sector map: every actor, sectors labelled on the rim.
  await focusField.fill('');
  await page.locator('#network-mode').selectOption('sectors');
  await waitForNodes(page, 43);
  // Rings by how binding the relation to one actor is: it sits in the middle.
  await page.locator('.ring-label').filter({ hasText: '10 und mehr Beziehungen' }).waitFor();
  await page.getByLabel('Ringe nach').fill(jobcenter.name);
  await page.locator('.ring-label').filter({ hasText: 'schriftlicher Vertrag' }).waitFor();
  await waitForNodes(page, 43);
  await page.getByLabel('Ringe nach').fill('');
  await page.locator('.ring-label').filter({ hasText: '10 und mehr Beziehungen' }).waitFor();
  assert.ok((await page.locator('.sector-label').allTextContents()).includes('SGB II'));
  // By Sozialraum: an actor serving every Sozialraum is not filed under the first one.
  await page.locator('#network-sectors').selectOption('sozialraum');
  await page.locator('.sector-label').filter({ hasText: 'kreisweit (alle Sozialräume)' }).waitFor();
  const serving = region.actors.filter((a) => (a.sozialraeume ?? []).length === region.sozialraeume.length).length;
  assert.ok(serving > 0, 'the demo has actors serving the whole Kreis');
  assert.match(await page.getByTestId('sector-rule').textContent(), /mehr als einem Sozialraum.*„mehrere Sozialräume“/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dragged node keeps its place after a reload; "Neu anordnen" frees it', async () => {
  const { page, context } = await app.open();
  await saved(page);
  await openPicture(page);
  const bakery = activeRegion(await stored(page)).actors.find((a) => a.id === 'demo-baeckerei');
  const [x, y] = await cursorTo(page, bakery);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 60, y + 40, { steps: 5 });
  await page.mouse.move(x + 120, y + 80, { steps: 5 });
  await page.mouse.up();
  await saved(page);
  const placed = activeRegion(await stored(page)).placed;
  assert.equal(placed.length, 1);
  assert.equal(placed[0].actor, 'demo-baeckerei');
  // The keyboard cursor is still on the bakery and follows it.
  const box = await page.locator('.node-cursor').boundingBox();
  assert.ok(Math.hypot(box.x + box.width / 2 - (x + 120), box.y + box.height / 2 - (y + 80)) < 2, 'the node is where it was dropped');
  const where = await page.locator('.node-cursor').getAttribute('transform');
  assert.equal(where, `translate(${placed[0].x.toFixed(1)} ${placed[0].y.toFixed(1)})`);
  assert.equal(await page.locator('aside.panel').count(), 0, 'dragging does not open the details');

  await reload(page);
  await openPicture(page);
  await cursorTo(page, bakery);
  assert.equal(await page.locator('.node-cursor').getAttribute('transform'), where);

  await page.getByRole('button', { name: 'Neu anordnen' }).click();
  await saved(page);
  assert.deepEqual(activeRegion(await stored(page)).placed, []);
  await context.close();
});

test('by keyboard: nodes are reachable, found by typing, open with Enter and move with Shift+arrows', async () => {
  const { page, context } = await app.open();
  await saved(page);
  await openPicture(page);
  const region = activeRegion(await stored(page));
  const byName = [...region.actors].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  // Tab from the map reaches the actors.
  await page.locator('.network-canvas').focus();
  await page.keyboard.press('Tab');
  const cursor = page.locator('.node-cursor');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('node-cursor')), true);
  assert.equal(await cursor.getAttribute('data-id'), byName[0].id);
  assert.match(await cursor.getAttribute('aria-label'), new RegExp(`^Akteur im Bild: ${byName[0].name}, `));
  await page.keyboard.press('ArrowRight');
  assert.equal(await cursor.getAttribute('data-id'), byName[1].id);
  await page.keyboard.press('End');
  assert.equal(await cursor.getAttribute('data-id'), byName.at(-1).id);
  await page.keyboard.press('ArrowRight');
  assert.equal(await cursor.getAttribute('data-id'), byName[0].id, 'wraps around');

  // Typing a name goes to that actor; Shift+arrow moves it; Enter opens it.
  const target = region.actors.find((a) => a.name === 'Jobcenter Landkreis Lindenau');
  await cursorTo(page, target);
  assert.equal(await page.locator('[aria-live]').filter({ hasText: 'Jobcenter Landkreis Lindenau, ' }).count() > 0, true, 'announced');
  await page.keyboard.press('Shift+ArrowDown');
  await saved(page);
  assert.deepEqual(activeRegion(await stored(page)).placed.map((p) => p.actor), [target.id]);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: target.name }).waitFor();

  // The map itself: + zooms, 0 resets.
  await page.locator('.network-canvas').focus();
  await page.keyboard.press('+');
  assert.match(await page.locator('.network-zoom').getAttribute('transform'), /scale\(1\.25\)/);
  await page.keyboard.press('0');
  assert.match(await page.locator('.network-zoom').getAttribute('transform'), /scale\(1\)/);

  // The mouse: the wheel zooms, dragging the background pans.
  await page.locator('.network-svg').evaluate((svg) => svg.scrollIntoView({ block: 'center' }));
  const box = await page.locator('.network-svg').boundingBox();
  await page.mouse.move(box.x + 8, box.y + 8);
  await page.mouse.wheel(0, -100);
  await page.waitForFunction(() => /scale\(1\.15\)/.test(document.querySelector('.network-zoom').getAttribute('transform')));
  const shift = async () => (await page.locator('.network-zoom').getAttribute('transform')).match(/translate\(([-\d.]+) ([-\d.]+)\)/).slice(1).map(Number);
  const before = await shift();
  const panels = await page.locator('aside.panel').count();
  await page.mouse.down();
  await page.mouse.move(box.x + 48, box.y + 38, { steps: 4 });
  await page.mouse.up();
  const after = await shift();
  assert.ok(after[0] > before[0] && after[1] > before[1], `panned right and down: ${before} → ${after}`);
  assert.equal(await page.locator('aside.panel').count(), panels, 'panning opens nothing');
  await context.close();
});

test('reading the network names the isolated actor and highlights it; a click opens details', async () => {
  const { page, context } = await app.open();
  await createActor(page, { name: 'Einsamer Verein Lindenau' });
  await saved(page);
  const id = activeRegion(await stored(page)).actors.find((a) => a.name === 'Einsamer Verein Lindenau').id;
  await openPicture(page);
  const lonely = page.getByTestId('findings').locator('section').filter({ hasText: 'Welche Akteure haben keine Beziehung?' });
  const item = lonely.getByRole('button', { name: 'Einsamer Verein Lindenau' });
  await item.click();
  assert.equal(await item.getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => document.querySelector('[data-testid="picture-canvas"]').dataset.highlighted === '1');
  const brokers = page.getByTestId('findings').locator('section').filter({ hasText: 'Wer hält das Netzwerk zusammen?' });
  assert.equal(await brokers.getByRole('listitem').count(), 5);
  // Brokers in plain words: how many pairs of others each one connects.
  assert.match(await brokers.getByRole('listitem').first().textContent(), /^.+ – verbindet rund \d+ Paare?$/);

  const region = activeRegion(await stored(page));
  const jobcenter = region.actors.find((a) => a.id === 'demo-jobcenter');
  const [jx, jy] = await cursorTo(page, jobcenter);
  // Hovering names the actor, its kind and its number of relations.
  await page.mouse.move(jx, jy);
  const degree = region.relations.filter((r) => r.from === jobcenter.id || r.to === jobcenter.id).length;
  assert.equal(await page.getByRole('tooltip').textContent(), `Jobcenter Landkreis Lindenau – Jobcenter, ${degree} Beziehungen`);
  await page.mouse.click(jx, jy);
  await page.getByRole('heading', { level: 2, name: 'Jobcenter Landkreis Lindenau' }).waitFor();

  // A click on a line opens that relation: the middle of the line farthest from any actor.
  const positions = await nodePositions(page, region.actors.length);
  let middle = null;
  for (const r of region.relations.filter((r) => r.from !== r.to)) {
    const [a, b] = [positions.get(r.from), positions.get(r.to)];
    const point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const clear = Math.min(...[...positions.values()].map(([x, y]) => Math.hypot(x - point[0], y - point[1])));
    if (!middle || clear > middle.clear) middle = { clear, point };
  }
  await clickPicturePoint(page, middle.point);
  await page.getByRole('heading', { level: 2, name: 'Beziehung bearbeiten' }).waitFor();
  await context.close();
});

test('the picture exports as a valid SVG and as PNG, and prints with title and legend', async () => {
  const { page, context } = await app.open({ init: () => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; } });
  await openPicture(page);
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG speichern' }).click()]);
  assert.match(svgDownload.suggestedFilename(), /^netzwerkatlas-landkreis-lindenau-demo-netzwerkbild-\d{4}-\d\d-\d\d\.svg$/);
  const svg = await readFile(await svgDownload.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return 'parse error';
    return { root: doc.documentElement.localName, title: doc.querySelector('title').textContent, lines: doc.querySelectorAll('line').length };
  }, svg);
  assert.deepEqual(parsed.root, 'svg');
  assert.equal(parsed.title, 'Netzwerkbild Landkreis Lindenau (Demo)');
  assert.ok(parsed.lines >= 83);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG speichern' }).click()]);
  const png = await readFile(await pngDownload.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(png.length > 10000);

  // Print: the standalone picture with title and legend, on its own.
  await page.getByRole('button', { name: 'Drucken' }).click();
  await page.waitForFunction(() => window.__printed === 1);
  const image = page.locator('img.network-print');
  assert.match(await image.getAttribute('src'), /^blob:/);
  assert.equal(await image.getAttribute('alt'), 'Netzwerkbild Landkreis Lindenau (Demo) mit Legende');
  await page.waitForFunction(() => document.querySelector('img.network-print').naturalWidth > 0);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await image.isVisible());
  assert.ok(!(await page.locator('.network-layout').isVisible()), 'only the picture is printed');
  assert.ok(!(await page.locator('.topbar').isVisible()));
  await context.close();
});

test('changes since a Stichtag: the new actor marked, the deleted one faint with its relations, a legend with the counts; from the Verlauf too, after a reload', async () => {
  const { page, context, errors } = await app.open();
  await takeStichtag(page, 'Stand Herbst', '30.11.2026');
  await page.getByRole('button', { name: /^Akteure/ }).click();
  await createActor(page, { name: 'Jugendberatung Nord' });
  await openActor(page, 'Jobcenter Landkreis Lindenau');
  await page.getByRole('button', { name: 'Löschen …' }).click();
  await page.getByRole('button', { name: 'Endgültig löschen' }).click();
  await page.locator('#actor-search').fill('');

  await openPicture(page);
  assert.equal(await page.getByTestId('change-legend').count(), 0, 'nothing marked until asked');
  const todayNodes = await nodeCount(page);
  const todayEdges = await edgeCount(page);
  await page.getByLabel('Änderungen zeigen seit').selectOption({ label: 'Stand Herbst (30.11.2026)' });
  const legend = page.getByTestId('change-legend');
  await legend.waitFor();
  assert.match(await legend.textContent(), /Neu seit dem Stichtag: 1 Akteur, 0 Beziehungen/);
  assert.match(await legend.textContent(), /Nicht mehr dabei, blass gezeigt: 1 Akteur, 6 Beziehungen/);
  await page.waitForFunction(() => document.querySelector('[data-testid="picture-canvas"]').dataset.gone === '1');
  assert.equal(await drawn(page, 'new'), 1, 'the new actor is marked');
  // The gone actor is drawn, but it is no node of today: not counted, not walked, not clickable.
  assert.equal(await nodeCount(page), todayNodes);
  assert.equal(await edgeCount(page), todayEdges);
  await page.getByTestId('network-count').filter({ hasNotText: 'angeordnet' }).waitFor();
  assert.equal(await page.getByTestId('network-count').textContent(), `${todayNodes} Akteure, ${todayEdges} Beziehungen im Bild`);

  await page.getByLabel('Änderungen zeigen seit').selectOption({ label: '– keinem Stichtag –' });
  await legend.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('[data-testid="picture-canvas"]').dataset.gone === '0');

  await saved(page);
  await reload(page);
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await page.getByRole('button', { name: 'Im Netzwerkbild zeigen' }).click();
  await page.getByRole('heading', { level: 2, name: 'Netzwerkbild' }).waitFor();
  assert.equal(await page.getByLabel('Änderungen zeigen seit').locator('option:checked').textContent(), 'Stand Herbst (30.11.2026)');
  await page.waitForFunction(() => document.querySelector('[data-testid="picture-canvas"]').dataset.gone === '1');
  assert.match(await page.getByTestId('change-legend').textContent(), /Neu seit dem Stichtag: 1 Akteur/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the layout and betweenness run in a worker; the worker gives the native layout to the bit', async () => {
  const { context, page, errors } = await app.open();
  const workers = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  // The layout's worker is started ahead of need, before the picture is opened.
  for (let tries = 0; !page.workers().some((w) => w.url().endsWith('/picture-worker.js')); tries += 1) {
    assert.ok(tries < 100, 'no worker started before the picture was opened');
    await page.waitForTimeout(50);
  }
  await openPicture(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="picture-canvas"]').dataset.metricsMs !== undefined);
  // One worker for the layout, one for betweenness, both from the build's worker script.
  assert.ok(workers.filter((p) => p.endsWith('/picture-worker.js')).length >= 2, `workers: ${workers.join(', ')}`);
  assert.equal(await nodeCount(page), 43);

  // The graphs of crates/graph/tests/ through the worker, as the page starts it: a small one
  // with a placed node, and one of 400 nodes laid out coarse to fine.
  for (const name of ['layout-small.json', 'layout-levels.json']) {
    const fixture = JSON.parse(await readFile(`crates/graph/tests/${name}`, 'utf8'));
    const positions = await page.evaluate(async ({ nodes, edges, placed }) => {
      const wasm = document.querySelector('link[rel="preload"][href$=".wasm"]').href;
      const module = await WebAssembly.compileStreaming(fetch(wasm));
      const worker = new Worker('./picture-worker.js', { type: 'module' });
      const result = await new Promise((resolve, reject) => {
        worker.onmessage = ({ data }) => data.done && resolve(Array.from(data.positions));
        worker.onerror = (e) => reject(new Error(e.message));
        const placedArray = new Float64Array(placed.map((v) => (v === null ? NaN : v)));
        worker.postMessage({ module, kind: 'layout', nodes, edges: new Uint32Array(edges), placed: placedArray });
      });
      worker.terminate();
      return result;
    }, fixture);
    assert.equal(positions.length, fixture.positions.length, name);
    const differ = positions.map((v, i) => [i, v, fixture.positions[i]]).filter(([, v, w]) => v !== w);
    assert.deepEqual(differ, [], `${name}: worker (wasm) and native layout differ`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('two fingers zoom and pan the picture on a touch screen', async () => {
  const { context, page, errors } = await app.open({ options: { hasTouch: true } });
  await openPicture(page);
  const svg = page.locator('.network-svg');
  await svg.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const zoomNow = async () => {
    const transform = await page.locator('.network-zoom').getAttribute('transform');
    const [, x, y, scale] = transform.match(/translate\(([-\d.]+) ([-\d.]+)\) scale\(([-\d.]+)\)/).map(Number);
    return { x, y, scale };
  };
  assert.deepEqual(await zoomNow(), { x: 0, y: 0, scale: 1 });
  await saved(page);
  const placedBefore = activeRegion(await stored(page)).placed ?? [];
  // Touch pointers as a tablet sends them: two fingers down, moving, lifted.
  const fingers = (moves) => svg.evaluate((el, moves) => {
    const r = el.getBoundingClientRect();
    const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
    const fire = (type, id, [x, y]) => el.dispatchEvent(new PointerEvent(type, {
      pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: cx + x, clientY: cy + y, bubbles: true,
    }));
    fire('pointerdown', 1, moves[0][0]);
    fire('pointerdown', 2, moves[0][1]);
    for (const [a, b] of moves.slice(1)) {
      fire('pointermove', 1, a);
      fire('pointermove', 2, b);
    }
    const [a, b] = moves.at(-1);
    fire('pointerup', 1, a);
    fire('pointerup', 2, b);
  }, moves);
  // Spread from 100 to 200 px apart: twice as large.
  await fingers(Array.from({ length: 11 }, (_, i) => [[-50 - 5 * i, 0], [50 + 5 * i, 0]]));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  const pinched = await zoomNow();
  assert.ok(Math.abs(pinched.scale - 2) < 1e-6, `scale ${pinched.scale}`);
  // Both fingers 60 px down, as far apart as before: the picture follows, no zoom.
  await fingers(Array.from({ length: 7 }, (_, i) => [[-50, 10 * i], [50, 10 * i]]));
  const panned = await zoomNow();
  assert.ok(Math.abs(panned.scale - 2) < 1e-6, `scale ${panned.scale}`);
  assert.ok(panned.y > pinched.y && Math.abs(panned.x - pinched.x) < 1e-6, `${JSON.stringify(pinched)} → ${JSON.stringify(panned)}`);
  // Neither gesture opened an actor or moved a node.
  assert.equal(await page.locator('aside.panel').count(), 0);
  assert.deepEqual(activeRegion(await stored(page)).placed ?? [], placedBefore);
  assert.deepEqual(errors, []);
  await context.close();
});

test('after a reload the picture opens with its settled positions at once, without a new layout; "Neu anordnen" lays out anew', async () => {
  const { context, page, errors } = await app.open();
  await saved(page);
  await openPicture(page);
  const canvas = page.getByTestId('picture-canvas');
  assert.ok(Number(await canvas.getAttribute('data-layout-ms')) > 0, 'the first opening lays out');
  const actor = activeRegion(await stored(page)).actors[5];
  const before = await cursorTo(page, actor);

  await reload(page);
  await page.getByRole('button', { name: /^Netzwerkbild/ }).click();
  await waitForNodes(page, 43);
  // Drawn in place at once: no layout time, no "wird angeordnet".
  assert.equal(await canvas.getAttribute('data-layout-ms'), '0');
  assert.ok(!(await page.getByTestId('network-count').textContent()).includes('angeordnet'));
  const after = await cursorTo(page, actor);
  assert.ok(Math.hypot(after[0] - before[0], after[1] - before[1]) < 1.5, `${before} → ${after}`);

  await page.getByRole('button', { name: 'Neu anordnen' }).click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="picture-canvas"]').dataset.layoutMs) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a 1366×768 laptop the whole picture is on the first screen, with the controls beside it', async () => {
  const { context, page, errors } = await app.open({ options: { viewport: { width: 1366, height: 768 } } });
  await openPicture(page);
  const picture = await page.locator('.network-svg').boundingBox();
  const header = await page.locator('.top').boundingBox();
  assert.ok(picture.y >= header.y + header.height, `the picture starts at ${picture.y}px, under the header (${header.y + header.height}px)`);
  assert.ok(picture.y + picture.height <= 768, `the picture ends at ${picture.y + picture.height}px of 768`);
  assert.ok(picture.height >= 420, `the picture is ${picture.height}px high`);
  const controls = await page.locator('.network-controls').boundingBox();
  assert.ok(controls.x >= picture.x + picture.width, 'the controls are beside the picture');
  // The filters still work from there.
  await page.locator('#filter-rechtskreis').selectOption('sgb_ii');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="picture-canvas"]').dataset.nodes) < 43);
  assert.deepEqual(errors, []);
  await context.close();
});

test('where the worker cannot start, the layout and betweenness run on the page all the same', async () => {
  // No service worker: it would serve the script from its cache, past the route.
  const { context, page, errors } = await app.open({ options: { serviceWorkers: 'block' } });
  let refused = 0;
  await context.route('**/picture-worker.js', (route) => {
    refused += 1;
    return route.fulfill({ status: 404, body: 'not here' });
  });
  // Anew, so that the worker the app starts ahead of need cannot start either.
  await reload(page);
  await openPicture(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="picture-canvas"]').dataset.metricsMs !== undefined);
  assert.equal(await nodeCount(page), 43);
  assert.ok(Number(await page.getByTestId('picture-canvas').getAttribute('data-layout-ms')) > 0);
  const brokers = page.getByTestId('findings').locator('section').filter({ hasText: 'Wer hält das Netzwerk zusammen?' });
  assert.equal(await brokers.getByRole('listitem').count(), 5);
  assert.ok(refused >= 2, `the worker script was asked for ${refused} times`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dense map moves as squares, settles in its shapes, then draws its relations over several frames below the actors', async () => {
  const { context, page, errors } = await app.open();
  // 2,000 actors and 10,000 relations, written by examples/bench_files.rs (scripts/test.sh runs it first).
  await openExchange(page);
  await chooseFiles(page, [asUpload('region-2000.json', readFileSync('target/bench-files/region-2000.json', 'utf8'))]);
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: /^Zur Region/ }).click();
  await saved(page);
  // Every count of relations drawn and the actors' shapes the canvas reports, frame by frame.
  await page.evaluate(() => {
    window.__lines = [];
    window.__shapes = [];
    new MutationObserver(() => {
      const canvas = document.querySelector('[data-testid="picture-canvas"]');
      if (canvas?.dataset.lines !== undefined) window.__lines.push(Number(canvas.dataset.lines));
      // Once it shows actors (the view is built before they are read).
      const shapes = Number(canvas?.dataset.nodes) > 0 ? canvas.dataset.shapes : undefined;
      if (shapes !== undefined && window.__shapes.at(-1) !== shapes) window.__shapes.push(shapes);
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-lines', 'data-shapes', 'data-nodes'] });
  });
  await openPicture(page);
  const relations = await edgeCount(page);
  assert.equal(relations, 10000);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="picture-canvas"]').dataset.lines) >= n * 0.99, relations, { timeout: 30000 });
  const counts = await page.evaluate(() => window.__lines);
  // 2,000 actors move as plain squares, and settle in their families' shapes.
  assert.deepEqual(await page.evaluate(() => window.__shapes), ['squares', 'families']);
  // While the layout moves them, no relations. The settled frame draws its 2,000 actors
  // and 1,000 relations (3,000 a frame, an actor counting as one), the next frames 3,000 more each.
  const settled = counts.slice(counts.findIndex((n) => n > 0));
  assert.equal(settled[0], 1000, `lines per frame: ${settled.join(', ')}`);
  assert.ok(settled.length >= 3, `lines per frame: ${settled.join(', ')}`);
  settled.slice(1).forEach((n, i) => assert.ok(n > settled[i] && n - settled[i] <= 3000, `lines per frame: ${settled.join(', ')}`));
  assert.ok(settled.at(-1) <= relations);
  // The relations' canvas lies below the actors' one.
  const order = await page.locator('.picture-canvas').evaluateAll((canvases) => canvases.map((c) => c.dataset.testid ?? 'lines'));
  assert.deepEqual(order, ['lines', 'picture-canvas']);
  assert.deepEqual(errors, []);
  await context.close();
});
