// A newcomer opens the app: the demo region is there at once, and it is stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, saved, stored, activeRegion, reload } from './helpers.mjs';

const app = useApp();

test('first start shows the demo region and stores it', async () => {
  const { page, context, errors } = await app.open();
  await assertDemo(page);
  await saved(page);
  const envelope = await stored(page);
  assert.equal(envelope.format, 'netzwerkatlas-workspace');
  assert.equal(envelope.schema, 6);
  assert.match(envelope.saved_at, /^\d{4}-\d\d-\d\dT/);
  const region = activeRegion(envelope);
  assert.equal(region.actors.length, 43);
  assert.equal(region.relations.length, 83);
  assert.deepEqual(errors, []);
  // Offline on the next visit: the data comes back from the browser, not from anywhere else.
  await reload(page);
  await assertDemo(page);
  await context.close();
});

async function assertDemo(page) {
  await page.getByRole('heading', { level: 1, name: 'Landkreis Lindenau (Demo)' }).waitFor();
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  assert.equal(await page.locator('[data-testid="actor-table"] tbody tr').count(), 43);
  assert.equal(await page.locator('#region-select').inputValue(), 'demo-lindenau');
}

test('search as you type, filter by kind, Rechtskreis and Sozialraum, sort', async () => {
  const { page, context } = await app.open();
  const names = () => page.locator('[data-testid="actor-table"] tbody tr td:first-child').allTextContents();
  await page.locator('#actor-search').pressSequentially('förder');
  assert.deepEqual(await names(), ['Förderschule Weidenau', 'Tagesförderstätte Am Auwald', 'Tagesförderstätte Hohenstein']);
  assert.match(await page.getByTestId('actor-count').textContent(), /^3 von 43 Akteuren/);
  await page.locator('#filter-kind').selectOption('tagesfoerderstaette');
  assert.equal((await names()).length, 2);
  await page.locator('#filter-sozialraum').selectOption({ label: 'Nord' });
  assert.deepEqual(await names(), ['Tagesförderstätte Hohenstein']);
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  assert.equal((await names()).length, 43);
  assert.equal(await page.locator('#actor-search').inputValue(), '');

  await page.locator('#filter-rechtskreis').selectOption('sgb_ii');
  assert.deepEqual(await names(), ['Jobcenter Landkreis Lindenau', 'Jugendberufsagentur Lindenau']);
  await page.locator('#filter-rechtskreis').selectOption('');

  await page.locator('#actor-search').fill('zzz-nichts');
  await page.getByText('Kein Akteur passt zu Suche und Filtern.').waitFor();
  await page.locator('#actor-search').fill('');

  await page.locator('#actor-sort').selectOption('relations');
  const counts = (await page.locator('[data-testid="actor-table"] tbody tr td:last-child').allTextContents()).map(Number);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  assert.equal(counts.at(-1), 0, 'the isolated actor comes last');
  await context.close();
});

test('create a second region with Sozialräume and switch between regions', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: '+ Neue Region' }).click();
  await page.getByRole('button', { name: 'Region anlegen' }).click();
  assert.equal(await page.locator('#region-name-error').textContent(), 'Bitte einen Namen für die Region eingeben.');
  await page.locator('#region-name').fill('Stadt Musterhausen');
  await page.locator('#region-kind').selectOption('kreisfreie_stadt');
  await page.locator('#sozialraum-0-name').fill('Innenstadt');
  await page.locator('#sozialraum-0-gemeinden').fill('Altstadt, Bahnhofsviertel');
  await page.getByRole('button', { name: '+ Sozialraum' }).click();
  await page.locator('#sozialraum-1-name').fill('Nordstadt');
  await page.getByRole('button', { name: 'Region anlegen' }).click();

  await page.getByRole('heading', { level: 1, name: 'Stadt Musterhausen' }).waitFor();
  assert.equal(await page.getByTestId('actor-count').textContent(), '0 Akteure');
  assert.deepEqual(await page.locator('#filter-sozialraum option').allTextContents(), ['Alle Sozialräume', 'Innenstadt', 'Nordstadt']);
  await saved(page);
  await reload(page);
  await page.getByRole('heading', { level: 1, name: 'Stadt Musterhausen' }).waitFor();
  const envelope = await stored(page);
  assert.equal(envelope.data.regions.length, 2);
  const region = activeRegion(envelope);
  assert.equal(region.kind, 'kreisfreie_stadt');
  assert.deepEqual(region.sozialraeume.map((s) => [s.name, s.gemeinden]), [['Innenstadt', ['Altstadt', 'Bahnhofsviertel']], ['Nordstadt', []]]);

  await page.locator('#region-select').selectOption({ label: 'Landkreis Lindenau (Demo)' });
  await page.getByRole('heading', { level: 1, name: 'Landkreis Lindenau (Demo)' }).waitFor();
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');

  // Deleting a region asks first, names what goes with it, and can be undone.
  await page.locator('#region-select').selectOption({ label: 'Stadt Musterhausen' });
  await page.getByRole('button', { name: 'Region & Sozialräume' }).click();
  await page.getByRole('button', { name: 'Diese Region löschen …' }).click();
  assert.match(await page.getByRole('alertdialog').textContent(), /„Stadt Musterhausen“ mit 0 Akteuren und 0 Beziehungen löschen\?/);
  await page.getByRole('button', { name: 'Endgültig löschen' }).click();
  assert.deepEqual(await page.locator('#region-select option').allTextContents(), ['Landkreis Lindenau (Demo)']);
  await page.getByRole('button', { name: '↶ Rückgängig' }).click();
  assert.deepEqual(await page.locator('#region-select option').allTextContents(), ['Landkreis Lindenau (Demo)', 'Stadt Musterhausen']);
  await context.close();
});

