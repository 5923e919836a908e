#!/usr/bin/env python3
"""MEANTIME time expressions scored on the part of each article its gold covers.

MEANTIME's annotators marked only the start of each Wikinews article (its title line and the
first five sentences: no gold timex lies past the sixth line of the reconstructed text), so
the shared scorer counts every correct expression further down as a false positive. This
script runs the engine, keeps the predictions that start within the first six lines, and
scores them with the same scorer (`../shared/tools/timex_eval.py score`). It is a second view,
not a replacement: the full-text figure stays the one of record.

    python3 scripts/times/meantime_head.py --bin target/release/newsgraph
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared"))
GOLD = os.path.join(SHARED, "data/time/meantime_en/meantime_en_timex.jsonl")
SCORER = os.path.join(SHARED, "tools/timex_eval.py")
HEAD_LINES = 6


def head_end(text):
    """Code-point offset where the annotated head (the first HEAD_LINES lines) ends."""
    pos = 0
    for _ in range(HEAD_LINES):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    return pos


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True, help="the engine binary (newsgraph)")
    ap.add_argument("--show", type=int, default=0, help="passed to the scorer")
    args = ap.parse_args()
    docs = [json.loads(line) for line in open(GOLD, encoding="utf-8")]
    ends = {d["doc_id"]: head_end(d["text"]) for d in docs}
    # The gold's own annotations must all lie in the head, or the cut would be unfair.
    for d in docs:
        for t in d["timexes"]:
            if t.get("start") is not None and t["start"] >= ends[d["doc_id"]]:
                sys.exit(f"gold timex past the head in {d['doc_id']}: {t}")
    with tempfile.TemporaryDirectory() as tmp:
        inp, recs, cut = (os.path.join(tmp, n) for n in ("in.jsonl", "recs.jsonl", "cut.jsonl"))
        subprocess.run([sys.executable, SCORER, "make-input", GOLD],
                       stdout=open(inp, "w"), check=True)
        subprocess.run([args.bin, "extract", inp], stdout=open(recs, "w"), stderr=subprocess.DEVNULL, check=True)
        with open(cut, "w", encoding="utf-8") as out:
            for line in open(recs, encoding="utf-8"):
                r = json.loads(line)
                end = ends.get(r.get("id"))
                if end is not None:
                    r["times"] = [t for t in r.get("times", []) if t["span"][0] < end]
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        cmd = [sys.executable, SCORER, "score", GOLD, cut, "--name", "TIMEX-MEANTIME-HEAD"]
        if args.show:
            cmd += ["--show", str(args.show)]
        sys.exit(subprocess.run(cmd).returncode)


if __name__ == "__main__":
    main()
