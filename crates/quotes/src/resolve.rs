//! Who a speaker phrase names.
//!
//! The entity layer comes first: when one of its mentions (names, resolved pronouns,
//! nominals) overlaps the speaker phrase, the speaker is that entity. When it has nothing,
//! a small fallback of our own keeps quotes useful on their own:
//! - a name inside the phrase is the speaker's name ("The city’s mayor, Vadim Boichenko");
//! - a surname alone takes the fullest earlier name ending in it ("Boichenko");
//! - "he"/"she" take the nearest person named before them in the same or the two previous
//!   paragraphs; "the mayor" the nearest earlier person introduced with that title;
//! - anything else keeps its words as `speaker_text` ("A senior Turkish official").

use crate::grammar::{Ctx, is_cap, one_of};
use crate::lexicon::{self, Words as W, is};
use newsgraph_record::{Entity, EntityType};
use newsgraph_text::Span;
use std::collections::HashMap;

/// A person named in the text by our own reading: where, and the name without titles.
#[derive(Debug, Clone)]
pub struct Person {
    pub span: Span,
    pub para: usize,
    pub name: String,
    /// Lower-cased title words written with the name ("president", "mayor").
    pub titles: Vec<String>,
}

/// Finds capitalised runs that look like people's names ("Ukrainian President Volodymyr
/// Zelensky" → "Volodymyr Zelensky" with the title "president").
pub fn find_people(ctx: &Ctx) -> Vec<Person> {
    let mut out = Vec::new();
    let n = ctx.len();
    let mut i = 0;
    while i < n {
        if !(ctx.is_word(i) && is_cap(ctx.w(i))) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < n && ctx.para[j] == ctx.para[start] {
            let w = ctx.w(j);
            let particle = is(W::NameParticle, w) && j + 1 < n && is_cap(ctx.w(j + 1)) && j > start;
            if (ctx.is_word(j) && is_cap(w)) || particle {
                j += 1;
            } else {
                break;
            }
        }
        push_person(ctx, start, j, &mut out);
        i = j.max(i + 1);
    }
    out
}

fn push_person(ctx: &Ctx, start: usize, end: usize, out: &mut Vec<Person>) {
    // "in Colorado Springs", "to Mt. Everest": a run after a place preposition is a place.
    if start > 0 && is(W::PlacePreposition, ctx.w(start - 1)) {
        return;
    }
    let mut a = start;
    let mut titles = Vec::new();
    // Drop opening function words, then titles and nationality adjectives before the name.
    while a < end && is(W::Opener, ctx.w(a)) {
        a += 1;
    }
    let mut k = a;
    while k < end {
        let w = ctx.w(k);
        let lower = w.to_lowercase();
        let title = lexicon::is_speaker_noun(w) || is(W::TitleWord, w);
        let nationality = lower.ends_with("ian") || lower.ends_with("ese") || lower.ends_with("ish") || lower == "us" || lower == "u.s." || lower == "uk";
        if (title || nationality || is(W::NonPerson, w)) && k + 1 < end {
            if title {
                titles.push(lower);
            }
            a = k + 1;
        }
        k += 1;
    }
    let words: Vec<&str> = (a..end).map(|k| ctx.w(k)).collect();
    if words.is_empty() || words.len() > 4 {
        return;
    }
    if words.iter().any(|w| is(W::NonPerson, w) || is(W::Opener, w) || w.chars().all(|c| c.is_uppercase() || c == '.')) {
        return;
    }
    // One word is a name only with a title before it ("President Zelensky", "Mr. Smith").
    if words.len() == 1 && titles.is_empty() && !(a > 0 && is(W::Honorific, ctx.w(a - 1))) {
        return;
    }
    let span = ctx.span(a, end);
    let name = ctx.doc.slice(span).to_string();
    out.push(Person { span, para: ctx.para[a], name, titles });
}

/// The speaker an attribution names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    pub id: Option<String>,
    pub name: Option<String>,
    /// True when a pronoun or nominal was resolved by our own fallback, not the entity layer.
    pub guessed: bool,
}

