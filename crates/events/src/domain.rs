//! Is this an event PLOVER codes at all? General news is full of event words used of markets,
//! sport and entertainment: a striker "attacks", firms wage a "price war", a sprinter "breaks"
//! a record, a studio "backs" a format. PETRARCH and its successors code only events whose
//! actors their actor dictionaries know (states, governments, armed and political groups,
//! officials), so an event here needs at least one plausible political actor, and a trigger
//! whose object is a market or sport noun is a figure of speech.
//!
//! Every word list is data in `lexicons/events/words.tsv`: `political_sectors` (CAMEO sector
//! codes of common-noun actors), `political_titles`, `political_org_words`, `sport_org_words`,
//! `sport_cues`, `politics_cues` and `figurative_objects`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use newsgraph_record::{Entity, EntityType};

use crate::actors::{Actor, ActorKind, Sent, agent_len};
use crate::lexicon::LEXICON;
use crate::triggers::Found;

/// The domain cue words: true for a sport cue, false for a political one (a word in both
/// lists counts for sport, as the lists are read in that order).
static CUES: LazyLock<HashMap<&'static str, bool>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for w in LEXICON.list("politics_cues") {
        m.insert(*w, false);
    }
    for w in LEXICON.list("sport_cues") {
        m.insert(*w, true);
    }
    m
});

/// What the whole article says about its domain.
#[derive(Debug, Clone, Copy, Default)]
pub struct Domain {
    /// Sports coverage: place names there mostly stand for teams ("England beat Wales"), so
    /// they are political actors only in a sentence with a political word.
    pub sport: bool,
    /// Political coverage: the people and organisations it names act in politics (donors,
    /// campaign groups), so any named person or organisation is a political actor there.
    pub politics: bool,
}

impl Domain {
    /// Reads the article's words: sports (political) coverage when its sport (political) words
    /// are many and outnumber the others two to one.
    pub fn of(text: &str) -> Domain {
        let (mut sport, mut politics) = (0usize, 0usize);
        for w in text.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()) {
            let lower: Cow<str> = if w.chars().any(char::is_uppercase) { Cow::Owned(w.to_lowercase()) } else { Cow::Borrowed(w) };
            match CUES.get(lower.as_ref()) {
                Some(true) => sport += 1,
                Some(false) => politics += 1,
                None => {}
            }
        }
        Domain { sport: sport >= 5 && sport > 2 * politics, politics: politics >= 5 && politics > 2 * sport }
    }
}

/// True when some word of the list named `list` occurs in the lower-case `text` as whole words
/// (entries may be phrases: "home office").
fn has_listed(list: &str, text: &str) -> bool {
    let words: Vec<&str> = text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')).filter(|w| !w.is_empty()).collect();
    LEXICON.list(list).iter().any(|entry| {
        if entry.contains(' ') {
            let parts: Vec<&str> = entry.split(' ').collect();
            words.windows(parts.len()).any(|win| win == parts.as_slice())
        } else {
            words.contains(entry)
        }
    })
}

/// True when the entity is a political actor by its kind, name or titles.
pub fn political_entity(e: &Entity, domain: Domain, sentence_political: bool) -> bool {
    match e.kind {
        EntityType::GPE | EntityType::NORP => !domain.sport || sentence_political,
        EntityType::LOC | EntityType::FAC => true,
        EntityType::ORG | EntityType::PERSON if domain.politics => true,
        EntityType::ORG => {
            let names = std::iter::once(&e.name).chain(&e.aliases).map(|n| n.to_lowercase()).collect::<Vec<_>>();
            names.iter().any(|n| has_listed("political_org_words", n)) && !names.iter().any(|n| has_listed("sport_org_words", n))
        }
        EntityType::PERSON => e.titles.iter().any(|t| has_listed("political_titles", &t.to_lowercase().replace('-', " "))),
    }
}

/// The CAMEO sector of the common-noun actor at token `k` of a sentence, if one starts there.
fn sector_at(s: &Sent, k: usize) -> Option<&'static str> {
    let n = agent_len(s, k);
    if n == 0 {
        return None;
    }
    let words: Vec<&str> = (k..k + n).map(|i| s.w(i).trim_end_matches("'s").trim_end_matches('\'')).collect();
    let phrase = words.join(" ");
    if let Some(sec) = LEXICON.agent_sectors.get(phrase.as_str()) {
        return Some(sec);
    }
    // Plurals: "officials", "militias", "authorities".
    let last = words[n - 1];
    let stems = [last.strip_suffix("ies").map(|x| format!("{x}y")), last.strip_suffix("es").map(str::to_string), last.strip_suffix('s').map(str::to_string)];
    stems.into_iter().flatten().find_map(|st| {
        let mut w = words[..n - 1].to_vec();
        w.push(&st);
        LEXICON.agent_sectors.get(w.join(" ").as_str()).copied()
    })
}

