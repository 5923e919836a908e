//! Name mentions: the statistical tagger's, merged with high-precision rules that need no
//! model (gazetteer and organisation tables, "(UN)" acronym definitions, organisation names
//! ending in "Ministry"/"University", people introduced by a first name or a title).
//!
//! The rules run sentence by sentence in order of reliability; each claims its tokens, so a
//! later, weaker rule never splits a name an earlier one found.

use crate::lexicon::{self, LEX, PlaceKind};
use crate::words::{self, NOT_NAMES, ORG_WORDS};
use newsgraph_ner::NameMention;
use newsgraph_record::EntityType;
use newsgraph_text::{Document, Span, TokenKind};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// How a mention was found, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// A table entry (place, organisation, demonym).
    Lexicon,
    /// A structural pattern: "(IAVA)" definitions, "... Ministry", "... of Foreign Affairs".
    Pattern,
    /// The statistical tagger.
    Tagger,
    /// A weaker rule: a first name or a title before capitalised words, a bare acronym.
    Guess,
}

#[derive(Debug, Clone)]
pub struct Mention {
    /// Byte span of the name, without a possessive ending.
    pub span: Span,
    /// Tokens covered (the last may carry the possessive).
    pub tokens: Range<usize>,
    pub kind: EntityType,
    pub origin: Origin,
    /// The name with straight apostrophes and single spaces.
    pub key: String,
    /// Set when the mention is an acronym defined in parentheses right after the mention
    /// with this index ("Iraq and Afghanistan Veterans of America (IAVA)").
    pub defines: Option<usize>,
}

/// Finds the name mentions of a document, in text order, non-overlapping.
pub fn find(doc: &Document, tagged: &[NameMention]) -> Vec<Mention> {
    find_outside(doc, tagged, &[])
}

/// [`find`], where `other` are the spans of names of no entity type that the tagger found
/// ("the U.S. Open", "the Paris Agreement"): a rule's name inside one and shorter is a word
/// of that name, not a mention ("U.S.", "Paris"). One that is the whole of it stays: the
/// tables know places the tagger, trained on sports-heavy CoNLL, reads as events.
pub fn find_outside(doc: &Document, tagged: &[NameMention], other: &[Span]) -> Vec<Mention> {
    let mut used = vec![false; doc.tokens.len()];
    let mut out: Vec<Mention> = Vec::new();
    let mut pending: Vec<Mention> = Vec::new();
    for sent in &doc.sentences {
        let r = sent.tokens.clone();
        if words::all_caps_sentence(doc, r.clone()) {
            continue; // capitalisation carries no evidence here: leave it to the tagger
        }
        if title_case_sentence(doc, r.clone()) {
            lexicon_matches(doc, r, &mut used, &mut out, &mut pending);
            continue; // a headline: only the tables are trusted
        }
        paren_acronyms(doc, r.clone(), &mut used, &mut out);
        org_runs(doc, r.clone(), &mut used, &mut out);
        lexicon_matches(doc, r.clone(), &mut used, &mut out, &mut pending);
        capitalised_function_word_names(doc, r.clone(), &mut used, &mut out);
        person_runs(doc, r.clone(), &mut used, &mut out);
        bare_acronyms(doc, r, &mut used, &mut out);
    }
    accept_pending(doc, &mut used, &mut out, pending);
    out.sort_by_key(|m| m.span.start);
    let mut merged = merge_tagger(doc, out, tagged);
    if !other.is_empty() {
        merged.retain(|m| m.origin == Origin::Tagger || !other.iter().any(|o| o.contains(m.span) && *o != m.span));
    }
    link_acronyms(doc, &mut merged);
    speakers_not_places(doc, &mut merged);
    merged
}

/// A place of the tables that speaks ("Obama said", "Nokia said", "Delta said") is a person or
/// an organisation named like a town, unless the article shows it is the place: a country (a
/// government speaks through its name: "Japan said"), a city of a million or more ("Moscow
/// said"), a region of a country the article names ("Texas said" beside "the US"), or a
/// town written elsewhere as a place ("in Obama", "Obama, Fukui").
fn speakers_not_places(doc: &Document, ms: &mut [Mention]) {
    // "Nokia said", "Bono recently said", "…,” said Nokia."
    let speaks = |m: &Mention| {
        let at = |k: usize| (k < doc.tokens.len()).then(|| word(doc, k));
        let (a, b) = (m.tokens.start, m.tokens.end);
        at(b).is_some_and(words::is_speech_verb)
            || (at(b).is_some_and(|w| w.ends_with("ly") && w.chars().all(char::is_lowercase)) && at(b + 1).is_some_and(words::is_speech_verb))
            || (a > 0 && words::is_speech_verb(word(doc, a - 1)) && at(b).is_none_or(|w| matches!(w, "." | "," | ";")))
    };
    if !ms.iter().any(|m| matches!(m.kind, EntityType::GPE | EntityType::LOC) && speaks(m)) {
        return;
    }
    let mut countries: HashSet<&str> = HashSet::new();
    let mut placed: HashSet<&str> = HashSet::new();
    for m in ms.iter() {
        if let Some(cc) = LEX.demonyms.get(&m.key) {
            countries.insert(cc);
        }
        if !matches!(m.kind, EntityType::GPE | EntityType::LOC) {
            continue;
        }
        for r in LEX.places_for(&m.key) {
            let p = &LEX.places[r.place as usize];
            if p.kind == PlaceKind::Country {
                countries.insert(p.cc);
            }
        }
        let sent_start = doc.sentence_at(m.span.start).and_then(|s| doc.sentences.get(s)).map_or(0, |s| s.tokens.start);
        if locative_context(doc, m, sent_start) {
            placed.insert(m.key.as_str());
        }
    }
    // The name's other mentions in the article follow the speaking one ("Bono said …",
    // "frontman Bono").
    let mut speakers: HashMap<String, EntityType> = HashMap::new();
    for m in ms.iter() {
        if !matches!(m.kind, EntityType::GPE | EntityType::LOC) || !speaks(m) || placed.contains(m.key.as_str()) || speakers.contains_key(&m.key) {
            continue;
        }
        let refs = LEX.places_for(&m.key);
        let shown = refs.iter().any(|r| {
            let p = &LEX.places[r.place as usize];
            match p.kind {
                PlaceKind::Country | PlaceKind::Region => true,
                PlaceKind::Admin1 => countries.contains(p.cc),
                PlaceKind::City => p.population >= 1_000_000,
            }
        });
        if refs.is_empty() || shown {
            continue;
        }
        // "Bono said he …", "Nokia said its …": the pronoun after tells; else a name people
        // bear is a person's, any other an organisation's.
        let sent_end = doc.sentence_at(m.span.start).and_then(|s| doc.sentences.get(s)).map_or(doc.tokens.len(), |s| s.tokens.end);
        let pronoun = (m.tokens.end + 1..sent_end.min(m.tokens.end + 6)).find_map(|k| match word(doc, k) {
            "he" | "she" | "his" | "her" => Some(EntityType::PERSON),
            "it" | "its" => Some(EntityType::ORG),
            _ => None,
        });
        let person_like = m.tokens.len() == 1 && (LEX.first_names.contains_key(m.key.as_str()) || LEX.surnames.contains(m.key.as_str()));
        speakers.insert(m.key.clone(), pronoun.unwrap_or(if person_like { EntityType::PERSON } else { EntityType::ORG }));
    }
    for m in ms.iter_mut().filter(|m| matches!(m.kind, EntityType::GPE | EntityType::LOC)) {
        if let Some(&kind) = speakers.get(&m.key) {
            m.kind = kind;
        }
    }
}

