// The network picture: the demo region drawn, filters and focus, dragging
// and keyboard placing that survive a reload, reading the network, export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, saved, stored, activeRegion, reload, createActor } from './helpers.mjs';

const app = useApp();

async function openPicture(page) {
  await page.getByRole('button', { name: /^Netzwerkbild/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Netzwerkbild' }).waitFor();
  // Wait until the force layout has settled.
  await page.getByTestId('network-count').filter({ hasNotText: 'wird angeordnet' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="network-count"]').textContent.includes('angeordnet'));
}

const nodeCount = (page) => page.locator('.network-svg .node').count();
const edgeCount = (page) => page.getByTestId('edge-canvas').getAttribute('data-drawn').then(Number);

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
  const points = await page.locator('.network-svg .node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('transform')));
  assert.equal(new Set(points).size, 43, 'no two actors on the same point');

  // The list's filters apply: only SGB II actors, and only relations among them.
  await page.locator('#filter-rechtskreis').selectOption('sgb_ii');
  const sgb2 = new Set(region.actors.filter((a) => (a.rechtskreise ?? []).includes('sgb_ii')).map((a) => a.id));
  const inside = region.relations.filter((r) => sgb2.has(r.from) && sgb2.has(r.to)).length;
  await page.waitForFunction((n) => document.querySelectorAll('.network-svg .node').length === n, sgb2.size);
  assert.equal(await edgeCount(page), inside);
  await page.locator('#filter-rechtskreis').selectOption('');

  // Focus on the Jobcenter: itself and its direct neighbours, then two steps.
  const jobcenter = region.actors.find((a) => a.name === 'Jobcenter Landkreis Lindenau');
  await page.locator('#network-focus').selectOption(jobcenter.id);
  const near = neighbours(region, jobcenter.id);
  await page.waitForFunction((n) => document.querySelectorAll('.network-svg .node').length === n, near.size + 1);
  const shown = await page.locator('.network-svg .node').evaluateAll((nodes) => nodes.map((n) => n.dataset.id));
  assert.deepEqual(new Set(shown), new Set([jobcenter.id, ...near]));
  await page.getByLabel('Stufe 2').check();
  const twoSteps = new Set([jobcenter.id, ...near]);
  for (const id of near) for (const n of neighbours(region, id)) twoSteps.add(n);
  await page.waitForFunction((n) => document.querySelectorAll('.network-svg .node').length === n, twoSteps.size);

  // The sector map: every actor, sectors labelled on the rim.
  await page.locator('#network-focus').selectOption('');
  await page.locator('#network-mode').selectOption('sectors');
  await page.waitForFunction(() => document.querySelectorAll('.network-svg .node').length === 43);
  assert.ok((await page.locator('.sector-label').allTextContents()).includes('SGB II'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dragged node keeps its place after a reload; "Neu anordnen" frees it', async () => {
  const { page, context } = await app.open();
  await openPicture(page);
  const node = page.locator('.network-svg .node[data-id="demo-baeckerei"]');
  const box = await node.boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 60, y + 40, { steps: 5 });
  await page.mouse.move(x + 120, y + 80, { steps: 5 });
  await page.mouse.up();
  await saved(page);
  const placed = activeRegion(await stored(page)).placed;
  assert.equal(placed.length, 1);
  assert.equal(placed[0].actor, 'demo-baeckerei');
  const where = await node.getAttribute('transform');
  assert.equal(where, `translate(${placed[0].x.toFixed(1)} ${placed[0].y.toFixed(1)})`);
  assert.equal(await page.locator('aside.panel').count(), 0, 'dragging does not open the details');

  await reload(page);
  await openPicture(page);
  assert.equal(await page.locator('.network-svg .node[data-id="demo-baeckerei"]').getAttribute('transform'), where);

  await page.getByRole('button', { name: 'Neu anordnen' }).click();
  await saved(page);
  assert.deepEqual(activeRegion(await stored(page)).placed, []);
  await context.close();
});

test('by keyboard: nodes are reachable, open with Enter and move with Shift+arrows', async () => {
  const { page, context } = await app.open();
  await openPicture(page);
  const first = page.locator('.network-svg .node[data-index="0"]');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.index), '1');
  const id = await page.evaluate(() => document.activeElement.dataset.id);
  await page.keyboard.press('Shift+ArrowDown');
  await saved(page);
  assert.deepEqual(activeRegion(await stored(page)).placed.map((p) => p.actor), [id]);
  await page.keyboard.press('Enter');
  const name = activeRegion(await stored(page)).actors.find((a) => a.id === id).name;
  await page.getByRole('heading', { level: 2, name }).waitFor();

  // The map itself: + zooms, 0 resets.
  await page.locator('.network-canvas').focus();
  await page.keyboard.press('+');
  assert.match(await page.locator('.network-zoom').getAttribute('transform'), /scale\(1\.25\)/);
  await page.keyboard.press('0');
  assert.match(await page.locator('.network-zoom').getAttribute('transform'), /scale\(1\)/);
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
  assert.match(await page.locator(`.network-svg .node[data-id="${id}"]`).getAttribute('class'), /highlight/);
  const brokers = page.getByTestId('findings').locator('section').filter({ hasText: 'Wer hält das Netzwerk zusammen?' });
  assert.equal(await brokers.getByRole('listitem').count(), 5);

  await page.locator('.network-svg .node[data-id="demo-jobcenter"]').click();
  await page.getByRole('heading', { level: 2, name: 'Jobcenter Landkreis Lindenau' }).waitFor();

  // A click on a line opens that relation: the middle of the longest one on screen.
  const region = activeRegion(await stored(page));
  const middle = await page.evaluate((relations) => {
    const centre = (id) => {
      const box = document.querySelector(`.network-svg .node[data-id="${id}"] path`).getBoundingClientRect();
      return [box.x + box.width / 2, box.y + box.height / 2];
    };
    let best = null;
    for (const r of relations) {
      const [a, b] = [centre(r.from), centre(r.to)];
      const length = Math.hypot(a[0] - b[0], a[1] - b[1]);
      if (!best || length > best.length) best = { length, x: (a[0] + b[0]) / 2, y: (a[1] + b[1]) / 2 };
    }
    return best;
  }, region.relations);
  await page.mouse.click(middle.x, middle.y);
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
