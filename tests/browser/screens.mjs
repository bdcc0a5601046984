// Every screen of the app, and how a person reaches it from a fresh start
// (German UI, demo region). The accessibility audit and the language test
// walk the same table.
import { readFile } from 'node:fs/promises';
import { saved, writeStored, reload } from './helpers.mjs';

const tab = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });

/** How to reach each screen from a fresh start, as a person would; one test each, so a
 *  failure names its screen and the others still run. */
export const SCREENS = [
  ['actor list, with the welcome', async () => {}],
  ['actor detail', async (page) => page.getByTestId('actor-table').getByRole('button', { name: 'Lindenauer Werkstätten' }).click()],
  ['delete confirmation', async (page) => {
    await page.getByTestId('actor-table').getByRole('button', { name: 'Lindenauer Werkstätten' }).click();
    await page.getByRole('button', { name: 'Löschen …' }).click();
  }],
  ['actor form with errors and a near-duplicate hint', async (page) => {
    await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
    await page.locator('#actor-name').fill('Jobcenter Landkreis Lindenau');
    await page.getByRole('button', { name: '+ Kontaktperson' }).click();
    await page.locator('#contact-0-email').fill('kaputt');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('similar-actor').waitFor();
  }],
  ['restored form input', async (page) => {
    await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
    await page.locator('#actor-name').fill('Halbfertig');
    await reload(page);
    await page.getByTestId('draft-restored').waitFor();
  }],
  ['relation list', async (page) => tab(page, 'Beziehungen').click()],
  ['relation form with errors', async (page) => {
    await tab(page, 'Beziehungen').click();
    await page.getByRole('button', { name: '+ Beziehung hinzufügen' }).click();
    await page.locator('#relation-kind').selectOption('weiterleitung');
    await page.getByRole('button', { name: 'Speichern' }).click();
  }],
  ['network picture', async (page) => {
    await tab(page, 'Netzwerkbild').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="network-count"]').textContent.includes('angeordnet'));
  }],
  ['sector map', async (page) => {
    await tab(page, 'Netzwerkbild').click();
    await page.locator('#network-mode').selectOption('sectors');
    await page.locator('#network-sectors').selectOption('sozialraum');
  }],
  ['groups', async (page) => tab(page, 'Gremien').click()],
  ['group form', async (page) => {
    await tab(page, 'Gremien').click();
    await page.getByRole('button', { name: 'Bearbeiten' }).first().click();
  }],
  ['region form', async (page) => page.getByRole('button', { name: 'Region & Sozialräume' }).click()],
  ['new region with errors', async (page) => {
    await page.getByRole('button', { name: '+ Neue Region' }).click();
    await page.getByRole('button', { name: 'Region anlegen' }).click();
  }],
  ['checklist list', async (page) => tab(page, 'Checklisten').click()],
  ['new checklist', async (page) => {
    await tab(page, 'Checklisten').click();
    await page.getByRole('button', { name: '+ Neue Checkliste' }).click();
  }],
  ['checklist', async (page) => {
    await tab(page, 'Checklisten').click();
    await page.getByRole('button', { name: 'Lokale Planung 2026' }).click();
  }],
  ['print view', async (page) => {
    await tab(page, 'Checklisten').click();
    await page.getByRole('button', { name: 'Lokale Planung 2026' }).click();
    await page.getByRole('button', { name: 'Druckansicht' }).click();
  }],
  ['conference answers', async (page) => {
    await tab(page, 'Checklisten').click();
    await page.getByRole('button', { name: 'Sozialraumkonferenz Ost 2026' }).click();
  }],
  ['templates', async (page) => {
    await tab(page, 'Checklisten').click();
    await page.getByRole('button', { name: 'Vorlagen verwalten' }).click();
  }],
  ['template editor with errors', async (page) => {
    await tab(page, 'Checklisten').click();
    await page.getByRole('button', { name: 'Vorlagen verwalten' }).click();
    await page.getByRole('button', { name: '+ Neue Vorlage' }).click();
    await page.getByRole('button', { name: 'Vorlage speichern' }).click();
  }],
  ['import preview and export', async (page) => {
    await page.getByRole('button', { name: /^Austausch/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Datei speichern' }).click()]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    file.content.regions[0].actors[0].tags = ['geändert'];
    delete file.checksum;
    await page.locator('#import-files').setInputFiles([
      { name: 'kollegin.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) },
      { name: 'kaputt.json', mimeType: 'application/json', buffer: Buffer.from('kaputt') },
      { name: 'traegerliste.csv', mimeType: 'text/csv', buffer: await readFile('tests/fixtures/lists/traegerliste-windows-1252.csv') },
    ]);
    await page.getByTestId('list-columns').waitFor();
    await page.getByTestId('merge-pair').first().waitFor();
    await page.getByTestId('import-error').waitFor();
    await page.getByLabel('Ohne personenbezogene Daten teilen (DSGVO)').check();
  }],
  ['compare and aggregate', async (page) => {
    await page.getByRole('button', { name: /^Auswertung/ }).click();
    await page.getByTestId('aggregate-table').waitFor();
  }],
  ['storage and backup', async (page) => {
    await page.getByRole('button', { name: 'Speicher & Sicherung' }).click();
    await page.locator('#restore-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('kaputt') });
    await page.getByTestId('restore-error').waitFor();
  }],
  ['a notice after an edit', async (page) => {
    await page.getByTestId('actor-table').getByRole('button', { name: 'Lindenauer Werkstätten' }).click();
    await page.getByRole('button', { name: 'Löschen …' }).click();
    await page.getByRole('button', { name: 'Endgültig löschen' }).click();
    await page.getByTestId('toast').waitFor();
  }],
  ['Verlauf: a Stichtag, its changes and a report draft', async (page) => {
    await page.getByRole('button', { name: 'Verlauf' }).click();
    await page.getByRole('button', { name: 'Stand festhalten' }).click();
    await page.getByTestId('history-changes').waitFor();
    await page.getByRole('button', { name: 'Entwurf erstellen' }).click();
    await page.getByTestId('report-editor').waitFor();
    await page.getByTestId('toast').getByRole('button', { name: 'Meldung schließen' }).click();
  }],
  ['a Stichtag viewed read-only', async (page) => {
    await page.getByRole('button', { name: 'Verlauf' }).click();
    await page.getByRole('button', { name: 'Stand festhalten' }).click();
    // The notice of that step is gone before the screen is looked at.
    await page.getByTestId('toast').getByRole('button', { name: 'Meldung schließen' }).click();
    await page.getByTestId('stichtag-list').getByRole('button', { name: /ansehen \(nur lesen\)$/ }).click();
    await page.getByTestId('stichtag-banner').waitFor();
  }],
  ['accessibility statement', async (page) => page.locator('footer').getByRole('button', { name: 'Erklärung zur Barrierefreiheit' }).click()],
  ['privacy notice', async (page) => page.locator('footer').getByRole('button', { name: 'Datenschutz' }).click()],
  ['imprint', async (page) => page.locator('footer').getByRole('button', { name: 'Impressum' }).click()],
  ['damaged data notice', async (page) => {
    await saved(page);
    await writeStored(page, '{kaputt');
    await reload(page);
  }],
  ['newer data screen', async (page) => {
    await saved(page);
    await writeStored(page, JSON.stringify({ format: 'netzwerkatlas-workspace', schema: 9, data: {} }));
    await reload(page);
  }],
];

