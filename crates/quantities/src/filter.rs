//! What is not a quantity: years, dates, clock times, durations, ages, identifiers ("Article
//! 5", "Boeing 737"), addresses, phone numbers and referential small numbers ("the two sides").
//!
//! Each check reads the words around a parsed number; the time layer's expressions are honoured
//! first, so a number the time recogniser claimed ("two weeks", "March 10") is never counted.

use crate::lexicon::LEXICON;
use crate::number::{Form, Parsed};
use crate::tokens::{Tok, low, low_before, touching};
use newsgraph_text::TokenKind;

/// What the filter needs to know about a candidate besides its tokens.
pub struct Candidate<'p> {
    pub parsed: &'p Parsed,
    /// First token of the quantity with its hedge and currency sign.
    pub lead: usize,
    /// One past the number, its unit and hedge.
    pub tail: usize,
    pub has_unit: bool,
    pub is_range: bool,
}

/// True when the candidate is not a count or measure.
pub fn reject(toks: &[Tok], c: &Candidate, times: &[[usize; 2]]) -> bool {
    let p = c.parsed;
    let (s, e) = (p.byte_start, p.byte_end);
    let prev = low_before(toks, p.start);
    let next = low(toks, p.end);
    // The time layer's expressions win, except over a share ("a quarter of the population")
    // or a measured amount, which no time expression is.
    let share = p.form == Form::Fraction && low(toks, c.tail) == "of";
    // A time expression that starts inside a longer number ("3 million and a quarter") does
    // not take it.
    if !share && !c.has_unit && times.iter().any(|t| t[0] < e && s < t[1] && t[0] <= s) {
        return true;
    }
    let lex = &*LEXICON;
    // Dates and times written with separators: "5/17/2018", "24/7", "8:30", "2022-03-28".
    if (prev == "/" || prev == ":") && touching(toks, p.start - 1, p.start) {
        return true;
    }
    if (next == "/" || next == ":" || next == ".")
        && touching(toks, p.end - 1, p.end)
        && toks.get(p.end + 1).is_some_and(|t| t.is_number() && touching(toks, p.end, p.end + 1))
    {
        return true;
    }
    if lex.is("clock", next) && !c.has_unit {
        return true;
    }
    // Durations and ages: "two weeks", "24-hour", "30-year-old", "half an hour".
    if !c.has_unit && is_time_unit_after(toks, p) {
        return true;
    }
    // Dates: "March 10", "10 March", "Aug. 29", "Monday (28)".
    let month_tok = |i: usize| toks.get(i).is_some_and(|t| t.is_capitalised() && lex.is("month", t.lower));
    if p.form == Form::Digits && p.scale == 1.0 && !c.has_unit {
        if (p.start > 0 && month_tok(p.start - 1)) || month_tok(p.end) || (next == "of" && month_tok(p.end + 1)) {
            return true;
        }
        // "March 10-12": the second number of a day range.
        if p.start >= 3 && matches!(prev, "-" | "–" | "to" | "and") && month_tok(p.start - 3) {
            return true;
        }
    }
    // "(28)" after a name or a weekday: an age or a date.
    if prev == "(" && next == ")" && p.start >= 2 {
        let before = &toks[p.start - 2];
        if before.is_capitalised() && before.kind == TokenKind::Word && p.value.fract() == 0.0 && p.value < 130.0 {
            return true;
        }
    }
    // Ages: "Tom Young, 30, lay down", "aged 30".
    if p.bare_digits > 0 && p.value < 130.0 {
        if lex.is("age", prev) {
            return true;
        }
        if prev == "," && matches!(next, "," | ")" | "." | ";") && p.start >= 2 && toks[p.start - 2].is_capitalised() && toks[p.start - 2].is_word() {
            return true;
        }
    }
    // Identifiers: "Article 5", "No. 10", "Flight 17", "#3", "Boeing 737".
    if c.lead == p.start && !c.has_unit && p.form != Form::Vague {
        if lex.is("ident", prev) {
            return true;
        }
        // A name and a plain or version-like number ("Boeing 737", "Firefox 1.0").
        let version_like = p.form == Form::Digits && p.scale == 1.0 && p.value < 100.0 && p.glued_unit.is_none();
        if (p.bare_digits > 0 || version_like) && p.start > 0 {
            let t = &toks[p.start - 1];
            let sentence_start = p.start == 1;
            if t.is_word() && t.is_capitalised() && !sentence_start && !is_plural_word(toks, p.end) {
                return true;
            }
        }
    }
    // Addresses: "131 West 23rd Street".
    if p.bare_digits > 0 && is_address(toks, p.end) {
        return true;
    }
    // Years: "in 2014", "a 2014 study", "the 2016 election".
    if p.bare_digits == 4 && (1500.0..=2100.0).contains(&p.value) && !c.has_unit && !c.is_range {
        let prep = c.lead > 0 && lex.is("year_prep", low_before(toks, c.lead));
        if prep || c.lead == 0 || !is_plural_word(toks, p.end) {
            return true;
        }
    }
    // Phone numbers and codes: "+1-222", "800-273-8255" (chains are removed earlier).
    if prev == "+" && touching(toks, p.start - 1, p.start) && !c.has_unit {
        return true;
    }
    // Small numbers in words after a determiner refer back ("the two sides", "both three").
    if p.form == Form::Words && p.value <= 10.0 && c.lead == p.start && lex.is("determiner", prev) {
        return true;
    }
    // "the half", "the second half": a part of a game or a year, not a share.
    if p.form == Form::Fraction && toks[p.start].lower == "half" && matches!(prev, "the" | "first" | "second" | "other" | "this" | "that" | "each") {
        return true;
    }
    // Number words inside names: "the Group of Seven", "Ocean's Eleven".
    if p.form == Form::Words && p.start > 0 && toks[p.start].is_capitalised() {
        let t = &toks[p.start - 1];
        let opener = matches!(t.lower, "“" | "\"" | "‘" | "'" | "(" | "—" | "-" | ":" | ";");
        if !opener && (t.is_capitalised() || t.lower == "of") && !lex.hedges_before.iter().any(|h| h.words.last() == Some(&t.lower)) {
            return true;
        }
        // "the Six Nations", "Big Ten": a capitalised number word before a capitalised word.
        if !opener && toks.get(p.end).is_some_and(|n| n.is_word() && n.is_capitalised()) && p.end == p.start + 1 {
            return true;
        }
    }
    false
}

