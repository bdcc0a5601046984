// "Dateien auswerten, ohne sie zu importieren": a Land office counts many
// checklist files (or a folder of them) in memory, sees what was skipped and
// why, compares with last year's files, and prints the table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, saved, stored, openExchange, download } from './helpers.mjs';
import { kommuneFiles } from '../support/checklist-files.mjs';
import { sealed } from '../support/netzwerkatlas-file.mjs';

const app = useApp();

/** The demo's planning checklist as an exported file: the base for every Kommune's file. */
async function baseFile(page) {
  await openExchange(page);
  await page.getByLabel('Ausgewählte Checklisten dieser Region').check();
  await page.getByLabel('Lokale Planung 2026').check();
  return JSON.parse((await download(page, page.getByRole('button', { name: 'Datei speichern' }))).text);
}

async function openAnalysis(page) {
  await page.getByRole('button', { name: /^Auswertung/ }).click();
  await page.getByRole('heading', { name: 'Dateien auswerten, ohne sie zu importieren' }).waitFor();
}

// 2020: ABH item umgesetzt for i % 10 < 6, in Planung 6–7, nein 8, open 9. 2019: umgesetzt for i % 10 < 3, else nein.
const now = (i) => (i % 10 < 6 ? 'umgesetzt' : i % 10 < 8 ? 'in_planung' : i % 10 === 8 ? 'nein' : null);
const then = (i) => (i % 10 < 3 ? 'umgesetzt' : 'nein');

test('fifty files are counted without importing; broken, duplicate and unrelated files are named with their reason', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const storedBefore = JSON.stringify(await stored(page));
  const base = await baseFile(page);
  const files = kommuneFiles(base, 50, now, { exportedAt: '2026-03-01T10:00:00Z' });
  // Kommune 3 sent again later, now with the item open: the later file counts.
  const again = kommuneFiles(base, 4, () => null, { exportedAt: '2026-04-01T10:00:00Z' })[3];
  files.push({ ...again, name: 'kommune-3-korrigiert.json' });
  files.push({ name: 'kaputt.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "netzwerkatlas",') });
  const map = JSON.parse(JSON.stringify(base));
  map.content.regions[0].checklists = [];
  files.push({ name: 'nur-karte.json', mimeType: 'application/json', buffer: Buffer.from(sealed(map)) });

  await openAnalysis(page);
  await page.locator('#evaluate-files').setInputFiles(files);
  const status = page.getByTestId('evaluate-files-status');
  await status.filter({ hasText: 'Gelesen: 53 Dateien' }).waitFor();
  assert.equal(await status.textContent(), 'Gelesen: 53 Dateien · gezählt: 50 · nicht gezählt: 3');
  const skipped = await page.getByTestId('evaluate-files-skipped').locator('li').allTextContents();
  assert.equal(skipped.length, 3);
  assert.equal(skipped[0], 'kommune-3.json: Neuere Fassung von „Kommune 003“ in kommune-3-korrigiert.json gezählt.');
  assert.match(skipped[1], /^kaputt\.json: .*Zeile 1/);
  assert.equal(skipped[2], 'nur-karte.json: Die Datei enthält keine Checkliste.');

  assert.equal(await page.getByTestId('evaluate-count').textContent(), '50 Checklisten einbezogen.');
  const row = page.getByTestId('evaluate-table').getByRole('row').filter({ hasText: 'Die Kooperation mit der Ausländerbehörde (ABH)' });
  // 5 left open, plus Kommune 3 now open: 44 answered of 50.
  assert.equal(await row.getByRole('cell').first().textContent(), '44');
  assert.equal(await row.getByTestId('unanswered').textContent(), 'nicht beantwortet: 6');
  const included = page.locator('#evaluate-title').locator('..').locator('.included-table');
  await page.locator('#evaluate-title').locator('..').locator('details summary').click();
  assert.match(await included.textContent(), /kommune-3-korrigiert\.json/);
  assert.match(await included.textContent(), /kommune-7\.json\d\d\.\d\d\.\d{4}/, 'files with their dates');

  // Nothing entered the storage.
  await saved(page);
  assert.equal(JSON.stringify(await stored(page)), storedBefore);
  await context.close();
});

