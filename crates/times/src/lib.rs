//! Time expressions recognised and normalised to TIMEX3 against the publication date.
//!
//! The lexicon (`lexicons/times/words.tsv`) holds every word and fixed phrase; the grammar
//! ([`grammar`]) composes them into DATE, TIME, DURATION and SET expressions and resolves
//! them against the document creation time (DCT) with the news habits built in: a bare
//! weekday lies on or before the publication date unless the tense points forward ("will",
//! "due to", "next"), and anchored expressions ("earlier in the day", "a year earlier")
//! follow the last date mentioned. [`publication`] infers the DCT from the text when the
//! metadata has none, and [`nearest_date`] lets the fact recognisers date what they find.
//!
//! Without a publication date (none in the metadata, none to infer), an expression counted
//! from it ("last year", "today", "two weeks ago") keeps a null value: nothing in the text
//! says which year or day it is. One counted from a date the text writes ("in 1995 … four
//! years later") is still resolved from that date, and a weekday or a month alone gets an
//! underspecified value (`XXXX-WXX-5`, `XXXX-03`).

mod cal;
mod grammar;
mod lexicon;
mod publication;

use std::borrow::Cow;

use newsgraph_record::{Time, TimeType};
use newsgraph_text::{Document, Span};

/// A calendar date (publication date, resolved anchors).
pub use jiff::civil::Date;
pub use publication::infer_publication_date_with_evidence;

use grammar::{Hit, Parser};
use lexicon::{Kind, LEX, normalise};

/// Finds every time expression in `doc`, resolving values against `dct` (the document
/// creation time, i.e. the publication date) when it is known. Spans are byte offsets.
pub fn recognise(doc: &Document, dct: Option<Date>) -> Vec<Time> {
    recognise_with(doc, dct, Options::default())
}

/// How expressions with no tense cue are resolved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Resolve a bare "Monday" or "March 3" to the next one, as calendar assistants
    /// (Duckling, Recognizers-Text's future resolution) do; news defaults to the past.
    pub prefer_future: bool,
}

/// [`recognise`] with explicit [`Options`].
/// Times come in text order (by start), which [`nearest_date`] relies on.
pub fn recognise_with(doc: &Document, dct: Option<Date>, options: Options) -> Vec<Time> {
    let mut found = scan(doc, dct, options);
    found.sort_by_key(|(span, _)| span.start);
    found
        .into_iter()
        .map(|(span, h)| Time {
            text: doc.text[span.start..span.end].to_string(),
            span: [span.start, span.end],
            kind: h.kind,
            value: h.value.map(|v| if h.utc && v.contains(':') { v + "Z" } else { v }),
            modifier: h.modifier.map(str::to_string),
        })
        .collect()
}

/// Infers the publication date from the text when metadata lacks it (datelines,
/// "Monday (28)"-style weekday/day pairs, the latest dated reference).
pub fn infer_publication_date(doc: &Document) -> Option<Date> {
    infer_publication_date_with_evidence(doc).map(|(d, _)| d)
}

/// The time expression that dates a fact at `span` (byte offsets): the nearest DATE or TIME
/// with a calendar value (one that starts with a year, e.g. `2022-03-27`, `2022-03-27TNI`,
/// `2014`) in the same sentence, the one before preferred on a tie; `None` when the
/// sentence has none. Durations, SETs and vague references (`PAST_REF`) never date a fact.
/// `times` are in text order, as [`recognise`] gives them: the sentence's times are found
/// by binary search, so dating every fact of a long article stays linear.
pub fn nearest_date<'t>(doc: &Document, times: &'t [Time], span: Span) -> Option<&'t Time> {
    let sentence = doc.sentence_at(span.start)?;
    let s = doc.sentences[sentence].span;
    let first = times.partition_point(|t| t.span[0] < s.start);
    times[first..]
        .iter()
        .take_while(|t| t.span[0] < s.end)
        .filter(|t| matches!(t.kind, TimeType::DATE | TimeType::TIME))
        .filter(|t| t.value.as_deref().is_some_and(|v| v.as_bytes().first().is_some_and(u8::is_ascii_digit)))
        .filter(|t| t.span[1] <= s.end)
        .min_by_key(|t| {
            let d = if t.span[1] <= span.start { span.start - t.span[1] } else { t.span[0].saturating_sub(span.end) };
            (d, t.span[0] > span.start)
        })
}

