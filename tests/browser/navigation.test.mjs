// Each place has its own address: Back and Forward move within the app, a
// reload returns to the same place, a link to an actor can be bookmarked,
// and the page title names where the user is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, appReady, openActor, reload } from './helpers.mjs';

const app = useApp();

const hash = (page) => page.evaluate(() => location.hash);
const tab = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });

test('Back and Forward move between views and actors, not out of the app', async () => {
  const { page, context, errors } = await app.open();
  assert.match(await hash(page), /^#\/region\/[^/]+\/akteure$/, 'the first place gets an address without a new history entry');
  assert.equal(await page.title(), 'Akteure – Landkreis Lindenau (Demo) – Netzwerkatlas');

  await tab(page, 'Netzwerk').click();
  await page.getByTestId('network-svg').waitFor();
  assert.match(await hash(page), /\/netzwerk$/);
  assert.equal(await page.title(), 'Netzwerkbild – Landkreis Lindenau (Demo) – Netzwerkatlas');

  await tab(page, 'Akteure').click();
  await openActor(page, 'EUTB Lindenau');
  assert.match(await hash(page), /\/akteure\/[^/]+$/);
  assert.equal(await page.title(), 'EUTB Lindenau – Akteure – Landkreis Lindenau (Demo) – Netzwerkatlas');

  await page.goBack();
  await page.locator('aside.panel').waitFor({ state: 'detached' });
  assert.match(await hash(page), /\/akteure$/, 'Back closes the actor');
  await page.goBack();
  await page.getByTestId('network-svg').waitFor();
  assert.equal(await tab(page, 'Netzwerk').getAttribute('aria-pressed'), 'true');
  await page.goForward();
  await page.goForward();
  await page.getByRole('heading', { level: 2, name: 'EUTB Lindenau' }).waitFor();
  assert.ok(page.url().startsWith(app.url()), 'still in the app');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload returns to the open checklist, and an actor link opens in a new tab', async () => {
  const { page, context } = await app.open();
  await tab(page, 'Checklisten').click();
  await page.getByRole('button', { name: '+ Neue Checkliste' }).click();
  await page.getByRole('radio', { name: /^Netzwerk aufbauen/ }).check();
  await page.getByRole('button', { name: 'Checkliste anlegen' }).click();
  await page.locator('#checklist-title').waitFor();
  const year = new Date().getFullYear();
  assert.match(await hash(page), /\/checklisten\/[^/]+$/);
  assert.equal(await page.title(), `Netzwerk aufbauen ${year} – Checklisten – Landkreis Lindenau (Demo) – Netzwerkatlas`);
  await reload(page);
  assert.equal(await page.locator('#checklist-title').textContent(), `Netzwerk aufbauen ${year}`);

  await tab(page, 'Akteure').click();
  await openActor(page, 'Jobcenter Landkreis Lindenau');
  const link = page.url();
  const second = await context.newPage();
  await second.goto(link);
  await appReady(second);
  await second.getByRole('heading', { level: 2, name: 'Jobcenter Landkreis Lindenau' }).waitFor();

  // An address of something that is gone opens the view without it.
  await second.goto(`${app.url()}#/region/gibt-es-nicht/akteure/auch-nicht`);
  await second.reload();
  await appReady(second);
  await second.getByTestId('actor-table').waitFor();
  assert.equal(await second.locator('aside.panel').count(), 0);
  assert.match(await hash(second), /^#\/region\/(?!gibt-es-nicht)[^/]+\/akteure$/);
  await context.close();
});

test('the skip links move focus to the content or the areas and leave the address alone', async () => {
  const { page, context } = await app.open();
  const before = await hash(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal(await hash(page), before);
  // The second skip link goes to the region's areas.
  await page.reload();
  await appReady(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Zu den Bereichen der Region springen');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.classList.contains('tab'));
  assert.equal(await hash(page), before);
  await context.close();
});

test('a field reached with the keyboard is never hidden under the sticky header', async () => {
  const { page, context } = await app.open();
  await page.setViewportSize({ width: 1366, height: 768 });
  const buttons = page.getByTestId('actor-table').getByRole('button');
  const target = buttons.nth(20);
  // Scroll so that the target lies behind the header, then reach it with Tab from the one before.
  await target.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 10));
  await buttons.nth(19).evaluate((el) => el.focus({ preventScroll: true }));
  await page.keyboard.press('Tab');
  assert.equal(await target.evaluate((el) => el === document.activeElement), true);
  const [top, headerBottom] = await target.evaluate((el) => [
    el.getBoundingClientRect().top,
    document.querySelector('.top').getBoundingClientRect().bottom,
  ]);
  assert.ok(top >= headerBottom, `focused button at ${top}px, header ends at ${headerBottom}px`);
  await context.close();
});