fn word(doc: &Document, i: usize) -> &str {
    doc.slice(doc.tokens[i].span)
}

/// An initial the tokenizer split from its full stop ("A" "." in "A. Philip Randolph"):
/// a single capital, a "." right after it, and a capitalised word next.
fn split_initial(doc: &Document, i: usize, end: usize) -> bool {
    i + 2 < end
        && word(doc, i).chars().count() == 1
        && word(doc, i).chars().all(char::is_uppercase)
        && word(doc, i + 1) == "."
        && doc.tokens[i + 1].span.start == doc.tokens[i].span.end
        && words::is_cap(word(doc, i + 2))
}

fn is_word(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Word
}

/// Builds a mention over tokens `a..b`, trimming a possessive from the last token.
fn make(doc: &Document, a: usize, b: usize, kind: EntityType, origin: Origin) -> Mention {
    let start = doc.tokens[a].span.start;
    let last = doc.tokens[b - 1].span;
    let stem = words::strip_possessive(doc.slice(last));
    let end = last.start + stem.len();
    let span = Span::new(start, end);
    Mention { span, tokens: a..b, kind, origin, key: lexicon::key(doc.slice(span)), defines: None }
}

fn claim(used: &mut [bool], a: usize, b: usize) {
    used[a..b].iter_mut().for_each(|u| *u = true);
}

fn free(used: &[bool], a: usize, b: usize) -> bool {
    used[a..b].iter().all(|u| !u)
}

/// "Iraq and Afghanistan Veterans of America (IAVA)": the words before the parenthesis whose
/// initials spell the acronym become one organisation, and the acronym its alias.
fn paren_acronyms(doc: &Document, r: Range<usize>, used: &mut [bool], out: &mut Vec<Mention>) {
    for i in r.start + 1..r.end.saturating_sub(2) {
        if word(doc, i) != "(" || word(doc, i + 2) != ")" || !words::is_acronym(word(doc, i + 1)) {
            continue;
        }
        let letters: Vec<char> = words::acronym_letters(word(doc, i + 1)).chars().collect();
        if LEX.places_for(word(doc, i + 1)).iter().any(|p| LEX.places[p.place as usize].kind == PlaceKind::Country) {
            continue;
        }
        let lo = i.saturating_sub(12).max(r.start);
        let found = (lo..i).rev().find(|&s| {
            is_word(doc, s) && words::is_cap(word(doc, s)) && free(used, s, i) && {
                let ws: Vec<&str> = (s..i).map(|k| word(doc, k)).collect();
                spells(&ws, &letters)
            }
        });
        if let Some(s) = found {
            let kind = match LEX.orgs.get(&lexicon::key(doc.slice(Span::new(doc.tokens[s].span.start, doc.tokens[i - 1].span.end)))) {
                Some(&(_, t)) => t,
                None => EntityType::ORG,
            };
            let def = out.len();
            out.push(make(doc, s, i, kind, Origin::Pattern));
            let mut acr = make(doc, i + 1, i + 2, kind, Origin::Pattern);
            acr.defines = Some(def);
            out.push(acr);
            claim(used, s, i + 2);
        }
    }
}

/// True when the words' initials spell `letters`: each capitalised word gives a prefix of
/// its initial and up to two later letters ("Northeast" → "NE"), connectors ("and", "of") give nothing
/// or their initial.
fn spells(ws: &[&str], letters: &[char]) -> bool {
    fn go(ws: &[&str], letters: &[char]) -> bool {
        let Some((w, rest)) = ws.split_first() else { return letters.is_empty() };
        if !w.chars().any(char::is_alphanumeric) {
            return false;
        }
        let upper: Vec<char> = w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect();
        let connector = w.chars().next().is_some_and(char::is_lowercase);
        if connector && !matches!(*w, "and" | "of" | "for" | "the" | "on" | "in" | "to" | "&") {
            return false;
        }
        if connector && go(rest, letters) {
            return true;
        }
        // The word's initial, then up to two more of its letters in order ("Northeast" → "NE").
        if letters.first() != upper.first() {
            return false;
        }
        let max = letters.len().min(if connector { 1 } else { 3 });
        (1..=max).any(|k| is_subsequence(&letters[1..k], &upper[1..]) && go(rest, &letters[k..]))
    }
    !letters.is_empty() && go(ws, letters)
}

