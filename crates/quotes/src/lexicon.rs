//! The data tables behind the quote grammar, loaded once from `lexicons/quotes/`.
//!
//! Speech verbs are data, not code: adding a verb or changing what may follow it is an edit
//! of `speech_verbs.tsv`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// What may follow a speech verb as its reported content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// A clause with or without "that" ("said talks would start").
    Bare,
    /// Only a "that"-clause; a noun-phrase object is not reported speech.
    That,
    /// An addressee, then the clause ("told reporters (that) ...").
    Tell,
    /// A request, not a claim ("demanded that …"): introduces quotations, reports nothing.
    Directive,
}

/// One written form of a speech verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    pub frame: Frame,
    /// The "-ing" form ("saying", "adding"): it takes the subject of the clause it hangs on.
    pub participle: bool,
    /// A particle that is part of the verb ("pointed out"): how many extra words it spans.
    pub extra_words: usize,
    /// A commitment ("vowed to form a task force", frame `commit` in the data): the verb
    /// also reports a "to"-infinitive, otherwise it reads as a `that` verb.
    pub infinitive: bool,
}

struct Lexicon {
    /// First word of the form (lower case) → (remaining words, verb).
    verbs: HashMap<String, Vec<(Vec<String>, Verb)>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut verbs: HashMap<String, Vec<(Vec<String>, Verb)>> = HashMap::new();
    for line in include_str!("../../../lexicons/quotes/speech_verbs.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let infinitive = cols[2].trim() == "commit";
        let frame = match cols[2].trim() {
            "bare" => Frame::Bare,
            "tell" => Frame::Tell,
            "directive" => Frame::Directive,
            _ => Frame::That,
        };
        // A lemma with a particle ("point out") lists its forms with the particle repeated.
        let lemma_words: Vec<&str> = cols[0].split_whitespace().collect();
        let particle = &lemma_words[1..];
        let mut forms: Vec<Vec<String>> = vec![lemma_words.iter().map(|w| w.to_string()).collect()];
        let others: Vec<&str> = cols[1].split_whitespace().collect();
        let step = 1 + particle.len();
        for chunk in others.chunks(step) {
            forms.push(chunk.iter().map(|w| w.to_lowercase()).collect());
        }
        for form in forms {
            let Some((first, rest)) = form.split_first() else { continue };
            let verb = Verb { frame, participle: first.ends_with("ing"), extra_words: rest.len(), infinitive };
            let entry = verbs.entry(first.clone()).or_default();
            if !entry.iter().any(|(r, _)| r == rest) {
                entry.push((rest.to_vec(), verb));
            }
        }
    }
    Lexicon { verbs }
});

/// Nouns that head an unnamed speaker phrase, and titles written before names.
static SPEAKER_NOUNS: LazyLock<Vec<String>> = LazyLock::new(|| {
    include_str!("../../../lexicons/quotes/speaker_nouns.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .collect()
});

/// The closed-class word sets of `grammar_words.tsv`, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    SubjectPronoun,
    AuxAdv,
    ClauseWord,
    RightStop,
    NounLikeVerb,
    Parenthetical,
    Weekday,
    TimeWord,
    Subordinator,
    AdverbialStart,
    NonPerson,
    Opener,
    DocumentNoun,
    NameParticle,
    PlacePreposition,
    TitleWord,
    Honorific,
    LabelVerb,
    NotClauseStart,
    FiniteAfterIt,
    OpeningAdverbial,
    SpeakerOpener,
    ShortDeterminer,
    NounDeterminer,
    Article,
    NounPreposition,
    NounFollower,
    SpeechOccasion,
    OccasionPreposition,
    PluralSubjectVerb,
    ClaimNoun,
    ViewNoun,
    SourceDocument,
    FindingVerb,
}

