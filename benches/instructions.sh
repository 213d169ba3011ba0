#!/usr/bin/env bash
# Instruction counts (valgrind callgrind) of the whole pipeline and of
# jieba-rs segmentation alone over the same files, and their ratio. Counts
# do not move with machine load, unlike wall time. Needs valgrind.
#
#   benches/instructions.sh              # the seed corpus
#   benches/instructions.sh FILE...      # other files
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(seeds/*.txt)
cargo build --release --quiet --example throughput
bin=target/release/examples/throughput

count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" "${files[@]}" 2>&1 >/dev/null \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

# a warm round: two rounds less one (start-up and first-use caches cancel)
jieba=$(( $(count jieba 2) - $(count jieba 1) ))
extract=$(( $(count extract 2) - $(count extract 1) ))
bytes=$(cat "${files[@]}" | wc -c)
printf 'bytes:                 %12d\n' "$bytes"
printf 'jieba-rs cut:          %12d instructions (%.0f per byte)\n' "$jieba" "$(echo "$jieba / $bytes" | bc -l)"
printf 'pipeline (extract):    %12d instructions (%.0f per byte)\n' "$extract" "$(echo "$extract / $bytes" | bc -l)"
printf 'ratio pipeline/jieba:  %12.2f\n' "$(echo "$extract / $jieba" | bc -l)"
