#!/usr/bin/env bash
# The release CLI's output on the seeds and both corpus parts, one JSON
# Lines file per set in DIR, and their md5 sums: run it before and after a
# change that must not change any record, and compare the sums.
#
#   tools/outputs.sh /tmp/before    # ... change ...    tools/outputs.sh /tmp/after
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: tools/outputs.sh DIR" >&2; exit 2; }
out="$1"
cd "$(dirname "$0")/.."
mkdir -p "$out"
cargo build --release --quiet
for d in seeds fixtures/corpus/dev fixtures/corpus/scored; do
  ./target/release/zhen-extract "$d" >"$out/$(echo "$d" | tr / _).jsonl" 2>/dev/null
done
md5sum "$out"/*.jsonl
