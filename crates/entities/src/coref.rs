//! Pronoun and nominal coreference for people, by a deterministic sieve.
//!
//! Walking the text in order, each "he"/"she"/"his"/"her"/"him" goes to a person mentioned
//! (by name, title or an earlier pronoun) in the same sentence or the three before: the
//! nearest sentence that has a gender-compatible person wins; in an earlier sentence the first
//! such person (the subject, most often), in the pronoun's own sentence the nearest one before
//! it ("Daniel Montalvo, 19, a member all his life", "met Mohamed during his visit"): a
//! person named earlier in the same sentence is most often behind a clause or apposition.
//! Gender comes from first names, gendered titles and honorifics, or is learnt from the
//! first pronoun a person takes. When no one in reach agrees in gender, a pronoun that names a speaker ("she added") goes to the only person
//! in reach: the text contradicts itself more often than it introduces someone new in a
//! pronoun. A pronoun in a fronted phrase ("After calling his mother, Montalvo was ...")
//! points forward to the person named right after the phrase. "the president", "the mayor"
//! go to the latest person holding that title.

use crate::lexicon::{Gender, LEX};
use crate::words;
use newsgraph_text::{Document, Span, TokenKind};

/// What the sieve knows of one person cluster.
#[derive(Debug, Clone)]
pub struct Person {
    pub gender: Gender,
    /// Head words of the person's titles ("mayor", "president").
    pub heads: Vec<String>,
    /// The person's titles, lower case ("secretary of state"): "the Secretary of State" too.
    pub titles: Vec<String>,
    /// Byte spans of the person's name mentions.
    pub names: Vec<Span>,
}

/// Every mention placed so far, in text order, with indexes for the questions the sieve
/// asks, so that no question scans the whole article (which made long articles quadratic).
struct History<'a> {
    /// (position, sentence, person), positions and so sentences non-decreasing.
    entries: Vec<(usize, usize, usize)>,
    /// Latest entry of a person holding each title head ("mayor").
    by_head: std::collections::HashMap<&'a str, (usize, usize)>,
    /// Latest entry of a person holding each title of two words or more.
    by_title: std::collections::HashMap<&'a str, (usize, usize)>,
    /// The most words a title in `by_title` has.
    longest_title: usize,
}

impl<'a> History<'a> {
    fn new() -> Self {
        History { entries: Vec::new(), by_head: Default::default(), by_title: Default::default(), longest_title: 0 }
    }

    fn push(&mut self, e: (usize, usize, usize), people: &'a [Person]) {
        let at = self.entries.len();
        self.entries.push(e);
        let p = &people[e.2];
        for h in &p.heads {
            self.by_head.insert(h.as_str(), (at, e.2));
        }
        for t in &p.titles {
            let n = t.split(' ').count();
            if n >= 2 {
                self.by_title.insert(t.as_str(), (at, e.2));
                self.longest_title = self.longest_title.max(n);
            }
        }
    }

    /// The entries of sentences `from..=to`.
    fn sentences(&self, from: usize, to: usize) -> &[(usize, usize, usize)] {
        let lo = self.entries.partition_point(|e| e.1 < from);
        let hi = self.entries.partition_point(|e| e.1 <= to);
        &self.entries[lo..hi.max(lo)]
    }
}

