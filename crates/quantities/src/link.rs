//! Linking a quantity to the place it is about and to whoever claims it.
//!
//! Place: a GPE/LOC mention in the sentence (one after a locative preposition first, then the
//! nearest), else the nearest in the paragraph, else the article's main place.
//! Claimant: the speaker of the reported speech the quantity sits in (quotes layer); else the
//! subject of a claim verb in its sentence ("the UN has confirmed", "according to the
//! ministry", ", he said"), with pronouns carried from the paragraph's last named claimant.

use crate::index::Spans;
use crate::lexicon::{CueFrame, LEXICON};
use crate::tokens::{Tok, low, low_before};
use newsgraph_record::{Entity, EntityType, Quote};
use newsgraph_text::Document;
use std::collections::HashMap;

pub struct Places {
    /// (start, end, entity id) of every GPE/LOC/FAC mention, in text order.
    mentions: Vec<(usize, usize, usize)>,
    main: Option<usize>,
}

impl Places {
    pub fn new(entities: &[Entity]) -> Self {
        let mut mentions = Vec::new();
        let mut best: Option<(usize, usize, usize)> = None; // (count, -first, index)
        for (ei, e) in entities.iter().enumerate() {
            if !matches!(e.kind, EntityType::GPE | EntityType::LOC | EntityType::FAC) {
                continue;
            }
            for m in &e.mentions {
                mentions.push((m[0], m[1], ei));
            }
            if matches!(e.kind, EntityType::GPE | EntityType::LOC) && !e.mentions.is_empty() {
                let first = e.mentions.iter().map(|m| m[0]).min().unwrap_or(usize::MAX);
                let key = (e.mentions.len(), usize::MAX - first, ei);
                if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                    best = Some(key);
                }
            }
        }
        mentions.sort_unstable();
        Places { mentions, main: best.map(|b| b.2) }
    }

    /// The entity index of the place a quantity at `pos` (bytes) is about.
    pub fn place(&self, doc: &Document, lower: &str, sentence: usize, pos: usize) -> Option<usize> {
        let s = doc.sentences[sentence].span;
        let para = doc.paragraphs[doc.sentences[sentence].paragraph];
        // Mentions are sorted by start: the ones inside `[a, b)` are found by binary search.
        let inside = |a: usize, b: usize| {
            let lo = self.mentions.partition_point(|m| m.0 < a);
            self.mentions[lo..].iter().take_while(move |m| m.0 < b).filter(move |m| m.1 <= b)
        };
        let dist = |m: &&(usize, usize, usize)| if m.0 >= pos { m.0 - pos } else { pos - m.1 };
        let locative = |m: &&(usize, usize, usize)| {
            let before = lower[..m.0].trim_end();
            let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            LEXICON.is("locative", word)
        };
        if let Some(m) = inside(s.start, s.end).filter(locative).min_by_key(dist) {
            return Some(m.2);
        }
        if let Some(m) = inside(s.start, s.end).min_by_key(dist) {
            return Some(m.2);
        }
        if let Some(m) = inside(para.start, para.end).min_by_key(dist) {
            return Some(m.2);
        }
        self.main
    }
}

/// Whoever a quantity is attributed to: an entity index and the words naming it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Claimant {
    pub entity: Option<String>,
    pub text: Option<String>,
}

impl Claimant {
    pub fn is_some(&self) -> bool {
        self.entity.is_some() || self.text.is_some()
    }
}

/// The speaker of the narrowest quote whose content holds `[s, e)`; `contents` indexes the
/// quotes' content spans.
pub fn from_quotes(quotes: &[Quote], contents: &Spans, s: usize, e: usize) -> Option<Claimant> {
    let q = contents.containing(s, e).min_by_key(|&i| (quotes[i].span[1] - quotes[i].span[0], i)).map(|i| &quotes[i])?;
    let text = match (&q.speaker_text, &q.speaker_name) {
        (Some(t), Some(n)) if is_pronoun(&t.to_lowercase()) => Some(n.clone()),
        (Some(t), _) => Some(t.clone()),
        (None, n) => n.clone(),
    };
    let c = Claimant { entity: q.speaker.clone(), text };
    c.is_some().then_some(c)
}

pub fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i" | "him" | "her" | "them")
}

