//! Paragraph and sentence segmentation.
//!
//! Rules, not a model: news prose is regular enough that a full stop, question or
//! exclamation mark followed by closing quotes, whitespace and a capital ends a sentence,
//! unless the word before it is an abbreviation ("Mr.", "Gen.", "U.S.") or an initial.
//! The abbreviation list is data (`lexicons/text/abbreviations.txt`).

use crate::Span;
use std::collections::HashSet;
use std::sync::LazyLock;

static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lexicon(include_str!("../../../lexicons/text/abbreviations.txt")));
static OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lexicon(include_str!("../../../lexicons/text/sentence_openers.txt")));

fn lexicon(src: &'static str) -> HashSet<&'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// True when `word` (without its final full stop, any case) is a known abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    ABBREVIATIONS.contains(w.as_str())
}

/// Splits text into paragraphs: maximal runs of non-blank lines are *not* merged, because
/// news text and extracted HTML put one paragraph per line. Leading and trailing
/// whitespace is trimmed from each; blank lines yield nothing.
pub fn split_paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\u{2029}' {
            push_trimmed(text, start, i, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '›')
}

fn is_opener_char(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '¿' | '¡')
}

/// Splits one paragraph (a span of `text`) into sentence spans.
pub fn split_sentences(text: &str, para: Span) -> Vec<Span> {
    let p = &text[para.start..para.end];
    let bytes: Vec<(usize, char)> = p.char_indices().collect();
    let mut out = Vec::new();
    let mut sent_start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let (pos, c) = bytes[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Extend over further terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < bytes.len() && (matches!(bytes[j].1, '.' | '!' | '?' | '…') || is_closer(bytes[j].1)) {
                j += 1;
            }
            // Need whitespace, then something that can open a sentence.
            let mut k = j;
            while k < bytes.len() && bytes[k].1.is_whitespace() {
                k += 1;
            }
            let boundary = k > j && k < bytes.len() && is_opener_char(bytes[k].1) && !(c == '.' && j == i + 1 && !period_ends(p, pos, &bytes, k));
            if boundary {
                let end = if j < bytes.len() { bytes[j].0 } else { p.len() };
                push_sentence(para.start, p, sent_start, end, &mut out);
                sent_start = bytes[k].0;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_sentence(para.start, p, sent_start, p.len(), &mut out);
    out
}

/// Decides whether the lone full stop at byte `pos` of `p` ends a sentence, given that the
/// next sentence would start at char index `next`.
fn period_ends(p: &str, pos: usize, chars: &[(usize, char)], next: usize) -> bool {
    let before = &p[..pos];
    let word_start =
        before.rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘')).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // A single capital letter is an initial ("John F. Kennedy").
    let mut wc = word.chars();
    if let (Some(first), None) = (wc.next(), wc.next())
        && first.is_uppercase()
    {
        return false;
    }
    if is_abbreviation(word) {
        if word.contains('.') {
            // "U.S." ends a sentence only before a typical opener.
            let rest = &p[chars[next].0..];
            let next_word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            return OPENERS.contains(next_word.to_lowercase().as_str());
        }
        return false;
    }
    // Acronyms written with periods but not in the list ("A.F.P.").
    if word.len() >= 3 && word.chars().filter(|&c| c == '.').count() >= 1 && word.split('.').all(|s| s.chars().count() <= 1) {
        let rest = &p[chars[next].0..];
        let next_word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        return OPENERS.contains(next_word.to_lowercase().as_str());
    }
    true
}

fn push_sentence(base: usize, p: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &p[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(base + start + lead, base + end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split_paragraphs(t).into_iter().flat_map(|p| split_sentences(t, p)).map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            sents("Gen. Mark Milley met Mr. Smith in Washington. John F. Kennedy was there. It ended."),
            vec!["Gen. Mark Milley met Mr. Smith in Washington.", "John F. Kennedy was there.", "It ended."]
        );
    }

    #[test]
    fn us_before_name_and_before_opener() {
        assert_eq!(sents("U.S. officials met. They left the U.S. The end."), vec!["U.S. officials met.", "They left the U.S.", "The end."]);
        assert_eq!(sents("The U.S. Army said so."), vec!["The U.S. Army said so."]);
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(sents("He said: “We are ready.” Then he left! Why? “Because.”"), vec!["He said: “We are ready.”", "Then he left!", "Why?", "“Because.”"]);
        assert_eq!(sents("“I think so,” he said."), vec!["“I think so,” he said."]);
    }

    #[test]
    fn paragraphs_break_sentences() {
        assert_eq!(sents("First line without stop\nSecond line.\n\n  \nThird"), vec!["First line without stop", "Second line.", "Third"]);
    }

    #[test]
    fn decimals_and_numbers() {
        assert_eq!(sents("It grew 1.5 percent. No. 10 Downing St. is here."), vec!["It grew 1.5 percent.", "No. 10 Downing St. is here."]);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in ["", ".", ". .", "…", "a.\u{0}B", "\n\n\n", "“", "A. B. C.", "x.😀 Y"] {
            let _ = sents(t);
        }
    }
}
