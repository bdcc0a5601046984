// Two tabs on the same data: a change in one shows up in the other, and a
// conflicting edit is never written over silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, saved, stored, activeRegion, createActor, appReady } from './helpers.mjs';

const app = useApp();

async function secondTab(context) {
  const page = await context.newPage();
  await page.goto(app.url());
  await appReady(page);
  return page;
}

test('an actor added in one tab appears in the other within a second', async () => {
  const { page: first, context } = await app.open();
  await saved(first);
  const second = await secondTab(context);
  await createActor(first, { name: 'Tab-Test Verein' });
  await saved(first);
  await second.getByTestId('actor-count').filter({ hasText: '44 Akteure' }).waitFor({ timeout: 1000 });
  await second.locator('#actor-search').fill('Tab-Test');
  assert.equal(await second.getByTestId('actor-table').locator('tbody tr').count(), 1);

  // And back: an edit in the second tab reaches the first, and is stored once.
  await second.getByTestId('actor-table').getByRole('button', { name: 'Tab-Test Verein' }).click();
  await second.getByRole('button', { name: 'Löschen …' }).click();
  await second.getByRole('button', { name: 'Endgültig löschen' }).click();
  await saved(second);
  await first.getByTestId('actor-count').filter({ hasText: '43 Akteure' }).waitFor({ timeout: 1000 });
  assert.equal(activeRegion(await stored(first)).actors.length, 43);
  assert.ok(await first.getByRole('button', { name: '↶ Rückgängig' }).isDisabled(), 'undo steps of the other data are dropped');
  await context.close();
});

/** Delivers storage events to the app a while late, as a slow machine might:
 * so the two edits below overlap however long the test tool takes between them. */
function lateStorageEvents() {
  // Counted, so that the test waits for what happened instead of for a while:
  // revisions this tab wrote, and other tabs' revisions it has heard of.
  window.__revisionsWritten = 0;
  window.__revisionsHeard = 0;
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (this === localStorage && key === 'netzwerkatlas.revision') window.__revisionsWritten++;
    return set.call(this, key, value);
  };
  const add = window.addEventListener;
  window.addEventListener = function (type, listener, options) {
    if (type !== 'storage') return add.call(this, type, listener, options);
    return add.call(this, type, (event) => setTimeout(() => {
      listener.call(this, event);
      if (event.key === 'netzwerkatlas.revision') window.__revisionsHeard++;
    }, 1500), options);
  };
}

/** Both tabs done: no save pending, at least one saved, and each has heard every revision the other wrote. */
async function settled(a, b) {
  const look = (page) => page.evaluate(() => [window.__revisionsWritten, window.__revisionsHeard,
    document.querySelector('[data-testid="save-state"]').classList.contains('busy')]);
  let seen;
  for (let i = 0; i < 200; i++) {
    seen = [await look(a), await look(b)];
    const [[wa, ha, busyA], [wb, hb, busyB]] = seen;
    if (!busyA && !busyB && wa + wb > 0 && ha === wb && hb === wa) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the two tabs did not settle: ${JSON.stringify(seen)}`);
}

test('edits in both tabs at once: no edit is overwritten silently', async () => {
  const { page: first, context } = await app.open({ init: lateStorageEvents });
  await saved(first);
  const second = await secondTab(context);
  for (const page of [first, second]) {
    await page.getByRole('button', { name: /^Checklisten/ }).click();
    await page.getByRole('button', { name: 'Lokale Planung 2026' }).click();
  }
  const radio = (page, name) =>
    page.getByTestId('checklist-item').filter({ hasText: 'Digitale Wege zur Zielgruppe' }).getByRole('radio', { name });
  // Counting starts here: the first tab's save of the demo came before the second tab existed.
  for (const page of [first, second]) await page.evaluate(() => { window.__revisionsWritten = 0; window.__revisionsHeard = 0; });
  // Both edit before either has saved (the save delay is 400 ms).
  await Promise.all([radio(first, 'In Planung').check(), radio(second, 'Nein').check()]);

  // localStorage reaches the other tab a moment late, so both may have
  // written. Whatever happened, no edit is lost silently: a tab's edit is
  // either what is stored, or that tab says so and waits for a decision.
  const item = (envelope) => activeRegion(envelope).checklists[0].sections[1].items[3];
  const mine = new Map([[first, 'in_planung'], [second, 'nein']]);
  const banner = (page) => page.getByTestId('storage-banner');
  await Promise.race([first, second].map((p) => banner(p).waitFor({ timeout: 5000 })));
  await settled(first, second);
  const asking = [];
  for (const page of [first, second]) {
    const status = item(await stored(page)).status;
    if (await banner(page).isVisible()) {
      asking.push(page);
      assert.match(await banner(page).textContent(), /In einem anderen Tab geändert/);
      assert.equal(await page.getByTestId('save-state').textContent(), 'Nicht gespeichert');
    } else {
      const counts = await Promise.all([first, second].map((p) => p.evaluate(() => [window.__revisionsWritten, window.__revisionsHeard, document.querySelector('[data-testid="save-state"]').className])));
      assert.equal(status, mine.get(page), `a tab that does not ask has its edit stored (${page === first ? 'first' : 'second'}, ${JSON.stringify(counts)})`);
    }
  }
  assert.ok(asking.length >= 1, 'at least one tab asks');
  const loser = asking[0];
  const stillStored = item(await stored(loser)).status;
  const written = await loser.evaluate(() => window.__revisionsWritten);
  // Whatever it would write, it writes when the tab is left: make it so now.
  await loser.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.equal(await loser.evaluate(() => window.__revisionsWritten), written, 'nothing is written while the user decides');
  assert.equal(item(await stored(loser)).status, stillStored);

  // The user keeps this tab's version on purpose; the other tab follows.
  await loser.getByRole('button', { name: /Meine Fassung speichern/ }).click();
  await saved(loser);
  assert.equal(item(await stored(loser)).status, mine.get(loser));
  const other = loser === first ? second : first;
  if (asking.length === 1) {
    const label = mine.get(loser) === 'nein' ? 'Nein' : 'In Planung';
    await other.getByTestId('checklist-item').filter({ hasText: 'Digitale Wege zur Zielgruppe' })
      .locator('.item-head .badge').filter({ hasText: label }).waitFor({ timeout: 3000 });
  }
  await context.close();
});
