// Browser benchmark of "Dateien auswerten, ohne sie zu importieren": 500
// checklist files (one Kommune each, made from the demo's exported planning
// checklist) chosen at once, until the table is shown; then the same with
// 500 earlier files beside for the change per item. Figures, not a test
// (target ≤ 3 s for 500 files); written to target/bench-evaluate-browser.json.
import { readFile } from 'node:fs/promises';
import { serve } from '../support/static-server.mjs';
import { kommuneFiles } from '../support/checklist-files.mjs';
import { launchBrowser, report } from './support.mjs';

const server = await serve('dist');
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', acceptDownloads: true });
const page = await context.newPage();
await page.goto(server.url);
await page.locator('.topbar').waitFor();

// The base file, exported as a user would.
await page.getByRole('button', { name: /^Austausch/ }).click();
await page.getByLabel('Ausgewählte Checklisten dieser Region').check();
await page.getByLabel('Lokale Planung 2026').check();
const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Datei speichern' }).click()]);
const base = JSON.parse(await readFile(await download.path(), 'utf8'));
await page.getByRole('button', { name: /^Auswertung/ }).click();

const rows = [];
for (const count of (process.env.FILES ?? '50,500').split(',').map(Number)) {
  const files = kommuneFiles(base, count, (i) => (i % 10 < 6 ? 'umgesetzt' : i % 10 < 8 ? 'in_planung' : null));
  const earlier = kommuneFiles(base, count, (i) => (i % 10 < 3 ? 'umgesetzt' : 'nein'), { prefix: 'vorjahr' });
  const bytes = files.reduce((n, f) => n + f.buffer.length, 0);
  await page.getByRole('button', { name: 'Auswertung verwerfen' }).click().catch(() => {});

  const start = Date.now();
  await page.locator('#evaluate-files').setInputFiles(files);
  await page.getByTestId('evaluate-count').filter({ hasText: `${count} Checklisten einbezogen.` }).waitFor({ timeout: 120000 });
  const evaluateMs = Date.now() - start;

  const compareStart = Date.now();
  await page.locator('#evaluate-earlier').setInputFiles(earlier);
  await page.getByTestId('evaluate-table').locator('thead th', { hasText: `(n = ${count})` }).waitFor({ timeout: 120000 });
  const compareMs = Date.now() - compareStart;
  rows.push({ files: count, megabytes: Number((bytes / 1048576).toFixed(1)), evaluate_ms: evaluateMs, compare_ms: compareMs });
}
report(
  'bench-evaluate-browser',
  rows,
  'evaluate = choosing the files until the table shows them all (read, check, aggregate; target ≤ 3,000 ms for 500); compare = choosing as many earlier files until the change column shows',
);
await browser.close();
await server.close();
