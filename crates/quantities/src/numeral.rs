//! Unicode traps around digits, decided before a number is read.
//!
//! The text layer makes a number token of ASCII digits only. Everything else that looks like a
//! digit reaches us as separate tokens touching one another: "1\u{301},000\u{308}" (digits
//! carrying combining marks) arrives as "1", "\u{301}", ",", "000", "\u{308}"; "١٬٠٠٠" (Arabic-
//! Indic digits with the Arabic thousands separator) as "١", "٬", "٠٠٠"; "10²" as "10", "²".
//! Read token by token these give wrong values ("000" → 0, "10²" → 10), so a run of touching
//! digit-like tokens is judged whole here:
//! - digits of one script outside ASCII (table `lexicons/quantities/digit_zeros.tsv`) are read
//!   as their ASCII equivalents, with the Arabic separators mapped to "," and ".";
//! - a run holding a combining mark, mixing scripts, or followed by a superscript or other
//!   non-decimal numeral is not read at all: its intended value is unknown (a struck-through
//!   digit, a power, a footnote), and no value is better than a wrong one.
//!
//! Spaces used as thousands separators (no-break, narrow no-break, thin, figure and punctuation
//! spaces) are handled where space-grouped digits are read, in `number`.

use crate::tokens::{Tok, touching};
use newsgraph_text::TokenKind;
use std::sync::LazyLock;

