// Gremien: create one with members and a meeting, edit, delete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, saved, stored, activeRegion, reload } from './helpers.mjs';

const app = useApp();

test('create a Gremium with members and a meeting; it survives a reload', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: /^Gremien/ }).click();
  assert.equal(await page.locator('[data-testid="group-list"] > li').count(), 4);
  await page.getByRole('button', { name: '+ Gremium hinzufügen' }).click();
  await page.getByRole('button', { name: 'Speichern' }).click();
  assert.equal(await page.locator('#group-name-error').textContent(), 'Bitte einen Namen für das Gremium eingeben.');
  await page.locator('#group-name').fill('Arbeitskreis Inklusion');
  await page.locator('#group-kind').selectOption('arbeitskreis');
  await page.locator('#group-member-filter').fill('werk');
  await page.getByRole('checkbox', { name: 'Lindenauer Werkstätten' }).check();
  await page.getByRole('checkbox', { name: 'Stephanus-Werkstatt Bergheim' }).check();
  await page.locator('#group-member-filter').fill('');
  await page.getByRole('checkbox', { name: 'EUTB Lindenau' }).check();
  assert.equal(await page.locator('.members legend').textContent(), 'Mitglieder (3 ausgewählt)');
  await page.getByRole('button', { name: '+ Treffen' }).click();
  await page.locator('#meeting-0-date').fill('3.12.2026');
  await page.locator('#meeting-0-topic').fill('Auftakt');
  await page.getByRole('button', { name: 'Speichern' }).click();

  const card = page.locator('[data-testid="group-list"] > li').filter({ hasText: 'Arbeitskreis Inklusion' });
  assert.match(await card.textContent(), /3 Mitglieder: EUTB Lindenau, Lindenauer Werkstätten, Stephanus-Werkstatt Bergheim/);
  assert.match(await card.textContent(), /03\.12\.2026 Auftakt/, 'dates typed and shown the German way');
  await saved(page);
  await reload(page);
  const group = activeRegion(await stored(page)).groups.find((g) => g.name === 'Arbeitskreis Inklusion');
  assert.deepEqual(group.members, ['demo-wfbm-lindenau', 'demo-wfbm-bergheim', 'demo-eutb']);
  assert.deepEqual(group.meetings, [{ date: '2026-12-03', topic: 'Auftakt' }]);

  await page.getByRole('button', { name: /^Gremien/ }).click();
  const reloaded = page.locator('[data-testid="group-list"] > li').filter({ hasText: 'Arbeitskreis Inklusion' });
  await reloaded.getByRole('button', { name: 'Löschen …' }).click();
  await reloaded.getByRole('button', { name: 'Ja, löschen' }).click();
  assert.equal(await page.locator('[data-testid="group-list"] > li').count(), 4);
  await context.close();
});
