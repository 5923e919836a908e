//! Quoted stretches: direct quotations and partial quotes, with the attribution beside them.
//!
//! The attribution of a quotation is looked for right after its closing mark
//! ("“…,” said X", "“…,” X said", "“…,” the adviser …, X, said") and then right before its
//! opening mark ("X said: “…”", "he said, “…”" — which also covers the second half of a quote
//! split around its verb). A quotation with neither continues the speaker before it (see
//! `continue_speakers` in the crate root).

use crate::grammar::{Ctx, is_cap, is_quote_mark, one_of};
use crate::marks::Stretch;
use crate::{Item, Who};
use newsgraph_record::QuoteKind;

/// A speech verb next to a quotation and the speaker phrase that goes with it.
struct Attribution {
    cue: usize,
    cue_len: usize,
    who: Who,
}

pub fn find(ctx: &mut Ctx, stretches: &[Stretch]) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    for st in stretches {
        let o = ctx.doc.token_at_or_after(st.outer.start);
        let c = ctx.doc.token_at_or_after(st.outer.end);
        if o >= ctx.len() {
            continue;
        }
        let after = after_attribution(ctx, c, ctx.para[o]);
        let before = if after.is_none() { before_attribution(ctx, o) } else { None };
        let kind = classify(ctx, st, o, after.is_some(), before.as_ref());
        // A partial quote's speaker is the source of the reported speech around it, found
        // after that pass; its verb stays free for it.
        let attribution = if kind == QuoteKind::Partial { None } else { after.or(before) };
        let (who, cue, confidence) = match attribution {
            Some(a) => {
                for k in a.cue..a.cue + a.cue_len {
                    ctx.consumed[k] = true;
                }
                (a.who, Some((a.cue, a.cue + a.cue_len)), if st.closed { 0.95 } else { 0.75 })
            }
            None => (Who::None, None, if st.closed { 0.6 } else { 0.4 }),
        };
        // Single marks are also apostrophes: an unattributed single-quoted "quotation" is
        // more likely a stray pair than speech.
        if st.single && kind == QuoteKind::Direct && cue.is_none() {
            continue;
        }
        let conf = if kind == QuoteKind::Partial { confidence - 0.1 } else { confidence };
        items.push(Item { kind, content: st.inner, outer: st.outer, who, cue, confidence: conf, para: ctx.para[o] });
    }
    items
}

/// "“…,” said X" / "“…,” X said" / "“…,” she added, speaking in Russian".
fn after_attribution(ctx: &Ctx, c: usize, para: usize) -> Option<Attribution> {
    let n = ctx.len();
    let mut k = c;
    if k < n && ctx.w(k) == "," {
        k += 1;
    }
    if k >= n || ctx.para[k] != para || ctx.quoted[k] {
        return None;
    }
    // "“…” ― Sonya Herridge": a dash and a name closing the paragraph (comment round-ups).
    if matches!(ctx.w(k), "―" | "—" | "–") {
        let mut e = k + 1;
        while e < n && ctx.para[e] == para && ctx.is_word(e) && is_cap(ctx.w(e)) {
            e += 1;
        }
        let closes = e >= n || ctx.para[e] != para || (matches!(ctx.w(e), "." | ",") && (e + 1 >= n || ctx.para[e + 1] != para));
        if e > k + 1 && e - k <= 5 && closes {
            return Some(Attribution { cue: k, cue_len: 1, who: Who::Span(k + 1, e) });
        }
        return None;
    }
    if let Some(v) = ctx.cue(k) {
        let who = ctx.speaker_after(k + 1 + v.extra_words, true).map_or(Who::None, |(a, b)| Who::Span(a, b));
        if matches!(who, Who::None) {
            return None;
        }
        return Some(Attribution { cue: k, cue_len: 1 + v.extra_words, who });
    }
    // The speaker first, then the verb, within a short stretch and the same sentence.
    let mut m = k + 1;
    while m < n && m < k + 16 && ctx.para[m] == para {
        let w = ctx.w(m);
        if ctx.quoted[m] || is_quote_mark(w) || matches!(w, "." | "!" | "?" | ";") {
            return None;
        }
        if let Some(v) = ctx.cue(m) {
            let (a, b) = ctx.subject_before(m, k)?;
            if a != k {
                return None;
            }
            return Some(Attribution { cue: m, cue_len: 1 + v.extra_words, who: Who::Span(a, b) });
        }
        m += 1;
    }
    None
}

/// "X said: “…”" / "X told reporters, “…”" / "he said, “…”" (the second half of a split quote).
fn before_attribution(ctx: &Ctx, o: usize) -> Option<Attribution> {
    let para = ctx.para[o];
    let mut floor = o;
    while floor > 0 {
        let k = floor - 1;
        let w = ctx.w(k);
        if ctx.para[k] != para || ctx.quoted[k] || matches!(w, "." | "!" | "?" | ";") {
            break;
        }
        floor -= 1;
    }
    let lo = floor.max(o.saturating_sub(12));
    for k in (lo..o).rev() {
        let Some(v) = ctx.cue(k) else { continue };
        // "said that “…”" embeds the quotation in reported speech: not this pattern.
        if (k + 1..o).any(|j| one_of(ctx.w(j), &["that", "if", "whether"])) {
            return None;
        }
        let who = if v.participle {
            crate::reported::clause_subject(ctx, k, &crate::reported::Earlier::NONE)
        } else {
            ctx.subject_before(k, floor).map_or(Who::None, |(a, b)| Who::Span(a, b))
        };
        if matches!(who, Who::None) {
            return None;
        }
        return Some(Attribution { cue: k, cue_len: 1 + v.extra_words, who });
    }
    None
}

/// Direct when the quotation stands as its own sentence or is introduced by its verb;
/// partial when it is a fragment inside someone else's sentence.
fn classify(ctx: &Ctx, st: &Stretch, o: usize, attributed_after: bool, before: Option<&Attribution>) -> QuoteKind {
    let inner = ctx.doc.slice(st.inner);
    let first = inner.chars().next().unwrap_or(' ');
    let upper = first.is_uppercase() || first.is_ascii_digit() || matches!(first, '[' | '…' | '.' | '(' | '‘' | '\'');
    let prev = if o > 0 && ctx.para[o - 1] == ctx.para[o] { Some(ctx.w(o - 1)) } else { None };
    let at_start = match prev {
        None => true,
        Some(p) => matches!(p, "." | "!" | "?" | ":" | "—" | "–" | "(") || is_quote_mark(p),
    };
    if at_start && (upper || attributed_after || prev == Some(":")) {
        return QuoteKind::Direct;
    }
    if let Some(a) = before {
        // Introduced by the verb ("said: “…”", "said, “…”", "says “We …”").
        let gap = o - (a.cue + a.cue_len);
        if gap <= 6 && (upper || matches!(prev, Some(":") | Some(","))) {
            return QuoteKind::Direct;
        }
    }
    QuoteKind::Partial
}
