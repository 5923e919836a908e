//! Quotes: direct, partial and reported speech, each with its speaker.

use newsgraph_record::{Entity, Quote};
use newsgraph_text::Document;

/// Finds quotes and reported speech; speakers are resolved to `entities` where possible.
/// Spans are byte offsets.
pub fn recognise(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    let _ = (doc, entities);
    Vec::new()
}
