//! Quotes: direct, partial and reported speech, each with its speaker.
//!
//! The pipeline, over one [`Document`]:
//! 1. [`marks`] pairs quotation marks into quoted stretches, recovering locally from
//!    unbalanced marks;
//! 2. [`direct`] decides which stretches are direct quotations and which are partial quotes
//!    inside someone's sentence, and finds the attribution beside each direct one;
//! 3. [`reported`] reads reported speech from the speech verbs left over (the verbs are data:
//!    `lexicons/quotes/speech_verbs.tsv`);
//! 4. partial quotes take the speaker of the reported speech around them;
//! 5. [`resolve`] names every speaker: the entity layer's mentions first (names, resolved
//!    pronouns, nominals), our own small fallback otherwise.

mod direct;
mod grammar;
mod lexicon;
mod marks;
mod nouns;
mod reported;
mod resolve;

use grammar::{Ctx, is_cap};
use lexicon::Words as W;
use newsgraph_record::{Entity, Quote, QuoteKind};
use newsgraph_text::{Document, Span};

/// Who said it, while the passes run.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Who {
    None,
    /// The speaker phrase: tokens `[a, b)`.
    Span(usize, usize),
    /// The same speaker as item `i` of the quotation pass (a continued quotation).
    Inherit(usize),
}

/// One quotation or report, in byte spans and token indices.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub kind: QuoteKind,
    pub content: Span,
    /// With the quotation marks, for quotations; the content for reported speech.
    pub outer: Span,
    pub who: Who,
    /// The speech verb: tokens `[a, b)`.
    pub cue: Option<(usize, usize)>,
    pub confidence: f64,
    pub para: usize,
}

/// Finds quotes and reported speech; speakers are resolved to `entities` where possible.
/// Spans are byte offsets.
pub fn recognise(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let stretches = marks::stretches(doc);
    let mut ctx = Ctx::new(doc, &stretches);
    let mut quoted = direct::find(&mut ctx, &stretches);
    let mut reported = reported::find(&mut ctx, &quoted);
    fold_quoted_reports(&ctx, &mut quoted, &mut reported);
    attribute_partials(&ctx, &mut quoted, &reported);
    continue_speakers(&mut quoted, &reported);

    let resolver = resolve::Resolver::new(&ctx, entities);
    let mut out = Vec::new();
    let mut all: Vec<&Item> = quoted.iter().chain(reported.iter()).collect();
    all.sort_by_key(|it| it.content.start);
    // The last speaker named so far: "the study found …" after "according to a Reuters survey".
    let mut last: Option<(Option<String>, Option<String>)> = None;
    for item in &all {
        // A partial quote nobody is reported saying is a scare quote or a title: not speech.
        if item.kind == QuoteKind::Partial && matches!(item.who, Who::None) {
            continue;
        }
        let mut q = to_quote(&ctx, &resolver, item, &quoted);
        if q.speaker.is_none()
            && q.speaker_name.is_none()
            && document_anaphor(q.speaker_text.as_deref())
            && let Some((id, name)) = &last
        {
            q.speaker = id.clone();
            q.speaker_name = name.clone();
            q.confidence = q.confidence.map(|c| (c - 0.1).max(0.05));
        }
        if q.speaker.is_some() || q.speaker_name.is_some() {
            last = Some((q.speaker.clone(), q.speaker_name.clone()));
        }
        out.push(q);
    }
    out.sort_by_key(|q| (q.span[0], q.span[1]));
    out
}

/// "the study", "the data", "this report": a definite document noun pointing back to the
/// source named last.
fn document_anaphor(text: Option<&str>) -> bool {
    let Some(text) = text else { return false };
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() == 2 && grammar::one_of(words[0], &["the", "this", "that", "these"]) && resolve::is_document_noun(words[1])
}

/// Reported speech that is only a quotation is one speech act, not two.
///
/// "The mayor said “the city is safe” on Monday": the report's content is the quotation and
/// an adverbial of the verb's, so the quotation is the quote — direct, as it is the whole
/// clause, with the report's speaker and verb — and no indirect item repeats it with its marks
/// and "on Monday". A report with any word of its own outside the marks ("said that Putin
/// “cannot remain in power”", "said that “…”") stays a report holding a partial quote, its
/// content ending at the closing mark when an adverbial of the verb follows.
fn fold_quoted_reports(ctx: &Ctx, quoted: &mut [Item], reported: &mut Vec<Item>) {
    reported.retain_mut(|r| {
        let a = ctx.doc.token_at_or_after(r.content.start).min(ctx.len());
        let b = ctx.doc.token_at_or_after(r.content.end).min(ctx.len());
        let Some(last_quoted) = (a..b).rev().find(|&k| ctx.quoted[k]) else { return true };
        // "said “the city is safe” on Monday": with the verb before the content, an adverbial
        // after the quotation is the verb's. (With the verb after it — "“…” for criminal
        // behavior, she said" — the words are the speaker's.)
        let verb_first = r.cue.is_some_and(|(c, _)| c < a);
        let limit = match (last_quoted + 1..b).find(|&k| ctx.is_word(k)) {
            Some(k) if verb_first && verbs_adverbial(ctx, k, b) => k,
            _ => b,
        };
        let own = (a..limit).any(|k| !ctx.quoted[k] && ctx.is_word(k));
        if own {
            if limit < b {
                r.content = Span::new(r.content.start, ctx.doc.tokens[last_quoted].span.end);
                r.outer = r.content;
            }
            return true;
        }
        // The quotations inside (quotations are in text order and do not overlap).
        let q = quoted.partition_point(|it| it.outer.end <= r.content.start);
        let inside: Vec<usize> =
            (q..quoted.len()).take_while(|&j| quoted[j].outer.start < r.content.end).filter(|&j| r.content.overlaps(quoted[j].outer)).collect();
        if inside.len() != 1 {
            return true;
        }
        let item = &mut quoted[inside[0]];
        item.kind = QuoteKind::Direct;
        item.confidence = item.confidence.max(r.confidence);
        if item.who == Who::None {
            item.who = r.who.clone();
            item.cue = r.cue;
        }
        false
    });
}

