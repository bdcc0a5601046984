// The UI speaks German and English: it starts in the browser's language,
// switches in the header, remembers the choice, and writes numbers, dates
// and messages (also those from the domain) in the chosen language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, saved, reload, writeStored } from './helpers.mjs';
import { regionUpload } from '../support/netzwerkatlas-file.mjs';

const app = useApp();
const LANGUAGE_KEY = 'netzwerkatlas.language';

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

test('an English browser gets the English UI, with English numbers and dates', async () => {
  const { page, context, errors } = await app.open({ locale: 'en-US' });
  assert.equal(await htmlLang(page), 'en');
  assert.equal(await page.locator('#language-select').inputValue(), 'en');
  await page.getByRole('button', { name: /^Actors/ }).waitFor();
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 actors');
  assert.ok(await page.getByRole('button', { name: '+ Add actor' }).isVisible());
  // A domain text: the kinds of actors in the filter.
  assert.ok((await page.locator('#filter-kind option').allTextContents()).includes('Youth welfare office'));

  await page.getByRole('button', { name: /^Checklists/ }).click();
  assert.match(await page.locator('.cards .card .muted').first().textContent(), /version \d+ · created on \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/);

  await saved(page);
  await page.getByRole('button', { name: 'Storage & backup' }).click();
  assert.match(await page.getByTestId('usage').textContent(), /^\d+ % used: \d{1,3}(,\d{3})+ of the 5,242,880 characters/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('switching the language rebuilds the UI, keeps the focus, and is remembered', async () => {
  const { page, context } = await app.open({ locale: 'en-US' });
  await page.locator('#language-select').selectOption('de');
  await page.getByRole('button', { name: /^Akteure/ }).waitFor();
  assert.equal(await htmlLang(page), 'de');
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'language-select');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), LANGUAGE_KEY), 'de');
  await reload(page);
  assert.equal(await htmlLang(page), 'de', 'the choice wins over the browser language');
  assert.ok(await page.getByRole('button', { name: '+ Akteur hinzufügen' }).isVisible());
  await context.close();
});

test('a language switch keeps what was typed into an open form', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
  await page.locator('#actor-name').fill('Sprachcafé Lindenau');
  await page.locator('#actor-kind').selectOption('verein');
  await page.getByRole('button', { name: '+ Kontaktperson' }).click();
  await page.locator('#contact-0-name').fill('Aylin Demir');
  await page.locator('#actor-notes').fill('Trifft sich dienstags.');
  await page.locator('#language-select').selectOption('en');
  await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
  assert.equal(await page.locator('#actor-name').inputValue(), 'Sprachcafé Lindenau');
  assert.equal(await page.locator('#actor-kind').inputValue(), 'verein');
  assert.equal(await page.locator('#contact-0-name').inputValue(), 'Aylin Demir');
  assert.equal(await page.locator('#actor-notes').inputValue(), 'Trifft sich dienstags.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Sprachcafé Lindenau' }).waitFor();
  assert.equal(await page.getByTestId('actor-count').textContent(), '44 actors');

  // A form opened later starts empty: the kept draft was for the switch only.
  await page.getByRole('button', { name: '+ Add actor' }).click();
  assert.equal(await page.locator('#actor-name').inputValue(), '');
  await context.close();
});

test('in English, form checks and file errors from the domain are English too', async () => {
  const { page, context } = await app.open();
  assert.equal(await htmlLang(page), 'de', 'a German browser starts in German');
  await page.locator('#language-select').selectOption('en');
  await page.getByRole('button', { name: '+ Add actor' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Please enter a name.').waitFor();
  await page.getByText('Please check the 2 marked fields.').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: /^Exchange/ }).click();
  await page.locator('#import-files').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await page.getByTestId('import-error').filter({ hasText: 'The file is not a JSON file' }).waitFor();
  await context.close();
});

test('in English, damaged or newer stored data is reported in English', async () => {
  const { page, context } = await app.open({ locale: 'en-GB' });
  await saved(page);
  await page.getByRole('button', { name: '+ Add actor' }).click();
  await page.locator('#actor-name').fill('Second state Ltd');
  await page.locator('#actor-kind').selectOption('verein');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);
  await writeStored(page, '{"format":"netzwerkatlas-workspace","schema":2,"parts":');
  await reload(page);
  const banner = await page.getByTestId('damaged-banner').textContent();
  assert.match(banner, /The stored data is damaged.*set aside unchanged.*continues with the state saved before, from \d{1,2} [A-Z][a-z]{2} \d{4}/s);
  assert.doesNotMatch(banner, /beiseitegelegt|Technisch/);
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 actors');

  // Data of a newer version: the screen that refuses it is English, too.
  await writeStored(page, JSON.stringify({ format: 'netzwerkatlas-workspace', schema: 9, parts: {} }));
  await reload(page);
  assert.match(await page.getByTestId('newer-data').textContent(), /newer version of Netzwerkatlas \(data format 9; this version knows up to 2\)/);
  await context.close();
});

test('counts are written with the thousands separator of the language', async () => {
  const { page, context } = await app.open({ locale: 'en-US' });
  const actors = Array.from({ length: 1500 }, (_, i) => ({ id: `a${i}`, name: `Club ${i}`, kind: 'verein' }));
  await page.getByRole('button', { name: /^Exchange/ }).click();
  await page.locator('#import-files').setInputFiles(regionUpload('big', 'Big District', actors));
  assert.match(await page.getByTestId('import-summary').textContent(), /^1,500 actors, 0 relations/);
  await page.getByRole('button', { name: 'Import 1 file' }).click();
  await page.getByRole('button', { name: /^To the region/ }).click();
  await page.getByRole('button', { name: /^Actors/ }).click();
  assert.equal(await page.getByTestId('actor-count').textContent(), '1,500 actors');
  assert.match(await page.locator('.more-rows').textContent(), /^50 of 1,500 actors shown\./);
  await page.locator('#language-select').selectOption('de');
  await page.getByTestId('actor-count').filter({ hasText: '1.500 Akteure' }).waitFor();
  await context.close();
});

test('a browser in neither language starts in German', async () => {
  const { page, context } = await app.open({ locale: 'fr-FR' });
  assert.equal(await htmlLang(page), 'de');
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  await context.close();
});
