//! Reported speech: "X said (that) …", "according to X, …", "X told reporters …",
//! "…, X said.", "…, saying …", each with its content clause, cue and source.
//!
//! The content is the complement clause of the speech verb, "that" included (the PolNeAR
//! convention), up to the end of its clause: the sentence end, a semicolon, or a comma
//! opening a new clause (", but", ", adding", ", while"). Verbs whose frame is `that` need
//! an explicit "that" so that "confirmed 1,119 deaths" is not taken for reported speech.

use crate::grammar::{Ctx, is_cap, is_quote_mark, one_of};
use crate::lexicon::Frame;
use crate::lexicon::{Words as W, is};
use crate::{Item, Who};
use newsgraph_record::QuoteKind;

/// The attributions made before a verb, for the subject it shares with its clause
/// ([`clause_subject`]): the quotation pass's items and the reports found so far, each looked
/// up by its verb's position rather than scanned whole (a scan per verb made one huge article
/// quadratic).
pub struct Earlier<'a> {
    done: &'a [Item],
    /// (verb token, index into `done`), by verb token.
    done_cues: &'a [(usize, usize)],
    /// Reports found so far, in verb order.
    found: &'a [Item],
}

impl Earlier<'_> {
    pub const NONE: Earlier<'static> = Earlier { done: &[], done_cues: &[], found: &[] };

    /// The last attribution whose verb stands in `[first, ci)` (reports before quotations, as
    /// reports come later in the passes' order).
    fn last_between(&self, first: usize, ci: usize) -> Option<&Item> {
        let k = self.found.partition_point(|it| it.cue.is_some_and(|(c, _)| c < ci));
        if let Some(it) = k.checked_sub(1).map(|k| &self.found[k]).filter(|it| it.cue.is_some_and(|(c, _)| c >= first)) {
            return Some(it);
        }
        let hi = self.done_cues.partition_point(|&(c, _)| c < ci);
        let lo = self.done_cues[..hi].partition_point(|&(c, _)| c < first);
        self.done_cues[lo..hi].iter().map(|&(_, j)| j).max().map(|j| &self.done[j])
    }
}

pub fn find(ctx: &mut Ctx, done: &[Item]) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut done_cues: Vec<(usize, usize)> = done.iter().enumerate().filter_map(|(j, it)| it.cue.map(|(c, _)| (c, j))).collect();
    done_cues.sort_unstable();
    let n = ctx.len();
    let mut i = 0;
    while i < n {
        if ctx.quoted[i] || ctx.consumed[i] {
            i += 1;
            continue;
        }
        if ctx.w(i).eq_ignore_ascii_case("according") && ctx.w(i + 1).eq_ignore_ascii_case("to") {
            if let Some(item) = according_to(ctx, i) {
                out.push(item);
            }
            i += 2;
            continue;
        }
        let Some(v) = ctx.cue(i) else {
            // Noun and preposition cues: "Trump's claim that …", "in her view, …", "In the poll, …".
            let prior = Earlier { done, done_cues: &done_cues, found: &out };
            if let Some(item) = crate::nouns::claim_noun(ctx, i, &prior) {
                out.push(item);
                i += 2;
            } else if let Some((item, next)) = crate::nouns::in_view(ctx, i).or_else(|| crate::nouns::in_document(ctx, i)) {
                out.push(item);
                i = next;
            } else {
                i += 1;
            }
            continue;
        };
        let cue = (i, i + 1 + v.extra_words);
        let prior = Earlier { done, done_cues: &done_cues, found: &out };
        if let Some(item) = reported_clause(ctx, cue, v, &prior) {
            for k in cue.0..cue.1 {
                ctx.consumed[k] = true;
            }
            out.push(item);
        }
        i = cue.1;
    }
    out
}

