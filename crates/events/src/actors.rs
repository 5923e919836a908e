//! Actor phrases in a sentence: named entities, countries and their adjectives, seats of
//! government, and common-noun actors ("Ukrainian officials", "Russian forces").
//!
//! The chunker works on its own so that events keep their actor words when no entity layer
//! ran; when entities exist, a phrase that covers a mention carries that entity's id.

use std::borrow::Cow;
use std::sync::LazyLock;

use newsgraph_record::{Entity, EntityType};
use newsgraph_text::{Document, Span, Token, TokenKind};

use crate::lexicon::{CountryWord, LEXICON};

/// One sentence's tokens with lower-case word access.
pub struct Sent<'a> {
    pub doc: &'a Document,
    pub toks: &'a [Token],
    /// The lower-cased words, apostrophes straightened ("n’t" → "n't").
    pub words: Vec<Cow<'a, str>>,
}

impl<'a> Sent<'a> {
    pub fn new(doc: &'a Document, toks: &'a [Token]) -> Self {
        let words = toks
            .iter()
            .map(|t| {
                let raw = &doc.text[t.span.start..t.span.end];
                if raw.bytes().any(|b| b.is_ascii_uppercase()) || raw.contains('’') || !raw.is_ascii() {
                    Cow::Owned(raw.to_lowercase().replace('’', "'"))
                } else {
                    Cow::Borrowed(raw)
                }
            })
            .collect();
        Sent { doc, toks, words }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.doc.text[t.span.start..t.span.end])
    }

    pub fn w(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.as_ref())
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// True when the words starting at `i` are exactly `phrase`.
    pub fn matches(&self, i: usize, phrase: &[&str]) -> bool {
        i + phrase.len() <= self.len() && phrase.iter().enumerate().all(|(k, p)| self.w(i + k) == *p)
    }

    /// The byte span from token `a` to token `b - 1`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b.max(a + 1) - 1].span.end)
    }

    pub fn text(&self, a: usize, b: usize) -> &'a str {
        let s = self.span(a, b);
        &self.doc.text[s.start..s.end]
    }
}

/// Which sort of thing an actor phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Person,
    Org,
    Place,
    /// A country named by its adjective, or a group ("Ukrainian officials").
    Group,
}

#[derive(Debug, Clone)]
pub struct Actor {
    /// Sentence-local token range.
    pub start: usize,
    pub end: usize,
    pub kind: ActorKind,
    /// The entity the phrase's head names, if the entity layer found it.
    pub entity: Option<usize>,
    /// The country the phrase names or stands for (index into the lexicon's countries).
    pub country: Option<usize>,
    /// The phrase stands for a state through its capital or seat ("Moscow", "the Kremlin").
    pub metonym: bool,
    /// The phrase ends in a possessive ("Russia's").
    pub possessive: bool,
    /// Index of the actor joined to this one by "and" before it ("Ukraine and Russia").
    pub conj_prev: Option<usize>,
    /// A lone country adjective qualifying a thing rather than people ("Ukrainian cities"):
    /// it may own a nominal event ("Russian invasion") but is not a subject or object.
    pub modifier_only: bool,
}

/// Words that are capitalised at the start of a sentence or in headlines without naming
/// anything.
static NOT_NAMES: LazyLock<&[&str]> = LazyLock::new(|| LEXICON.list("not_names"));

/// Words that may open an actor phrase when a head follows ("senior officials").
static MODIFIERS: LazyLock<&[&str]> = LazyLock::new(|| LEXICON.list("modifiers"));

/// Prepositions whose object is not the subject of a clause.
pub static PREPOSITIONS: LazyLock<&[&str]> = LazyLock::new(|| LEXICON.list("prepositions"));

fn strip_possessive(w: &str) -> (&str, bool) {
    if let Some(s) = w.strip_suffix("'s") {
        (s, true)
    } else if let Some(s) = w.strip_suffix('\'') {
        (s, true)
    } else {
        (w, false)
    }
}

fn is_capitalised(raw: &str) -> bool {
    raw.chars().next().is_some_and(char::is_uppercase)
}

