//! The text layer: one [`Document`] owns an article's text and carries its paragraphs,
//! sentences and tokens as byte [`Span`]s.
//!
//! Every recogniser reads this layer; none of them re-splits the text. Offsets stay in bytes
//! inside the engine (slicing is free) and are converted to Unicode code points exactly once,
//! when the record is written, by [`OffsetMap`].

mod offsets;
mod segment;
mod tokenize;

pub use offsets::OffsetMap;
pub use segment::{is_abbreviation, split_paragraphs, split_sentences};
pub use tokenize::{Token, TokenKind, tokenize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A sentence: its span, the paragraph it belongs to, and the range of its tokens in
/// [`Document::tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    pub tokens: std::ops::Range<usize>,
}

/// An article's text with its segmentation. Built once, read by every recogniser.
#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

impl Document {
    /// Segments `text` into paragraphs, sentences and tokens.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let paragraphs = split_paragraphs(&text);
        let mut sentences = Vec::new();
        let mut tokens = Vec::new();
        for (pi, para) in paragraphs.iter().enumerate() {
            for span in split_sentences(&text, *para) {
                let sent_tokens = tokenize(&text, span);
                for chunk in bounded_chunks(&text, &sent_tokens) {
                    let first = tokens.len();
                    tokens.extend_from_slice(chunk);
                    let span = Span::new(chunk[0].span.start, chunk[chunk.len() - 1].span.end);
                    sentences.push(Sentence { span, paragraph: pi, tokens: first..tokens.len() });
                }
            }
        }
        Document { text, paragraphs, sentences, tokens }
    }

    /// The text under a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    /// Index of the sentence containing byte offset `pos` (the last one starting at or
    /// before it), or `None` for an empty document.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        if self.sentences.is_empty() {
            return None;
        }
        let i = self.sentences.partition_point(|s| s.span.start <= pos);
        Some(i.saturating_sub(1))
    }

    /// Index of the first token whose span starts at or after `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
}

/// The most tokens a sentence may hold. Real news sentences stay far below it (one of
/// 100 tokens is rare); text without punctuation (lists, tables, scraped junk) would
/// otherwise make one "sentence" of a whole article, and every recogniser's work within a
/// sentence would grow with its square.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Splits a sentence's tokens into chunks of at most [`MAX_SENTENCE_TOKENS`], cutting after
/// the last `;`, `,`, `:` or dash in the second half of each chunk when there is one.
fn bounded_chunks<'t>(text: &str, tokens: &'t [Token]) -> Vec<&'t [Token]> {
    let mut out = Vec::new();
    let mut rest = tokens;
    while rest.len() > MAX_SENTENCE_TOKENS {
        let window = &rest[..MAX_SENTENCE_TOKENS];
        let cut = window
            .iter()
            .rposition(|t| t.kind == TokenKind::Punct && matches!(&text[t.span.start..t.span.end], ";" | "," | ":" | "—" | "–" | "-"))
            .filter(|&i| i >= MAX_SENTENCE_TOKENS / 2)
            .map_or(MAX_SENTENCE_TOKENS, |i| i + 1);
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_layers_nest() {
        let doc = Document::new("Mr. Smith went to Washington. He said “no.”\n\nA new paragraph here.");
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.sentences.len(), 3);
        for s in &doc.sentences {
            assert!(doc.paragraphs[s.paragraph].contains(s.span));
            for t in doc.sentence_tokens(s) {
                assert!(s.span.contains(t.span));
            }
        }
        assert_eq!(doc.slice(doc.sentences[0].span), "Mr. Smith went to Washington.");
        assert_eq!(doc.sentence_at(doc.text.find("He").unwrap()), Some(1));
    }

    #[test]
    fn overlong_sentences_are_cut_into_bounded_chunks() {
        let words: Vec<String> = (0..1000).map(|i| if i % 200 == 199 { "x,".to_string() } else { format!("w{i}") }).collect();
        let doc = Document::new(words.join(" "));
        assert!(doc.sentences.len() >= 4);
        let mut covered = 0;
        for s in &doc.sentences {
            assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS);
            covered += s.tokens.len();
            assert!(doc.sentence_tokens(s).iter().all(|t| s.span.contains(t.span)));
        }
        assert_eq!(covered, doc.tokens.len(), "no token is lost");
        // The first cut falls after the comma in the second half of the window.
        assert!(doc.slice(doc.sentences[0].span).ends_with("x,"));
    }

    #[test]
    fn empty_document() {
        let doc = Document::new("");
        assert!(doc.sentences.is_empty());
        assert_eq!(doc.sentence_at(0), None);
    }
}
