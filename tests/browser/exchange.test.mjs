// Sharing between Kommunen: export, import (one file or fifty), merge with
// side-by-side choices, bad and hostile files, compare and aggregate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, saved, stored, activeRegion, openActor, openExchange, download, asUpload, chooseFiles } from './helpers.mjs';
import { checksumOf, sealed, schemaErrors } from '../support/netzwerkatlas-file.mjs';
import { kommuneFiles } from '../support/checklist-files.mjs';

const app = useApp();

async function exportRegion(page) {
  await openExchange(page);
  const file = await download(page, page.getByRole('button', { name: 'Datei speichern' }));
  return { name: file.name, json: JSON.parse(file.text) };
}

test('export a region, delete it, import the file: the same data, field by field', async () => {
  const { page, context, errors } = await app.open();
  await saved(page);
  const before = activeRegion(await stored(page));
  const { name, json } = await exportRegion(page);
  assert.match(name, /^netzwerkatlas-landkreis-lindenau-demo-\d{4}-\d\d-\d\d\.json$/);
  assert.equal(json.format, 'netzwerkatlas');
  assert.equal(json.schema, 6);
  assert.equal(json.scope, 'region');
  assert.equal(json.region.name, before.name);
  assert.equal(json.checksum, checksumOf(json.content), 'the checksum follows the README definition');
  assert.deepEqual(schemaErrors(json), [], 'the file matches public/netzwerkatlas.schema.json');

  await page.getByRole('button', { name: 'Region & Sozialräume' }).click();
  await page.getByRole('button', { name: 'Diese Region löschen …' }).click();
  await page.getByRole('button', { name: 'Endgültig löschen' }).click();
  await page.getByRole('heading', { name: 'Noch keine Region' }).waitFor();
  await page.getByRole('button', { name: 'Datei importieren' }).click();
  await chooseFiles(page, [asUpload(name, JSON.stringify(json))]);
  assert.equal(await page.getByTestId('import-summary').textContent(), '43 Akteure, 83 Beziehungen, 4 Gremien, 2 Checklisten');
  assert.match(await page.getByTestId('import-plan').textContent(), /Wird als neue Region „Landkreis Lindenau \(Demo\)“ hinzugefügt/);
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await saved(page);

  const after = activeRegion(await stored(page));
  assert.equal(after.imported_from.file_name, name);
  delete after.imported_from;
  delete before.imported_from;
  for (const key of Object.keys(before)) assert.deepEqual(after[key], before[key], key);
  assert.deepEqual(after, before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('sharing without personal data shows what is left out, and leaves it out', async () => {
  const { page, context } = await app.open();
  await openExchange(page);
  assert.match(await page.getByTestId('privacy-note').textContent(), /Die Datei enthält personenbezogene Daten:.*Kontaktpersonen bei \d+ Akteuren/);
  await page.getByLabel('Ohne personenbezogene Daten teilen (DSGVO)').check();
  const note = await page.getByTestId('privacy-note').textContent();
  assert.match(note, /Weggelassen werden:\d+ Kontaktpersonen bei \d+ Akteuren .*freie Notiz/);
  // What stays and may still name people is said before saving.
  assert.match(await page.getByTestId('privacy-kept').textContent(), /^\d+ freie Antworten in Checklisten bleiben in der Datei\. Prüfen Sie, ob sie Personen nennen\.$/);
  const file = await download(page, page.getByRole('button', { name: 'Datei speichern' }));
  assert.match(file.name, /^netzwerkatlas-landkreis-lindenau-demo-ohne-personendaten-\d{4}-\d\d-\d\d\.json$/, 'the name says the file has no personal data');
  const json = JSON.parse(file.text);
  assert.equal(json.personal_data, false);
  assert.ok(!file.text.includes('@'), 'no e-mail address in the file');
  // Empty fields are left out of files.
  assert.ok(json.content.regions[0].actors.every((a) => (a.contacts ?? []).length === 0 && (a.notes ?? '') === ''));

  // Selected checklists only, with the actors they name.
  await page.getByLabel('Ausgewählte Checklisten dieser Region').check();
  await page.getByLabel('Lokale Planung 2026').check();
  const part = JSON.parse((await download(page, page.getByRole('button', { name: 'Datei speichern' }))).text);
  assert.equal(part.scope, 'checklists');
  assert.deepEqual(part.content.regions[0].checklists.map((c) => c.title), ['Lokale Planung 2026']);
  assert.deepEqual(part.content.regions[0].relations, []);
  assert.deepEqual(schemaErrors(part), []);
  await context.close();
});

test('the map exports as CSV for Excel and as GraphML and GEXF for Gephi', async () => {
  const { page, context } = await app.open();
  await openExchange(page);
  const actors = await download(page, page.getByRole('button', { name: 'Akteure als CSV' }));
  assert.match(actors.name, /^netzwerkatlas-landkreis-lindenau-demo-akteure-\d{4}-\d\d-\d\d\.csv$/);
  assert.ok(actors.text.startsWith('\ufeffName;Art;Träger;'));
  assert.equal(actors.text.trim().split('\r\n').length, 44);
  const relations = await download(page, page.getByRole('button', { name: 'Beziehungen als CSV' }));
  assert.equal(relations.text.trim().split('\r\n').length, 84);
  for (const [button, root, node, edge] of [['GraphML', 'graphml', 'node', 'edge'], ['GEXF', 'gexf', 'node', 'edge']]) {
    const file = await download(page, page.getByRole('button', { name: button, exact: true }));
    const counts = await page.evaluate(([text, r, n, e]) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return 'parse error';
      return [doc.documentElement.localName, doc.getElementsByTagName(n).length, doc.getElementsByTagName(e).length];
    }, [file.text, root, node, edge]);
    assert.deepEqual(counts, [root, 43, 83], button);
  }
  await context.close();
});

test('bad files get a clear German message and change nothing; hostile text stays text', async () => {
  const { page, context } = await app.open({ init: () => { window.__hacked = false; } });
  await saved(page);
  const { json } = await exportRegion(page);
  const untouched = await stored(page);

  let deep = '1';
  for (let i = 0; i < 200; i++) deep = `[${deep}]`;
  const hostile = JSON.parse(JSON.stringify(json));
  const region = hostile.content.regions[0];
  region.id = 'fremd';
  region.name = 'Fremdkreis <script>window.__hacked = true</script>';
  region.actors[0].name = '<img src=x onerror="window.__hacked = true">';
  region.actors[0].website = 'javascript:window.__hacked = true';
  region.actors[0].lieblingsfarbe = 'rot';
  region.relations[0].to = 'gibt-es-nicht';
  const files = [
    asUpload('notiz.json', 'Hallo, anbei die Liste.'),
    asUpload('gephi.json', JSON.stringify({ nodes: [], edges: [] })),
    asUpload('riesig.json', `"${'x'.repeat(11 * 1024 * 1024)}"`),
    asUpload('tief.json', deep),
    asUpload('neu.json', sealed({ ...json, schema: 7 })),
    asUpload('fremd.json', sealed(hostile)),
  ];
  await chooseFiles(page, files);
  const messages = await page.getByTestId('import-error').allTextContents();
  assert.deepEqual(messages.map((m) => m.split('.')[0]), [
    'Die Datei ist keine JSON-Datei (oder sie ist beschädigt) und kann nicht gelesen werden: Zeile 1, Spalte 1',
    'Die Datei ist keine Netzwerkatlas-Datei',
    'Die Datei ist zu groß (11 MB)',
    'Die Datei ist ungewöhnlich tief verschachtelt (mehr als 32 Ebenen) und wird aus Sicherheitsgründen nicht gelesen',
    'Die Datei stammt aus einer neueren Version von Netzwerkatlas (Datenformat 7)',
  ]);
  assert.match(messages[2], /Netzwerkatlas liest Dateien bis 10 MB/);
  assert.match(messages[4], /Bitte verwenden Sie eine aktuelle Version von Netzwerkatlas, die Datenformat 7 kennt/);
  assert.deepEqual(await stored(page), untouched, 'reading files changes nothing');

  const notes = await page.getByTestId('import-notes').textContent();
  assert.match(notes, /Unbekannte Felder wurden nicht übernommen: regions\[\]\.actors\[\]\.lieblingsfarbe/);
  assert.match(notes, /1 Beziehung zu einem fehlenden Akteur wurde entfernt/);
  assert.match(notes, /1 Webadresse ohne http:\/\/ oder https:\/\/ wurde entfernt/);
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await page.getByRole('button', { name: /^Zur Region „Fremdkreis <script>/ }).click();
  await page.locator('#actor-search').fill('onerror');
  const cell = page.getByTestId('actor-table').getByRole('button', { name: '<img src=x onerror="window.__hacked = true">' });
  await cell.click();
  assert.equal(await page.locator('aside.panel a[href^="javascript"]').count(), 0);
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element was made from the text');
  assert.match(await page.locator('.region-title').textContent(), /<script>/, 'the name shows as text');
  assert.equal(await page.evaluate(() => window.__hacked), false);
  await context.close();
});

test('values this version does not know cost only themselves, each repair named with its place', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const { json } = await exportRegion(page);
  const theirs = JSON.parse(JSON.stringify(json));
  const region = theirs.content.regions[0];
  region.id = 'kreis-ost';
  region.name = 'Kreis Ost';
  const [first, second] = region.actors;
  first.kind = 'zauberhaus';
  second.rechtskreise = ['sgb_ii', 'sgb_42'];
  region.relations[0].kind = 'freundschaft';
  await chooseFiles(page, [asUpload('kollegin-neuere-version.json', sealed(theirs))]);
  assert.equal(await page.getByTestId('import-error').count(), 0, 'not refused');
  const notes = await page.getByTestId('import-notes').textContent();
  assert.match(notes, new RegExp(`Akteur „${first.name}“ in Region „Kreis Ost“: Art: „zauberhaus“ ist unbekannt – übernommen als „Sonstige“\\.`));
  assert.match(notes, new RegExp(`Akteur „${second.name}“ in Region „Kreis Ost“: Rechtskreise: „sgb_42“ ist unbekannt und wurde weggelassen\\.`));
  const ends = [region.relations[0].from, region.relations[0].to].map((id) => region.actors.find((a) => a.id === id).name);
  assert.ok(notes.includes(`Beziehung „${ends[0]} – ${ends[1]}“ in Region „Kreis Ost“: Art: „freundschaft“ ist unbekannt – übernommen als „Kooperation“.`), notes);
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await saved(page);
  const restored = (await stored(page)).data.regions.find((r) => r.id === 'kreis-ost');
  assert.equal(restored.actors.find((a) => a.id === first.id).kind, 'sonstige');
  assert.deepEqual(restored.actors.find((a) => a.id === second.id).rechtskreise, ['sgb_ii']);
  assert.equal(restored.relations[0].kind, 'kooperation');
  assert.equal(restored.actors.length, region.actors.length, 'no actor lost');
  await context.close();
});

test('a file changed after its export is read with a warning and imported only by choice', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const { json } = await exportRegion(page);
  const edited = JSON.parse(JSON.stringify(json));
  edited.content.regions[0].id = 'von-hand';
  edited.content.regions[0].name = 'Von Hand korrigiert';
  await chooseFiles(page, [asUpload('korrigiert.json', JSON.stringify(edited))]);
  await page.getByTestId('import-modified').filter({ hasText: 'Die Datei wurde nach dem Export verändert' }).waitFor();
  assert.equal(await page.getByTestId('import-error').count(), 0);
  const action = page.getByLabel('Was soll mit dieser Datei geschehen?');
  assert.equal(await action.inputValue(), 'skip', 'not imported unless chosen');
  assert.ok(await page.getByRole('button', { name: 'Nichts zu importieren' }).isDisabled());
  await action.selectOption('new');
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await saved(page);
  assert.ok(JSON.stringify(await stored(page)).includes('Von Hand korrigiert'));
  await context.close();
});

