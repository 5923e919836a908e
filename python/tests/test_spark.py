"""The Spark job (local mode) writes the same rows as `newsgraph extract`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import newsgraph
from newsgraph.tables import FACT_KINDS

REPO = Path(__file__).resolve().parents[2]
SAMPLES = [REPO / "samples" / "seed.jsonl", REPO / "samples" / "wikinews-meantime.jsonl"]

pyspark = pytest.importorskip("pyspark") if not os.environ.get("CI") else __import__("pyspark")


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Workers must run the interpreter that has newsgraph installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    s = (
        SparkSession.builder.master("local[2]")
        .appName("newsgraph-test")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    yield s
    s.stop()


def _rows(table: pa.Table) -> list[str]:
    cols = sorted(table.column_names)
    return sorted(json.dumps({c: r[c] for c in cols}, sort_keys=True) for r in table.select(cols).to_pylist())


def test_spark_job_rows_equal_cli(spark, tmp_path: Path, cli_records):
    from newsgraph.spark import run

    counts = run(spark, [str(p) for p in SAMPLES], str(tmp_path / "out"), "jsonl", partitions=4)
    assert counts["articles"] == len(cli_records)
    # The CLI's records, flattened the same way (through the Arrow schema).
    texts = {json.loads(l)["id"]: json.loads(l) for p in SAMPLES for l in p.read_text(encoding="utf-8").splitlines() if l.strip()}
    ids = [r["id"] for r in cli_records]
    cols = {k: pa.array([texts[i].get(k) for i in ids], pa.string()) for k in ("id", "text", "date", "title", "url")}
    want = newsgraph.fact_tables(newsgraph.extract_arrow(pa.RecordBatch.from_pydict(cols)))
    for kind in FACT_KINDS:
        assert counts[kind] == sum(len(r[kind]) for r in cli_records), kind
        got = pq.read_table(tmp_path / "out" / kind) if counts[kind] else want[kind].slice(0, 0)
        # Partition columns come back as dictionary/other types; compare as text.
        got = got.set_column(got.column_names.index("article_date"), "article_date", got.column("article_date").cast(pa.string())) if counts[kind] else got
        assert _rows(got.select(want[kind].column_names)) == _rows(want[kind]), kind
