//! Event triggers: verbs (refined by the PETRARCH2 verb patterns) and nominalisations.

use crate::actors::{PREPOSITIONS, Sent};
use crate::lexicon::{LEXICON, PatWord, Trigger};
use std::sync::LazyLock;

#[derive(Debug, Clone)]
pub struct Found {
    /// Sentence-local token range of the trigger words.
    pub start: usize,
    pub end: usize,
    pub code: &'static str,
    pub plover: &'static str,
    pub noun: bool,
    /// A passive verb ("was attacked by"): the subject is the target.
    pub passive: bool,
    /// A reported obligation ("Russia said Sudan must return …"): the speaker demands of
    /// the modal's subject (CAMEO 10, REQUEST); the trigger is the modal.
    pub modal: bool,
}

/// Words after which a trigger word is a noun ("the attack", "their demands").
static DETERMINERS: LazyLock<&[&str]> = LazyLock::new(|| LEXICON.list("determiners"));

/// Words after which a trigger word is a verb ("they attack", "will meet", "to agree").
static VERB_CONTEXT: LazyLock<&[&str]> = LazyLock::new(|| LEXICON.list("verb_context"));

static BE: LazyLock<&[&str]> = LazyLock::new(|| LEXICON.list("be"));

fn prev_word<'s>(s: &'s Sent, i: usize) -> &'s str {
    if i == 0 { "" } else { s.w(i - 1) }
}

fn looks_participle(w: &str) -> bool {
    w.ends_with("ed") || w.ends_with("en") || LEXICON.is_word_in("irregular_participles", w)
}

/// Finds the triggers of a sentence. `after_actor[i]` is true when an actor phrase ends just
/// before token `i` (a likely subject, so a verb reading).
pub fn find(s: &Sent, after_actor: &[bool]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if !s.is_word(i) {
            i += 1;
            continue;
        }
        // A capitalised word inside a sentence is a name ("March", "Trade Union"), not a trigger.
        let sentence_start = i == 0 || (i == 1 && !s.is_word(0)) || matches!(s.w(i - 1), "“" | "\"" | ":");
        if !sentence_start && s.raw(i).chars().next().is_some_and(char::is_uppercase) {
            i += 1;
            continue;
        }
        let Some(cands) = LEXICON.triggers.get(s.w(i)) else {
            i += 1;
            continue;
        };
        let prev = prev_word(s, i);
        let prev_is_possessive = prev.ends_with("'s") || prev.ends_with('\'');
        // "free-trade deals": after a hyphenated modifier the word is a noun.
        let hyphen_modifier = prev.contains('-') && prev.chars().all(|c| c.is_lowercase() || c == '-');
        let noun_context = DETERMINERS.contains(&prev) || prev_is_possessive || hyphen_modifier || (PREPOSITIONS.contains(&prev) && prev != "to");
        let verb_context = VERB_CONTEXT.contains(&prev) || after_actor.get(i).copied().unwrap_or(false) || prev.ends_with("ly");
        let mut chosen: Option<&Trigger> = None;
        // A word with no verb reading here ("explosions") is a noun whatever comes before it.
        let verb_reading = cands.iter().any(|t| !t.noun && s.matches(i, &t.words));
        for t in cands {
            if !s.matches(i, &t.words) {
                continue;
            }
            let fits = if t.noun { !verb_context || noun_context || !verb_reading } else { !noun_context };
            // Of two readings of the same words, the noun when nothing calls for a verb ("a
            // suicide car bombing").
            let better = |c: &Trigger| t.words.len() > c.words.len() || (t.words.len() == c.words.len() && t.noun && !c.noun && !verb_context);
            if fits && chosen.is_none_or(better) {
                chosen = Some(t);
            }
        }
        let Some(t) = chosen else {
            i += 1;
            continue;
        };
        let end = i + t.words.len();
        // "sent the case back to …": a bare verb form used as an adverb before a particle.
        if !t.noun && t.words.len() == 1 && LEXICON.is_word_in("adverb_forms", t.words[0]) && LEXICON.is_word_in("particles", s.w(end)) {
            i = end;
            continue;
        }
        let code = if t.noun { t.code } else { refine(s, i, end, t) };
        let passive = !t.noun && {
            let last = s.w(end - 1);
            looks_participle(last)
                && ((i >= 1 && BE.contains(&s.w(i - 1)))
                    || (i >= 2 && BE.contains(&s.w(i - 2)) && s.w(i - 1).ends_with("ly"))
                    || (end < s.len() && s.w(end) == "by"))
        };
        if let Some(code) = code
            && let Some(plover) = LEXICON.plover_of(code)
        {
            out.push(Found { start: i, end, code, plover, noun: t.noun, passive, modal: false });
        }
        i = end;
    }
    out
}

