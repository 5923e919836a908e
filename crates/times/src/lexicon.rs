//! The time lexicon (`lexicons/times/words.tsv`): every word and fixed phrase the grammar
//! knows, with its kind and value. Phrases are tokenised with the text layer's own tokenizer,
//! so "Jan." or "new year's day" match exactly the tokens the text produces.

use std::collections::HashMap;
use std::sync::LazyLock;

use newsgraph_text::{Span, tokenize};

/// What a lexicon entry means to the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Month,
    Weekday,
    Number,
    Ordinal,
    Unit,
    PartOfDay,
    Season,
    Ref,
    Set,
    Hedge,
    Position,
    Direction,
    Holiday,
    Decade,
    FutureCue,
    PastCue,
    RelDay,
    RelPart,
    Clock,
    Anchored,
    Zone,
    Meridiem,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "month" => Kind::Month,
            "weekday" => Kind::Weekday,
            "number" => Kind::Number,
            "ordinal" => Kind::Ordinal,
            "unit" => Kind::Unit,
            "partofday" => Kind::PartOfDay,
            "season" => Kind::Season,
            "ref" => Kind::Ref,
            "set" => Kind::Set,
            "hedge" => Kind::Hedge,
            "position" => Kind::Position,
            "direction" => Kind::Direction,
            "holiday" => Kind::Holiday,
            "decade" => Kind::Decade,
            "future_cue" => Kind::FutureCue,
            "past_cue" => Kind::PastCue,
            "relday" => Kind::RelDay,
            "relpart" => Kind::RelPart,
            "clock" => Kind::Clock,
            "anchored" => Kind::Anchored,
            "zone" => Kind::Zone,
            "meridiem" => Kind::Meridiem,
            _ => return None,
        })
    }
}

struct Entry {
    kind: Kind,
    /// Tokens of the phrase after the first, normalised (lowercase, straight apostrophes).
    rest: Vec<String>,
    value: &'static str,
}

/// Entries indexed by their first (normalised) token, longest phrases first.
pub struct Lexicon {
    by_first: HashMap<String, Vec<Entry>>,
}

static RAW: &str = include_str!("../../../lexicons/times/words.tsv");

pub static LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(RAW));

/// Lowercases and straightens apostrophes, the form the index is keyed on.
pub fn normalise(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase().replace('’', "'"))
    }
}

impl Lexicon {
    fn parse(raw: &'static str) -> Lexicon {
        let mut by_first: HashMap<String, Vec<Entry>> = HashMap::new();
        for line in raw.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(kind), Some(phrase)) = (cols.next().and_then(Kind::parse), cols.next()) else {
                continue;
            };
            let value = cols.next().unwrap_or("").trim();
            let toks: Vec<String> =
                tokenize(phrase, Span::new(0, phrase.len())).iter().map(|t| normalise(&phrase[t.span.start..t.span.end]).into_owned()).collect();
            let Some((first, rest)) = toks.split_first() else {
                continue;
            };
            by_first.entry(first.clone()).or_default().push(Entry { kind, rest: rest.to_vec(), value });
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
        }
        Lexicon { by_first }
    }

    /// True when some phrase starts with this (normalised) word.
    pub fn starts(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }

    /// The longest phrase of `kind` starting at token `i` of `words` (normalised token
    /// texts): its end token (exclusive) and value.
    pub fn longest(&self, words: &[&str], i: usize, kind: Kind) -> Option<(usize, &'static str)> {
        let entries = self.by_first.get(*words.get(i)?)?;
        entries
            .iter()
            .filter(|e| e.kind == kind)
            .find(|e| e.rest.iter().enumerate().all(|(k, w)| words.get(i + 1 + k).is_some_and(|t| t == w)))
            .map(|e| (i + 1 + e.rest.len(), e.value))
    }

    /// Whether the single word `word` is an entry of `kind`, with its value.
    pub fn word(&self, word: &str, kind: Kind) -> Option<&'static str> {
        self.by_first.get(word)?.iter().find(|e| e.kind == kind && e.rest.is_empty()).map(|e| e.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_longest_first() {
        let words = ["more", "than", "two", "weeks"];
        assert_eq!(LEX.longest(&words, 0, Kind::Hedge), Some((2, "MORE_THAN")));
        assert_eq!(LEX.longest(&words, 2, Kind::Number), Some((3, "2")));
        assert_eq!(LEX.longest(&words, 3, Kind::Unit), Some((4, "W")));
        let words = ["the", "day", "before", "yesterday"];
        assert_eq!(LEX.longest(&words, 0, Kind::RelDay), Some((4, "-2")));
        assert_eq!(LEX.longest(&words, 0, Kind::Anchored), Some((3, "D:-1")));
    }

    #[test]
    fn abbreviations_and_apostrophes() {
        assert_eq!(normalise("Year’s"), "year's");
        assert!(LEX.starts("jan."));
        assert_eq!(LEX.word("sept.", Kind::Month), Some("9"));
    }
}
