"""The Python binding gives exactly what the CLI gives."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

import newsgraph
from newsgraph.tables import FACT_KINDS

SCHEMA_FIELDS = None


def _norm(x):
    """JSON round trip (tuples → lists), and absent optional fields the same as null: the
    Arrow schema has a column for every field, while the record omits some empty ones."""
    def drop_none(v):
        if isinstance(v, dict):
            return {k: drop_none(a) for k, a in v.items() if a is not None}
        if isinstance(v, list):
            return [drop_none(a) for a in v]
        return v
    return drop_none(json.loads(json.dumps(x)))


def _project(record: dict, like: dict) -> dict:
    """Keeps only the keys `like` has, recursively through fact lists (the Arrow schema
    carries the contract's fields; the engine may add more)."""
    out = {}
    for k, v in like.items():
        r = record.get(k)
        if isinstance(v, list) and v and isinstance(v[0], dict) and isinstance(r, list):
            out[k] = [_project(a, b) for a, b in zip(r, v)]
        else:
            out[k] = r
    return out


def test_extract_equals_cli_on_the_seed(articles, cli_records):
    seed = articles[0]
    rec = newsgraph.extract(seed["text"], date=seed["date"], id=seed["id"], title=seed.get("title"), url=seed.get("url"))
    assert _norm(rec) == _norm(cli_records[0])
    assert rec["id"] == "seed-000" and rec["date"] == "2022-03-28"


def test_arrow_batch_equals_cli(articles, cli_records):
    cols = {k: pa.array([a.get(k) for a in articles], pa.string()) for k in ("id", "text", "date", "title", "url")}
    out = newsgraph.extract_arrow(pa.RecordBatch.from_pydict(cols))
    assert out.num_rows == len(articles)
    rows = out.to_pylist()
    for got, want in zip(rows, cli_records):
        # The Arrow schema holds the contract's fields; compare those (outlet is not an input column).
        got, want = _norm(got), _norm(want)
        for kind in FACT_KINDS:
            assert len(got[kind]) == len(want[kind]), (want["id"], kind)
            for g, w in zip(got[kind], want[kind]):
                assert {k: g[k] for k in g if k in w} == {k: w[k] for k in g if k in w}, (want["id"], kind)
        assert (got["id"], got.get("date"), got["date_source"]) == (want["id"], want.get("date"), want["date_source"])


def test_fact_tables_flatten_every_fact(articles, cli_records):
    cols = {k: pa.array([a.get(k) for a in articles], pa.string()) for k in ("id", "text", "date")}
    tables = newsgraph.fact_tables(newsgraph.extract_arrow(pa.RecordBatch.from_pydict(cols)))
    assert tables["articles"].num_rows == len(articles)
    for kind in FACT_KINDS:
        assert tables[kind].num_rows == sum(len(r[kind]) for r in cli_records), kind
        assert tables[kind].column_names[:2] == ["article_id", "article_date"]


def test_bad_batches_raise_clear_errors():
    with pytest.raises(ValueError, match="no \"text\" column"):
        newsgraph.extract_arrow(pa.RecordBatch.from_pydict({"id": pa.array(["a"])}))
    with pytest.raises(TypeError, match="must be of type string"):
        newsgraph.extract_arrow(pa.RecordBatch.from_pydict({"id": pa.array([1]), "text": pa.array(["x"])}))
    with pytest.raises(ValueError, match="is null"):
        newsgraph.extract_arrow(pa.RecordBatch.from_pydict({"id": pa.array([None], pa.string()), "text": pa.array(["x"])}))
    with pytest.raises(ValueError, match="not a recognisable date"):
        newsgraph.extract("text", date="someday")


def test_spans_are_python_string_indices():
    text = "Zelensky’s 😀 talks: “We are ready,” he said on Monday."
    rec = newsgraph.extract(text, date="2022-03-28")
    for kind in ("quotes", "times", "quantities", "events"):
        for f in rec[kind]:
            s, e = f["span"]
            if f.get("text") is not None and kind != "quotes":
                assert text[s:e] == f["text"], (kind, f)