/// The code point of each listed script's digit zero.
static ZEROS: LazyLock<Vec<u32>> = LazyLock::new(|| {
    include_str!("../../../lexicons/quantities/digit_zeros.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| u32::from_str_radix(l.split('\t').next()?.trim(), 16).ok())
        .collect()
});

/// The digit's script (its zero's code point) and value, for ASCII and the listed scripts.
pub fn decimal_digit(c: char) -> Option<(u32, u32)> {
    if c.is_ascii_digit() {
        return Some(('0' as u32, c as u32 - '0' as u32));
    }
    let cp = c as u32;
    ZEROS.iter().find(|&&z| (z..z + 10).contains(&cp)).map(|&z| (z, cp - z))
}

/// Combining marks and variation selectors: never part of a plain number.
pub fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// Thousands and decimal separators that may stand between digits of a run: ASCII, Arabic
/// (U+066C, U+066B) and full-width (U+FF0C, U+FF0E).
fn separator(s: &str) -> Option<char> {
    match s {
        "," | "\u{66C}" | "\u{FF0C}" => Some(','),
        "." | "\u{66B}" | "\u{FF0E}" => Some('.'),
        _ => None,
    }
}

/// A token made only of non-ASCII digits and marks (the text layer keeps marks inside words).
pub fn digit_word(t: &Tok) -> bool {
    t.kind == TokenKind::Word && !t.text.is_ascii() && t.text.chars().all(|c| is_mark(c) || decimal_digit(c).is_some()) && !t.text.chars().all(is_mark)
}

/// A token that belongs to a run of digits: digits in any script, or a lone combining mark.
fn digitish(t: &Tok) -> bool {
    t.kind == TokenKind::Number || digit_word(t) || (!t.text.is_empty() && t.text.chars().all(is_mark))
}

/// How the number starting at token `i` must be read.
#[derive(Debug, PartialEq)]
pub enum Run {
    /// Plain ASCII digits with nothing odd touching them: read as usual.
    Plain,
    /// Not a number we may read (marks, mixed scripts, a superscript, or the middle of a run).
    Reject,
    /// Digits from another script, rewritten in ASCII, ending before token `end`.
    Ascii(String, usize),
}

/// Judges the run of touching digit-like tokens starting at `i`.
pub fn run_at(toks: &[Tok], i: usize) -> Run {
    let Some(t) = toks.get(i) else { return Run::Reject };
    if !digitish(t) {
        return Run::Plain;
    }
    // The middle of a run ("000" in "1\u{301},000"): its start decided for it.
    if i > 0 && touching(toks, i - 1, i) {
        let p = &toks[i - 1];
        let sep_after_digits = separator(p.text).is_some() && i > 1 && touching(toks, i - 2, i - 1) && digitish(&toks[i - 2]);
        if digitish(p) || sep_after_digits {
            return Run::Reject;
        }
    }
    let mut out = String::new();
    let mut script: Option<u32> = None;
    let mut plain = true;
    let mut j = i;
    loop {
        let tok = &toks[j];
        if tok.kind == TokenKind::Number {
            // Glued letters ("28th", "1.5bn") are read by `number`; only the digits matter here.
            if tok.text.chars().any(is_mark) {
                return Run::Reject;
            }
            if script.is_some_and(|s| s != '0' as u32) {
                return Run::Reject;
            }
            script = Some('0' as u32);
            out.push_str(tok.text);
        } else if digit_word(tok) {
            plain = false;
            for c in tok.text.chars() {
                let Some((z, v)) = decimal_digit(c) else { return Run::Reject };
                if script.is_some_and(|s| s != z) {
                    return Run::Reject;
                }
                script = Some(z);
                out.push(char::from_digit(v, 10).unwrap_or('0'));
            }
        } else {
            // A lone combining mark.
            return Run::Reject;
        }
        j += 1;
        if j >= toks.len() || !touching(toks, j - 1, j) {
            break;
        }
        let next = &toks[j];
        if digitish(next) {
            continue;
        }
        // A separator joins only when digits follow it, touching.
        if let Some(sep) = separator(next.text)
            && toks.get(j + 1).is_some_and(|d| digitish(d) && touching(toks, j, j + 1))
        {
            out.push(sep);
            j += 1;
            continue;
        }
        // "10²", "3¹": a superscript or other numeral glued on; vulgar fractions ("2½") are read
        // as mixed numbers by `number`.
        let mut cs = next.text.chars();
        if let Some(c) = cs.next()
            && c.is_numeric()
            && !(crate::number::is_vulgar(c) && cs.next().is_none())
        {
            return Run::Reject;
        }
        break;
    }
    // "1-۵٣": a range or fraction whose other end we refuse is refused whole, rather than
    // read as the lone "1".
    if j + 1 < toks.len()
        && matches!(toks[j].text, "-" | "–" | "—" | "/")
        && touching(toks, j - 1, j)
        && touching(toks, j, j + 1)
        && digitish(&toks[j + 1])
        && run_at(toks, j + 1) == Run::Reject
    {
        return Run::Reject;
    }
    if plain && j == i + 1 { Run::Plain } else { Run::Ascii(out, j) }
}

/// True when the text may hold a digit outside ASCII, so that a sentence without ASCII digits
/// is still read.
pub fn has_other_digits(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(|c| !c.is_ascii() && decimal_digit(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::sentence_tokens;
    use newsgraph_text::Document;

    fn runs(text: &str) -> Vec<Run> {
        let doc = Document::new(text);
        let lower = doc.text.to_ascii_lowercase();
        let toks = sentence_tokens(&doc, &lower, &doc.sentences[0]);
        (0..toks.len()).filter(|&i| digitish(&toks[i])).map(|i| run_at(&toks, i)).collect()
    }

    #[test]
    fn digits_of_other_scripts_are_rewritten() {
        assert_eq!(decimal_digit('٣'), Some((0x660, 3)));
        assert_eq!(decimal_digit('７'), Some((0xFF10, 7)));
        assert_eq!(decimal_digit('²'), None);
        assert_eq!(runs("١٢٣ people"), vec![Run::Ascii("123".into(), 1)]);
        assert_eq!(runs("١٬٢٠٠ people")[0], Run::Ascii("1,200".into(), 3));
        assert_eq!(runs("１２ cars"), vec![Run::Ascii("12".into(), 1)]);
        assert_eq!(runs("１，２００．５ cars")[0], Run::Ascii("1,200.5".into(), 5));
        assert_eq!(runs("12 cars"), vec![Run::Plain]);
    }

    /// Random mixes of digits, marks and separators: never a panic, never a span off a
    /// character boundary, never a value read through a combining mark.
    #[test]
    fn random_digit_soup_is_safe() {
        let pieces = [
            "1", "0", "7", "\u{663}", "\u{6F5}", "\u{FF19}", "\u{66C}", "\u{66B}", ",", ".", "\u{301}", "\u{20E3}", "²", "½", " ", "\u{a0}", "\u{2009}",
            " people", " million", "-", "/", "%", "\u{66A}", "k", "m",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..12 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            for q in crate::recognise(&Document::new(&t), &[], &[], &[]) {
                assert!(t.is_char_boundary(q.span[0]) && t.is_char_boundary(q.span[1]) && q.span[0] <= q.span[1], "{t:?}");
                // The number itself: its digits, separators and any marks among them.
                let number: Vec<char> = q.text.chars().take_while(|&c| decimal_digit(c).is_some() || is_mark(c) || ",.\u{66B}\u{66C}".contains(c)).collect();
                assert!(!number.iter().any(|&c| is_mark(c)), "a value read through a mark in {t:?}: {q:?}");
            }
        }
    }

    #[test]
    fn marks_mixtures_and_superscripts_are_refused() {
        // Every piece of a marked number is refused, its tail ("000") included.
        assert!(runs("1\u{301},000\u{308} people").iter().all(|r| *r == Run::Reject));
        assert!(runs("1٢3 people").iter().all(|r| *r == Run::Reject));
        assert_eq!(runs("10² km")[0], Run::Reject);
        assert_eq!(runs("5\u{336} died")[0], Run::Reject);
        assert_eq!(runs("1-\u{6F5}\u{663} people")[0], Run::Reject);
        assert_eq!(runs("1-2 people")[0], Run::Plain);
    }
}