pub struct Resolver<'a> {
    entities: &'a [Entity],
    /// Every entity mention: (span, entity index), by start.
    mentions: Vec<(Span, usize)>,
    /// People named in the text, by start.
    people: Vec<Person>,
    // Indices answering the look-backs of `resolve` from the candidates alone; scanning every
    // mention or person for each speaker made one huge article quadratic.
    /// Name word (ASCII lower case) of an entity other than a person → its mentions
    /// (indices into `mentions`, ascending).
    mentions_by_word: HashMap<String, Vec<usize>>,
    /// Title → the people given it (indices into `people`, ascending).
    people_by_title: HashMap<String, Vec<usize>>,
    /// Last name word → (start, index into `people` of the longest name so far), by start.
    fullest_by_last: HashMap<String, Vec<(usize, usize)>>,
}

impl<'a> Resolver<'a> {
    pub fn new(ctx: &Ctx, entities: &'a [Entity]) -> Self {
        let mut mentions: Vec<(Span, usize)> =
            entities.iter().enumerate().flat_map(|(ei, e)| e.mentions.iter().map(move |m| (Span::new(m[0], m[1]), ei))).collect();
        mentions.sort_by_key(|(s, _)| s.start);
        let people = find_people(ctx);
        let mut mentions_by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (mi, (_, e)) in mentions.iter().enumerate() {
            let ent = &entities[*e];
            if ent.kind == EntityType::PERSON {
                continue;
            }
            for w in ent.name.split_whitespace() {
                let list = mentions_by_word.entry(w.to_ascii_lowercase()).or_default();
                if list.last() != Some(&mi) {
                    list.push(mi);
                }
            }
        }
        let mut people_by_title: HashMap<String, Vec<usize>> = HashMap::new();
        let mut fullest_by_last: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (pi, p) in people.iter().enumerate() {
            for t in &p.titles {
                let list = people_by_title.entry(t.clone()).or_default();
                if list.last() != Some(&pi) {
                    list.push(pi);
                }
            }
            let Some(last) = p.name.split_whitespace().last() else { continue };
            let list = fullest_by_last.entry(last.to_string()).or_default();
            // The longest name so far; on a tie the later one, as `max_by_key` keeps.
            let best = match list.last() {
                Some(&(_, b)) if people[b].name.len() > p.name.len() => b,
                _ => pi,
            };
            list.push((p.span.start, best));
        }
        Resolver { entities, mentions, people, mentions_by_word, people_by_title, fullest_by_last }
    }

    /// People whose names start before `pos`, nearest first.
    fn people_before(&self, pos: usize) -> impl Iterator<Item = &Person> {
        let hi = self.people.partition_point(|p| p.span.start < pos);
        self.people[..hi].iter().rev()
    }

    /// Resolves the speaker phrase at `span` (tokens `[a, b)`).
    pub fn resolve(&self, ctx: &Ctx, a: usize, b: usize) -> Resolved {
        let span = ctx.span(a, b);
        let head = head_region(ctx, a, b);
        if let Some(e) = self.entity_in(ctx, span, head) {
            let ent = &self.entities[e];
            return Resolved { id: Some(ent.id.clone()), name: Some(ent.name.clone()), guessed: false };
        }
        let para = ctx.para[a];
        // A name inside the phrase.
        if let Some(p) = self.people_before(span.end).take_while(|p| p.span.start >= span.start).find(|p| span.contains(p.span)) {
            return Resolved { id: None, name: Some(self.fullest(&p.name, p.span.start)), guessed: false };
        }
        let text = ctx.doc.slice(span);
        let lower = text.to_lowercase();
        if b - a == 1 && matches!(lower.as_str(), "he" | "she" | "him" | "her") {
            // People come in text order, so paragraphs only fall behind as we go back.
            let found = self.people_before(span.start).take_while(|p| para.saturating_sub(p.para) <= 2).find(|p| p.span.end <= span.start);
            return Resolved { id: None, name: found.map(|p| self.fullest(&p.name, p.span.start)), guessed: true };
        }
        // "it referenced …": the nearest organisation or place named before, within two
        // paragraphs.
        if b - a == 1 && lower == "it" {
            let hi = self.mentions.partition_point(|(m, _)| m.start <= span.start);
            let found = self.mentions[..hi].iter().rev().filter(|(m, _)| m.end <= span.start).take(12).find(|(m, e)| {
                let kind = self.entities[*e].kind;
                let near = ctx.doc.sentence_at(m.start).and_then(|si| ctx.doc.sentences.get(si)).is_some_and(|s| para.saturating_sub(s.paragraph) <= 1);
                near && matches!(kind, EntityType::ORG | EntityType::GPE)
            });
            if let Some((_, e)) = found {
                let ent = &self.entities[*e];
                return Resolved { id: Some(ent.id.clone()), name: Some(ent.name.clone()), guessed: true };
            }
            return Resolved::default();
        }
        // A surname alone: the fullest earlier name ending in it.
        if b - a == 1 && is_cap(text) {
            let full = self.fullest(text, span.end);
            if full != text {
                return Resolved { id: None, name: Some(full), guessed: false };
            }
            return Resolved::default();
        }
        // "the mayor": the nearest earlier person given that title; "the fund": the nearest
        // earlier entity whose name has that word ("International Monetary Fund").
        if b - a <= 3 && one_of(ctx.w(a), &["the", "this"]) {
            let noun = ctx.w(b - 1).to_lowercase();
            let named = self.mentions_by_word.get(&noun.to_ascii_lowercase()).and_then(|list| {
                let hi = list.partition_point(|&mi| self.mentions[mi].0.start <= span.start);
                list[..hi].iter().rev().map(|&mi| &self.mentions[mi]).find(|(m, _)| m.end <= span.start)
            });
            if let Some((_, e)) = named {
                let ent = &self.entities[*e];
                return Resolved { id: Some(ent.id.clone()), name: Some(ent.name.clone()), guessed: true };
            }
            if lexicon::is_speaker_noun(&noun)
                && let Some(p) = self.people_by_title.get(&noun).and_then(|list| {
                    let hi = list.partition_point(|&pi| self.people[pi].span.start < span.start);
                    list[..hi].iter().rev().map(|&pi| &self.people[pi]).find(|p| p.span.end <= span.start)
                })
            {
                return Resolved { id: None, name: Some(p.name.clone()), guessed: true };
            }
        }
        Resolved::default()
    }

