#!/bin/sh
# Load on a running `newsgraph serve` from a second process: each query kind of mix.lua
# alone, then the mix, at concurrency 64 (wrk, bounded by -d). Prints requests/s, p50 and
# p99 per line. Usage: crates/server/bench/load.sh [BASE_URL] [SECONDS]
#   newsgraph serve --db bbc.db &   # 127.0.0.1:8080
#   crates/server/bench/load.sh http://127.0.0.1:8080 15
set -eu
base=${1:-http://127.0.0.1:8080}
secs=${2:-15}
here=$(dirname "$0")
run() {
  out=$(wrk -t2 -c64 -d"${secs}s" --latency "$@")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errs=$(echo "$out" | awk '/Non-2xx|Socket errors/' | tr '\n' ' ')
  printf '%10s req/s  p50 %9s  p99 %9s  %s\n' "$rps" "$p50" "$p99" "$errs"
}
# The paths of mix.lua, one at a time.
sed -n 's/^  "\(\/api[^"]*\)",$/\1/p' "$here/mix.lua" | while read -r path; do
  printf '%-60s' "$path"
  run "$base$path"
done
printf '%-60s' "mix (mix.lua)"
run -s "$here/mix.lua" "$base"
