// Verlauf: keep the region on a date, change it, see what changed; the
// Stichtag survives a reload and costs only its changes in storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, takeStichtag, saved, stored, activeRegion, reload, createActor, openActor, openExchange, download, readStoredText, chooseFiles, asUpload } from './helpers.mjs';
import { schemaErrors } from '../support/netzwerkatlas-file.mjs';

const app = useApp();

test('a Stichtag keeps the state; after an edit the changes are listed, also after a reload; it can be deleted', async () => {
  const { page, context, errors } = await app.open();
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await page.getByRole('heading', { level: 2, name: 'Verlauf: Stichtage und Änderungen' }).waitFor();
  assert.match(await page.getByText('Noch kein Stichtag.').textContent(), /Halten Sie den heutigen Stand fest/);
  // The quarter that ended last is proposed: its name and last day are filled in.
  assert.match(await page.locator('#stichtag-name').inputValue(), /^Bericht Q[1-4] 20\d\d$/);
  assert.match(await page.locator('#stichtag-date').inputValue(), /^(31\.03|30\.06|30\.09|31\.12)\.20\d\d$/);

  await page.locator('#stichtag-name').fill('Bericht Q4 2026');
  await page.locator('#stichtag-date').fill('31.13.2026');
  await page.getByRole('button', { name: 'Stand festhalten' }).click();
  assert.equal(await page.locator('#stichtag-date-error').textContent(), 'Bitte ein Datum angeben, z. B. 11.03.2026.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'stichtag-date', 'focus on the field to mend');
  await page.locator('#stichtag-date').fill('30.11.2026');
  await page.getByRole('button', { name: 'Stand festhalten' }).click();
  const list = page.getByTestId('stichtag-list');
  const row = list.locator('tbody tr').filter({ hasText: 'Bericht Q4 2026' });
  await row.waitFor();
  assert.match(await row.textContent(), /30\.11\.2026/);
  const actorsThen = Number(await row.locator('td.num').first().textContent());
  const changes = page.getByTestId('history-changes');
  assert.equal((await changes.locator('.change-summary').textContent()).trim(), 'Keine Änderungen.');

  // Edit the region: one actor more, one renamed.
  await page.getByRole('button', { name: /^Akteure/ }).click();
  await createActor(page, { name: 'Jugendberatung Nord' });
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await changes.getByText('Neu: 1 Akteur').waitFor();
  assert.match(await changes.textContent(), /Neu: Jugendberatung Nord/);

  await saved(page);
  await reload(page);
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await page.getByTestId('history-changes').getByText('Neu: Jugendberatung Nord').waitFor();
  assert.equal(Number(await list.locator('tbody tr').first().locator('td.num').first().textContent()), actorsThen);
  // Stored as what turns today's region back into that day's: no actor list of its own.
  const region = activeRegion(await stored(page));
  assert.equal(region.stichtage.length, 1);
  assert.equal(region.stichtage[0].state, undefined);
  assert.equal(region.stichtage[0].changes.positions[0].absent.length, 1, 'the new actor is absent then');
  assert.equal(region.stichtage[0].changes.actors, undefined, 'no unchanged actor is copied');

  const reloadedRow = page.getByTestId('stichtag-list').locator('tbody tr').filter({ hasText: 'Bericht Q4 2026' });
  await reloadedRow.getByRole('button', { name: 'Löschen …' }).click();
  await reloadedRow.getByRole('button', { name: 'Ja, löschen' }).click();
  await page.getByText('Noch kein Stichtag.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Stichtag opened read-only: the areas show that day, nothing can be changed, "Zurück zu heute" and a reload bring today back', async () => {
  const { page, context, errors } = await app.open();
  const row = await takeStichtag(page, 'Stand Herbst', '30.11.2026');
  await page.getByRole('button', { name: /^Akteure/ }).click();
  await createActor(page, { name: 'Neue Initiative Süd' });
  const table = page.getByTestId('actor-table');
  await table.getByRole('button', { name: 'Neue Initiative Süd', exact: true }).waitFor();
  await saved(page);
  const before = activeRegion(await stored(page));

  await page.getByRole('button', { name: 'Verlauf' }).click();
  await row.getByRole('button', { name: 'Stichtag Stand Herbst ansehen (nur lesen)' }).click();
  const banner = page.getByTestId('stichtag-banner');
  assert.equal((await banner.locator('p').textContent()).trim(), 'Sie sehen den Stand vom 30.11.2026 (Stichtag „Stand Herbst“), nur lesen.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'stichtag-banner', 'focus on what changed');
  // The actor list of that day: without the actor added since.
  await page.getByRole('heading', { level: 2, name: /^Akteure/ }).waitFor();
  assert.equal(await table.getByRole('button', { name: 'Neue Initiative Süd', exact: true }).count(), 0);
  assert.equal(await table.locator('tbody tr').count(), before.actors.length - 1);

  // Nothing opens a form or changes the data: a clear word instead.
  await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
  const toast = page.getByTestId('toast');
  assert.match(await toast.locator('span').textContent(), /^Nur lesen: ein Stichtag zeigt einen früheren Stand/);
  assert.equal(await page.locator('#actor-name').count(), 0, 'no form opened');
  await page.keyboard.press('Control+z');
  assert.match(await toast.locator('span').textContent(), /^Nur lesen/);
  assert.deepEqual(activeRegion(await stored(page)).actors, before.actors, 'undo did not touch the region');

  // The Verlauf still lists the real Stichtage; back to today from the banner.
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await row.getByRole('button', { name: 'Stichtag Stand Herbst ansehen (nur lesen)' }).waitFor();
  await banner.getByRole('button', { name: 'Zurück zu heute' }).click();
  await page.getByRole('heading', { level: 2, name: 'Verlauf: Stichtage und Änderungen' }).waitFor();
  // Focus moves after the banner has gone (in the next frame).
  await page.waitForFunction(() => document.activeElement.id === 'history-title');
  assert.equal(await banner.count(), 0);
  await page.getByRole('button', { name: /^Akteure/ }).click();
  await table.getByRole('button', { name: 'Neue Initiative Süd', exact: true }).waitFor();

  // Viewing is not kept: a reload starts with today.
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await row.getByRole('button', { name: 'Stichtag Stand Herbst ansehen (nur lesen)' }).click();
  await banner.waitFor();
  await reload(page);
  await page.getByRole('button', { name: /^Akteure/ }).click();
  await table.getByRole('button', { name: 'Neue Initiative Süd', exact: true }).waitFor();
  assert.equal(await page.getByTestId('stichtag-banner').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two Stichtage compared: a Gremium that met in between is listed with its meeting', async () => {
  const { page, context } = await app.open();
  await takeStichtag(page, 'Frühjahr', '31.03.2026');

  // A meeting of the first Gremium.
  await page.getByRole('button', { name: /^Gremien/ }).click();
  await page.locator('[data-testid="group-list"] > li').first().getByRole('button', { name: 'Bearbeiten' }).click();
  await page.getByRole('button', { name: '+ Treffen' }).click();
  const last = page.locator('.meeting-row').last();
  await last.locator('input').first().fill('15.06.2026');
  await last.locator('input').nth(1).fill('Sommerplanung');
  await page.getByRole('button', { name: 'Speichern' }).click();

  await takeStichtag(page, 'Sommer', '30.06.2026');
  assert.deepEqual(await page.getByTestId('stichtag-list').locator('tbody th').allTextContents(), ['Sommer', 'Frühjahr'], 'newest first');

  const from = await page.locator('#history-from option', { hasText: 'Frühjahr' }).getAttribute('value');
  const to = await page.locator('#history-to option', { hasText: 'Sommer' }).getAttribute('value');
  await page.locator('#history-from').selectOption(from);
  await page.locator('#history-to').selectOption(to);
  const changes = page.getByTestId('history-changes');
  await changes.getByText('Gremien: 1 Sitzung').waitFor();
  assert.match(await changes.textContent(), /Sitzung am 15\.06\.2026 Sommerplanung/);
  await context.close();
});

test('what the Stichtage take is shown under "Speicher & Sicherung"; the export can leave them out', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: 'Speicher & Sicherung' }).click();
  await page.getByTestId('usage').waitFor();
  assert.equal(await page.getByTestId('stichtage-usage').count(), 0, 'nothing to say without Stichtage');
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await page.locator('#stichtag-date').fill('01.01.2020');
  await page.getByRole('button', { name: 'Stand festhalten' }).click();
  await page.getByRole('button', { name: /^Akteure/ }).click();
  await createActor(page, { name: 'Jugendberatung Nord' });
  await saved(page);
  await page.getByRole('button', { name: 'Speicher & Sicherung' }).click();
  const usage = await page.getByTestId('stichtage-usage').textContent();
  const [, chars] = usage.match(/^Davon Stichtage: ([\d.]+) Zeichen \(\d+,\d % des Speichers\)\.$/);
  // The figure is the stored part: the chain against today's region, packed.
  const envelope = JSON.parse(await readStoredText(page));
  const part = envelope.parts.regions[0].stichtage;
  const stored = await page.evaluate((name) => Object.keys(localStorage).filter((k) => k.endsWith(name)).map((k) => localStorage.getItem(k).length)[0], part);
  assert.equal(Number(chars.replaceAll('.', '')), stored);

  await openExchange(page);
  const withThem = JSON.parse((await download(page, page.getByRole('button', { name: 'Datei speichern' }))).text);
  assert.equal(withThem.content.regions[0].stichtage.length, 1);
  await page.getByLabel('Mit den Stichtagen (die Region an früheren Tagen)').uncheck();
  const without = JSON.parse((await download(page, page.getByRole('button', { name: 'Datei speichern' }))).text);
  assert.equal(without.content.regions[0].stichtage, undefined);
  assert.deepEqual(schemaErrors(without), []);
  await context.close();
});

test('a 2,000-actor region with eight quarterly Stichtage fits beside itself, survives a reload and compares', async () => {
  const { page, context } = await app.open();
  // Written by examples/bench_files.rs (scripts/test.sh runs it first).
  const file = readFileSync('target/bench-files/region-history-2000.json', 'utf8');
  await openExchange(page);
  await chooseFiles(page, [asUpload('region-history-2000.json', file)]);
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: /^Zur Region/ }).click();
  await saved(page);
  await reload(page);
  const envelope = await stored(page);
  const region = activeRegion(envelope);
  assert.equal(region.actors.length >= 2000, true);
  assert.equal(region.stichtage.length, 8);
  // What storage holds: the region's own parts and its Stichtage part, packed.
  const entry = envelope.parts.regions.find((r) => r.region && r.stichtage);
  const sizes = await page.evaluate((entry) => {
    const length = (name) => [...Object.keys(localStorage)].filter((k) => k.endsWith(name)).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0);
    const own = [entry.region, ...entry.actors, ...entry.relations, ...entry.checklists].reduce((n, name) => n + length(name), 0);
    let all = 0;
    for (let i = 0; i < localStorage.length; i++) all += localStorage.key(i).length + localStorage.getItem(localStorage.key(i)).length;
    return { own, stichtage: length(entry.stichtage), all };
  }, entry);
  console.log(`2,000 actors with 8 Stichtage: region ${sizes.own} chars, Stichtage ${sizes.stichtage} chars (${(100 * sizes.stichtage / sizes.own).toFixed(1)} %), all ${(100 * sizes.all / 5242880).toFixed(1)} % of the quota`);
  assert.ok(sizes.stichtage <= 0.25 * sizes.own, `eight Stichtage take ${sizes.stichtage} of ${sizes.own}`);
  assert.ok(sizes.all <= 0.5 * 5242880, 'room beside it for years of work');

  await page.getByRole('button', { name: 'Verlauf' }).click();
  const rows = page.getByTestId('stichtag-list').locator('tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 8);
  const oldest = await page.locator('#history-from option').nth(7).getAttribute('value');
  await page.locator('#history-from').selectOption(oldest);
  const changes = page.getByTestId('history-changes');
  await changes.getByText(/^Neu: \d+ Akteure/).waitFor();
  assert.match(await changes.textContent(), /Verbindlicher geworden: \d+ Beziehungen/);
  await context.close();
});

