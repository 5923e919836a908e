//! Features of each token, as hashed bucket numbers.
//!
//! Three families:
//! - local: the word (lower-cased and as written), affixes, shape, casing flags, and the
//!   same for a ±2 window, with word bigrams;
//! - lexical knowledge: gazetteer membership (countries, regions, cities, demonyms, group
//!   words) and word clusters built from unlabelled news;
//! - document: how the same word is written elsewhere in the article (lower case somewhere
//!   means it is probably a common word; capitalised mid-sentence means a name), which is
//!   what rescues ALL-CAPS headlines and sentence-initial names, and the types the tagger
//!   already gave the word earlier in the article ([`History`]).

use crate::hash::{self, feat, feat2};
use crate::lexicon::{self, CLUSTER_LEVELS, N_GAZ};
use crate::norm::{chars_hash, normalise, without_possessive};
use newsgraph_text::{Document, TokenKind};
use std::collections::HashMap;

const INITCAP: u8 = 1;
const ALLCAPS: u8 = 2;
const DIGIT: u8 = 4;
const HYPHEN: u8 = 8;
const PERIOD: u8 = 16;
const POSSESSIVE: u8 = 32;
const LOWER: u8 = 64;
const MIXED: u8 = 128;

/// What the features need to know about one token, computed once per document.
#[derive(Clone, Copy, Default)]
struct Tok {
    key: u64,
    form: u64,
    shape: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    flags: u8,
    wordlike: bool,
    sent_first: bool,
    caps_sentence: bool,
    cluster: [u16; CLUSTER_LEVELS],
}

/// How often a word occurs, per kind of writing, in the whole document.
#[derive(Clone, Copy, Default)]
struct DocStat {
    /// Written in lower case.
    lower: u16,
    /// Capitalised, not first in its sentence, in a sentence that is not all capitals.
    cap_mid: u16,
}

/// The static features of a whole document, token by token.
pub struct DocFeatures {
    pub feats: Vec<u32>,
    /// `feats[offsets[i]..offsets[i + 1]]` are token `i`'s features.
    pub offsets: Vec<u32>,
    /// The normalised word hash per token (the key of [`History`]).
    pub keys: Vec<u64>,
    /// Whether the token carries capitals, so that its label enters the history.
    pub capitalised: Vec<bool>,
    /// Whether each sentence is written in capitals (decoded last, after the body).
    pub caps_sentence: Vec<bool>,
    toks: Vec<Tok>,
    gaz: Vec<[u8; N_GAZ]>,
    buf: Vec<char>,
}

impl Default for DocFeatures {
    fn default() -> Self {
        Self::new()
    }
}

/// Bucket of a feature hash in a table of `2^bits` rows.
#[inline]
pub fn bucket(h: u64, bits: u32) -> u32 {
    (h >> (64 - bits)) as u32
}

fn shape_of(word: &str) -> (u64, u8) {
    let mut h: u64 = 0x77;
    let mut last = '\0';
    let mut flags = 0u8;
    let (mut upper, mut lower) = (0, 0);
    for (k, c) in word.chars().enumerate() {
        let s = if c.is_uppercase() {
            upper += 1;
            if k == 0 {
                flags |= INITCAP;
            }
            'X'
        } else if c.is_lowercase() {
            lower += 1;
            if k == 0 {
                flags |= LOWER;
            }
            'x'
        } else if c.is_ascii_digit() {
            flags |= DIGIT;
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            match c {
                '-' | '–' => flags |= HYPHEN,
                '.' => flags |= PERIOD,
                _ => {}
            }
            if c == '’' { '\'' } else { c }
        };
        if s != last {
            h = hash::mix(h, s as u64);
            last = s;
        }
    }
    if upper > 0 && lower == 0 {
        flags |= ALLCAPS;
    }
    if upper > 1 && lower > 0 {
        flags |= MIXED;
    }
    (h, flags)
}

/// Short words that title case leaves in lower case ("Obama Seeks Help for Refugees").
const TITLE_CASE_SMALL: [&str; 16] = ["a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"];

/// True for a sentence in headline casing: ALL CAPITALS, or Title Case (only looked for in
/// the first paragraph, where headlines are; elsewhere a run of capitalised words is more
/// likely a list of names), where capitals say nothing about names. Such sentences are
/// decoded last and lean on the rest of the article.
pub fn is_headline_cased(doc: &Document, toks: &[newsgraph_text::Token], first_paragraph: bool) -> bool {
    let (mut upper, mut lower, mut initcap, mut lower_initial) = (0, 0, 0, 0);
    for t in toks.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = doc.slice(t.span);
        if w.chars().any(char::is_lowercase) {
            lower += 1;
        } else if w.chars().any(char::is_uppercase) {
            upper += 1;
        }
        match w.chars().next() {
            Some(c) if c.is_uppercase() => initcap += 1,
            Some(c) if c.is_lowercase() && !TITLE_CASE_SMALL.contains(&w) => lower_initial += 1,
            _ => {}
        }
    }
    (upper >= 2 && lower == 0) || (first_paragraph && initcap >= 4 && lower_initial == 0)
}

