#!/usr/bin/env bash
# Prints the figures the budgets are about (nothing is asserted here): release Wasm/JS/CSS size
# raw and gzipped, the public offers payload for the demo data, the map page's HTML, and with
# --bench also server latency/throughput on loopback and the clustering benchmark (index build and queries for 1k/10k/100k points).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-build-tools.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo leptos build --release --split
gz() { gzip -9 -c "$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
row() { printf '  %-34s %12s raw %12s gzip\n' "$1" "$(kb "$(wc -c <"$2")")" "$(kb "$(gz "$2")")"; }
# The built files carry their content's hash in their names (hash-files): chancenkarte.<hash>.wasm.
built() { ls target/site/pkg/chancenkarte*."$1" | head -n 1; }
echo "== Budgets (release build) =="
row "hydrate Wasm (budget ≤ 250 KB gzip)" "$(built wasm)"
for part in target/site/pkg/split_*.wasm; do
  if [ -e "$part" ]; then row "  loaded later: $(basename "$part" .wasm | cut -c1-26)" "$part"; fi
done
row "hydrate JS" "$(built js)"
row "CSS" "$(built css)"
row "leaflet.js (npm)" node_modules/leaflet/dist/leaflet.js
port=${BUDGET_PORT:-3101}
workdir=$(mktemp -d)
pid=$(bash scripts/start-server.sh "$port" "$workdir")
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT
curl -fs "http://127.0.0.1:$port/api/offers" >"$workdir/offers.json"
curl -fs "http://127.0.0.1:$port/" >"$workdir/index.html"
curl -fs "http://127.0.0.1:$port/api/boundaries" >"$workdir/boundaries.json"
count=$(grep -o '"id":' "$workdir/offers.json" | wc -l)
row "offers payload, $count offers (≤ 60 KB gzip)" "$workdir/offers.json"
row "map page HTML incl. hydration data" "$workdir/index.html"
row "boundaries (loaded after the map)" "$workdir/boundaries.json"
if [ "${1:-}" = "--bench" ]; then
  python3 end2end/bench_server.py "http://127.0.0.1:$port" 400 2
  echo "== Clustering benchmark =="
  cargo bench -p app --bench cluster
fi