/// The length in tokens of the common-noun actor starting at `i` (plurals accepted).
pub fn agent_len(s: &Sent, i: usize) -> usize {
    let (first, _) = strip_possessive(s.w(i));
    let try_key = |key: &str| -> usize {
        let Some(list) = LEXICON.agents.get(key) else { return 0 };
        for words in list {
            let n = words.len();
            if i + n > s.len() {
                continue;
            }
            let ok = (1..n).all(|k| {
                let w = strip_possessive(s.w(i + k)).0;
                let last = k == n - 1;
                w == words[k] || (last && singular(w).is_some_and(|sg| sg == words[k]))
            });
            if ok && (n > 1 || key == first || singular(first) == Some(key)) {
                return n;
            }
        }
        0
    };
    let n = try_key(first);
    if n > 0 {
        return n;
    }
    singular(first).map_or(0, try_key)
}

/// The singular of a regular English plural, if the word looks like one.
fn singular(w: &str) -> Option<&str> {
    if w.len() > 4 && w.ends_with("ies") {
        None // "authorities" etc. are listed as written
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        Some(&w[..w.len() - 1])
    } else {
        None
    }
}

/// Finds the actor phrases of a sentence. `ent_at[i]` is the entity covering token `i`.
pub fn chunk(s: &Sent, ent_at: &[Option<usize>], entities: &[Entity], trigger_at: &[bool]) -> Vec<Actor> {
    let n = s.len();
    let mut out: Vec<Actor> = Vec::new();
    let mut i = 0;
    while i < n {
        let start = i;
        let mut end = i;
        let mut has_head = false;
        let mut k = i;
        // Optional leading modifiers.
        while k < n && MODIFIERS.contains(&s.w(k)) && ent_at[k].is_none() {
            k += 1;
        }
        loop {
            // "his wife", "its allies": a possessive determiner resolved to someone is not an
            // actor phrase of its own.
            let determiner = k == start && matches!(s.w(k), "his" | "her" | "its" | "their") && s.raw(k + 1).chars().next().is_some_and(char::is_lowercase);
            // Tokens inside an entity mention ("J. Joe Ricketts") stay in the phrase.
            if k < n && ent_at[k].is_some() && !determiner && (s.is_word(k) || end == k) {
                k += 1;
                end = k;
                has_head = true;
                continue;
            }
            if k >= n || !s.is_word(k) || determiner {
                break;
            }
            let raw = s.raw(k);
            let (w, _) = strip_possessive(s.w(k));
            let alen = agent_len(s, k);
            // A listed actor noun, unless a pronoun, modal or "to" makes it a verb ("they force").
            let verb_use = trigger_at[k]
                && k > 0
                && matches!(s.w(k - 1), "to" | "will" | "would" | "can" | "could" | "they" | "we" | "he" | "she" | "it" | "who" | "which");
            if alen > 0 && !verb_use {
                k += alen;
                end = k;
                has_head = true;
                continue;
            }
            if LEXICON.country(w).is_some() {
                k += 1;
                end = k;
                has_head = true;
                continue;
            }
            let sentence_start = k == 0 || (k == 1 && !s.is_word(0));
            // "London-based", "Singapore-listed" qualify; they do not name an actor.
            let hyphen_adjective = raw.rsplit('-').next().is_some_and(|tail| tail != raw && tail.chars().next().is_some_and(char::is_lowercase));
            // "I’ve", "We're": a pronoun with a contraction is still a pronoun.
            let base = w.split('\'').next().unwrap_or(w);
            let name_like = is_capitalised(raw) && !hyphen_adjective && !NOT_NAMES.contains(&w) && !NOT_NAMES.contains(&base);
            if name_like && !(sentence_start && trigger_at[k]) {
                k += 1;
                end = k;
                has_head = true;
                continue;
            }
            // Joiners inside names: "Ministry of Foreign Affairs", "Court of Appeals for the Sixth Circuit".
            if has_head && matches!(w, "of" | "for" | "de") && end == k {
                let mut j = k + 1;
                if j < n && s.w(j) == "the" {
                    j += 1;
                }
                if j < n && (ent_at[j].is_some() || (is_capitalised(s.raw(j)) && !NOT_NAMES.contains(&s.w(j)))) {
                    k = j;
                    continue;
                }
            }
            break;
        }
        if !has_head || end == start {
            i = start + 1;
            continue;
        }
        // "The International Labor Office (ILO)": the acronym in brackets belongs to the name.
        if end + 2 < n && s.w(end) == "(" && s.w(end + 2) == ")" && s.raw(end + 1).chars().next().is_some_and(char::is_uppercase) {
            end += 3;
        }
        out.push(describe(s, start, end, ent_at, entities));
        i = end;
        // A possessive ends the phrase.
    }
    // Split phrases at possessives and record conjunctions.
    let mut split: Vec<Actor> = Vec::new();
    for a in out {
        let mut st = a.start;
        for k in a.start..a.end {
            // "Russia's forces" splits; "People's Republic" and "Russia's President Putin" do not.
            let next_capital = s.raw(k + 1).chars().next().is_some_and(char::is_uppercase);
            if strip_possessive(s.w(k)).1 && k + 1 < a.end && !next_capital {
                split.push(describe(s, st, k + 1, ent_at, entities));
                st = k + 1;
            }
        }
        split.push(describe(s, st, a.end, ent_at, entities));
    }
    add_country_anaphors(s, &mut split);
    for idx in 1..split.len() {
        let (prev_end, cur_start) = (split[idx - 1].end, split[idx].start);
        let between: Vec<&str> = (prev_end..cur_start).map(|k| s.w(k)).collect();
        // "Sheldon Adelson and his wife, Miriam": a relative named in apposition joins too.
        let relative = matches!(between.as_slice(), ["and", "his" | "her" | "their", w, ","] if LEXICON.is_word_in("relatives", w));
        if relative {
            split[idx].conj_prev = Some(idx - 1);
            continue;
        }
        if matches!(between.as_slice(), ["and"] | [",", "and"] | [","] | ["&"]) {
            // "," alone joins only inside a list that ends in "and".
            if between == [","] {
                let next_and = split.get(idx + 1).is_some_and(|nx| {
                    let b: Vec<&str> = (split[idx].end..nx.start).map(|k| s.w(k)).collect();
                    matches!(b.as_slice(), ["and"] | [",", "and"])
                });
                if !next_and {
                    continue;
                }
            }
            split[idx].conj_prev = Some(idx - 1);
        }
    }
    split
}

