//! Attributions cued by a noun or a preposition rather than a speech verb, as PolNeAR
//! annotates them: "Trump's claim that …", "growing concerns that …" (a noun taking a
//! "that"-clause), "in Smith's view, …" / "in the view of X, …", and "In the poll, Clinton
//! led …" (a document named in an opening adverbial speaks for the clause after it).
//!
//! The nouns are data (`lexicons/quotes/cue_nouns.tsv`). Each rule looks at a few tokens
//! around the cue and at its own sentence only, so the pass stays linear.

use crate::grammar::{Ctx, is_cap, is_quote_mark, one_of};
use crate::lexicon::{Words as W, is};
use crate::reported::{Earlier, clause_subject, content_item};
use crate::{Item, Who};

const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "their", "its", "our", "my"];

/// "X's claim that CONTENT", "concerns that CONTENT": the noun at `i` with "that" after it.
/// The speaker is the possessor, else (when the noun is not itself the sentence's subject)
/// the subject of the clause it stands in ("Republicans expressed concern that …").
pub fn claim_noun(ctx: &Ctx, i: usize, prior: &Earlier) -> Option<Item> {
    let that = i + 1;
    if !is(W::ClaimNoun, ctx.w(i)) || !ctx.w(that).eq_ignore_ascii_case("that") || ctx.quoted[i] || ctx.quoted[that] {
        return None;
    }
    let first = ctx.sentence_first(i);
    let end = ctx.sentence_end(i);
    if that + 1 >= end || !opens_clause(ctx, that + 1) {
        return None;
    }
    let b = ctx.clause_end(that + 1);
    // A relative "that" leaves a short gapped clause ("the claim that he made"); a content
    // clause says something.
    if (that + 1..b).filter(|&k| ctx.is_word(k)).count() < 4 {
        return None;
    }
    let who = match possessor(ctx, i, first) {
        Some((a, b)) => Who::Span(a, b),
        None if i >= first + 3 => clause_subject(ctx, i, prior),
        None => Who::None,
    };
    if matches!(who, Who::None) {
        return None;
    }
    content_item(ctx, that, b, who, Some((i, i + 1)), 0.6)
}

/// "in Smith's view, CONTENT" / "CONTENT, in her opinion." / "in the view of X, CONTENT":
/// `i` is "in". Returns the item and the token to resume scanning at.
pub fn in_view(ctx: &Ctx, i: usize) -> Option<(Item, usize)> {
    if !ctx.w(i).eq_ignore_ascii_case("in") || ctx.quoted[i] {
        return None;
    }
    let first = ctx.sentence_first(i);
    let end = ctx.sentence_end(i);
    let (who, phrase_end, cue_end) = if ctx.w(i + 1).eq_ignore_ascii_case("the") && is(W::ViewNoun, ctx.w(i + 2)) && ctx.w(i + 3) == "of" {
        // "in the view of many economists,"
        let a = i + 4;
        let b = (a..(a + 8).min(end)).find(|&k| !ctx.is_word(k) || ctx.quoted[k]).unwrap_or((a + 8).min(end));
        if b == a {
            return None;
        }
        ((a, b), b, i + 3)
    } else {
        // "in Donald Trump’s view"
        let mut j = i + 1;
        while j < end && j < i + 5 && is_cap(ctx.w(j)) && !is_possessive(ctx.w(j)) {
            j += 1;
        }
        let w = ctx.w(j);
        if j >= end || !(is_possessive(w) || one_of(w, POSSESSIVE_PRONOUNS)) || !is(W::ViewNoun, ctx.w(j + 1)) {
            return None;
        }
        ((i + 1, j + 1), j + 2, j + 2)
    };
    let at_start = (first..i).all(|k| one_of(ctx.w(k), &["but", "and", "yet", "so"]));
    let (a, b) = if at_start && ctx.w(phrase_end) == "," {
        (phrase_end + 1, ctx.clause_end(phrase_end + 1))
    } else if i > first + 2 && ctx.w(i - 1) == "," && matches!(ctx.w(phrase_end), "." | "!" | "?" | ";") {
        (first, i - 1)
    } else {
        return None;
    };
    let item = content_item(ctx, a, b, Who::Span(who.0, who.1), Some((i, cue_end)), 0.6)?;
    Some((item, phrase_end))
}

/// "In the poll, CONTENT" / "In a new report released Monday, CONTENT": a sentence-opening
/// adverbial naming a document, when no speech verb in the clause attributes it otherwise
/// ("In a statement, the ministry said …" is the verb's). `i` is "In".
pub fn in_document(ctx: &Ctx, i: usize) -> Option<(Item, usize)> {
    let first = ctx.sentence_first(i);
    if i != first || !ctx.w(i).eq_ignore_ascii_case("in") || ctx.quoted[i] {
        return None;
    }
    let end = ctx.sentence_end(i);
    let comma = (i + 1..(i + 12).min(end)).find(|&k| ctx.w(k) == ",")?;
    // The document heads the adverbial: "In this poll", not "In the wake of the poll".
    let doc = (i + 1..comma).find(|&k| is(W::SourceDocument, ctx.w(k)))?;
    if (i + 1..comma).any(|k| ctx.quoted[k] || is_quote_mark(ctx.w(k))) || (i + 1..doc).any(|k| one_of(ctx.w(k), &["of", "to", "after", "before"])) {
        return None;
    }
    let a = comma + 1;
    let b = ctx.clause_end(a);
    if (a..b).any(|k| ctx.cue(k).is_some() || ctx.w(k).eq_ignore_ascii_case("according")) {
        return None;
    }
    let item = content_item(ctx, a, b, Who::Span(i + 1, comma), Some((i, i + 1)), 0.55)?;
    Some((item, a))
}

/// A word that opens a clause after "that": a subject pronoun, a determiner, a name, a number.
pub fn opens_clause(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.w(k);
    is(W::SubjectPronoun, w)
        || one_of(
            w,
            &[
                "there", "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "some", "many", "no", "all", "most", "every", "any",
                "if", "such",
            ],
        )
        || (is_cap(w) && !ctx.quoted[k])
        || w.starts_with(|c: char| c.is_ascii_digit())
        || is_quote_mark(w)
}

fn is_possessive(w: &str) -> bool {
    w.len() > 2 && (w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’"))
}

/// The possessor of the noun at `i`, past up to two modifiers: "Trump’s repeated claim",
/// "his claim", "the president’s assertion".
fn possessor(ctx: &Ctx, i: usize, first: usize) -> Option<(usize, usize)> {
    let mut j = i;
    for _ in 0..2 {
        let w = ctx.w(j.checked_sub(1)?);
        if j <= first || is_possessive(w) || one_of(w, POSSESSIVE_PRONOUNS) || !ctx.is_word(j - 1) || is_cap(w) || is(W::Article, w) {
            break;
        }
        j -= 1;
    }
    let p = j.checked_sub(1).filter(|&p| p >= first)?;
    let w = ctx.w(p);
    if one_of(w, POSSESSIVE_PRONOUNS) {
        return Some((p, p + 1));
    }
    if !is_possessive(w) || ctx.quoted[p] {
        return None;
    }
    let mut a = p;
    while a > first && a + 5 > p && is_cap(ctx.w(a - 1)) && !ctx.quoted[a - 1] {
        a -= 1;
    }
    if a > first && one_of(ctx.w(a - 1), &["the"]) {
        a -= 1;
    }
    Some((a, p + 1))
}
