#!/usr/bin/env python3
"""Builds the event lexicons under lexicons/events/ from the public dictionaries in
../shared/data (run from the repository root):

    python3 scripts/events/build_lexicons.py [--shared ../shared]

Inputs (read-only, never copied whole):
  data/events/petrarch2-validation/phoenix_dictionaries.tar.xz  (MIT, Open Event Data Alliance)
      CAMEO.2.0.txt       verb blocks, verb forms, verb patterns, synonym sets
      Phoenix.agents.txt  common-noun actors (officials, police, rebels ...) and their sectors
  data/events/plover-gsr-cameo/CAMEO2PLOVER-2021.txt  (CC BY-SA 4.0) CAMEO code -> PLOVER type
  data/gazetteer/mledoze_countries.json  (ODbL) country names, demonyms, capitals

Outputs (compact TSV, one header comment naming source and licence):
  cameo_verbs.tsv   V form block lemma code / P block lemma pre post code / S synset members
  cameo_plover.tsv  code PLOVER
  agents.tsv        phrase sector
  countries.tsv     iso3 name demonyms capitals
"""
import argparse
import io
import json
import os
import re
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "lexicons", "events")

CODE = re.compile(r"\[([^\]]*)\]")


def first_code(raw):
    """'[042:043]' -> '042'; '[---]' -> '---'; '[~GOV]' -> None."""
    raw = raw.strip()
    if raw.startswith("---"):
        return "---"
    m = re.match(r"(\d{2,4})", raw)
    return m.group(1) if m else None


def regular_forms(verb):
    """The regular inflections PETRARCH generates for a verb written in upper case."""
    v = verb
    out = {v}
    if re.search(r"(S|X|Z|CH|SH)$", v):
        out.add(v + "ES")
    elif re.search(r"[^AEIOU]Y$", v):
        out.add(v[:-1] + "IES")
    else:
        out.add(v + "S")
    if v.endswith("E"):
        out.add(v + "D")
        out.add(v[:-1] + "ING" if not v.endswith("EE") else v + "ING")
    elif re.search(r"[^AEIOU]Y$", v):
        out.add(v[:-1] + "IED")
        out.add(v + "ING")
    else:
        out.add(v + "ED")
        out.add(v + "ING")
    return out


def word_form(w):
    """'+ASK_FOR' -> 'ask for' (a multi-word verb is written with underscores)."""
    return w.lstrip("+").strip("_").replace("_", " ").lower()


def parse_pattern_words(s):
    """Literal words of one side of a pattern; structural markers dropped."""
    s = s.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ")
    words = []
    for tok in s.split():
        if re.fullmatch(r"[+$^%]+", tok):
            # An actor or noun-phrase slot: the next word may stand further away ('~').
            if words and words[-1] != "~":
                words.append("~")
            elif not words:
                words.append("~")
            continue
        if tok in {"@", "|", "-", "="} or re.fullmatch(r"[@|=]+", tok):
            continue
        tok = tok.strip("+$^%@|")
        if not tok or not re.search(r"[A-Za-z]", tok):
            continue
        words.append(tok.lower())
    while words and words[-1] == "~":
        words.pop()
    return words