/// "the country", "the nation" after a phrase naming a country in the same sentence stand
/// for that state ("British Prime Minister Theresa May said the country would leave").
fn add_country_anaphors(s: &Sent, actors: &mut Vec<Actor>) {
    let mut found = Vec::new();
    for k in 1..s.len() {
        if s.w(k - 1) != "the" || !matches!(strip_possessive(s.w(k)).0, "country" | "nation") || actors.iter().any(|a| a.start < k + 1 && k - 1 < a.end) {
            continue;
        }
        let Some(c) = actors.iter().rev().filter(|a| a.end < k).find_map(|a| a.country) else { continue };
        let possessive = strip_possessive(s.w(k)).1;
        found.push(Actor {
            start: k - 1,
            end: k + 1,
            kind: ActorKind::Place,
            entity: None,
            country: Some(c),
            metonym: true,
            possessive,
            conj_prev: None,
            modifier_only: false,
        });
    }
    if !found.is_empty() {
        actors.extend(found);
        actors.sort_by_key(|a| a.start);
    }
}

fn describe(s: &Sent, start: usize, end: usize, ent_at: &[Option<usize>], entities: &[Entity]) -> Actor {
    // The head entity: the rightmost person, organisation or place; else any entity.
    let mut entity = None;
    let mut best_rank = 0;
    for k in (start..end).rev() {
        if let Some(e) = ent_at[k] {
            let rank = match entities[e].kind {
                EntityType::PERSON | EntityType::ORG => 3,
                EntityType::GPE | EntityType::LOC | EntityType::FAC => 2,
                EntityType::NORP => 1,
            };
            if rank > best_rank {
                best_rank = rank;
                entity = Some(e);
            }
        }
    }
    let mut country = None;
    let mut metonym = false;
    let mut how = None;
    // Whole-phrase country names first ("United States", "the Kremlin"), then single words.
    let mut phrase = String::new();
    for k in start..end {
        if k > start {
            phrase.push(' ');
        }
        phrase.push_str(strip_possessive(s.w(k)).0);
    }
    let phrase = phrase.strip_prefix("the ").unwrap_or(&phrase);
    if let Some((c, w)) = LEXICON.country(phrase) {
        country = LEXICON.countries.iter().position(|x| x.iso3 == c.iso3);
        how = Some(w);
    } else {
        for k in start..end {
            let w = strip_possessive(s.w(k)).0;
            // Plural demonyms ("the Russians") name their country too.
            let found = LEXICON.country(w).or_else(|| w.strip_suffix('s').and_then(|x| LEXICON.country(x)).filter(|(_, how)| *how == CountryWord::Demonym));
            if let Some((c, w)) = found {
                country = LEXICON.countries.iter().position(|x| x.iso3 == c.iso3);
                how = Some(w);
                break;
            }
        }
    }
    let whole_country = LEXICON.country(phrase).is_some();
    if whole_country && how == Some(CountryWord::Seat) {
        metonym = true;
    }
    let agent_head = (start..end).any(|k| agent_len(s, k) > 0 && ent_at[k].is_none());
    let kind = match entity.map(|e| entities[e].kind) {
        Some(EntityType::PERSON) => ActorKind::Person,
        Some(EntityType::ORG) => ActorKind::Org,
        Some(EntityType::GPE | EntityType::LOC | EntityType::FAC) if !agent_head => ActorKind::Place,
        _ if whole_country && how == Some(CountryWord::Name) => ActorKind::Place,
        _ if agent_head || how == Some(CountryWord::Demonym) => ActorKind::Group,
        _ => ActorKind::Org,
    };
    let possessive = strip_possessive(s.w(end - 1)).1;
    let lone_adjective = end - start == 1
        && !agent_head
        && (how == Some(CountryWord::Demonym) || entity.is_some_and(|e| entities[e].kind == EntityType::NORP))
        && !s.w(start).ends_with('s');
    let modifier_only =
        lone_adjective && end < s.len() && s.is_word(end) && !matches!(s.w(end), "and" | "or") && s.raw(end).chars().next().is_some_and(char::is_lowercase);
    Actor { start, end, kind, entity, country, metonym, possessive, conj_prev: None, modifier_only }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actors(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let s = Sent::new(&doc, &doc.tokens);
        let ent_at = vec![None; s.len()];
        let trig = vec![false; s.len()];
        chunk(&s, &ent_at, &[], &trig).iter().map(|a| s.text(a.start, a.end).to_string()).collect()
    }

    #[test]
    fn finds_names_groups_and_compounds() {
        assert_eq!(actors("Ukraine and Russia are preparing for talks."), ["Ukraine", "Russia"]);
        assert_eq!(actors("Senior Hungarian and Romanian officials agreed."), ["Senior Hungarian", "Romanian officials"]);
        assert_eq!(actors("Ukraine accused Russian Foreign Minister Sergei Lavrov of ignoring calls."), ["Ukraine", "Russian Foreign Minister Sergei Lavrov"]);
        // An agent with its affiliation is one phrase, headed by the affiliation.
        assert_eq!(
            actors("A spokesman for the Ukrainian Ministry of Foreign Affairs ruled it out."),
            ["spokesman for the Ukrainian Ministry of Foreign Affairs"]
        );
    }

    #[test]
    fn possessive_splits_and_metonymy() {
        let doc = Document::new("The Kremlin's demands angered Kiev.");
        let s = Sent::new(&doc, &doc.tokens);
        let ent_at = vec![None; s.len()];
        let trig = vec![false; s.len()];
        let a = chunk(&s, &ent_at, &[], &trig);
        assert_eq!(a.len(), 2);
        assert!(a[0].possessive && a[0].metonym);
        assert_eq!(LEXICON.countries[a[0].country.unwrap()].iso3, "RUS");
        assert!(a[1].metonym);
    }
}