/// Resolves pronouns and nominals; returns, per person, the spans to add to its mentions.
pub fn resolve(doc: &Document, people: &mut [Person]) -> Vec<Vec<Span>> {
    let mut added = vec![Vec::new(); people.len()];
    // (position, sentence, person) of every mention so far, names first.
    let mut events: Vec<(usize, usize, usize)> = Vec::new();
    for (pi, p) in people.iter().enumerate() {
        for s in &p.names {
            events.push((s.start, doc.sentence_at(s.start).unwrap_or(0), pi));
        }
    }
    events.sort_unstable();
    let mut names_taken: Vec<Span> = people.iter().flat_map(|p| p.names.iter().copied()).collect();
    names_taken.sort_unstable();
    let name_at: std::collections::HashMap<usize, usize> = people.iter().enumerate().flat_map(|(pi, p)| p.names.iter().map(move |s| (s.start, pi))).collect();
    // Gender is learnt as pronouns are read; titles and heads do not change, so the history
    // indexes borrow them from a copy.
    let fixed: Vec<Person> =
        people.iter().map(|p| Person { gender: Gender::Unknown, heads: p.heads.clone(), titles: p.titles.clone(), names: Vec::new() }).collect();
    let mut history = History::new();
    let mut nt = 0;
    let mut ev = 0;
    let mut buf = String::new();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let t = doc.tokens[i];
        while ev < events.len() && events[ev].0 <= t.span.start {
            history.push(events[ev], &fixed);
            ev += 1;
        }
        while nt < names_taken.len() && names_taken[nt].end <= t.span.start {
            nt += 1;
        }
        let in_name = names_taken.get(nt).is_some_and(|s| s.overlaps(t.span));
        if t.kind != TokenKind::Word || in_name {
            i += 1;
            continue;
        }
        let w = doc.slice(t.span);
        let si = doc.sentence_at(t.span.start).unwrap_or(0);
        if let Some(g) = words::personal_pronoun(w) {
            let speaker = doc.tokens.get(i + 1).is_some_and(|n| matches!(doc.slice(n.span), "said" | "added" | "says" | "told" | "continued" | "insisted"));
            // Before anyone is named, a pronoun points forward to the first person named in
            // the next two sentences: a headline's "imprisoned her", a lead's "where he was
            // interrogated", and then the name.
            let opening = || events.get(ev).filter(|e| history.entries.is_empty() && e.1 <= si + 2 && compatible(people[e.2].gender, g)).map(|e| e.2);
            if let Some(pi) = cataphor(doc, i, si, &name_at, people, g).or_else(|| pick(&history, people, si, g, speaker)).or_else(opening) {
                if people[pi].gender == Gender::Unknown {
                    people[pi].gender = g;
                }
                added[pi].push(t.span);
                history.push((t.span.start, si, pi), &fixed);
            }
            i += 1;
            continue;
        }
        if let Some((end, pi)) = titled_nominal(doc, i, &history, &fixed, &mut buf) {
            let span = Span::new(t.span.start, doc.tokens[end - 1].span.end);
            added[pi].push(span);
            history.push((t.span.start, si, pi), &fixed);
            i = end;
            continue;
        }
        if let Some((end, head)) = nominal(doc, i) {
            if let Some(&(_, pi)) = history.by_head.get(head.as_str()) {
                let span = Span::new(t.span.start, doc.tokens[end - 1].span.end);
                added[pi].push(span);
                history.push((t.span.start, si, pi), &fixed);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    added
}

/// A pronoun inside a sentence's fronted phrase that points forward to the subject after the
/// phrase's comma: "After calling to speak with his mother, Montalvo was put through",
/// "In her speech, Merkel said". The person named right after the comma, if the gender fits.
fn cataphor(doc: &Document, i: usize, si: usize, name_at: &std::collections::HashMap<usize, usize>, people: &[Person], g: Gender) -> Option<usize> {
    let sent = doc.sentences.get(si)?;
    let word = |k: usize| doc.slice(doc.tokens[k].span);
    if !words::in_class("opening_word", word(sent.tokens.start)) || (sent.tokens.start..i).any(|k| word(k) == ",") {
        return None;
    }
    let end = sent.tokens.end.min(i + 25);
    let comma = (i + 1..end).find(|&k| word(k) == ",")?;
    let next = doc.tokens.get(comma + 1).filter(|_| comma + 1 < sent.tokens.end)?;
    let &pi = name_at.get(&next.span.start)?;
    compatible(people[pi].gender, g).then_some(pi)
}

fn compatible(a: Gender, b: Gender) -> bool {
    a == Gender::Unknown || b == Gender::Unknown || a == b
}

/// The person a pronoun of gender `g` in sentence `si` refers to: only the entries of the
/// four sentences in reach are looked at.
fn pick(history: &History, people: &[Person], si: usize, g: Gender, speaker: bool) -> Option<usize> {
    for back in 0..=3 {
        let Some(s) = si.checked_sub(back) else { break };
        let here = history.sentences(s, s);
        // A person known to agree beats one of unknown gender in the same sentence; in the
        // pronoun's own sentence the nearest person before it, in earlier ones the first.
        let agree = |&&(_, _, pi): &&(usize, usize, usize)| people[pi].gender == g;
        let fits = |&&(_, _, pi): &&(usize, usize, usize)| compatible(people[pi].gender, g);
        let first = if back == 0 {
            here.iter().rev().find(agree).or_else(|| here.iter().rev().find(fits))
        } else {
            here.iter().find(agree).or_else(|| here.iter().find(fits))
        };
        if let Some(&(_, _, pi)) = first {
            return Some(pi);
        }
    }
    // Nobody agrees: a pronoun naming a speaker ("she added") goes to the only person in
    // reach, if there is exactly one; other pronouns may name someone the text never named.
    if !speaker {
        return None;
    }
    let mut near = history.sentences(si.saturating_sub(3), usize::MAX).iter().map(|&(_, _, pi)| pi);
    let one = near.next()?;
    if near.all(|pi| pi == one) { Some(one) } else { None }
}

/// "the president", "the city's mayor" at token `i`, not followed by a name: the end token
/// and the title's head word.
fn nominal(doc: &Document, i: usize) -> Option<(usize, String)> {
    let w = doc.slice(doc.tokens[i].span);
    if !matches!(w, "the" | "The") {
        return None;
    }
    let mut k = i + 1;
    let get = |k: usize| doc.tokens.get(k).map(|t| doc.slice(t.span));
    if get(k).is_some_and(|x| words::strip_possessive(x).len() != x.len()) {
        k += 1;
    }
    let head = get(k)?.to_lowercase();
    if !LEX.titles.get(head.as_str()).is_some_and(|t| t.head) || is_generic(&head) {
        return None;
    }
    // "the mayor of Mariupol", "the president Joe Biden": an apposition or a title, not a nominal.
    if get(k + 1).is_some_and(|x| words::is_cap(x) || matches!(x, "of" | "for" | "to" | "and")) {
        return None;
    }
    Some((k + 1, head))
}

/// "the Secretary of State" written after a person titled so: the end token and the person
/// (the latest one named with a title the words spell). `buf` is reused for the words.
fn titled_nominal(doc: &Document, i: usize, history: &History, people: &[Person], buf: &mut String) -> Option<(usize, usize)> {
    if !matches!(doc.slice(doc.tokens[i].span), "the" | "The") || history.by_title.is_empty() {
        return None;
    }
    let next_is_name = |n: usize| doc.tokens.get(i + n + 1).is_some_and(|t| words::is_cap(doc.slice(t.span)));
    // The latest history entry whose person has a title matching the next n words.
    let mut best: Option<(usize, usize)> = None;
    buf.clear();
    for n in 1..=history.longest_title {
        if i + n >= doc.tokens.len() {
            break;
        }
        if n > 1 {
            buf.push(' ');
        }
        buf.extend(doc.slice(doc.tokens[i + n].span).chars().flat_map(char::to_lowercase));
        if n >= 2
            && !next_is_name(n)
            && let Some(&e) = history.by_title.get(buf.as_str())
        {
            best = best.max(Some(e));
        }
    }
    let (_, pi) = best?;
    // That person's first title written here, as the titles are listed.
    for title in &people[pi].titles {
        let n = title.split(' ').count();
        if n < 2 || i + n >= doc.tokens.len() || next_is_name(n) {
            continue;
        }
        let mut words = title.split(' ');
        if (i + 1..=i + n).all(|k| words.next().is_some_and(|w| doc.slice(doc.tokens[k].span).chars().flat_map(char::to_lowercase).eq(w.chars()))) {
            return Some((i + n + 1, pi));
        }
    }
    None
}

/// Role words too general to point back to one person ("the official", "the head").
fn is_generic(head: &str) -> bool {
    matches!(
        head,
        "official"
            | "head"
            | "leader"
            | "officer"
            | "expert"
            | "analyst"
            | "veteran"
            | "candidate"
            | "chief"
            | "executive"
            | "player"
            | "soldier"
            | "writer"
            | "author"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(doc: &Document, name: &str, g: Gender, heads: &[&str]) -> Person {
        let names = doc.text.match_indices(name).map(|(s, _)| Span::new(s, s + name.len())).collect();
        Person { gender: g, heads: heads.iter().map(|h| h.to_string()).collect(), titles: Vec::new(), names }
    }

    #[test]
    fn pronouns_follow_gender_and_recency() {
        let doc = Document::new("Hillary Clinton met Donald Trump. He said she was wrong. The nominee left.");
        let mut ps = vec![person(&doc, "Hillary Clinton", Gender::Female, &[]), person(&doc, "Donald Trump", Gender::Male, &["nominee"])];
        let added = resolve(&doc, &mut ps);
        let he = doc.text.find("He").unwrap();
        let she = doc.text.find("she").unwrap();
        let nom = doc.text.find("The nominee").unwrap();
        assert_eq!(added[1][0], Span::new(he, he + 2));
        assert_eq!(added[0], vec![Span::new(she, she + 3)]);
        assert!(added[1].contains(&Span::new(nom, nom + "The nominee".len())));
    }

    #[test]
    fn history_answers_from_the_sentences_in_reach() {
        let ps = vec![Person { gender: Gender::Male, heads: vec!["mayor".into()], titles: vec!["secretary of state".into()], names: Vec::new() }];
        let mut h = History::new();
        for s in 0..1000 {
            h.push((s * 10, s, 0), &ps);
        }
        assert_eq!(h.sentences(500, 503).len(), 4);
        assert_eq!(h.sentences(999, usize::MAX).len(), 1);
        assert_eq!(h.by_head.get("mayor"), Some(&(999, 0)));
        assert_eq!(h.by_title.get("secretary of state"), Some(&(999, 0)));
    }

    #[test]
    fn titled_nominal_goes_to_the_latest_holder() {
        let doc = Document::new("Tom Reed and Ann Lee met. Ann Lee spoke. The Secretary of State left.");
        let mut ps = vec![person(&doc, "Tom Reed", Gender::Male, &[]), person(&doc, "Ann Lee", Gender::Female, &[])];
        ps[0].titles = vec!["secretary of state".into()];
        ps[1].titles = vec!["secretary of state".into()];
        let added = resolve(&doc, &mut ps);
        let t = doc.text.find("The Secretary").unwrap();
        assert_eq!(added[1], vec![Span::new(t, t + "The Secretary of State".len())]);
        assert!(added[0].is_empty());
    }

    #[test]
    fn in_its_own_sentence_a_pronoun_takes_the_nearest_person() {
        let doc = Document::new("Image by Mark Rathbun. Mark Rathbun shot Daniel Montalvo, 19, a member all his life. He was freed.");
        let mut ps = vec![person(&doc, "Mark Rathbun", Gender::Male, &[]), person(&doc, "Daniel Montalvo", Gender::Male, &[])];
        let added = resolve(&doc, &mut ps);
        let his = doc.text.find("his").unwrap();
        let he = doc.text.find("He").unwrap();
        assert_eq!(added[1], vec![Span::new(his, his + 3)]);
        // The next sentence's pronoun goes to the subject of the one before.
        assert_eq!(added[0], vec![Span::new(he, he + 2)]);
    }

    #[test]
    fn a_pronoun_in_a_fronted_phrase_points_to_the_subject_after_it() {
        let doc = Document::new("Tom Reed met Ann Lee. After calling his mother, Sam Cole was put through to Reed.");
        let mut ps =
            vec![person(&doc, "Tom Reed", Gender::Male, &[]), person(&doc, "Sam Cole", Gender::Male, &[]), person(&doc, "Ann Lee", Gender::Female, &[])];
        let added = resolve(&doc, &mut ps);
        let his = doc.text.find("his").unwrap();
        assert_eq!(added[1], vec![Span::new(his, his + 3)]);
        assert!(added[0].is_empty());
    }

    #[test]
    fn a_pronoun_before_anyone_is_named_points_to_the_first_name() {
        let doc = Document::new("Church imprisoned her for years. Ann Lee, a former member, spoke. He left. Tom Reed came.");
        let mut ps = vec![person(&doc, "Ann Lee", Gender::Female, &[]), person(&doc, "Tom Reed", Gender::Male, &[])];
        let added = resolve(&doc, &mut ps);
        let her = doc.text.find("her").unwrap();
        assert_eq!(added[0], vec![Span::new(her, her + 3)]);
        // Once someone is named, pronouns look back only.
        assert!(added[1].is_empty());
    }

    #[test]
    fn contradiction_goes_to_the_only_person() {
        let doc = Document::new("Volodymyr Zelensky spoke on Sunday. “We are ready,” she added.");
        let mut ps = vec![person(&doc, "Volodymyr Zelensky", Gender::Male, &[])];
        let added = resolve(&doc, &mut ps);
        assert_eq!(added[0].len(), 1);
    }
}
