// axe-core audit (WCAG 2.1 A/AA) of every screen, and a keyboard-only walk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { useApp, saved, stored, activeRegion } from './helpers.mjs';
import { SCREENS } from './screens.mjs';

const app = useApp();
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page as it is; fails with the rule ids and targets. */
async function audit(page, screen) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    if (result.passes.length < 10) return [`axe checked too little (${result.passes.length} rules passed)`];
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  assert.deepEqual(violations, [], `${screen}: ${violations.join('; ')}`);
}

for (const [screen, reach] of SCREENS) {
  test(`axe-core WCAG 2.1 A/AA: ${screen}`, async () => {
    const { page, context } = await app.open();
    await reach(page);
    await audit(page, screen);
    await context.close();
  });
}

test('storage alerts pass the audit too', async () => {
  const { page, context } = await app.open({
    init: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('no', 'SecurityError'); } }),
  });
  await page.getByTestId('storage-banner').waitFor();
  await audit(page, 'blocked storage');
  await context.close();
});

/** Presses Tab until `predicate` holds in the page; fails if it never does. */
async function tabUntil(page, predicate, limit = 200) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  throw new Error(`not reachable by Tab: ${predicate}`);
}

test('keyboard only: add an actor and relate it, without touching the mouse', async () => {
  const { page, context } = await app.open();
  const tabTo = (predicate) => tabUntil(page, predicate);
  await tabTo(() => document.activeElement.textContent === '+ Akteur hinzufügen');
  await page.keyboard.press('Enter');
  // Typing right away lands in the form's first field.
  await page.waitForFunction(() => document.activeElement.id === 'actor-name');
  await page.keyboard.type('Tafel Lindenau e. V.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // "– bitte wählen –" → first kind…
  await page.keyboard.type('Verein'); // …then jump to "Verein / Initiative"
  assert.equal(await page.locator('#actor-kind').inputValue(), 'verein');
  await tabTo(() => document.activeElement.textContent === 'Speichern');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Tafel Lindenau e. V.' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'detail-title', 'focus moves to the opened panel');

  await tabTo(() => document.activeElement.textContent === '+ Beziehung');
  await page.keyboard.press('Enter');
  await tabTo(() => document.activeElement.id === 'relation-to');
  await page.keyboard.type('Jobcenter');
  await tabTo(() => document.activeElement.textContent === 'Speichern');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Tafel Lindenau e. V.' }).waitFor();
  assert.match(await page.getByTestId('detail-relations').textContent(), /kooperiert mit \(regelmäßig\) Jobcenter Landkreis Lindenau/);
  await saved(page);
  const region = activeRegion(await stored(page));
  const tafel = region.actors.find((a) => a.name === 'Tafel Lindenau e. V.');
  assert.ok(region.relations.some((r) => r.from === tafel.id && r.to === 'demo-jobcenter'));
  await context.close();
});

test('keyboard only: open a checklist and set a status, without touching the mouse', async () => {
  const { page, context } = await app.open();
  const tabTo = (predicate) => tabUntil(page, predicate);
  await tabTo(() => document.activeElement.classList.contains('tab') && document.activeElement.textContent.startsWith('Checklisten'));
  await page.keyboard.press('Enter');
  await tabTo(() => document.activeElement.textContent === 'Lokale Planung 2026');
  await page.keyboard.press('Enter');
  await page.locator('#checklist-title').filter({ hasText: 'Lokale Planung 2026' }).waitFor();
  await page.waitForFunction(() => document.activeElement.id === 'checklist-title'); // not lost to <body>
  // One Tab stop per status group; the arrow keys choose within it.
  await tabTo(() => document.activeElement.type === 'radio' && document.activeElement.name.includes('lp-1-3'));
  assert.equal(await page.evaluate(() => document.activeElement.labels[0].textContent), 'Noch nicht geplant, wäre aber sinnvoll');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.labels[0].textContent), 'In Planung');
  await saved(page);
  const planning = activeRegion(await stored(page)).checklists.find((c) => c.title === 'Lokale Planung 2026');
  const status = planning.sections.flatMap((s) => s.items).find((i) => i.id === 'lp-1-3').status;
  assert.equal(status, 'in_planung');

  // Back to all checklists: the focus is on the one just left.
  for (let i = 0; i < 50 && (await page.evaluate(() => document.activeElement.textContent)) !== '← Alle Checklisten'; i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.textContent === 'Lokale Planung 2026');
  await context.close();
});

test('the English UI passes the same rules, with lang="en" on the page', async () => {
  const { page, context } = await app.open({ locale: 'en-GB' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await audit(page, 'English actor list');
  await page.getByTestId('actor-table').getByRole('button', { name: 'Lindenauer Werkstätten' }).click();
  await audit(page, 'English actor detail');
  await page.getByRole('button', { name: /^Checklists/ }).click();
  await page.getByRole('button', { name: 'Lokale Planung 2026' }).click();
  await audit(page, 'English checklist');
  await context.close();
});
