//! Titles and roles as written around a person's name:
//! before it ("Russian Foreign Minister Sergei Lavrov" → "Russian Foreign Minister"), in an
//! apposition before it ("the adviser to the Ukrainian Interior Ministry, Vadim Denisenko")
//! or after it ("Vadim Boichenko, the city's mayor" → "mayor").

use crate::lexicon::LEX;
use crate::mentions::{Mention, title_at};
use crate::words;
use newsgraph_text::{Document, Span};

/// A title found for one name mention: its words and the span they cover (the whole
/// apposition, determiner included, so that it can count as a mention of the person).
#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    pub text: String,
    /// The role's head word, lower case ("mayor", "minister"): what "the mayor" refers back to.
    pub head: String,
    pub span: Span,
}

fn word(doc: &Document, i: usize) -> &str {
    doc.slice(doc.tokens[i].span)
}

fn is_det(w: &str) -> bool {
    matches!(w, "the" | "The" | "a" | "A" | "an" | "An")
}

/// Determiners that may open an apposition: articles and possessives ("his wife, Miriam").
fn is_appos_det(w: &str) -> bool {
    is_det(w) || matches!(w, "his" | "His" | "her" | "Her" | "their" | "Their" | "its" | "Its")
}

/// Words that end a title walking left: verbs of saying, prepositions, conjunctions.
fn breaks_title(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "to"
            | "from"
            | "that"
            | "as"
            | "at"
            | "in"
            | "on"
            | "for"
            | "after"
            | "before"
            | "when"
            | "while"
            | "than"
            | "his"
            | "her"
            | "its"
            | "their"
            | "is"
            | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "has"
            | "had"
            | "have"
            | "who"
            | "which"
            | "accused"
            | "added"
            | "met"
            | "called"
            | "about"
            | "into"
            | "over"
            | "against"
            | "under"
            | "between"
            | "like"
            | "including"
            | "via"
            | "through"
            | "toward"
            | "towards"
            | "upon"
            | "within"
            | "without"
            | "across"
            | "behind"
            | "during"
            | "since"
            | "until"
            | "among"
            | "amid"
            | "if"
            | "because"
            | "where"
            | "then"
            | "also"
            | "not"
            | "only"
    )
}

/// Forms of address ("Mr", "Dr.", "Sir"): they tell gender, not a role.
pub fn is_honorific(w: &str) -> bool {
    words::in_class("honorific", w.trim_end_matches('.'))
}

/// The last head title word in tokens `a..b` (lower case), if any.
fn head_in(doc: &Document, a: usize, b: usize) -> Option<String> {
    (a..b).rev().find_map(|k| {
        let w = word(doc, k).to_lowercase();
        LEX.titles.get(w.as_str()).filter(|t| t.head).map(|_| w)
    })
}

/// Titles written around a person mention.
pub fn titles_of(doc: &Document, m: &Mention) -> Vec<Title> {
    let Some(si) = doc.sentence_at(m.span.start) else { return Vec::new() };
    let sent = doc.sentences[si].tokens.clone();
    let mut out = Vec::new();
    if let Some(t) = prenominal(doc, m, sent.start) {
        out.push(t);
    }
    if let Some(t) = apposition_before(doc, m, sent.start) {
        out.push(t);
    }
    if let Some(t) = apposition_after(doc, m, sent.end) {
        out.push(t);
    }
    out
}

/// Titles that open a sentence without a name ("A spokesman for the Ukrainian Ministry of
/// Foreign Affairs, however, ruled out ..."): the sentence index and the title. News writes
/// the name soon after ("... said Oleg Nikolenko"); the caller links the two.
pub fn unnamed_titles(doc: &Document) -> Vec<(usize, Title)> {
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let (a, end) = (s.tokens.start, s.tokens.end);
        if a + 2 >= end || !matches!(word(doc, a), "A" | "An" | "The") {
            continue;
        }
        let mut k = a + 1;
        while k < end && k < a + 4 && LEX.titles.get(word(doc, k).to_lowercase().as_str()).is_some_and(|t| !t.head) {
            k += 1;
        }
        if k >= end || !LEX.titles.get(word(doc, k).to_lowercase().as_str()).is_some_and(|t| t.head) {
            continue;
        }
        let head = word(doc, k).to_lowercase();
        let mut b = k + 1;
        if b < end && matches!(word(doc, b), "for" | "of" | "to" | "at") {
            b += 1;
            while b < end && (words::is_cap(word(doc, b)) || matches!(word(doc, b), "the" | "of" | "for" | "and")) {
                b += 1;
            }
        }
        // An apposition with a name ("A spokesman, John Smith, said") is not unnamed.
        if b + 1 < end && word(doc, b) == "," && words::is_cap(word(doc, b + 1)) && !matches!(word(doc, b + 1), "However" | "But") {
            continue;
        }
        let span = Span::new(doc.tokens[a + 1].span.start, doc.tokens[b - 1].span.end);
        out.push((si, Title { text: doc.slice(span).to_string(), head, span }));
    }
    out
}