    /// The fullest name of a person (by our own reading) that ends with `short`, written
    /// before `before`; `short` itself when there is none.
    fn fullest(&self, short: &str, before: usize) -> String {
        let last = short.split_whitespace().last().unwrap_or(short);
        self.fullest_by_last
            .get(last)
            .and_then(|list| list[..list.partition_point(|&(start, _)| start <= before)].last())
            .map(|&(_, pi)| self.people[pi].name.as_str())
            .filter(|n| n.len() >= short.len())
            .unwrap_or(short)
            .to_string()
    }

    /// The entity whose mention names the speaker: people first, then the mention that
    /// overlaps the phrase's head (not "the Luhansk People’s Republic" in "A leader of …").
    fn entity_in(&self, ctx: &Ctx, span: Span, head: Span) -> Option<usize> {
        // "a recent Reuters survey", "a USA TODAY analysis": the document speaks for the
        // organisation named in it.
        let head_noun = ctx.doc.text[head.start..head.end].split_whitespace().last().unwrap_or("");
        let document = is_document_noun(head_noun);
        let lo = self.mentions.partition_point(|(s, _)| s.end <= span.start.saturating_sub(200));
        let hits: Vec<(Span, usize)> = self.mentions[lo..].iter().take_while(|(s, _)| s.start < span.end).filter(|(s, _)| s.overlaps(span)).copied().collect();
        hits.iter()
            .filter(|(_, e)| self.entities[*e].kind == EntityType::PERSON)
            .max_by_key(|(s, _)| s.end)
            // A modifier is not the speaker: "Ukrainian" in "Ukrainian officials".
            .or_else(|| {
                hits.iter().find(|(s, e)| s.overlaps(head) && (s.end >= head.end || self.entities[*e].kind != EntityType::NORP) && s.end + 1 >= head.end)
            })
            .or_else(|| hits.iter().filter(|_| document).find(|(s, e)| s.overlaps(head) && self.entities[*e].kind == EntityType::ORG))
            .map(|(_, e)| *e)
    }
}

pub fn is_document_noun(w: &str) -> bool {
    is(W::DocumentNoun, w)
}

/// The part of a speaker phrase that holds its head: before any "of"/"to"/"for" phrase,
/// or the apposition after its last comma.
fn head_region(ctx: &Ctx, a: usize, b: usize) -> Span {
    if let Some(c) = (a..b).rev().find(|&k| ctx.w(k) == ",")
        && c + 1 < b
    {
        return ctx.span(c + 1, b);
    }
    let cut = (a + 1..b).find(|&k| one_of(ctx.w(k), &["of", "to", "for", "from", "at", "in"])).unwrap_or(b);
    ctx.span(a, cut)
}
