// The pages a public body must publish: reached from the footer, filled in
// from the host's betreiber.json, with placeholders where it says nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, reload } from './helpers.mjs';

const app = useApp();

test('the accessibility statement, privacy notice and imprint show placeholders until the host fills them in', async () => {
  const { page, context, errors } = await app.open();
  const footer = page.locator('footer');
  await footer.getByRole('button', { name: 'Erklärung zur Barrierefreiheit' }).click();
  const legal = page.getByTestId('legal-page');
  await legal.getByRole('heading', { level: 2, name: 'Erklärung zur Barrierefreiheit' }).waitFor();
  await legal.getByTestId('placeholder').first().waitFor();
  assert.match(await legal.textContent(), /teilweise vereinbar/);
  assert.match(await legal.textContent(), /\[E-Mail-Adresse für Meldungen zu Barrieren – von der bereitstellenden Stelle in betreiber\.json einzutragen\]/);
  assert.equal(await page.evaluate(() => location.hash), '#/barrierefreiheit');
  assert.equal(await page.title(), 'Erklärung zur Barrierefreiheit – Netzwerkatlas');

  await footer.getByRole('button', { name: 'Datenschutz' }).click();
  await legal.getByRole('heading', { level: 2, name: 'Datenschutz' }).waitFor();
  // The body follows once betreiber.json has been fetched.
  await legal.getByText(/keine Cookies/).first().waitFor();
  assert.match(await legal.textContent(), /„netzwerkatlas\.“/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('details the host writes into betreiber.json appear without a rebuild; unusable ones are left out and named', async () => {
  const { page, context } = await app.open();
  // On the context: the service worker fetches the file, not the page.
  await context.route('**/betreiber.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({
      stelle: 'Landkreis Lindenau – Jugendamt',
      anschrift: 'Am Markt 1, 12345 Lindenau',
      email: 'netzwerk@lindenau.example',
      impressum_url: 'javascript:alert(1)',
      erklaerung_stand: '01.09.2026',
    }),
  }));
  await page.goto(`${app.url()}#/impressum`);
  await reload(page);
  const legal = page.getByTestId('legal-page');
  await legal.getByText('Landkreis Lindenau – Jugendamt').waitFor();
  assert.equal(await legal.getByRole('link', { name: 'netzwerk@lindenau.example' }).getAttribute('href'), 'mailto:netzwerk@lindenau.example');
  assert.equal(await legal.locator('a[href^="javascript"]').count(), 0, 'no script link from the file');
  assert.match(await page.getByTestId('host-problems').textContent(), /„impressum_url“ ist keine http\(s\)-Adresse/);
  assert.ok(await legal.getByTestId('placeholder').count() >= 1, 'what is still missing stays marked');

  await page.locator('footer').getByRole('button', { name: 'Erklärung zur Barrierefreiheit' }).click();
  await legal.getByText('01.09.2026').waitFor();
  await context.close();
});

test('the legal pages speak English too', async () => {
  const { page, context } = await app.open({ locale: 'en-GB' });
  await page.locator('footer').getByRole('button', { name: 'Accessibility statement' }).click();
  await page.getByTestId('legal-page').getByRole('heading', { level: 2, name: 'Accessibility statement' }).waitFor();
  // The host's file is read first; then the page fills in.
  await page.getByTestId('legal-page').getByText(/partly complies/).waitFor();
  await context.close();
});
