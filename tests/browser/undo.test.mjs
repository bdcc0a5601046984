// Undo and redo, by button and by keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, saved, stored, activeRegion, createActor, openActor } from './helpers.mjs';

const app = useApp();

test('undo and redo an added actor with the buttons', async () => {
  const { page, context } = await app.open();
  const undo = page.getByRole('button', { name: '↶ Rückgängig' });
  const redo = page.getByRole('button', { name: '↷ Wiederholen' });
  assert.ok(await undo.isDisabled());
  assert.match(await undo.getAttribute('title'), /Strg\+Z.*bis die Seite neu geladen wird/, 'the button says how long the history lasts');
  await createActor(page, { name: 'Nachbarschaftshilfe Moosdorf' });
  await page.getByRole('heading', { level: 2, name: 'Nachbarschaftshilfe Moosdorf' }).waitFor();
  assert.equal(await page.getByTestId('actor-count').textContent(), '44 Akteure');

  await undo.click();
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  assert.ok(await redo.isEnabled());
  await saved(page);
  assert.equal(activeRegion(await stored(page)).actors.length, 43, 'the undone state is what is stored');

  await redo.click();
  assert.equal(await page.getByTestId('actor-count').textContent(), '44 Akteure');
  await saved(page);
  assert.ok(activeRegion(await stored(page)).actors.some((a) => a.name === 'Nachbarschaftshilfe Moosdorf'));
  await context.close();
});

test('Ctrl+Z brings back a deleted actor with its relations, Ctrl+Y deletes it again', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const touching = activeRegion(await stored(page)).relations.filter((r) => r.from === 'demo-aa' || r.to === 'demo-aa').length;
  assert.ok(touching >= 5);
  await openActor(page, 'Agentur für Arbeit Lindenau');
  await page.getByRole('button', { name: 'Löschen …' }).click();
  await page.getByRole('button', { name: 'Endgültig löschen' }).click();
  await page.locator('#actor-search').fill('');
  assert.equal(await page.getByTestId('actor-count').textContent(), '42 Akteure');
  assert.equal(await page.locator('.tab .count').nth(1).textContent(), String(83 - touching));

  // Outside text fields the shortcut is the app's; inside them it stays the browser's text undo.
  await page.locator('h2#actors-title').click();
  await page.keyboard.press('Control+z');
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  assert.equal(await page.locator('.tab .count').nth(1).textContent(), '83');
  await page.keyboard.press('Control+y');
  assert.equal(await page.getByTestId('actor-count').textContent(), '42 Akteure');
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await page.getByTestId('actor-count').textContent(), '42 Akteure', 'nothing left to redo');
  await page.locator('#actor-search').focus();
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('.tab .count').first().textContent(), '42', 'Ctrl+Z in the search field is the browser\'s text undo, not the app\'s');
  await context.close();
});

test('a visible notice confirms a deletion and undoes it; after undo it offers to redo', async () => {
  const { page, context } = await app.open();
  await openActor(page, 'EUTB Lindenau');
  await page.getByRole('button', { name: 'Löschen …' }).click();
  await page.getByRole('button', { name: 'Endgültig löschen' }).click();
  const toast = page.getByTestId('toast');
  assert.equal(await toast.locator('span').textContent(), '„EUTB Lindenau“ gelöscht');
  await toast.getByRole('button', { name: 'Rückgängig machen' }).click();
  await page.locator('#actor-search').fill('');
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  assert.equal(await toast.locator('span').textContent(), 'Rückgängig gemacht');
  await toast.getByRole('button', { name: 'Wiederholen' }).click();
  assert.equal(await page.getByTestId('actor-count').textContent(), '42 Akteure');
  await toast.getByRole('button', { name: 'Meldung schließen' }).click();
  assert.equal(await toast.count(), 0);
  await context.close();
});

test('a notice never covers the end of the page or what has the focus', async () => {
  const { page, context } = await app.open();
  await page.setViewportSize({ width: 1366, height: 768 });
  await openActor(page, 'EUTB Lindenau');
  await page.getByRole('button', { name: 'Löschen …' }).click();
  await page.getByRole('button', { name: 'Endgültig löschen' }).click();
  const toast = page.getByTestId('toast');
  await toast.waitFor();
  const clear = async (what, selector) => {
    const [toastTop, bottom] = await Promise.all([
      toast.evaluate((el) => el.getBoundingClientRect().top),
      page.evaluate((s) => document.querySelector(s).getBoundingClientRect().bottom, selector),
    ]);
    assert.ok(bottom <= toastTop, `${what}: its bottom (${bottom}) is above the notice's top (${toastTop})`);
  };
  // By keyboard to the last link of the page, from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('footer').getByRole('button', { name: 'Datenschutz' }).focus();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('Tab');
  await clear('the focused link', ':focus');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await clear('the end of the page', 'footer > :last-child');
  await context.close();
});