/// "US Secretary of State Antony Blinken", "billionaire casino magnate Sheldon Adelson".
fn prenominal(doc: &Document, m: &Mention, sent_start: usize) -> Option<Title> {
    let end = m.tokens.start;
    if end == sent_start {
        return None;
    }
    // The words right before the name must end in a title.
    let mut has_head = false;
    for n in 1..=LEX.title_max_words.min(end - sent_start) {
        if title_at(doc, end - n, end) == Some(n) {
            let phrase = (end - n..end).map(|k| word(doc, k).to_lowercase()).collect::<Vec<_>>().join(" ");
            has_head |= LEX.titles.get(phrase.as_str()).is_some_and(|t| t.head);
        }
    }
    if !has_head {
        return None;
    }
    let mut start = end;
    let mut plain = 0;
    while start > sent_start {
        let w = word(doc, start - 1);
        if matches!(w, "'s" | "’s") && start >= sent_start + 2 && words::is_cap(word(doc, start - 2)) {
            start -= 2; // "Malaysia 's Prime Minister" with the genitive split off
            break;
        }
        if !w.chars().next().is_some_and(char::is_alphanumeric) || breaks_title(w) || is_det(w) {
            break;
        }
        let lw = w.to_lowercase();
        let known = LEX.titles.contains_key(lw.as_str()) || words::is_cap(w);
        if w == "of" {
            // "Secretary of State": only between capitalised words.
            if !(start - 1 > sent_start && words::is_cap(word(doc, start - 2))) {
                break;
            }
        } else if !known {
            plain += 1;
            // Plural common nouns ("voters") are not part of a title.
            let plural = w.ends_with('s') && !w.ends_with("ss");
            if plain > 2 || plural || words::strip_possessive(w).len() != w.len() {
                break;
            }
        } else if words::strip_possessive(w).len() != w.len() {
            // "Malaysia’s Prime Minister": a capitalised genitive opens the title.
            if words::is_cap(w) && start < end {
                start -= 1;
            }
            break;
        }
        start -= 1;
        if end - start >= 7 {
            break;
        }
    }
    while start < end && (words::NOT_NAMES.contains(word(doc, start)) || word(doc, start) == "of") {
        start += 1;
    }
    // An honorific right before the name is not the role ("chairman Mr Greenspan").
    let mut end = end;
    while end > start && is_honorific(word(doc, end - 1)) {
        end -= 1;
    }
    if start >= end {
        return None;
    }
    let span = Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
    let head = head_in(doc, start, end)?;
    Some(Title { text: doc.slice(span).to_string(), head, span }).filter(|t| !t.text.split_whitespace().all(is_honorific))
}

/// "the adviser to the Ukrainian Interior Ministry, Vadim Denisenko".
fn apposition_before(doc: &Document, m: &Mention, sent_start: usize) -> Option<Title> {
    let comma = m.tokens.start.checked_sub(1)?;
    if comma <= sent_start || word(doc, comma) != "," {
        return None;
    }
    // An apposition before a name is closed after it ("his wife, Miriam Adelson, gave"); a
    // name running straight into its verb ("After calling his mother, Montalvo was put
    // through") is the subject of the main clause, and the comma ends an opening phrase.
    let after = doc.tokens.get(m.tokens.end).map(|t| doc.slice(t.span));
    if after.is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) && !words::is_speech_verb(w) && !matches!(w, "and" | "who" | "whose")) {
        return None;
    }
    // Find the determiner that opens the apposition, at most 12 words back, no comma between.
    let lo = comma.saturating_sub(12).max(sent_start);
    // The determiner must open a clause: sentence start, after punctuation or "said".
    let opens = |k: usize| k == sent_start || matches!(word(doc, k - 1), "said" | "says") || !word(doc, k - 1).chars().any(char::is_alphanumeric);
    let det = (lo..comma)
        .rev()
        .take_while(|&k| word(doc, k) != ",")
        .find(|&k| (is_det(word(doc, k)) && opens(k)) || (is_appos_det(word(doc, k)) && !is_det(word(doc, k))))?;
    title_from(doc, det, comma)
}

