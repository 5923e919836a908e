//! Word-level tests shared by the entity modules: capitalisation, possessives, acronyms,
//! and the small word lists of `lexicons/entities/` that are not names.

use newsgraph_text::{Document, TokenKind};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

fn list(src: &'static str) -> HashSet<&'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// Words that end an organisation's name ("Ministry", "University").
pub static ORG_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| list(include_str!("../../../lexicons/entities/org_words.txt")));
/// Capitalised words that are never a name on their own ("The", "Monday").
pub static NOT_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| list(include_str!("../../../lexicons/entities/not_names.txt")));

/// The closed word classes of `lexicons/entities/word_classes.tsv`, by class name.
static CLASSES: LazyLock<HashMap<&'static str, HashSet<&'static str>>> = LazyLock::new(|| {
    let mut out: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
    for line in include_str!("../../../lexicons/entities/word_classes.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some((class, words)) = line.split_once('\t') {
            out.entry(class.trim()).or_default().extend(words.split_whitespace());
        }
    }
    out
});

/// Whether `w` (as written) is in the word class `class` of `word_classes.tsv`.
pub fn in_class(class: &str, w: &str) -> bool {
    CLASSES.get(class).is_some_and(|c| c.contains(w))
}

/// Lower-case particles inside personal names ("Bill de Blasio", "Ursula von der Leyen").
pub fn is_name_particle(w: &str) -> bool {
    in_class("name_particle", w)
}

/// A form of address before a person's name, with the full stop of American style or
/// without it as British style writes it ("Mr. Brown", "Mr Brown", "Dr Patel"): the name
/// after it is a person's, whatever a table or the tagger would make of it.
pub fn is_address(w: &str) -> bool {
    in_class("address", w.strip_suffix('.').unwrap_or(w))
}

/// The speech verbs that follow a speaker's name most often in news ("Nokia said").
pub fn is_speech_verb(w: &str) -> bool {
    in_class("speech_verb", w)
}

/// Lower-case words allowed inside an organisation's name ("Ministry of Foreign Affairs").
pub fn is_org_connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "the" | "on" | "&")
}

/// The token's text without a possessive ending: "Russia’s" → "Russia", "Reuters" stays.
pub fn strip_possessive(w: &str) -> &str {
    for suf in ["’s", "'s", "’S", "'S"] {
        if let Some(stem) = w.strip_suffix(suf)
            && !stem.is_empty()
        {
            return stem;
        }
    }
    w
}

/// First character upper case ("Kyiv", "U.S.", "McDonald").
pub fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// An acronym: 2–6 capital letters, optionally dotted ("UN", "U.N.", "NATO").
pub fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase() || c.is_ascii_digit()) && letters.first().is_some_and(|c| c.is_alphabetic())
}

/// The letters of an acronym without its dots, upper case.
pub fn acronym_letters(w: &str) -> String {
    w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

/// An initial: "J." or "S.".
pub fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// True when every letter of the sentence is upper case (a headline or a shouted line),
/// where capitalisation says nothing.
pub fn all_caps_sentence(doc: &Document, tokens: std::ops::Range<usize>) -> bool {
    let mut letters = 0;
    for t in &doc.tokens[tokens] {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = doc.slice(t.span);
        if w.chars().any(char::is_lowercase) {
            return false;
        }
        letters += w.len();
    }
    letters > 12
}

/// Pronouns resolved to people, with their gender and whether they are possessive/object forms.
pub fn personal_pronoun(w: &str) -> Option<crate::lexicon::Gender> {
    use crate::lexicon::Gender::*;
    match w {
        "he" | "He" | "him" | "Him" | "his" | "His" | "himself" | "Himself" | "HE" => Some(Male),
        "she" | "She" | "her" | "Her" | "hers" | "herself" | "Herself" | "SHE" => Some(Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes_load() {
        assert!(is_name_particle("von") && !is_name_particle("Von"));
        assert!(is_address("Mr.") && is_address("Dr") && !is_address("Sir"));
        assert!(is_speech_verb("said") && !is_speech_verb("ate"));
        assert!(in_class("place_noun", "neighbourhood") && in_class("event_word", "Cup"));
        assert!(!in_class("no_such_class", "said"));
    }

    #[test]
    fn word_tests() {
        assert_eq!(strip_possessive("Russia’s"), "Russia");
        assert_eq!(strip_possessive("’s"), "’s");
        assert!(is_acronym("U.N.") && is_acronym("NATO") && !is_acronym("Nato") && !is_acronym("I"));
        assert_eq!(acronym_letters("U.N."), "UN");
        assert!(is_initial("J.") && !is_initial("Jo."));
        assert!(ORG_WORDS.contains("Ministry") && NOT_NAMES.contains("Monday"));
        assert!(is_address("Mr") && is_address("Mr.") && is_address("Mrs") && is_address("Dr") && is_address("Ms."));
        assert!(!is_address("Mrs..") && !is_address("Drive") && !is_address("M"));
    }
}
