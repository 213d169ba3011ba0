#!/usr/bin/env bash
# Runs every fuzz target in turn, one process at a time, for $1 seconds
# each (default 60), and prints the executions libFuzzer reports.
# Usage: fuzz/run_all.sh [seconds] [target...]
set -uo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"; shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && mapfile -t targets < <(cargo +nightly fuzz list)
mkdir -p logs
for t in "${targets[@]}"; do
  cargo +nightly fuzz run -O "$t" -- -max_total_time="$secs" -rss_limit_mb=4096 -print_final_stats=1 \
    >"logs/$t.log" 2>&1
  status=$?
  execs=$(grep -E '^stat::number_of_executed_units' "logs/$t.log" | awk '{print $2}')
  echo "$t status=$status executions=${execs:-?}"
done