const BOS: u64 = 0xb05;
const EOS: u64 = 0xe05;

impl DocFeatures {
    pub fn new() -> Self {
        DocFeatures {
            feats: Vec::new(),
            offsets: Vec::new(),
            keys: Vec::new(),
            capitalised: Vec::new(),
            caps_sentence: Vec::new(),
            toks: Vec::new(),
            gaz: Vec::new(),
            buf: Vec::new(),
        }
    }

    /// Computes every token's static features for `doc`, reusing this value's buffers.
    pub fn compute(&mut self, doc: &Document, bits: u32) {
        let n = doc.tokens.len();
        self.toks.clear();
        self.keys.clear();
        self.capitalised.clear();
        self.caps_sentence.clear();
        let clusters = &*lexicon::CLUSTERS;
        for s in &doc.sentences {
            let toks = doc.sentence_tokens(s);
            let caps = is_headline_cased(doc, toks, s.paragraph == 0);
            self.caps_sentence.push(caps);
            for (k, t) in toks.iter().enumerate() {
                let full = doc.slice(t.span);
                let word = if t.kind == TokenKind::Word { &full[..without_possessive(full)] } else { full };
                let (shape, mut flags) = shape_of(word);
                if word.len() < full.len() {
                    flags |= POSSESSIVE;
                }
                self.buf.clear();
                normalise(word, &mut self.buf);
                let key = chars_hash(&self.buf);
                let m = self.buf.len();
                let mut prefix = [0u64; 4];
                let mut suffix = [0u64; 4];
                for a in 0..4 {
                    if a + 1 < m {
                        prefix[a] = chars_hash(&self.buf[..a + 1]);
                        suffix[a] = chars_hash(&self.buf[m - a - 1..]);
                    }
                }
                self.toks.push(Tok {
                    key,
                    form: hash::bytes(word.as_bytes()),
                    shape,
                    prefix,
                    suffix,
                    flags,
                    wordlike: t.kind == TokenKind::Word,
                    sent_first: k == 0,
                    caps_sentence: caps,
                    cluster: clusters.get(key),
                });
                self.keys.push(key);
                self.capitalised.push(flags & (INITCAP | ALLCAPS) != 0);
            }
        }
        debug_assert_eq!(self.toks.len(), n);
        let wordlike: Vec<bool> = self.toks.iter().map(|t| t.wordlike).collect();
        lexicon::mark(&self.keys, &wordlike, &mut self.gaz);

        // How each word is written across the document.
        let mut stats: HashMap<u64, DocStat> = HashMap::with_capacity(n);
        for t in &self.toks {
            if !t.wordlike {
                continue;
            }
            let st = stats.entry(t.key).or_default();
            if t.flags & LOWER != 0 {
                st.lower = st.lower.saturating_add(1);
            } else if t.flags & INITCAP != 0 && !t.sent_first && !t.caps_sentence {
                st.cap_mid = st.cap_mid.saturating_add(1);
            }
        }

        // Where each capitalised word occurs: its other occurrences lend their contexts.
        let mut occurrences: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, t) in self.toks.iter().enumerate() {
            if t.wordlike && t.flags & (INITCAP | ALLCAPS) != 0 {
                occurrences.entry(t.key).or_default().push(i as u32);
            }
        }
        let mut sent_bounds = vec![(0u32, 0u32); n];
        for s in &doc.sentences {
            for i in s.tokens.clone() {
                sent_bounds[i] = (s.tokens.start as u32, s.tokens.end as u32);
            }
        }