/// An adverbial of the speech verb at token `k` (before `end`): a time ("on Monday", "last
/// week", "yesterday") or the occasion of speaking ("in a statement", "to reporters"). Other
/// phrases after a quotation belong to the reported clause ("has “big plans” for the campaign").
fn verbs_adverbial(ctx: &Ctx, k: usize, end: usize) -> bool {
    let w = ctx.w(k);
    if lexicon::is(W::Weekday, w) || lexicon::is(W::TimeWord, w) {
        return true;
    }
    if !lexicon::is(W::OccasionPreposition, w) {
        return false;
    }
    // A short phrase: "on Monday", "to reporters", "at a news conference" (not "in Chicago
    // this year", whose place is the clause's).
    (k + 1..(k + 4).min(end))
        .take_while(|&j| ctx.is_word(j) && !ctx.quoted[j] && (!is_cap(ctx.w(j)) || lexicon::is(W::Weekday, ctx.w(j))))
        .any(|j| lexicon::is(W::Weekday, ctx.w(j)) || lexicon::is(W::SpeechOccasion, ctx.w(j)))
}

/// Gives each partial quote the speaker and verb of the reported speech holding it, or of
/// the first speech verb in its sentence.
fn attribute_partials(ctx: &Ctx, quoted: &mut [Item], reported: &[Item]) {
    let reports = ReportIndex::new(reported);
    for item in quoted.iter_mut() {
        if item.kind != QuoteKind::Partial || item.who != Who::None {
            continue;
        }
        let outer = item.outer;
        if let Some(r) = reports.overlapping(outer).map(|i| &reported[i]) {
            item.who = r.who.clone();
            item.cue = r.cue;
            continue;
        }
        // Same sentence, any speech verb with a subject ("called them “deplorables”").
        let o = ctx.doc.token_at_or_after(outer.start).min(ctx.len() - 1);
        let (first, end) = (ctx.sentence_first(o), ctx.sentence_end(o));
        for c in first..end {
            if ctx.quoted[c] {
                continue;
            }
            let Some(v) = ctx.cue(c) else { continue };
            if let Some((a, b)) = ctx.subject_before(c, first) {
                item.who = Who::Span(a, b);
                item.cue = Some((c, c + 1 + v.extra_words));
                break;
            }
        }
        if item.who == Who::None {
            // A verb that only takes an object here: "Clinton called half of … “deplorables.”"
            let before: Vec<usize> = (first..o).filter(|&c| !ctx.quoted[c]).collect();
            for &c in before.iter().rev() {
                if one_word_cue(ctx.w(c))
                    && let Some((a, b)) = ctx.subject_before(c, first)
                {
                    item.who = Who::Span(a, b);
                    item.cue = Some((c, c + 1));
                    break;
                }
            }
        }
    }
}

/// A direct quotation with no attribution of its own continues the speaker of the nearest
/// attributed item before it: a quotation in the same or the previous paragraph
/// ("“…,” Boichenko said. “We need to completely evacuate Mariupol.”"), or reported speech
/// in the same paragraph ("…, says Paul Rieckhoff, founder of …. “We often compare …”").
fn continue_speakers(quoted: &mut [Item], reported: &[Item]) {
    let reports = ReportIndex::new(reported);
    // The last attributed quotation so far, kept as we go instead of searched for each one.
    let mut prev_q: Option<usize> = None;
    for k in 0..quoted.len() {
        if quoted[k].kind != QuoteKind::Direct || quoted[k].who != Who::None {
            if quoted[k].who != Who::None {
                prev_q = Some(k);
            }
            continue;
        }
        let (start, para) = (quoted[k].outer.start, quoted[k].para);
        let prev_r = reports.latest_ending_by(start).map(|i| &reported[i]);
        let q_pos = prev_q.map(|j| quoted[j].outer.start);
        let r_pos = prev_r.map(|r| r.content.start);
        if r_pos > q_pos {
            if let Some(r) = prev_r.filter(|r| r.para == para) {
                quoted[k].who = r.who.clone();
                quoted[k].confidence = quoted[k].confidence.min(0.6);
            }
        } else if let Some(j) = prev_q {
            let near = quoted[j].para == para || (quoted[j].para + 1 == para && quoted[j].kind == QuoteKind::Direct);
            if near {
                quoted[k].who = Who::Inherit(j);
                quoted[k].confidence = quoted[k].confidence.min(0.7);
            }
        }
        if quoted[k].who != Who::None {
            prev_q = Some(k);
        }
    }
}

