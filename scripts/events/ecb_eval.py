#!/usr/bin/env python3
"""Event-mention recall on ECB+ (CC BY 3.0 annotations; the article texts stay in ../shared
and are never copied into the repository). Run from the repository root:

    python3 scripts/events/ecb_eval.py --bin target/release/newsgraph [--coref-sentences-only]

Each ECB+ document becomes one article: tokens joined by one space, sentences by a newline.
A gold action mention (ACTION_OCCURRENCE, ACTION_REPORTING, …, NEG_* counted with their
positive type) is recalled when a predicted event's evidence `span` covers the mention's
first token. The evidence span holds the trigger and its actors, so this is lenient about
which word inside the span triggered the event. Precision-like figure: the share of
predicted events (in sentences that carry ECB+ annotation) whose span covers at least one gold
action mention of any type.
ECB+ annotates every action (said, earthquake, arrested …); the engine codes PLOVER events
between actors only, so recall of all actions is expected to be low; ACTION_OCCURRENCE is
the type closest to PLOVER events.
The headline is the last line: `ECB: occurrence_recall all_recall event_hit_share`.
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_docs(archive, coref_only, csv_path):
    keep = None
    if coref_only:
        keep = collections.defaultdict(set)
        with open(csv_path, encoding="utf-8") as f:
            for row in csv.reader(f):
                if len(row) >= 3 and row[2].isdigit():
                    keep[row[0] + "_" + row[1] + ".xml"].add(int(row[2]))
    docs = []
    with tarfile.open(archive) as tf:
        for m in tf.getmembers():
            if not m.name.endswith(".xml"):
                continue
            root = ET.fromstring(tf.extractfile(m).read())
            name = root.get("doc_name") or os.path.basename(m.name)
            toks, offs, text, last_sent = {}, {}, [], None
            pos = 0
            for t in root.iter("token"):
                sent = int(t.get("sentence"))
                if last_sent is not None:
                    sep = "\n" if sent != last_sent else " "
                    text.append(sep)
                    pos += 1
                w = t.text or ""
                offs[t.get("t_id")] = (pos, pos + len(w), sent)
                text.append(w)
                pos += len(w)
                last_sent = sent
            mentions = []
            sent_span = {}
            for s_, e_, sn in offs.values():
                a_, b_ = sent_span.get(sn, (s_, e_))
                sent_span[sn] = (min(a_, s_), max(b_, e_))
            annotated = set()
            for mk in root.find("Markables") or []:
                tag = mk.tag
                if not tag.startswith(("ACTION_", "NEG_ACTION_")):
                    continue
                anchors = [a.get("t_id") for a in mk.findall("token_anchor")]
                if not anchors or anchors[0] not in offs:
                    continue
                s, e, sent = offs[anchors[0]]
                if keep is not None and sent not in keep.get(name, ()):
                    continue
                mentions.append((tag.replace("NEG_", ""), s, e))
                annotated.add(sent)
            docs.append({"id": name, "text": "".join(text), "mentions": mentions,
                         "annotated": [sent_span[sn] for sn in sorted(annotated)]})
    return docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--coref-sentences-only", action="store_true",
                    help="score only the sentences listed in ECBplus_coreference_sentences.csv")
    a = ap.parse_args()
    ecb = os.path.join(a.shared, "data", "events", "ecbplus")
    docs = load_docs(os.path.join(ecb, "ECBplus_xml.tar.xz"), a.coref_sentences_only,
                     os.path.join(ecb, "ECBplus_coreference_sentences.csv"))
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "ecb.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d["id"], "text": d["text"]}) + "\n")
        out = subprocess.run([a.bin, "extract", inp], capture_output=True, text=True, check=True).stdout
    spans = {}
    for line in out.splitlines():
        if line.strip():
            r = json.loads(line)
            spans[r["id"]] = [tuple(e["span"]) for e in r.get("events") or []]
    per = collections.Counter()
    hit = collections.Counter()
    n_ev = ev_hit = 0
    for d in docs:
        evs = spans.get(d["id"], [])
        for ty, s, e in d["mentions"]:
            per[ty] += 1
            if any(a <= s < b for a, b in evs):
                hit[ty] += 1
        for a, b in evs:
            # ECB+ annotates only some sentences: judge events in annotated sentences only.
            if not any(x <= a < y for x, y in d["annotated"]):
                continue
            n_ev += 1
            if any(a <= s < b for _, s, _ in d["mentions"]):
                ev_hit += 1
    print(f"documents {len(docs)}, gold action mentions {sum(per.values())}, predicted events {n_ev}")
    for ty in sorted(per, key=lambda t: -per[t]):
        print(f"  {ty:<22} {per[ty]:6d}  recall {hit[ty] / per[ty]:.3f}")
    occ = hit["ACTION_OCCURRENCE"] / max(1, per["ACTION_OCCURRENCE"])
    allr = sum(hit.values()) / max(1, sum(per.values()))
    share = ev_hit / max(1, n_ev)
    print(f"ECB: occurrence_recall {occ:.3f} all_recall {allr:.3f} event_hit_share {share:.3f}")


if __name__ == "__main__":
    sys.exit(main())
