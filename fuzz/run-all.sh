#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) each, all at once, niced, in the
# background; logs to logs/<target>.log. Crashes land in artifacts/<target>/.
#
# The targets that reach rs-trafilatura (html, jsonl, warc) are built with -O (no debug
# assertions): with them, rs-trafilatura prints its progress to stderr on every input,
# which slows fuzzing a hundredfold. feed and text keep cargo-fuzz's default (debug
# assertions and overflow checks on).
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
export RUSTC_BOOTSTRAP=1
./seed-corpus.sh
mkdir -p logs
run() { # target, build flags, max input length
  nice -n 19 cargo fuzz run -s none $2 "$1" -- -max_total_time="$secs" -max_len="$3" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 > "logs/$1.log" 2>&1
}
# Build one flavour at a time (the two share a target folder), then run all at once.
cargo fuzz build -s none feed && cargo fuzz build -s none text
run feed "" 65536 & run text "" 65536 &
sleep 5
cargo fuzz build -s none -O html && cargo fuzz build -s none -O jsonl && cargo fuzz build -s none -O warc
run html -O 20000 & run jsonl -O 65536 & run warc -O 65536 &
wait
for t in html jsonl feed warc text; do
  echo "== $t: $(grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs|ERROR|panicked' "logs/$t.log" | tr '\n' ' ')"
done
