// Takes a screenshot of each main screen of the built app (dist/) into
// target/screenshots/, at a laptop's 1366×768 and a desktop's 1920×1080,
// to look at what a change did. Not a test.
// Usage: node tests/support/screenshots.mjs
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { serve } from './static-server.mjs';
import { kommuneFiles } from './checklist-files.mjs';

const out = 'target/screenshots';
mkdirSync(out, { recursive: true });
const { url, close } = await serve('dist');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const shots = (page) => [
  ['actors-welcome', async () => {}],
  ['actors', async () => page.getByTestId('welcome').getByRole('button', { name: 'Erst umsehen' }).click()],
  ['actor-detail', async () => page.getByTestId('actor-table').getByRole('button', { name: 'Lindenauer Werkstätten' }).click()],
  ['actor-form-errors', async () => {
    await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
    await page.getByRole('button', { name: '+ Kontaktperson' }).click();
    await page.locator('#contact-0-email').fill('falsch');
    await page.getByRole('button', { name: 'Speichern' }).click();
  }],
  ['relation-form', async () => {
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByRole('button', { name: /^Beziehungen/ }).click();
    await page.getByRole('button', { name: '+ Beziehung hinzufügen' }).click();
    await page.locator('#relation-kind').selectOption('weiterleitung');
  }],
  ['groups', async () => page.getByRole('button', { name: /^Gremien/ }).click()],
  ['actor-similar-name', async () => {
    await page.getByRole('button', { name: /^Akteure/ }).click();
    await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
    await page.locator('#actor-name').fill('Jobcenter Landkreis Lindenau gGmbH');
  }],
  ['actor-draft-restored', async () => {
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
  }],
  ['notice-after-delete', async () => {
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByTestId('actor-table').getByRole('button', { name: 'Bäckerei Sommer' }).click();
    await page.getByRole('button', { name: 'Löschen …' }).click();
    await page.getByRole('button', { name: 'Endgültig löschen' }).click();
    await page.getByTestId('toast').waitFor();
  }],
  ['region', async () => page.getByRole('button', { name: 'Region & Sozialräume' }).click()],
  ['new-region', async () => page.getByRole('button', { name: '+ Neue Region' }).click()],
  ['network', async () => {
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByRole('button', { name: /^Netzwerkbild/ }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="network-count"]').textContent.includes('angeordnet'));
    await page.getByTestId('findings').getByRole('button', { name: /^Agentur für Arbeit/ }).first().click();
    await page.locator('.node-cursor').focus();
    await page.keyboard.type('Jobcenter');
    await page.locator('.network-svg').evaluate((svg) => svg.scrollIntoView({ block: 'center' }));
  }],
  ['network-sectors', async () => {
    await page.locator('#network-mode').selectOption('sectors');
    await page.locator('#network-sectors').selectOption('sozialraum');
    await page.locator('.network-svg').evaluate((svg) => svg.scrollIntoView({ block: 'center' }));
  }],
  ['programmes', async () => {
    await page.locator('#network-mode').selectOption('force');
    await page.getByRole('button', { name: 'Programme', exact: true }).click();
  }],
  ['baustein-form', async () => page.getByTestId('programme-list').getByRole('button', { name: 'Clearing' }).click()],
  ['network-programme', async () => {
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByTestId('programme-list').getByRole('button', { name: 'Im Netzwerkbild zeigen' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="network-count"]').textContent.includes('angeordnet'));
  }],
  ['checklist-due-error', async () => {
    await page.locator('#filter-programme').selectOption('');
    await page.getByRole('button', { name: /^Checklisten/ }).click();
    await page.getByRole('button', { name: 'Lokale Planung 2026' }).click();
    const first = page.getByTestId('checklist-item').first();
    await first.getByLabel('Fällig am').fill('31.02.2027');
    await first.getByLabel('Fällig am').blur();
    await first.scrollIntoViewIfNeeded();
  }],
  ['accessibility-statement', async () => page.locator('footer').getByRole('button', { name: 'Erklärung zur Barrierefreiheit' }).click()],
  ['privacy', async () => page.locator('footer').getByRole('button', { name: 'Datenschutz' }).click()],
  ['switched-form-errors', async () => {
    await page.getByRole('button', { name: /^Akteure/ }).click();
    await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
    await page.locator('#actor-name').fill('Sprachcafé Lindenau');
    await page.getByRole('button', { name: '+ Kontaktperson' }).click();
    await page.locator('#contact-0-email').fill('falsch');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('#language-select').selectOption('en');
  }],
  ['english-actor-detail', async () => {
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('#language-select').selectOption('en');
    await page.getByRole('button', { name: /^Actors/ }).click();
    await page.getByTestId('actor-table').getByRole('button', { name: 'Lindenauer Werkstätten' }).click();
  }],
  ['english-checklist', async () => {
    await page.getByRole('button', { name: /^Checklists/ }).click();
    await page.locator('[data-testid="checklist-cards"] .card button.link').first().click();
  }],
  ['export-protected', async () => {
    await page.locator('#language-select').selectOption('de');
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    await page.getByRole('button', { name: /^Austausch/ }).click();
    await page.getByLabel('Mit Passwort schützen').check();
    await page.getByLabel('Passwort', { exact: true }).fill('lindenau');
    await page.getByLabel('Passwort wiederholen').fill('lindenau');
    await page.locator('#export-password').scrollIntoViewIfNeeded();
  }],
  ['import-unlock', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Datei speichern' }).click()]);
    await page.locator('#import-files').setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(await file.path()) });
    await page.getByTestId('unlock').getByLabel('Passwort').fill('falsch-falsch');
    await page.getByRole('button', { name: 'Öffnen' }).click();
    await page.locator('#unlock-0-error').waitFor();
  }],
  ['evaluate-compare', async () => {
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByLabel('Mit Passwort schützen').uncheck();
    await page.getByLabel('Ausgewählte Checklisten dieser Region').check();
    await page.getByLabel('Lokale Planung 2026').check();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Datei speichern' }).click()]);
    const base = JSON.parse(readFileSync(await file.path(), 'utf8'));
    await page.getByRole('button', { name: /^Auswertung/ }).click();
    await page.locator('#evaluate-files').setInputFiles(kommuneFiles(base, 48, (i) => (i % 10 < 6 ? 'umgesetzt' : i % 10 < 8 ? 'in_planung' : null)));
    await page.getByTestId('evaluate-count').waitFor();
    await page.locator('#evaluate-earlier').setInputFiles(kommuneFiles(base, 40, (i) => (i % 10 < 3 ? 'umgesetzt' : 'nein'), { prefix: 'vorjahr' }));
    await page.getByTestId('evaluate-table').locator('[data-testid="change"]').first().waitFor();
    await page.locator('#evaluate-title').scrollIntoViewIfNeeded();
    await page.getByTestId('evaluate-table').scrollIntoViewIfNeeded();
  }],
  ['import-list', async () => {
    await page.getByRole('button', { name: /^Austausch/ }).click();
    const buffer = readFileSync('tests/fixtures/lists/traegerliste-windows-1252.csv');
    await page.locator('#import-files').setInputFiles({ name: 'traegerliste.csv', mimeType: 'text/csv', buffer });
    await page.getByTestId('list-columns').waitFor();
    await page.locator('#import-title').scrollIntoViewIfNeeded();
    await page.getByTestId('import-file').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  }],
  ['import-list-values', async () => {
    // Below the sticky header, as the page scrolls a focused element.
    await page.getByTestId('list-values').evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 120));
  }],
  ['import-list-plan', async () => {
    await page.getByTestId('import-notes').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  }],
  ['storage-full', async () => {
    await page.getByRole('button', { name: 'Abbrechen', exact: true }).click();
    await page.getByRole('button', { name: /^Akteure\d/ }).click();
    await page.evaluate(() => {
      for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
        const chunk = 'x'.repeat(size);
        try { for (let i = 0; ; i++) localStorage.setItem(`filler-${size}-${i}`, chunk); } catch { /* full */ }
      }
    });
    await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
    await page.locator('#actor-name').fill('Test');
    await page.locator('#actor-kind').selectOption('verein');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('storage-banner').waitFor();
  }],
];
for (const [width, height] of [[1366, 768], [1920, 1080]]) {
  const page = await browser.newPage({ viewport: { width, height }, locale: 'de-DE', acceptDownloads: true });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.locator('.topbar').waitFor();
  for (const [name, act] of shots(page)) {
    await act();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-${width}.png` });
    console.log(`${out}/${name}-${width}.png`);
  }
  await page.close();
}
await browser.close();
await close();
