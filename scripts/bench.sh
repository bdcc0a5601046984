#!/usr/bin/env bash
# Installs what is missing and runs the benchmarks: native (file exchange,
# network layout and metrics) and in headless Chromium (the network picture,
# side by side with the peer Gephi Lite builds on,
# everyday work with the list, the form and storage, each with 200, 2,000
# and 5,000 actors, 500 checklist files evaluated without importing,
# lists of 1,000 and 5,000 organisations brought in, and the Verlauf of a
# 2,000-actor region with eight Stichtage).
# Prints tables and writes them as JSON under target/. Figures, not pass/fail.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "==> Native: import and export of region files"
cargo bench --locked --bench exchange
echo "==> Native: network layout, betweenness, reading panel, sector map"
cargo bench --locked --bench network
echo "==> Generated region files for the browser"
cargo run --locked --quiet --release --example bench_files
echo "==> Release build"
trunk build --release
echo "==> Headless Chromium: the network picture"
node tests/bench/network-browser.mjs
echo "==> Headless Chromium: side by side with the peer (graphology, ForceAtlas2, graphology-metrics, sigma.js)"
# The peer's packages for this benchmark only: not saved, not part of the app or its tests.
npm install --no-save --no-audit --no-fund graphology@0.26.0 graphology-layout-forceatlas2@0.10.1 graphology-metrics@2.4.2 sigma@3.0.2
node tests/bench/peer-browser.mjs
cargo run --locked --quiet --release --example layout_quality
echo "==> Headless Chromium: everyday work (import, export, storage, cold start, search, open, save)"
node tests/bench/app-browser.mjs
echo "==> Headless Chromium: 500 checklist files evaluated without importing"
node tests/bench/evaluate-browser.mjs
echo "==> Headless Chromium: lists of 1,000 and 5,000 organisations (CSV, .xlsx) to preview and import"
node tests/bench/lists-browser.mjs
echo "==> Headless Chromium: eight Stichtage of a 2,000-actor region (storage, what changed)"
node tests/bench/history-browser.mjs
