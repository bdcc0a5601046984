// The UI speaks German and English: it starts in the browser's language,
// switches in the header, remembers the choice, and writes numbers, dates
// and messages (also those from the domain) in the chosen language.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { useApp, saved, reload, writeStored } from './helpers.mjs';
import { regionUpload } from '../support/netzwerkatlas-file.mjs';
import { germanOnly } from '../support/catalogue.mjs';
import { SCREENS } from './screens.mjs';

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

test('switching the language redraws the texts, keeps the focus, and is remembered', async () => {
  const { page, context } = await app.open({ locale: 'en-US' });
  await page.locator('#language-select').focus();
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

test('a language switch keeps what was typed into an open form, without offering it back', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
  await page.locator('#actor-name').fill('Sprachcafé Lindenau');
  await page.locator('#actor-kind').selectOption('verein');
  await page.getByRole('button', { name: '+ Kontaktperson' }).click();
  await page.locator('#contact-0-name').fill('Aylin Demir');
  await page.locator('#actor-notes').fill('Trifft sich dienstags.');
  await page.locator('#language-select').selectOption('en');
  await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
  assert.equal(await page.getByTestId('draft-restored').count(), 0, 'nothing was lost, so nothing is offered back');
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
  assert.match(await page.getByTestId('newer-data').textContent(), /newer version of Netzwerkatlas \(data format 9; this version knows up to 6\)/);
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

test('a language file written for other keys (cached from an older version) is refused, and the texts stay German', async () => {
  // Without the service worker, so that the route below answers the fetch.
  const { page, context, errors } = await app.open({ options: { serviceWorkers: 'block' } });
  let served = 0;
  await page.route('**/locales/en.json', async (route) => {
    const current = await (await route.fetch()).json();
    served += 1;
    // The same number of texts, shifted by one: read by place, every text would be wrong.
    await route.fulfill({ json: { keys: (current.keys ^ 1) >>> 0, texts: [current.texts.at(-1), ...current.texts.slice(0, -1)] } });
  });
  await page.locator('#language-select').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(served, 1);
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  assert.ok(await page.getByRole('button', { name: '+ Akteur hinzufügen' }).isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

/** Every text a person can see or hear: text nodes, labels in attributes, the page title. */
const pageTexts = (page) =>
  page.evaluate(() => {
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent.trim();
      // translate="no": the user's own document (a report), in the language it was written in.
      if (text && !walker.currentNode.parentElement.closest('script, style, option[lang], [translate="no"]')) texts.push(text);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) if (el.hasAttribute(name)) texts.push(el.getAttribute(name).trim());
    }
    return texts;
  });

const { whole, pieces } = germanOnly('en');
const german = (text) => whole.has(text) || [...pieces].some((piece) => text.includes(piece));

/** Every text the user's data holds (names, item texts …): data stays as it
 *  was typed, whatever the UI's language, so it is taken out before looking. */
const dataTexts = (page) =>
  page.evaluate(() => {
    const found = new Set();
    const walk = (v) => {
      if (typeof v === 'string') { if (v.length >= 4) found.add(v); }
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (let i = 0; i < localStorage.length; i++) {
      try { walk(JSON.parse(localStorage.getItem(localStorage.key(i)))); } catch { /* not JSON */ }
    }
    return [...found].sort((a, b) => b.length - a.length);
  });

/** The demo region's texts (names, item texts), as its source spells them. */
const demoTexts = readFileSync(new URL('../../src/domain/samples/demo.rs', import.meta.url), 'utf8')
  .split('\n')
  .flatMap((line) => [...line.matchAll(/"((?:[^"\\]|\\.){4,}?)"/g)].map((m) => m[1]));

/** The cells of the list the import screen reads: a file's headings are its data too. */
const listTexts = readFileSync(new URL('../fixtures/lists/traegerliste-windows-1252.csv', import.meta.url), 'latin1')
  .split(/[;\r\n"]/)
  .map((cell) => cell.trim())
  .filter(Boolean);

/** The page's texts in which German is left, data taken out. */
async function germanLeft(page) {
  const data = [...new Set([...(await dataTexts(page)), ...demoTexts, ...listTexts])].sort((a, b) => b.length - a.length);
  return (await pageTexts(page)).filter((text) => german(data.reduce((rest, d) => rest.split(d).join(' '), text).trim()));
}

// The header (and so the switch) is not on the screen that refuses newer data.
for (const [screen, reach] of SCREENS.filter(([screen]) => screen !== 'newer data screen')) {
  test(`switched to English in place, no German text is left: ${screen}`, async () => {
    const { page, context, errors } = await app.open();
    await reach(page);
    await page.evaluate(() => document.querySelectorAll('body *').forEach((el) => { el.__beforeSwitch = true; }));
    assert.ok((await germanLeft(page)).length > 0, 'the screen speaks German before the switch');
    await page.locator('#language-select').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
    const left = await germanLeft(page);
    assert.deepEqual(left, [], `${screen}: German texts left after the switch`);
    // Nothing that holds what the user did is drawn anew: fields, choices, open details.
    const redrawn = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, details')].filter((el) => !el.__beforeSwitch).map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(redrawn, [], `${screen}: drawn anew by the switch`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a switch keeps the import preview, the zoom of the picture and a question asked', async () => {
  const { page, context } = await app.open();
  // An import preview.
  await page.getByRole('button', { name: /^Austausch/ }).click();
  const actors = [{ id: 'x1', name: 'Sprachcafé Ost', kind: 'verein' }];
  await page.locator('#import-files').setInputFiles(regionUpload('ost', 'Kreis Ost', actors));
  await page.getByRole('button', { name: '1 Datei importieren' }).waitFor();
  await page.locator('#language-select').selectOption('en');
  await page.getByRole('button', { name: 'Import 1 file' }).waitFor();
  assert.match(await page.getByTestId('import-summary').textContent(), /^1 actor, 0 relations/);

  // The picture, zoomed in.
  await page.getByRole('button', { name: /^Network picture/ }).click();
  await page.locator('.network-canvas').focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  const zoom = await page.locator('.network-zoom').getAttribute('transform');
  assert.match(zoom, /scale\(1\.5/);
  await page.locator('#language-select').selectOption('de');
  await page.getByRole('button', { name: /^Netzwerkbild/ }).waitFor();
  assert.equal(await page.locator('.network-zoom').getAttribute('transform'), zoom, 'the zoom is kept');

  // A question asked in place, before deleting.
  await page.getByRole('button', { name: /^Akteure/ }).click();
  await page.getByTestId('actor-table').getByRole('button', { name: 'Lindenauer Werkstätten' }).click();
  await page.getByRole('button', { name: 'Löschen …' }).click();
  await page.getByRole('button', { name: 'Endgültig löschen' }).waitFor();
  await page.locator('#language-select').selectOption('en');
  await page.getByRole('heading', { level: 2, name: 'Lindenauer Werkstätten' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Endgültig löschen' }).count(), 0);
  assert.match(await page.getByRole('alertdialog').textContent(), /^Delete “Lindenauer Werkstätten”\?/, 'the question is still asked, in English');
  await context.close();
});
