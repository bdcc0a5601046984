// Prints the sizes of the built app's wasm, JS and CSS, raw and gzip-compressed.
// Usage: node tests/support/sizes.mjs dist
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const rows = [];
for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  if (!statSync(path).isFile() || !['.wasm', '.js', '.css'].includes(extname(name))) continue;
  const bytes = readFileSync(path);
  rows.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
}
rows.sort((a, b) => a.name.localeCompare(b.name));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
console.log(`${'file'.padEnd(44)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`);
for (const r of rows) console.log(`${r.name.padEnd(44)}${kb(r.raw)}${kb(r.gzip)}`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log(`${'total (wasm + js + css)'.padEnd(44)}${kb(total.raw)}${kb(total.gzip)}`);
