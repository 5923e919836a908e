//! The text layer on arbitrary UTF-8: every paragraph, sentence and token span must lie
//! inside the text, on char boundaries, in order; the code-point map must agree with
//! `str::chars`.
#![no_main]

use newsgraph_text::{Document, OffsetMap, Span};

fn check(text: &str, s: Span) {
    assert!(s.start <= s.end && s.end <= text.len(), "span {s:?} outside {} bytes", text.len());
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span {s:?} splits a char");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Document::new(text);
    let t = doc.text.as_str();
    for p in &doc.paragraphs {
        check(t, *p);
    }
    let mut last = 0;
    for s in &doc.sentences {
        check(t, s.span);
        assert!(s.span.start >= last, "sentences out of order");
        last = s.span.end;
        assert!(s.tokens.end <= doc.tokens.len() && s.tokens.start <= s.tokens.end);
    }
    let mut last = 0;
    for tok in &doc.tokens {
        check(t, tok.span);
        assert!(tok.span.start >= last && tok.span.start < tok.span.end, "tokens out of order or empty");
        last = tok.span.end;
    }
    let map = OffsetMap::new(t);
    assert_eq!(map.to_char(t.len()), t.chars().count());
});
