// Relations between actors: create from an actor, the form's rules, edit, delete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, saved, stored, activeRegion, reload, openActor } from './helpers.mjs';

const app = useApp();

test('create a relation from an actor, with self and duplicate checks, and find it after reload', async () => {
  const { page, context } = await app.open();
  await openActor(page, 'Selbsthilfegruppe Autismus Lindenau');
  assert.ok((await page.locator('aside.panel').textContent()).includes('Noch keine Beziehungen.'));
  await page.getByRole('button', { name: '+ Beziehung' }).click();
  assert.equal(await page.locator('#relation-from option:checked').textContent(), 'Selbsthilfegruppe Autismus Lindenau');

  // To itself: refused.
  await page.locator('#relation-to').selectOption({ label: 'Selbsthilfegruppe Autismus Lindenau' });
  await page.getByRole('button', { name: 'Speichern' }).click();
  assert.equal(await page.locator('#relation-to-error').textContent(), 'Eine Beziehung braucht zwei verschiedene Akteure.');

  // A referral has a direction; a cooperation does not.
  assert.equal(await page.locator('#relation-direction').count(), 0);
  await page.locator('#relation-kind').selectOption('weiterleitung');
  assert.equal(await page.locator('#relation-direction').count(), 1);
  await page.locator('#relation-to').selectOption({ label: 'EUTB Lindenau' });
  await page.locator('#relation-binding').selectOption('informell');
  await page.locator('#relation-since').fill('irgendwann');
  await page.getByRole('button', { name: 'Speichern' }).click();
  assert.match(await page.locator('#relation-since-error').textContent(), /Jahr \(2019\)/);
  // Typed as Germans write a month; kept as ISO in the data.
  await page.locator('#relation-since').fill('05.2024');
  await page.locator('#relation-notes').fill('Eltern werden zur Beratung geschickt.');
  await page.getByRole('button', { name: 'Speichern' }).click();

  // Back at the actor, which now has its relation.
  await page.getByRole('heading', { level: 2, name: 'Selbsthilfegruppe Autismus Lindenau' }).waitFor();
  assert.match(await page.getByTestId('detail-relations').textContent(), /leitet weiter an \(informell\) EUTB Lindenau/);

  // The same kind between the same pair, in the other direction: a duplicate.
  await openActor(page, 'EUTB Lindenau');
  assert.match(await page.getByTestId('detail-relations').textContent(), /erhält Weiterleitungen von \(informell\) Selbsthilfegruppe Autismus Lindenau/);
  await page.getByRole('button', { name: '+ Beziehung' }).click();
  await page.locator('#relation-kind').selectOption('weiterleitung');
  await page.locator('#relation-to').selectOption({ label: 'Selbsthilfegruppe Autismus Lindenau' });
  await page.getByRole('button', { name: 'Speichern' }).click();
  assert.match(await page.locator('#relation-kind-error').textContent(), /gibt es schon eine Beziehung der Art „Weiterleitung \/ Zuweisung“/);
  await page.getByRole('button', { name: 'Abbrechen' }).click();

  await saved(page);
  await reload(page);
  await page.getByRole('button', { name: /^Beziehungen/ }).click();
  assert.equal(await page.getByTestId('relation-count').textContent(), '84 Beziehungen');
  await page.locator('#relation-search').fill('Selbsthilfegruppe Autismus');
  const row = page.locator('[data-testid="relation-table"] tbody tr').filter({ hasText: 'EUTB Lindenau' });
  assert.equal(await row.locator('td').nth(4).textContent(), '05.2024', 'the list shows the month as typed');
  await row.getByRole('button', { name: /bearbeiten$/ }).click();
  assert.equal(await page.locator('#relation-since').inputValue(), '05.2024');
  await page.getByRole('button', { name: 'Abbrechen' }).click();
  const relation = activeRegion(await stored(page)).relations.find((r) => r.from === 'demo-selbsthilfe');
  assert.deepEqual(
    { to: relation.to, kind: relation.kind, direction: relation.direction, binding: relation.binding, since: relation.since, notes: relation.notes },
    { to: 'demo-eutb', kind: 'weiterleitung', direction: 'forward', binding: 'informell', since: '2024-05', notes: 'Eltern werden zur Beratung geschickt.' },
  );
  await context.close();
});

test('edit and delete a relation in the relation list', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: /^Beziehungen/ }).click();
  await page.locator('#relation-search').fill('Bäckerei');
  const rows = page.locator('[data-testid="relation-table"] tbody tr');
  assert.equal(await rows.count(), 1);
  await rows.getByRole('button', { name: /bearbeiten$/ }).click();
  await page.locator('#relation-binding').selectOption('vertrag');
  await page.getByRole('button', { name: 'Speichern' }).click();
  assert.equal(await rows.locator('td').nth(3).textContent(), 'schriftlicher Vertrag');

  await rows.getByRole('button', { name: /löschen$/ }).click();
  await rows.getByRole('button', { name: 'Ja, löschen' }).click();
  assert.equal(await rows.count(), 0);
  await page.locator('#relation-search').fill('');
  assert.equal(await page.getByTestId('relation-count').textContent(), '82 Beziehungen');
  await saved(page);
  await reload(page);
  await page.getByRole('button', { name: /^Beziehungen/ }).click();
  assert.equal(await page.getByTestId('relation-count').textContent(), '82 Beziehungen');
  await context.close();
});

test('a long relation list shows fifty rows at a time; "show more" goes on at the first new row', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: /^Beziehungen/ }).click();
  const rows = page.locator('[data-testid="relation-table"] tbody tr');
  assert.equal(await page.getByTestId('relation-count').textContent(), '83 Beziehungen');
  assert.equal(await rows.count(), 50);
  assert.match(await page.locator('.more-rows').textContent(), /^50 von 83 Beziehungen angezeigt\. Weitere 33 anzeigen$/);
  await page.getByRole('button', { name: 'Weitere 33 anzeigen' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="relation-table"] tbody tr').length === 83);
  await page.waitForFunction(() => document.activeElement === document.querySelectorAll('[data-testid="relation-table"] tbody tr')[50].querySelector('button'));
  assert.equal(await page.locator('.more-rows').count(), 0);
  // A new search starts again with the first page.
  await page.locator('#relation-search').fill('a');
  await page.locator('#relation-search').fill('');
  assert.equal(await rows.count(), 50);
  await context.close();
});
