#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) each, all at once, niced, in the
# background; logs to logs/<target>.log. Crashes land in artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
export RUSTC_BOOTSTRAP=1
./seed-corpus.sh
cargo fuzz build -s none
mkdir -p logs
for t in html jsonl feed warc text; do
  nice -n 19 cargo fuzz run -s none "$t" -- -max_total_time="$secs" -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 > "logs/$t.log" 2>&1 &
done
wait
for t in html jsonl feed warc text; do
  echo "== $t: $(grep -E '^stat::number_of_executed_units|Done [0-9]+ runs|ERROR|panicked' "logs/$t.log" | tr '\n' ' ')"
done
