// Trunk post-build hook: runs on the staged build (TRUNK_STAGING_DIR).
// 0. Minifies the JS glue and the CSS with esbuild (trunk's own minifier
//    breaks the build) and updates their integrity hashes in index.html.
//    Drops the wasm's exports of the stream classes of wasm-streams (pulled
//    in by leptos's server functions, never used by this app), so that
//    wasm-opt can remove the code only they kept (-1.7 KB gzip), and their
//    JS classes from the glue (-0.5 KB gzip).
//    Writes picture-worker.js, the network picture's worker, from
//    src/app/network/worker.js with the glue's hashed name.
// 1. Adds a strict Content-Security-Policy to index.html: nothing but the
//    app's own files, and trunk's one inline loader script by its hash.
// 2. Writes sw.js, a service worker that caches exactly this build's files,
//    so that after the first visit the app starts without network.
// 3. Writes each language besides German as locales/<code>.json, fetched
//    when chosen (the wasm carries German only; see build.rs).
// 4. Writes a precompressed copy of each text and wasm file beside it
//    (name.br, name.gz) for servers that serve them as they are (nginx
//    brotli_static / gzip_static, Apache MultiViews, Caddy precompressed).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import { compiled, languages } from './locales.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
/** Written by the host after the build (see src/domain/data/host.rs). */
const HOST_FILE = 'betreiber.json';
if (!dir) throw new Error('post-build.mjs runs as a trunk hook (TRUNK_STAGING_DIR is not set)');

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

/** The glue without the classes of wasm-streams (see 0. above): wasm-bindgen
 *  writes each as `export class IntoUnderlying… { … }`, a dispose line and a
 *  finalization registry. Fails if none is found: a new wasm-bindgen may
 *  write them otherwise, and this must then be looked at again. */
function withoutStreamClasses(glue) {
  const classes = /^export class (IntoUnderlying\w+) \{\n[\s\S]*?^\}\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/gm;
  const registries = /^const IntoUnderlying\w+Finalization = [^;]*;\n/gm;
  const without = glue.replace(classes, '').replace(registries, '');
  if (without === glue || without.includes('IntoUnderlying')) throw new Error('post-build.mjs: the glue\'s stream classes are not where expected');
  return without;
}

const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
for (const name of readdirSync(dir).filter((n) => /\.(js|css)$/.test(n) && n !== 'sw.js')) {
  const path = join(dir, name);
  const before = readFileSync(path);
  const loader = name.endsWith('.css') ? 'css' : 'js';
  const source = /^netzwerkatlas-[0-9a-f]+\.js$/.test(name) ? withoutStreamClasses(before.toString('utf8')) : before.toString('utf8');
  // Tree shaking drops what only the stream classes used.
  const { code } = transformSync(source, { loader, minify: true, treeShaking: true, format: loader === 'js' ? 'esm' : undefined, target: 'es2020' });
  writeFileSync(path, code);
  if (html.includes(integrity(before))) html = html.replace(integrity(before), integrity(code));
}
// The network picture's worker (src/app/network/worker.js), importing this build's JS glue by its hashed name.
const glue = readdirSync(dir).find((n) => /^netzwerkatlas-[0-9a-f]+\.js$/.test(n));
const workerSource = readFileSync(new URL('../src/app/network/worker.js', import.meta.url), 'utf8');
if (!glue || !workerSource.includes("'./GLUE'")) throw new Error('post-build.mjs: no JS glue, or worker.js does not import ./GLUE');
writeFileSync(join(dir, 'picture-worker.js'), transformSync(workerSource.replace("'./GLUE'", `'./${glue}'`), { loader: 'js', minify: true, format: 'esm', target: 'es2020' }).code);
for (const name of readdirSync(dir).filter((n) => n.endsWith('.wasm'))) {
  const path = join(dir, name);
  const before = readFileSync(path);
  const opt = spawnSync('wasm-opt', [path, '--remove-exports', '--pass-arg=remove-exports@*intounderlying*', '--low-memory-unused', '-Oz', '-o', path], { stdio: 'inherit' });
  if (opt.status !== 0) throw new Error(`post-build.mjs: wasm-opt failed on ${name}`);
  if (html.includes(integrity(before))) html = html.replace(integrity(before), integrity(readFileSync(path)));
}
writeFileSync(indexPath, html);
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
if (!html.includes('http-equiv="Content-Security-Policy"')) {
  html = html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
  if (!html.includes('Content-Security-Policy')) throw new Error('post-build.mjs: no <meta charset="utf-8" /> to put the CSP after');
  writeFileSync(indexPath, html);
}

mkdirSync(join(dir, 'locales'), { recursive: true });
for (const code of languages()) writeFileSync(join(dir, 'locales', `${code}.json`), JSON.stringify(compiled(code)));

function files(root) {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const assets = files(dir)
  .map((path) => relative(dir, path).split(sep).join('/'))
  .filter((path) => path !== 'sw.js' && !path.endsWith('.br') && !path.endsWith('.gz'))
  .sort();
const version = createHash('sha256');
for (const path of assets) version.update(path).update(readFileSync(join(dir, path)));
const list = ['./', ...assets.map((a) => `./${a}`)];

// Minified like the glue: the comments below are for this file's readers, not for every visitor.
const serviceWorker = `const CACHE = 'netzwerkatlas-${version.digest('hex').slice(0, 16)}';
const FILES = ${JSON.stringify(list, null, 2)};

self.addEventListener('install', (event) => {
  // A new version waits until every tab of the old one is closed: never mid-edit.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('netzwerkatlas-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // The host edits ${HOST_FILE} after the build: the server first, the cache only offline.
  if (new URL(request.url).pathname.endsWith('/${HOST_FILE}')) {
    event.respondWith(caches.open(CACHE).then((cache) => fetch(request)
      .then((response) => { if (response.ok) cache.put(request, response.clone()); return response; })
      .catch(() => cache.match(request, { ignoreSearch: true }))));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      if (request.mode === 'navigate') {
        const shell = await cache.match('./index.html');
        if (shell) return shell;
      }
      return fetch(request);
    }),
  );
});
`;
writeFileSync(join(dir, 'sw.js'), `// Generated by scripts/post-build.mjs for one build; do not edit.\n${transformSync(serviceWorker, { loader: 'js', minify: true, target: 'es2020' }).code}`);
// Precompressed copies: the browser gets the same bytes, fewer on the wire.
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.webmanifest', '.txt']);
let compressed = 0;
// Not the host's file: a copy compressed at build time would outlive the host's edit.
for (const path of [...assets, 'sw.js'].filter((a) => COMPRESSIBLE.has(extname(a)) && a !== HOST_FILE)) {
  const bytes = readFileSync(join(dir, path));
  writeFileSync(join(dir, `${path}.gz`), gzipSync(bytes, { level: 9 }));
  writeFileSync(join(dir, `${path}.br`), brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
  compressed += 1;
}
console.log(`post-build: CSP with ${hashes.length} script hash(es); sw.js caches ${list.length} files; ${compressed} files precompressed (.br, .gz)`);
