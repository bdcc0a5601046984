// Offline and safe: the app starts without network after the first visit,
// works under a sub-path, runs under a strict CSP, and asks nothing of any
// server but its own static files.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../support/static-server.mjs';
import { saved, stored, activeRegion, createActor, appReady } from './helpers.mjs';

const SUBPATH = '/tools/netzwerkatlas/';
let server;
let browser;
before(async () => {
  server = await serve('dist', 0, SUBPATH);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open() {
  const context = await browser.newContext({ locale: 'de-DE', acceptDownloads: true });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url);
  await appReady(page);
  return { context, page, requests };
}

test('after the first visit the app and its data load with the network off, under a sub-path', async () => {
  const { context, page } = await open();
  await createActor(page, { name: 'Offline-Verein' });
  await saved(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await page.locator('#actor-search').fill('Offline');
  assert.equal(await page.getByTestId('actor-table').locator('tbody tr').count(), 1);
  // A second tab opened without network works too.
  const second = await context.newPage();
  await second.goto(server.url);
  await appReady(second);
  assert.equal(await second.getByTestId('actor-count').textContent(), '44 Akteure');
  // English is fetched when chosen (the wasm carries German only): offline too, from the cache.
  await second.locator('#language-select').selectOption('en');
  await second.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await second.getByTestId('actor-count').textContent(), '44 actors');
  await second.reload();
  await appReady(second);
  assert.equal(await second.getByTestId('actor-count').textContent(), '44 actors', 'an English start offline is English from the first frame');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});

test('a strict CSP is in force and the app breaks none of it', async () => {
  const { context, page } = await open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:/);
  // An injected inline script is refused.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.equal((await page.evaluate(() => window.__csp)).length, 1, 'only the injected script was blocked');
  await context.close();
});

test('using the app (load, edit, export, import) requests nothing but its own static files', async () => {
  const { context, page, requests } = await open();
  await createActor(page, { name: 'Protokoll-Verein', email: 'x@y.example' });
  await saved(page);
  await page.getByRole('button', { name: /^Checklisten/ }).click();
  await page.getByRole('button', { name: 'Lokale Planung 2026' }).click();
  await page.getByTestId('checklist-item').first().getByRole('radio', { name: 'Nein' }).check();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als CSV exportieren' }).click()]);
  await page.getByRole('button', { name: 'Druckansicht' }).click();
  // Export a full backup and import it again.
  await page.getByRole('button', { name: 'Speicher & Sicherung' }).click();
  const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Vollständige Sicherung herunterladen' }).click()]);
  await page.locator('#restore-file').setInputFiles(await backup.path());
  await page.getByRole('button', { name: 'Ersetzen' }).click();
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation while using the app');
  await page.reload();
  await appReady(page);
  await saved(page);
  const allowed = new Set(['', ...readdirSync('dist', { recursive: true }).map(String)].map((f) => server.url + f));
  const foreign = requests.filter((url) => !url.startsWith('blob:') && !allowed.has(url.split('?')[0]));
  assert.deepEqual(foreign, []);
  assert.ok(requests.length >= 4, 'the log saw the app load');
  assert.ok(activeRegion(await stored(page)).actors.some((a) => a.name === 'Protokoll-Verein'));
  await context.close();
});

test('a new version waits for the next start and says so; the open tab keeps working', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'netzwerkatlas-dist-'));
  cpSync('dist', copy, { recursive: true });
  const own = await serve(copy);
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(own.url);
  await appReady(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.equal(await page.getByTestId('update-ready').count(), 0);

  // A new build is deployed: its service worker differs.
  appendFileSync(join(copy, 'sw.js'), '\n// next version\n');
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.getByTestId('update-ready').waitFor({ timeout: 10000 });
  assert.match(await page.getByTestId('update-ready').textContent(), /startet, wenn Sie Netzwerkatlas das nächste Mal öffnen/);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting !== null)), true, 'the new version waits');
  await createActor(page, { name: 'Weiter im Text e. V.' });
  await saved(page);
  await context.close();
  await own.close();
});
