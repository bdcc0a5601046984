#!/usr/bin/env bash
# Installs what is missing, builds the app and serves it on
# http://127.0.0.1:8080 (first start shows the demo region).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "Netzwerkatlas: http://127.0.0.1:8080  (Strg+C beendet)"
# No live-reload script: it would be an inline script outside the CSP.
exec trunk serve --release --no-autoreload
