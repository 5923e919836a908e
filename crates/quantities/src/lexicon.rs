//! The data tables under `lexicons/quantities/`, compiled in and parsed once.
//!
//! Every table is tab-separated text with `#` comment lines, so that linguists can extend the
//! vocabulary without touching code. Multi-word phrases are stored as token sequences split on
//! spaces, matching how the text layer tokenises ("per cent" → `["per", "cent"]`).

use newsgraph_record::{Approx, Category};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// What a number word contributes to the value being parsed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WordKind {
    /// 0-9.
    Unit,
    /// 10-19.
    Teen,
    /// 20, 30 … 90.
    Tens,
    Hundred,
    /// Thousand and larger multipliers (also lakh and crore).
    Scale,
    /// "dozen": a multiplier of 12.
    Dozen,
    /// A fraction's denominator written in the singular ("a third").
    Denom,
    /// A fraction's denominator written in the plural ("two thirds").
    Denoms,
    /// "half".
    Half,
    /// A plural count word read as its lower bound ("hundreds", "tens").
    Vague,
    /// "several", "few": a vague multiplier.
    Several,
}

#[derive(Debug, Clone, Copy)]
pub struct NumberWord {
    pub kind: WordKind,
    pub value: f64,
}

/// A suffix glued to digits ("10k", "£3m", "5km").
#[derive(Debug, Clone, Copy)]
pub enum Glued {
    Scale(f64),
    /// A multiplier after a currency sign, otherwise the unit "m" (metres).
    ScaleMoney(f64),
    Unit(&'static str),
}

/// A phrase with where it may stand relative to the number.
#[derive(Debug, Clone)]
pub struct Phrase<T> {
    pub words: Vec<&'static str>,
    pub value: T,
}

/// Where a category phrase may stand (see `categories.tsv`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Slots {
    pub head: bool,
    pub pred: bool,
    pub verb: bool,
    pub toll: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueFrame {
    Verb,
    /// A verb that is also a noun ("forecast", "reports"): a cue only after a subject.
    VerbNoun,
    According,
}

pub struct Lexicon {
    pub numbers: HashMap<&'static str, NumberWord>,
    pub glued: HashMap<&'static str, Glued>,
    pub unit_prefix: Vec<Phrase<&'static str>>,
    pub unit_after: Vec<Phrase<&'static str>>,
    pub hedges_before: Vec<Phrase<Approx>>,
    pub hedges_after: Vec<Phrase<Approx>>,
    pub categories: Vec<Phrase<(Category, Slots)>>,
    pub cues: HashMap<&'static str, CueFrame>,
    /// Counted heads that are things, not people (`animacy.tsv`), as token sequences.
    pub inanimate: Vec<Vec<&'static str>>,
    sets: HashMap<&'static str, HashSet<&'static str>>,
}

impl Lexicon {
    /// True when `word` (lower case) is listed under `kind` in `context.tsv`.
    pub fn is(&self, kind: &str, word: &str) -> bool {
        self.sets.get(kind).is_some_and(|s| s.contains(word))
    }
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    numbers: rows(include_str!("../../../lexicons/quantities/numbers.tsv"))
        .filter_map(|r| {
            let kind = match *r.get(1)? {
                "unit" => WordKind::Unit,
                "teen" => WordKind::Teen,
                "tens" => WordKind::Tens,
                "hundred" => WordKind::Hundred,
                "scale" => WordKind::Scale,
                "dozen" => WordKind::Dozen,
                "denom" => WordKind::Denom,
                "denoms" => WordKind::Denoms,
                "half" => WordKind::Half,
                "vague" => WordKind::Vague,
                "several" => WordKind::Several,
                _ => return None,
            };
            Some((r[0], NumberWord { kind, value: r.get(2)?.parse().ok()? }))
        })
        .collect(),
    glued: rows(include_str!("../../../lexicons/quantities/glued_suffixes.tsv"))
        .filter_map(|r| {
            let g = match *r.get(1)? {
                "scale" => Glued::Scale(r.get(2)?.parse().ok()?),
                "scale_money" => Glued::ScaleMoney(r.get(2)?.parse().ok()?),
                "unit" => Glued::Unit(r.get(2)?),
                _ => return None,
            };
            Some((r[0], g))
        })
        .collect(),
    unit_prefix: phrases(include_str!("../../../lexicons/quantities/units.tsv"), |r| (r[0] == "prefix").then(|| (r.get(1).copied(), r.get(2).copied()))),
    unit_after: phrases(include_str!("../../../lexicons/quantities/units.tsv"), |r| (r[0] == "after").then(|| (r.get(1).copied(), r.get(2).copied()))),
    hedges_before: phrases(include_str!("../../../lexicons/quantities/hedges.tsv"), |r| {
        (r.get(2) == Some(&"before")).then(|| (r.get(1).copied(), approx(r[0])))
    }),
    hedges_after: phrases(include_str!("../../../lexicons/quantities/hedges.tsv"), |r| (r.get(2) == Some(&"after")).then(|| (r.get(1).copied(), approx(r[0])))),
    categories: phrases(include_str!("../../../lexicons/quantities/categories.tsv"), |r| {
        let cat = category(r[0])?;
        let mut slots = Slots::default();
        for s in r.get(2)?.split(',') {
            match s.trim() {
                "head" => slots.head = true,
                "pred" => slots.pred = true,
                "verb" => slots.verb = true,
                "toll" => slots.toll = true,
                _ => {}
            }
        }
        Some((r.get(1).copied(), Some((cat, slots))))
    }),
    cues: rows(include_str!("../../../lexicons/quantities/claim_cues.tsv"))
        .filter_map(|r| {
            let f = match *r.get(1)? {
                "verb" => CueFrame::Verb,
                "verb_noun" => CueFrame::VerbNoun,
                "according" => CueFrame::According,
                _ => return None,
            };
            Some((r[0], f))
        })
        .collect(),
    inanimate: rows(include_str!("../../../lexicons/quantities/animacy.tsv"))
        .filter(|r| r[0] == "inanimate")
        .filter_map(|r| Some(r.get(1)?.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>()))
        .filter(|p| !p.is_empty())
        .collect(),
    sets: {
        let mut m: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
        for r in rows(include_str!("../../../lexicons/quantities/context.tsv")) {
            if let Some(w) = r.get(1) {
                m.entry(r[0]).or_default().insert(w);
            }
        }
        m
    },
});

