// Adding, editing and deleting actors, with the form's checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, saved, stored, activeRegion, reload, openActor, createActor } from './helpers.mjs';
import { regionUpload } from '../support/netzwerkatlas-file.mjs';

const app = useApp();

test('the actor form checks name and e-mail next to the field', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
  await page.getByRole('button', { name: 'Speichern' }).click();
  assert.equal(await page.locator('#actor-name-error').textContent(), 'Bitte einen Namen eingeben.');
  assert.equal(await page.locator('#actor-name').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#actor-name').getAttribute('aria-describedby'), 'actor-name-error');
  assert.equal(await page.locator('#actor-kind-error').textContent(), 'Bitte eine Art auswählen.');
  assert.equal(await page.getByRole('alert').filter({ hasText: 'markierten Felder' }).count(), 1);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'actor-name', 'focus moves to the first problem');

  await page.getByLabel('Name *').fill('Jugendtreff Eiche');
  await page.getByLabel('Art *').selectOption('verein');
  await page.getByRole('button', { name: '+ Kontaktperson' }).click();
  await page.getByLabel('Name (Kontakt 1)').fill('Erika Muster');
  await page.getByLabel('E-Mail').fill('erika(at)eiche.example');
  await page.getByLabel('Website').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Speichern' }).click();
  assert.match(await page.locator('#contact-0-email-error').textContent(), /gültige E-Mail-Adresse/);
  assert.match(await page.locator('#actor-website-error').textContent(), /http:\/\/ oder https:\/\//);
  assert.equal(await page.locator('#actor-name-error').count(), 0, 'fixed fields lose their message');
  await saved(page);
  assert.ok(!JSON.stringify(await stored(page)).includes('Jugendtreff Eiche'), 'nothing invalid is stored');
  await context.close();
});

test('create an actor with all fields, reload, and find it as entered', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
  await page.locator('#actor-name').fill('  Jugendtreff Eiche  ');
  await page.locator('#actor-kind').selectOption('verein');
  await page.locator('#actor-traeger').selectOption({ label: 'AWO Kreisverband Lindenau' });
  await page.getByRole('checkbox', { name: 'SGB VIII (Kinder- und Jugendhilfe)' }).check();
  await page.getByRole('group', { name: 'Sozialräume' }).getByRole('checkbox', { name: 'West' }).check();
  await page.locator('#actor-target-groups').fill('Jugendliche\nJunge Geflüchtete');
  await page.locator('#actor-offers').fill('Offener Treff');
  await page.locator('#actor-website').fill('www.eiche.example');
  await page.getByRole('button', { name: '+ Kontaktperson' }).click();
  await page.locator('#contact-0-name').fill('Erika Muster');
  await page.locator('#contact-0-role').fill('Leitung');
  await page.locator('#contact-0-email').fill('erika@eiche.example');
  await page.locator('#contact-0-phone').fill('06441 12 34');
  await page.locator('#actor-tags').fill('Jugend, Freizeit');
  await page.locator('#actor-notes').fill('Trifft sich dienstags.');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('heading', { level: 2, name: 'Jugendtreff Eiche' }).waitFor();
  assert.equal(await page.getByTestId('actor-count').textContent(), '44 Akteure');

  await saved(page);
  await reload(page);
  await openActor(page, 'Jugendtreff Eiche');
  const panel = page.locator('aside.panel');
  for (const text of ['Verein / Initiative', 'AWO Kreisverband Lindenau', 'SGB VIII (Kinder- und Jugendhilfe)', 'West',
    'Jugendliche, Junge Geflüchtete', 'Offener Treff', 'Jugend, Freizeit', 'Trifft sich dienstags.', 'Erika Muster']) {
    assert.ok((await panel.textContent()).includes(text), `detail shows ${text}`);
  }
  assert.equal(await panel.getByRole('link', { name: 'www.eiche.example' }).getAttribute('href'), 'https://www.eiche.example');
  assert.equal(await panel.getByRole('link', { name: 'erika@eiche.example' }).getAttribute('href'), 'mailto:erika@eiche.example');
  assert.equal(await panel.getByRole('link', { name: '06441 12 34' }).getAttribute('href'), 'tel:064411234');

  const actor = activeRegion(await stored(page)).actors.find((a) => a.name === 'Jugendtreff Eiche');
  assert.equal(actor.kind, 'verein');
  assert.equal(actor.traeger, 'demo-awo');
  assert.deepEqual(actor.rechtskreise, ['sgb_viii']);
  assert.deepEqual(actor.sozialraeume, ['demo-sr-west']);
  assert.deepEqual(actor.target_groups, ['Jugendliche', 'Junge Geflüchtete']);
  assert.deepEqual(actor.contacts, [{ name: 'Erika Muster', role: 'Leitung', email: 'erika@eiche.example', phone: '06441 12 34' }]);
  assert.deepEqual(actor.tags, ['Jugend', 'Freizeit']);
  await context.close();
});

