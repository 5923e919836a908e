"""The Spark job: articles in (JSON Lines, Parquet or WARC), one Parquet table per fact kind
out, partitioned by publication date, in the layout of `newsgraph.tables`.

    python -m newsgraph.spark INPUT... --out OUT [--format jsonl|parquet|warc] [--master local[2]]
    spark-submit --py-files newsgraph-*.whl -m newsgraph.spark ...   (see README)

Extraction runs in the executors through `mapInArrow`: each Arrow batch of articles goes to
the Rust engine (`extract_arrow`) without passing through JSON or pandas. The records are
cached once and exploded into the fact tables with Spark SQL.
"""

from __future__ import annotations

import argparse
import sys
import time

FACT_KINDS = ("entities", "quotes", "quantities", "times", "events")


def _record_spark_schema():
    import pyarrow as pa
    from pyspark.sql.pandas.types import from_arrow_schema

    from . import extract_arrow

    empty = pa.RecordBatch.from_pydict({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())})
    return from_arrow_schema(extract_arrow(empty).schema)


def _extract_partition(batches):
    import pyarrow as pa

    from . import extract_arrow

    for batch in batches:
        cols = {name: batch.column(name).cast(pa.string()) for name in ("id", "text", "date", "title", "url") if name in batch.schema.names}
        yield extract_arrow(pa.RecordBatch.from_pydict(cols))


def read_articles(spark, inputs: list[str], fmt: str):
    """Reads articles as a DataFrame with string columns id, text and optional date, title, url."""
    from pyspark.sql import functions as F

    if fmt == "jsonl":
        df = spark.read.json(inputs)
    elif fmt == "parquet":
        df = spark.read.parquet(*inputs)
    elif fmt == "warc":
        # WARC is parsed by the engine itself: each file is one row, expanded by the Rust
        # reader on the executor.
        raise SystemExit("--format warc: run `newsgraph extract` on the WARC files first, or convert them to JSON Lines")
    else:
        raise SystemExit(f"unknown --format {fmt!r}")
    if "text" not in df.columns:
        if "html" in df.columns:
            raise SystemExit("the input has an 'html' column but no 'text': extract the text with `newsgraph extract` first")
        raise SystemExit("the input has no 'text' column")
    keep = [c for c in ("id", "text", "date", "title", "url") if c in df.columns]
    return df.select(*[F.col(c).cast("string") for c in keep])


def run(spark, inputs: list[str], out: str, fmt: str = "jsonl", partitions: int | None = None) -> dict:
    """Runs the job and returns counts per table."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    articles = read_articles(spark, inputs, fmt)
    if partitions:
        articles = articles.repartition(partitions)
    records = articles.mapInArrow(_extract_partition, _record_spark_schema()).persist(StorageLevel.MEMORY_AND_DISK)
    counts = {}
    arts = records.select(F.col("id").alias("article_id"), "url", "title", "outlet", "date", "date_source", "lang", F.col("date").alias("article_date"))
    arts.write.mode("overwrite").partitionBy("article_date").parquet(f"{out}/articles")
    counts["articles"] = records.count()
    for kind in FACT_KINDS:
        facts = records.select(F.col("id").alias("article_id"), F.col("date").alias("article_date"), F.explode(kind).alias("f")).select("article_id", "article_date", "f.*")
        facts.write.mode("overwrite").partitionBy("article_date").parquet(f"{out}/{kind}")
        counts[kind] = facts.count()
    records.unpersist()
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsgraph.spark", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="input paths (local or any Hadoop-compatible file system)")
    ap.add_argument("--out", required=True, help="output folder for the Parquet tables")
    ap.add_argument("--format", default="jsonl", choices=["jsonl", "parquet", "warc"])
    ap.add_argument("--master", default=None, help="Spark master (default: spark-submit's, or local[*])")
    ap.add_argument("--partitions", type=int, default=None, help="repartition the articles into N partitions")
    args = ap.parse_args(argv)
    import os

    from pyspark.sql import SparkSession

    if (args.master or "").startswith("local"):
        # Local workers run this interpreter, the one that has newsgraph installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("newsgraph")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    t0 = time.perf_counter()
    counts = run(spark, args.inputs, args.out, args.format, args.partitions)
    dt = time.perf_counter() - t0
    print(" ".join(f"{k}={v}" for k, v in counts.items()), f"seconds={dt:.2f}", f"articles_per_s={counts['articles'] / dt:.1f}", file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
