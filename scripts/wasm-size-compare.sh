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
# The base builds in a target folder of its own, kept between runs: sharing one with the
# working tree made cargo take the base's compiled crates for the working tree's (the
# workspace crates' build hashes do not depend on where the checkout is).
size() { gzip -9 -c "$1" | wc -c; }
# The first view's Wasm in a site folder: chancenkarte.<hash>.wasm (hash-files), or
# chancenkarte.wasm from a base built before the names carried hashes.
main_wasm() { ls "$1"/pkg/chancenkarte*.wasm | head -n 1; }
(cd "$tree" && CARGO_TARGET_DIR="$OLDPWD/target/size-base" cargo leptos build --release --split --frontend-only >/dev/null)
before=$(size "$(main_wasm "$tree/target/site")")
cargo leptos build --release --split --frontend-only >/dev/null
after=$(size "$(main_wasm target/site)")
for chunk in target/site/pkg/split_*.wasm; do
  if [ -e "$chunk" ]; then
    printf '  loaded later: %s %.1f KB gzip\n' "$(basename "$chunk")" "$(awk -v s="$(size "$chunk")" 'BEGIN { print s / 1024 }')"
  fi
done
awk -v b="$before" -v a="$after" -v base="$base" 'BEGIN {
  printf "hydrate Wasm (first view) gzip: %s %.1f KB, working tree %.1f KB (%+.1f KB, ratio %.3f)\n", base, b/1024, a/1024, (a-b)/1024, a/b }'
