// Browser benchmark of the Verlauf with a generated region of 2,000 actors
// and eight quarterly Stichtage (about 2 % changed between each; written by
// examples/bench_files.rs): what the Stichtage take in localStorage beside
// the region, and how long the user waits for "what changed" between two
// Stichtage and between a Stichtag and today (from the choice in the select
// to the frame after the change list is painted; the app diffs the two
// 2,000-actor states and lays out the lines). Figures, not a test: written
// to target/bench-history-browser.json. Target for the diff: ≤ 50 ms.
import { readFileSync } from 'node:fs';
import { serve } from '../support/static-server.mjs';
import { launchBrowser, quantile, report } from './support.mjs';

const QUOTA = 5_242_880;
const server = await serve('dist');
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
const page = await context.newPage();
await page.goto(server.url);
await page.getByTestId('save-state').filter({ hasText: 'Im Browser gespeichert' }).waitFor();

await page.getByRole('button', { name: /^Austausch/ }).click();
const buffer = readFileSync('target/bench-files/region-history-2000.json');
await page.locator('#import-files').setInputFiles({ name: 'region-history-2000.json', mimeType: 'application/json', buffer });
await page.getByRole('button', { name: '1 Datei importieren' }).click();
await page.getByTestId('import-done').waitFor({ timeout: 120000 });
await page.getByRole('button', { name: /^Zur Region/ }).click();
await page.getByTestId('save-state').filter({ hasText: 'Im Browser gespeichert' }).waitFor({ timeout: 120000 });

// The region's own parts and its Stichtage part, as stored (packed).
const storage = await page.evaluate(() => {
  const manifest = JSON.parse(localStorage.getItem(localStorage.getItem('netzwerkatlas.current') === 'b' ? 'netzwerkatlas.workspace.b' : 'netzwerkatlas.workspace'));
  const entry = manifest.parts.regions.find((r) => r.stichtage);
  const length = (name) => Object.keys(localStorage).filter((k) => k.endsWith(name)).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0);
  const own = [entry.region, ...entry.actors, ...entry.relations, ...entry.checklists].reduce((n, name) => n + length(name), 0);
  return { own, stichtage: length(entry.stichtage) };
});

await page.getByRole('button', { name: 'Verlauf' }).click();
await page.getByTestId('stichtag-list').locator('tbody tr').nth(7).waitFor();
const values = await page.locator('#history-from option').evaluateAll((options) => options.map((o) => o.value));
// values: the eight Stichtage, newest first, then "heute".

// From a change of a select until the frame after the list is painted.
async function timedChoice(select, value) {
  return page.evaluate(([select, value]) => new Promise((resolve) => {
    const element = document.querySelector(select);
    const start = performance.now();
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
  }), [select, value]);
}
const between = [];
const toToday = [];
await page.locator('#history-to').selectOption(values[0]);
for (let round = 0; round < 10; round++) {
  // Oldest against newest, then the second oldest: each choice a new diff.
  between.push(await timedChoice('#history-from', values[7 - (round % 2)]));
}
await page.locator('#history-to').selectOption('heute');
for (let round = 0; round < 10; round++) {
  toToday.push(await timedChoice('#history-from', values[7 - (round % 2)]));
}
const lines = await page.getByTestId('history-changes').locator('li').count();
const round1 = (v) => Math.round(v * 10) / 10;
report('bench-history-browser', [{
  actors: 2000,
  stichtage: 8,
  region_chars: storage.own,
  stichtage_chars: storage.stichtage,
  stichtage_of_region_pct: round1((100 * storage.stichtage) / storage.own),
  stichtage_quota_pct: round1((100 * storage.stichtage) / QUOTA),
  diff_two_stichtage_median_ms: round1(quantile(between, 0.5)),
  diff_two_stichtage_p95_ms: round1(quantile(between, 0.95)),
  diff_to_today_median_ms: round1(quantile(toToday, 0.5)),
  lines_listed: lines,
}], 'stichtage_of_region_pct: what eight Stichtage take beside the region in localStorage (target ≤ 25 %); diff_*: from choosing in "Von" to the painted change list (target ≤ 50 ms), 10 choices each');
await browser.close();
await server.close();
