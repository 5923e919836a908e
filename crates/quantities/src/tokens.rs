//! A sentence's tokens as the recognisers here read them: text, lower-cased text and kind,
//! with byte offsets into the document.

use newsgraph_text::{Document, Sentence, TokenKind};

#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// ASCII-lower-cased text (same byte length as `text`).
    pub lower: &'a str,
    pub kind: TokenKind,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// The tokens of one sentence. `lower` is the whole document text lower-cased with
/// `to_ascii_lowercase`, which keeps every byte offset valid.
pub fn sentence_tokens<'a>(doc: &'a Document, lower: &'a str, sentence: &Sentence) -> Vec<Tok<'a>> {
    doc.sentence_tokens(sentence)
        .iter()
        .map(|t| Tok { start: t.span.start, end: t.span.end, text: &doc.text[t.span.start..t.span.end], lower: &lower[t.span.start..t.span.end], kind: t.kind })
        .collect()
}

/// True when tokens `a` and `b` (a before b) touch, with no space between them.
pub fn touching(toks: &[Tok], a: usize, b: usize) -> bool {
    match (toks.get(a), toks.get(b)) {
        (Some(x), Some(y)) => x.end == y.start,
        _ => false,
    }
}

/// Lower-cased text of token `i`, or "" outside the sentence.
pub fn low<'a>(toks: &[Tok<'a>], i: usize) -> &'a str {
    toks.get(i).map_or("", |t| t.lower)
}

/// Lower-cased text of the token before `i`, or "" at the sentence start.
pub fn low_before<'a>(toks: &[Tok<'a>], i: usize) -> &'a str {
    if i == 0 { "" } else { low(toks, i - 1) }
}

/// True when the tokens starting at `i` spell `words` (lower case).
pub fn matches_at(toks: &[Tok], i: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(k, w)| toks.get(i + k).is_some_and(|t| t.lower == *w))
}

/// True when the tokens ending just before `end` spell `words`; returns the first index.
pub fn matches_before(toks: &[Tok], end: usize, words: &[&str]) -> Option<usize> {
    let start = end.checked_sub(words.len())?;
    matches_at(toks, start, words).then_some(start)
}
