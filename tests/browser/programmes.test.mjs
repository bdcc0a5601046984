// Programmes and their Bausteine: a programme added with its Laufzeit, a
// Baustein with Träger, partners and Sozialräume, both kept over a reload;
// the programme filters the network picture and the actor list; a journal
// entry names it; deleting it is asked first and can be undone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, saved, stored, activeRegion, reload } from './helpers.mjs';

const app = useApp();

const waitForNodes = (page, n) =>
  page.waitForFunction((n) => document.querySelector('[data-testid="picture-canvas"]')?.dataset.nodes === String(n), n);

test('a programme with a Baustein: added, kept over a reload, filters the picture and the list, named by the journal, deleted and undone', async () => {
  const { page, context, errors } = await app.open();
  await page.getByRole('button', { name: 'Programme', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Programme und Projekte' }).waitFor();
  const list = page.getByTestId('programme-list');
  // The demo's programme, as in the Kreis's quarterly report: four Bausteine.
  const demo = list.locator('li.card').filter({ hasText: 'JUGEND STÄRKEN im Quartier' });
  assert.equal(await demo.locator('h4').textContent(), 'Bausteine (4)');
  assert.match(await demo.textContent(), /Laufzeit: 01\.01\.2022 bis 31\.12\.2026/);

  // A new programme: the end before the start is refused, named at the field.
  await page.getByRole('button', { name: '+ Programm' }).click();
  const form = page.locator('aside.panel form');
  await form.getByRole('heading', { name: 'Neues Programm' }).waitFor();
  await page.waitForFunction(() => document.activeElement.id === 'programme-name');
  await page.locator('#programme-name').fill('Übergangsmanagement Weidenau');
  await page.locator('#programme-funder').fill('Land <i>Hessen</i>');
  await page.locator('#programme-start').fill('01.01.2026');
  await page.locator('#programme-end').fill('31.12.2025');
  await form.getByRole('button', { name: 'Speichern' }).click();
  assert.equal(await page.locator('#programme-end-error').textContent(), 'Das Ende liegt vor dem Beginn.');
  await page.waitForFunction(() => document.activeElement.id === 'programme-end');
  await page.locator('#programme-end').fill('31.12.2027');
  await page.locator('#programme-goal').fill('Übergänge von der Schule in den Beruf begleiten.');
  await page.locator('#programme-target').fill('Jugendliche ohne Abschluss');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await page.getByTestId('toast').getByText('Programm gespeichert.').waitFor();
  const card = list.locator('li.card').filter({ has: page.locator('h3', { hasText: 'Übergangsmanagement Weidenau' }) });
  assert.equal(await card.locator('p.muted').first().textContent(), 'Fördergeber: Land <i>Hessen</i>; Laufzeit: 01.01.2026 bis 31.12.2027', 'text, not markup');
  assert.match(await card.textContent(), /Ziel: Übergänge von der Schule in den Beruf begleiten\.Zielgruppe: Jugendliche ohne Abschluss/);
  assert.equal(await card.locator('h4').textContent(), 'Bausteine (0)');

  // Its first Baustein: a name is needed; Träger, a partner found by the filter, a Sozialraum.
  await card.getByRole('button', { name: '+ Baustein' }).click();
  await form.getByRole('heading', { name: 'Neuer Baustein' }).waitFor();
  await form.getByRole('button', { name: 'Speichern' }).click();
  assert.equal(await page.locator('#baustein-name-error').textContent(), 'Bitte einen Namen eingeben.');
  await page.locator('#baustein-name').fill('Clearing');
  await page.locator('#baustein-traeger').selectOption({ label: 'Kompetenzagentur Weidenau' });
  await page.locator('#baustein-partner-filter').fill('integrationsfach');
  await form.getByLabel('Integrationsfachdienst Lindenau gGmbH').check();
  await page.locator('#baustein-partner-filter').fill('');
  await form.getByLabel('Jobcenter Landkreis Lindenau').check();
  assert.match(await form.locator('legend').first().textContent(), /Partner \(2\)/);
  await form.getByLabel('West').check();
  await form.getByRole('button', { name: 'Speichern' }).click();
  await page.getByTestId('toast').getByText('Baustein gespeichert.').waitFor();
  assert.equal(await card.locator('h4').textContent(), 'Bausteine (1)');
  assert.equal(
    await card.locator('ul.bausteine li').textContent(),
    'Clearing Träger: Kompetenzagentur Weidenau; Partner: Jobcenter Landkreis Lindenau, Integrationsfachdienst Lindenau gGmbH; Sozialräume: West',
  );

  // Kept over a reload, as entered.
  await saved(page);
  await reload(page);
  await page.getByRole('button', { name: 'Programme', exact: true }).click();
  await card.waitFor();
  let region = activeRegion(await stored(page));
  const kept = region.programmes.find((p) => p.name === 'Übergangsmanagement Weidenau');
  assert.deepEqual([kept.funder, kept.start, kept.end, kept.target_group], ['Land <i>Hessen</i>', '2026-01-01', '2027-12-31', 'Jugendliche ohne Abschluss']);
  assert.deepEqual(
    [kept.bausteine[0].name, kept.bausteine[0].traeger, kept.bausteine[0].partners, kept.bausteine[0].sozialraeume],
    ['Clearing', 'demo-kompetenzagentur', ['demo-jobcenter', 'demo-ifd-lindenau'], ['demo-sr-west']],
  );

  // The picture shows the programme's actors and the relations among them.
  await card.getByRole('button', { name: 'Im Netzwerkbild zeigen' }).click();
  await page.getByRole('heading', { level: 2, name: 'Netzwerkbild' }).waitFor();
  await waitForNodes(page, 3);
  const three = new Set(['demo-kompetenzagentur', 'demo-jobcenter', 'demo-ifd-lindenau']);
  const among = region.relations.filter((r) => three.has(r.from) && three.has(r.to)).length;
  await page.waitForFunction((n) => document.querySelector('[data-testid="picture-canvas"]').dataset.drawn === String(n), among);
  assert.equal(await page.locator('#filter-programme').inputValue(), kept.id);
  // Another programme chosen in the filter: the Träger and partners of its four Bausteine.
  await page.locator('#filter-programme').selectOption({ label: 'JUGEND STÄRKEN im Quartier' });
  const jsiq = region.programmes.find((p) => p.name === 'JUGEND STÄRKEN im Quartier');
  const members = new Set(jsiq.bausteine.flatMap((b) => [b.traeger, ...(b.partners ?? [])]));
  await waitForNodes(page, members.size);
  // The actor list keeps the same selection; the filter is lifted there.
  await page.getByRole('button', { name: /^Akteure/ }).click();
  assert.equal(await page.getByTestId('actor-count').textContent().then((t) => t.startsWith(`${members.size} von ${region.actors.length} Akteuren`)), true);
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  assert.equal(await page.locator('#filter-programme').inputValue(), '');
  assert.equal(await page.locator('[data-testid=actor-table] tbody tr').count(), Math.min(region.actors.length, 50));

  // A journal entry concerns the programme.
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await page.getByRole('button', { name: '+ Eintrag' }).click();
  await page.locator('#entry-title').fill('Auftakt Clearing');
  await page.locator('#entry-programme').getByLabel('Übergangsmanagement Weidenau').check();
  await page.locator('aside.panel form').getByRole('button', { name: 'Speichern' }).click();
  const entry = page.getByTestId('journal-list').locator('li').filter({ hasText: 'Auftakt Clearing' });
  assert.match(await entry.textContent(), /Betrifft: Übergangsmanagement Weidenau/);
  await saved(page);
  region = activeRegion(await stored(page));
  assert.deepEqual(region.journal.find((e) => e.title === 'Auftakt Clearing').programmes, [kept.id]);

  // The Baustein opened by its name, deleted after a question that names it.
  await page.getByRole('button', { name: 'Programme', exact: true }).click();
  await card.getByRole('button', { name: 'Clearing' }).click();
  const panel = page.locator('aside.panel');
  await panel.getByRole('heading', { name: 'Baustein bearbeiten' }).waitFor();
  assert.equal(await page.locator('#baustein-traeger').inputValue(), 'demo-kompetenzagentur');
  await panel.getByRole('button', { name: 'Löschen …' }).click();
  assert.match(await panel.locator('.confirm-inline').textContent(), /Baustein „Clearing“ löschen\?/);
  await panel.getByRole('button', { name: 'Ja, löschen' }).click();
  await page.getByTestId('toast').getByText('Baustein gelöscht.').waitFor();
  assert.equal(await card.locator('h4').textContent(), 'Bausteine (0)');

  // The programme deleted from its form, and brought back by undo.
  await card.getByRole('button', { name: 'Bearbeiten' }).click();
  assert.equal(await page.locator('#programme-start').inputValue(), '01.01.2026', 'the Laufzeit as typed in Germany');
  await panel.getByRole('button', { name: 'Löschen …' }).click();
  assert.match(await panel.locator('.confirm-inline').textContent(), /Programm „Übergangsmanagement Weidenau“ mit allen Bausteinen löschen\?/);
  await panel.getByRole('button', { name: 'Ja, löschen' }).click();
  await page.getByTestId('toast').getByText('Programm gelöscht.').waitFor();
  await card.waitFor({ state: 'detached' });
  await saved(page);
  region = activeRegion(await stored(page));
  assert.equal(region.programmes.length, 1);
  assert.deepEqual(region.journal.find((e) => e.title === 'Auftakt Clearing').programmes ?? [], [], 'the entry no longer names it');
  await page.getByRole('button', { name: '↶ Rückgängig' }).click();
  await card.waitFor();
  await saved(page);
  region = activeRegion(await stored(page));
  assert.equal(region.programmes.length, 2);
  assert.deepEqual(region.journal.find((e) => e.title === 'Auftakt Clearing').programmes, [kept.id]);
  assert.deepEqual(errors, []);
  await context.close();
});
