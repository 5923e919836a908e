//! The publication date inferred from the text, for articles whose metadata has none.
//!
//! Evidence, strongest first: a dateline (a full date near the top of the article), a
//! "Monday (28)" weekday/day pair placed against the latest full date, and the latest full
//! date written with its weekday (an article cannot predate what it reports as past; bare
//! full dates are too often history or deadlines to be trusted).

use jiff::civil::Date;
use newsgraph_text::{Document, Span};

use crate::cal;
use crate::grammar::weekday_with_day;
use crate::lexicon::{Kind, LEX, normalise};

/// How far into the text a full date still counts as a dateline.
const DATELINE_BYTES: usize = 300;

/// The inferred publication date and the span of text it rests on.
pub fn infer_publication_date_with_evidence(doc: &Document) -> Option<(Date, Span)> {
    // Every piece of evidence rests on a full date, which needs a four-digit year or a
    // slashed numeric date: without either, skip the grammar pass altogether.
    let text = doc.text.as_bytes();
    let maybe_dated = doc.tokens.iter().any(|t| {
        let w = &text[t.span.start..t.span.end];
        w == b"/" || (w.len() == 4 && w.iter().all(u8::is_ascii_digit))
    });
    if !maybe_dated {
        return None;
    }
    let hits = crate::scan(doc, None, crate::Options::default());
    let dated: Vec<(Span, Date)> = hits.iter().filter(|(_, h)| h.absolute).filter_map(|(s, h)| Some((*s, h.point?.day()?))).collect();
    if let Some(&(span, d)) = dated.first().filter(|(s, _)| is_dateline(doc, *s)) {
        return Some((d, span));
    }
    let latest = dated.iter().max_by_key(|(_, d)| *d).copied();
    if let (Some((wd, day, span)), Some((_, base))) = (weekday_day_pair(doc), latest) {
        // The pair lies on or after the latest full date mentioned, within weeks of it.
        let probe = cal::add_days(base, 20).unwrap_or(base);
        if let Some(d) = weekday_with_day(probe, wd, day).filter(|d| *d >= base) {
            return Some((d, span));
        }
    }
    // A full date written with its weekday ("Tuesday, Feb. 17, 1998") is news of the
    // week; a bare full date, even in the lead, is as often history or a deadline ("debt
    // due June 30, 1990"): on TempEval-3 it was never the publication date, so it is not
    // used.
    dated.iter().filter(|(s, _)| with_weekday(doc, *s)).max_by_key(|(_, d)| *d).map(|&(s, d)| (d, s))
}

/// True when the date at `span` begins with a weekday name.
fn with_weekday(doc: &Document, span: Span) -> bool {
    let head = &doc.text[span.start..span.end];
    let first = head.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    LEX.word(&normalise(first), Kind::Weekday).is_some()
}

/// A full date at the head of a paragraph near the top, after at most a place name
/// ("KYIV, March 28, 2022 —"): nothing before it in its paragraph is lowercase.
fn is_dateline(doc: &Document, span: Span) -> bool {
    if span.start >= DATELINE_BYTES {
        return false;
    }
    let para = doc.paragraphs.iter().find(|p| p.start <= span.start && span.start < p.end.max(p.start + 1));
    let head = para.map_or(&doc.text[..span.start], |p| &doc.text[p.start..span.start]);
    !head.chars().any(char::is_lowercase)
}

/// The first "Weekday (DD)" in the text: weekday number, day of month, span.
fn weekday_day_pair(doc: &Document) -> Option<(u8, u8, Span)> {
    let t = &doc.tokens;
    for i in 0..t.len().saturating_sub(3) {
        let w = normalise(&doc.text[t[i].span.start..t[i].span.end]);
        let Some(wd) = LEX.word(&w, Kind::Weekday) else {
            continue;
        };
        let slice = |k: usize| &doc.text[t[k].span.start..t[k].span.end];
        if slice(i + 1) == "("
            && slice(i + 3) == ")"
            && let Ok(day) = slice(i + 2).parse::<u8>()
            && (1..=31).contains(&day)
        {
            return Some((wd.parse().ok()?, day, Span::new(t[i].span.start, t[i + 3].span.end)));
        }
    }
    None
}