fn according_to(ctx: &Ctx, i: usize) -> Option<Item> {
    let (sa, sb) = ctx.speaker_after(i + 2, false).or_else(|| source_phrase(ctx, i + 2))?;
    let first = ctx.sentence_first(i);
    let end = ctx.sentence_end(i);
    let cue = Some((i, i + 2));
    let at_start = (first..i).all(|k| one_of(ctx.w(k), &["but", "and", "however", ","]) || is_quote_mark(ctx.w(k)));
    let (a, b) = if at_start {
        // "According to X, CONTENT."
        let mut a = sb;
        while a < end && ctx.w(a) != "," && a < sb + 12 {
            a += 1;
        }
        let a = if a < end && ctx.w(a) == "," { a + 1 } else { sb };
        (a, ctx.clause_end(a))
    } else {
        // "CONTENT, according to X."
        let mut b = i;
        while b > first && ctx.w(b - 1) == "," {
            b -= 1;
        }
        (first, b)
    };
    content_item(ctx, a, b, Who::Span(sa, sb), cue, 0.8)
}

/// The source after "according to" when it is not a speaker phrase ("according to exit
/// polls", "according to federal statistics"): the words up to the next punctuation.
fn source_phrase(ctx: &Ctx, a: usize) -> Option<(usize, usize)> {
    let end = ctx.sentence_end(a.min(ctx.len().saturating_sub(1)));
    let b = (a..(a + 10).min(end)).find(|&k| !ctx.is_word(k) || ctx.quoted[k]).unwrap_or((a + 10).min(end));
    (b > a && ctx.w(a).chars().next().is_some_and(char::is_alphanumeric)).then_some((a, b))
}