/// "Vadim Boichenko, the city's mayor", "Craig Bryan, head of the National Center ...".
fn apposition_after(doc: &Document, m: &Mention, sent_end: usize) -> Option<Title> {
    let comma = m.tokens.end;
    if comma + 1 >= sent_end || word(doc, comma) != "," {
        return None;
    }
    let start = comma + 1;
    let mut end = start;
    while end < sent_end
        && !matches!(word(doc, end), "," | "." | ";" | ":" | "—" | "(" | "“" | "\"" | "said" | "says" | "told" | "who" | "which" | "whose" | "that")
    {
        end += 1;
    }
    if end - start > 14 {
        return None;
    }
    title_from(doc, start, end)
}

/// A title from an apposition `a..b`: determiner and genitive ("the city's") dropped, the
/// role's head word among its first four words.
fn title_from(doc: &Document, a: usize, b: usize) -> Option<Title> {
    let mut s = a;
    if s < b && is_appos_det(word(doc, s)) {
        s += 1;
    }
    if s < b && words::strip_possessive(word(doc, s)).len() != word(doc, s).len() && s + 1 < b {
        s += 1;
    }
    if s >= b {
        return None;
    }
    let first_head = (s..b.min(s + 4)).find(|&k| LEX.titles.get(word(doc, k).to_lowercase().as_str()).is_some_and(|t| t.head))?;
    // A verb right after the head means this is a clause, not an apposition.
    let text_span = Span::new(doc.tokens[s].span.start, doc.tokens[b - 1].span.end);
    let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
    let head = word(doc, first_head).to_lowercase();
    Some(Title { text: doc.slice(text_span).to_string(), head, span })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::find;
    use newsgraph_record::EntityType;

    fn titles(text: &str, name: &str) -> Vec<String> {
        let doc = Document::new(text);
        let ms = find(&doc, &[]);
        let m = ms.iter().find(|m| doc.slice(m.span) == name && m.kind == EntityType::PERSON).expect("person found");
        titles_of(&doc, m).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn prenominal_titles() {
        assert_eq!(titles("Ukraine accused Russian Foreign Minister Sergei Lavrov of lying.", "Sergei Lavrov"), ["Russian Foreign Minister"]);
        assert_eq!(titles("US Secretary of State Antony Blinken said so.", "Antony Blinken"), ["US Secretary of State"]);
        assert_eq!(titles("It was said by billionaire casino magnate Sheldon Adelson.", "Sheldon Adelson"), ["billionaire casino magnate"]);
        assert_eq!(titles("He met Malaysia’s Prime Minister Najib Razak.", "Najib Razak"), ["Malaysia’s Prime Minister"]);
        assert_eq!(titles("Federal Reserve chairman Mr Alan Greenspan spoke.", "Alan Greenspan"), ["Federal Reserve chairman"]);
    }

    #[test]
    fn appositions() {
        assert_eq!(
            titles("“No,” the adviser to the Ukrainian Interior Ministry, Vadim Denisenko, said.", "Vadim Denisenko"),
            ["adviser to the Ukrainian Interior Ministry"]
        );
        assert_eq!(titles("The city’s mayor, Vadim Boichenko, said 160,000 were trapped.", "Vadim Boichenko"), ["mayor"]);
        assert_eq!(titles("Vadim Boichenko, the city’s mayor, said so.", "Vadim Boichenko"), ["mayor"]);
        assert_eq!(titles("Sheldon Adelson and his wife, Miriam Adelson, gave.", "Miriam Adelson"), ["wife"]);
        assert!(titles("After calling to speak with his mother, Daniel Montalvo was put through to a lawyer.", "Daniel Montalvo").is_empty());
        assert_eq!(
            titles("It could start, said Brian Baker, a longtime political adviser to the Ricketts family who oversees it.", "Brian Baker"),
            ["longtime political adviser to the Ricketts family"]
        );
    }
}
