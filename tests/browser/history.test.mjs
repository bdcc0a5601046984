// Verlauf: keep the region on a date, change it, see what changed; the
// Stichtag survives a reload and costs only its changes in storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, saved, stored, activeRegion, reload, createActor } from './helpers.mjs';

const app = useApp();

test('a Stichtag keeps the state; after an edit the changes are listed, also after a reload; it can be deleted', async () => {
  const { page, context, errors } = await app.open();
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await page.getByRole('heading', { level: 2, name: 'Verlauf: Stichtage und Änderungen' }).waitFor();
  assert.match(await page.getByText('Noch kein Stichtag.').textContent(), /Halten Sie den heutigen Stand fest/);
  // The quarter that ended last is proposed: its name and last day are filled in.
  assert.match(await page.locator('#stichtag-name').inputValue(), /^Bericht Q[1-4] 20\d\d$/);
  assert.match(await page.locator('#stichtag-date').inputValue(), /^(31\.03|30\.06|30\.09|31\.12)\.20\d\d$/);

  await page.locator('#stichtag-name').fill('Bericht Q4 2026');
  await page.locator('#stichtag-date').fill('31.13.2026');
  await page.getByRole('button', { name: 'Stand festhalten' }).click();
  assert.equal(await page.locator('#stichtag-date-error').textContent(), 'Bitte ein Datum angeben, z. B. 11.03.2026.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'stichtag-date', 'focus on the field to mend');
  await page.locator('#stichtag-date').fill('30.11.2026');
  await page.getByRole('button', { name: 'Stand festhalten' }).click();
  const list = page.getByTestId('stichtag-list');
  const row = list.locator('tbody tr').filter({ hasText: 'Bericht Q4 2026' });
  await row.waitFor();
  assert.match(await row.textContent(), /30\.11\.2026/);
  const actorsThen = Number(await row.locator('td.num').first().textContent());
  const changes = page.getByTestId('history-changes');
  assert.equal((await changes.locator('.change-summary').textContent()).trim(), 'Keine Änderungen.');

  // Edit the region: one actor more, one renamed.
  await page.getByRole('button', { name: /^Akteure/ }).click();
  await createActor(page, { name: 'Jugendberatung Nord' });
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await changes.getByText('Neu: 1 Akteur').waitFor();
  assert.match(await changes.textContent(), /Neu: Jugendberatung Nord/);

  await saved(page);
  await reload(page);
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await page.getByTestId('history-changes').getByText('Neu: Jugendberatung Nord').waitFor();
  assert.equal(Number(await list.locator('tbody tr').first().locator('td.num').first().textContent()), actorsThen);
  // Stored as what turns today's region back into that day's: no actor list of its own.
  const region = activeRegion(await stored(page));
  assert.equal(region.stichtage.length, 1);
  assert.equal(region.stichtage[0].state, undefined);
  assert.equal(region.stichtage[0].changes.positions[0].absent.length, 1, 'the new actor is absent then');
  assert.equal(region.stichtage[0].changes.actors, undefined, 'no unchanged actor is copied');

  const reloadedRow = page.getByTestId('stichtag-list').locator('tbody tr').filter({ hasText: 'Bericht Q4 2026' });
  await reloadedRow.getByRole('button', { name: 'Löschen …' }).click();
  await reloadedRow.getByRole('button', { name: 'Ja, löschen' }).click();
  await page.getByText('Noch kein Stichtag.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('two Stichtage compared: a Gremium that met in between is listed with its meeting', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await page.locator('#stichtag-name').fill('Frühjahr');
  await page.locator('#stichtag-date').fill('31.03.2026');
  await page.getByRole('button', { name: 'Stand festhalten' }).click();
  await page.getByTestId('stichtag-list').locator('tbody tr').filter({ hasText: 'Frühjahr' }).waitFor();

  // A meeting of the first Gremium.
  await page.getByRole('button', { name: /^Gremien/ }).click();
  await page.locator('[data-testid="group-list"] > li').first().getByRole('button', { name: 'Bearbeiten' }).click();
  await page.getByRole('button', { name: '+ Treffen' }).click();
  const last = page.locator('.meeting-row').last();
  await last.locator('input').first().fill('15.06.2026');
  await last.locator('input').nth(1).fill('Sommerplanung');
  await page.getByRole('button', { name: 'Speichern' }).click();

  await page.getByRole('button', { name: 'Verlauf' }).click();
  await page.locator('#stichtag-name').fill('Sommer');
  await page.locator('#stichtag-date').fill('30.06.2026');
  await page.getByRole('button', { name: 'Stand festhalten' }).click();
  await page.getByTestId('stichtag-list').locator('tbody tr').filter({ hasText: 'Sommer' }).waitFor();
  assert.deepEqual(await page.getByTestId('stichtag-list').locator('tbody th').allTextContents(), ['Sommer', 'Frühjahr'], 'newest first');

  const from = await page.locator('#history-from option', { hasText: 'Frühjahr' }).getAttribute('value');
  const to = await page.locator('#history-to option', { hasText: 'Sommer' }).getAttribute('value');
  await page.locator('#history-from').selectOption(from);
  await page.locator('#history-to').selectOption(to);
  const changes = page.getByTestId('history-changes');
  await changes.getByText('Gremien: 1 Sitzung').waitFor();
  assert.match(await changes.textContent(), /Sitzung am 15\.06\.2026 Sommerplanung/);
  await context.close();
});
