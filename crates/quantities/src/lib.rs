//! Quantities: counts and measures, each a claim with hedge, category, place and claimant.

use newsgraph_record::{Entity, Quantity, Quote, Time};
use newsgraph_text::Document;

/// Finds counted and measured quantities. The claimant comes from the reported speech a
/// quantity sits in (`quotes`), its place from `entities`, its date from `times`.
/// Spans are byte offsets.
pub fn recognise(doc: &Document, entities: &[Entity], quotes: &[Quote], times: &[Time]) -> Vec<Quantity> {
    let _ = (doc, entities, quotes, times);
    Vec::new()
}
