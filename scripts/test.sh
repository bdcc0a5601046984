#!/usr/bin/env bash
# Installs what is missing and runs every test: the native domain tests, then
# the browser tests in headless Chromium against the release build. Ends with
# the build's sizes and one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
logs=$(mktemp -d)

echo "==> Native tests (cargo test --workspace)"
cargo test --workspace --locked 2>&1 | tee "$logs/native.log"

echo "==> Generated region files for the browser tests (examples/bench_files.rs)"
cargo run --locked --quiet --example bench_files

echo "==> Release build (trunk build --release)"
trunk build --release

echo "==> Browser tests (headless Chromium, release build)"
node --test --test-concurrency=1 --test-reporter=spec tests/browser/ 2>&1 | tee "$logs/browser.log"

echo "==> Build size (gzip budget in KB: SIZE_BUDGET_KB, default 700)"
size_ok=0
node tests/support/sizes.mjs dist --budget-kb "${SIZE_BUDGET_KB:-700}" || size_ok=$?

native_passed=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($(i+1) ~ /^passed/) s += $i } END { print s + 0 }' "$logs/native.log")
browser_passed=$(awk '/^ℹ pass / { print $3 }' "$logs/browser.log")
browser_failed=$(awk '/^ℹ fail / { print $3 }' "$logs/browser.log")
echo "native: $native_passed passed, browser: ${browser_passed:-0} passed"
echo "tests: $((native_passed + ${browser_passed:-0})) passed, ${browser_failed:-0} failed"
exit "$size_ok"
