// Durable saves: a save writes the parts storage lacks and the spare slot,
// reads them back, then switches. Pulling the plug at any step leaves a
// readable state: the last good one until the switch, the new one after it.
// A damaged current slot falls back to the state before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unpack } from '../support/pack.mjs';
import { useApp, saved, stored, activeRegion, createActor, appReady, writeStored, readStoredText, reload, openActor, PART_PREFIX, STORAGE_KEY, CURRENT_KEY } from './helpers.mjs';

const app = useApp();

/** From the first write to a key starting with `prefix` on, every write to
 *  localStorage fails: the tab "dies" at that step of the save. */
async function pullPlugAt(page, prefix) {
  await page.evaluate((at) => {
    const original = Storage.prototype.setItem;
    let dead = false;
    Storage.prototype.setItem = function (key, value) {
      if (this !== localStorage) return original.call(this, key, value);
      dead ||= key.startsWith(at);
      window.__dead = dead;
      if (dead) throw new DOMException('plug pulled', 'UnknownError');
      return original.call(this, key, value);
    };
  }, prefix);
}

// The steps of one save, in order: its new part, the spare slot (read back),
// the switch to it, the revision other tabs follow.
for (const [step, prefix, survivor] of [
  ['the new part', PART_PREFIX, 'old'],
  ['the manifest', STORAGE_KEY, 'old'],
  ['the switch', CURRENT_KEY, 'old'],
  ['the revision', 'netzwerkatlas.revision', 'new'],
]) {
  test(`plug pulled at ${step} of a save: the ${survivor} state loads intact`, async () => {
    const { page, context } = await app.open();
    await saved(page);
    await pullPlugAt(page, prefix);
    await createActor(page, { name: 'Stromausfall e. V.' });
    await page.getByRole('heading', { level: 2, name: 'Stromausfall e. V.' }).waitFor();
    await page.waitForFunction(() => window.__dead === true); // the save has run and died
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

test('a save writes only the part an edit changed, and removes parts no stored state names', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const partKeys = () => page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).sort(), PART_PREFIX);
  const firstParts = await partKeys();
  assert.ok(firstParts.length >= 5, `the demo is stored in ${firstParts.length} parts`);
  await page.evaluate(() => {
    window.__writes = [];
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      // The workspace's writes; sessionStorage holds the open form's draft.
      if (this === localStorage) window.__writes.push([key, value]);
      return original.call(this, key, value);
    };
  });
  const edit = async (note) => {
    await openActor(page, 'Bäckerei Sommer');
    await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
    await page.locator('#actor-notes').fill(note);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await saved(page);
  };
  await edit('Liefert an die Tafel.');
  const writes = await page.evaluate(() => window.__writes);
  const partWrites = writes.filter(([key]) => key.startsWith(PART_PREFIX));
  assert.equal(partWrites.length, 1, 'one part written');
  assert.ok(unpack(partWrites[0][1]).includes('Liefert an die Tafel.'));
  assert.deepEqual(writes.filter(([key]) => !key.startsWith(PART_PREFIX)).map(([key]) => key.replace(/\.b$/, '')),
    [STORAGE_KEY, CURRENT_KEY, 'netzwerkatlas.revision'], 'then the manifest, the switch and the revision');
  // Both states are kept: the first save's parts and the new one.
  assert.equal((await partKeys()).length, firstParts.length + 1);

  await edit('Liefert an die Tafel und die Kita.');
  // The part of the first state is gone; the state before (the first edit) keeps its own.
  const now = await partKeys();
  assert.equal(now.length, firstParts.length + 1);
  assert.ok(now.includes(partWrites[0][0]), 'the state before is kept');
  await reload(page);
  const actor = activeRegion(await stored(page)).actors.find((a) => a.name === 'Bäckerei Sommer');
  assert.equal(actor.notes, 'Liefert an die Tafel und die Kita.');
  await context.close();
});

