//! One entity per referent: groups name mentions by surname and first-name chains
//! ("Volodymyr Zelensky" … "Zelensky"), acronyms ("United Nations" / "UN" / "U.N."), table
//! groups and resolved places ("Kiev" / "Kyiv").

use crate::geo::{self, Context};
use crate::lexicon::{self, LEX};
use crate::mentions::{Mention, Origin};
use crate::words;
use newsgraph_record::EntityType;
use newsgraph_text::{Document, Span, TokenKind};
use std::collections::HashMap;

/// An entity while the layer builds it.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub kind: EntityType,
    /// Indices into the mention list, in text order.
    pub mentions: Vec<usize>,
    /// The resolved place, for GPE/LOC/FAC.
    pub place: Option<u32>,
    /// What makes two mentions the same entity besides their names: a table group, a
    /// country code, a place.
    group: Option<String>,
}

/// Adds mentions the rules could not see alone: a surname or an acronym already known in
/// the article, written again elsewhere ("Lavrov claimed").
pub fn spot_repeats(doc: &Document, ms: &mut Vec<Mention>) {
    let mut known: HashMap<String, EntityType> = HashMap::new();
    for m in ms.iter() {
        let parts: Vec<&str> = m.key.split(' ').collect();
        match m.kind {
            EntityType::PERSON if parts.len() >= 2 => {
                if let Some(last) = parts.last() {
                    if last.chars().count() > 2 {
                        known.insert((*last).to_string(), EntityType::PERSON);
                    }
                }
            }
            EntityType::ORG | EntityType::FAC | EntityType::GPE | EntityType::LOC if parts.len() == 1 && m.origin != Origin::Guess => {
                known.entry(m.key.clone()).or_insert(m.kind);
            }
            _ => {}
        }
    }
    if known.is_empty() {
        return;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for m in ms.iter() {
        covered[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    let mut added = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if covered[i] || t.kind != TokenKind::Word {
            continue;
        }
        let w = doc.slice(t.span);
        let stem = words::strip_possessive(w);
        if !words::is_cap(stem) {
            continue;
        }
        if let Some(&kind) = known.get(&lexicon::key(stem)) {
            let span = Span::new(t.span.start, t.span.start + stem.len());
            added.push(Mention { span, tokens: i..i + 1, kind, origin: Origin::Guess, key: lexicon::key(stem), defines: None });
        }
    }
    // A single word typed otherwise by the tagger or a guess but equal to a person's surname
    // is that person ("Clinton" tagged ORG once).
    for m in ms.iter_mut() {
        if m.origin >= Origin::Tagger && m.tokens.len() == 1 && known.get(&m.key) == Some(&EntityType::PERSON) {
            m.kind = EntityType::PERSON;
        }
    }
    ms.extend(added);
    ms.sort_by_key(|m| m.span.start);
}

/// The key of a name for comparison: lower case, no leading "the", no dots.
fn norm(key: &str) -> String {
    let k = key.strip_prefix("the ").or_else(|| key.strip_prefix("The ")).unwrap_or(key);
    k.chars().filter(|c| *c != '.').flat_map(char::to_lowercase).collect()
}

/// The initials of a multi-word name, skipping connectors: "United Nations" → "UN".
fn initials(key: &str) -> String {
    key.split(' ')
        .filter(|w| words::is_cap(w))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// An organisation's name without leading place or nationality words:
/// "U.S. Department of Veterans Affairs" → "department of veterans affairs".
fn org_core(key: &str) -> String {
    let mut parts: Vec<&str> = key.split(' ').collect();
    while parts.len() > 1 {
        let p = parts[0];
        if p == "the" || p == "The" || LEX.demonyms.contains_key(p) || !LEX.places_for(p).is_empty() {
            parts.remove(0);
        } else {
            break;
        }
    }
    norm(&parts.join(" "))
}

/// Groups mentions into clusters; `ctx` must already hold the article's places.
pub fn cluster(doc: &Document, ms: &[Mention], ctx: &Context) -> Vec<Cluster> {
    let mut cs: Vec<Cluster> = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        let target = match m.kind {
            EntityType::PERSON => find_person(ms, &cs, m),
            EntityType::NORP => {
                let g = norp_group(&m.key);
                cs.iter().rposition(|c| c.kind == EntityType::NORP && c.group == g)
            }
            EntityType::ORG | EntityType::FAC => find_org(ms, &cs, m),
            EntityType::GPE | EntityType::LOC => {
                let q = qualifier(doc, m);
                let place = geo::resolve(&m.key, ctx, q.as_deref());
                let g = place.map(|p| format!("place:{p}"));
                cs.iter().rposition(|c| {
                    matches!(c.kind, EntityType::GPE | EntityType::LOC)
                        && ((g.is_some() && c.group == g) || c.mentions.iter().any(|&k| norm(&ms[k].key) == norm(&m.key)))
                })
            }
        };
        match target {
            Some(c) => cs[c].mentions.push(i),
            None => {
                let (group, place) = match m.kind {
                    EntityType::NORP => (norp_group(&m.key), None),
                    EntityType::ORG | EntityType::FAC => (LEX.orgs.get(&m.key).map(|o| format!("org:{}", o.0)), None),
                    EntityType::GPE | EntityType::LOC => {
                        let q = qualifier(doc, m);
                        let p = geo::resolve(&m.key, ctx, q.as_deref());
                        (p.map(|p| format!("place:{p}")), p)
                    }
                    EntityType::PERSON => (None, None),
                };
                let kind = match (m.kind, place) {
                    (EntityType::GPE | EntityType::LOC, Some(p)) => LEX.places[p as usize].etype,
                    (k, _) => k,
                };
                cs.push(Cluster { kind, mentions: vec![i], place, group });
            }
        }
    }
    cs
}

fn norp_group(key: &str) -> Option<String> {
    let k = key.to_string();
    if let Some(cc) = LEX.demonyms.get(&k) {
        return Some(format!("cc:{cc}"));
    }
    if let Some(g) = LEX.norp.get(&k) {
        return Some(format!("norp:{g}"));
    }
    Some(format!("name:{}", norm(key).trim_end_matches('s')))
}

/// "Everett, Wash.": the word after a comma that names a region or country.
fn qualifier(doc: &Document, m: &Mention) -> Option<String> {
    let b = m.tokens.end;
    if b < doc.tokens.len() && matches!(doc.slice(doc.tokens[b].span), "region" | "oblast" | "province" | "state" | "Oblast" | "Province" | "State") {
        return Some(geo::REGION.to_string());
    }
    if b + 1 < doc.tokens.len() && doc.slice(doc.tokens[b].span) == "," {
        let w = doc.slice(doc.tokens[b + 1].span);
        if words::is_cap(w) {
            // Two-word regions ("New Jersey") are tried first.
            if b + 2 < doc.tokens.len() {
                let two = lexicon::key(doc.slice(Span::new(doc.tokens[b + 1].span.start, doc.tokens[b + 2].span.end)));
                if !LEX.places_for(&two).is_empty() {
                    return Some(two);
                }
            }
            return Some(lexicon::key(w));
        }
    }
    None
}

/// A person's name words without particles, in any case ("De Blasio" → ["Blasio"]).
fn person_words(key: &str) -> Vec<&str> {
    key.split(' ').filter(|w| !words::is_name_particle(&w.to_lowercase())).collect()
}

/// The person cluster a name mention continues: same name, same surname, a first name
/// used alone, or the same name with a middle initial more or less ("J. Joe Ricketts").
fn find_person(ms: &[Mention], cs: &[Cluster], m: &Mention) -> Option<usize> {
    let mw = person_words(&m.key);
    let (Some(m_last), Some(m_first)) = (mw.last(), mw.first()) else { return None };
    // (cluster, its number of mentions): a bare surname shared by two people goes to the one
    // the article is about, the more often named ("Ahmed Mohamed" over his father
    // "Hassan Mohamed"), who stay two entities.
    let mut by_surname: Option<(usize, usize)> = None;
    let mut by_first = Vec::new();
    for (ci, c) in cs.iter().enumerate().rev() {
        if c.kind != EntityType::PERSON {
            continue;
        }
        let full_names: Vec<Vec<&str>> =
            c.mentions.iter().map(|&k| person_words(&ms[k].key)).filter(|w| w.len() >= 2).collect();
        // A different full name with the same surname is a different person.
        if mw.len() >= 2 && !full_names.is_empty() && !full_names.iter().any(|cw| compatible(cw, &mw)) {
            continue;
        }
        let count = c.mentions.len();
        for &k in &c.mentions {
            let cw = person_words(&ms[k].key);
            let (Some(c_last), Some(c_first)) = (cw.last(), cw.first()) else { continue };
            if norm(&ms[k].key) == norm(&m.key) && mw.len() >= 2 {
                return Some(ci);
            }
            if c_last.eq_ignore_ascii_case(m_last) && (mw.len() == 1 || cw.len() == 1 || compatible(&cw, &mw)) {
                if by_surname.is_none_or(|(_, n)| count > n) {
                    by_surname = Some((ci, count));
                }
            }
            if mw.len() == 1 && cw.len() >= 2 && c_first == m_first {
                by_first.push(ci);
            }
        }
    }
    if let Some((ci, _)) = by_surname {
        return Some(ci);
    }
    by_first.dedup();
    if by_first.len() == 1 { Some(by_first[0]) } else { None }
}

/// Two full names with the same surname are one person when their other words agree or one
/// is the other's initial ("J. Joe Ricketts" ~ "Joe Ricketts").
fn compatible(a: &[&str], b: &[&str]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let rest: Vec<&str> = long[..long.len() - 1].to_vec();
    short[..short.len() - 1].iter().all(|w| {
        rest.iter().any(|r| r == w || (words::is_initial(w) && r.starts_with(w.trim_end_matches('.'))) || (words::is_initial(r) && w.starts_with(r.trim_end_matches('.'))))
    })
}

/// The organisation cluster a mention continues: same table group, same name (leading
/// nationality dropped), an acronym of its name, or a "(ACR)" definition.
fn find_org(ms: &[Mention], cs: &[Cluster], m: &Mention) -> Option<usize> {
    let group = LEX.orgs.get(&m.key).map(|o| format!("org:{}", o.0));
    let core = org_core(&m.key);
    let is_acr = words::is_acronym(&m.key);
    let letters = words::acronym_letters(&m.key);
    let own_initials = initials(&m.key);
    for (ci, c) in cs.iter().enumerate().rev() {
        if !matches!(c.kind, EntityType::ORG | EntityType::FAC) {
            continue;
        }
        if group.is_some() && c.group == group {
            return Some(ci);
        }
        for &k in &c.mentions {
            let o = &ms[k];
            if let Some(d) = m.defines {
                if c.mentions.contains(&d) {
                    return Some(ci);
                }
            }
            if org_core(&o.key) == core {
                return Some(ci);
            }
            if is_acr && !words::is_acronym(&o.key) && o.key.contains(' ') && initials(&o.key) == letters {
                return Some(ci);
            }
            if !is_acr && words::is_acronym(&o.key) && own_initials.len() >= 2 && own_initials == words::acronym_letters(&o.key) {
                return Some(ci);
            }
            // "Veterans Affairs" ~ "Department of Veterans Affairs".
            if m.key.contains(' ') && norm(&o.key).ends_with(&format!(" {}", norm(&m.key))) {
                return Some(ci);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_helpers() {
        assert_eq!(initials("United Nations"), "UN");
        assert_eq!(initials("Department of Veterans Affairs"), "DVA");
        assert_eq!(org_core("U.S. Department of Veterans Affairs"), "department of veterans affairs");
        assert!(compatible(&["J.", "Joe", "Ricketts"], &["Joe", "Ricketts"]));
        assert!(!compatible(&["Hillary", "Clinton"], &["Bill", "Clinton"]));
        assert!(compatible(&["Hillary", "Clinton"], &["Hillary", "Rodham", "Clinton"]));
    }
}
