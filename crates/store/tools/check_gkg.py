#!/usr/bin/env python3
"""Checks a GDELT GKG 2.1 file written by `newsgraph export --format gkg`.

Two readers:
1. pandas, called exactly as gdeltPyR (PyPI `gdelt` 0.1.14, gdelt/parallel.py) loads GKG
   2.1 files: read_csv(sep='\\t', header=None, on_bad_lines='skip'). Because that call
   skips malformed lines silently, the check requires every line to come through, with
   27 columns.
2. A field-level parse following the GKG 2.1 codebook (2015-02-19): counts
   (TYPE#N#OBJECT#LOCTYPE#NAME#CC#ADM1#LAT#LON#FEATURE[#OFFSET]), enhanced locations,
   persons/organisations with offsets, enhanced dates (RES#MONTH#DAY#YEAR#OFFSET),
   quotations (OFFSET|LENGTH|VERB|QUOTE, '#'-separated), amounts (AMOUNT,OBJECT,OFFSET).

Usage: python3 check_gkg.py FILE.gkg.tsv   (exit 0 when the file passes; needs pandas)
"""
import re
import sys

COLUMNS = [
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName", "DocumentIdentifier",
    "Counts", "V2Counts", "Themes", "V2Themes", "Locations", "V2Locations", "Persons", "V2Persons",
    "Organizations", "V2Organizations", "V2Tone", "Dates", "GCAM", "SharingImage", "RelatedImages",
    "SocialImageEmbeds", "SocialVideoEmbeds", "Quotations", "AllNames", "Amounts", "TranslationInfo",
    "Extras",
]


def blocks(field, sep=";"):
    return [b for b in (field or "").split(sep) if b]


def check_row(row, errors):
    rid = row["GKGRECORDID"]
    if not re.fullmatch(r"\d{14}-T?\d+", str(rid)):
        errors.append(f"{rid}: bad record id")
    if not re.fullmatch(r"\d{14}", str(row["DATE"])):
        errors.append(f"{rid}: bad date {row['DATE']}")
    for col, n in (("Counts", 10), ("V2Counts", 11)):
        for b in blocks(row[col]):
            f = b.split("#")
            if len(f) != n or not f[1].lstrip("-").isdigit():
                errors.append(f"{rid}: {col} block {b!r}")
            if col == "V2Counts" and not f[-1].isdigit():
                errors.append(f"{rid}: {col} offset {b!r}")
    for b in blocks(row["V2Locations"]):
        f = b.split("#")
        if len(f) != 9 or not f[0].isdigit() or not f[-1].isdigit():
            errors.append(f"{rid}: V2Locations block {b!r}")
        else:
            float(f[5]), float(f[6])
    for col in ("V2Persons", "V2Organizations", "AllNames"):
        for b in blocks(row[col]):
            name, _, off = b.rpartition(",")
            if not name or not off.isdigit():
                errors.append(f"{rid}: {col} block {b!r}")
    for b in blocks(row["Dates"]):
        f = b.split("#")
        if len(f) != 5 or not all(x.lstrip("-").isdigit() for x in f) or f[0] not in "1234":
            errors.append(f"{rid}: Dates block {b!r}")
    for b in blocks(row["Quotations"], "#"):
        f = b.split("|")
        if len(f) != 4 or not f[0].isdigit() or not f[1].isdigit():
            errors.append(f"{rid}: Quotations block {b!r}")
    for b in blocks(row["Amounts"]):
        f = b.split(",")
        if len(f) != 3 or not f[2].isdigit():
            errors.append(f"{rid}: Amounts block {b!r}")
        else:
            float(f[0])


def main(path):
    import pandas as pd

    with open(path, encoding="utf-8") as fh:
        lines = sum(1 for _ in fh)
    frame = pd.read_csv(path, sep="\t", header=None, on_bad_lines="skip", dtype=str, keep_default_na=False, quoting=3)
    errors = []
    if len(frame) != lines:
        errors.append(f"pandas read {len(frame)} of {lines} lines")
    if frame.shape[1] != 27:
        errors.append(f"{frame.shape[1]} columns, not 27")
    frame.columns = COLUMNS[: frame.shape[1]]
    for _, row in frame.iterrows():
        check_row(row, errors)
    filled = {c: int((frame[c] != "").sum()) for c in COLUMNS if c in frame}
    print(f"{path}: {len(frame)} records, 27 columns; non-empty fields: " + ", ".join(f"{k}={v}" for k, v in filled.items() if v))
    for e in errors[:20]:
        print("error:", e)
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
