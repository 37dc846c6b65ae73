#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ for a bounded time each (not part of CI's main path):
#   scripts/fuzz.sh [SECONDS] [TARGET...]      default: 600 s for every target
# Inputs that crash a target are moved to fuzz/regressions/<target>/ and replayed by
# `scripts/fuzz.sh 0` (and by the crates' regression tests); the corpus libFuzzer grows
# stays in fuzz/corpus (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=${*:-html_cleaner jsonl_reader date_parser number_parser name_folder}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
# cargo fuzz passes -Z flags to rustc; this machine has only the stable toolchain.
export RUSTC_BOOTSTRAP=1
# Reuse the GeoNames table the main build fetched, if any, instead of fetching it again.
[ -f target/frontline-data/cities500.txt ] && export FRONTLINE_WORLD_GAZETTEER="$PWD/target/frontline-data/cities500.txt"
for target in $targets; do
  mkdir -p "fuzz/corpus/$target" "fuzz/regressions/$target" "fuzz/artifacts/$target"
  cp -n fuzz/seeds/"$target"/* "fuzz/corpus/$target/" 2>/dev/null || true
  echo "== $target: ${seconds}s"
  status=0
  cargo fuzz run --sanitizer none "$target" "fuzz/corpus/$target" "fuzz/regressions/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="fuzz/artifacts/$target/" -print_final_stats=1 || status=$?
  for crash in fuzz/artifacts/"$target"/*; do
    [ -e "$crash" ] && mv "$crash" "fuzz/regressions/$target/" && echo "kept $(basename "$crash") as a regression input"
  done
  [ "$status" -eq 0 ] || { echo "== $target failed (status $status)"; exit "$status"; }
done