test('a whole folder is counted, and last year\'s files add the change per item in percentage points', async () => {
  const { page, context } = await app.open();
  const base = await baseFile(page);
  const folder = mkdtempSync(join(tmpdir(), 'land-2020-'));
  for (const file of kommuneFiles(base, 20, now)) writeFileSync(join(folder, file.name), file.buffer);
  writeFileSync(join(folder, 'anschreiben.txt'), 'Sehr geehrte Damen und Herren');
  await openAnalysis(page);
  await page.locator('#evaluate-files-folder').setInputFiles(folder);
  await page.getByTestId('evaluate-files-status').filter({ hasText: 'gezählt: 20' }).waitFor();
  assert.equal(await page.getByTestId('evaluate-count').textContent(), '20 Checklisten einbezogen.');

  await page.locator('#evaluate-earlier').setInputFiles(kommuneFiles(base, 10, then, { prefix: 'vorjahr' }));
  await page.getByTestId('evaluate-earlier-status').filter({ hasText: 'gezählt: 10' }).waitFor();
  const table = page.getByTestId('evaluate-table');
  assert.equal(await table.locator('thead th').nth(3).textContent(), 'Veränderung seit dem früheren Stand (n = 10)');
  const change = table.getByRole('row').filter({ hasText: 'Die Kooperation mit der Ausländerbehörde (ABH)' }).getByTestId('change');
  // 2019: 3 of 10 umgesetzt (30 %), 7 nein (70 %). 2020 (18 answered): 12 umgesetzt (67 %), 4 in Planung (22 %), 2 nein (11 %).
  assert.deepEqual(await change.locator('li').allTextContents(), [
    'Nein: 70 % → 11 % (−59 Pp.)',
    'In Planung: 0 % → 22 % (+22 Pp.)',
    'Bereits umgesetzt: 30 % → 67 % (+37 Pp.)',
  ]);
  await context.close();
});

test('the aggregate prints alone: title, date, n and the bars with their numbers', async () => {
  const { page, context } = await app.open();
  const base = await baseFile(page);
  await openAnalysis(page);
  await page.locator('#evaluate-files').setInputFiles(kommuneFiles(base, 12, now));
  await page.getByTestId('evaluate-files-status').filter({ hasText: 'gezählt: 12' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  // What the page looks like at the moment the browser prints it.
  await page.evaluate(() => {
    window.print = () => {
      const shown = (el) => el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
      const evaluate = document.querySelector('#evaluate-title').closest('section');
      window.__printed = {
        title: shown(document.querySelector('[data-testid="evaluate-print-title"]')) && document.querySelector('[data-testid="evaluate-print-title"]').textContent,
        table: shown(evaluate.querySelector('.aggregate-table')),
        bars: shown(evaluate.querySelector('.aggregate-table .progress-text')),
        ownAggregate: shown(document.querySelector('[data-testid="aggregate-table"]')) || shown(document.querySelector('#aggregate-title')),
        compare: shown(document.querySelector('.compare-table')) || shown(document.querySelector('#compare-title')),
        controls: shown(document.querySelector('#evaluate-template')) || shown(document.querySelector('#evaluate-files')),
        header: shown(document.querySelector('.topbar')),
      };
    };
  });
  await page.getByRole('button', { name: 'Drucken' }).last().click();
  const printed = await page.evaluate(() => window.__printed);
  assert.match(printed.title, /^Auswertung „Lokale Planung[^“]*“ · Stand \d\d\.\d\d\.\d{4} · n = 12 Checklisten$/);
  assert.deepEqual(
    { ...printed, title: true },
    { title: true, table: true, bars: true, ownAggregate: false, compare: false, controls: false, header: false },
  );
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('[data-printing]').count(), 0, 'back to the screen after printing');
  await context.close();
});