fn is_subsequence(needle: &[char], hay: &[char]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|c| it.any(|h| h == c))
}

/// Capitalised runs that contain an organisation word: "the Ukrainian Interior Ministry",
/// "Department of Veterans Affairs", "Ohio Democratic Party Chairman" → "Ohio Democratic Party".
fn org_runs(doc: &Document, r: Range<usize>, used: &mut [bool], out: &mut Vec<Mention>) {
    let mut i = r.start;
    while i < r.end {
        if used[i] || !is_word(doc, i) || !words::is_cap(word(doc, i)) {
            i += 1;
            continue;
        }
        // Extend over capitalised words and connectors followed by a capitalised word.
        let mut j = i;
        let mut last_org: Option<usize> = None;
        while j < r.end && !used[j] && is_word(doc, j) {
            let w = word(doc, j);
            if split_initial(doc, j, r.end) && !used[j + 1] {
                j += 2;
                continue;
            }
            if words::is_cap(w) || w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                let stem = words::strip_possessive(w);
                if ORG_WORDS.contains(stem) {
                    last_org = Some(j);
                }
                j += 1;
                if stem.len() != w.len() && !matches!(stem, "People" | "Workers" | "Veterans") {
                    break; // a possessive ends the name, but for "People's Republic"
                }
            } else if words::is_org_connector(w) && last_org.is_some() {
                let mut k = j;
                while k < r.end && is_word(doc, k) && words::is_org_connector(word(doc, k)) {
                    k += 1;
                }
                if k < r.end && !used[k] && is_word(doc, k) && words::is_cap(word(doc, k)) && !NOT_NAMES.contains(word(doc, k)) {
                    j = k;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if let Some(h) = last_org {
            // The name ends at the organisation word, or goes on through "of ..." after it.
            let mut end = h + 1;
            if end < j && words::is_org_connector(word(doc, end)) {
                end = j;
            }
            let mut start = i;
            while start < h && NOT_NAMES.contains(word(doc, start)) && !split_initial(doc, start, r.end) {
                start += 1;
            }
            let m = make(doc, start, end, EntityType::ORG, Origin::Pattern);
            // A lone organisation word ("Congress") and a place ("Czech Republic") are the
            // tables' to name.
            if end - start > 1 && LEX.places_for(&m.key).is_empty() {
                let kind = LEX.orgs.get(&m.key).map_or(EntityType::ORG, |o| o.1);
                out.push(Mention { kind, ..m });
                claim(used, start, end);
            }
            i = end.max(i + 1);
        } else {
            i = j.max(i + 1);
        }
    }
}

/// True for a title-case headline ("Obama Seeks More Muslim Refugees As He Recognizes ..."):
/// most words capitalised, function words included.
fn title_case_sentence(doc: &Document, r: Range<usize>) -> bool {
    let ws: Vec<&str> = r.filter(|&k| is_word(doc, k)).map(|k| word(doc, k)).collect();
    let caps = ws.iter().filter(|w| words::is_cap(w)).count();
    let function_caps = ws.iter().skip(1).filter(|w| NOT_NAMES.contains(**w) && words::is_cap(w)).count();
    ws.len() >= 5 && caps * 10 >= ws.len() * 8 && function_caps >= 1
}

/// Towns named like people ("Cleveland", "Columbus") held back by [`classify`] are places
/// after all when the article names their region or country elsewhere.
fn accept_pending(doc: &Document, used: &mut [bool], out: &mut Vec<Mention>, pending: Vec<Mention>) {
    let mut regions = std::collections::HashSet::new();
    for m in out.iter().filter(|m| matches!(m.kind, EntityType::GPE | EntityType::LOC)) {
        for r in LEX.places_for(&m.key) {
            let p = &LEX.places[r.place as usize];
            if p.kind == PlaceKind::Admin1 {
                regions.insert((p.cc, p.admin1));
            }
        }
    }
    for m in pending {
        if !free(used, m.tokens.start, m.tokens.end) {
            continue;
        }
        let ok = LEX.places_for(&m.key).iter().any(|r| {
            let p = &LEX.places[r.place as usize];
            r.primary && p.kind == PlaceKind::City && regions.contains(&(p.cc, p.admin1))
        });
        // "Obama said": a name that speaks is a name; `speakers_not_places` decides whose.
        let speaks = m.tokens.end < doc.tokens.len() && words::is_speech_verb(word(doc, m.tokens.end));
        if ok || speaks {
            claim(used, m.tokens.start, m.tokens.end);
            out.push(m);
        }
    }
}

/// A capitalised function word inside a sentence starts a name ("a super PAC called For Our
/// Future"): mid-sentence, only names capitalise "For" or "Our".
fn capitalised_function_word_names(doc: &Document, r: Range<usize>, used: &mut [bool], out: &mut Vec<Mention>) {
    for i in r.start + 1..r.end {
        let w = word(doc, i);
        if used[i] || !NOT_NAMES.contains(w) || !matches!(w, "For" | "Our" | "The" | "We" | "My" | "Your") {
            continue;
        }
        let prev = word(doc, i - 1);
        if !prev.chars().all(char::is_lowercase) || matches!(prev, "said" | "says" | "wrote" | "reads" | "read") {
            continue; // after punctuation or a quotation: an ordinary sentence start
        }
        let mut j = i + 1;
        while j < r.end && !used[j] && is_word(doc, j) && words::is_cap(word(doc, j)) {
            j += 1;
        }
        while j > i + 1 && NOT_NAMES.contains(word(doc, j - 1)) {
            j -= 1;
        }
        if j > i + 1 {
            out.push(make(doc, i, j, EntityType::ORG, Origin::Pattern));
            claim(used, i, j);
        }
    }
}

/// Place, organisation, demonym and group names from the tables, longest first.
fn lexicon_matches(doc: &Document, r: Range<usize>, used: &mut [bool], out: &mut Vec<Mention>, pending: &mut Vec<Mention>) {
    let mut i = r.start;
    while i < r.end {
        // "Mr Hopkins", "Dr Delta": a person's name, not a place of the tables.
        let addressed = i > r.start && words::is_address(word(doc, i - 1));
        if used[i] || !is_word(doc, i) || !words::is_cap(word(doc, i)) || addressed {
            i += 1;
            continue;
        }
        let mut hit = None;
        let max = (r.end - i).min(6);
        for n in (1..=max).rev() {
            if !free(used, i, i + n) || !(i..i + n).all(|k| is_word(doc, k) || word(doc, k) == "-") {
                continue;
            }
            // "Wash.": a full stop the tokenizer left apart belongs to an abbreviated name.
            let dot = i + n < r.end && word(doc, i + n) == "." && doc.tokens[i + n].span.start == doc.tokens[i + n - 1].span.end;
            if dot {
                let m = make(doc, i, i + n + 1, EntityType::GPE, Origin::Lexicon);
                if !LEX.places_for(&m.key).is_empty() {
                    hit = Some(m);
                    break;
                }
            }
            let m = make(doc, i, i + n, EntityType::GPE, Origin::Lexicon);
            if inside_longer_name(doc, &m, r.clone()) {
                continue;
            }
            match classify(doc, &m, r.start) {
                Some(Class::Kind(kind)) => {
                    hit = Some(Mention { kind, ..m });
                    break;
                }
                Some(Class::Gated) => {
                    pending.push(m);
                    break;
                }
                None => {}
            }
        }
        match hit {
            Some(m) => {
                let end = m.tokens.end;
                claim(used, i, end);
                out.push(m);
                i = end;
            }
            None => i += 1,
        }
    }
}

/// A town's name that is one word of a longer capitalised name is that name's word, not
/// the town: "the Hang Seng index", "River Rouge Plant", "Chief Executive Officer". Countries
/// and regions stay places ("Ukraine President"), and so does a place before a title ("Moscow
/// Mayor Sergei Sobyanin") or at the start of its sentence, where every word is capitalised.
fn inside_longer_name(doc: &Document, m: &Mention, r: Range<usize>) -> bool {
    let refs = LEX.places_for(&m.key);
    if refs.iter().any(|p| LEX.places[p.place as usize].kind != PlaceKind::City) {
        return false;
    }
    let capitalised_word = |k: usize| is_word(doc, k) && words::is_cap(word(doc, k)) && LEX.places_for(word(doc, k)).is_empty();
    let title = |k: usize| LEX.titles.contains_key(word(doc, k).to_lowercase().as_str());
    let (a, b) = (m.tokens.start, m.tokens.end);
    let before = a > r.start + 1 && capitalised_word(a - 1) && !title(a - 1) && !words::is_address(word(doc, a - 1));
    let after = b < r.end && capitalised_word(b) && !title(b) && doc.tokens[b].span.start > doc.tokens[b - 1].span.end;
    before || after
}

enum Class {
    Kind(EntityType),
    /// A town named like a person: a place only if the article names its region.
    Gated,
}

/// The type a table gives a written form, if any, with the context checks that keep small
/// towns named like people ("Obama", "Young") out.
fn classify(doc: &Document, m: &Mention, sent_start: usize) -> Option<Class> {
    classify_kind(doc, m, sent_start).map(Class::Kind).or_else(|| {
        let refs = LEX.places_for(&m.key);
        (m.tokens.len() == 1 && !NOT_NAMES.contains(m.key.as_str()) && refs.iter().any(|r| r.primary)).then_some(Class::Gated)
    })
}

fn classify_kind(doc: &Document, m: &Mention, sent_start: usize) -> Option<EntityType> {
    let k = m.key.as_str();
    if let Some(&(_, t)) = LEX.orgs.get(k) {
        return Some(t);
    }
    let refs = LEX.places_for(k);
    // "Vatican" is a demonym and a place; the place reading is the name.
    let place_named = refs.iter().any(|r| {
        let p = &LEX.places[r.place as usize];
        p.kind == PlaceKind::Country || (r.primary && p.population >= 100_000)
    });
    if (LEX.demonyms.contains_key(k) && !place_named) || LEX.norp.contains_key(k) {
        return Some(EntityType::NORP);
    }
    if refs.is_empty() {
        return None;
    }
    if m.tokens.len() == 1 && NOT_NAMES.contains(k) {
        return None;
    }
    let best = refs.iter().map(|r| &LEX.places[r.place as usize]);
    let strong = best.clone().any(|p| p.kind != PlaceKind::City);
    let etype = best.clone().find(|p| p.kind != PlaceKind::City).map_or(EntityType::GPE, |p| p.etype);
    if strong {
        return Some(etype);
    }
    let pop = refs
        .iter()
        .filter(|r| r.primary || LEX.places[r.place as usize].population >= 1_000_000)
        .map(|r| LEX.places[r.place as usize].population)
        .max()
        .unwrap_or(0);
    let person_like = m.tokens.len() == 1 && (LEX.first_names.contains_key(k) || LEX.surnames.contains(k));
    if pop >= 1_000_000 || (pop >= 100_000 && !person_like) {
        return Some(EntityType::GPE);
    }
    if pop > 0 && locative_context(doc, m, sent_start) {
        return Some(EntityType::GPE);
    }
    None
}

/// "in X", "near X", "X, Ohio", "X —" at a dateline: context that makes a name a place.
fn locative_context(doc: &Document, m: &Mention, sent_start: usize) -> bool {
    let a = m.tokens.start;
    let b = m.tokens.end;
    if a > sent_start && matches!(word(doc, a - 1), "in" | "near" | "outside" | "from" | "at" | "of" | "to" | "In" | "Near") {
        return true;
    }
    if b < doc.tokens.len() && is_place_noun(word(doc, b)) {
        return true;
    }
    if b + 1 < doc.tokens.len() && word(doc, b) == "," {
        let next = word(doc, b + 1);
        let refs = LEX.places_for(next);
        if refs.iter().any(|r| LEX.places[r.place as usize].kind != PlaceKind::City) {
            return true;
        }
    }
    false
}

/// Words after a name that make it a place: "a Chelsea neighborhood", "Donetsk region".
fn is_place_noun(w: &str) -> bool {
    words::in_class("place_noun", w)
}

/// Capitalised runs that name a person: introduced by a known first name or by a title
/// ("President Volodymyr Zelensky", "Mr. Trump"), or next to a speech verb.
fn person_runs(doc: &Document, r: Range<usize>, used: &mut [bool], out: &mut Vec<Mention>) {
    let mut i = r.start;
    while i < r.end {
        if used[i] || !is_word(doc, i) || !words::is_cap(word(doc, i)) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < r.end && !used[j] && is_word(doc, j) {
            let w = word(doc, j);
            if words::is_cap(w) {
                j += 1;
                if words::strip_possessive(w).len() != w.len() {
                    break;
                }
            } else if words::is_name_particle(w) && j + 1 < r.end && !used[j + 1] && words::is_cap(word(doc, j + 1)) && j > i {
                j += 1;
            } else {
                break;
            }
        }
        let run_end = j;
        // Strip leading non-names and title words; remember a title.
        let mut s = i;
        let mut titled = title_before(doc, i, r.start);
        loop {
            if s >= run_end {
                break;
            }
            let w = word(doc, s);
            if let Some(n) = title_at(doc, s, run_end) {
                s += n;
                titled = true;
            } else if words::is_address(w) {
                titled = true;
                s += 1;
            } else if NOT_NAMES.contains(w) {
                s += 1;
            } else {
                break;
            }
        }
        let mut e = run_end;
        while e > s + 1 && NOT_NAMES.contains(words::strip_possessive(word(doc, e - 1))) && !LEX.first_names.contains_key(word(doc, s)) {
            e -= 1;
        }
        if s < e && accept_person(doc, s, e, titled, r.clone()) {
            out.push(make(doc, s, e, EntityType::PERSON, Origin::Guess));
            claim(used, s, e);
        }
        i = run_end.max(i + 1);
    }
}

/// The number of words of a title phrase starting at token `i` ("Foreign Minister" → 2).
pub fn title_at(doc: &Document, i: usize, end: usize) -> Option<usize> {
    if i >= end || !LEX.title_first_words.contains(word(doc, i).to_lowercase().as_str()) {
        return None;
    }
    let max = LEX.title_max_words.min(end.saturating_sub(i));
    (1..=max).rev().find(|&n| {
        let words: Vec<String> = (i..i + n).map(|k| word(doc, k).to_lowercase()).collect();
        LEX.titles.contains_key(words.join(" ").as_str())
    })
}

/// True when a lower-case title or an honorific stands right before token `i`.
fn title_before(doc: &Document, i: usize, sent_start: usize) -> bool {
    if i == sent_start {
        return false;
    }
    let w = word(doc, i - 1).to_lowercase();
    LEX.titles.get(w.as_str()).is_some_and(|t| t.head)
}

fn accept_person(doc: &Document, s: usize, e: usize, titled: bool, r: Range<usize>) -> bool {
    let ws: Vec<&str> = (s..e).map(|k| words::strip_possessive(word(doc, k))).collect();
    if ws.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()) || ORG_WORDS.contains(w) || words::is_acronym(w)) {
        return false;
    }
    if ws.last().is_some_and(|w| is_event_word(w)) {
        return false;
    }
    let key = lexicon::key(&ws.join(" "));
    if !LEX.places_for(&key).is_empty() || LEX.orgs.contains_key(&key) {
        return false;
    }
    let names: Vec<&str> = ws.iter().copied().filter(|w| !words::is_initial(w) && !words::is_name_particle(w)).collect();
    if names.is_empty() || names.len() > 4 {
        return false;
    }
    let first_known = LEX.first_names.contains_key(names[0]);
    if names.len() >= 2 && (first_known || titled) {
        return true;
    }
    if names.len() == 1 && titled {
        return true;
    }
    if names.len() == 1 && lone_name(doc, s, e, r.clone()) {
        return true;
    }
    // "said Oleg Nikolenko", "Vadim Boichenko said": two or three capitalised words next to a
    // speech verb, none of them a place or an organisation word.
    if (2..=3).contains(&names.len()) && names.iter().all(|w| LEX.places_for(w).is_empty()) {
        let before = s > r.start && matches!(word(doc, s - 1), "said" | "says" | "told" | "added");
        let after = e < r.end && matches!(word(doc, e), "said" | "says" | "told" | "added" | "who");
        let comma_said = e + 1 < r.end && word(doc, e) == "," && matches!(word(doc, e + 1), "who" | "the" | "a" | "an");
        return before || after || comma_said;
    }
    false
}

