// Browser benchmark of bringing a list in, against the release build in
// dist/: a generated list of organisations as German Excel saves it (CSV,
// semicolons, Windows-1252, ten columns with contacts) and as a workbook
// (.xlsx, the same rows), with 1,000 and 5,000 rows. It measures the time
// from the file input's change event to the frame after the preview is
// painted (median of three), and from the import click until it is done.
// Targets (issue 17): preview ≤ 1 s and import ≤ 300 ms at 5,000 rows.
// Figures, not a test: written to target/bench-lists-browser.json.
import { crc32, deflateRawSync } from 'node:zlib';
import { serve } from '../support/static-server.mjs';
import { installPreviewProbe, launchBrowser, quantile, report } from './support.mjs';

const ROWS = (process.env.ROWS ?? '1000,5000').split(',').map(Number);
const KINDS = ['Verein', 'JC', 'Agentur f. Arbeit', 'Schule', 'Beratungsstelle', 'Begegnungsstätte', 'Kita', 'WfbM'];
const PLACES = ['Nord', 'Süd', 'Mitte', 'Moosdorf'];

/** The rows of the list: a header and `n` organisations. */
function table(n) {
  const rows = [['Einrichtung', 'Art', 'Träger', 'Rechtskreis', 'Stadtteil', 'Ansprechpartner/in', 'Tel.', 'E-Mail-Adresse', 'Homepage', 'Bemerkung']];
  for (let i = 1; i <= n; i++) {
    rows.push([
      `Einrichtung Müßig ${i}`, KINDS[i % KINDS.length], i % 7 === 0 ? `Träger ${i % 40}` : '', i % 2 ? 'SGB II, SGB III' : 'SGB VIII',
      PLACES[i % PLACES.length], `Jürgen Weiß ${i}`, `06441 ${10000 + i}`, `kontakt${i}@beispiel.example`, `www.einrichtung-${i}.example`,
      i % 3 ? '' : 'Treffen jeden 1. Montag; im Gemeindehaus',
    ]);
  }
  return rows;
}

const quote = (cell) => (/[;"\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const csv = (rows) => Buffer.from(rows.map((r) => r.map(quote).join(';')).join('\r\n'), 'latin1');

/** A workbook with the rows as inline strings, zipped as Excel does (deflate). */
function xlsx(rows) {
  const escape = (t) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const column = (i) => String.fromCharCode(65 + i);
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((r, y) => `<row r="${y + 1}">${r.map((c, x) => (c ? `<c r="${column(x)}${y + 1}" t="inlineStr"><is><t>${escape(c)}</t></is></c>` : '')).join('')}</row>`)
    .join('')}</sheetData></worksheet>`;
  const parts = [['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'], ['xl/worksheets/sheet1.xml', sheet]];
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of parts) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0); header.writeUInt16LE(20, 4); header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14); header.writeUInt32LE(packed.length, 18); header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0); entry.writeUInt16LE(20, 4); entry.writeUInt16LE(20, 6); entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16); entry.writeUInt32LE(packed.length, 20); entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28); entry.writeUInt32LE(offset, 42);
    local.push(header, Buffer.from(name), packed);
    central.push(entry, Buffer.from(name));
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

const server = await serve('dist');
const browser = await launchBrowser();
const results = [];
for (const n of ROWS) {
  const rows = table(n);
  for (const [format, file] of [['csv', { name: `liste-${n}.csv`, mimeType: 'text/csv', buffer: csv(rows) }], ['xlsx', { name: `liste-${n}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx(rows) }]]) {
    console.error(`… ${n} rows, ${format}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('save-state').filter({ hasText: 'Im Browser gespeichert' }).waitFor();
    await page.getByRole('button', { name: /^Austausch/ }).click();
    const importButton = page.getByRole('button', { name: '1 Datei importieren' });
    const previews = [];
    for (let round = 0; round < 3; round++) {
      if (round > 0) await page.getByRole('button', { name: 'Abbrechen', exact: true }).click();
      await installPreviewProbe(page);
      await page.locator('#import-files').setInputFiles(file);
      await importButton.waitFor({ timeout: 120000 });
      previews.push(await page.evaluate(() => window.__preview));
    }
    const actorsBefore = await page.evaluate(() => document.querySelector('[data-testid="merge-plan"]')?.textContent ?? '');
    const start = await page.evaluate(() => performance.now());
    await importButton.click();
    await page.getByTestId('import-done').waitFor({ timeout: 120000 });
    const importMs = (await page.evaluate(() => performance.now())) - start;
    results.push({
      rows: n,
      format,
      file_kb: Math.round(file.buffer.length / 1024),
      preview_ms: Math.round(quantile(previews, 0.5)),
      import_ms: Math.round(importMs),
      new_actors: Number(actorsBefore.match(/Akteure: (\d[\d.]*) kommen hinzu/)?.[1].replace('.', '') ?? 0),
    });
    await context.close();
  }
}
await browser.close();
await server.close();
report('bench-lists-browser', results, 'preview = the file input\'s change event until the frame after the preview is painted (decode, read the table, match columns and values, build the merge plan, draw; median of 3; target ≤ 1,000 ms at 5,000 rows); import = click until the import is done (target ≤ 300 ms); new actors = what the preview counted as new');
