"""newsgraph: reads news articles and writes down, with evidence, what they claim.

The work is done by the Rust engine; this package is a thin layer over it.

>>> import newsgraph
>>> rec = newsgraph.extract("The mayor said 26 buses left on Monday.", date="2022-03-28")
>>> sorted(rec)[:3]
['date', 'date_source', 'entities']
"""

from ._newsgraph import __version__, extract, extract_arrow
from .tables import FACT_KINDS, fact_tables

__all__ = ["__version__", "extract", "extract_arrow", "fact_tables", "FACT_KINDS"]