test('once she has a region of her own, the coordinator is offered to remove the demo (undoable), or to keep it for good', async () => {
  const { page, context } = await app.open();
  assert.equal(await page.getByTestId('demo-notice').count(), 0, 'no offer while the demo is the only region');
  await page.getByRole('button', { name: '+ Neue Region' }).click();
  await page.locator('#region-name').fill('Werra-Meißner-Kreis');
  await page.getByRole('button', { name: 'Region anlegen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werra-Meißner-Kreis' }).waitFor();
  const notice = page.getByTestId('demo-notice');
  assert.match(await notice.textContent(), /Brauchen Sie die Beispielregion „Landkreis Lindenau \(Demo\)“ noch\?/);
  await notice.getByRole('button', { name: 'Beispielregion entfernen' }).click();
  assert.deepEqual(await page.locator('#region-select option').allTextContents(), ['Werra-Meißner-Kreis']);
  assert.equal(await page.getByTestId('demo-notice').count(), 0);
  await page.getByRole('button', { name: '↶ Rückgängig' }).click();
  assert.deepEqual(await page.locator('#region-select option').allTextContents(), ['Landkreis Lindenau (Demo)', 'Werra-Meißner-Kreis']);

  // Keeping it is remembered over a reload.
  await page.getByTestId('demo-notice').getByRole('button', { name: 'Behalten' }).click();
  assert.equal(await page.getByTestId('demo-notice').count(), 0);
  await saved(page);
  await reload(page);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByTestId('demo-notice').count(), 0, 'not asked again');
  await context.close();
});

test('a newcomer is welcomed beside the demo, once; an empty region says what to do next', async () => {
  const { page, context } = await app.open();
  const welcome = page.getByTestId('welcome');
  assert.match(await welcome.textContent(), /erfundene Landkreis Lindenau.*bleibt in diesem Browser/s);
  await welcome.getByRole('button', { name: 'Erst umsehen' }).click();
  assert.equal(await welcome.count(), 0);
  await reload(page);
  assert.equal(await welcome.count(), 0, 'dismissed once, it stays away');

  // A fresh browser: straight from the welcome to an own region.
  const second = await app.open();
  await second.page.getByTestId('welcome').getByRole('button', { name: 'Eigene Region anlegen' }).click();
  await second.page.locator('#region-name').fill('Kreis Leerfeld');
  await second.page.getByRole('button', { name: 'Region anlegen' }).click();
  await second.page.getByRole('heading', { level: 1, name: 'Kreis Leerfeld' }).waitFor();
  assert.match(await second.page.locator('p.empty').textContent(), /Noch keine Akteure/);
  await second.page.getByRole('button', { name: /^Beziehungen/ }).click();
  assert.match(await second.page.getByTestId('relations-empty').textContent(), /Noch keine Beziehungen/);
  await second.page.getByRole('button', { name: /^Netzwerkbild/ }).click();
  await second.page.getByTestId('network-empty').getByRole('button', { name: 'Zu den Akteuren' }).click();
  await second.page.getByRole('button', { name: '+ Akteur hinzufügen' }).waitFor();
  await second.context.close();
  await context.close();
});
