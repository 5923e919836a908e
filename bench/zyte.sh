#!/usr/bin/env bash
# Main-text extraction on the Zyte article-extraction benchmark (181 news pages).
#   bench/zyte.sh [BENCHMARK_DIR]
# 1. Accuracy through the real binary, with the benchmark's shingle metric (the scorer in
#    ../shared/tools/zyte_eval.py).
# 2. Speed of extraction alone (decode + metadata + main text, no recognisers), one
#    thread, for each extractor, in ms/page — and each extractor's F1 on the same pages.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="${1:-$root/../shared/data/html/zyte-article-extraction-benchmark}"
scorer="$root/../shared/tools/zyte_eval.py"
cd "$root"
cargo build --release -q -p newsgraph-cli
cargo build --release -q -p newsgraph-ingest --example html_extract
python3 "$scorer" run --bin target/release/newsgraph "$bench" | tail -n 1
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for x in trafilatura readability plain; do
  target/release/examples/html_extract --records "$x" "$bench"/html/*.html.gz > "$work/$x.jsonl" 2> "$work/$x.err"
  echo "$(cat "$work/$x.err")  $(python3 "$scorer" score "$bench/ground-truth.json" "$work/$x.jsonl" --name "ZYTE-$x" | tail -n 1)"
done
