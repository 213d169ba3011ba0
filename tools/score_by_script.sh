#!/usr/bin/env bash
# P/R/F1 per kind for each script of a corpus part (files named hans_*,
# hant_*, en_*), from the release CLI's JSON Lines output and the reference
# scorer's rules (tools/score.py).
#
#   tools/outputs.sh /tmp/now
#   tools/score_by_script.sh fixtures/corpus/scored /tmp/now/fixtures_corpus_scored.jsonl
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: tools/score_by_script.sh PART PRED.jsonl" >&2; exit 2; }
part="$1"; pred="$2"
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for s in hans hant en; do
  mkdir -p "$tmp/$s/gold"
  n=0
  for f in "$part"/"$s"_*.txt; do
    [ -e "$f" ] || continue
    cp "$f" "$tmp/$s/"; cp "$part/gold/$(basename "$f").json" "$tmp/$s/gold/"; n=$((n + 1))
  done
  echo "== $s ($n documents)"
  [ "$n" -gt 0 ] && python3 tools/score.py --gold "$tmp/$s/gold" --docs "$tmp/$s" --pred "$pred" | tail -n +2
done