/// The set names as written in the data file, in the order of [`Words`].
const WORD_SET_NAMES: &[&str] = &[
    "subject_pronoun",
    "aux_adv",
    "clause_word",
    "right_stop",
    "noun_like_verb",
    "parenthetical",
    "weekday",
    "time_word",
    "subordinator",
    "adverbial_start",
    "non_person",
    "opener",
    "document_noun",
    "name_particle",
    "place_preposition",
    "title_word",
    "honorific",
    "label_verb",
    "not_clause_start",
    "finite_after_it",
    "opening_adverbial",
    "speaker_opener",
    "short_determiner",
    "noun_determiner",
    "article",
    "noun_preposition",
    "noun_follower",
    "speech_occasion",
    "occasion_preposition",
    "plural_subject_verb",
    "claim_noun",
    "view_noun",
    "source_document",
    "finding_verb",
];

static WORD_SETS: LazyLock<Vec<HashSet<&'static str>>> = LazyLock::new(|| {
    let mut sets = vec![HashSet::new(); WORD_SET_NAMES.len()];
    // Function words and small vocabularies, then the noun and preposition cues.
    let files = [include_str!("../../../lexicons/quotes/grammar_words.tsv"), include_str!("../../../lexicons/quotes/cue_nouns.tsv")];
    for line in files.iter().flat_map(|f| f.lines()) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(set), Some(word)) = (cols.next(), cols.next()) else { continue };
        if let Some(i) = WORD_SET_NAMES.iter().position(|n| *n == set.trim()) {
            sets[i].insert(word.trim());
        }
    }
    sets
});

/// True when `word` (any ASCII case) is in the word set `set`.
pub fn is(set: Words, word: &str) -> bool {
    // Lower-case on the stack: this runs for most tokens, several times each.
    let mut buf = [0u8; 32];
    let Some(b) = buf.get_mut(..word.len()) else { return false };
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).is_ok_and(|w| WORD_SETS[set as usize].contains(w))
}

/// The speech verb whose form starts with `words[0]`, if any (longest form first).
/// `words` are the token texts from the candidate on.
pub fn speech_verb(words: &[&str]) -> Option<Verb> {
    let first = words.first()?;
    let lower = first.to_lowercase();
    let entries = LEXICON.verbs.get(&lower)?;
    entries
        .iter()
        .filter(|(rest, _)| rest.iter().enumerate().all(|(k, w)| words.get(k + 1).is_some_and(|x| x.eq_ignore_ascii_case(w))))
        .max_by_key(|(rest, _)| rest.len())
        .map(|(_, v)| *v)
}

/// True when the lower-cased `word` is a speaker noun or title ("mayor", "official").
pub fn is_speaker_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    SPEAKER_NOUNS.iter().any(|n| *n == lower || n == singular)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_load_with_frames() {
        assert_eq!(speech_verb(&["said"]).map(|v| v.frame), Some(Frame::Bare));
        assert_eq!(speech_verb(&["Warned"]).map(|v| v.frame), Some(Frame::That));
        assert_eq!(speech_verb(&["told"]).map(|v| v.frame), Some(Frame::Tell));
        assert!(speech_verb(&["adding"]).unwrap().participle);
        assert_eq!(speech_verb(&["pointed", "out"]).unwrap().extra_words, 1);
        assert!(speech_verb(&["pointed", "at"]).is_none());
        assert!(speech_verb(&["walked"]).is_none());
        assert!(is_speaker_noun("Mayor") && is_speaker_noun("officials") && !is_speaker_noun("bus"));
    }

    #[test]
    fn every_word_set_is_loaded() {
        for (i, name) in WORD_SET_NAMES.iter().enumerate() {
            assert!(!WORD_SETS[i].is_empty(), "word set {name} is empty or missing from grammar_words.tsv");
        }
        assert!(is(Words::AuxAdv, "Has") && is(Words::Weekday, "MONDAY") && !is(Words::Weekday, "March"));
        assert!(is(Words::AuxAdv, "n’t") && !is(Words::AuxAdv, &"x".repeat(40)));
    }
}