/// The claimant phrase of a claim cue in the sentence that governs the number at tokens
/// `[lead, tail)`: (start token, end token) of the claimant's words.
pub fn claimant_span(toks: &[Tok], lead: usize, tail: usize) -> Option<(usize, usize)> {
    // "according to X", "citing X": anywhere in the sentence.
    for (k, t) in toks.iter().enumerate() {
        if LEXICON.cues.get(t.lower) == Some(&CueFrame::According) {
            let from = if low(toks, k + 1) == "to" { k + 2 } else { k + 1 };
            let end = phrase_end(toks, from);
            if end > from && !(from <= lead && lead < end) {
                return Some((from, end));
            }
        }
    }
    // The nearest verb cue before the number whose subject does not hold the number.
    for c in (0..lead).rev() {
        if !is_verb_cue(toks, c) {
            continue;
        }
        if let Some((a, b)) = subject_before(toks, c)
            && !(a <= lead && lead < b)
        {
            return Some((a, b));
        }
    }
    // An attribution after the content: "…, he said." / "…, said O'Neill." / "…, a USA TODAY
    // analysis shows."
    for c in tail..toks.len() {
        if !is_verb_cue(toks, c) {
            continue;
        }
        let after = toks.get(c + 1);
        if low_before(toks, c) == "," || matches!(low_before(toks, c), "”" | "\"") {
            // ", said O'Neill" / ", said the ruling".
            if after.is_some_and(|t| t.is_capitalised() || t.lower == "the") {
                let end = phrase_end(toks, c + 1);
                if end > c + 1 {
                    return Some((c + 1, end));
                }
            }
        }
        // The subject starts after the last comma or closing quote between number and cue.
        let open = (tail..c).rev().find(|&k| matches!(toks[k].lower, "," | "”" | "\"" | "’" | "'"));
        if let Some(k) = open {
            let a = k + 1;
            let mut b = c;
            while b > a && matches!(toks[b - 1].lower, "has" | "have" | "had" | "also" | "later" | "further") {
                b -= 1;
            }
            if b > a && b - a <= 10 {
                return Some((a, b));
            }
        }
        break;
    }
    None
}

/// True when token `c` is a claim verb here; a verb that is also a noun ("its forecast",
/// "campaign-finance reports") counts only after a name, a pronoun or an auxiliary.
pub fn is_verb_cue(toks: &[Tok], c: usize) -> bool {
    match LEXICON.cues.get(toks[c].lower) {
        Some(CueFrame::Verb) => true,
        Some(CueFrame::VerbNoun) => {
            let Some(p) = c.checked_sub(1).map(|k| &toks[k]) else { return false };
            (p.is_capitalised() && p.is_word() && c > 1)
                || is_pronoun(p.lower)
                || matches!(p.lower, "has" | "have" | "had" | "also" | "later" | "will" | "would" | "which" | "who")
        }
        _ => false,
    }
}

/// The subject noun phrase before the cue at `c`, skipping auxiliaries and adverbs ("The UN
/// has confirmed", "The Kremlin later said").
fn subject_before(toks: &[Tok], c: usize) -> Option<(usize, usize)> {
    let mut end = c;
    while end > 0
        && matches!(
            toks[end - 1].lower,
            "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "also"
                | "later"
                | "previously"
                | "has also"
                | "again"
                | "earlier"
                | "recently"
                | "further"
                | "reportedly"
                | "then"
                | "first"
        )
    {
        end -= 1;
    }
    let mut start = end;
    let mut commas = 0;
    while start > 0 && end - start < 12 {
        let t = &toks[start - 1];
        let ok = t.is_word() || matches!(t.lower, "’s" | "'s" | "’" | "." | "-" | "&") || (t.lower == "," && commas < 2) || t.is_number();
        if !ok
            || matches!(
                t.lower,
                "that"
                    | "which"
                    | "who"
                    | "and"
                    | "but"
                    | "when"
                    | "while"
                    | "as"
                    | "after"
                    | "before"
                    | "if"
                    | "because"
                    | "since"
                    | "so"
                    | "said"
                    | "says"
                    | "say"
            )
        {
            break;
        }
        if t.lower == "," {
            commas += 1;
        }
        start -= 1;
    }
    while start < end && matches!(toks[start].lower, "," | "." | "-") {
        start += 1;
    }
    (start < end).then_some((start, end))
}

/// The end of a claimant phrase starting at `from` (up to a comma, full stop or clause word).
fn phrase_end(toks: &[Tok], from: usize) -> usize {
    let mut k = from;
    while k < toks.len() && k < from + 10 {
        let t = &toks[k];
        if !(t.is_word() || matches!(t.lower, "’s" | "'s" | "-" | "&") || t.is_number())
            || matches!(t.lower, "that" | "which" | "who" | "on" | "in" | "at" | "last" | "this" | "as" | "and" | "when")
        {
            break;
        }
        k += 1;
    }
    k
}

