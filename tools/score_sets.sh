#!/usr/bin/env bash
# Scores the JSON Lines files that tools/outputs.sh writes (DIR) against
# the seed gold and the dev corpus gold, and with a second argument the
# scored part too (its totals only: rules are never tuned on it).
#
#   tools/outputs.sh /tmp/now && tools/score_sets.sh /tmp/now [scored]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: tools/score_sets.sh DIR [scored]" >&2; exit 2; }
d="$1"
cd "$(dirname "$0")/.."
s() { python3 tools/score.py --gold "$1" --docs "$2" --pred "$3" | tail -n +2; }
echo "== seeds"; s fixtures/gold seeds "$d/seeds.jsonl"
echo "== dev"; s fixtures/corpus/dev/gold fixtures/corpus/dev "$d/fixtures_corpus_dev.jsonl"
if [ $# -ge 2 ]; then
  echo "== scored"; s fixtures/corpus/scored/gold fixtures/corpus/scored "$d/fixtures_corpus_scored.jsonl"
fi
