// Password-protected files (DSGVO): a region saved with a password, opened
// in another browser with a wrong and then the right password, and a file
// whose encrypted bytes were changed on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, saved, stored, activeRegion, openExchange, download, asUpload, chooseFiles } from './helpers.mjs';
import { encryptedSchemaErrors } from '../support/netzwerkatlas-file.mjs';

const app = useApp();
const PASSWORD = 'Lindenau-Netz 2026';

/** Saves the demo region protected with PASSWORD; returns the file. */
async function saveProtected(page) {
  await openExchange(page);
  await page.getByLabel('Mit Passwort schützen').check();
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Passwort wiederholen').fill(PASSWORD);
  return download(page, page.getByRole('button', { name: 'Datei speichern' }));
}

test('a region saved with a password: a short password or a typo is named at its field and nothing is saved', async () => {
  const { page, context } = await app.open();
  await openExchange(page);
  await page.getByLabel('Mit Passwort schützen').check();
  const password = page.getByLabel('Passwort', { exact: true });
  await password.fill('kurz');
  assert.equal(await page.locator('#export-password-hint').textContent(), 'Stärke: zu kurz – mindestens 8 Zeichen.');
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Datei speichern' }).click();
  assert.equal(await page.locator('#export-password-error').textContent(), 'Das Passwort ist zu kurz: bitte mindestens 8 Zeichen.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'export-password', 'focus goes to the field to correct');
  assert.equal(await password.getAttribute('aria-describedby'), 'export-password-hint export-password-error');

  await password.fill('lindenau');
  assert.equal(await page.locator('#export-password-hint').textContent(), 'Stärke: schwach – länger ist besser, z. B. mehrere Wörter.');
  await password.fill(PASSWORD);
  assert.equal(await page.locator('#export-password-hint').textContent(), 'Stärke: stark.');
  await page.getByLabel('Passwort wiederholen').fill(PASSWORD.slice(0, -1));
  await page.getByRole('button', { name: 'Datei speichern' }).click();
  assert.equal(await page.locator('#export-password-repeat-error').textContent(), 'Die beiden Passwörter stimmen nicht überein.');
  assert.equal(downloads, 0, 'nothing was saved');
  const keys = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.ok(!keys.includes(PASSWORD.slice(0, -1)) && !keys.includes('lindenau"'), 'the password is never stored');
  await context.close();
});

test('a protected file round trip: unreadable without the password, a wrong one refused, the right one imports', async () => {
  const { page, context } = await app.open();
  await saved(page);
  const before = activeRegion(await stored(page));
  const file = await saveProtected(page);
  assert.match(file.name, /^netzwerkatlas-landkreis-lindenau-demo-\d{4}-\d\d-\d\d-verschluesselt\.json$/);
  const envelope = JSON.parse(file.text);
  assert.equal(envelope.format, 'netzwerkatlas-encrypted');
  assert.equal(envelope.cipher, 'AES-256-GCM');
  assert.equal(envelope.kdf, 'PBKDF2-SHA-256');
  assert.ok(envelope.iterations >= 600000);
  assert.deepEqual(encryptedSchemaErrors(envelope), [], 'the envelope matches public/netzwerkatlas-encrypted.schema.json');
  for (const name of [before.name, before.actors[0].name, 'Anna Schmidt']) {
    assert.ok(!file.text.includes(name), `"${name}" is not readable in the file`);
  }
  assert.equal(await page.getByLabel('Passwort', { exact: true }).getAttribute('type'), 'password');
  await context.close();

  // A colleague in another browser, with no region of her own yet.
  const other = await app.open();
  await other.page.getByRole('button', { name: 'Region & Sozialräume' }).click();
  await other.page.getByRole('button', { name: 'Diese Region löschen …' }).click();
  await other.page.getByRole('button', { name: 'Endgültig löschen' }).click();
  await other.page.getByRole('heading', { name: 'Noch keine Region' }).waitFor();
  await other.page.getByRole('button', { name: 'Datei importieren' }).click();
  await chooseFiles(other.page, [asUpload(file.name, file.text)]);
  const preview = other.page.getByTestId('import-file');
  assert.match(await preview.getByTestId('unlock').textContent(), /Diese Datei ist mit einem Passwort geschützt/);
  assert.ok(await other.page.getByRole('button', { name: 'Nichts zu importieren' }).isDisabled(), 'nothing to import while locked');

  const field = preview.getByLabel('Passwort');
  await field.fill('Lindenau-Netz 2025');
  await field.press('Enter');
  const error = other.page.locator('#unlock-0-error');
  await error.waitFor();
  assert.equal(await error.textContent(), 'Das Passwort stimmt nicht. Bitte prüfen Sie Groß- und Kleinschreibung und versuchen Sie es noch einmal.');
  assert.equal(await other.page.evaluate(() => document.activeElement.id), 'unlock-0', 'focus stays at the password');

  await field.fill(PASSWORD);
  await preview.getByRole('button', { name: 'Öffnen' }).click();
  await other.page.getByTestId('import-summary').waitFor();
  assert.equal(await other.page.getByTestId('import-summary').textContent(), '43 Akteure, 83 Beziehungen, 4 Gremien, 2 Checklisten');
  assert.equal(await other.page.evaluate(() => document.activeElement.tagName), 'H4', 'focus moves to the opened file');
  await other.page.getByRole('button', { name: '1 Datei importieren' }).click();
  await other.page.getByTestId('import-done').waitFor();
  await saved(other.page);
  const imported = activeRegion(await stored(other.page));
  assert.equal(imported.name, before.name, 'the region arrived');
  assert.deepEqual(imported.actors.map((a) => a.name), before.actors.map((a) => a.name));
  await other.context.close();
});

test('a protected file changed on the way is detected, and nothing changes', async () => {
  const { page, context } = await app.open();
  const file = await saveProtected(page);
  const envelope = JSON.parse(file.text);
  // One character of the encrypted data changed (still valid base64).
  const at = Math.floor(envelope.data.length / 2);
  envelope.data = envelope.data.slice(0, at) + (envelope.data[at] === 'A' ? 'B' : 'A') + envelope.data.slice(at + 1);
  await saved(page);
  const before = JSON.stringify(await stored(page));
  await chooseFiles(page, [asUpload(file.name, JSON.stringify(envelope))]);
  await page.getByTestId('import-file').getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Öffnen' }).click();
  const error = page.locator('#unlock-0-error');
  await error.waitFor();
  assert.equal(await error.textContent(), 'Die verschlüsselte Datei wurde verändert oder ist unvollständig und kann nicht geöffnet werden. Bitte lassen Sie sie sich noch einmal schicken.');

  // A forged envelope asking for a weak key is refused before any password.
  await page.getByRole('button', { name: 'Abbrechen' }).click();
  await chooseFiles(page, [asUpload('schwach.json', JSON.stringify({ ...envelope, iterations: 1000 }))]);
  assert.match(await page.getByTestId('import-error').textContent(), /iterations/);
  assert.equal(JSON.stringify(await stored(page)), before, 'nothing changed');
  await context.close();
});