fn reported_clause(ctx: &Ctx, cue: (usize, usize), v: crate::lexicon::Verb, prior: &Earlier) -> Option<Item> {
    if v.frame == Frame::Directive {
        return None;
    }
    let (ci, cend) = cue;
    let first = ctx.sentence_first(ci);
    let end = ctx.sentence_end(ci);
    // "too early to tell whether …" (an infinitive) and "a device was also found" (a
    // passive) report nobody's speech.
    if ci > first {
        let before = ctx.skip_aux_left(ci, first);
        let prev = ctx.w(ci - 1);
        let passive = !v.participle
            && before < ci
            && (before..ci).any(|k| one_of(ctx.w(k), &["was", "were", "is", "are", "been", "be", "being"]))
            && !one_of(ctx.w(ci - 1), &["has", "have", "had"]);
        if prev.eq_ignore_ascii_case("to") || passive {
            return None;
        }
    }
    // Inverted, speaker after the verb at the end: "…, said Smith."
    // Inversion ("…, said X") is a say-type construction; "…, shows Democratic groups
    // outpacing …" is not one, nor is a speaker phrase holding a verb form.
    if let Some(cut) = comma_before(ctx, ci, first).filter(|_| !v.participle)
        && let Some((sa, sb)) = ctx.speaker_after(cend, true).filter(|&(sa, _)| v.frame != Frame::That || is_cap(ctx.w(sa)))
    {
        // The comma before the verb closes the content: "…, said Brian Baker, a …".
        let verbal = (sa..sb).any(|k| {
            let w = ctx.w(k);
            !is_cap(w) && (w.ends_with("ing") || w.ends_with("ed")) && !crate::lexicon::is_speaker_noun(w)
        });
        let closes = !verbal && (at_clause_end(ctx, sb, end) || one_of(ctx.w(sb), &[",", "who", "which", "("]));
        if closes {
            return content_item(ctx, last_clause_start(ctx, first, cut), cut, Who::Span(sa, sb), Some(cue), 0.7);
        }
    }
    // A verb right after a quotation ("“…,” said 9/11 widow …") attributes that quotation;
    // what follows it is its speaker, not reported content.
    if ci > first && (is_quote_mark(ctx.w(ci - 1)) || (ctx.w(ci - 1) == "," && ci > first + 1 && is_quote_mark(ctx.w(ci - 2)))) && ctx.quoted[ci - 1]
        // (", adding that …" after a quotation reports a clause of its own.)
        && !(v.participle && ctx.w(cend).eq_ignore_ascii_case("that"))
    {
        return None;
    }
    // "The White House is saying that …": a progressive is a finite verb with its own subject.
    let progressive = v.participle && ci > first && one_of(ctx.w(ci - 1), &["is", "are", "was", "were", "been", "be"]);
    let who = if v.participle && !progressive {
        if ci == first || !matches!(ctx.w(ci - 1), "," | "and") {
            return None;
        }
        clause_subject(ctx, ci, prior)
    } else {
        match ctx.subject_before(ci, first) {
            Some((sa, sb)) => {
                // Inverted, speaker before the verb at the end: "…, Ukrainian officials said."
                if let Some(cut) = comma_before(ctx, sa, first).filter(|_| at_clause_end(ctx, cend, end)) {
                    return content_item(ctx, last_clause_start(ctx, first, cut), cut, Who::Span(sa, sb), Some(cue), 0.7);
                }
                // Parenthetical: "The museum, Mr. Bush said, celebrated …" — the content is the
                // sentence around the attribution.
                // ("the agency said in a June report, and those …": past a short adverbial.)
                let after = if is(W::AdverbialStart, ctx.w(cend)) || is(W::Weekday, ctx.w(cend)) {
                    (cend..(cend + 7).min(end)).find(|&k| ctx.w(k) == ",").unwrap_or(cend)
                } else {
                    cend
                };
                if sa > first
                    && ctx.w(sa - 1) == ","
                    && ctx.w(after) == ","
                    && after + 2 < end
                    && !ctx.quoted[after + 1]
                    && !(cend..after).any(|k| ctx.w(k).eq_ignore_ascii_case("that"))
                {
                    let b = ctx.clause_end(after + 1);
                    if b > after + 2 {
                        return content_item(ctx, last_clause_start(ctx, first, sa - 1), b, Who::Span(sa, sb), Some(cue), 0.7);
                    }
                }
                // "After Biden said that …, officials spent …": a subordinate clause ends at its comma.
                if sa > first && is(W::Subordinator, ctx.w(sa - 1)) {
                    let a = content_start(ctx, cend, end, v.frame)?;
                    let b = (a..ctx.clause_end(a)).find(|&k| ctx.w(k) == "," && !ctx.quoted[k]).unwrap_or_else(|| ctx.clause_end(a));
                    return content_item(ctx, a, b, Who::Span(sa, sb), Some(cue), 0.75);
                }
                Who::Span(sa, sb)
            }
            None => clause_subject(ctx, ci, prior),
        }
    };
    if matches!(who, Who::None) {
        return None;
    }
    // "The study found 31 incidents …", "The average shows Clinton leading …": a document
    // reports its findings with any complement, not only a "that"-clause.
    let frame = match who {
        Who::Span(sa, sb)
            if v.frame == Frame::That
                && is(W::FindingVerb, ctx.w(ci))
                && (sa..sb).any(|k| is(W::DocumentNoun, ctx.w(k)) || is(W::SourceDocument, ctx.w(k))) =>
        {
            Frame::Bare
        }
        _ => v.frame,
    };
    let a = if v.infinitive && ctx.w(cend).eq_ignore_ascii_case("to") && cend + 2 < end { cend } else { content_start(ctx, cend, end, frame)? };
    let b = ctx.clause_end(a);
    // ... but a finding, not a bare noun phrase ("Polls show a close contest in the state").
    if frame != v.frame && !ctx.w(a).eq_ignore_ascii_case("that") && !has_verb(ctx, a, b) {
        return None;
    }
    let conf = if ctx.w(a).eq_ignore_ascii_case("that") { 0.85 } else { 0.75 };
    content_item(ctx, a, b, who, Some(cue), if v.participle { conf - 0.1 } else { conf })
}

