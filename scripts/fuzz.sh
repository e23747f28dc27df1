#!/usr/bin/env bash
# Fuzzing with cargo fuzz (libFuzzer): each target in fuzz/fuzz_targets runs for SECONDS
# (default 20: the test command's short form; the long form, e.g. `bash scripts/fuzz.sh 900`),
# starting from and adding to its corpus in fuzz/corpus/<target>. A crash fails the run; its
# input is in fuzz/artifacts/<target>/ and belongs in the corpus once fixed. Instrumented
# builds use the stable toolchain without a sanitizer (`--sanitizer none`).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-20}
cargo fuzz build --sanitizer none -O
mkdir -p target
for target in $(cargo fuzz list); do
  mkdir -p "corpus/$target"
  echo "[fuzz] $target for ${seconds}s" >&2
  log="target/fuzz-$target.log"
  # -rss_limit_mb: a parser that swallows memory counts as a crash too.
  if ! cargo fuzz run --sanitizer none -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=1024 -print_final_stats=1 >"$log" 2>&1; then
    grep -E "panicked|deadly|ERROR|Test unit written" -A3 "$log" >&2 || tail -n 30 "$log" >&2
    echo "[fuzz] $target found a crash (input in fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "$log" >&2
done
