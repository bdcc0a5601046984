// Storage use, the backup reminder, one-click backup and restore.
import { test } from 'node:test';
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, saved, stored, activeRegion, reload, openActor } from './helpers.mjs';

const app = useApp();

async function openDataPage(page) {
  await page.getByRole('button', { name: 'Speicher & Sicherung' }).click();
  await page.getByRole('heading', { level: 2, name: 'Speicher & Sicherung' }).waitFor();
}

test('storage use is shown, and a warning comes well before it is full', async () => {
  const { page, context } = await app.open();
  await saved(page);
  await openDataPage(page);
  const used = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  const percent = Math.ceil((used * 100) / 5242880);
  assert.match(await page.getByTestId('usage').textContent(), new RegExp(`^${percent} % belegt: `));
  assert.equal(await page.getByTestId('usage-warning').count(), 0);

  // Other data fills 85 % of the quota: the app warns at its next start.
  await page.evaluate(() => localStorage.setItem('filler', 'x'.repeat(Math.floor(5242880 * 0.85))));
  await reload(page);
  assert.match(await page.getByTestId('usage-warning').textContent(), /Der Speicher ist zu (8[5-9]|9\d) % belegt/);

  // So full that the next save cannot fit: the app says so without trying.
  // 10,000 characters stay free; the note below packs to about 16,000.
  await page.evaluate(() => {
    localStorage.removeItem('filler');
    const used = Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0);
    localStorage.setItem('filler', 'x'.repeat(5242880 - used - 'filler'.length - 10000));
  });
  await reload(page);
  await page.evaluate(() => {
    window.__slotWrites = 0;
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('netzwerkatlas.workspace') || key.startsWith('netzwerkatlas.part.')) window.__slotWrites++;
      return original.call(this, key, value);
    };
  });
  // The reload returned to the storage page it was on; the actors are one tab away.
  await page.getByRole('button', { name: /^Akteure/ }).click();
  await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
  await page.locator('#actor-name').fill('Passt nicht mehr e. V.');
  await page.locator('#actor-kind').selectOption('verein');
  // Text without repeats, which packing cannot shrink.
  const noise = [...randomBytes(30000)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  await page.locator('#actor-notes').fill(noise);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByTestId('storage-banner').filter({ hasText: 'Der Speicher ist voll' }).waitFor();
  assert.equal(await page.evaluate(() => window.__slotWrites), 0, 'no write was attempted');
  await context.close();
});

test('the backup reminder appears after a while without backup, and one click backs up', async () => {
  const { page, context } = await app.open();
  await saved(page);
  assert.equal(await page.getByTestId('backup-reminder').count(), 0, 'no reminder on the first day');
  const longAgo = new Date(Date.now() - 60 * 86400000).toISOString();
  await page.evaluate((at) => localStorage.setItem('netzwerkatlas.first-saved', at), longAgo);
  await reload(page);
  const reminder = page.getByTestId('backup-reminder');
  assert.match(await reminder.textContent(), /noch nie eine Sicherung/);
  const [download] = await Promise.all([page.waitForEvent('download'), reminder.getByRole('button', { name: 'Jetzt sichern' }).click()]);
  const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(activeRegion(backup).actors.length, 43);
  assert.equal(await page.getByTestId('backup-reminder').count(), 0);
  await reload(page);
  assert.equal(await page.getByTestId('backup-reminder').count(), 0, 'the backup time is remembered');
  await openDataPage(page);
  assert.match(await page.getByTestId('last-backup').textContent(), /^Letzte vollständige Sicherung: \d\d\.\d\d\.\d{4}, \d\d:\d\d\.$/);
  await context.close();
});

test('restore a backup after a preview; bad files change nothing', async () => {
  const { page, context } = await app.open();
  await openDataPage(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Vollständige Sicherung herunterladen' }).click()]);
  const backupPath = await download.path();

  await page.getByRole('button', { name: /^Akteure/ }).click();
  await openActor(page, 'Bäckerei Sommer');
  await page.getByRole('button', { name: 'Löschen …' }).click();
  await page.getByRole('button', { name: 'Endgültig löschen' }).click();
  await saved(page);

  await openDataPage(page);
  const input = page.locator('#restore-file');
  await input.setInputFiles({ name: 'notiz.json', mimeType: 'application/json', buffer: Buffer.from('Hallo') });
  assert.match(await page.getByTestId('restore-error').textContent(), /keine Netzwerkatlas-Sicherung/);
  const newer = JSON.stringify({ format: 'netzwerkatlas-workspace', schema: 42, data: {} });
  await input.setInputFiles({ name: 'neu.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
  assert.match(await page.getByTestId('restore-error').textContent(), /neueren Version von Netzwerkatlas \(Datenformat 42/);
  assert.equal(activeRegion(await stored(page)).actors.length, 42, 'nothing changed');

  await input.setInputFiles(backupPath);
  assert.match(await page.getByTestId('restore-preview').textContent(), /1 Region, 43 Akteure, 83 Beziehungen, 2 Checklisten/);
  await page.getByRole('button', { name: 'Ersetzen' }).click();
  assert.equal(await page.getByTestId('actor-count').textContent(), '43 Akteure');
  await saved(page);
  assert.equal(activeRegion(await stored(page)).actors.length, 43);
  await page.getByRole('button', { name: '↶ Rückgängig' }).click();
  assert.equal(await page.getByTestId('actor-count').textContent(), '42 Akteure', 'restoring can be undone');
  await context.close();
});

test('persistent storage is requested after the first own save, and the answer is shown', async () => {
  const { page, context } = await app.open({
    init: () => {
      window.__persistCalls = 0;
      let granted = false;
      navigator.storage.persist = async () => { window.__persistCalls++; granted = true; return true; };
      navigator.storage.persisted = async () => granted;
    },
  });
  await saved(page);
  assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'not for the demo region alone');
  assert.match(await page.getByTestId('persistence').textContent(), /keinen dauerhaften Speicher gewährt/);
  await openActor(page, 'Bäckerei Sommer');
  await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
  await page.locator('#actor-notes').fill('Liefert an die Tafel.');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await saved(page);
  await page.getByTestId('persistence').filter({ hasText: 'dauerhaften Speicher gewährt: er löscht' }).waitFor();
  assert.equal(await page.evaluate(() => window.__persistCalls), 1);
  await context.close();
});
