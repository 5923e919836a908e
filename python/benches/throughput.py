"""Throughput of the Python binding and the Spark job, against the CLI in the same run.

    python python/benches/throughput.py [--articles N] [--skip-spark]

Reads the BBC corpus (../shared/data/corpus/bbc-news-2225, research use; not shipped), and
prints articles/s for: the CLI (`newsgraph extract -j1`), `extract_arrow` on one thread
(RAYON_NUM_THREADS=1) with the binding's overhead in %, and the Spark job in local[1] and
local[2] with the speed-up. The machine is shared and noisy: compare figures of one run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BBC = ROOT.parent / "shared/data/corpus/bbc-news-2225/bbc_news_2225.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2225)
    ap.add_argument("--skip-spark", action="store_true")
    ap.add_argument("--bin", default=str(ROOT / "target/release/newsgraph"))
    args = ap.parse_args()
    rows = [json.loads(l) for l in gzip.open(BBC, "rt", encoding="utf-8")][: args.articles]
    arts = [{"id": r["id"], "text": r["text"], "title": r.get("title")} for r in rows]
    n = len(arts)
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    src = tmp / "bbc.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")

    t = time.perf_counter()
    subprocess.run([args.bin, "extract", "--quiet", "-j", "1", str(src), "-o", str(tmp / "cli.jsonl")], check=True)
    cli = n / (time.perf_counter() - t)
    print(f"cli -j1            {cli:8.1f} articles/s")

    os.environ["RAYON_NUM_THREADS"] = "1"
    import pyarrow as pa

    import newsgraph

    batch = pa.RecordBatch.from_pydict({k: pa.array([a.get(k) for a in arts], pa.string()) for k in ("id", "text", "title")})
    t = time.perf_counter()
    for i in range(0, n, 256):
        newsgraph.extract_arrow(batch.slice(i, 256))
    arrow = n / (time.perf_counter() - t)
    print(f"extract_arrow 1t   {arrow:8.1f} articles/s  (binding overhead {100 * (cli / arrow - 1):+.1f} % vs cli -j1)")

    if not args.skip_spark:
        from pyspark.sql import SparkSession

        from newsgraph.spark import run

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        rates = {}
        for cores in (1, 2):
            spark = SparkSession.builder.master(f"local[{cores}]").config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate()
            run(spark, [str(src)], str(tmp / "warm"), "jsonl", partitions=cores)  # JVM and worker warm-up
            t = time.perf_counter()
            run(spark, [str(src)], str(tmp / f"out{cores}"), "jsonl", partitions=2 * cores)
            rates[cores] = n / (time.perf_counter() - t)
            spark.stop()
            print(f"spark local[{cores}]     {rates[cores]:8.1f} articles/s")
        print(f"spark speed-up local[2]/local[1]: {rates[2] / rates[1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
