// Durable saves: a save writes the spare slot, reads it back, then switches.
// Pulling the plug after any step leaves a readable state: the last good one
// until the switch, the new one after it. A damaged current slot falls back
// to the state before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, saved, stored, activeRegion, createActor, appReady, writeStored } from './helpers.mjs';

const app = useApp();

/** From now on, every write to localStorage after the first `writes` fails: the tab "dies". */
async function pullPlugAfter(page, writes) {
  await page.evaluate((limit) => {
    const original = Storage.prototype.setItem;
    let count = 0;
    Storage.prototype.setItem = function (key, value) {
      if (count++ >= limit) throw new DOMException('plug pulled', 'UnknownError');
      return original.call(this, key, value);
    };
  }, writes);
}

// The steps of one save: 0 = before writing the spare slot, 1 = slot written
// (and read back) but not switched, 2 = switched, revision not yet written.
for (const [writes, survivor] of [[0, 'old'], [1, 'old'], [2, 'new']]) {
  test(`plug pulled after ${writes} write(s) of a save: the ${survivor} state loads intact`, async () => {
    const { page, context } = await app.open();
    await saved(page);
    await pullPlugAfter(page, writes);
    await createActor(page, { name: 'Stromausfall e. V.' });
    await page.getByRole('heading', { level: 2, name: 'Stromausfall e. V.' }).waitFor();
    await page.waitForTimeout(700); // the save has run and died
    await page.close();

    const again = await context.newPage();
    await again.goto(app.url());
    await appReady(again);
    assert.equal(await again.getByTestId('damaged-banner').count(), 0, 'nothing is damaged');
    assert.equal(await again.getByTestId('storage-banner').count(), 0);
    const expected = survivor === 'new' ? '44 Akteure' : '43 Akteure';
    assert.equal(await again.getByTestId('actor-count').textContent(), expected);
    assert.equal(activeRegion(await stored(again)).actors.length, survivor === 'new' ? 44 : 43);
    await context.close();
  });
}

test('a save whose read-back differs is not switched to, and says so', async () => {
  const { page, context } = await app.open();
  await saved(page);
  await page.evaluate(() => {
    const original = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key) {
      const value = original.call(this, key);
      return key.startsWith('netzwerkatlas.workspace') && value ? value.slice(0, -1) : value;
    };
  });
  await createActor(page, { name: 'Bitfehler e. V.' });
  await page.getByTestId('storage-banner').waitFor();
  assert.match(await page.getByTestId('storage-banner').textContent(), /Speichern fehlgeschlagen.*VerifyError/s);
  await page.close();
  const again = await context.newPage();
  await again.goto(app.url());
  await appReady(again);
  assert.equal(await again.getByTestId('actor-count').textContent(), '43 Akteure');
  await context.close();
});

test('a damaged current state falls back to the one before, and keeps the damaged one aside', async () => {
  const { page, context } = await app.open();
  await saved(page);
  await createActor(page, { name: 'Zweiter Stand e. V.' });
  await saved(page);
  await writeStored(page, '{"format":"netzwerkatlas-workspace","schema":1,"data":{"regions":[{"id":');
  await page.reload();
  await appReady(page);
  assert.match(await page.getByTestId('damaged-banner').textContent(), /vorletzten gespeicherten Stand/);
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure', 'the state before the damaged save');
  assert.equal(await page.getByTestId('aside-list').locator('li').count(), 1);
  await createActor(page, { name: 'Weiter geht es e. V.' });
  await saved(page);
  assert.equal(activeRegion(await stored(page)).actors.length, 44);
  await context.close();
});
