// Prints the sizes of the built app's wasm, JS and CSS, raw, gzip and brotli
// (as the precompressed .gz/.br files beside them hold them), and fails when
// their gzip total exceeds the budget.
// Usage: node tests/support/sizes.mjs dist [--budget-kb N]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const budgetAt = args.indexOf('--budget-kb');
const budgetKb = budgetAt >= 0 ? Number(args[budgetAt + 1]) : null;

const rows = [];
for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  if (!statSync(path).isFile() || !['.wasm', '.js', '.css'].includes(extname(name))) continue;
  const bytes = readFileSync(path);
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  rows.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli });
}
rows.sort((a, b) => a.name.localeCompare(b.name));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
console.log(`${'file'.padEnd(44)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const r of rows) console.log(`${r.name.padEnd(44)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`${'total (wasm + js + css)'.padEnd(44)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
// Languages besides German: fetched only when chosen, so outside the total.
const locales = join(dir, 'locales');
for (const name of statSync(locales, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(locales).filter((n) => n.endsWith('.json')) : []) {
  const bytes = readFileSync(join(locales, name));
  console.log(`${`locales/${name} (when chosen)`.padEnd(44)}${kb(bytes.length)}${kb(gzipSync(bytes, { level: 9 }).length)}`);
}
// The demo region: fetched at a first start only (nothing stored yet), so outside the total.
const demo = join(dir, 'public', 'demo.json');
if (statSync(demo, { throwIfNoEntry: false })) {
  const bytes = readFileSync(demo);
  console.log(`${'public/demo.json (first start only)'.padEnd(44)}${kb(bytes.length)}${kb(gzipSync(bytes, { level: 9 }).length)}`);
}
if (budgetKb !== null) {
  const used = total.gzip / 1024;
  console.log(`size budget: ${used.toFixed(1)} KB gzip of ${budgetKb} KB allowed (brotli: ${(total.brotli / 1024).toFixed(1)} KB)`);
  if (!(used <= budgetKb)) {
    console.error(`The build exceeds its size budget by ${(used - budgetKb).toFixed(1)} KB gzip.`);
    process.exit(1);
  }
}