/// Length of the match of one pattern word at token `j` (0 if none).
fn word_match(s: &Sent, j: usize, pw: PatWord) -> usize {
    let w = s.w(j);
    match pw {
        PatWord::Slot => 0,
        PatWord::Exact(e) => usize::from(w == e || w.strip_suffix('s') == Some(e)),
        PatWord::Stem(st) => usize::from(w.starts_with(st)),
        PatWord::Set(name) => LEXICON.sets.get(name).map_or(0, |members| {
            members
                .iter()
                .filter(|m| !m.is_empty() && s.matches(j, m) || (m.len() == 1 && w.strip_suffix('s') == Some(m[0])))
                .map(|m| m.len())
                .max()
                .unwrap_or(0)
        }),
    }
}

/// Tokens that end the stretch a verb pattern may look into.
fn is_boundary(w: &str) -> bool {
    matches!(w, "." | ";" | ":" | "!" | "?" | "“" | "”" | "\"")
}

/// Chooses the code of a verb from its block's patterns: the pattern with the most words that
/// match, in order, after (and before) the verb wins; otherwise the verb's own code.
fn refine(s: &Sent, start: usize, end: usize, t: &Trigger) -> Option<&'static str> {
    let Some(patterns) = LEXICON.patterns.get(t.block) else { return t.code };
    let mut limit = end;
    while limit < s.len() && limit < end + 10 && !is_boundary(s.w(limit)) {
        limit += 1;
    }
    let mut best: Option<(usize, Option<&'static str>)> = None;
    // For everyday verbs a pattern of function words alone ("go * to") is too weak a cue.
    let weak = |p: &&crate::lexicon::Pattern| {
        t.generic && p.pre.iter().chain(&p.post).all(|w| matches!(w, PatWord::Slot) || matches!(w, PatWord::Exact(e) if e.len() <= 4))
    };
    for p in patterns.iter().filter(|p| (p.lemma.is_empty() || p.lemma == t.lemma) && !weak(p)) {
        // Post words in order after the verb: each within two words of the last (room for a
        // determiner and a modifier), or within seven after an actor slot.
        let mut j = end;
        let mut ok = true;
        let mut reach = 3;
        for &pw in &p.post {
            if pw == PatWord::Slot {
                reach = 8;
                continue;
            }
            let stop = (j + reach).min(limit);
            let mut found = false;
            while j < stop {
                let n = word_match(s, j, pw);
                j += 1;
                if n > 0 {
                    j += n - 1;
                    found = true;
                    break;
                }
            }
            if !found {
                ok = false;
                break;
            }
            reach = 3;
        }
        if !ok {
            continue;
        }
        // Pre words: in order, close before the verb.
        let mut j = start;
        let mut reach = 3;
        for &pw in p.pre.iter().rev() {
            if pw == PatWord::Slot {
                reach = 8;
                continue;
            }
            let lo = j.saturating_sub(reach);
            let mut found = false;
            while j > lo {
                j -= 1;
                if word_match(s, j, pw) > 0 {
                    found = true;
                    break;
                }
            }
            if !found {
                ok = false;
                break;
            }
            reach = 3;
        }
        if !ok {
            continue;
        }
        let score = p.pre.iter().chain(&p.post).filter(|w| **w != PatWord::Slot).count();
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, p.code));
        }
    }
    best.map_or(t.code, |(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_text::Document;

    fn codes(text: &str) -> Vec<(String, &'static str)> {
        let doc = Document::new(text);
        let s = Sent::new(&doc, &doc.tokens);
        let aa = vec![false; s.len()];
        find(&s, &aa).into_iter().map(|f| (s.text(f.start, f.end).to_string(), f.plover)).collect()
    }

    #[test]
    fn verbs_and_nouns() {
        assert_eq!(codes("They accused him of lying."), [("accused".to_string(), "ACCUSE")]);
        assert_eq!(codes("the siege of the city"), [("siege".to_string(), "ASSAULT")]);
        assert_eq!(codes("preparing for peace talks"), [("peace talks".to_string(), "CONSULT")]);
        assert!(codes("The president said nothing.").is_empty());
    }

    #[test]
    fn patterns_refine_the_code() {
        // CALL defaults to a phone call; "called for" is an appeal (REQUEST).
        let c = codes("The minister called for a ceasefire.");
        assert_eq!(c[0].1, "REQUEST");
    }

    #[test]
    fn possessive_makes_a_noun() {
        // "calls" after a possessive is not the verb "call".
        assert!(codes("the country's calls").iter().all(|(_, t)| *t != "CONSULT"));
    }
}
