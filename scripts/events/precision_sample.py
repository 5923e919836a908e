#!/usr/bin/env python3
"""Samples events newsgraph extracts from a general news corpus, for a person to judge.

Precision of event coding on general news (sport, business, entertainment, tech and politics
alike) cannot be read from gold sets made of political sentences only, so this prints a fixed
random sample of the engine's events with their sentence, type, CAMEO code and actors. A judge
marks each one correct or not in a TSV (see `precision_judged.tsv`); `--score TSV` totals it.

    python3 scripts/events/precision_sample.py --bin target/release/newsgraph \
        --corpus ../shared/data/corpus/bbc-news-2225/bbc_news_2225.jsonl.gz -n 60 --seed 7
    python3 scripts/events/precision_sample.py --score scripts/events/precision_judged.tsv

The sample is drawn from all events in the corpus in article order, so a seed gives the same
sample for the same output; a changed engine gives a different one (judge it afresh).
"""
import argparse
import collections
import gzip
import json
import random
import subprocess
import sys
import tempfile


def read_articles(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def sentence_around(text, start, end):
    """The sentence-ish stretch of text holding [start, end): from the previous full stop or
    line break to the next one (a display aid, not the engine's sentence splitter)."""
    a = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    b_dot = text.find(". ", end)
    b_nl = text.find("\n", end)
    ends = [x for x in (b_dot + 1 if b_dot >= 0 else -1, b_nl) if x >= 0]
    b = min(ends) if ends else len(text)
    return text[a:b].strip()


def extract(binary, articles):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        for a in articles:
            # The BBC set has no dates; the title is kept as the first paragraph is the lede.
            tmp.write(json.dumps({"id": a["id"], "title": a.get("title", ""), "text": a["text"]}) + "\n")
        name = tmp.name
    out = subprocess.run([binary, "extract", name], check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def sample(args):
    articles = list(read_articles(args.corpus))
    by_id = {a["id"]: a for a in articles}
    records = extract(args.bin, articles)
    events = []
    for r in records:
        ents = {e["id"]: e for e in r.get("entities", [])}
        for ev in r.get("events", []):
            events.append((r, ents, ev))
    per_cat = collections.Counter(r["id"].split("/")[0] for r, _, _ in events)
    rng = random.Random(args.seed)
    picked = rng.sample(range(len(events)), min(args.n, len(events)))
    print(f"# {len(events)} events in {len(records)} articles; by category: {dict(sorted(per_cat.items()))}")
    print("# n\tarticle\ttype\tcameo\tsource\ttarget\tstatus\tevidence\tsentence")
    for n, i in enumerate(sorted(picked), 1):
        r, ents, ev = events[i]
        text = by_id[r["id"]]["text"]
        def actor(id_, words):
            if id_ and id_ in ents:
                return f"{words or ents[id_]['name']} [{ents[id_]['type']}]"
            return f"{words} [-]" if words else "-"
        s, e = ev["span"]
        sent = sentence_around(text, s, e)
        print("\t".join(str(x).replace("\t", " ").replace("\n", " ") for x in (
            n, r["id"], ev["type"], ev.get("cameo") or "", actor(ev.get("source"), ev.get("source_text")),
            actor(ev.get("target"), ev.get("target_text")), ev.get("status", ""), ev.get("text", ""), sent)))


def score(path):
    """Totals a judged TSV: column `ok` is y (correct type and actors), p (right event, an actor
    or the type wrong) or n (no such event: metaphor, sport, business, misreading)."""
    counts = collections.Counter()
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            row = dict(zip(header, cols))
            counts[(row.get("commit", ""), row["ok"])] += 1
    for commit in sorted({c for c, _ in counts}):
        y, p, n = (counts[(commit, k)] for k in "ypn")
        total = y + p + n
        print(f"{commit}: judged {total}: correct {y} ({y / total:.3f}), partly {p}, wrong {n}; "
              f"event precision (y+p) {(y + p) / total:.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/newsgraph")
    ap.add_argument("--corpus", default="../shared/data/corpus/bbc-news-2225/bbc_news_2225.jsonl.gz")
    ap.add_argument("-n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--score", metavar="TSV", help="total a judged TSV instead of sampling")
    args = ap.parse_args()
    if args.score:
        score(args.score)
    else:
        sample(args)


if __name__ == "__main__":
    sys.exit(main())
