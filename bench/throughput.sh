#!/usr/bin/env bash
# newsgraph's throughput on a news corpus, per core.
#
#   bench/throughput.sh [CORPUS.jsonl[.gz]]      (default: ../shared/data/corpus/bbc-news-2225)
#
# Prints, for `newsgraph extract -j1` (the whole engine on one core) and `-j2`, and for
# ingestion + text layer alone (examples/ingest_text.rs, one thread): articles/s, words/s,
# MB/s of article text, and peak RSS (GNU time). Best of RUNS runs (default 3). The last
# line, `NEWSGRAPH: ...`, is what bench/compare.sh reads.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/../shared/data/corpus/bbc-news-2225/bbc_news_2225.jsonl.gz}"
runs="${RUNS:-3}"
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time; apt-get install time)" >&2; exit 2; }
cd "$root"
cargo build --release -q -p newsgraph-cli
cargo build --release -q -p newsgraph-ingest --example ingest_text
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# Decompressed once, so gzip is not part of the figure.
case "$corpus" in *.gz) gzip -dc "$corpus" > "$work/in.jsonl" ;; *) cp "$corpus" "$work/in.jsonl" ;; esac
read -r articles words mb < <(python3 - "$work/in.jsonl" <<'PY'
import json, sys
n = w = b = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        t = json.loads(line).get("text") or ""
        n += 1; w += len(t.split()); b += len(t.encode())
print(n, w, b / 1e6)
PY
)
echo "corpus: $corpus: $articles articles, $words words, $mb MB of text; best of $runs runs; $(nproc) cores; $(git rev-parse --short HEAD)"

best() { # command... -> "seconds peak_rss_kb" of the fastest run
  local b="" rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" > /dev/null 2> "$work/err" || { echo "failed: $*" >&2; tail -3 "$work/err" >&2; exit 1; }
    read -r s m < "$work/t"
    if [ -z "$b" ] || python3 -c "import sys; sys.exit(not ($s < $b))"; then b=$s; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$b $rss"
}
report() { # label seconds rss_kb
  python3 -c "
a,w,mb,s,rss=$articles,$words,$mb,$2,$3
print(f'$1: {s:.2f} s, {a/s:,.0f} articles/s, {w/s:,.0f} words/s, {mb/s:.2f} MB/s, peak RSS {rss/1024:.0f} MB')"
}
read -r s1 r1 < <(best target/release/newsgraph extract -j1 --quiet "$work/in.jsonl")
report "newsgraph extract -j1 (whole engine, 1 core)" "$s1" "$r1"
read -r s2 r2 < <(best target/release/newsgraph extract -j2 --quiet "$work/in.jsonl")
report "newsgraph extract -j2 (whole engine, 2 cores)" "$s2" "$r2"
read -r s3 r3 < <(best target/release/examples/ingest_text "$work/in.jsonl")
report "ingestion + text layer (1 core)" "$s3" "$r3"
python3 -c "print(f'NEWSGRAPH: articles_per_s {$articles/$s1:.1f} words_per_s {$words/$s1:.0f} mb_per_s {$mb/$s1:.3f} rss_mb {$r1/1024:.0f}')"
