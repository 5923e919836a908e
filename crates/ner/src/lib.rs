//! A statistical named-entity tagger. Mentions only: grouping mentions into entities,
//! titles and coreference happen in `newsgraph-entities`.

use newsgraph_record::EntityType;
use newsgraph_text::{Document, Span};

/// One tagged name in the text (byte span) with its type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NameMention {
    pub span: Span,
    pub kind: EntityType,
    /// The tagger's confidence in [0, 1].
    pub score: f32,
}

/// Tags the names in a document, in text order, non-overlapping.
pub fn tag(doc: &Document) -> Vec<NameMention> {
    let _ = doc;
    Vec::new()
}