/// The words that name the claimant inside its phrase: the last run of capitalised words
/// ("The city’s mayor, Vadim Boichenko" → "Vadim Boichenko"; "A 2014 study by … Justin
/// Levitt" → "Justin Levitt"), else the whole phrase. Returns byte offsets.
pub fn name_in(toks: &[Tok], a: usize, b: usize) -> (usize, usize) {
    let mut best: Option<(usize, usize)> = None;
    let mut k = a;
    while k < b {
        if toks[k].is_capitalised() && toks[k].is_word() && !(k == 0 && matches!(toks[k].lower, "the" | "a" | "an")) {
            let s = k;
            let mut e = k + 1;
            while e < b {
                let t = &toks[e];
                // A capitalised word, or a joining word between capitalised ones.
                let joiner = matches!(t.lower, "of" | "for" | "the" | "on" | "&" | "-") && e + 1 < b && toks[e + 1].is_capitalised();
                if (t.is_capitalised() && (t.is_word() || t.is_number())) || joiner {
                    e += 1;
                } else {
                    break;
                }
            }
            // A sentence-opening adverb or phrase ("Overall, the fund"): not a name.
            let opener = s == 0 && low(toks, e) == ",";
            if !opener {
                best = Some((s, e));
            }
            k = e;
        } else {
            k += 1;
        }
    }
    let (s, e) = best.unwrap_or_else(|| {
        // No name: the words after the last comma ("Overall, the fund" → "the fund").
        let s = (a..b).rev().find(|&k| toks[k].lower == ",").map_or(a, |k| k + 1);
        if s < b { (s, b) } else { (a, b) }
    });
    // "The UN": keep a leading article that starts the phrase for readability.
    let s = if s > a && matches!(toks[s - 1].lower, "the") && s - 1 == a { s - 1 } else { s };
    (toks[s].start, toks[e - 1].end)
}

/// The entities indexed for [`EntityIndex::find`]: mentions by position, names by text.
pub struct EntityIndex {
    mentions: Spans,
    /// ASCII-lower-cased name or alias → the first entity bearing it.
    names: HashMap<String, usize>,
}

impl EntityIndex {
    pub fn new(entities: &[Entity]) -> Self {
        let mentions = Spans::new(entities.iter().enumerate().flat_map(|(i, en)| en.mentions.iter().map(move |m| (m[0], m[1], i))));
        let mut names = HashMap::new();
        for (i, en) in entities.iter().enumerate() {
            for name in std::iter::once(&en.name).chain(en.aliases.iter()) {
                names.entry(name.to_ascii_lowercase()).or_insert(i);
            }
        }
        EntityIndex { mentions, names }
    }

    /// The first entity (any type) with a mention overlapping `[s, e)`, or else whose name or
    /// alias is the text (without a leading "The").
    pub fn find(&self, s: usize, e: usize, text: &str) -> Option<usize> {
        let bare = text.trim_start_matches("The ").trim_start_matches("the ");
        self.mentions.overlapping(s, e).min().or_else(|| self.names.get(&bare.to_ascii_lowercase()).copied())
    }
}

/// "It edged up its forecast … to 4.2 percent": the owner of a claim written as a noun
/// ("its forecast", "their estimate") before the number claims it. Returns the subject words:
/// the nearest pronoun or name before the possessive.
pub fn owner_of_claim_noun(toks: &[Tok], lead: usize) -> Option<(usize, usize)> {
    let k =
        (0..lead).rev().find(|&k| matches!(toks[k].lower, "its" | "their") && (k + 1..(k + 4).min(lead)).any(|m| LEXICON.is("claim_noun", toks[m].lower)))?;
    for m in (0..k).rev() {
        let t = &toks[m];
        if matches!(t.lower, "it" | "they") {
            return Some((m, m + 1));
        }
        if t.is_capitalised() && t.is_word() && !(m == 0 && low(toks, m + 1) == ",") && !matches!(t.lower, "but" | "and" | "on" | "in" | "the" | "a") {
            let mut s = m;
            while s > 0 && toks[s - 1].is_capitalised() && toks[s - 1].is_word() {
                s -= 1;
            }
            return Some((s, m + 1));
        }
    }
    None
}