/// True when `[a, b)` is a finite clause: a finite auxiliary before its first comma ("Trump
/// would raise", "Clinton was the winner"). A small clause ("shows Democratic groups
/// outpacing Republicans") reports a finding, not a claim, as the article gold reads it.
fn has_verb(ctx: &Ctx, a: usize, b: usize) -> bool {
    (a..b).take_while(|&k| ctx.w(k) != ",").any(|k| !ctx.quoted[k] && is(W::FiniteAfterIt, ctx.w(k)))
}

/// The end of the content before an inverted attribution at `k`: the comma before it,
/// which may sit inside a closing quotation mark ("… the demand,\" says …").
fn comma_before(ctx: &Ctx, k: usize, first: usize) -> Option<usize> {
    if k > first && ctx.w(k - 1) == "," {
        return Some(k - 1);
    }
    // Behind a closing mark, which may be two apostrophes: `approach,'' said`.
    let mut j = k;
    while j > first && j + 2 > k && is_quote_mark(ctx.w(j - 1)) {
        j -= 1;
    }
    (j < k && j > first && ctx.w(j - 1) == ",").then_some(j)
}

/// The start of the last coordinated clause before an inverted attribution: in
/// "A is so, but B is so, officials said" the officials are reported saying B.
fn last_clause_start(ctx: &Ctx, first: usize, end: usize) -> usize {
    (first + 1..end)
        .rev()
        .find(|&k| ctx.w(k - 1) == "," && !ctx.quoted[k] && one_of(ctx.w(k), &["but", "while", "although", "though"]))
        .map_or(first, |k| k + 1)
}

/// True when only time words and adverbials stand between `k` and the clause's end.
fn at_clause_end(ctx: &Ctx, mut k: usize, end: usize) -> bool {
    let mut skipped = 0;
    while k < end && skipped <= 6 {
        let w = ctx.w(k);
        if matches!(w, "." | "!" | "?" | ";") {
            return true;
        }
        if w == "," {
            // ", adding …" / ", speaking in Russian" — the attribution ends here.
            return ctx.w(k + 1).ends_with("ing") || ctx.cue(k + 1).is_some();
        }
        if ctx.quoted[k] || is_quote_mark(w) || ctx.cue(k).is_some() || w.eq_ignore_ascii_case("that") {
            return false;
        }
        // Only an adverbial may follow: "said on Monday", "said in a statement", "said Monday".
        let adverbial_start = is(W::AdverbialStart, w)
            || is(W::Weekday, w)
            || is(W::TimeWord, w)
            || one_of(w, &["to", "from", "with", "by", "via", "afterward", "afterwards", "too", "privately"])
            || (w.ends_with("ly") && !is_cap(w));
        if skipped == 0 && !adverbial_start {
            return false;
        }
        skipped += 1;
        k += 1;
    }
    k >= end
}

