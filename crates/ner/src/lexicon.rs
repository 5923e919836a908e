//! Gazetteers (country, region, city and demonym lists from GeoNames and mledoze, generated
//! by `lexicons/ner/generate.py`) and the word clusters, matched token by token.
//!
//! A phrase is stored as the hash of its normalised tokens, so matching a window of the
//! document is a few hash look-ups with no string building.

use crate::hash;
use crate::norm::{chars_hash, normalise};
use newsgraph_text::{Span, tokenize};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The gazetteers, in the order of their bit in a match mask. The first five are places and
/// groups (GeoNames, mledoze); the rest are name parts and name-making words from the
/// entity layer's data (`lexicons/entities`): census first names and surnames, person
/// titles, words that make organisation names, and well-known organisations.
pub const GAZETTEERS: [&str; 10] = ["country", "region", "city", "demonym", "group", "first_name", "surname", "title", "org_word", "org"];
pub const N_GAZ: usize = GAZETTEERS.len();
/// Longest phrase matched, in tokens.
pub const MAX_PHRASE: usize = 6;

pub struct Gazetteer {
    /// Phrase hash → mask of the gazetteers containing it.
    phrases: HashMap<u64, u16>,
}

pub static GAZ: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer { phrases: HashMap::new() };
    g.load(0, include_str!("../../../lexicons/ner/countries.txt"));
    g.load(1, include_str!("../../../lexicons/ner/regions.txt"));
    g.load(2, include_str!("../../../lexicons/ner/cities.txt"));
    g.load(3, include_str!("../../../lexicons/ner/demonyms.txt"));
    g.load(4, include_str!("../../../lexicons/ner/groups.txt"));
    g.load(5, include_str!("../../../lexicons/entities/first_names.tsv"));
    g.load(5, include_str!("../../../lexicons/entities/first_names_extra.tsv"));
    g.load(6, include_str!("../../../lexicons/entities/surnames.txt"));
    g.load(7, include_str!("../../../lexicons/entities/titles.tsv"));
    g.load(8, include_str!("../../../lexicons/entities/org_words.txt"));
    g.load(9, include_str!("../../../lexicons/entities/orgs.tsv"));
    g
});

/// Folds one token's hash into a phrase hash.
#[inline]
pub fn phrase_step(h: u64, token: u64) -> u64 {
    hash::mix(h ^ 0x00ff_00ff, token)
}
pub const PHRASE_SEED: u64 = 0x1234_5678_9abc_def0;

impl Gazetteer {
    /// Loads a list: one entry a line, `#` comments; of a tab-separated line only the first
    /// column counts, and `|` separates written forms of the same entry ("UN|U.N.").
    fn load(&mut self, bit: u8, src: &str) {
        let mut buf = Vec::new();
        for line in src.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let first = line.split('\t').next().unwrap_or("");
            for form in first.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                self.insert(bit, form, &mut buf);
                // Demonyms and group words also name the people: "Ukrainians", "Sunnis".
                if (bit == 3 || bit == 4) && !form.ends_with('s') {
                    let plural = format!("{form}s");
                    self.insert(bit, &plural, &mut buf);
                }
            }
        }
    }

    fn insert(&mut self, bit: u8, phrase: &str, buf: &mut Vec<char>) {
        let toks = tokenize(phrase, Span::new(0, phrase.len()));
        if toks.is_empty() || toks.len() > MAX_PHRASE {
            return;
        }
        let mut h = PHRASE_SEED;
        for t in &toks {
            buf.clear();
            normalise(&phrase[t.span.start..t.span.end], buf);
            h = phrase_step(h, chars_hash(buf));
        }
        *self.phrases.entry(h).or_insert(0) |= 1 << bit;
    }

    /// The mask of gazetteers holding the phrase whose hash is `h`.
    #[inline]
    pub fn lookup(&self, h: u64) -> u16 {
        self.phrases.get(&h).copied().unwrap_or(0)
    }
}

/// Country names and their abbreviations ("US", "UK"), for [`is_country`]. Kept apart from
/// the feature gazetteers: CoNLL labels "U.S." by context (place, organisation or part of a
/// MISC name), so as a feature it misleads, but a name that is exactly a country is a place.
static COUNTRIES: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer { phrases: HashMap::new() };
    g.load(0, include_str!("../../../lexicons/ner/countries.txt"));
    g.load(0, include_str!("../../../lexicons/ner/country_abbreviations.txt"));
    g
});

fn phrase_hash(phrase: &str) -> Option<u64> {
    let toks = tokenize(phrase, Span::new(0, phrase.len()));
    if toks.is_empty() || toks.len() > MAX_PHRASE {
        return None;
    }
    let mut buf = Vec::new();
    let mut h = PHRASE_SEED;
    for t in &toks {
        buf.clear();
        normalise(&phrase[t.span.start..t.span.end], &mut buf);
        h = phrase_step(h, chars_hash(&buf));
    }
    Some(h)
}

/// Whether a whole phrase is a country's name or abbreviation (any case).
pub fn is_country(phrase: &str) -> bool {
    phrase_hash(phrase).is_some_and(|h| COUNTRIES.lookup(h) != 0)
}

/// Whether a whole phrase is a demonym or a group word ("Ukrainian", "Sunnis"): the MISC
/// mentions that are NORP.
pub fn is_group_word(phrase: &str) -> bool {
    phrase_hash(phrase).is_some_and(|h| GAZ.lookup(h) & 0b11000 != 0)
}

