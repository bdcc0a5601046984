// Side by side with the peer, in one headless Chromium run, on the same
// generated graphs (target/bench-files/region-N.json): our layout and
// betweenness in the app's own worker (picture-worker.js of dist/) against
// graphology + ForceAtlas2 (100 iterations, inferred settings, Barnes–Hut)
// in a worker and graphology-metrics' betweenness, as Gephi Lite runs them.
// Then the peer's picture: the same graph with the peer's layout drawn by
// sigma.js 3, as Gephi Lite draws it (first picture, long tasks, zoom
// frames), beside our picture's figures from the network benchmark
// (target/bench-network-browser.json, run before this one).
// Prints wall times and ratios; writes both layouts to target/peer/ for
// `cargo run --release --example layout_quality`, which compares their
// quality with crates/graph/src/quality.rs. Figures, not a test.
// Needs graphology, graphology-layout-forceatlas2, graphology-metrics and
// sigma in node_modules (scripts/bench.sh installs them without saving).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { serve } from '../support/static-server.mjs';
import { launchBrowser, quantile, report, sizes } from './support.mjs';

const bundle = (entry) => buildSync({ entryPoints: [entry], bundle: true, format: 'esm', write: false, minify: true }).outputFiles[0].text;
const fa2 = bundle('tests/bench/peer/fa2-worker.js');
const sigma = bundle('tests/bench/peer/sigma-page.js');
// The peer's picture in a box the size of ours at 1280x900 (the app's picture beside its controls).
const sigmaPage = '<!doctype html><meta charset="utf-8"><div id="picture" style="width:900px;height:700px"></div><script type="module" src="peer-sigma.js"></script>';
// Our picture's figures from the network benchmark, by size.
const ourPicture = existsSync('target/bench-network-browser.json')
  ? new Map(JSON.parse(readFileSync('target/bench-network-browser.json', 'utf8')).map((row) => [row.actors, row]))
  : new Map();