        self.feats.clear();
        self.offsets.clear();
        self.offsets.push(0);
        for s in &doc.sentences {
            let r = s.tokens.clone();
            for i in r.clone() {
                self.token_features(i, r.start, r.end, &stats, bits);
                self.aggregate_features(i, &occurrences, &sent_bounds, bits);
                self.offsets.push(self.feats.len() as u32);
            }
        }
    }

    fn token_features(&mut self, i: usize, lo: usize, hi: usize, stats: &HashMap<u64, DocStat>, bits: u32) {
        let t = self.toks[i];
        let at = |d: isize| -> Option<&Tok> {
            let j = i as isize + d;
            if j < lo as isize || j >= hi as isize { None } else { Some(&self.toks[j as usize]) }
        };
        let key_at = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |t| t.key);
        let shape_at = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |t| t.shape);
        let (km2, km1, kp1, kp2) = (key_at(-2), key_at(-1), key_at(1), key_at(2));
        let (sm2, sm1, sp1, sp2) = (shape_at(-2), shape_at(-1), shape_at(1), shape_at(2));
        let mut f: [u64; 192] = [0; 192];
        let mut n = 0;
        let mut push = |h: u64| {
            if n < f.len() {
                f[n] = h;
                n += 1;
            }
        };
        push(feat(1, 0));
        push(feat(2, t.key));
        push(feat(3, t.form));
        for a in 0..4 {
            if t.prefix[a] != 0 {
                push(feat(4 + a as u32, t.prefix[a]));
                push(feat(8 + a as u32, t.suffix[a]));
            }
        }
        push(feat(12, t.shape));
        push(feat(13, t.flags as u64));
        push(feat(14, km1));
        push(feat(15, km2));
        push(feat(16, kp1));
        push(feat(17, kp2));
        push(feat(18, sm1));
        push(feat(19, sp1));
        push(feat2(20, km1, t.key));
        push(feat2(21, t.key, kp1));
        push(feat2(22, sm1, hash::mix(t.shape, sp1)));
        push(feat2(23, t.sent_first as u64, t.shape));
        push(feat2(41, km1, t.shape));
        // The neighbours' shapes two away, and the casing pattern of the ±2 window: a run of
        // capitalised words is a name's extent whatever the words are.
        push(feat(44, sm2));
        push(feat(45, sp2));
        let case = |d: isize| at(d).map_or(7u64, |p| (p.flags & (INITCAP | ALLCAPS | LOWER)) as u64 | (!p.wordlike as u64) << 7);
        push(feat2(46, case(-2) << 16 | case(-1) << 8 | case(0), case(1) << 8 | case(2)));
        let cap = (t.flags & (INITCAP | ALLCAPS) != 0) as u64;
        // Gazetteers: each list's BILOU position of the longest match at i and ±1, ±2, and
        // the set of lists matching at i (a word that is both a surname and a city).
        let mut mask = 0u64;
        for g in 0..N_GAZ {
            let c = self.gaz[i][g];
            if c != 0 {
                mask |= 1 << g;
                push(feat2(24, g as u64, c as u64));
                push(feat2(27, (g * 8) as u64 + c as u64, cap));
            }
            for (d, template) in [(-2isize, 48u32), (-1, 25), (1, 26), (2, 49)] {
                if at(d).is_some() {
                    let c = self.gaz[(i as isize + d) as usize][g];
                    if c != 0 {
                        push(feat2(template, g as u64, c as u64));
                    }
                }
            }
        }
        if mask != 0 {
            push(feat2(52, mask, cap));
        }
        // Word clusters: every level of the path at i and ±1 (wider windows and cluster x
        // casing conjunctions were tried and lost accuracy on CoNLL testa).
        for l in 0..CLUSTER_LEVELS {
            if t.cluster[l] != 0 {
                push(feat2(60 + 3 * l as u32, t.cluster[l] as u64, 0));
            }
            if let Some(p) = at(-1)
                && p.cluster[l] != 0
            {
                push(feat2(61 + 3 * l as u32, p.cluster[l] as u64, 0));
            }
            if let Some(p) = at(1)
                && p.cluster[l] != 0
            {
                push(feat2(62 + 3 * l as u32, p.cluster[l] as u64, 0));
            }
        }
        if t.wordlike {
            let st = stats.get(&t.key).copied().unwrap_or_default();
            // Exclude this token's own occurrence from the counts.
            let own_lower = (t.flags & LOWER != 0) as u16;
            let own_cap = (t.flags & INITCAP != 0 && !t.sent_first && !t.caps_sentence) as u16;
            let lower_else = st.lower - own_lower > 0;
            let cap_else = st.cap_mid - own_cap > 0;
            let code = (lower_else as u64) | (cap_else as u64) << 1 | (t.caps_sentence as u64) << 2 | (t.sent_first as u64) << 3;
            push(feat2(37, code, t.flags as u64 & (INITCAP | ALLCAPS | LOWER) as u64));
            if t.caps_sentence {
                push(feat2(39, code, t.key));
            }
        }
        if t.flags & POSSESSIVE != 0 {
            push(feat(40, 1));
        }
        for &h in &f[..n] {
            self.feats.push(bucket(h, bits));
        }
    }

    /// Context aggregation (Ratinov & Roth 2009): the neighbours of the same word's other
    /// occurrences in the document, up to a few of them, nearest first.
    fn aggregate_features(&mut self, i: usize, occurrences: &HashMap<u64, Vec<u32>>, bounds: &[(u32, u32)], bits: u32) {
        let t = self.toks[i];
        if !t.wordlike || t.flags & (INITCAP | ALLCAPS) == 0 {
            return;
        }
        let Some(occ) = occurrences.get(&t.key) else { return };
        if occ.len() < 2 {
            return;
        }
        let mut others: [u32; 4] = [0; 4];
        let mut m = 0;
        // The nearest occurrences before and after.
        let pos = occ.partition_point(|&j| (j as usize) < i);
        let (mut a, mut b) = (pos, pos + 1);
        while m < others.len() && (a > 0 || b < occ.len()) {
            if a > 0 {
                a -= 1;
                others[m] = occ[a];
                m += 1;
            }
            if m < others.len() && b < occ.len() {
                others[m] = occ[b];
                m += 1;
                b += 1;
            }
        }
        for &j in &others[..m] {
            let j = j as usize;
            let (lo, hi) = bounds[j];
            let left = if j > lo as usize { self.toks[j - 1].key } else { BOS };
            let right = if j + 1 < hi as usize { self.toks[j + 1].key } else { EOS };
            self.feats.push(bucket(feat(50, left), bits));
            self.feats.push(bucket(feat(51, right), bits));
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Token `i`'s static features.
    #[inline]
    pub fn of(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// The entity types the tagger gave each word earlier in the document, keyed by the
/// word's normalised form: a name is usually the same kind of thing throughout an article.
#[derive(Default)]
pub struct History {
    counts: HashMap<u64, [u16; 5]>,
}

impl History {
    pub fn clear(&mut self) {
        self.counts.clear();
    }

    /// Records that a capitalised token with `key` got type `ty` (0 = none, 1.. = type + 1).
    pub fn add(&mut self, key: u64, ty: usize) {
        let c = self.counts.entry(key).or_insert([0; 5]);
        c[ty.min(4)] = c[ty.min(4)].saturating_add(1);
    }

    /// Undoes one [`History::add`].
    pub fn remove(&mut self, key: u64, ty: usize) {
        if let Some(c) = self.counts.get_mut(&key) {
            c[ty.min(4)] = c[ty.min(4)].saturating_sub(1);
        }
    }

    /// Up to two history features for a token with `key`, as buckets.
    pub fn features(&self, key: u64, bits: u32, out: &mut [u32; 2]) -> usize {
        let Some(c) = self.counts.get(&key) else { return 0 };
        let total: u32 = c.iter().map(|&x| x as u32).sum();
        if total == 0 {
            return 0;
        }
        let (best, &max) = c.iter().enumerate().max_by_key(|&(k, &v)| (v, std::cmp::Reverse(k))).unwrap_or((0, &0));
        let unanimous = max as u32 == total;
        out[0] = bucket(feat2(42, best as u64, unanimous as u64), bits);
        out[1] = bucket(feat2(43, best as u64, (total > 1) as u64), bits);
        2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_flags() {
        let (a, fa) = shape_of("Boichenko");
        let (b, _) = shape_of("Kyiv");
        assert_eq!(a, b, "runs collapse");
        assert!(fa & INITCAP != 0 && fa & ALLCAPS == 0);
        let (_, f) = shape_of("NATO");
        assert!(f & ALLCAPS != 0);
        let (_, f) = shape_of("U.S.");
        assert!(f & PERIOD != 0 && f & ALLCAPS != 0);
    }

    #[test]
    fn features_are_stable_and_bounded() {
        let doc = Document::new("RUSSIA ATTACKS KYIV\nRussia attacked Kyiv on Monday, officials said.");
        let mut a = DocFeatures::new();
        a.compute(&doc, 18);
        assert_eq!(a.len(), doc.tokens.len());
        assert!(a.caps_sentence[0] && !a.caps_sentence[1]);
        for i in 0..a.len() {
            assert!(a.of(i).len() > 10);
            assert!(a.of(i).iter().all(|&b| b < 1 << 18));
        }
        // The headline's "RUSSIA" and the body's "Russia" share their word feature.
        assert_eq!(a.keys[0], a.keys[3]);
        let mut b = DocFeatures::new();
        b.compute(&doc, 18);
        assert_eq!(a.feats, b.feats);
    }

    #[test]
    fn headline_casing() {
        let caps = |t: &str| {
            let d = Document::new(t);
            is_headline_cased(&d, &d.tokens, true)
        };
        assert!(caps("RUSSIA ATTACKS KYIV"));
        assert!(caps("Obama Seeks More Muslim Refugees as He Recognizes Major Islamic Holiday"));
        assert!(!caps("De Blasio says Chelsea explosion was intentional"));
        assert!(!caps("Barack Obama met Angela Merkel."));
    }

    #[test]
    fn history_features() {
        let mut h = History::default();
        let mut out = [0; 2];
        assert_eq!(h.features(7, 18, &mut out), 0);
        h.add(7, 1);
        h.add(7, 1);
        assert_eq!(h.features(7, 18, &mut out), 2);
    }
}