test('edit an actor, then delete one after a warning that names its relations', async () => {
  const { page, context } = await app.open();
  await openActor(page, 'Bäckerei Sommer');
  await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
  await page.locator('#actor-name').fill('Bäckerei Sommer & Söhne');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('heading', { level: 2, name: 'Bäckerei Sommer & Söhne' }).waitFor();
  await saved(page);
  await reload(page);

  await openActor(page, 'Bäckerei Sommer & Söhne');
  await page.getByRole('button', { name: 'Löschen …' }).click();
  const confirm = page.getByRole('alertdialog');
  assert.match(await confirm.textContent(), /„Bäckerei Sommer & Söhne“ löschen\?1 Beziehung wird mit gelöscht\./);
  await confirm.getByRole('button', { name: 'Abbrechen' }).click();
  assert.equal(await page.getByRole('alertdialog').count(), 0);

  await openActor(page, 'Jobcenter Landkreis Lindenau');
  await page.getByRole('button', { name: 'Löschen …' }).click();
  assert.match(await page.getByRole('alertdialog').textContent(), /6 Beziehungen werden mit gelöscht\. Aus 2 Gremien wird der Akteur entfernt\./);
  await page.getByRole('button', { name: 'Endgültig löschen' }).click();
  await page.locator('#actor-search').fill('');
  assert.equal(await page.getByTestId('actor-count').textContent(), '42 Akteure');
  await saved(page);
  const region = activeRegion(await stored(page));
  assert.equal(region.actors.length, 42);
  assert.equal(region.relations.length, 83 - 6);
  assert.ok(region.relations.every((r) => r.from !== 'demo-jobcenter' && r.to !== 'demo-jobcenter'));
  assert.ok(region.groups.every((g) => !g.members.includes('demo-jobcenter')));
  await context.close();
});