/// The calendar day a TIMEX3 value names (`2022-03-27`, `2022-03-27TNI`), if it names one.
pub fn value_day(value: &str) -> Option<Date> {
    value.get(..10)?.parse().ok()
}

/// Words the grammar can start from besides lexicon entries and numbers.
fn is_trigger(w: &str, number: bool) -> bool {
    number
        || LEX.starts(w)
        || w.contains('-')
        || matches!(w, "fiscal" | "once" | "twice" | "'" | "’" | "recent" | "half" | "q1" | "q2" | "q3" | "q4")
        || w.strip_suffix('s').is_some_and(|stem| LEX.word(stem, Kind::Weekday).is_some())
}

/// True when `stem` (a word without its possessive "'s") is one the grammar reads, so
/// "Friday's decision" yields "Friday".
fn possessive_time_word(stem: &str) -> bool {
    [Kind::Weekday, Kind::Month, Kind::Unit, Kind::RelDay, Kind::Season, Kind::Holiday].iter().any(|&k| LEX.word(stem, k).is_some())
        || matches!(stem, "tonight" | "today")
}

/// Runs the grammar over every sentence; hits with their byte spans, in text order.
pub(crate) fn scan(doc: &Document, dct: Option<Date>, options: Options) -> Vec<(Span, Hit)> {
    let default_dir = if options.prefer_future { grammar::Dir::Future } else { grammar::Dir::Unknown };
    let lower = doc.text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut anchor_day = dct;
    let mut anchor = None;
    let mut anchor_written = false;
    let mut words: Vec<Cow<str>> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut hits: Vec<Hit> = Vec::new();
    for sentence in &doc.sentences {
        let toks = doc.sentence_tokens(sentence);
        words.clear();
        ends.clear();
        for t in toks {
            let raw = &lower[t.span.start..t.span.end];
            let mut w = normalise(raw);
            let mut end = t.span.end;
            if let Some(stem) = w.strip_suffix("'s") {
                let prev_new = words.last().is_some_and(|p| p == "new");
                if !prev_new && possessive_time_word(stem) {
                    let cut = if raw.ends_with("’s") { 4 } else { 2 };
                    end -= cut;
                    w = Cow::Owned(stem.to_string());
                }
            }
            words.push(w);
            ends.push(end);
        }
        let w: Vec<&str> = words.iter().map(|c| c.as_ref()).collect();
        hits.clear();
        let mut i = 0;
        while i < toks.len() {
            if !is_trigger(w[i], toks[i].kind == newsgraph_text::TokenKind::Number) {
                i += 1;
                continue;
            }
            let parser = Parser { text: &doc.text, toks, w: &w, dct, anchor_day, anchor, anchor_written, default_dir };
            match parser.parse_at(i) {
                Some(h) if h.end > i => {
                    if let Some(p) = h.point.filter(|_| !h.derived) {
                        anchor = Some(p);
                        anchor_written = w[h.start..h.end].iter().any(|t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()));
                        if let Some(d) = p.day() {
                            anchor_day = Some(d);
                        }
                    }
                    i = h.end;
                    hits.push(h);
                }
                _ => i += 1,
            }
        }
        date_clock_times(&mut hits, dct);
        for h in hits.drain(..) {
            let span = Span::new(toks[h.start].span.start, ends[h.end - 1]);
            out.push((span, h));
        }
    }
    out
}

/// Gives clock times the day of the nearest dated expression of their sentence, or the
/// publication date.
fn date_clock_times(hits: &mut [Hit], dct: Option<Date>) {
    for k in 0..hits.len() {
        let Some((h, m)) = hits[k].clock else {
            continue;
        };
        let day = hits
            .iter()
            .enumerate()
            .filter(|(j, o)| *j != k && o.clock.is_none())
            .filter_map(|(j, o)| Some((j.abs_diff(k), o.point?.day()?)))
            .min_by_key(|(d, _)| *d)
            .map(|(_, d)| d)
            .or(dct);
        if let Some(d) = day {
            let p = cal::Point::Clock(d, h, m);
            hits[k].value = Some(p.value());
            hits[k].point = Some(p);
        }
    }
}

#[cfg(test)]
mod tests;