test('merging shows differing values side by side and takes only what was chosen', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const { json } = await exportRegion(page);
  const theirs = JSON.parse(JSON.stringify(json));
  const actors = theirs.content.regions[0].actors;
  const vhs = actors.find((a) => a.name === 'Volkshochschule Landkreis Lindenau');
  vhs.website = 'https://neu.vhs-lindenau.example';
  vhs.tags = ['aus der Datei'];
  const lebenshilfe = actors.find((a) => a.name === 'Lebenshilfe Lindenau e. V.');
  lebenshilfe.id = 'kollegin-lebenshilfe';
  lebenshilfe.name = 'Lebenshilfe Lindenau';
  for (const r of theirs.content.regions[0].relations) {
    if (r.from === 'demo-lebenshilfe') r.from = lebenshilfe.id;
    if (r.to === 'demo-lebenshilfe') r.to = lebenshilfe.id;
  }
  for (const a of actors) if (a.traeger === 'demo-lebenshilfe') a.traeger = lebenshilfe.id;
  for (const g of theirs.content.regions[0].groups) g.members = g.members.map((m) => (m === 'demo-lebenshilfe' ? lebenshilfe.id : m));
  for (const c of theirs.content.regions[0].checklists) for (const s of c.sections) for (const i of s.items) {
    i.responsible = i.responsible.map((m) => (m === 'demo-lebenshilfe' ? lebenshilfe.id : m));
    for (const ans of i.answers) ans.actors = ans.actors.map((m) => (m === 'demo-lebenshilfe' ? lebenshilfe.id : m));
  }
  actors.push({ id: 'kollegin-neu', name: 'Neuer Sportverein Lindenau', kind: 'verein' });

  await chooseFiles(page, [asUpload('kollegin.json', sealed(theirs))]);
  assert.equal(await page.locator('#import-action-0').inputValue(), 'merge:demo-lindenau', 'the same region merges by default');
  const plan = page.getByTestId('merge-plan');
  assert.match(await plan.textContent(), /Akteure: 1 kommen hinzu, \d+ sind schon vorhanden und gleich, bei 2 unterscheiden sich Angaben/);
  const pairs = plan.getByTestId('merge-pair');
  assert.equal(await pairs.count(), 2);
  const vhsPair = pairs.filter({ hasText: 'Volkshochschule Landkreis Lindenau (gleicher Eintrag)' });
  await vhsPair.getByRole('radio', { name: 'https://neu.vhs-lindenau.example' }).check();
  const namePair = pairs.filter({ hasText: 'Lebenshilfe Lindenau e. V. ↔ Lebenshilfe Lindenau (ähnlicher Name)' });
  assert.ok(await namePair.getByRole('radio', { name: 'Lebenshilfe Lindenau e. V.' }).isChecked(), 'own values stay by default');

  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await saved(page);
  const region = activeRegion(await stored(page));
  assert.equal(region.actors.length, 44, 'only the new actor was added; the similar name was merged');
  const merged = region.actors.find((a) => a.id === 'demo-vhs');
  assert.equal(merged.website, 'https://neu.vhs-lindenau.example', 'the chosen value was taken');
  assert.deepEqual(merged.tags, json.content.regions[0].actors.find((a) => a.id === 'demo-vhs').tags, 'the other value stayed');
  assert.ok(region.actors.some((a) => a.name === 'Lebenshilfe Lindenau e. V.'));
  assert.ok(!region.actors.some((a) => a.id === 'kollegin-lebenshilfe'));
  await page.getByRole('button', { name: /^Akteure\d/ }).click();
  await openActor(page, 'Volkshochschule Landkreis Lindenau');
  await page.locator('aside.panel a[href="https://neu.vhs-lindenau.example"]').waitFor();
  await context.close();
});

