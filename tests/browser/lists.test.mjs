// Bringing a list of organisations in: a Windows-1252 CSV from German Excel
// with a title row, the column mapping, a second list that meets known
// actors side by side, the app's own actor list read back, undo, bad files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, saved, stored, activeRegion, openActor, openExchange, download, chooseFiles, reload } from './helpers.mjs';

const app = useApp();
const csv = (name, content) => ({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
const fixture = () => csv('traegerliste.csv', readFileSync('tests/fixtures/lists/traegerliste-windows-1252.csv'));

test('a Windows-1252 list from Excel arrives with its umlauts, every left-out value named by line; one undo takes it back', async () => {
  const { page, context, errors } = await app.open();
  await saved(page);
  const before = activeRegion(await stored(page));
  await openExchange(page);
  await chooseFiles(page, [fixture()]);
  const file = page.getByTestId('import-file');
  assert.match(await file.locator('.file-meta').textContent(), /Liste aus einem anderen Programm · Überschriften in Zeile 3 · wird übernommen in: Landkreis Lindenau \(Demo\)/);
  // The columns as recognised, each with its first values.
  const columns = page.getByTestId('list-columns');
  assert.equal(await columns.getByLabel('Einrichtung').inputValue(), 'name');
  assert.equal(await columns.getByLabel('Ansprechpartner/in').inputValue(), 'contact_name');
  assert.equal(await columns.getByLabel('Tel.').inputValue(), 'contact_phone');
  assert.equal(await columns.getByLabel('Stadtteil').inputValue(), 'sozialraeume');
  assert.match(await columns.getByRole('row').first().textContent(), /z\. B\. Trägerverein Müßig e\.V\. · Jobcenter Lindenau/);
  const notes = await page.getByTestId('import-notes').textContent();
  for (const line of [
    'Zeile 7, Spalte „Homepage“: „javascript:alert(1)“ ausgelassen.',
    'Zeile 7, Spalte „E-Mail-Adresse“: „oeztuerk@arbeitsagentur“ ausgelassen. Das ist keine gültige E-Mail-Adresse.',
    'Zeile 9: ohne Namen, nicht übernommen.',
    'Art „Begegnungsstätte“ (Zeile 10) ist unbekannt: als „Sonstige“ übernommen.',
    'Träger „Diakonie Lindenau“ (Zeilen 8, 10) ist noch kein Akteur: als neuer Akteur angelegt.',
  ]) {
    assert.ok(notes.includes(line), `${line} in ${notes}`);
  }
  assert.equal(await page.locator('#import-action-0').inputValue(), `merge:${before.id}`, 'a list goes into the current region');
  // The demo Kreis knows the Agentur under its full name: matched, and asked side by side.
  assert.match(await page.getByTestId('merge-plan').textContent(), /Akteure: 5 kommen hinzu, 0 sind schon vorhanden und gleich, bei 1 unterscheiden sich Angaben/);
  assert.match(await page.getByTestId('merge-pair').textContent(), /Agentur für Arbeit Lindenau ↔ Agentur f\. Arbeit Lindenau \(ähnlicher Name\)/);
  assert.match(await page.getByTestId('merge-plan').textContent(), /Süd/, 'the new Sozialraum is named before it is made');
  assert.deepEqual(activeRegion(await stored(page)).actors.length, before.actors.length, 'nothing changed before the click');

  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await saved(page);
  const region = activeRegion(await stored(page));
  assert.equal(region.actors.length, before.actors.length + 5);
  const muessig = region.actors.find((a) => a.name === 'Trägerverein Müßig e.V.');
  assert.deepEqual(muessig.contacts, [{ name: 'Jürgen Weiß', email: 'j.weiss@muessig.example', phone: '06441 12-34' }]);
  assert.equal(muessig.notes, 'Treffen jeden 1. Montag;\nim Gemeindehaus');
  assert.equal(muessig.website, 'https://www.muessig.example');
  const jobcenter = region.actors.find((a) => a.name === 'Jobcenter Lindenau');
  assert.equal(jobcenter.website, 'https://jobcenter-lindenau.example');
  assert.ok(region.sozialraeume.some((s) => s.name === 'Süd'));
  await page.getByRole('button', { name: /^Akteure\d/ }).click();
  await openActor(page, 'Trägerverein Müßig e.V.');
  await page.getByText('Jürgen Weiß').first().waitFor();

  // The whole list was one step.
  await page.getByRole('button', { name: '↶ Rückgängig' }).click();
  await saved(page);
  const undone = activeRegion(await stored(page));
  assert.equal(undone.actors.length, before.actors.length);
  assert.ok(!undone.sozialraeume.some((s) => s.name === 'Süd'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('each value of Art and Rechtskreise is listed with its match; a choice counts for every row, ends its note, and is remembered', async () => {
  const { page, context, errors } = await app.open();
  await openExchange(page);
  await chooseFiles(page, [fixture()]);
  const values = page.getByTestId('list-values');
  const row = (value) => values.getByRole('row').filter({ has: page.getByLabel(value, { exact: true }) });
  // Not recognised first, with what it becomes; the recognised after them.
  const shown = await values.locator('th label').allTextContents();
  assert.deepEqual(shown.slice(0, 2).sort(), ['Begegnungsstätte', 'Jugendberufshilfe']);
  assert.ok(shown.includes('JC') && shown.includes('Verein'));
  assert.match(await row('Begegnungsstätte').textContent(), /^ArtBegegnungsstättenicht erkannt1Träger/);
  assert.equal(await values.getByLabel('Begegnungsstätte', { exact: true }).inputValue(), 'sonstige');
  assert.equal(await values.getByLabel('JC', { exact: true }).inputValue(), 'jobcenter');
  assert.match(await row('JC').textContent(), /^ArtJCerkannt1/);
  assert.match(await page.getByTestId('import-notes').textContent(), /Art „Begegnungsstätte“ \(Zeile 10\) ist unbekannt/);

  await values.getByLabel('Begegnungsstätte', { exact: true }).selectOption('verein');
  await page.waitForFunction(() => /-value-[01]$/.test(document.activeElement?.id ?? ''));
  assert.equal(await page.evaluate(() => document.activeElement.value), 'verein', 'focus stays on the choice, in the new preview');
  assert.match(await row('Begegnungsstätte').textContent(), /^ArtBegegnungsstättegewählt1/);
  assert.doesNotMatch(await page.getByTestId('import-notes').textContent(), /Begegnungsstätte/, 'a value chosen for is not unknown');
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await saved(page);
  assert.equal(activeRegion(await stored(page)).actors.find((a) => a.name === 'Café Grenzenlos').kind, 'verein');

  // The next list that writes the value gets the same choice; a Rechtskreis that is none can be left out.
  await reload(page);
  await openExchange(page);
  const next = 'Einrichtung;Art;Rechtskreis\nStadtteiltreff Nord;Begegnungsstätte;SGB 2, Landesrecht\nHaus am Park;Verein;Landesrecht\n';
  await chooseFiles(page, [csv('naechste.csv', next)]);
  assert.equal(await values.getByLabel('Begegnungsstätte', { exact: true }).inputValue(), 'verein');
  assert.match(await row('Begegnungsstätte').textContent(), /^ArtBegegnungsstättegewählt1/);
  assert.equal(await values.getByLabel('SGB 2', { exact: true }).inputValue(), 'sgb_ii');
  const landesrecht = values.getByLabel('Landesrecht', { exact: true });
  assert.equal(await landesrecht.inputValue(), '');
  assert.match(await row('Landesrecht').textContent(), /^RechtskreiseLandesrechtnicht erkannt2/);
  assert.match(await page.getByTestId('import-notes').textContent(), /Landesrecht/);
  await landesrecht.selectOption('sgb_xii');
  await page.waitForFunction(() => document.activeElement?.id?.match(/-value-\d+$/) && document.activeElement.value === 'sgb_xii');
  assert.equal(await page.getByTestId('import-notes').count(), 0, 'nothing left to report');
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await saved(page);
  const region = activeRegion(await stored(page));
  assert.deepEqual(region.actors.find((a) => a.name === 'Stadtteiltreff Nord').rechtskreise, ['sgb_ii', 'sgb_xii']);
  assert.deepEqual(region.actors.find((a) => a.name === 'Haus am Park').rechtskreise, ['sgb_xii']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a column given another field changes the preview at once, and focus stays on the choice', async () => {
  const { page, context } = await app.open();
  await openExchange(page);
  await chooseFiles(page, [fixture()]);
  const remark = page.getByTestId('list-columns').getByLabel('Bemerkung');
  assert.equal(await remark.inputValue(), 'notes');
  await remark.selectOption('tags');
  await page.waitForFunction(() => document.activeElement?.id?.endsWith('-column-8'));
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.equal(await page.locator(`#${focused}`).inputValue(), 'tags');
  // Without a name column there is nothing to take, and the mapping stays to put it right.
  await page.getByTestId('list-columns').getByLabel('Einrichtung').selectOption('ignored');
  await page.getByTestId('import-error').filter({ hasText: 'keine Liste von Einrichtungen' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Nichts zu importieren' }).isDisabled());
  await page.getByTestId('list-columns').getByLabel('Einrichtung').selectOption('name');
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await saved(page);
  const muessig = activeRegion(await stored(page)).actors.find((a) => a.name === 'Trägerverein Müßig e.V.');
  assert.deepEqual(muessig.tags, ['Treffen jeden 1. Montag', 'im Gemeindehaus'], 'the remark went to the tags as chosen');
  assert.equal(muessig.notes, undefined);
  // Next quarter's list of the same shape comes with the mapping chosen last time.
  await reload(page);
  await openExchange(page);
  await chooseFiles(page, [fixture()]);
  assert.equal(await page.getByTestId('list-columns').getByLabel('Bemerkung').inputValue(), 'tags');
  await context.close();
});

test('a list that names known actors asks side by side only where it says something else; the own actor list reads back unchanged', async () => {
  const { page, context } = await app.open();
  await saved(page);
  await openExchange(page);
  const own = await download(page, page.getByRole('button', { name: 'Akteure als CSV' }));
  await chooseFiles(page, [csv('akteure.csv', own.text)]);
  assert.equal(await page.getByTestId('import-notes').count(), 0, 'nothing to repair in the own list');
  assert.match(await page.getByTestId('merge-plan').textContent(), /Akteure: 0 kommen hinzu, 43 sind schon vorhanden und gleich, bei 0 unterscheiden sich Angaben/);
  await page.getByRole('button', { name: 'Abbrechen', exact: true }).click();

  const list = 'Organisation,Homepage,Art\r\nVolkshochschule Landkreis Lindenau,https://neu.vhs-lindenau.example,\r\nSportverein Moosdorf,,Sportverein\r\n';
  await chooseFiles(page, [csv('kreisliste.csv', list)]);
  const pairs = page.getByTestId('merge-pair');
  assert.equal(await pairs.count(), 1, 'only the website differs; what the list leaves empty asks nothing');
  await pairs.getByRole('radio', { name: 'https://neu.vhs-lindenau.example' }).check();
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await saved(page);
  const region = activeRegion(await stored(page));
  const vhs = region.actors.find((a) => a.id === 'demo-vhs');
  assert.equal(vhs.website, 'https://neu.vhs-lindenau.example');
  assert.equal(vhs.kind, 'vhs', 'the own kind stays where the list has none');
  assert.equal(region.actors.find((a) => a.name === 'Sportverein Moosdorf').kind, 'verein');
  await context.close();
});

test('an Excel workbook comes in from its first sheet: formatted text, formulas and numbers as shown, rows numbered as in Excel', async () => {
  const { page, context, errors } = await app.open();
  await saved(page);
  const before = activeRegion(await stored(page));
  await openExchange(page);
  const xlsx = readFileSync('tests/fixtures/lists/einrichtungen.xlsx');
  await chooseFiles(page, [{ name: 'Einrichtungen.XLSX', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx }]);
  const file = page.getByTestId('import-file');
  assert.match(await file.locator('.file-meta').textContent(), /Überschriften in Zeile 3/, 'the title row above the header is passed over');
  const columns = page.getByTestId('list-columns');
  assert.equal(await columns.getByLabel('Einrichtung').inputValue(), 'name');
  assert.equal(await columns.getByLabel('Rechtskreis').inputValue(), 'rechtskreise');
  assert.equal(await columns.getByLabel('Tel.').inputValue(), 'contact_phone');
  assert.match(await page.getByTestId('import-notes').textContent(), /Art „Begegnungsstätte“ \(Zeile 6\) ist unbekannt/);
  assert.equal(await page.getByTestId('list-values').getByLabel('SGB II', { exact: true }).inputValue(), 'sgb_ii', 'an inline string');
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await saved(page);
  const region = activeRegion(await stored(page));
  assert.equal(region.actors.length, before.actors.length + 3);
  const muessig = region.actors.find((a) => a.name === 'Trägerverein Müßig e.V.');
  assert.ok(muessig, 'a name written in formatted runs arrives whole, with its umlauts');
  assert.equal(muessig.kind, 'verein');
  assert.deepEqual(muessig.rechtskreise, ['sgb_viii']);
  assert.deepEqual(muessig.contacts, [{ name: 'Jürgen Weiß', email: 'j.weiss@muessig.example', phone: '06441 12-34' }]);
  const jobcenter = region.actors.find((a) => a.name === 'Jobcenter Lindenau');
  assert.ok(jobcenter, "a formula's text as Excel shows it");
  assert.equal(jobcenter.kind, 'jobcenter');
  assert.deepEqual(jobcenter.contacts, [{ name: '644112345', phone: '644112345' }], 'a number as written');
  assert.equal(region.actors.find((a) => a.name === 'Café Grenzenlos').kind, 'sonstige');
  assert.deepEqual(errors, []);
  await context.close();
});

test('what is no workbook says so in German and changes nothing', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const before = await stored(page);
  await openExchange(page);
  const xlsx = readFileSync('tests/fixtures/lists/einrichtungen.xlsx');
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await chooseFiles(page, [
    { name: 'umbenannt.xlsx', mimeType: type, buffer: Buffer.from('Einrichtung;Art\r\nA;Verein\r\n') },
    { name: 'abgeschnitten.xlsx', mimeType: type, buffer: xlsx.subarray(0, xlsx.length - 100) },
    { name: 'geschuetzt.xlsx', mimeType: type, buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]) },
  ]);
  const shown = await page.getByTestId('import-error').allTextContents();
  assert.equal(shown.length, 3);
  assert.match(shown[0], /keine lesbare Excel-Arbeitsmappe/);
  assert.match(shown[1], /keine lesbare Excel-Arbeitsmappe/);
  assert.match(shown[2], /mit einem Passwort geschützt oder im alten Format \.xls/);
  assert.ok(await page.getByRole('button', { name: 'Nichts zu importieren' }).isDisabled());
  assert.deepEqual(await stored(page), before);
  await context.close();
});

test('what is no list says so in German and changes nothing', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const before = await stored(page);
  await openExchange(page);
  await chooseFiles(page, [
    csv('betraege.csv', 'Betrag;Datum\r\n1,50;01.09.2019\r\n'),
    csv('leer.csv', '\ufeff\r\n;;\r\n'),
    csv('offen.csv', 'Name;Notizen\r\nA;"nie geschlossen\r\n'),
    csv('riesig.csv', Buffer.alloc(20 * 1024 * 1024, 'a')),
  ]);
  const errors = await page.getByTestId('import-error').allTextContents();
  assert.equal(errors.length, 4);
  assert.match(errors[0], /keine Liste von Einrichtungen: In den ersten 20 Zeilen steht keine Spalte für den Namen/);
  assert.equal(errors[1], 'Die Liste ist leer.');
  assert.match(errors[2], /Anführungszeichen in Zeile 2 wird nie geschlossen/);
  assert.match(errors[3], /zu groß/);
  assert.ok(await page.getByRole('button', { name: 'Nichts zu importieren' }).isDisabled());
  assert.deepEqual(await stored(page), before);
  await context.close();
});

test('a list of relations links actors by name; an end the region lacks becomes a new actor; the own relation list reads back unchanged', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const before = activeRegion(await stored(page));
  await openExchange(page);
  const own = await download(page, page.getByRole('button', { name: 'Beziehungen als CSV' }));
  await chooseFiles(page, [csv('beziehungen.csv', own.text)]);
  assert.equal(await page.getByTestId('import-notes').count(), 0);
  assert.match(await page.getByTestId('merge-plan').textContent(), /Beziehungen: 0 kommen hinzu, 83 sind schon vorhanden, bei 0 unterscheiden sich Angaben/);
  await page.getByRole('button', { name: 'Abbrechen', exact: true }).click();

  const list = 'Von;Nach;Art;Verbindlichkeit;seit\r\nJobcenter Landkreis Lindenau;Sportverein Moosdorf;Kooperation;regelmäßig;09.2021\r\nSportverein Moosdorf;Volkshochschule Landkreis Lindenau;Freundschaft;;\r\n';
  await chooseFiles(page, [csv('netzwerk.csv', list)]);
  assert.equal(await page.getByTestId('list-columns').getByLabel('Von').inputValue(), 'from');
  const notes = await page.getByTestId('import-notes').textContent();
  assert.ok(notes.includes('Zeile 3, Spalte „Art“: „Freundschaft“ ausgelassen.'), notes);
  assert.ok(notes.includes('Akteur „Sportverein Moosdorf“ (Zeilen 2, 3) ist noch nicht in der Region: als neuer Akteur angelegt.'), notes);
  assert.match(await page.getByTestId('merge-plan').textContent(), /Beziehungen: 2 kommen hinzu/);
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await saved(page);
  const region = activeRegion(await stored(page));
  const verein = region.actors.find((a) => a.name === 'Sportverein Moosdorf');
  assert.equal(verein.kind, 'verein');
  const added = region.relations.filter((r) => r.from === verein.id || r.to === verein.id);
  assert.equal(added.length, 2);
  const jc = added.find((r) => r.from === 'demo-jobcenter');
  assert.deepEqual([jc.kind, jc.binding, jc.since], ['kooperation', 'regelmaessig', '2021-09']);
  assert.equal(region.relations.length, before.relations.length + 2);
  await context.close();
});

test('a GEXF and a GraphML file from Gephi come in with actors, relations, kinds and places; a broken one says where', async () => {
  const { page, context, errors } = await app.open();
  await saved(page);
  const demo = activeRegion(await stored(page));
  await openExchange(page);
  const gexf = await download(page, page.getByRole('button', { name: 'GEXF', exact: true }));
  const graphml = await download(page, page.getByRole('button', { name: 'GraphML', exact: true }));
  // Gephi placed the Jobcenter; its position travels in the file.
  const placedGexf = gexf.text.replace(/(<node id="demo-jobcenter"[^>]*>.*?<\/attvalues>)/, '$1<viz:position x="120.5" y="-40" z="0"/>');
  assert.notEqual(placedGexf, gexf.text);

  for (const [name, text] of [['karte.gexf', placedGexf], ['karte.graphml', graphml.text]]) {
    await page.getByRole('button', { name: '+ Neue Region' }).click();
    await page.locator('#region-name').fill(`Aus ${name}`);
    await page.getByRole('button', { name: 'Region anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: `Aus ${name}` }).waitFor();
    await openExchange(page);
    await chooseFiles(page, [{ name, mimeType: 'application/xml', buffer: Buffer.from(text) }]);
    assert.match(await page.locator('.file-meta').textContent(), new RegExp(`Netzwerkdatei aus einem anderen Programm · 43 Knoten, 83 Kanten · wird übernommen in: Aus ${name.replace('.', '\\.')}`));
    assert.equal(await page.getByTestId('list-columns').getByLabel('Art', { exact: true }).inputValue(), 'kind');
    await page.getByRole('button', { name: '1 Datei importieren' }).click();
    await page.getByTestId('import-done').waitFor();
    await saved(page);
    const region = activeRegion(await stored(page));
    assert.equal(region.name, `Aus ${name}`);
    assert.equal(region.actors.length, 43);
    assert.equal(region.relations.length, 83);
    const kinds = (r) => r.actors.map((a) => `${a.name}: ${a.kind}`).sort();
    assert.deepEqual(kinds(region), kinds(demo));
    const named = (r, rel) => [r.actors.find((a) => a.id === rel.from).name, r.actors.find((a) => a.id === rel.to).name, rel.kind, rel.binding].join(' | ');
    assert.deepEqual(region.relations.map((rel) => named(region, rel)).sort(), demo.relations.map((rel) => named(demo, rel)).sort());
    if (name.endsWith('.gexf')) {
      const jobcenter = region.actors.find((a) => a.name === 'Jobcenter Landkreis Lindenau');
      assert.deepEqual(region.placed, [{ actor: jobcenter.id, x: 120.5, y: -40 }]);
    }
  }

  await chooseFiles(page, [{ name: 'kaputt.gexf', mimeType: 'application/xml', buffer: Buffer.from('<gexf>\n  <graph>\n    <nodes><node id="1"</nodes>') }]);
  assert.match(await page.getByTestId('import-error').textContent(), /kein lesbares XML: Fehler in Zeile 3, Spalte \d+/);
  assert.deepEqual(errors, []);
  await context.close();
});
