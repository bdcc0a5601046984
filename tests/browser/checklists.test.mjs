// Cooperation checklists: start from a template, set statuses, link actors,
// read the overview, print it and export it as CSV for German Excel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, saved, stored, activeRegion, reload } from './helpers.mjs';

const app = useApp();

async function startChecklist(page, templateName) {
  await page.getByRole('button', { name: /^Checklisten/ }).click();
  await page.getByRole('button', { name: '+ Neue Checkliste' }).click();
  await page.getByRole('radio', { name: new RegExp(`^${templateName}`) }).check();
  await page.getByRole('button', { name: 'Checkliste anlegen' }).click();
  await page.locator('#checklist-title').waitFor();
}

const item = (page, text) => page.getByTestId('checklist-item').filter({ hasText: text });
const overall = (page) => page.locator('.overview [data-testid="progress"] .bar').first();

test('start a checklist from a template, set statuses with history, and find them after reload', async () => {
  const { page, context } = await app.open();
  await startChecklist(page, 'Netzwerk aufbauen');
  const year = new Date().getFullYear();
  assert.equal(await page.locator('#checklist-title').textContent(), `Netzwerk aufbauen ${year}`);
  assert.match(await page.locator('.checklist-view .muted').first().textContent(), /Vorlage „Netzwerk aufbauen“, Version 1/);
  assert.equal(await page.getByTestId('checklist-item').count(), 19);
  assert.equal(await overall(page).getAttribute('aria-label'), 'Gesamt: 19 Noch nicht beantwortet (100 %)');

  const first = item(page, 'Die Stärken und Fähigkeiten');
  await first.getByRole('radio', { name: 'In Planung' }).check();
  await first.getByRole('radio', { name: 'Bereits umgesetzt' }).check();
  await item(page, 'Gemeinsame Mindeststandards').getByRole('radio', { name: 'Nein' }).check();
  assert.equal(
    await overall(page).getAttribute('aria-label'),
    'Gesamt: 1 Nein (5 %) · 1 Bereits umgesetzt (5 %) · 17 Noch nicht beantwortet (90 %)', // shares add up to 100
  );
  assert.equal(await first.locator('.item-head .badge').textContent(), 'Bereits umgesetzt');
  // The bar of section 1 only counts its three items.
  assert.equal(await page.locator('.section-progress .bar').first().getAttribute('aria-label'),
    'Schritt 1: Stärken erkennen: 1 Bereits umgesetzt (33 %) · 2 Noch nicht beantwortet (67 %)');

  // Undo works on checklist edits too.
  await page.locator('#checklist-title').click();
  await page.keyboard.press('Control+z');
  assert.equal(await item(page, 'Gemeinsame Mindeststandards').locator('.item-head .badge').textContent(), 'Noch nicht beantwortet');
  await page.keyboard.press('Control+y');

  await saved(page);
  await reload(page);
  await page.getByRole('button', { name: /^Checklisten/ }).click();
  await page.getByRole('button', { name: `Netzwerk aufbauen ${year}` }).click();
  const again = item(page, 'Die Stärken und Fähigkeiten');
  assert.ok(await again.getByRole('radio', { name: 'Bereits umgesetzt' }).isChecked());
  // "In Planung" corrected to "Bereits umgesetzt" within a minute is one change.
  await again.getByText('Verlauf (1)').click();
  const history = await again.locator('.history li').allTextContents();
  assert.equal(history.length, 1);
  assert.match(history[0], /: Noch nicht beantwortet → Bereits umgesetzt$/);

  const checklist = activeRegion(await stored(page)).checklists.find((c) => c.title === `Netzwerk aufbauen ${year}`);
  assert.equal(checklist.template_id, 'tpl-netzwerk-aufbauen');
  assert.equal(checklist.template_version, 1);
  const stored1 = checklist.sections[0].items[0];
  assert.equal(stored1.status, 'umgesetzt');
  assert.deepEqual(stored1.history.map((h) => [h.from, h.to]), [[null, 'umgesetzt']], 'the folded step is stored as one entry');
  await context.close();
});