/// A single capitalised word inside a sentence, in no table, acting as the subject of a
/// verb of saying or of a modal ("that Putin could not"): most often a surname.
fn lone_name(doc: &Document, s: usize, e: usize, r: Range<usize>) -> bool {
    if s == r.start || e >= r.end {
        return false;
    }
    let w = words::strip_possessive(word(doc, s));
    if w.len() != word(doc, s).len() || w.chars().count() < 3 || !w.chars().skip(1).all(char::is_lowercase) {
        return false;
    }
    if LEX.demonyms.contains_key(w) || LEX.norp.contains_key(w) || LEX.titles.contains_key(w.to_lowercase().as_str()) {
        return false;
    }
    let prev = word(doc, s - 1);
    let next = word(doc, e);
    matches!(prev, "that" | "and" | "but" | "as" | "when" | "after" | "because" | "while" | "said" | "says" | "," | "“" | "\"")
        && matches!(
            next,
            "said"
                | "says"
                | "told"
                | "added"
                | "could"
                | "would"
                | "will"
                | "cannot"
                | "can"
                | "should"
                | "must"
                | "may"
                | "might"
                | "has"
                | "had"
                | "is"
                | "was"
                | "meant"
                | "wants"
                | "wanted"
                | "warned"
                | "insisted"
                | "argued"
                | "believes"
                | "thinks"
                | "claimed"
                | "denied"
                | "announced"
        )
}

