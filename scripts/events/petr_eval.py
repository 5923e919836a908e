#!/usr/bin/env python3
"""Share of the PETRARCH2 unit-test codings (PETR.UnitTest.records.xml, MIT) that the engine
produces. Run from the repository root:

    python3 scripts/events/petr_eval.py --bin target/release/newsgraph [--records ../shared/data/events/petrarch2-validation/PETR.UnitTest.records.xml]

Every <Sentence> becomes one article {id, text, date}; an expected <EventCoding eventcode=...>
is found at the root level when the sentence's record has an event whose `cameo` code starts
with the same two digits, and in full when the code is equal. Actors are not compared: the
records code fictional actors (Arnor, Gondor) with the validation dictionaries' codes.
Sentences whose expected coding is empty or a null code are skipped and counted.
The headline is the last line: `PETR: expected root_share full_share type_share`, where the
type share compares the PLOVER types the two codes map to.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def plover_table(shared):
    table = {}
    for line in open(os.path.join(shared, "data", "events", "plover-gsr-cameo", "CAMEO2PLOVER-2021.txt"), encoding="utf-8"):
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*,", line)
        if m:
            table.setdefault(m.group(1), m.group(2))
    def of(code):
        for n in range(min(4, len(code)), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return "REQUEST" if code.startswith("02") else None
    return of


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--records")
    a = ap.parse_args()
    path = a.records or os.path.join(a.shared, "data", "events", "petrarch2-validation", "PETR.UnitTest.records.xml")
    tree = ET.parse(path)
    sents, expected, skipped = [], {}, 0
    for s in tree.getroot().iter("Sentence"):
        sid = s.get("id")
        text = (s.findtext("Text") or "").strip()
        codes = [c.get("eventcode") for c in s.findall("EventCoding") if c.get("eventcode") and c.get("eventcode")[:1].isdigit()]
        if not text or not codes:
            skipped += 1
            continue
        d = s.get("date") or ""
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else None
        sents.append({"id": sid, "text": " ".join(text.split()), "date": date})
        expected[sid] = codes
    of = plover_table(a.shared)
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "petr.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for r in sents:
                f.write(json.dumps(r) + "\n")
        out = subprocess.run([a.bin, "extract", inp], capture_output=True, text=True, check=True).stdout
    got = {}
    for line in out.splitlines():
        if line.strip():
            r = json.loads(line)
            got[r["id"]] = [e.get("cameo") or "" for e in r.get("events") or []]
    n = root = full = typ = 0
    for sid, codes in expected.items():
        pred = list(got.get(sid, []))
        for c in codes:
            n += 1
            if any(p == c for p in pred):
                full += 1
            if any(p[:2] == c[:2] for p in pred):
                root += 1
            if of(c) and any(of(p) == of(c) for p in pred if p):
                typ += 1
    print(f"sentences {len(sents)} (skipped {skipped} without a coded event), expected codings {n}")
    print(f"root code found {root}/{n}, full code found {full}/{n}, PLOVER type found {typ}/{n}")
    print(f"PETR: expected {n} root_share {root / n:.3f} full_share {full / n:.3f} type_share {typ / n:.3f}")


if __name__ == "__main__":
    sys.exit(main())