/// The reports, indexed by position: which report overlaps a quotation, and which attributed
/// report starts last among those ended before a point. Scanning every report for each
/// quotation made one huge article quadratic.
struct ReportIndex {
    /// (start, end, report) by start, with the running maximum of ends.
    by_start: Vec<(usize, usize, usize)>,
    max_end: Vec<usize>,
    /// (end, report) by end, with the report starting last among the first k.
    by_end: Vec<(usize, usize)>,
    latest_start: Vec<usize>,
}

impl ReportIndex {
    fn new(reported: &[Item]) -> Self {
        let mut by_start: Vec<(usize, usize, usize)> = reported.iter().enumerate().map(|(i, r)| (r.content.start, r.content.end, i)).collect();
        by_start.sort_unstable();
        let max_end = by_start.iter().scan(0, |m, x| {
            *m = x.1.max(*m);
            Some(*m)
        });
        let max_end = max_end.collect();
        let mut by_end: Vec<(usize, usize)> = reported.iter().enumerate().filter(|(_, r)| r.who != Who::None).map(|(i, r)| (r.content.end, i)).collect();
        by_end.sort_unstable();
        let mut latest_start = Vec::with_capacity(by_end.len());
        let mut best: Option<usize> = None;
        for &(_, i) in &by_end {
            // Among reports starting last, the last in report order (as `max_by_key` keeps).
            if best.is_none_or(|b| (reported[i].content.start, i) > (reported[b].content.start, b)) {
                best = Some(i);
            }
            latest_start.push(best.unwrap_or(i));
        }
        ReportIndex { by_start, max_end, by_end, latest_start }
    }

    /// The first report (in report order) whose content overlaps or holds `span`.
    fn overlapping(&self, span: Span) -> Option<usize> {
        let hi = self.by_start.partition_point(|x| x.0 < span.end.max(span.start + 1));
        (0..hi)
            .rev()
            .take_while(|&k| self.max_end[k] >= span.start.min(span.end))
            .filter(|&k| {
                let c = Span::new(self.by_start[k].0, self.by_start[k].1);
                c.contains(span) || c.overlaps(span)
            })
            .map(|k| self.by_start[k].2)
            .min()
    }

    /// The attributed report ending at or before `pos` that starts last.
    fn latest_ending_by(&self, pos: usize) -> Option<usize> {
        let k = self.by_end.partition_point(|x| x.0 <= pos);
        k.checked_sub(1).map(|k| self.latest_start[k])
    }
}

/// Verbs that attribute a quoted label without taking a clause ("called it “a disaster”").
fn one_word_cue(w: &str) -> bool {
    lexicon::is(lexicon::Words::LabelVerb, w)
}

fn to_quote(ctx: &Ctx, resolver: &resolve::Resolver, item: &Item, quoted: &[Item]) -> Quote {
    let mut who = item.who.clone();
    let mut inherited = false;
    // Follow continuations to the phrase that named the speaker.
    for _ in 0..8 {
        match who {
            Who::Inherit(j) => {
                who = quoted.get(j).map_or(Who::None, |it| it.who.clone());
                inherited = true;
            }
            _ => break,
        }
    }
    let text = ctx.doc.slice(item.content);
    let text = text.strip_suffix(',').unwrap_or(text).to_string();
    let span_end = item.content.start + text.len();
    let mut q = Quote {
        kind: item.kind,
        text,
        span: [item.content.start, span_end],
        speaker: None,
        speaker_text: None,
        speaker_name: None,
        speaker_span: None,
        cue: None,
        cue_span: None,
        confidence: None,
    };
    let mut confidence = item.confidence;
    if let Who::Span(a, b) = who {
        let span = ctx.span(a, b);
        q.speaker_span = Some([span.start, span.end]);
        q.speaker_text = Some(ctx.doc.slice(span).to_string());
        let r = resolver.resolve(ctx, a, b);
        q.speaker = r.id;
        q.speaker_name = r.name;
        if r.guessed {
            confidence -= 0.1;
        }
    }
    if inherited {
        confidence = confidence.min(0.7);
    }
    if let Some((a, b)) = item.cue {
        let span = ctx.span(a, b);
        q.cue_span = Some([span.start, span.end]);
        q.cue = Some(ctx.doc.slice(span).to_string());
    }
    q.confidence = Some((confidence.clamp(0.05, 0.99) * 100.0).round() / 100.0);
    q
}

#[cfg(test)]
mod tests;
