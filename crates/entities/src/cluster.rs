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
                if let Some(last) = parts.last()
                    && last.chars().count() > 2
                {
                    known.insert((*last).to_string(), EntityType::PERSON);
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
    key.split(' ').filter(|w| words::is_cap(w)).filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect()
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

/// What clustering compares, computed once per mention so that no comparison allocates.
struct Keys {
    /// [`norm`] of the key.
    norm: String,
    /// PERSON: name words without particles, as written.
    words: Vec<String>,
    /// PERSON: last name word in ASCII lower case (the surname index).
    last: String,
    /// ORG/FAC: [`org_core`] of the key.
    core: String,
    /// ORG/FAC: the key is an acronym.
    is_acr: bool,
    /// ORG/FAC: the acronym's letters ("U.N." → "UN").
    letters: String,
    /// ORG/FAC: the initials of a multi-word name.
    initials: String,
}

impl Keys {
    fn of(m: &Mention) -> Keys {
        let norm = norm(&m.key);
        let (mut words, mut last) = (Vec::new(), String::new());
        let (mut core, mut is_acr, mut letters, mut initials_) = (String::new(), false, String::new(), String::new());
        match m.kind {
            EntityType::PERSON => {
                words = person_words(&m.key).into_iter().map(str::to_string).collect();
                last = words.last().map(|w| w.to_ascii_lowercase()).unwrap_or_default();
            }
            _ => {
                core = org_core(&m.key);
                is_acr = words::is_acronym(&m.key);
                letters = words::acronym_letters(&m.key);
                initials_ = initials(&m.key);
            }
        }
        Keys { norm, words, last, core, is_acr, letters, initials: initials_ }
    }
}

/// Clusters by normalised key: each index maps a key to the clusters that hold a mention
/// with it, so a new mention looks only at the clusters it could join (the article's
/// clusters are not scanned, which made long articles quadratic).
#[derive(Default)]
struct Index {
    /// PERSON: norm → clusters; ASCII-lower surname → clusters; first word → clusters of
    /// multi-word names.
    person_norm: HashMap<String, Vec<usize>>,
    surname: HashMap<String, Vec<usize>>,
    first: HashMap<String, Vec<usize>>,
    /// NORP: group → latest cluster.
    norp: HashMap<String, usize>,
    /// ORG/FAC: group, org core, initials of multi-word non-acronyms, acronym letters and
    /// every proper word-suffix of the norm ("veterans affairs") → clusters.
    org_group: HashMap<String, Vec<usize>>,
    org_core: HashMap<String, Vec<usize>>,
    org_initials: HashMap<String, Vec<usize>>,
    org_acronym: HashMap<String, Vec<usize>>,
    org_suffix: HashMap<String, Vec<usize>>,
    /// GPE/LOC: group and norm → clusters.
    place_group: HashMap<String, Vec<usize>>,
    place_norm: HashMap<String, Vec<usize>>,
}

fn add(map: &mut HashMap<String, Vec<usize>>, key: &str, c: usize) {
    match map.get_mut(key) {
        Some(v) => {
            if !v.contains(&c) {
                v.push(c);
            }
        }
        None => {
            map.insert(key.to_string(), vec![c]);
        }
    }
}

fn latest(map: &HashMap<String, Vec<usize>>, key: &str) -> Option<usize> {
    map.get(key).and_then(|v| v.iter().copied().max())
}

impl Index {
    /// Records cluster `ci` (already holding `k` or just created) in the indexes of its kind.
    fn note_group(&mut self, c: &Cluster, ci: usize) {
        let Some(g) = c.group.as_deref() else { return };
        match c.kind {
            EntityType::NORP => {
                self.norp.insert(g.to_string(), ci);
            }
            EntityType::ORG | EntityType::FAC => add(&mut self.org_group, g, ci),
            EntityType::GPE | EntityType::LOC => add(&mut self.place_group, g, ci),
            EntityType::PERSON => {}
        }
    }

    /// Records a new name form `k` of cluster `ci`.
    fn note_variant(&mut self, kind: EntityType, key: &str, ks: &Keys, ci: usize) {
        match kind {
            EntityType::PERSON => {
                add(&mut self.person_norm, &ks.norm, ci);
                if !ks.last.is_empty() {
                    add(&mut self.surname, &ks.last, ci);
                }
                if ks.words.len() >= 2 {
                    add(&mut self.first, &ks.words[0], ci);
                }
            }
            EntityType::ORG | EntityType::FAC => {
                add(&mut self.org_core, &ks.core, ci);
                if !ks.is_acr && key.contains(' ') {
                    add(&mut self.org_initials, &ks.initials, ci);
                }
                if ks.is_acr {
                    add(&mut self.org_acronym, &ks.letters, ci);
                }
                for (i, _) in ks.norm.match_indices(' ') {
                    add(&mut self.org_suffix, &ks.norm[i + 1..], ci);
                }
            }
            EntityType::GPE | EntityType::LOC => add(&mut self.place_norm, &ks.norm, ci),
            EntityType::NORP => {}
        }
    }
}

/// Groups mentions into clusters; `ctx` must already hold the article's places.
pub fn cluster(doc: &Document, ms: &[Mention], ctx: &Context) -> Vec<Cluster> {
    let keys: Vec<Keys> = ms.iter().map(Keys::of).collect();
    let mut cs: Vec<Cluster> = Vec::new();
    // Per cluster, one mention of each distinct key: all comparisons depend on the key only.
    let mut variants: Vec<Vec<usize>> = Vec::new();
    // The cluster of each mention placed so far ("(ACR)" definitions point back to one).
    let mut cluster_of: Vec<Option<usize>> = vec![None; ms.len()];
    let mut idx = Index::default();
    for (i, m) in ms.iter().enumerate() {
        let ks = &keys[i];
        let mut place = None;
        let target = match m.kind {
            EntityType::PERSON => find_person(&keys, &cs, &variants, &idx, ks),
            EntityType::NORP => norp_group(&m.key).and_then(|g| idx.norp.get(&g).copied()),
            EntityType::ORG | EntityType::FAC => find_org(&cs, &cluster_of, &idx, m, ks),
            EntityType::GPE | EntityType::LOC => {
                let q = qualifier(doc, m);
                place = geo::resolve(&m.key, ctx, q.as_deref());
                let by_group = place.and_then(|p| latest(&idx.place_group, &format!("place:{p}")));
                by_group.max(latest(&idx.place_norm, &ks.norm))
            }
        };
        let ci = match target {
            Some(c) => {
                cs[c].mentions.push(i);
                c
            }
            None => {
                let group = match m.kind {
                    EntityType::NORP => norp_group(&m.key),
                    EntityType::ORG | EntityType::FAC => LEX.orgs.get(&m.key).map(|o| format!("org:{}", o.0)),
                    EntityType::GPE | EntityType::LOC => place.map(|p| format!("place:{p}")),
                    EntityType::PERSON => None,
                };
                let kind = match (m.kind, place) {
                    (EntityType::GPE | EntityType::LOC, Some(p)) => LEX.places[p as usize].etype,
                    (k, _) => k,
                };
                cs.push(Cluster { kind, mentions: vec![i], place, group });
                variants.push(Vec::new());
                let ci = cs.len() - 1;
                idx.note_group(&cs[ci], ci);
                ci
            }
        };
        cluster_of[i] = Some(ci);
        if !variants[ci].iter().any(|&k| ms[k].key == m.key) {
            variants[ci].push(i);
            idx.note_variant(cs[ci].kind, &m.key, ks, ci);
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
    if b < doc.tokens.len() && crate::words::in_class("region_word", doc.slice(doc.tokens[b].span)) {
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

/// The clusters a person mention could continue, latest first: those holding the same
/// name, the same surname or, for a single word, a full name starting with it.
fn person_candidates(idx: &Index, ks: &Keys) -> Vec<usize> {
    let mut cands: Vec<usize> = Vec::new();
    for (map, key) in [(&idx.person_norm, ks.norm.as_str()), (&idx.surname, ks.last.as_str())] {
        cands.extend(map.get(key).into_iter().flatten());
    }
    if let [only] = ks.words.as_slice() {
        cands.extend(idx.first.get(only.as_str()).into_iter().flatten());
    }
    cands.sort_unstable_by(|a, b| b.cmp(a));
    cands.dedup();
    cands
}

/// The person cluster a name mention continues: same name, same surname, a first name
/// used alone, or the same name with a middle initial more or less ("J. Joe Ricketts").
/// Only the clusters the indexes name are looked at, latest first.
fn find_person(keys: &[Keys], cs: &[Cluster], variants: &[Vec<usize>], idx: &Index, ks: &Keys) -> Option<usize> {
    let mw = &ks.words;
    let (Some(m_last), Some(m_first)) = (mw.last(), mw.first()) else { return None };
    let cands = person_candidates(idx, ks);
    // (cluster, its number of mentions): a bare surname shared by two people goes to the one
    // the article is about, the more often named ("Ahmed Mohamed" over his father
    // "Hassan Mohamed"), who stay two entities.
    let mut by_surname: Option<(usize, usize)> = None;
    let mut by_first = Vec::new();
    for ci in cands {
        let c = &cs[ci];
        if c.kind != EntityType::PERSON {
            continue;
        }
        let vs = &variants[ci];
        // A different full name with the same surname is a different person.
        let mut full = vs.iter().map(|&k| &keys[k].words).filter(|w| w.len() >= 2).peekable();
        if mw.len() >= 2 && full.peek().is_some() && !full.any(|cw| compatible(cw, mw)) {
            continue;
        }
        let count = c.mentions.len();
        for &k in vs {
            let cw = &keys[k].words;
            let (Some(c_last), Some(c_first)) = (cw.last(), cw.first()) else { continue };
            if keys[k].norm == ks.norm && mw.len() >= 2 {
                return Some(ci);
            }
            if c_last.eq_ignore_ascii_case(m_last) && (mw.len() == 1 || cw.len() == 1 || compatible(cw, mw)) && by_surname.is_none_or(|(_, n)| count > n) {
                by_surname = Some((ci, count));
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
fn compatible<S: AsRef<str>>(a: &[S], b: &[S]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let (Some((_, rest)), Some((_, short))) = (long.split_last(), short.split_last()) else { return true };
    short.iter().all(|w| {
        let w = w.as_ref();
        rest.iter().map(AsRef::as_ref).any(|r: &str| {
            r == w || (words::is_initial(w) && r.starts_with(w.trim_end_matches('.'))) || (words::is_initial(r) && w.starts_with(r.trim_end_matches('.')))
        })
    })
}

/// The organisation cluster a mention continues: same table group, same name (leading
/// nationality dropped), an acronym of its name, or a "(ACR)" definition; the latest such
/// cluster, found through the indexes.
fn find_org(cs: &[Cluster], cluster_of: &[Option<usize>], idx: &Index, m: &Mention, ks: &Keys) -> Option<usize> {
    let mut best = LEX.orgs.get(&m.key).and_then(|o| latest(&idx.org_group, &format!("org:{}", o.0)));
    let mut consider = |c: Option<usize>| best = best.max(c);
    if let Some(d) = m.defines {
        consider(cluster_of.get(d).copied().flatten().filter(|&c| matches!(cs[c].kind, EntityType::ORG | EntityType::FAC)));
    }
    consider(latest(&idx.org_core, &ks.core));
    if ks.is_acr {
        consider(latest(&idx.org_initials, &ks.letters));
    } else if ks.initials.len() >= 2 {
        consider(latest(&idx.org_acronym, &ks.initials));
    }
    // "Veterans Affairs" ~ "Department of Veterans Affairs".
    if m.key.contains(' ') {
        consider(latest(&idx.org_suffix, &ks.norm));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(doc: &Document, key: &str, kind: EntityType, nth: usize) -> Mention {
        let start = doc.text.match_indices(key).nth(nth).map(|(s, _)| s).expect("key in text");
        let first = doc.tokens.iter().position(|t| t.span.start == start).expect("token start");
        let last = doc.tokens.iter().position(|t| t.span.end == start + key.len()).expect("token end");
        Mention { span: Span::new(start, start + key.len()), tokens: first..last + 1, kind, origin: Origin::Tagger, key: key.to_string(), defines: None }
    }

    #[test]
    fn person_index_names_only_clusters_sharing_a_key() {
        // 300 people with distinct names, then "Smith": only Anna Smith's cluster is looked at.
        let mut idx = Index::default();
        let names: Vec<String> = (0..300).map(|i| format!("Anna{} Jones{}", i, i)).chain(["Anna Smith".to_string()]).collect();
        for (ci, name) in names.iter().enumerate() {
            let doc = Document::new(name.clone());
            let m = mention(&doc, name, EntityType::PERSON, 0);
            idx.note_variant(EntityType::PERSON, &m.key, &Keys::of(&m), ci);
        }
        let doc = Document::new("Smith");
        let smith = Keys::of(&mention(&doc, "Smith", EntityType::PERSON, 0));
        assert_eq!(person_candidates(&idx, &smith), vec![300]);
        let doc = Document::new("Anna");
        let anna = Keys::of(&mention(&doc, "Anna", EntityType::PERSON, 0));
        assert_eq!(person_candidates(&idx, &anna), vec![300]);
    }

    #[test]
    fn clusters_by_surname_acronym_suffix_and_place() {
        let text = "John Smith met Jane Smith of the United Nations and the Department of Veterans Affairs in Paris. \
                    Smith said the UN and Veterans Affairs would help Paris. John Smith left.";
        let doc = Document::new(text);
        let ms = vec![
            mention(&doc, "John Smith", EntityType::PERSON, 0),
            mention(&doc, "Jane Smith", EntityType::PERSON, 0),
            mention(&doc, "United Nations", EntityType::ORG, 0),
            mention(&doc, "Department of Veterans Affairs", EntityType::ORG, 0),
            mention(&doc, "Paris", EntityType::GPE, 0),
            mention(&doc, "Smith", EntityType::PERSON, 3),
            mention(&doc, "UN", EntityType::ORG, 0),
            mention(&doc, "Veterans Affairs", EntityType::ORG, 1),
            mention(&doc, "Paris", EntityType::GPE, 1),
            mention(&doc, "John Smith", EntityType::PERSON, 1),
        ];
        let cs = cluster(&doc, &ms, &Context::default());
        let of = |k: usize| cs.iter().position(|c| c.mentions.contains(&k)).expect("placed");
        assert_eq!(cs.len(), 5, "{cs:?}");
        assert_eq!(of(0), of(9));
        assert_ne!(of(0), of(1));
        assert_eq!(of(2), of(6));
        assert_eq!(of(3), of(7));
        assert_eq!(of(4), of(8));
        // A bare surname shared by two people goes to one of them, never a new entity.
        assert!(of(5) == of(0) || of(5) == of(1));
    }

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
