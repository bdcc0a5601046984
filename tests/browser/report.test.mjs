// The report on a period: drafted from what changed since the Stichtag
// before it, edited part by part, kept over a reload, printed alone, and
// saved for Word and as Markdown; kept in an export without
// personal data, with a word of warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, takeStichtag, saved, reload, createActor, stored, activeRegion, openExchange, download } from './helpers.mjs';
import { schemaErrors } from '../support/netzwerkatlas-file.mjs';

const app = useApp();

/** The files of a zip whose files are stored (as the app writes them), by name. */
function storedZip(bytes) {
  const files = {};
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    assert.equal(bytes.readUInt16LE(at + 8), 0, 'stored, not compressed');
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extra = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extra;
    files[name] = bytes.toString('utf8', start, start + size);
    at = start + size;
  }
  return files;
}

async function downloadBytes(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('a quarterly report: drafted with the changes, edited, kept, printed alone, saved for Word and as Markdown', async () => {
  const { page, context, errors } = await app.open();
  // A Stichtag long before any period offered starts the comparison.
  await takeStichtag(page, 'Ausgangslage', '01.01.2020');
  await page.getByRole('button', { name: /^Akteure/ }).click();
  await createActor(page, { name: 'Jugendberatung Nord' });
  await page.getByRole('button', { name: 'Verlauf' }).click();

  // The last quarter comes first; the current one (up to today) is second.
  const periods = await page.locator('#report-period option').allTextContents();
  assert.match(periods[0], /^[1-4]\. Quartal 20\d\d$/);
  assert.equal(periods.length, 8);
  await page.locator('#report-period').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Entwurf erstellen' }).click();
  const editor = page.getByTestId('report-editor');
  await editor.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'report-title', 'focus on the draft');
  const title = await page.locator('#report-title').inputValue();
  assert.equal(title, `Bericht ${periods[1]}`);
  assert.match(await page.getByLabel('Überblick').inputValue(), /Verglichen werden der Stichtag „Ausgangslage“ \(01\.01\.2020\) und der Stand am/);
  assert.match(await page.getByLabel('Überblick').inputValue(), /- Akteure: 44 \(zu Beginn 43\)/);
  const changes = await page.getByLabel('Veränderungen im Netzwerk').inputValue();
  assert.match(changes, /^Neu: 1 Akteur/);
  assert.match(changes, /- Neu: Jugendberatung Nord/);
  assert.match(await page.getByLabel('Maßnahmenplan').inputValue(), /verantwortlich: /, 'the demo has items being planned with someone responsible');
  // The Tätigkeitsjournal's entries of the period (the demo's last is from 20.10.2026).
  const activities = await page.getByLabel('Tätigkeiten').inputValue();
  if (periods[1].startsWith('4. Quartal 2026')) assert.match(activities, /^- 20\.10\.2026 Öffentlichkeitsarbeit: Flyer zum Teilhabemanagement/);
  else assert.match(activities, /^(- \d\d\.\d\d\.\d{4} .+|Im Zeitraum steht nichts im Tätigkeitsjournal\.)$/m);
  // The programmes that ran in the period: the demo's runs from 2022 to 2026, with four Bausteine.
  const programmes = await page.getByLabel('Programme und Bausteine').inputValue();
  if (/202[2-6]/.test(periods[1])) {
    assert.match(programmes, /^JUGEND STÄRKEN im Quartier \(Fördergeber: .+; Laufzeit: 01\.01\.2022 bis 31\.12\.2026\)\n/);
    assert.match(programmes, /\n- Clearing: Träger: Jugendberufsagentur Lindenau; Partner: Agentur für Arbeit Lindenau, Berufliche Schulen Lindenau; Sozialräume: Mitte, Nord\n/);
  } else assert.equal(programmes, 'Im Zeitraum lief kein Programm.');

  // The coordinator writes the outlook and shortens the title; kept when the field is left.
  await page.getByLabel('Ausblick und Bemerkungen').fill('Im nächsten Quartal:\n- Fachtag Übergang Schule–Beruf\n- Vereinbarung mit dem Jobcenter');
  await page.getByLabel('Ausblick und Bemerkungen').press('Tab');
  await page.locator('#report-title').fill('Sachbericht');
  await page.locator('#report-title').press('Tab');
  await saved(page);
  const region = activeRegion(await stored(page));
  assert.equal(region.reports.length, 1);
  assert.equal(region.reports[0].title, 'Sachbericht');
  assert.equal(region.reports[0].parts[7].text, 'Im nächsten Quartal:\n- Fachtag Übergang Schule–Beruf\n- Vereinbarung mit dem Jobcenter');

  await reload(page);
  await page.getByRole('button', { name: 'Verlauf' }).click();
  const listed = page.getByTestId('report-list').locator('li').filter({ hasText: 'Sachbericht' });
  await listed.getByRole('button', { name: 'Bearbeiten' }).click();
  assert.match(await page.getByLabel('Ausblick und Bemerkungen').inputValue(), /Fachtag Übergang/);

  // Printed: the report alone, as headings, paragraphs and a list.
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('report-print');
  assert.ok(await printed.isVisible());
  assert.ok(!(await page.locator('.stichtag-form').isVisible()), 'the Stichtag form is not printed');
  assert.ok(!(await page.locator('#report-title').isVisible()), 'nor the fields');
  assert.equal(await printed.locator('h2').textContent(), 'Sachbericht');
  assert.deepEqual(await printed.locator('h3').allTextContents(), [
    'Überblick', 'Veränderungen im Netzwerk', 'Gremien und Sitzungen', 'Tätigkeiten', 'Programme und Bausteine', 'Stand der Checklisten', 'Maßnahmenplan', 'Ausblick und Bemerkungen',
  ]);
  assert.deepEqual(await printed.locator('ul').last().locator('li').allTextContents(), ['Fachtag Übergang Schule–Beruf', 'Vereinbarung mit dem Jobcenter']);
  await page.emulateMedia({ media: 'screen' });

  // Word (LibreOffice opens it too): a zip container whose text is the report's.
  const word = await downloadBytes(page, page.getByRole('button', { name: 'Word-Datei (.docx)' }));
  assert.equal(word.name, 'sachbericht.docx');
  const docx = storedZip(word.bytes);
  assert.ok(docx['[Content_Types].xml'].includes('wordprocessingml.document.main+xml'));
  const body = docx['word/document.xml'];
  assert.match(body, /<w:pStyle w:val="Title"\/><\/w:pPr><w:r><w:t xml:space="preserve">Sachbericht<\/w:t>/);
  assert.match(body, /Neu: Jugendberatung Nord/);
  assert.match(body, /<w:numId w:val="1"\/><\/w:numPr><\/w:pPr><w:r><w:t xml:space="preserve">Vereinbarung mit dem Jobcenter<\/w:t>/);
  const md = await download(page, page.getByRole('button', { name: 'Markdown (.md)' }));
  assert.equal(md.name, 'sachbericht.md');
  assert.match(md.text, /^# Sachbericht\n\nLandkreis Lindenau \(Demo\), Zeitraum \d\d\.\d\d\.20\d\d bis \d\d\.\d\d\.20\d\d\n\n## Überblick\n/);
  assert.match(md.text, /## Ausblick und Bemerkungen\n\nIm nächsten Quartal:\n\n- Fachtag Übergang Schule–Beruf\n- Vereinbarung mit dem Jobcenter\n$/);

  // Deleted, and undone.
  await listed.getByRole('button', { name: 'Löschen …' }).click();
  await listed.getByRole('button', { name: 'Ja, löschen' }).click();
  await page.getByTestId('report-editor').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('report-list').locator('li').count(), 0);
  await page.keyboard.press('Control+z');
  await page.getByTestId('report-list').locator('li').filter({ hasText: 'Sachbericht' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('reports stay in an export without personal data, and the privacy note says so', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await page.locator('#stichtag-date').fill('01.01.2020');
  await page.getByRole('button', { name: 'Stand festhalten' }).click();
  await page.getByRole('button', { name: 'Entwurf erstellen' }).click();
  await page.getByTestId('report-editor').waitFor();
  await openExchange(page);
  const withThem = JSON.parse((await download(page, page.getByRole('button', { name: 'Datei speichern' }))).text);
  assert.equal(withThem.content.regions[0].stichtage.length, 1);
  assert.equal(withThem.content.regions[0].reports.length, 1);
  assert.deepEqual(schemaErrors(withThem), []);
  await page.getByLabel('Ohne personenbezogene Daten teilen (DSGVO)').check();
  assert.match(await page.getByTestId('privacy-kept').textContent(), /1 Bericht bleibt in der Datei\. Prüfen Sie, ob er Personen nennt\.$/);
  const without = JSON.parse((await download(page, page.getByRole('button', { name: 'Datei speichern' }))).text);
  assert.equal(without.personal_data, false);
  assert.equal(without.content.regions[0].reports.length, 1);
  assert.deepEqual(schemaErrors(without), []);
  await context.close();
});
