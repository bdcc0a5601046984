// Takes a screenshot of each main screen of the built app (dist/) into
// target/screenshots/, to look at what a change did. Not a test.
// Usage: node tests/support/screenshots.mjs
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { serve } from './static-server.mjs';

const out = 'target/screenshots';
mkdirSync(out, { recursive: true });
const { url, close } = await serve('dist');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.goto(url);
await page.locator('.topbar').waitFor();

const shots = [
  ['actors', async () => {}],
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
    await page.locator('.network-svg').evaluate((svg) => svg.scrollIntoView({ block: 'center' }));
  }],
  ['english-actor-detail', async () => {
    await page.locator('#language-select').selectOption('en');
    await page.getByRole('button', { name: /^Actors/ }).click();
    await page.getByTestId('actor-table').getByRole('button', { name: 'Lindenauer Werkstätten' }).click();
  }],
  ['english-checklist', async () => {
    await page.getByRole('button', { name: /^Checklists/ }).click();
    await page.locator('[data-testid="checklist-cards"] .card button.link').first().click();
  }],
  ['storage-full', async () => {
    await page.locator('#language-select').selectOption('de');
    await page.getByRole('button', { name: /^Akteure/ }).click();
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
for (const [name, act] of shots) {
  await act();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`${out}/${name}.png`);
}
await browser.close();
await close();
