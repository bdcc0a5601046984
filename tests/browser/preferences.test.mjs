// Small choices remembered in this browser (app/platform/preferences.rs),
// including values an earlier version stored in another form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, reload } from './helpers.mjs';

const app = useApp();

test('preferences stored by an earlier version (as JSON strings) are read, and new ones are plain text', async () => {
  const { page, context } = await app.open({
    init: () => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        // Earlier versions wrote the exporting author with serde: a JSON string.
        localStorage.setItem('netzwerkatlas.author', JSON.stringify('Frau Muster, Kreis Lindenau'));
      }
    },
  });
  await page.getByRole('button', { name: /^Austausch/ }).click();
  assert.equal(await page.locator('#export-author').inputValue(), 'Frau Muster, Kreis Lindenau');

  // Dismissing the welcome (shown above every area) is remembered as plain text.
  await page.getByTestId('welcome').getByRole('button', { name: 'Erst umsehen' }).click();
  assert.equal(await page.evaluate(() => localStorage.getItem('netzwerkatlas.welcome_seen')), 'true');
  await reload(page);
  assert.equal(await page.getByTestId('welcome').count(), 0);
  await context.close();
});