def parse_cameo(text):
    syn, blocks = {}, []
    lines = text.splitlines()
    i = 0
    # synonym sets
    cur = None
    in_verbs = False
    block = None
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            cur = None
            continue
        if not in_verbs:
            s = line.split("#", 1)[0].strip()
            if s.startswith("&"):
                cur = s.split()[0].rstrip("_")
                syn[cur] = []
            elif s.startswith("+") and cur:
                syn[cur].append(s[1:].strip().lower().replace("_", " ").strip())
            elif not s:
                cur = None
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            block = {"name": m.group(1), "code": first_code(m.group(2)), "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None:
            continue
        s = line.split("#", 1)[0].rstrip()
        if not s.strip():
            continue
        if s.startswith("-"):
            cm = list(CODE.finditer(s))
            if not cm:
                continue
            code = first_code(cm[-1].group(1))
            body = s[1:cm[-1].start()]
            # The comment names the verb the pattern was written for ("# CONDEMN").
            cmt = line.split("#", 1)[1].split() if "#" in line else []
            owner = word_form(cmt[0]) if cmt and re.fullmatch(r"[A-Z_+\-']+", cmt[0]) else ""
            if "*" not in body:
                continue
            pre, post = body.split("*", 1)
            block["patterns"].append((parse_pattern_words(pre), parse_pattern_words(post), code, owner))
            continue
        # verb line: VERB {FORMS} [CODE]
        code = None
        cm = CODE.search(s)
        if cm:
            code = first_code(cm.group(1))
            s = s[:cm.start()] + s[cm.end():]
        forms = []
        fm = re.search(r"\{([^}]*)\}", s)
        if fm:
            forms = fm.group(1).split()
            s = s[:fm.start()] + s[fm.end():]
        head = s.split()
        if not head:
            continue
        verb = head[0]
        block["verbs"].append((verb, forms, code))
    return syn, blocks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    a = ap.parse_args()
    ev = os.path.join(a.shared, "data", "events")
    with tarfile.open(os.path.join(ev, "petrarch2-validation", "phoenix_dictionaries.tar.xz")) as tf:
        def member(name):
            for m in tf.getmembers():
                if m.name.endswith(name):
                    return tf.extractfile(m).read().decode("utf-8", "replace")
            raise SystemExit(f"{name} not in archive")
        cameo = member("CAMEO.2.0.txt")
        agents = member("Phoenix.agents.txt")

    # CAMEO -> PLOVER
    c2p = {}
    for line in open(os.path.join(ev, "plover-gsr-cameo", "CAMEO2PLOVER-2021.txt"), encoding="utf-8"):
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*,", line)
        if m:
            c2p.setdefault(m.group(1), m.group(2))
    with open(os.path.join(OUT, "cameo_plover.tsv"), "w", encoding="utf-8") as f:
        f.write("# CAMEO code -> PLOVER type. Derived from CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, "
                "Open Event Data Alliance, CC BY-SA 4.0) by scripts/events/build_lexicons.py\n")
        for code in sorted(c2p):
            f.write(f"{code}\t{c2p[code]}\n")

    syn, blocks = parse_cameo(cameo)
    n_forms = n_pat = 0
    with open(os.path.join(OUT, "cameo_verbs.tsv"), "w", encoding="utf-8") as f:
        f.write("# Verb forms (V form block lemma code), verb patterns (P block lemma pre post code; an empty lemma applies to every verb of the block) and synonym sets (S name members) "
                "derived from the PETRARCH2/Phoenix CAMEO.2.0.txt verb dictionary (Copyright (c) 2015 Open Event Data "
                "Alliance, MIT licence) by scripts/events/build_lexicons.py. Pattern words are stems (prefix match) unless "
                "they end in '_'; '&NAME' is a synonym set; '~' an actor or noun-phrase slot; code '---' means no event.\n")
        used_syn = set()
        for bi, b in enumerate(blocks):
            coded = any(c not in (None, "---") for _, _, c in b["verbs"]) or (b["code"] not in (None, "---")) or any(
                c not in (None, "---") for _, _, c, _ in b["patterns"])
            if not coded:
                continue
            bid = b["name"].lower()
            seen = set()
            for verb, forms, code in b["verbs"]:
                c = code or b["code"] or "---"
                lemma = word_form(verb)
                if verb.startswith("+") or "_" in verb.strip("_"):
                    fs = {verb} | set(forms)
                else:
                    fs = regular_forms(verb.strip("_")) | set(forms)
                for fm in sorted(fs):
                    w = word_form(fm)
                    if not w or w in seen:
                        continue
                    seen.add(w)
                    f.write(f"V\t{w}\t{bid}\t{lemma}\t{c}\n")
                    n_forms += 1
            pseen = set()
            lemmas = {word_form(v) for v, _, _ in b["verbs"]}
            for pre, post, code, owner in b["patterns"]:
                if not [w for w in pre + post if w != "~"]:
                    continue
                owner = owner if owner in lemmas else ""
                key = (tuple(pre), tuple(post), code, owner)
                if key in pseen:
                    continue
                pseen.add(key)
                for w in pre + post:
                    if w.startswith("&"):
                        used_syn.add(w.upper().rstrip("_"))
                f.write(f"P\t{bid}\t{owner}\t{' '.join(pre)}\t{' '.join(post)}\t{code}\n")
                n_pat += 1
        for name in sorted(used_syn):
            if name in syn:
                f.write(f"S\t{name.lower()}\t{'|'.join(syn[name])}\n")

    # agents: common-noun actors with their CAMEO sector
    n_ag = 0
    with open(os.path.join(OUT, "agents.tsv"), "w", encoding="utf-8") as f:
        f.write("# Common-noun actors and their CAMEO sector codes, derived from the PETRARCH2/Phoenix Phoenix.agents.txt "
                "(Open Event Data Alliance, MIT licence) by scripts/events/build_lexicons.py\n")
        seen = set()
        for line in agents.splitlines():
            s = line.split("#", 1)[0].strip()
            m = re.match(r"^([A-Z][A-Z_'\-]*?)\s*(?:\{[^}]*\})?\s*\[~?([A-Z]{3})", s)
            if not m or "!" in s:
                continue
            phrase = m.group(1).strip("_").replace("_", " ").lower()
            if phrase in seen or len(phrase) < 3:
                continue
            seen.add(phrase)
            f.write(f"{phrase}\t{m.group(2)}\n")
            n_ag += 1

    # countries: names, demonyms, capitals
    countries = json.load(open(os.path.join(a.shared, "data", "gazetteer", "mledoze_countries.json"), encoding="utf-8"))
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# Countries: ISO3, common name, demonyms, capitals. Derived from mledoze/countries "
                "(ODbL 1.0, see ../shared/data/gazetteer/LICENSE.mledoze-countries.ODbL.md) by scripts/events/build_lexicons.py\n")
        for c in sorted(countries, key=lambda c: c["cca3"]):
            if not c.get("independent") and not c.get("unMember"):
                continue
            dem = c.get("demonyms", {}).get("eng", {})
            dems = sorted({d for d in (dem.get("m"), dem.get("f")) if d})
            caps = c.get("capital") or []
            f.write(f"{c['cca3']}\t{c['name']['common']}\t{'|'.join(dems)}\t{'|'.join(caps)}\n")
    print(f"verb forms {n_forms}, patterns {n_pat}, agents {n_ag}, CAMEO codes {len(c2p)}")


if __name__ == "__main__":
    main()
