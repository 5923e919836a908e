//! Pronoun and nominal coreference for people, by a deterministic sieve.
//!
//! Walking the text in order, each "he"/"she"/"his"/"her"/"him" goes to a person mentioned
//! (by name, title or an earlier pronoun) in the same sentence or the three before: the
//! nearest sentence that has a gender-compatible person wins, and within it the first such
//! person (the subject, most often). Gender comes from first names, gendered titles and
//! honorifics, or is learnt from the first pronoun a person takes. When no one in reach
//! agrees in gender, a pronoun that names a speaker ("she added") goes to the only person
//! in reach: the text contradicts itself more often than it introduces someone new in a
//! pronoun. "the president", "the mayor" go to the latest person holding that title.

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
    let mut nt = 0;
    let mut history: Vec<(usize, usize, usize)> = Vec::new();
    let mut ev = 0;
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let t = doc.tokens[i];
        while ev < events.len() && events[ev].0 <= t.span.start {
            history.push(events[ev]);
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
            if let Some(pi) = pick(&history, people, si, g, speaker) {
                if people[pi].gender == Gender::Unknown {
                    people[pi].gender = g;
                }
                added[pi].push(t.span);
                history.push((t.span.start, si, pi));
            }
            i += 1;
            continue;
        }
        if let Some((end, pi)) = titled_nominal(doc, i, &history, people) {
            let span = Span::new(t.span.start, doc.tokens[end - 1].span.end);
            added[pi].push(span);
            history.push((t.span.start, si, pi));
            i = end;
            continue;
        }
        if let Some((end, head)) = nominal(doc, i) {
            if let Some(&(_, _, pi)) = history.iter().rev().find(|&&(_, _, pi)| people[pi].heads.iter().any(|h| *h == head)) {
                let span = Span::new(t.span.start, doc.tokens[end - 1].span.end);
                added[pi].push(span);
                history.push((t.span.start, si, pi));
            }
            i = end;
            continue;
        }
        i += 1;
    }
    added
}

fn compatible(a: Gender, b: Gender) -> bool {
    a == Gender::Unknown || b == Gender::Unknown || a == b
}

/// The person a pronoun of gender `g` in sentence `si` refers to.
fn pick(history: &[(usize, usize, usize)], people: &[Person], si: usize, g: Gender, speaker: bool) -> Option<usize> {
    for back in 0..=3 {
        let Some(s) = si.checked_sub(back) else { break };
        // A person known to agree beats one of unknown gender in the same sentence.
        let first = history
            .iter()
            .find(|&&(_, hs, pi)| hs == s && people[pi].gender == g)
            .or_else(|| history.iter().find(|&&(_, hs, pi)| hs == s && compatible(people[pi].gender, g)));
        if let Some(&(_, _, pi)) = first {
            return Some(pi);
        }
    }
    // Nobody agrees: a pronoun naming a speaker ("she added") goes to the only person in
    // reach, if there is exactly one; other pronouns may name someone the text never named.
    if !speaker {
        return None;
    }
    let mut near: Vec<usize> = history.iter().filter(|&&(_, hs, _)| hs + 3 >= si).map(|&(_, _, pi)| pi).collect();
    near.sort_unstable();
    near.dedup();
    if near.len() == 1 { Some(near[0]) } else { None }
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

/// "the Secretary of State" written after a person titled so: the end token and the person.
fn titled_nominal(doc: &Document, i: usize, history: &[(usize, usize, usize)], people: &[Person]) -> Option<(usize, usize)> {
    if !matches!(doc.slice(doc.tokens[i].span), "the" | "The") {
        return None;
    }
    for &(_, _, pi) in history.iter().rev() {
        for title in &people[pi].titles {
            let n = title.split(' ').count();
            if n < 2 || i + n >= doc.tokens.len() {
                continue;
            }
            let words: Vec<String> = (i + 1..=i + n).map(|k| doc.slice(doc.tokens[k].span).to_lowercase()).collect();
            let next_is_name = doc.tokens.get(i + n + 1).is_some_and(|t| words::is_cap(doc.slice(t.span)));
            if words.join(" ") == *title && !next_is_name {
                return Some((i + n + 1, pi));
            }
        }
    }
    None
}

/// Role words too general to point back to one person ("the official", "the head").
fn is_generic(head: &str) -> bool {
    matches!(head, "official" | "head" | "leader" | "officer" | "expert" | "analyst" | "veteran" | "candidate" | "chief" | "executive" | "player" | "soldier" | "writer" | "author")
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
    fn contradiction_goes_to_the_only_person() {
        let doc = Document::new("Volodymyr Zelensky spoke on Sunday. “We are ready,” she added.");
        let mut ps = vec![person(&doc, "Volodymyr Zelensky", Gender::Male, &[])];
        let added = resolve(&doc, &mut ps);
        assert_eq!(added[0].len(), 1);
    }
}
