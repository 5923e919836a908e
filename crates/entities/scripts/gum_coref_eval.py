#!/usr/bin/env python3
"""Person coreference of the entity layer against GUM's news documents (MUC and B³).

    cargo build --release -p newsgraph-entities --example extract_entities
    python3 crates/entities/scripts/gum_coref_eval.py ../shared/data/ner/gum_news \
        --bin target/release/examples/extract_entities [--genre news|interview|all]

Protocol
- Documents: GUM_<genre>_*.conll (default: the 24 news documents). Text = the tokens joined
  by single spaces (the format has no sentence breaks; the engine segments it itself).
- Key: GUM's coreference chains of entity type "person", every mention (names, nominals,
  pronouns, first and second person included).
- Response: the engine's PERSON entities, each mention span mapped to GUM tokens.
- Alignment: a response mention matches a key mention with the same tokens, or lying inside
  it and ending on the same token (names are right-headed: "Obama" in "President Obama").
  Each key mention is matched at most once. GUM writes a possessive's clitic into the
  mention ("Warhol 's"); the contract's spans stop before it, so a key mention ending in a
  clitic token ('s, ') also matches a response ending on the token before it. With
  --strict-ends the clitic must be matched too (the protocol before 2026-11-25, which
  counted every correct "Warhol" in "Warhol 's" as a miss and a spurious mention).
- Scores: MUC (Vilain et al. 1995) and B³ (Bagga & Baldwin 1998) as in the CoNLL-2012
  reference scorer (mentions found on one side only count on that side only).
- "in scope" restricts the key to mentions the layer attempts: those containing a
  capitalised token or consisting of a third-person pronoun (he, she, him, his, her, hers,
  himself, herself); the full key is reported too.
Data: GUM (Zeldes 2017), annotations CC-BY 4.0, Wikinews texts CC-BY 2.5.
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

CLITICS = {"'s", "'", "’s", "’"}
PRON3 = {"he", "she", "him", "his", "her", "hers", "himself", "herself"}


def parse(path):
    """Yields (name, tokens, {chain_id: [(start_tok, end_tok_exclusive)]}) for person chains."""
    name, toks, chains, stacks, types = None, [], defaultdict(list), defaultdict(list), {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# begin document"):
            name = line.split()[-1]
            continue
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        i = len(toks)
        toks.append(parts[1])
        col = parts[2]
        if col == "_":
            continue
        for piece in re.findall(r"\([^()]*\)|\([^()]*|[^()]+\)", col):
            opens, closes = piece.startswith("("), piece.endswith(")")
            body = piece.strip("()")
            fields = body.split("-")
            if len(fields) < 2:
                continue
            etype, cid = fields[0], fields[1]
            types[cid] = etype
            if opens and closes:
                chains[cid].append((i, i + 1))
            elif opens:
                stacks[cid].append(i)
            elif closes and stacks[cid]:
                chains[cid].append((stacks[cid].pop(), i + 1))
    person = {c: m for c, m in chains.items() if types.get(c) == "person"}
    return name, toks, person


def in_scope(toks, span):
    words = toks[span[0]:span[1]]
    if len(words) == 1 and words[0].lower() in PRON3:
        return True
    return any(w[:1].isupper() and w.lower() not in {"i", "the", "a", "an"} for w in words)


def muc(key, resp):
    def part(a, b):
        num = den = 0
        where = {m: i for i, c in enumerate(b) for m in c}
        for c in a:
            if len(c) < 2:
                continue
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num, den
    rn, rd = part(key, resp)
    pn, pd = part(resp, key)
    return rn, rd, pn, pd


def b3(key, resp):
    def part(a, b):
        num = den = 0.0
        for c in a:
            for d in b:
                inter = len(c & d)
                if inter:
                    num += inter * inter / len(c)
            den += len(c)
        return num, den
    rn, rd = part(key, resp)
    pn, pd = part(resp, key)
    return rn, rd, pn, pd


def f(n1, d1, n2, d2):
    r = n1 / d1 if d1 else 0.0
    p = n2 / d2 if d2 else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--bin", required=True, help="extract_entities example or any program printing records for a JSONL file")
    ap.add_argument("--genre", default="news", choices=["news", "interview", "all"])
    ap.add_argument("--strict-ends", action="store_true", help="no allowance for a key mention's possessive clitic")
    a = ap.parse_args()
    pat = "GUM_*.conll" if a.genre == "all" else f"GUM_{a.genre}_*.conll"
    docs = [parse(p) for p in sorted(Path(a.folder).glob(pat))]
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "gum.jsonl"
        offsets = {}
        with open(inp, "w") as out:
            for name, toks, _ in docs:
                pos, offs = 0, []
                for t in toks:
                    offs.append((pos, pos + len(t)))
                    pos += len(t) + 1
                offsets[name] = offs
                out.write(json.dumps({"id": name, "text": " ".join(toks)}) + "\n")
        cmd = [a.bin, str(inp)] if "extract_entities" in a.bin else [a.bin, "extract", str(inp)]
        res = subprocess.run(cmd, capture_output=True, text=True)
        recs = {json.loads(l)["id"]: json.loads(l) for l in res.stdout.splitlines() if l.strip()}
    totals = {k: [0.0] * 4 for k in ("muc", "b3", "muc_scope", "b3_scope")}
    n_key = n_scope = n_resp = n_matched = 0
    for name, toks, chains in docs:
        offs = offsets[name]
        starts = {s: i for i, (s, _) in enumerate(offs)}
        ends = {e: i for i, (_, e) in enumerate(offs)}
        key_all = [set(m) for m in chains.values()]
        key_scope = [{m for m in c if in_scope(toks, m)} for c in key_all]
        key_scope = [c for c in key_scope if c]
        resp = []
        rec = recs.get(name, {})
        by_end = defaultdict(list)
        for c in key_all:
            for m in c:
                by_end[m[1]].append(m)
                if not a.strict_ends and m[1] - m[0] >= 2 and toks[m[1] - 1] in CLITICS:
                    by_end[m[1] - 1].append(m)
        used = set()
        for e in rec.get("entities", []):
            if e.get("type") != "PERSON":
                continue
            cl = set()
            for s, t in e.get("mentions", []):
                if s not in starts or t not in ends:
                    continue
                span = (starts[s], ends[t] + 1)
                n_resp += 1
                cands = [m for m in by_end.get(span[1], []) if m[0] <= span[0] and m not in used]
                cands.sort(key=lambda m: (m != span, m[1] - m[0]))
                if cands:
                    used.add(cands[0])
                    cl.add(cands[0])
                    n_matched += 1
                else:
                    cl.add(("resp", span))
            if cl:
                resp.append(cl)
        n_key += sum(len(c) for c in key_all)
        n_scope += sum(len(c) for c in key_scope)
        for k, key in (("muc", key_all), ("muc_scope", key_scope)):
            for i, v in enumerate(muc(key, resp)):
                totals[k][i] += v
        for k, key in (("b3", key_all), ("b3_scope", key_scope)):
            for i, v in enumerate(b3(key, resp)):
                totals[k][i] += v
    print(f"documents {len(docs)} ({a.genre}); key person mentions {n_key} (in scope {n_scope}); "
          f"response PERSON mentions {n_resp}, aligned to key {n_matched}")
    for k in ("muc", "b3", "muc_scope", "b3_scope"):
        p, r, f1 = f(*totals[k])
        print(f"{k:10s} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
    pm, rm, fm = f(*totals["muc"])
    pb, rb, fb = f(*totals["b3"])
    print(f"GUMCOREF: muc_f1 {fm:.3f} b3_f1 {fb:.3f} muc_scope_f1 {f(*totals['muc_scope'])[2]:.3f} b3_scope_f1 {f(*totals['b3_scope'])[2]:.3f}")


if __name__ == "__main__":
    sys.exit(main())