/// Whether a single word not in the lists has the form of a demonym or group word, for a
/// name the tagger calls MISC: a capitalised word ending as English demonyms do ("Zairean",
/// "Tasmanian", "Mexican", "Thai", "Englishman"). Words in the lists are [`is_group_word`].
pub fn looks_like_demonym(word: &str) -> bool {
    let mut cs = word.chars();
    let first_upper = cs.next().is_some_and(char::is_uppercase);
    let rest: String = cs.collect();
    if !first_upper || rest.chars().count() < 3 || !rest.chars().all(char::is_lowercase) {
        return is_group_word(word);
    }
    // Not "-i" ("Iraqi", "Thai"): the lists hold those, and the ending also makes "Nikkei".
    const ENDINGS: [&str; 12] = ["ian", "ians", "ean", "eans", "can", "cans", "ese", "ish", "man", "men", "yan", "yans"];
    is_group_word(word) || ENDINGS.iter().any(|e| rest.ends_with(e))
}

/// Marks, for each token, its position in the longest gazetteer phrase of each list that
/// covers it: 0 none, 1 begin, 2 inside, 3 last, 4 unit (a one-token phrase).
/// `keys` are the tokens' normalised hashes; `wordlike` says which tokens may start a phrase.
pub fn mark(keys: &[u64], wordlike: &[bool], out: &mut Vec<[u8; N_GAZ]>) {
    let gaz = &*GAZ;
    out.clear();
    out.resize(keys.len(), [0; N_GAZ]);
    let mut i = 0;
    while i < keys.len() {
        if !wordlike[i] {
            i += 1;
            continue;
        }
        let mut h = PHRASE_SEED;
        // Longest match per list starting here.
        let mut best = [0usize; N_GAZ];
        for len in 1..=MAX_PHRASE.min(keys.len() - i) {
            h = phrase_step(h, keys[i + len - 1]);
            let m = gaz.lookup(h);
            for (g, b) in best.iter_mut().enumerate() {
                if m & (1 << g) != 0 {
                    *b = len;
                }
            }
        }
        for (g, &len) in best.iter().enumerate() {
            if len == 0 || out[i][g] != 0 {
                continue;
            }
            if len == 1 {
                out[i][g] = 4;
            } else {
                out[i][g] = 1;
                for k in 1..len - 1 {
                    out[i + k][g] = 2;
                }
                out[i + len - 1][g] = 3;
            }
        }
        i += 1;
    }
}

/// Word clusters built by `newsgraph train clusters` from unlabelled news text: each word
/// maps to a path of cluster ids, coarse to fine.
pub struct Clusters {
    map: HashMap<u64, [u16; CLUSTER_LEVELS]>,
}
pub const CLUSTER_LEVELS: usize = 3;

pub static CLUSTERS: LazyLock<Clusters> = LazyLock::new(|| Clusters::parse(include_str!("../../../lexicons/ner/clusters.txt")));

impl Clusters {
    /// Lines are `word<TAB>id id id` (one id per level); `#` starts a comment.
    pub fn parse(src: &str) -> Clusters {
        let mut map = HashMap::new();
        let mut buf = Vec::new();
        for line in src.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((word, ids)) = line.split_once('\t') else { continue };
            let mut path = [0u16; CLUSTER_LEVELS];
            let mut n = 0;
            for (k, id) in ids.split(' ').take(CLUSTER_LEVELS).enumerate() {
                if let Ok(v) = id.parse::<u16>() {
                    path[k] = v + 1;
                    n += 1;
                }
            }
            if n == 0 {
                continue;
            }
            buf.clear();
            normalise(word, &mut buf);
            map.insert(chars_hash(&buf), path);
        }
        Clusters { map }
    }

    /// The cluster path of a normalised word hash; zeros when unknown.
    #[inline]
    pub fn get(&self, key: u64) -> [u16; CLUSTER_LEVELS] {
        self.map.get(&key).copied().unwrap_or([0; CLUSTER_LEVELS])
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(words: &[&str]) -> Vec<u64> {
        let mut buf = Vec::new();
        words
            .iter()
            .map(|w| {
                buf.clear();
                normalise(w, &mut buf);
                chars_hash(&buf)
            })
            .collect()
    }

    #[test]
    fn marks_multi_token_places() {
        let k = keys(&["in", "New", "York", "and", "Ukrainians", "in", "KYIV"]);
        let mut out = Vec::new();
        mark(&k, &[true; 7], &mut out);
        assert_eq!(out[1][2], 1, "New begins a city");
        assert_eq!(out[2][2], 3, "York ends it");
        assert_eq!(out[4][3], 4, "plural demonym");
        assert_eq!(out[6][2], 4, "case-insensitive");
        assert_eq!(out[3], [0; N_GAZ]);
    }

    #[test]
    fn countries() {
        assert!(is_country("US") && is_country("U.S.") && is_country("Ukraine") && is_country("United Kingdom"));
        assert!(!is_country("Kyiv") && !is_country("NATO") && !is_country(""));
    }

    #[test]
    fn group_words() {
        assert!(is_group_word("Ukrainian") && is_group_word("Russians") && is_group_word("Sunni"));
        assert!(!is_group_word("Ukraine") && !is_group_word("Grand Prix") && !is_group_word(""));
    }

    #[test]
    fn demonym_forms() {
        for w in ["Zairean", "Tasmanian", "Mexicans", "Thai", "Englishman", "Ukrainian", "Iraqi"] {
            assert!(looks_like_demonym(w), "{w}");
        }
        for w in ["Olympic", "Internet", "GMT", "World Cup", "ian", "Atlantic", "Nikkei"] {
            assert!(!looks_like_demonym(w), "{w}");
        }
    }

    #[test]
    fn clusters_parse() {
        let c = Clusters::parse("# header\nparis\t3 17 250\nbad line\n");
        assert_eq!(c.len(), 1);
        assert_eq!(c.get(keys(&["Paris"])[0]), [4, 18, 251]);
    }
}
