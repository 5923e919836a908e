"""Flattening records into one table per fact kind: the Parquet layout shared by the Spark
job and the store's export.

Every table starts with the article's `article_id` and `article_date` (its publication date,
the partition column: `<out>/<kind>/article_date=YYYY-MM-DD/*.parquet`), followed by the
fact's own fields exactly as in the record contract (spans stay two-element lists).
The `articles` table holds the article-level fields.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

FACT_KINDS = ("entities", "quotes", "quantities", "times", "events")
ARTICLE_FIELDS = ("id", "url", "title", "outlet", "date", "date_source", "lang")


def fact_tables(records: pa.RecordBatch | pa.Table) -> dict[str, pa.Table]:
    """Split a batch of records (from `extract_arrow`) into `articles` and one table per
    fact kind, each row keyed by `article_id` and `article_date`."""
    table = records if isinstance(records, pa.Table) else pa.Table.from_batches([records])
    articles = table.select(list(ARTICLE_FIELDS)).rename_columns(["article_id", *ARTICLE_FIELDS[1:]])
    out = {"articles": articles.append_column("article_date", table.column("date"))}
    for kind in FACT_KINDS:
        col = table.column(kind).combine_chunks()
        parents = pc.list_parent_indices(col)
        flat = pc.list_flatten(col)
        facts = pa.Table.from_struct_array(flat) if len(flat) else _empty_struct_table(col.type.value_type)
        ids = pc.take(table.column("id"), parents)
        dates = pc.take(table.column("date"), parents)
        out[kind] = facts.add_column(0, "article_id", ids).add_column(1, "article_date", dates)
    return out


def _empty_struct_table(struct_type: pa.StructType) -> pa.Table:
    return pa.table({f.name: pa.array([], type=f.type) for f in struct_type})
