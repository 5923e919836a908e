#!/usr/bin/env python3
"""Splits the PLOVER gold-standard records into a development half and a held-out half, and
optionally renames the 0.5b1 categories of the file to the PLOVER 2021 names the engine emits
(DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT, as in
CAMEO2PLOVER-2021.txt). Records alternate within each category: even positions are `dev`,
odd positions are `test`. Run from the repository root:

    python3 scripts/events/plover_split.py OUT_DIR [--gold ../shared/data/events/plover-gsr-cameo/PLOVER_GSR_CAMEO.txt]

writes OUT_DIR/{all,dev,test}.txt and OUT_DIR/{all,dev,test}.2021.txt, each readable by
../shared/tools/plover_eval.py.
"""
import argparse
import collections
import json
import os
import sys

RENAME = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--gold", default="../shared/data/events/plover-gsr-cameo/PLOVER_GSR_CAMEO.txt")
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(a.gold)), "..", "..", "..", "tools"))
    import plover_eval  # the scorer's own lenient reader, so the split reads what it reads
    raw = open(a.gold, encoding="utf-8-sig").read()
    recs = json.loads(plover_eval.strip_trailing_commas(raw).strip().rstrip(",").join("[]") if not raw.strip().startswith("[") else plover_eval.strip_trailing_commas(raw))
    recs = [r for r in recs if r.get("text")]
    seen = collections.Counter()
    halves = {"all": [], "dev": [], "test": []}
    for r in recs:
        n = seen[r["event"]]
        seen[r["event"]] += 1
        halves["all"].append(r)
        halves["dev" if n % 2 == 0 else "test"].append(r)
    os.makedirs(a.out, exist_ok=True)
    for name, rs in halves.items():
        for suffix, rename in (("", False), (".2021", True)):
            out = [dict(r, event=RENAME.get(r["event"], r["event"])) if rename else r for r in rs]
            with open(os.path.join(a.out, f"{name}{suffix}.txt"), "w", encoding="utf-8") as f:
                json.dump(out, f, ensure_ascii=False, indent=1)
        print(f"{name}: {len(rs)} records")


if __name__ == "__main__":
    main()
