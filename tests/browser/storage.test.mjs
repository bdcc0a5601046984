// Storage that is blocked, full, damaged or from a newer version: a clear
// German message, and the user's data is never written over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, saved, stored, activeRegion, reload, createActor, writeStored, readStoredText, ASIDE_PREFIX } from './helpers.mjs';

const app = useApp();

async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('an edit made right before the tab is closed is written, not lost to the save delay', async () => {
  const { page, context } = await app.open();
  await saved(page);
  await createActor(page, { name: 'Letzte Sekunde e. V.' });
  await page.getByRole('heading', { level: 2, name: 'Letzte Sekunde e. V.' }).waitFor();
  // Closed within the 400 ms save delay: only the flush on pagehide can have written it.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(app.url());
  await again.getByTestId('actor-table').waitFor();
  assert.ok(activeRegion(await stored(again)).actors.some((a) => a.name === 'Letzte Sekunde e. V.'));
  await context.close();
});

test('blocked storage: the app works in memory, says so, and offers a backup', async () => {
  const { page, context, errors } = await app.open({
    init: () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    },
  });
  const banner = page.getByTestId('storage-banner');
  assert.match(await banner.textContent(), /Speichern nicht möglich.*Änderungen gehen beim Schließen verloren/s);
  assert.equal(await page.getByTestId('save-state').textContent(), 'Nur im Arbeitsspeicher');
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  await createActor(page, { name: 'Stadtteilbüro Nord' });
  await page.getByRole('heading', { level: 2, name: 'Stadtteilbüro Nord' }).waitFor();
  assert.equal(await page.getByTestId('toast').locator('span').textContent(), 'Übernommen, aber nicht gespeichert – siehe Hinweis oben.',
    'an edit that cannot be kept is not called saved');
  const backup = await downloadOf(page, () => banner.getByRole('button', { name: 'Sicherung herunterladen' }).click());
  assert.match(backup.name, /^netzwerkatlas-sicherung-\d{4}-\d\d-\d\d\.json$/);
  const envelope = JSON.parse(backup.text);
  assert.deepEqual([envelope.format, envelope.scope], ['netzwerkatlas', 'workspace'], 'a backup is a file in the exchange format');
  assert.ok(activeRegion(envelope).actors.some((a) => a.name === 'Stadtteilbüro Nord'));
  // A downloaded file is saved even while storage is blocked: its notice says so.
  await page.getByRole('button', { name: /^Austausch/ }).click();
  const exported = await downloadOf(page, () => page.getByRole('button', { name: 'Datei speichern' }).click());
  assert.equal(await page.getByTestId('toast').locator('span').textContent(), `Datei ${exported.name} gespeichert`);
  assert.deepEqual(errors, [], 'no crash when storage is blocked');
  await context.close();
});

test('full storage: the message says so, the last good state stays, and saving resumes once there is room', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const before = await readStoredText(page);
  // Fill the origin's quota to the last few characters with other data.
  await page.evaluate(() => {
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
      const chunk = 'x'.repeat(size);
      try { for (let i = 0; ; i++) localStorage.setItem(`filler-${size}-${i}`, chunk); } catch { /* this size is full */ }
    }
  });
  await createActor(page, { name: 'Zu viel für den Speicher' });
  const banner = page.getByTestId('storage-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Der Speicher ist voll.*zuletzt gespeicherte Stand ist unverändert erhalten/s);
  assert.equal(await page.getByTestId('save-state').textContent(), 'Nicht gespeichert');
  assert.equal(await readStoredText(page), before, 'the stored state is the one before');

  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await banner.getByRole('button', { name: 'Erneut speichern' }).click();
  await saved(page);
  assert.equal(await page.getByTestId('storage-banner').count(), 0);
  assert.ok(activeRegion(await stored(page)).actors.some((a) => a.name === 'Zu viel für den Speicher'));
  await context.close();
});

test('damaged data is moved aside, can be downloaded as it was, and is never written over', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const damaged = '{"format":"netzwerkatlas-workspace","schema":1,"data":{"regions":[{"id":"x","name":"Meine Arbeit", "actors": [tr';
  await writeStored(page, damaged);
  await reload(page);

  const notice = page.getByTestId('damaged-banner');
  assert.match(await notice.textContent(), /beschädigt.*beiseitegelegt/s);
  const asideKeys = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), ASIDE_PREFIX);
  assert.equal(asideKeys.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), asideKeys[0]), damaged, 'kept aside byte for byte');

  const list = page.getByTestId('aside-list');
  const file = await downloadOf(page, () => list.getByRole('button', { name: 'Herunterladen' }).click());
  assert.equal(file.text, damaged);
  assert.match(file.name, /^netzwerkatlas-unlesbare-daten-\d{4}-\d\d-\d\d\.json$/);

  // The app goes on with the demo; the aside copy survives further saves and reloads.
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  await createActor(page, { name: 'Neuer Anfang e. V.' });
  await saved(page);
  await reload(page);
  assert.equal(await page.getByTestId('damaged-banner').count(), 0, 'only reported once');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), asideKeys[0]), damaged);

  // Discarding asks first.
  await page.getByTestId('aside-list').getByRole('button', { name: 'Verwerfen …' }).click();
  await page.getByTestId('aside-list').getByRole('button', { name: 'Ja, verwerfen' }).click();
  assert.equal(await page.getByTestId('aside-list').count(), 0);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), asideKeys[0]), null);
  await context.close();
});

test('data from a newer version is refused with a message and left untouched', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const newer = JSON.stringify({ format: 'netzwerkatlas-workspace', schema: 99, saved_at: '2030-01-01T00:00:00Z', data: { regions: [], future: true } });
  await writeStored(page, newer);
  await reload(page);

  const screen = page.getByTestId('newer-data');
  assert.match(await screen.textContent(), /neueren Version von Netzwerkatlas \(Datenformat 99/);
  assert.equal(await page.locator('.topbar').count(), 0, 'no editing on data this version cannot read');
  const file = await downloadOf(page, () => screen.getByRole('button', { name: 'Gespeicherte Daten herunterladen' }).click());
  assert.equal(file.text, newer);
  // Whatever would be written is written now (the flush on leaving), not after some wait.
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.equal(await readStoredText(page), newer);
  await reload(page);
  assert.equal(await readStoredText(page), newer);
  await context.close();
});