/// Where the reported content starts after the verb, by the verb's frame.
fn content_start(ctx: &Ctx, cend: usize, end: usize, frame: Frame) -> Option<usize> {
    if frame == Frame::Directive {
        return None;
    }
    let mut k = cend;
    if frame == Frame::Tell {
        // "told a meeting of Pacific Island leaders that …"
        let mut j = k;
        while j < end && j < k + 12 {
            let w = ctx.w(j);
            if w.eq_ignore_ascii_case("that") {
                return (j + 1 < end).then_some(j);
            }
            if matches!(w, "," | "." | ";" | ":" | "?" | "!") || ctx.quoted[j] || ctx.cue(j).is_some() {
                break;
            }
            j += 1;
        }
        k = skip_addressee(ctx, k, end);
    }
    if ctx.w(k).eq_ignore_ascii_case("that") {
        return (k + 1 < end).then_some(k);
    }
    // An adverbial before "that": "said in a speech in Poland that", "said on Sunday that".
    if is(W::AdverbialStart, ctx.w(k)) || is(W::Weekday, ctx.w(k)) {
        let mut j = k;
        while j < end && j < k + 12 {
            let w = ctx.w(j);
            if w.eq_ignore_ascii_case("that") {
                return (j + 1 < end).then_some(j);
            }
            // Commas may punctuate the adverbial ("at a campaign stop in Toledo, Ohio, that").
            if matches!(w, "." | ";" | ":" | "?" | "!") || one_of(w, &["and", "or", "but"]) || ctx.quoted[j] || ctx.cue(j).is_some() {
                break;
            }
            j += 1;
        }
    }
    if frame == Frame::That {
        // "is warning voters that …", "assured them that …": a short personal object first.
        if let Some(j) = object_then_that(ctx, k, end) {
            return Some(j);
        }
        // A bare clause is still clear when it opens with a subject: "announced it had
        // reached", "warned they would" (an object would be "them", "it on Monday").
        let w = ctx.w(k);
        // An indirect question: "asked whether …", "explained how …".
        if one_of(w, &["whether", "how", "why"]) && k + 2 < end {
            return Some(k);
        }
        let subject = one_of(w, &["he", "she", "they", "we", "i"]) || (one_of(w, &["it", "there", "this"]) && is(W::FiniteAfterIt, ctx.w(k + 1)));
        return (subject && k + 1 < end).then_some(k);
    }
    // Time words: "said Monday …", "said on Sunday …", "said earlier …".
    loop {
        let w = ctx.w(k);
        if is(W::Weekday, w) || is(W::TimeWord, w) {
            k += 1;
        } else if one_of(w, &["on", "last", "this"]) && (is(W::Weekday, ctx.w(k + 1)) || one_of(ctx.w(k + 1), &["week", "month", "year", "night", "morning"])) {
            k += 2;
        } else {
            break;
        }
    }
    if k >= end {
        return None;
    }
    let w = ctx.w(k);
    let clause_like = ctx.is_word(k) && !is(W::AdverbialStart, w) && !is(W::NotClauseStart, w) || (is_quote_mark(w) && k + 1 < end);
    clause_like.then_some(k)
}

/// The "that" after a short personal object of a `that` verb ("warning voters that",
/// "reminded them that"): an object pronoun, or one or two words ending in a plural or a
/// speaker noun. Anything longer may hold a relative "that" ("announced a deal that …").
fn object_then_that(ctx: &Ctx, k: usize, end: usize) -> Option<usize> {
    let w = ctx.w(k);
    let n = if one_of(w, &["him", "her", "them", "us", "me", "you"]) {
        1
    } else {
        (1..=2).find(|&n| {
            let last = ctx.w(k + n - 1);
            (k..k + n).all(|j| ctx.is_word(j) && !ctx.quoted[j] && !is_cap(ctx.w(j)) && ctx.cue(j).is_none())
                && (crate::lexicon::is_speaker_noun(last) || (last.len() > 4 && last.ends_with('s') && !last.ends_with("ss")))
                && ctx.w(k + n).eq_ignore_ascii_case("that")
        })?
    };
    let j = k + n;
    (j + 2 < end && ctx.w(j).eq_ignore_ascii_case("that") && !ctx.quoted[j] && crate::nouns::opens_clause(ctx, j + 1)).then_some(j)
}

/// Skips the addressee of "told": "reporters", "the BBC", "Russian journalists", "him".
fn skip_addressee(ctx: &Ctx, mut k: usize, end: usize) -> usize {
    if one_of(ctx.w(k), &["the", "a", "an", "his", "her", "their", "local", "state"]) {
        k += 1;
    }
    if k < end && is_cap(ctx.w(k)) {
        while k < end && is_cap(ctx.w(k)) {
            k += 1;
        }
        if k < end && !is_cap(ctx.w(k)) && ctx.w(k).ends_with('s') && ctx.w(k).len() > 3 {
            k += 1; // "Russian journalists"
        }
    } else if k < end && ctx.is_word(k) && !ctx.w(k).eq_ignore_ascii_case("that") {
        k += 1;
    }
    k
}

