// Browser benchmark of the network picture against the release build in
// dist/: for generated regions of 200, 2,000 and 5,000 actors (five
// relations each) it imports the file, opens the picture and prints the time
// to the first drawn picture, until the force layout has settled, the frame
// intervals and the main-thread tasks over 50 ms meanwhile, and the frame
// intervals while zooming. Figures, not a
// test: written to target/bench-network-browser.json.
import { readFileSync } from 'node:fs';
import { serve } from '../support/static-server.mjs';
import { launchBrowser, quantile, report, sizes } from './support.mjs';

const server = await serve('dist');

/** Arms a probe in the page: from the click on the "Netzwerkbild" tab (the
 *  event's own time, not the test tool's) until the canvas reports all
 *  `nodes` drawn, which it does in the animation frame it draws them in. */
const armFirstPicture = (page, nodes) => page.evaluate((n) => {
  window.__clickAt = undefined;
  window.__drawnAt = undefined;
  document.addEventListener('click', (e) => { if (e.target.closest('button.tab')) window.__clickAt = performance.now(); }, { capture: true, once: true });
  window.__settledAt = undefined;
  // Drawn, then settled: the count no longer says the layout is running.
  const observer = new MutationObserver(() => {
    if (window.__drawnAt === undefined && document.querySelector('[data-testid="picture-canvas"]')?.dataset.nodes === String(n)) {
      window.__drawnAt = performance.now();
    }
    if (window.__drawnAt !== undefined && !document.querySelector('[data-testid="network-count"]')?.textContent.includes('angeordnet')) {
      window.__settledAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-nodes'], childList: true, characterData: true });
}, nodes);
const firstPictureMs = (page) => page.evaluate(() => window.__drawnAt - window.__clickAt);
const browser = await launchBrowser();
const rows = [];


for (const actors of sizes) {
  console.error(`… ${actors} actors`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.topbar').waitFor();
  const text = readFileSync(`target/bench-files/region-${actors}.json`);
  await page.getByRole('button', { name: /^Austausch/ }).click({ timeout: 300000 });
  await page.locator('#import-files').setInputFiles({ name: `region-${actors}.json`, mimeType: 'application/json', buffer: text });
  await page.getByRole('button', { name: '1 Datei importieren' }).waitFor();
  const importStart = Date.now();
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor({ timeout: 120000 });
  const importMs = Date.now() - importStart;
  await page.getByRole('button', { name: /^Zur Region/ }).click({ timeout: 300000 });
  // The import is written to storage first: that is the import's work, not the picture's.
  await page.locator('[data-testid="save-state"].ok').waitFor({ timeout: 120000 });

  // Record every animation frame and every main-thread task over 50 ms from here on.
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration })))).observe({ type: 'longtask' });
    window.__frames = [];
    const tick = (t) => { window.__frames.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await armFirstPicture(page, actors);
  const openStart = await page.evaluate(() => performance.now());
  // A CSS locator: finding a button by its accessible name would time the test tool, not the app.
  await page.locator('button.tab', { hasText: 'Netzwerkbild' }).click({ timeout: 300000 });
  await page.waitForFunction((n) => document.querySelector('[data-testid="picture-canvas"]')?.dataset.nodes === String(n), actors, { timeout: 120000 });
  const firstPicture = await firstPictureMs(page);
  await page.waitForFunction(() => !document.querySelector('[data-testid="network-count"]').textContent.includes('angeordnet'), null, { timeout: 300000, polling: 100 });
  const settled = await page.evaluate(() => window.__settledAt - window.__clickAt);
  await page.waitForFunction(() => document.querySelector('[data-testid="picture-canvas"]').dataset.metricsMs !== undefined, null, { timeout: 300000, polling: 100 });
  const compute = await page.getByTestId('picture-canvas').evaluate((c) => ({ layout: Number(c.dataset.layoutMs), metrics: Number(c.dataset.metricsMs) }));
  const longTaskList = await page.evaluate((start) => window.__longTasks.filter((t) => t.start >= start).map((t) => ({ at: t.start - start, ms: t.ms })), openStart);
  const longTasks = longTaskList.map((t) => t.ms);
  // When each came, to tell opening, the settled frame and the answers apart.
  console.error(`  long tasks (ms after the click +ms): ${longTaskList.map((t) => `${Math.round(t.at)} +${Math.round(t.ms)}`).join(', ') || 'none'}`);
  const layoutFrames = await page.evaluate((start) => {
    const f = window.__frames.filter((t) => t >= start);
    return f.slice(1).map((t, i) => t - f[i]);
  }, openStart);

  // Zoom with the wheel, one step per frame, and measure the frame intervals.
  await page.locator('.network-svg').evaluate((svg) => svg.scrollIntoView({ block: 'center' }));
  const box = await page.locator('.network-svg').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const zoomStart = await page.evaluate(() => performance.now());
  let zoomedIn = '';
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, i < 15 ? -100 : 100);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    if (i === 14) zoomedIn = await page.locator('.network-zoom').getAttribute('transform');
  }
  // Figures for a wheel that scrolled the page instead would mean nothing.
  if (!/scale\((?!1\))/.test(zoomedIn)) throw new Error(`the wheel did not zoom the picture: ${zoomedIn}`);
  const zoomFrames = await page.evaluate((start) => {
    const f = window.__frames.filter((t) => t >= start);
    return f.slice(1).map((t, i) => t - f[i]);
  }, zoomStart);
  // Opened again: the settled layout kept in the browser is drawn at once.
  await page.locator('button.tab', { hasText: 'Akteure' }).click({ timeout: 300000 });
  await page.getByTestId('picture-canvas').waitFor({ state: 'detached' });
  await armFirstPicture(page, actors);
  await page.locator('button.tab', { hasText: 'Netzwerkbild' }).click({ timeout: 300000 });
  await page.waitForFunction((n) => document.querySelector('[data-testid="picture-canvas"]')?.dataset.nodes === String(n), actors, { timeout: 120000 });
  const storedPicture = await firstPictureMs(page);
  const storedLayoutMs = await page.getByTestId('picture-canvas').getAttribute('data-layout-ms');
  const row = {
    actors,
    relations: actors * 5,
    import_ms: importMs,
    first_picture_ms: Math.round(firstPicture),
    first_picture_stored_ms: Math.round(storedPicture),
    stored_layout_ms: Number(storedLayoutMs),
    layout_settled_ms: Math.round(settled),
    layout_compute_ms: compute.layout,
    metrics_compute_ms: compute.metrics,
    layout_frame_median_ms: +quantile(layoutFrames, 0.5).toFixed(1),
    layout_frame_max_ms: +Math.max(0, ...layoutFrames).toFixed(1),
    long_tasks: longTasks.length,
    longest_task_ms: Math.round(Math.max(0, ...longTasks)),
    zoom_frame_median_ms: +quantile(zoomFrames, 0.5).toFixed(1),
    zoom_frame_p95_ms: +quantile(zoomFrames, 0.95).toFixed(1),
  };
  rows.push(row);
  await context.close();
}
await browser.close();
await server.close();

report('bench-network-browser', rows, 'first picture = from the click event on "Netzwerkbild" until the frame in which every node is drawn (stored: opened again, from the kept settled layout; stored layout ms 0 = no new layout); layout settled = until the force layout is done; frame = interval between animation frames; long tasks = main-thread tasks over 50 ms from the click until betweenness is done (PerformanceObserver "longtask")');