test('fifty checklist files import in one go, their previews shown with the progress as they are read; the aggregate gives shares of those that answered, n per item', async () => {
  const { page, context } = await app.open();
  await openExchange(page);
  await page.getByLabel('Ausgewählte Checklisten dieser Region').check();
  await page.getByLabel('Lokale Planung 2026').check();
  const base = JSON.parse((await download(page, page.getByRole('button', { name: 'Datei speichern' }))).text);

  // Kommune i: ABH item "umgesetzt" for i % 10 < 6, "in Planung" for 6–7, "nein" for 8, open for 9;
  // the BKG item is left open by every fifth Kommune, so n differs from item to item.
  const status = (i) => (i % 10 < 6 ? 'umgesetzt' : i % 10 < 8 ? 'in_planung' : i % 10 === 8 ? 'nein' : null);
  const files = kommuneFiles(base, 50, status, { items: { 'lp-1-1': (i) => (i % 5 === 0 ? null : 'umgesetzt') } });
  // What the page shows while reading: the progress line beside the previews read so far.
  await page.evaluate(() => {
    window.__seen = [];
    new MutationObserver(() => {
      const line = document.querySelector('[data-testid="import-progress"]').textContent;
      window.__seen.push([line, document.querySelectorAll('[data-testid="import-file"]').length]);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await chooseFiles(page, files);
  const seen = await page.evaluate(() => window.__seen);
  const midway = seen.filter(([line, shown]) => line === `Gelesen: ${shown} von 50 Dateien …` && shown > 0 && shown < 50);
  assert.ok(midway.length > 0, `progress beside the previews read so far: ${JSON.stringify(seen.slice(0, 5))}`);
  assert.ok(seen.every(([line]) => line === '' || /^Gelesen: \d+ von 50 Dateien …$/.test(line)), 'one count for the whole choice');
  await page.waitForFunction(() => document.querySelector('[data-testid="import-progress"]').textContent === '');
  assert.equal(await page.getByTestId('import-error').count(), 0);
  await page.getByRole('button', { name: '50 Dateien importieren' }).click();
  await page.getByTestId('import-done').filter({ hasText: '50 Dateien importiert' }).waitFor();
  await saved(page);

  await page.getByRole('button', { name: /^Auswertung/ }).click();
  await page.locator('#aggregate-template').selectOption('tpl-lokale-planung');
  // The invented demo Kreis is not counted unless the Land office takes it in.
  assert.equal(await page.getByTestId('aggregate-count').textContent(), '50 Checklisten einbezogen.');
  assert.match(await page.getByTestId('demo-left-out').textContent(), /Beispielregion „Landkreis Lindenau \(Demo\)“ ist erfunden und wird deshalb nicht mitgezählt/);
  assert.ok(!(await page.getByRole('checkbox', { name: 'Landkreis Lindenau (Demo)' }).isChecked()));
  await page.getByRole('checkbox', { name: 'Landkreis Lindenau (Demo)' }).check();
  assert.equal(await page.getByTestId('aggregate-count').textContent(), '51 Checklisten einbezogen.');
  assert.equal(await page.getByTestId('demo-left-out').count(), 0, 'the note goes once the demo is counted');
  await page.getByRole('checkbox', { name: 'Landkreis Lindenau (Demo)' }).uncheck();
  assert.equal(await page.getByTestId('aggregate-count').textContent(), '50 Checklisten einbezogen.');
  const table = page.getByTestId('aggregate-table');
  const row = table.getByRole('row').filter({ hasText: 'Die Kooperation mit der Ausländerbehörde (ABH)' });
  const bkg = table.getByRole('row').filter({ hasText: 'Die Bündniskoordinierungsgruppe (BKG) trifft sich regelmäßig.' });
  // As evaluations publish them: shares of those that answered, the unanswered beside.
  assert.equal(await row.getByRole('cell').first().textContent(), '45');
  assert.equal(
    await row.getByRole('img').getAttribute('aria-label'),
    'Die Kooperation mit der Ausländerbehörde (ABH) für die Maßnahmezuweisung ist aufgebaut.: 5 Nein (11 %) · 10 In Planung (22 %) · 30 Bereits umgesetzt (67 %)',
  );
  assert.equal(await row.getByTestId('unanswered').textContent(), 'nicht beantwortet: 5');
  assert.equal(await bkg.getByRole('cell').first().textContent(), '40', 'n differs from item to item');
  assert.equal(await bkg.getByTestId('unanswered').textContent(), 'nicht beantwortet: 10');
  assert.match(await bkg.getByRole('img').getAttribute('aria-label'), /: 40 Bereits umgesetzt \(100 %\)$/);

  // Shares of all checklists, for those who want them.
  await page.getByLabel('Anteile an allen Checklisten zeigen (auch nicht beantwortete)').check();
  assert.equal(await row.getByRole('cell').first().textContent(), '50');
  assert.equal(
    await row.getByRole('img').getAttribute('aria-label'),
    'Die Kooperation mit der Ausländerbehörde (ABH) für die Maßnahmezuweisung ist aufgebaut.: 5 Nein (10 %) · 10 In Planung (20 %) · 30 Bereits umgesetzt (60 %) · 5 Noch nicht beantwortet (10 %)',
  );
  assert.equal(await row.getByTestId('unanswered').count(), 0, 'inside the shares now, not beside');
  assert.equal(await bkg.getByRole('cell').first().textContent(), '50');

  const csv = await download(page, page.getByRole('button', { name: 'Tabelle als CSV speichern' }));
  const lines = csv.text.split('\r\n');
  assert.match(lines[0], /;n \(alle\);n \(beantwortet\);Nein \(Anzahl\);Nein \(% der Beantworteten\);Nein \(% aller\);/);
  // n all, n answered; per status the count, % of answered, % of all; then the unanswered.
  assert.match(lines.find((l) => l.includes('Ausländerbehörde (ABH)')), /;50;45;5;11;10;0;0;0;10;22;20;30;67;60;5;10;/);
  assert.match(lines.find((l) => l.includes('(BKG) trifft sich')), /;50;40;0;0;0;0;0;0;0;0;0;40;100;80;10;20;/);
  assert.ok(csv.text.includes('kommune-7.json'), 'the files are listed');
  await context.close();
});

test('a file dropped on the page is added beside the own region; two regions side by side', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const { name, json } = await exportRegion(page);
  json.content.regions[0].relations = json.content.regions[0].relations.slice(0, 20);
  // Dragged from the file manager onto the drop zone.
  await page.locator('.drop-zone').evaluate((zone, [fileName, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], fileName, { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [name, sealed(json)]);
  await page.getByTestId('import-file').waitFor();
  await page.locator('#import-action-0').selectOption('new');
  assert.match(await page.getByTestId('import-plan').textContent(), /daneben hinzugefügt/);
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await page.getByRole('button', { name: /^Auswertung/ }).click();
  await page.locator('#compare-b').selectOption({ label: 'Landkreis Lindenau (Demo) (Import 2)' });
  const table = page.getByTestId('comparison').getByRole('table', { name: 'Überblick' });
  const relations = table.getByRole('row').filter({ hasText: 'Beziehungen' }).first();
  assert.deepEqual(await relations.getByRole('cell').allTextContents(), ['83', '20']);
  await context.close();
});

test('an updated file from a Kommune updates its checklist: the preview says which item moved, and the newer state is the default', async () => {
  // The Kommune: exports its region, changes one status, exports again.
  const kommune = await app.open();
  const first = await exportRegion(kommune.page);
  await kommune.page.getByRole('button', { name: /^Checklisten/ }).click();
  await kommune.page.getByRole('button', { name: 'Lokale Planung 2026' }).click();
  const done = kommune.page.getByTestId('checklist-item')
    .filter({ has: kommune.page.locator('.item-head .badge', { hasText: 'Bereits umgesetzt' }) }).first();
  const itemText = (await done.locator('.item-text').textContent()).trim();
  await done.getByRole('radio', { name: 'Nein' }).check();
  await saved(kommune.page);
  const second = await exportRegion(kommune.page);
  await kommune.context.close();

  // The Land office: imported the first file, now imports the second with the default choices.
  const { page, context } = await app.open();
  await openExchange(page);
  await chooseFiles(page, [asUpload(first.name, JSON.stringify(first.json))]);
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await chooseFiles(page, [asUpload(second.name, JSON.stringify(second.json))]);
  const plan = page.getByTestId('merge-plan');
  assert.match(await plan.textContent(), /1 davon ist in der Datei neuer: ihr Stand ist vorausgewählt/);
  assert.equal((await page.getByTestId('merge-details').locator('li').allTextContents()).join('\n'), `${itemText}: Bereits umgesetzt → Nein`);
  const pair = page.getByTestId('merge-pair').filter({ hasText: 'Lokale Planung 2026' });
  assert.ok(await pair.getByRole('radio').nth(1).isChecked(), "the file's newer state is preselected");
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await saved(page);

  const region = activeRegion(await stored(page));
  const checklist = region.checklists.find((c) => c.title === 'Lokale Planung 2026');
  const item = checklist.sections.flatMap((s) => s.items).find((i) => i.text === itemText);
  assert.equal(item.status, 'nein', 'the Land office now has the Kommune\u2019s current figure');
  await context.close();
});