/// A time unit right after the number, also through a hyphen ("24-hour", "five-year").
fn is_time_unit_after(toks: &[Tok], p: &Parsed) -> bool {
    let lex = &*LEXICON;
    if let Some((a, b)) = p.compound_rest {
        let rest = toks[p.start].lower.get(a - toks[p.start].start..b - toks[p.start].start).unwrap_or("");
        let first = rest.split('-').next().unwrap_or("");
        return lex.is("time_unit", first) || lex.is("time_unit", rest);
    }
    let mut j = p.end;
    if low(toks, j) == "-" && touching(toks, j - 1, j) {
        j += 1;
        // "18- to 24-year-old": look past the second number.
        if matches!(low(toks, j), "to" | "and" | "or") && toks.get(j + 1).is_some_and(|t| t.is_number()) {
            j += 2;
            if low(toks, j) == "-" {
                j += 1;
            }
        }
    }
    let w = low(toks, j);
    let first = w.split('-').next().unwrap_or("");
    if lex.is("time_unit", w) || lex.is("time_unit", first) {
        return true;
    }
    // "half an hour", "a quarter century".
    p.form == Form::Fraction && matches!(w, "a" | "an") && lex.is("time_unit", low(toks, j + 1))
}

/// A lower-case word that looks like a plural noun ("people", "refugees") at token `i`.
pub fn is_plural_word(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if !t.is_word() || t.is_capitalised() {
        return false;
    }
    let w = t.lower;
    if LEXICON.is("time_unit", w) || LEXICON.is("np_stop", w) || w.ends_with("'s") || w.ends_with("’s") {
        return false;
    }
    matches!(w, "people" | "children" | "men" | "women" | "police" | "personnel" | "staff" | "cattle" | "sheep")
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
}

/// Capitalised words then a street word: "West 23rd Street", "Downing Street".
fn is_address(toks: &[Tok], from: usize) -> bool {
    for (k, t) in toks.iter().enumerate().skip(from).take(4) {
        if LEXICON.is("street", t.lower) && t.is_capitalised() {
            return k > from;
        }
        let ordinal = t.is_number() && t.text.ends_with(|c: char| c.is_alphabetic());
        if !(t.is_capitalised() || ordinal) {
            return false;
        }
    }
    false
}
