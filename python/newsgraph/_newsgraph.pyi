from typing import Any, Optional

import pyarrow as pa

__version__: str

def extract(
    text: str,
    date: Optional[str] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
    id: Optional[str] = None,
) -> dict[str, Any]:
    """Analyse one article and return its record (shared/spec/README.md).

    `date` is the publication date (ISO 8601; times are resolved against it). Spans in the
    record are Python string indices into `text`. The GIL is released while Rust works.
    Raises ValueError for a date that is not recognisable.
    """

def extract_arrow(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Analyse a batch of articles (string columns `id`, `text`, optional `date`, `title`,
    `url`) and return one record per row, in order, with the facts as list<struct> columns.

    Articles are analysed in parallel with the GIL released; nothing passes through JSON.
    Raises ValueError for a missing column or a null id, TypeError for a non-string column.
    """