const pictureRows = [];
const server = await serve('dist');
const browser = await launchBrowser();
mkdirSync('target/peer', { recursive: true });
const rows = [];
for (const actors of sizes) {
  console.error(`… ${actors} actors`);
  const region = JSON.parse(readFileSync(`target/bench-files/region-${actors}.json`, 'utf8')).content.regions[0];
  const index = new Map(region.actors.map((a, i) => [a.id, i]));
  const edges = region.relations.flatMap((r) => [index.get(r.from), index.get(r.to)]);
  // Neighbour lists, sorted and without duplicates, as the app hands them to betweenness.
  const lists = region.actors.map(() => new Set());
  for (let i = 0; i < edges.length; i += 2) if (edges[i] !== edges[i + 1]) { lists[edges[i]].add(edges[i + 1]); lists[edges[i + 1]].add(edges[i]); }
  const offsets = [0];
  const targets = [];
  for (const set of lists) { targets.push(...[...set].sort((a, b) => a - b)); offsets.push(targets.length); }

  const context = await browser.newContext({ serviceWorkers: 'block' });
  // The peer's worker, served from the app's origin (a worker must be same-origin).
  await context.route('**/peer-fa2.js', (route) => route.fulfill({ contentType: 'text/javascript', body: fa2 }));
  await context.route('**/peer-sigma.js', (route) => route.fulfill({ contentType: 'text/javascript', body: sigma }));
  await context.route('**/peer-sigma.html', (route) => route.fulfill({ contentType: 'text/html', body: sigmaPage }));
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.topbar').waitFor();
  const result = await page.evaluate(async ({ nodes, edges, offsets, targets }) => {
    const wasm = document.querySelector('link[rel="preload"][href$=".wasm"]').href;
    const module = await WebAssembly.compileStreaming(fetch(wasm));
    const run = (script, message, done) => new Promise((resolve, reject) => {
      const worker = new Worker(script, { type: 'module' });
      const started = performance.now();
      worker.onerror = (e) => reject(new Error(e.message));
      worker.onmessage = ({ data }) => {
        if (!done(data)) return;
        worker.terminate();
        resolve({ ms: performance.now() - started, data });
      };
      worker.postMessage(message);
    });
    const layout = await run('./picture-worker.js', { module, kind: 'layout', nodes, edges: new Uint32Array(edges), placed: new Float64Array(nodes * 2).fill(NaN) }, (d) => d.done);
    const between = await run('./picture-worker.js', { module, kind: 'betweenness', offsets: new Uint32Array(offsets), targets: new Uint32Array(targets) }, (d) => d.done);
    const peer = await run('./peer-fa2.js', { nodes, edges, iterations: 100 }, () => true);
    // The two betweenness results should agree (graphology counts each pair once, as we do).
    let differ = 0;
    for (let i = 0; i < nodes; i++) if (Math.abs(between.data.values[i] - peer.data.centrality[i]) > 1e-6 * Math.max(1, peer.data.centrality[i])) differ += 1;
    return {
      ours: { layoutMs: layout.ms, betweennessMs: between.ms, positions: Array.from(layout.data.positions) },
      peer: { layoutMs: peer.data.layoutMs, wallMs: peer.ms, betweennessMs: peer.data.betweennessMs, positions: Array.from(peer.data.positions) },
      betweennessDiffer: differ,
    };
  }, { nodes: region.actors.length, edges, offsets, targets });
  writeFileSync(`target/peer/layouts-${actors}.json`, JSON.stringify({ edges, ours: result.ours.positions, peer: result.peer.positions }));
  const ratio = (a, b) => +(a / b).toFixed(2);
  // The peer's picture of its own layout, in a fresh page.
  const picturePage = await context.newPage();
  await picturePage.goto(`${server.url}peer-sigma.html`);
  await picturePage.waitForFunction(() => typeof window.peerPicture === 'function');
  const peer = await picturePage.evaluate((input) => window.peerPicture(input), { positions: result.peer.positions, edges });
  await picturePage.close();
  const ours = ourPicture.get(actors);
  const peerLayoutWall = result.peer.wallMs - result.peer.betweennessMs;
  const peerZoom = (q) => +quantile(peer.zoomFrames, q).toFixed(1);
  pictureRows.push({
    actors,
    our_settled_in_app_ms: ours?.layout_settled_ms,
    peer_fa2_100_wall_ms: Math.round(peerLayoutWall),
    settled_ratio: ours ? ratio(ours.layout_settled_ms, peerLayoutWall) : undefined,
    our_first_picture_ms: ours?.first_picture_ms,
    our_first_picture_stored_ms: ours?.first_picture_stored_ms,
    peer_first_picture_ms: Math.round(peer.firstPicture),
    first_picture_ratio: ours ? ratio(ours.first_picture_stored_ms, peer.firstPicture) : undefined,
    our_longest_task_ms: ours?.longest_task_ms,
    peer_longest_task_ms: Math.round(Math.max(0, ...peer.longTasks)),
    our_zoom_median_p95_ms: ours ? `${ours.zoom_frame_median_ms} / ${ours.zoom_frame_p95_ms}` : undefined,
    peer_zoom_median_p95_ms: `${peerZoom(0.5)} / ${peerZoom(0.95)}`,
  });
  rows.push({
    actors,
    relations: region.relations.length,
    our_layout_wall_ms: Math.round(result.ours.layoutMs),
    peer_fa2_100_wall_ms: Math.round(result.peer.wallMs - result.peer.betweennessMs),
    layout_ratio: ratio(result.ours.layoutMs, result.peer.wallMs - result.peer.betweennessMs),
    our_betweenness_ms: Math.round(result.ours.betweennessMs),
    peer_betweenness_ms: Math.round(result.peer.betweennessMs),
    betweenness_ratio: ratio(result.ours.betweennessMs, result.peer.betweennessMs),
    betweenness_values_differing: result.betweennessDiffer,
  });
  await context.close();
}
await browser.close();
await server.close();
report('bench-peer-browser', rows, 'wall time in a worker from the message to the result (ours: the app\'s picture-worker.js until the layout has settled, incl. instantiating the wasm; peer: building the graphology graph and 100 ForceAtlas2 iterations); ratio = ours / peer (below 1: ours is faster); layouts written to target/peer/ for `cargo run --release --example layout_quality`');
report('bench-peer-picture', pictureRows, 'ours: the app (network benchmark: click on "Netzwerkbild" until the layout has settled; first picture from a new layout and, stored, from the kept one; longest main-thread task over 50 ms while opening; zoom frame intervals); peer: FA2 100 iterations in a worker (graph built, laid out), then that layout drawn by sigma.js 3 (graph built until the first frame, its long tasks, zoom one step per frame); ratios ours / peer (first picture: stored)');
