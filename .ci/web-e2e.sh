#!/usr/bin/env bash
# The web page in real headless Chromium: builds the API's demo server, installs the page's
# test packages (playwright-core drives Debian's chromium; no browser is downloaded), and runs
# crates/api/web/e2e with node's test runner. Screenshots land in $TARGET/e2e (map.png,
# map-start.png, article.png).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v npm >/dev/null || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${need_apt[@]}"
fi

target="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
echo "== web e2e: building the demo server"
cargo build -p frontline-api --example demo_server
echo "== web e2e: npm ci (crates/api/web)"
(cd crates/api/web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
echo "== web e2e: chromium"
FRONTLINE_DEMO_SERVER="$target/debug/examples/demo_server" \
  E2E_ARTIFACTS="$target/e2e" \
  CHROMIUM="$(command -v chromium)" \
  node --test crates/api/web/e2e/
