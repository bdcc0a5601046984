// What the browser benchmarks share: the browser, percentiles, the report.
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';

/** The region sizes to measure: SIZES=200,2000 narrows them. */
export const sizes = (process.env.SIZES ?? '200,2000,5000').split(',').map(Number);

/** Debian's Chromium, headless, without GPU and without background traffic. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The q-quantile (0–1) of a list of numbers, 0 for an empty one. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
}

/** Prints the table and what its columns mean, and writes it as target/<name>.json. */
export function report(name, rows, legend) {
  console.table(rows);
  writeFileSync(`target/${name}.json`, `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`${legend}; written to target/${name}.json`);
}

/** Times the next file choice in the import: from the file input's change
 *  event (the user's choice) until the frame after its preview is painted
 *  (the "1 Datei importieren" button is there). The result, in ms, is the
 *  promise `window.__preview`. */
export function installPreviewProbe(page) {
  return page.evaluate(() => {
    window.__preview = new Promise((resolve) => {
      const probe = (ev) => {
        if (ev.target.id !== 'import-files') return;
        document.removeEventListener('change', probe, true);
        const start = performance.now();
        const poll = () => {
          if ([...document.querySelectorAll('button')].some((b) => b.textContent.trim() === '1 Datei importieren')) {
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
          } else setTimeout(poll, 5);
        };
        poll();
      };
      document.addEventListener('change', probe, true);
    });
  });
}