test('link responsible actors to items, jump between item and actor, filter by actor and overdue', async () => {
  const { page, context } = await app.open();
  await startChecklist(page, 'Lokale Planung');
  const bkg = item(page, 'Die Bündniskoordinierungsgruppe (BKG)');
  await bkg.getByLabel('Verantwortlichen Akteur hinzufügen').selectOption({ label: 'EUTB Lindenau' });
  await bkg.getByLabel('Verantwortlichen Akteur hinzufügen').selectOption({ label: 'Jugendamt Landkreis Lindenau' });
  assert.deepEqual(await bkg.locator('.chip .link').allTextContents(), ['EUTB Lindenau', 'Jugendamt Landkreis Lindenau']);
  assert.match(await page.locator('.attention').textContent(), /14 Punkte ohne Verantwortliche/);

  // A due date in the past makes the item overdue.
  // A wrong date is named and changes nothing; typed the German way it is taken.
  await bkg.getByLabel('Fällig am').fill('31.02.2020');
  await bkg.getByLabel('Fällig am').blur();
  assert.match(await bkg.locator('.item-fields .error').first().textContent(), /Bitte ein Datum wie 31\.01\.2027/);
  assert.equal(await bkg.getByLabel('Fällig am').getAttribute('aria-invalid'), 'true');
  await bkg.getByLabel('Fällig am').fill('31.01.2020');
  await bkg.getByLabel('Fällig am').blur();
  await page.getByRole('button', { name: '1 Punkt überfällig' }).waitFor();
  assert.equal(await bkg.locator('.badge.overdue').textContent(), 'überfällig');
  assert.equal(await bkg.getByLabel('Fällig am').inputValue(), '31.01.2020', 'shown as typed');
  await bkg.getByLabel('Notizen').fill('Termin mit der Landrätin abstimmen');
  await bkg.getByLabel('Notizen').blur();

  await page.getByRole('button', { name: '1 Punkt überfällig' }).click();
  assert.equal(await page.getByTestId('item-count').textContent(), '1 Punkt angezeigt');
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await page.locator('#item-filter-actor').selectOption({ label: 'EUTB Lindenau' });
  assert.equal(await page.getByTestId('checklist-item').count(), 1);
  await page.locator('#item-filter-actor').selectOption('');

  // From the item to the actor, and back from the actor to the item.
  await bkg.getByRole('button', { name: 'EUTB Lindenau', exact: true }).click();
  const panel = page.locator('aside.panel');
  await panel.getByRole('heading', { name: 'EUTB Lindenau' }).waitFor();
  const task = panel.getByTestId('detail-tasks').getByRole('button', { name: /Die Bündniskoordinierungsgruppe/ });
  assert.match(await task.textContent(), /Lokale Planung \d{4}: Die Bündniskoordinierungsgruppe \(BKG\) trifft sich regelmäßig\. \(Noch nicht beantwortet\)/);
  await page.getByRole('button', { name: /^Akteure/ }).click();
  await page.getByTestId('actor-table').getByRole('button', { name: 'EUTB Lindenau' }).click();
  await page.locator('aside.panel').getByTestId('detail-tasks').getByRole('button', { name: /Die Bündniskoordinierungsgruppe/ }).click();
  await page.locator('#checklist-title').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'checklist-item');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Bündniskoordinierungsgruppe/);

  // Removing the chip unlinks the actor.
  await bkg.getByRole('button', { name: 'EUTB Lindenau als verantwortlich entfernen' }).click();
  assert.deepEqual(await bkg.locator('.chip .link').allTextContents(), ['Jugendamt Landkreis Lindenau']);
  await saved(page);
  const saved1 = activeRegion(await stored(page)).checklists.at(-1).sections[0].items[0];
  assert.deepEqual(saved1.responsible, ['demo-jugendamt']);
  assert.equal(saved1.due, '2020-01-31');
  assert.equal(saved1.notes, 'Termin mit der Landrätin abstimmen');
  await context.close();
});

test('the print view is one clean document with region, date, status, responsible and notes', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: /^Checklisten/ }).click();
  await page.getByRole('button', { name: 'Lokale Planung 2026' }).click();
  await page.getByRole('button', { name: 'Druckansicht' }).click();
  const doc = page.getByTestId('print-view');
  assert.equal(await doc.locator('.print-region').textContent(), 'Landkreis Lindenau (Demo)');
  assert.equal(await doc.locator('h2').textContent(), 'Lokale Planung 2026');
  const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('.');
  assert.match(await doc.locator('header').textContent(), new RegExp(`Stand: ${today.replace(/\./g, '\\.')}`));
  const row = doc.locator('tr').filter({ hasText: 'Kooperationsvereinbarungen zur nachhaltigen Verankerung' });
  assert.deepEqual(await row.locator('td').allTextContents(), [
    '1.4',
    'Kooperationsvereinbarungen zur nachhaltigen Verankerung der lokalen Kooperation sind abgeschlossen.',
    'In Planung',
    'Kreisverwaltung Lindenau – Kommunale Koordinierung, Jobcenter Landkreis Lindenau, Agentur für Arbeit Lindenau',
    '30.06.2026',
    '',
  ]);
  assert.equal(await doc.locator('tbody tr').count(), 15);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.topbar', '.tabs', '.print-actions']) {
    assert.equal(await page.locator(selector).isVisible(), false, `${selector} is not printed`);
  }
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000 && pdf.subarray(0, 5).toString() === '%PDF-');
  await context.close();
});