test('a long list shows fifty actors at a time; a search starts again at the top', async () => {
  const { page, context, errors } = await app.open();
  const actors = Array.from({ length: 120 }, (_, i) => ({ id: `a${i}`, name: `Verein ${String(i).padStart(3, '0')}`, kind: 'verein' }));
  await page.getByRole('button', { name: /^Austausch/ }).click();
  await page.locator('#import-files').setInputFiles(regionUpload('lang', 'Langer Kreis', actors));
  await page.getByRole('button', { name: '1 Datei importieren' }).click();
  await page.getByTestId('import-done').waitFor();
  await page.getByRole('button', { name: /^Zur Region/ }).click();
  await page.getByRole('button', { name: /^Akteure/ }).click();

  const rows = page.getByTestId('actor-table').locator('tbody tr');
  assert.equal(await page.getByTestId('actor-count').textContent(), '120 Akteure');
  assert.equal(await rows.count(), 50, 'not every row is built');
  assert.match(await page.locator('.more-rows').textContent(), /^50 von 120 Akteuren angezeigt\./);
  await page.getByRole('button', { name: 'Weitere 50 anzeigen' }).click();
  assert.equal(await rows.count(), 100);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Verein 050', 'focus goes on at the first new row');
  await page.getByRole('button', { name: 'Weitere 20 anzeigen' }).click();
  assert.equal(await rows.count(), 120);
  assert.equal(await page.getByRole('button', { name: /^Weitere/ }).count(), 0);

  // A search starts again with the first fifty, and narrows the list.
  await page.locator('#actor-search').fill('Verein');
  await page.getByTestId('actor-count').filter({ hasText: '120 von 120 Akteuren' }).waitFor();
  assert.equal(await rows.count(), 50);
  await page.locator('#actor-search').fill('Verein 1');
  await page.getByTestId('actor-count').filter({ hasText: '20 von 120 Akteuren' }).waitFor();
  assert.equal(await rows.count(), 20);
  assert.ok((await rows.first().textContent()).startsWith('Verein 100'));
  assert.equal(await page.getByRole('button', { name: /^Weitere/ }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a name of one very long word wraps in the list and in the heading instead of running over', async () => {
  const { page, context } = await app.open();
  await page.setViewportSize({ width: 1366, height: 768 });
  const name = 'Kinderundjugendhilfeverbundsgeschäftsstellenkoordinierungsarbeitskreisvereinigung';
  await createActor(page, { name });
  const heading = page.getByRole('heading', { level: 2, name });
  await heading.waitFor();
  const fits = (el) => el.scrollWidth <= el.clientWidth + 1;
  assert.ok(await heading.evaluate(fits), 'the heading wraps within the panel');
  const cell = page.getByTestId('actor-table').getByRole('button', { name }).locator('xpath=ancestor::td');
  assert.ok(await cell.evaluate(fits), 'the list cell wraps within its column');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing runs off the page');
  await context.close();
});

test('a near-duplicate name is pointed out while typing, and the existing actor opens from there', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
  await page.locator('#actor-name').fill('Jobcenter Landkreis Lindenau');
  assert.equal(await page.getByTestId('similar-actor').count(), 1, 'an exact twin is pointed out');
  await page.locator('#actor-name').fill('Tafel Lindenau');
  assert.equal(await page.getByTestId('similar-actor').count(), 0);
  await page.locator('#actor-name').fill('jobcenter landkreis lindenau gGmbH');
  const warning = page.getByTestId('similar-actor');
  assert.match(await warning.textContent(), /Ein ähnlicher Akteur existiert schon/);
  await warning.getByRole('button', { name: '„Jobcenter Landkreis Lindenau“ öffnen' }).click();
  await page.getByRole('heading', { level: 2, name: 'Jobcenter Landkreis Lindenau' }).waitFor();
  await context.close();
});

test('input typed into a form survives a reload and Back, and is offered back with a way to discard it', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
  await page.locator('#actor-name').fill('Halbfertiger Verein');
  await reload(page);
  assert.equal(await page.locator('#actor-name').inputValue(), 'Halbfertiger Verein', 'the new actor form is open again with what was typed');
  const note = page.getByTestId('draft-restored');
  assert.match(await note.textContent(), /nicht gespeicherten Eingaben von vorhin/);
  await note.getByRole('button', { name: 'Verwerfen' }).click();
  assert.equal(await page.locator('#actor-name').inputValue(), '');
  assert.equal(await note.count(), 0);
  await page.getByRole('button', { name: 'Abbrechen' }).click();

  // Editing: Back leaves the form; opening it again offers the input back.
  await openActor(page, 'EUTB Lindenau');
  await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
  await page.locator('#actor-name').fill('EUTB Lindenau (Beratungsstelle)');
  await page.goBack();
  await page.locator('#actor-name').waitFor({ state: 'detached' });
  await openActor(page, 'EUTB Lindenau');
  await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
  assert.equal(await page.locator('#actor-name').inputValue(), 'EUTB Lindenau (Beratungsstelle)');
  await note.waitFor();
  // Cancelled on purpose: nothing is offered next time.
  await page.getByRole('button', { name: 'Abbrechen' }).click();
  await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
  assert.equal(await page.locator('#actor-name').inputValue(), 'EUTB Lindenau');
  assert.equal(await note.count(), 0);
  await context.close();
});