/// All-capital words of 2–6 letters not claimed by anything else ("NYPD", "IAVA"), in
/// prose only: in tables and score lines capitals are column heads ("PTS", "GF").
fn bare_acronyms(doc: &Document, r: Range<usize>, used: &mut [bool], out: &mut Vec<Mention>) {
    let ws: Vec<&str> = r.clone().filter(|&k| is_word(doc, k)).map(|k| word(doc, k)).collect();
    let lower = ws.iter().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
    if lower * 5 < ws.len() * 2 {
        return;
    }
    for i in r {
        let w = word(doc, i);
        if used[i] || !is_word(doc, i) || NOT_NAMES.contains(w) || !words::is_acronym(w) || is_roman(w) {
            continue;
        }
        out.push(make(doc, i, i + 1, EntityType::ORG, Origin::Guess));
        used[i] = true;
    }
}

fn is_roman(w: &str) -> bool {
    w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Merges the tagger's mentions into the rules': the tagger decides wherever the rules only
/// guessed; tables and patterns keep their spans and types.
fn merge_tagger(doc: &Document, rules: Vec<Mention>, tagged: &[NameMention]) -> Vec<Mention> {
    if tagged.is_empty() {
        return rules;
    }
    let mut keep = vec![true; rules.len()];
    let mut extra = Vec::new();
    // A town listed with other places ("Cleveland, Cincinnati and Columbus") is a place
    // whatever the tagger says; alone, the tagger's reading of the context wins.
    let places = rules.iter().filter(|m| m.origin == Origin::Lexicon && matches!(m.kind, EntityType::GPE | EntityType::LOC));
    let place_starts: HashSet<usize> = places.clone().map(|m| m.tokens.start).collect();
    let place_ends: HashSet<usize> = places.map(|m| m.tokens.end).collect();
    // The rules are in order of start; with the running maximum of their ends, the rules a
    // tagger name overlaps are found by binary search, not by scanning them all.
    let max_end: Vec<usize> = rules
        .iter()
        .scan(0, |e, m| {
            *e = (*e).max(m.span.end);
            Some(*e)
        })
        .collect();
    let listed = |m: &Mention| {
        let joiner = |k: usize| matches!(word(doc, k), "," | "and" | "or");
        let before = m.tokens.start >= 2 && joiner(m.tokens.start - 1) && place_ends.contains(&(m.tokens.start - 1));
        let after = m.tokens.end + 1 < doc.tokens.len() && joiner(m.tokens.end) && place_starts.contains(&(m.tokens.end + 1));
        before || after
    };
    // "in Chelsea", "a Chelsea neighborhood": words that make a town's name a place.
    let placed = |m: &Mention| {
        let prev = m.tokens.start.checked_sub(1).map(|k| word(doc, k));
        let next = (m.tokens.end < doc.tokens.len()).then(|| word(doc, m.tokens.end));
        matches!(prev, Some("in" | "near" | "outside" | "In" | "Near")) || next.is_some_and(is_place_noun)
    };
    for t in tagged.iter().filter_map(|t| clean_tag(doc, t)) {
        let t = &t;
        let lo = max_end.partition_point(|&e| e <= t.span.start);
        let hi = rules.partition_point(|m| m.span.start < t.span.end);
        let overl: Vec<usize> = (lo..hi.max(lo)).filter(|&k| rules[k].span.overlaps(t.span)).collect();
        // "American Civil Liberties Union of Ohio and Demos": a name completed by a place,
        // then "and", is not the first half of a longer name ("Department of Trade and Industry").
        let complete_before_and = |m: &Mention| {
            m.tokens.len() >= 2
                && m.tokens.end < doc.tokens.len()
                && word(doc, m.tokens.end) == "and"
                && doc.tokens[m.tokens.end].span.end < t.span.end
                && LEX.places_for(word(doc, m.tokens.end - 1)).iter().any(|r| LEX.places[r.place as usize].kind != PlaceKind::City)
        };
        let strong_blocks = overl.iter().any(|&k| {
            let m = &rules[k];
            // A town's or region's name the tagger reads as a person or a club ("Leeds
            // beat Lazio") is the tagger's call: it sees the context, the table does not.
            let taggers_call = m.span == t.span && tagger_overrides_place(&m.key, t.kind) && !listed(m) && !placed(m);
            m.origin <= Origin::Pattern
                // A longer tagger name wins ("Ukrainian Interior Ministry" over "Ukrainian").
                && (!(t.span.contains(m.span) && t.span != m.span) || complete_before_and(m))
                && !taggers_call
        });
        if strong_blocks {
            // The second conjunct of a blocked "X of Ohio and Demos" is still a name.
            if let Some(k) = overl.iter().copied().find(|&k| complete_before_and(&rules[k])) {
                let a = rules[k].tokens.end + 1;
                let mut b = a;
                while b < doc.tokens.len() && doc.tokens[b].span.start < t.span.end {
                    b += 1;
                }
                if a < b && words::is_cap(word(doc, a)) && !overl.iter().any(|&o| rules[o].tokens.end > a) {
                    extra.push(make(doc, a, b, t.kind, Origin::Tagger));
                }
            }
            continue;
        }
        for &k in &overl {
            keep[k] = false;
        }
        let a = doc.token_at_or_after(t.span.start);
        let mut b = a;
        while b < doc.tokens.len() && doc.tokens[b].span.start < t.span.end {
            b += 1;
        }
        if a >= b {
            continue;
        }
        let mut m = make(doc, a, b, t.kind, Origin::Tagger);
        if matches!(t.kind, EntityType::GPE | EntityType::LOC | EntityType::FAC) {
            match LEX.places_for(&m.key).first() {
                Some(p) => m.kind = LEX.places[p.place as usize].etype,
                // A "place" the gazetteer lacks that is a first name is a person ("his wife, Miriam").
                None if b == a + 1 && LEX.first_names.contains_key(m.key.as_str()) => m.kind = EntityType::PERSON,
                None => {}
            }
        }
        extra.push(m);
    }
    // A town the text itself shows to be a place ("in a Chelsea neighborhood") is that place
    // wherever else the tagger called it a club.
    let shown_places: std::collections::HashMap<String, EntityType> = rules
        .iter()
        .zip(&keep)
        .filter(|(m, k)| **k && m.origin == Origin::Lexicon && matches!(m.kind, EntityType::GPE | EntityType::LOC) && (placed(m) || listed(m)))
        .map(|(m, _)| (m.key.clone(), m.kind))
        .collect();
    for m in &mut extra {
        if let Some(&k) = shown_places.get(&m.key)
            && m.kind == EntityType::ORG
        {
            m.kind = k;
        }
    }
    let mut out: Vec<Mention> = rules.into_iter().zip(keep).filter(|(_, k)| *k).map(|(m, _)| m).collect();
    out.extend(extra);
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    // Keep the result non-overlapping.
    let mut res: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out {
        if res.last().is_some_and(|l| l.span.end > m.span.start) {
            continue;
        }
        res.push(m);
    }
    res
}

/// A tagger mention made consistent with the rules' view of a name: cut at an inner
/// possessive ("Supreme Court's Citizens United" → "Supreme Court"), dropped when it is a
/// known non-name ("PAC") or a headline run ("... Refugees As He Recognizes ...").
fn clean_tag(doc: &Document, t: &NameMention) -> Option<NameMention> {
    if t.span.is_empty() || t.span.end > doc.text.len() || !doc.text.is_char_boundary(t.span.start) || !doc.text.is_char_boundary(t.span.end) {
        return None;
    }
    let a = doc.token_at_or_after(t.span.start);
    let mut b = a;
    while b < doc.tokens.len() && doc.tokens[b].span.start < t.span.end {
        b += 1;
    }
    if a >= b {
        return None;
    }
    if b == a + 1 && (NOT_NAMES.contains(words::strip_possessive(word(doc, a))) || words::is_address(word(doc, a))) {
        return None;
    }
    // "Allegedly, Thomas' sister pleaded": a sentence adverb before its comma is no name.
    if b == a + 1 && b < doc.tokens.len() && word(doc, b) == "," && is_adverb_form(word(doc, a)) {
        return None;
    }
    // Laws and events are not entities of the record ("National Voter Registration Act").
    if b > a + 1 && is_event_word(words::strip_possessive(word(doc, b - 1))) {
        return None;
    }
    if (a + 1..b).any(|k| matches!(word(doc, k), "As" | "He" | "She" | "It" | "They" | "We" | "Is" | "Are" | "Was" | "To" | "In" | "With")) {
        return None;
    }
    let mut out = *t;
    // Leading lower-case words and, for people, leading titles are not part of the name
    // ("pro-Clinton Priorities USA Action", "Muslim holiday Eid-al-Adha", "Mayor Bill de Blasio").
    let mut s = a;
    for k in a..b.saturating_sub(1) {
        let w = word(doc, k);
        if w.chars().next().is_some_and(char::is_lowercase) && !words::is_name_particle(w) && !words::is_org_connector(w) && w != "and" {
            s = k + 1;
        }
    }
    // "Mr Brown", "said Dr Patel": a name after a form of address is a person's, however
    // the tagger typed it.
    let inside = s + 1 < b && words::is_address(word(doc, s));
    let before = s > 0 && words::is_address(word(doc, s - 1));
    if inside || before {
        out.kind = EntityType::PERSON;
    }
    while out.kind == EntityType::PERSON && s + 1 < b {
        match title_at(doc, s, b - 1) {
            Some(n) => s += n,
            None if words::is_address(word(doc, s)) => s += 1,
            None => break,
        }
    }
    if s >= b {
        return None;
    }
    out.span.start = doc.tokens[s].span.start;
    for k in s..b.saturating_sub(1) {
        let w = word(doc, k);
        let stem = words::strip_possessive(w);
        if stem.len() != w.len() && !matches!(stem, "People" | "Workers" | "Veterans") {
            out.span.end = doc.tokens[k].span.start + stem.len();
            break;
        }
    }
    Some(out)
}

/// A word shaped like an adverb of manner or stance ("Allegedly", "Reportedly",
/// "Apparently", "Surprisingly"): no personal or place name ends so ("-ally" does: Sally).
fn is_adverb_form(w: &str) -> bool {
    let l = w.to_lowercase();
    l.chars().count() > 6 && ["edly", "ntly", "ously", "ingly"].iter().any(|e| l.ends_with(e))
}

/// Last words of laws and events, which the record has no type for.
fn is_event_word(w: &str) -> bool {
    words::in_class("event_word", w)
}

/// True when the tagger's type beats the gazetteer's for a name: a person or an
/// organisation named like a town or a region; a person named like a country ("Jordan").
fn tagger_overrides_place(k: &str, kind: EntityType) -> bool {
    let refs = LEX.places_for(k);
    if refs.is_empty() {
        return false;
    }
    let kinds = || refs.iter().map(|r| LEX.places[r.place as usize].kind);
    match kind {
        // "Jordan", "Chad": only a country whose name people also bear.
        EntityType::PERSON => {
            kinds().all(|p| p != PlaceKind::Region) && (kinds().all(|p| p != PlaceKind::Country) || LEX.first_names.contains_key(k) || LEX.surnames.contains(k))
        }
        EntityType::ORG => kinds().all(|p| matches!(p, PlaceKind::City | PlaceKind::Admin1)),
        _ => false,
    }
}

/// Re-links "(ACR)" definitions after merging moved indices.
fn link_acronyms(doc: &Document, ms: &mut [Mention]) {
    for k in 1..ms.len() {
        ms[k].defines = None;
        let (a, b) = (ms[k - 1].tokens.end, ms[k].tokens.start);
        if b == a + 1
            && word(doc, a) == "("
            && ms[k].tokens.len() == 1
            && ms[k].tokens.end < doc.tokens.len()
            && word(doc, ms[k].tokens.end) == ")"
            && words::is_acronym(&ms[k].key)
        {
            ms[k].defines = Some(k - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, EntityType)> {
        let doc = Document::new(text);
        find(&doc, &[]).into_iter().map(|m| (doc.slice(m.span).to_string(), m.kind)).collect()
    }

    #[test]
    fn a_sentence_adverb_is_no_name() {
        assert!(is_adverb_form("Allegedly") && is_adverb_form("Reportedly") && is_adverb_form("Surprisingly"));
        assert!(!is_adverb_form("Sally") && !is_adverb_form("Kelly") && !is_adverb_form("Beverly"));
        let doc = Document::new("Allegedly, Tom Reed refused.");
        let tag = NameMention { span: Span::new(0, "Allegedly".len()), kind: EntityType::PERSON, score: 0.9 };
        assert!(clean_tag(&doc, &tag).is_none());
    }

    #[test]
    fn rules_find_names_without_a_tagger() {
        let f = found("Ukraine accused Russian Foreign Minister Sergei Lavrov of ignoring Russia’s calls, the Ukrainian Interior Ministry said.");
        assert!(f.contains(&("Ukraine".into(), EntityType::GPE)));
        assert!(f.contains(&("Sergei Lavrov".into(), EntityType::PERSON)));
        assert!(f.contains(&("Russia".into(), EntityType::GPE)), "{f:?}");
        assert!(f.contains(&("Ukrainian Interior Ministry".into(), EntityType::ORG)));
        assert!(f.contains(&("Russian".into(), EntityType::NORP)));
    }

    #[test]
    fn a_town_inside_a_longer_name_is_no_place() {
        let f = found("In Hong Kong, the Hang Seng index fell while Ford's Chief Executive Officer spoke at the River Rouge Plant.");
        for w in ["Hang", "Officer", "Rouge"] {
            assert!(!f.iter().any(|(n, k)| n == w && *k == EntityType::GPE), "{w} in {f:?}");
        }
        assert!(f.contains(&("Hong Kong".into(), EntityType::GPE)), "{f:?}");
        let f = found("Critics said Moscow Mayor Sergei Sobyanin had lied.");
        assert!(f.contains(&("Moscow".into(), EntityType::GPE)), "{f:?}");
    }

    #[test]
    fn acronym_definitions() {
        let f = found("Paul Rieckhoff founded Iraq and Afghanistan Veterans of America (IAVA) in 2004.");
        assert!(f.contains(&("Iraq and Afghanistan Veterans of America".into(), EntityType::ORG)), "{f:?}");
        assert!(f.contains(&("IAVA".into(), EntityType::ORG)));
        assert!(spells(&["Northeast", "Ohio", "Coalition", "for", "the", "Homeless"], &"NEOCH".chars().collect::<Vec<_>>()));
    }

    #[test]
    fn org_of_chains_and_titles() {
        let f = found("A spokesman for the Ukrainian Ministry of Foreign Affairs said Ohio Democratic Party Chairman David Pepper left.");
        assert!(f.contains(&("Ukrainian Ministry of Foreign Affairs".into(), EntityType::ORG)), "{f:?}");
        assert!(f.contains(&("Ohio Democratic Party".into(), EntityType::ORG)), "{f:?}");
        assert!(f.contains(&("David Pepper".into(), EntityType::PERSON)), "{f:?}");
    }

    fn merged(text: &str, tags: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        let doc = Document::new(text);
        let tagged: Vec<NameMention> = tags
            .iter()
            .map(|(s, k)| {
                let a = doc.text.find(s).expect("tag text in doc");
                NameMention { span: Span::new(a, a + s.len()), kind: *k, score: 1.0 }
            })
            .collect();
        find(&doc, &tagged).into_iter().map(|m| (doc.slice(m.span).to_string(), m.kind)).collect()
    }

    #[test]
    fn tagger_merge_keeps_the_better_reading() {
        // Titles and possessives are cut from the tagger's names.
        let f = merged("Mayor Bill de Blasio spoke.", &[("Mayor Bill de Blasio", EntityType::PERSON)]);
        assert!(f.contains(&("Bill de Blasio".into(), EntityType::PERSON)), "{f:?}");
        let f = merged("It overturned the Supreme Court's Citizens United ruling.", &[("Supreme Court's Citizens United", EntityType::ORG)]);
        assert!(f.contains(&("Supreme Court".into(), EntityType::ORG)), "{f:?}");
        // A club named after a town stays a club; a town shown to be a place stays a place.
        let f = merged("Leeds beat Arsenal 2-1.", &[("Leeds", EntityType::ORG), ("Arsenal", EntityType::ORG)]);
        assert!(f.contains(&("Leeds".into(), EntityType::ORG)), "{f:?}");
        let f = merged("People were injured in a Chelsea neighborhood.", &[("Chelsea", EntityType::ORG)]);
        assert!(f.contains(&("Chelsea".into(), EntityType::GPE)), "{f:?}");
        // A country is not a person unless people bear its name.
        let f = merged("Japan said so.", &[("Japan", EntityType::PERSON)]);
        assert!(f.contains(&("Japan".into(), EntityType::GPE)), "{f:?}");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in ["", "(", "( A )", "’s", "Mr.", "\u{301}Zz (ZZ)", "The The The"] {
            let _ = found(t);
        }
    }
}
