#!/usr/bin/env bash
# Builds the release Wasm of a base commit (default: the parent of HEAD) and of the working
# tree in one run and prints both gzip sizes with their ratio, so a change's effect on the
# Wasm budget is measured side by side, not remembered. Usage: scripts/wasm-size-compare.sh [BASE]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-HEAD~1}
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
tree=$(mktemp -d)
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || true' EXIT
git worktree add --detach --force "$tree" "$base" >/dev/null
ln -s "$PWD/node_modules" "$tree/node_modules"
# One target folder for both builds: the dependencies are built once.
export CARGO_TARGET_DIR="$PWD/target"
newest_wasm() { ls -t "$tree/target/site/pkg/chancenkarte.wasm" target/site/pkg/chancenkarte.wasm 2>/dev/null | head -n 1; }
size() { gzip -9 -c "$1" | wc -c; }
(cd "$tree" && cargo leptos build --release --frontend-only >/dev/null)
before=$(size "$(newest_wasm)")
cargo leptos build --release --frontend-only >/dev/null
after=$(size target/site/pkg/chancenkarte.wasm)
awk -v b="$before" -v a="$after" -v base="$base" 'BEGIN {
  printf "hydrate Wasm gzip: %s %.1f KB, working tree %.1f KB (%+.1f KB, ratio %.3f)\n", base, b/1024, a/1024, (a-b)/1024, a/b }'