/// True when the actor phrase names a plausible political actor: a state (by name, adjective
/// or seat), a political entity, a person with a political title, or a common noun of a
/// political sector ("troops", "officials", "protesters").
pub fn political_actor(s: &Sent, a: &Actor, entities: &[Entity], domain: Domain, sentence_political: bool) -> bool {
    let entity = a.entity.and_then(|e| entities.get(e));
    let place = entity.is_some_and(|e| matches!(e.kind, EntityType::GPE | EntityType::NORP | EntityType::LOC)) || a.country.is_some();
    let names_business = place && modifies_business(s, a);
    if let Some(e) = entity
        && !names_business
        && political_entity(e, domain, sentence_political)
    {
        return true;
    }
    // In political coverage a named person or organisation acts in politics (donors, PACs).
    if domain.politics && matches!(a.kind, ActorKind::Person | ActorKind::Org) && s.raw(a.start).chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    let sector_ok = |k: usize| sector_at(s, k).is_some_and(|sec| LEXICON.is_word_in("political_sectors", sec));
    if (a.start..a.end).any(sector_ok) {
        return true;
    }
    // A title in the phrase or right before it: "Foreign Secretary Jack Straw", "Mr Blair's
    // spokesman".
    let from = a.start.saturating_sub(2);
    if (from..a.end).any(|k| s.w(k).trim_end_matches("'s").split('-').any(|w| LEXICON.is_word_in("political_titles", w))) {
        return true;
    }
    (a.country.is_some() || a.metonym) && !names_business && (!domain.sport || sentence_political)
}

/// True when the place named by an actor phrase qualifies a firm, a market or a work: a
/// business head noun in the phrase after its first word, or among the three lower-case words
/// right after it or after the list of names it opens ("US phone company Qwest", "the Paris,
/// Amsterdam and Lisbon stock exchanges").
fn modifies_business(s: &Sent, a: &Actor) -> bool {
    let is_head = |k: usize| {
        let w = s.w(k).trim_end_matches("'s");
        LEXICON.is_word_in("business_heads", w) || sector_at(s, k).is_some_and(|sec| matches!(sec, "BUS" | "MED"))
    };
    if (a.start + 1..a.end).any(is_head) {
        return true;
    }
    // Across the rest of a list of names ("Paris, Amsterdam and Lisbon stock exchanges").
    let capitalised = |k: usize| s.raw(k).chars().next().is_some_and(char::is_uppercase);
    let mut k = a.end;
    while k < s.len() && k < a.end + 8 && (matches!(s.w(k), "," | "and" | "or") || (s.is_word(k) && capitalised(k))) {
        k += 1;
    }
    (k..(k + 3).min(s.len())).take_while(|&j| s.is_word(j) && !capitalised(j)).any(is_head)
}

/// True when the sentence has a political word: in sports coverage, a place named in such a
/// sentence is still a state ("the Scottish Executive", "ministers in Wales").
pub fn sentence_political(s: &Sent) -> bool {
    (0..s.len()).any(|k| LEXICON.is_word_in("politics_cues", s.w(k)))
}

/// Words that end the object of a trigger: clause and coordination words and the prepositions
/// that open an adjunct.
fn ends_object(w: &str) -> bool {
    matches!(w, "to" | "and" | "or" | "but" | "that" | "which" | "who" | "with" | "against" | "over" | "on" | "in" | "at")
}

/// True when the trigger is a figure of speech of markets, sport or entertainment: its object
/// (the words right after it, up to the first punctuation or clause word) holds such a noun
/// ("boosted its share", "broke the Irish record", "hit the shops"), or such a word stands
/// right before it: an event noun's modifier ("price war", "legal battle", "heart attack") or
/// the reduced subject of a verb outside any actor phrase ("films shot in the UK").
pub fn figurative(s: &Sent, f: &Found, in_actor: &[bool]) -> bool {
    if f.start > 0 && LEXICON.is_word_in("figurative_modifiers", s.w(f.start - 1)) && (f.noun || !in_actor.get(f.start - 1).copied().unwrap_or(false)) {
        return true;
    }
    (f.end..(f.end + 5).min(s.len())).take_while(|&k| s.is_word(k) && !ends_object(s.w(k))).any(|k| LEXICON.is_word_in("figurative_objects", s.w(k)))
}

/// True when an assault word is aimed at words or plans, not at people or places: "attacked
/// Tory plans", "launched an attack on his record" criticise (CAMEO 111).
pub fn verbal_attack(s: &Sent, f: &Found) -> bool {
    let mut k = f.end;
    if f.noun && matches!(s.w(k), "on" | "against" | "upon") {
        k += 1;
    }
    (k..(k + 6).min(s.len())).take_while(|&j| s.is_word(j) && !ends_object(s.w(j))).any(|j| LEXICON.is_word_in("verbal_objects", s.w(j)))
}

/// True when an actor phrase names a political party ("Labour", "the Conservatives", "the
/// Republican Party"): parties are attacked in words.
pub fn party_actor(s: &Sent, a: &Actor, entities: &[Entity]) -> bool {
    let by_name = a
        .entity
        .and_then(|e| entities.get(e))
        .is_some_and(|e| matches!(e.kind, EntityType::ORG | EntityType::NORP) && has_listed("party_words", &e.name.to_lowercase()));
    by_name || (a.start..a.end).any(|k| LEXICON.is_word_in("party_words", s.w(k).trim_end_matches("'s")))
}