/// Builds an indirect item over tokens `[a, b)` when that is a clause of two words or more
/// that is not just a quotation.
pub fn content_item(ctx: &Ctx, a: usize, b: usize, who: Who, cue: Option<(usize, usize)>, confidence: f64) -> Option<Item> {
    let mut a = a;
    let mut b = b;
    while a < b && matches!(ctx.w(a), "," | "—" | "–" | ":") {
        a += 1;
    }
    while b > a && matches!(ctx.w(b - 1), "," | "." | ";" | ":" | "—" | "–") {
        b -= 1;
    }
    let words = (a..b).filter(|&k| ctx.is_word(k)).count();
    if words < 2 {
        return None;
    }
    // All quoted: it is a direct quotation, found by the quotation pass.
    if (a..b).all(|k| ctx.quoted[k]) {
        return None;
    }
    // "“…,” Scott Pruitt, the Republican attorney general …, said": a quotation and the name
    // of its speaker are an attribution the quotation pass owns, not reported content.
    if ctx.quoted[a]
        && let Some(last) = (a..b).rev().find(|&k| ctx.quoted[k])
        && (last + 1..b).any(|k| ctx.is_word(k))
        && (last + 1..b).filter(|&k| ctx.is_word(k)).all(|k| is_cap(ctx.w(k)))
    {
        return None;
    }
    let content = ctx.span(a, b);
    Some(Item { kind: QuoteKind::Indirect, content, outer: content, who, cue, confidence, para: ctx.para[a] })
}

/// The subject a verb shares with its clause when it has none of its own: ", saying …",
/// "…, but says …". The speaker of an earlier attribution in the sentence, else the nearest
/// subject pronoun before it, else the sentence's opening noun phrase.
pub fn clause_subject(ctx: &Ctx, ci: usize, prior: &Earlier) -> Who {
    let first = ctx.sentence_first(ci);
    if let Some(item) = prior.last_between(first, ci)
        && !matches!(item.who, Who::None)
    {
        return item.who.clone();
    }
    if let Some(k) = (first..ci).rev().find(|&k| {
        !ctx.quoted[k] && is(W::SubjectPronoun, ctx.w(k)) && !ctx.w(k).eq_ignore_ascii_case("it") || (k == first && ctx.w(k).eq_ignore_ascii_case("it"))
    }) {
        return Who::Span(k, k + 1);
    }
    opening_np(ctx, first, ci).map_or(Who::None, |(a, b)| Who::Span(a, b))
}

/// The sentence's opening noun phrase ("The UN has confirmed …" → "The UN").
fn opening_np(ctx: &Ctx, first: usize, limit: usize) -> Option<(usize, usize)> {
    let mut k = first;
    // A dateline is no subject: "BRUSSELS — European leaders …".
    let w = ctx.w(k);
    if w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase()) && matches!(ctx.w(k + 1), "—" | "–" | "-" | "―" | ":") {
        k += 2;
    }
    while k < limit && one_of(ctx.w(k), &["but", "and", "so", "yet"]) {
        k += 1;
    }
    // "In August, several environmental groups granted …": past an opening adverbial.
    if is(W::OpeningAdverbial, ctx.w(k))
        && let Some(c) = (k..limit).find(|&j| ctx.w(j) == ",")
    {
        k = c + 1;
    }
    let a = k;
    if one_of(ctx.w(k), &["the", "a", "an"]) {
        k += 1;
    }
    while k < limit && k < a + 8 && ctx.is_word(k) && (is_cap(ctx.w(k)) || crate::lexicon::is_speaker_noun(ctx.w(k))) {
        k += 1;
    }
    (k > a && ctx.plausible_speaker(a, k)).then_some((a, k))
}