/// Non-comment, non-empty lines split on tabs.
fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').map(str::trim).collect::<Vec<_>>())
}

/// Builds a phrase table; `pick` returns the phrase column and the value for rows it keeps.
/// Longer phrases come first so that the first match is the longest.
fn phrases<T>(src: &'static str, pick: impl Fn(&[&'static str]) -> Option<(Option<&'static str>, Option<T>)>) -> Vec<Phrase<T>> {
    let mut out: Vec<Phrase<T>> = rows(src)
        .filter_map(|r| {
            let (p, v) = pick(&r)?;
            Some(Phrase { words: p?.split(' ').filter(|w| !w.is_empty()).collect(), value: v? })
        })
        .filter(|p| !p.words.is_empty())
        .collect();
    out.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
    out
}

fn approx(s: &str) -> Option<Approx> {
    Some(match s {
        "exact" => Approx::Exact,
        "about" => Approx::About,
        "at_least" => Approx::AtLeast,
        "at_most" => Approx::AtMost,
        "more_than" => Approx::MoreThan,
        "less_than" => Approx::LessThan,
        "nearly" => Approx::Nearly,
        "range" => Approx::Range,
        _ => return None,
    })
}

fn category(s: &str) -> Option<Category> {
    Some(match s {
        "killed" => Category::Killed,
        "injured" => Category::Injured,
        "displaced" => Category::Displaced,
        "trapped" => Category::Trapped,
        "evacuated" => Category::Evacuated,
        "arrested" => Category::Arrested,
        "missing" => Category::Missing,
        "affected" => Category::Affected,
        "other" => Category::Other,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        let l = &*LEXICON;
        assert_eq!(l.numbers["twenty"].value, 20.0);
        assert!(matches!(l.glued["bn"], Glued::Scale(v) if v == 1e9));
        assert!(l.unit_after.iter().any(|p| p.words == ["per", "cent"] && p.value == "percent"));
        assert!(l.hedges_before.iter().any(|p| p.words == ["more", "than"] && p.value == Approx::MoreThan));
        assert!(l.categories.iter().any(|p| p.words == ["deaths"] && p.value.0 == Category::Killed && p.value.1.head));
        assert!(l.is("month", "march"));
        assert_eq!(l.cues.get("according"), Some(&CueFrame::According));
        assert!(l.inanimate.iter().any(|p| p == &["appointed", "bodies"]) && !l.inanimate.iter().any(|p| p == &["bodies"]));
        // Longest phrases first.
        let lens: Vec<usize> = l.hedges_before.iter().map(|p| p.words.len()).collect();
        assert!(lens.windows(2).all(|w| w[0] >= w[1]));
    }
}
