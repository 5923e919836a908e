//! Time expressions recognised and normalised to TIMEX3 against the publication date.

use newsgraph_record::Time;
use newsgraph_text::Document;

/// A calendar date (publication date, resolved anchors).
pub use jiff::civil::Date;

/// Finds every time expression in `doc`, resolving values against `dct` (the document
/// creation time, i.e. the publication date) when it is known. Spans are byte offsets.
pub fn recognise(doc: &Document, dct: Option<Date>) -> Vec<Time> {
    let _ = (doc, dct);
    Vec::new()
}

/// Infers the publication date from the text when metadata lacks it (datelines,
/// "Monday (28)"-style weekday/day pairs, the latest dated reference).
pub fn infer_publication_date(doc: &Document) -> Option<Date> {
    let _ = doc;
    None
}