test('the Tätigkeitsjournal: an entry linked to an actor and a Gremium, kept over a reload, shown on the actor\'s page, edited, then deleted', async () => {
  const { page, context, errors } = await app.open();
  await page.getByRole('button', { name: 'Verlauf' }).click();
  const journal = page.getByTestId('journal-list');
  // The demo's entries, newest first.
  assert.match(await journal.locator('li').first().textContent(), /20\.10\.2026 · Öffentlichkeitsarbeit/);
  const demoEntries = await journal.locator('li').count();

  await page.getByRole('button', { name: '+ Eintrag' }).click();
  const form = page.locator('aside.panel form');
  await form.getByRole('heading', { name: 'Neuer Eintrag im Tätigkeitsjournal' }).waitFor();
  assert.match(await page.locator('#entry-date').inputValue(), /^\d\d\.\d\d\.20\d\d$/, 'today, as typed in Germany');
  await page.waitForFunction(() => document.activeElement.id === 'entry-date'); // focus in the form
  await page.locator('#entry-date').fill('14.10.2026');
  await form.getByRole('button', { name: 'Speichern' }).click();
  assert.equal(await page.locator('#entry-title-error').textContent(), 'Bitte einen Titel für den Eintrag eingeben.');
  await page.waitForFunction(() => document.activeElement.id === 'entry-title'); // focus on the field to mend
  await page.locator('#entry-title').fill('Netzwerktreffen Übergang');
  await page.locator('#entry-kind').selectOption({ label: 'Netzwerktreffen' });
  await page.locator('#entry-text').fill('Zwölf Teilnehmende, <b>kein</b> Markup.');
  await page.locator('#entry-actor-filter').fill('jobcenter');
  await form.getByLabel('Jobcenter Landkreis Lindenau').check();
  await page.locator('#entry-actor-filter').fill('');
  assert.equal(await form.getByLabel('Jobcenter Landkreis Lindenau').isChecked(), true, 'a tick survives the filter');
  await form.getByLabel('Arbeitskreis Übergang Schule–Beruf').check();
  assert.match(await form.locator('legend').first().textContent(), /Betrifft Akteure \(1 gewählt\)/);
  await form.getByRole('button', { name: 'Speichern' }).click();
  await page.getByTestId('toast').getByText('Eintrag gespeichert.').waitFor();

  // In date order: after the demo's entry of 20.10., before the one of 30.09.
  const entry = journal.locator('li').filter({ hasText: 'Netzwerktreffen Übergang' });
  assert.equal(await journal.locator('li').count(), demoEntries + 1);
  assert.equal(await journal.locator('li').nth(1).locator('h4').textContent(), 'Netzwerktreffen Übergang');
  assert.match(await entry.textContent(), /14\.10\.2026 · Netzwerktreffen/);
  assert.match(await entry.textContent(), /Betrifft: Jobcenter Landkreis Lindenau, Arbeitskreis Übergang Schule–Beruf/);
  assert.equal(await entry.locator('.entry-text').textContent(), 'Zwölf Teilnehmende, <b>kein</b> Markup.', 'text, not markup');

  await saved(page);
  await reload(page);
  await page.getByRole('button', { name: /^Akteure/ }).click();
  await openActor(page, 'Jobcenter Landkreis Lindenau');
  const onActor = page.getByTestId('detail-journal');
  assert.match(await page.getByRole('heading', { level: 3, name: /Im Tätigkeitsjournal/ }).textContent(), /\(2\)/);
  assert.match(await onActor.locator('li').first().textContent(), /14\.10\.2026 · Netzwerktreffen: Netzwerktreffen Übergang/);

  // Edited: the form holds what was saved.
  await page.getByRole('button', { name: 'Verlauf' }).click();
  // The title opens the entry.
  await entry.getByRole('button', { name: 'Netzwerktreffen Übergang' }).click();
  await page.locator('aside.panel').getByRole('heading', { name: 'Eintrag bearbeiten' }).waitFor();
  assert.equal(await page.locator('#entry-date').inputValue(), '14.10.2026');
  assert.equal(await page.locator('aside.panel form').getByLabel('Jobcenter Landkreis Lindenau').isChecked(), true);
  await page.locator('#entry-title').fill('Netzwerktreffen Übergang Schule–Beruf');
  await page.locator('aside.panel form').getByRole('button', { name: 'Speichern' }).click();
  await journal.locator('h4', { hasText: 'Netzwerktreffen Übergang Schule–Beruf' }).waitFor();
  await saved(page);
  let region = activeRegion(await stored(page));
  const kept = region.journal.find((e) => e.title === 'Netzwerktreffen Übergang Schule–Beruf');
  assert.deepEqual([kept.date, kept.kind, kept.actors, kept.groups], ['2026-10-14', 'netzwerktreffen', ['demo-jobcenter'], ['demo-group-ak-uebergang']]);

  // Deleted from its form, after a question that names it.
  await journal.getByRole('button', { name: 'Netzwerktreffen Übergang Schule–Beruf' }).click();
  const panel = page.locator('aside.panel');
  await panel.getByRole('button', { name: 'Löschen …' }).click();
  assert.match(await panel.locator('.confirm-inline').textContent(), /Den Eintrag „Netzwerktreffen Übergang Schule–Beruf“ löschen\?/);
  await panel.getByRole('button', { name: 'Ja, löschen' }).click();
  await page.getByTestId('toast').getByText('Eintrag gelöscht.').waitFor();
  assert.equal(await journal.locator('li').count(), demoEntries);
  await saved(page);
  region = activeRegion(await stored(page));
  assert.equal(region.journal.length, demoEntries);
  assert.deepEqual(errors, []);
  await context.close();
});