test('CSV export opens correctly in German Excel: BOM, semicolons, CRLF, exact content', async () => {
  const { page, context } = await app.open();
  await startChecklist(page, 'Modellregion-Faktoren');
  const traeger = item(page, 'Trägerlandschaft');
  await traeger.getByRole('radio', { name: 'fördert' }).check();
  await traeger.getByLabel('Verantwortlichen Akteur hinzufügen').selectOption({ label: 'Lindenauer Werkstätten' });
  await traeger.getByLabel('Verantwortlichen Akteur hinzufügen').selectOption({ label: 'Stephanus-Werkstatt Bergheim' });
  await traeger.getByLabel('Fällig am').fill('2026-12-03');
  await traeger.getByLabel('Fällig am').blur();
  await traeger.getByLabel('Notizen').fill('Zwei Träger; "stark" vernetzt\nzweite Zeile');
  await traeger.getByLabel('Notizen').blur();
  await item(page, 'Vernetzung der beteiligten Akteure').getByRole('radio', { name: 'hemmt' }).check();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als CSV exportieren' }).click()]);
  const year = new Date().getFullYear();
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(download.suggestedFilename(), `netzwerkatlas-landkreis-lindenau-demo-modellregion-faktoren-${year}-${today}.csv`, "the region is named in the file name");
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const german = today.split('-').reverse().join('.');
  const expected = [
    'Abschnitt;Nr.;Punkt;Status;Verantwortlich;Fällig;Notizen;Antworten;Zuletzt geändert',
    `Strukturen der Region;1.1;Trägerlandschaft;fördert;Lindenauer Werkstätten, Stephanus-Werkstatt Bergheim;03.12.2026;"Zwei Träger; ""stark"" vernetzt\nzweite Zeile";;${german}`,
    'Strukturen der Region;1.2;Anzahl der IFDs und ihre Trägerschaft;Noch nicht beantwortet;;;;;',
    `Strukturen der Region;1.3;Vernetzung der beteiligten Akteure;hemmt;;;;;${german}`,
    'Strukturen der Region;1.4;Wirtschaftliche Situation und in Frage kommende Unternehmen;Noch nicht beantwortet;;;;;',
    '',
  ].join('\r\n');
  assert.equal(bytes.subarray(3).toString('utf8'), expected);
  await context.close();
});

test('Sozialraumkonferenz: answers name actors', async () => {
  const { page, context } = await app.open();
  await startChecklist(page, 'Sozialraumkonferenz');
  const bedarfe = item(page, 'Bedarfe: Was wird künftig gebraucht');
  await bedarfe.getByRole('button', { name: 'Antwort hinzufügen' }).click();
  assert.equal(await bedarfe.locator('.error').textContent(), 'Bitte eine Antwort eingeben.');
  await bedarfe.getByLabel('Neue Antwort').fill('Begleitetes Wohnen für Familien');
  await bedarfe.getByLabel('Betrifft Akteur').selectOption({ label: 'Diakonisches Werk Bergheim-Weidenau' });
  await bedarfe.getByRole('button', { name: 'Antwort hinzufügen' }).click();
  await bedarfe.getByLabel('Neue Antwort').fill('Therapeutische Angebote');
  await bedarfe.getByLabel('Neue Antwort').press('Enter');
  await bedarfe.getByLabel('Akteur zu Antwort 2 hinzufügen').selectOption({ label: 'EUTB Lindenau' });
  await bedarfe.getByLabel('Akteur zu Antwort 2 hinzufügen').selectOption({ label: 'Fachdienst Eingliederungshilfe' });
  assert.deepEqual(await bedarfe.locator('.answer-list li').nth(0).locator('button.chip').allTextContents(), ['Diakonisches Werk Bergheim-Weidenau']);
  assert.deepEqual(await bedarfe.locator('.answer-list li').nth(1).locator('button.chip').allTextContents(), ['EUTB Lindenau', 'Fachdienst Eingliederungshilfe']);
  assert.equal(await page.locator('.overview .muted').first().textContent(), 'Keine Punkte mit Status.');
  await saved(page);
  const answers = activeRegion(await stored(page)).checklists.at(-1).sections[0].items[1].answers;
  assert.deepEqual(answers, [
    { text: 'Begleitetes Wohnen für Familien', actors: ['demo-diakonie'] },
    { text: 'Therapeutische Angebote', actors: ['demo-eutb', 'demo-sozialamt'] },
  ]);
  await context.close();
});