test('data stored whole by an earlier version loads, and the next save stores it in parts', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const whole = await stored(page);
  delete whole.parts;
  whole.schema = 1;
  await page.evaluate(([slot, current, text, prefix]) => {
    localStorage.clear();
    localStorage.setItem(current, 'a');
    localStorage.setItem(slot, text);
  }, [STORAGE_KEY, CURRENT_KEY, JSON.stringify(whole), PART_PREFIX]);
  await reload(page);
  assert.equal(await page.getByTestId('damaged-banner').count(), 0);
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  await createActor(page, { name: 'Nach dem Update e. V.' });
  await saved(page);
  const envelope = JSON.parse(await readStoredText(page));
  assert.equal(envelope.schema, 6);
  assert.ok(activeRegion(await stored(page)).actors.some((a) => a.name === 'Nach dem Update e. V.'));
  // The whole copy stays as the state before until the save after.
  await createActor(page, { name: 'Noch einer e. V.' });
  await saved(page);
  const slots = await page.evaluate((key) => [localStorage.getItem(key), localStorage.getItem(`${key}.b`)], STORAGE_KEY);
  assert.ok(slots.every((text) => JSON.parse(text).schema === 6), 'no slot holds the whole workspace any more');
  await reload(page);
  assert.equal(await page.getByTestId('actor-count').textContent(), '45 Akteure');
  await context.close();
});

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

test('parts stored as JSON by a version before packing load, and an edit packs the part it changes', async () => {
  const { page, context, errors } = await app.open();
  await saved(page);
  const parts = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => [k, localStorage.getItem(k)]), PART_PREFIX);
  assert.ok(parts.every(([, text]) => text.startsWith('\u0001')), 'stored packed');
  const packed = parts.reduce((n, [, text]) => n + text.length, 0);
  const plain = parts.map(([key, text]) => [key, unpack(text)]);
  assert.ok(packed * 3 < plain.reduce((n, [, text]) => n + text.length, 0), 'packed to less than a third');
  // As the version before packing wrote them: JSON under the same names.
  await page.evaluate((plain) => plain.forEach(([key, text]) => localStorage.setItem(key, text)), plain);
  await reload(page);
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  await createActor(page, { name: 'Nach dem Packen e. V.' });
  await saved(page);
  const now = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => localStorage.getItem(k)), PART_PREFIX);
  const changed = now.filter((text) => unpack(text).includes('Nach dem Packen'));
  assert.equal(changed.length, 1);
  assert.ok(changed[0].startsWith('\u0001'), 'the changed part is stored packed');
  assert.ok(now.some((text) => text.startsWith('[') || text.startsWith('{')), 'the parts it did not change stay as they were');
  await reload(page);
  assert.equal(activeRegion(await stored(page)).actors.length, 44);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged part falls back to the state before, and the manifest with its parts is kept aside', async () => {
  const { page, context } = await app.open();
  await saved(page);
  await createActor(page, { name: 'Zweiter Stand e. V.' });
  await saved(page);
  // Damage the part the last save wrote (it holds the new actor).
  const parts = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => [k, localStorage.getItem(k)]), PART_PREFIX);
  const [damagedKey] = parts.find(([, text]) => unpack(text).includes('Zweiter Stand'));
  await page.evaluate((key) => localStorage.setItem(key, localStorage.getItem(key).slice(0, 100)), damagedKey);
  await reload(page);
  assert.match(await page.getByTestId('damaged-banner').textContent(), /vorletzten gespeicherten Stand/);
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  const aside = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('netzwerkatlas.unreadable.'));
    return JSON.parse(localStorage.getItem(key));
  });
  assert.equal(aside.format, 'netzwerkatlas-unreadable');
  assert.equal(JSON.parse(aside.manifest).schema, 6);
  const part = aside.parts.find((p) => p.name === damagedKey.slice(PART_PREFIX.length));
  assert.equal(part.text.length, 100, 'the damaged part as it was');
  assert.ok(aside.parts.length >= 5 && aside.parts.every((p) => typeof p.text === 'string'), 'every part it names');
  await context.close();
});
