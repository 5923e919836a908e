#!/usr/bin/env python3
"""Checks what score.py does not: GeoNames ids of places and titles of people, against the
article gold (`geonames_id`, `titles`), for entities that score.py's name rule matches.

    python3 crates/entities/scripts/check_geo_titles.py ../shared/eval/seed RECORDS.jsonl
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / ".." / "shared" / "tools"))
try:
    import score  # the shared scorer's normalisation and name matching
except ImportError:  # run from elsewhere: the folder beside the gold
    sys.path.insert(0, str(Path(sys.argv[1]).resolve().parents[1] / "tools"))
    import score


def main(gold_dir, recs_path):
    recs = {json.loads(l)["id"]: json.loads(l) for l in open(recs_path) if l.strip()}
    geo_ok = geo_n = t_ok = t_n = 0
    for gp in sorted(Path(gold_dir).glob("*gold.json")):
        g = json.load(open(gp))
        rec = recs.get(g["id"], {})
        preds = rec.get("entities", [])
        for ge in g["entities"]:
            person = ge["type"] == "PERSON"
            match = next((p for p in preds if score.name_match(score.names_of(ge), score.names_of(p), person)
                          and (p["type"] == "PERSON") == person), None)
            if "geonames_id" in ge:
                geo_n += 1
                got = ((match or {}).get("geo") or {}).get("geonames_id")
                if got == ge["geonames_id"]:
                    geo_ok += 1
                else:
                    print(f"{g['id']}: {ge['name']} geonames_id {ge['geonames_id']}, got {got}")
            if person and ge.get("titles"):
                t_n += 1
                want = {score.norm(t) for t in ge["titles"]}
                got = {score.norm(t) for t in (match or {}).get("titles", [])}
                if want & got:
                    t_ok += 1
                else:
                    print(f"{g['id']}: {ge['name']} titles {ge['titles']}, got {(match or {}).get('titles')}")
    print(f"GEO_TITLES: geonames_id {geo_ok}/{geo_n}  titles (one gold title found) {t_ok}/{t_n}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