test('copy a shipped template, change it, and start a checklist that remembers the version', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: /^Checklisten/ }).click();
  await page.getByRole('button', { name: 'Vorlagen verwalten' }).click();
  await page.getByRole('button', { name: '„Lokale Planung“ kopieren und anpassen' }).click();
  await page.locator('#template-name').fill('Lokale Planung Lindenau');
  await page.getByRole('button', { name: '+ Punkt in Abschnitt 1' }).click();
  await page.locator('#item-0-4-text').fill('Die Jugendberufsagentur ist in der BKG vertreten.');
  await page.locator('#item-0-4-kind').selectOption('planning');
  await page.getByRole('button', { name: 'Vorlage speichern' }).click();
  const card = page.getByTestId('template-list').locator('li').filter({ hasText: 'Lokale Planung Lindenau' });
  assert.match(await card.textContent(), /eigene Vorlage · 4 Abschnitte, 16 Punkte · Version 2/);

  // A shipped template cannot be edited; a section without a title is refused.
  assert.equal(await page.getByTestId('template-list').locator('li').filter({ hasText: 'mitgeliefert' }).getByRole('button', { name: 'Bearbeiten' }).count(), 0);
  await card.getByRole('button', { name: 'Bearbeiten' }).click();
  await page.locator('#section-0-title').fill('');
  await page.getByRole('button', { name: 'Vorlage speichern' }).click();
  assert.equal(await page.locator('#section-0-title-error').textContent(), 'Bitte einen Titel für den Abschnitt eingeben.');
  await page.getByRole('button', { name: 'Abbrechen' }).click();

  await page.getByRole('button', { name: '← Zu den Checklisten' }).click();
  await page.getByRole('button', { name: '+ Neue Checkliste' }).click();
  await page.getByRole('radio', { name: /^Lokale Planung Lindenau/ }).check();
  await page.getByRole('button', { name: 'Checkliste anlegen' }).click();
  assert.match(await page.locator('.checklist-view .muted').first().textContent(), /Vorlage „Lokale Planung Lindenau“, Version 2/);
  assert.equal(await page.getByTestId('checklist-item').count(), 16);
  await saved(page);
  await reload(page);
  const envelope = await stored(page);
  assert.equal(envelope.data.templates.length, 1);
  assert.equal(envelope.data.templates[0].version, 2);
  await context.close();
});

test('undo puts the status radios back; arrow keys through them are one change; three equal shares add up to 100', async () => {
  const { page, context } = await app.open();
  await startChecklist(page, 'Netzwerk aufbauen');
  const section = page.locator('.checklist-section').first();
  const first = section.getByTestId('checklist-item').nth(0);
  const second = section.getByTestId('checklist-item').nth(1);
  const badge = (card) => card.locator('.item-head .badge').textContent();

  // Set, undo: the radios follow the badge, and the same choice can be made again.
  await first.getByRole('radio', { name: 'Bereits umgesetzt' }).check();
  await first.getByRole('radio', { name: 'Nein' }).check();
  assert.equal(await badge(first), 'Nein');
  await page.getByRole('button', { name: '↶ Rückgängig' }).click();
  assert.equal(await badge(first), 'Bereits umgesetzt');
  assert.ok(await first.getByRole('radio', { name: 'Bereits umgesetzt' }).isChecked(), 'the radio of the restored status is checked');
  assert.ok(!(await first.getByRole('radio', { name: 'Nein' }).isChecked()), 'the undone choice is no longer checked');
  await first.getByRole('radio', { name: 'Nein' }).check();
  assert.equal(await badge(first), 'Nein', 'choosing it again takes effect without a reload');
  await page.getByRole('button', { name: '↶ Rückgängig' }).click();
  assert.equal(await badge(first), 'Bereits umgesetzt');

  // Arrow keys through the second item's radios: one entry in its history.
  await second.getByRole('radio', { name: 'Nein' }).check();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await badge(second), 'Bereits umgesetzt');
  await second.getByText('Verlauf (1)').click();
  assert.match((await second.locator('.history li').allTextContents()).join(), /: Noch nicht beantwortet → Bereits umgesetzt$/);

  // One of three items each: 33 + 33 + 34, not 33 + 33 + 33.
  await second.getByRole('radio', { name: 'Nein' }).check();
  assert.equal(await page.locator('.section-progress .bar').first().getAttribute('aria-label'),
    'Schritt 1: Stärken erkennen: 1 Nein (33 %) · 1 Bereits umgesetzt (33 %) · 1 Noch nicht beantwortet (34 %)');
  await context.close();
});

test('a new template being written survives a reload and is offered back', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: /^Checklisten/ }).click();
  await page.getByRole('button', { name: 'Vorlagen verwalten' }).click();
  await page.getByRole('button', { name: '+ Neue Vorlage' }).click();
  await page.locator('#template-name').fill('Übergangsmanagement Kreis');
  await reload(page);
  // The reload comes back to the templates; the new template's editor offers the input back.
  await page.getByRole('button', { name: '+ Neue Vorlage' }).click();
  assert.equal(await page.locator('#template-name').inputValue(), 'Übergangsmanagement Kreis');
  await page.getByTestId('draft-restored').waitFor();
  await context.close();
});
