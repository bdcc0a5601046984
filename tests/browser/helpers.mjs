// Shared set-up for the browser tests: the release build served from dist/,
// Debian's Chromium driven by playwright-core, a fresh profile per test.
import { chromium } from 'playwright-core';
import { after, before } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../support/static-server.mjs';
import { unpack } from '../support/pack.mjs';

export const STORAGE_KEY = 'netzwerkatlas.workspace';
/** The workspace lives in one of two slots; this key names the current one. */
export const CURRENT_KEY = 'netzwerkatlas.current';

/** The localStorage key of the slot in use. */
export async function currentKey(page) {
  const slot = await page.evaluate((k) => localStorage.getItem(k), CURRENT_KEY);
  return slot === 'b' ? `${STORAGE_KEY}.b` : STORAGE_KEY;
}

/** Writes raw text into the slot in use, as damage or a newer version would. */
export async function writeStored(page, text) {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [await currentKey(page), text]);
}

export async function readStoredText(page) {
  return page.evaluate((key) => localStorage.getItem(key), await currentKey(page));
}
export const ASIDE_PREFIX = 'netzwerkatlas.unreadable.';

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and browser once per test file; returns getters. */
export function useApp() {
  const ctx = {};
  before(async () => {
    ctx.server = await serve('dist');
    ctx.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ARGS,
    });
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return {
    url: () => ctx.server.url,
    /** A fresh browser profile (empty storage); `init` runs before the app's scripts;
     *  `locale` is the browser's language, which the app starts in. */
    async open({ init, initArg, locale = 'de-DE', options = {} } = {}) {
      const context = await ctx.browser.newContext({ locale, acceptDownloads: true, viewport: { width: 1280, height: 900 }, ...options });
      if (init) await context.addInitScript(init, initArg);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e));
      await page.goto(ctx.server.url);
      await appReady(page);
      return { context, page, errors };
    },
  };
}

/** Waits until the app has rendered its first screen. */
export async function appReady(page) {
  await page.locator('.topbar, [data-testid="newer-data"]').first().waitFor({ timeout: 15000 });
}

/** Waits until the latest edit is written to localStorage. */
export async function saved(page) {
  // By state, not by text: the UI may be in either language.
  await page.locator('[data-testid="save-state"].ok').waitFor();
}

export async function reload(page) {
  await page.reload();
  await appReady(page);
}

/** Prefix of the keys that hold the parts a stored manifest names. */
export const PART_PREFIX = 'netzwerkatlas.part.';

/** The workspace as stored in localStorage: the envelope, with its parts
 *  (unpacked) put together under `data` as the whole workspace. */
export async function stored(page) {
  const text = await readStoredText(page);
  if (text === null) return null;
  const envelope = JSON.parse(text);
  if (!envelope.parts) return envelope;
  const part = async (name) => JSON.parse(unpack(await page.evaluate((key) => localStorage.getItem(key), PART_PREFIX + name)));
  const list = async (names) => (await Promise.all(names.map(part))).flat();
  const data = await part(envelope.parts.workspace);
  for (const entry of envelope.parts.regions) {
    const region = await part(entry.region);
    region.actors = await list(entry.actors);
    region.relations = await list(entry.relations);
    region.checklists = await list(entry.checklists);
    // As written: a chain of changes against the region.
    if (entry.stichtage) region.stichtage = await part(entry.stichtage);
    data.regions.push(region);
  }
  return { ...envelope, data };
}

/** The active region of stored data, or the first region of an exported file. */
export function activeRegion(envelope) {
  const data = envelope.data ?? envelope.content;
  return data.regions.find((r) => r.id === data.active) ?? data.regions[0];
}

/** Opens the actor form, fills the basics and saves. */
export async function createActor(page, { name, kind = 'verein', email } = {}) {
  await page.getByRole('button', { name: '+ Akteur hinzufügen' }).click();
  await page.locator('#actor-name').fill(name);
  await page.locator('#actor-kind').selectOption(kind);
  if (email !== undefined) {
    await page.getByRole('button', { name: '+ Kontaktperson' }).click();
    await page.locator('#contact-0-name').fill('Erika Muster');
    await page.locator('#contact-0-email').fill(email);
  }
  await page.getByRole('button', { name: 'Speichern' }).click();
}

/** Opens the Verlauf and keeps the region as a Stichtag named `name` on `date`
 *  (as typed, "30.11.2026"); returns its row in the list, once it is there. */
export async function takeStichtag(page, name, date) {
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await page.locator('#stichtag-name').fill(name);
  await page.locator('#stichtag-date').fill(date);
  await page.getByRole('button', { name: 'Stand festhalten' }).click();
  const row = page.getByTestId('stichtag-list').locator('tbody tr').filter({ hasText: name });
  await row.waitFor();
  return row;
}

export async function openActor(page, name) {
  await page.locator('#actor-search').fill(name);
  await page.getByTestId('actor-table').getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

// Austausch: files out and in.

export async function openExchange(page) {
  await page.getByRole('button', { name: /^Austausch/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Austausch mit anderen Kommunen' }).waitFor();
}

/** Clicks a button that starts a download and returns the file's text and name. */
export async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

export function asUpload(name, text) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

/** Chooses files in the import panel and waits for their previews. */
export async function chooseFiles(page, files) {
  await page.locator('#import-files').setInputFiles(files);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-file"]').length === n, files.length);
}
