#!/usr/bin/env bash
# Fuzzing with cargo fuzz (libFuzzer): each target in fuzz/fuzz_targets runs for SECONDS
# (default 20: the test command's short form; the long form, e.g. `bash scripts/fuzz.sh 900`),
# starting from its corpus in fuzz/corpus/<target>. A crash fails the run; its
# input is in fuzz/artifacts/<target>/ and belongs in the corpus once fixed. The instrumented
# build uses the stable toolchain without a sanitizer (`--sanitizer none`), optimised but with
# debug assertions and overflow checks (cargo fuzz's default), in 16 codegen units: a cold
# build takes about 3 minutes on 2 cores instead of 5 with one unit, at the same speed.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-20}
cargo fuzz build --sanitizer none --codegen-units 16
mkdir -p target
for target in $(cargo fuzz list); do
  mkdir -p "corpus/$target"
  echo "[fuzz] $target for ${seconds}s" >&2
  log="target/fuzz-$target.log"
  # -rss_limit_mb: a parser that swallows memory counts as a crash too.
  # New inputs go to a scratch folder (the first one named); the corpus in the repo is only
  # read, so a test run leaves the checkout as it was. To keep what a long run found:
  # `cargo fuzz cmin --sanitizer none --codegen-units 16 TARGET` after copying them in.
  scratch="target/corpus-new/$target"
  mkdir -p "$scratch"
  if ! cargo fuzz run --sanitizer none --codegen-units 16 "$target" "$scratch" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=1024 -print_final_stats=1 >"$log" 2>&1; then
    grep -E "panicked|deadly|ERROR|Test unit written" -A3 "$log" >&2 || tail -n 30 "$log" >&2
    echo "[fuzz] $target found a crash (input in fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "$log" >&2
done
