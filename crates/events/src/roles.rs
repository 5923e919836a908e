//! Source and target of a trigger, from word order and a few function words.
//!
//! Verbs: the subject is the nearest actor before the verb that is not the object of a
//! preposition; the target is the first actor after it, directly or after "with", "to",
//! "against", "that" … ; a passive verb swaps them ("was attacked by X"). Nouns: "between A
//! and B", "by X", a possessive or adjective before the noun ("Russia's invasion", "Russian
//! siege"), "of/on/against X" after it; otherwise the subject of the clause the noun is the
//! object of ("Russia keeps up the pressure … with the siege of Mariupol").

use std::sync::LazyLock;

use crate::actors::{Actor, ActorKind, PREPOSITIONS, Sent};
use crate::lexicon::LEXICON;
use crate::triggers::Found;

/// Actor groups (indices into the sentence's actors; more than one for "A and B").
#[derive(Debug, Clone)]
pub struct Roles {
    /// Empty when no actor could be found for the source.
    pub source: Vec<usize>,
    pub target: Option<Vec<usize>>,
    /// Token where the clause of the trigger starts (after the subject), for status cues.
    pub clause_start: usize,
}

/// Types whose two actors act together: a compound subject is both sides.
fn reciprocal(ty: &str) -> bool {
    matches!(ty, "CONSULT" | "AGREE" | "COOPERATE")
}

fn is_boundary(w: &str) -> bool {
    matches!(w, "." | ";" | ":" | "!" | "?" | "“" | "”" | "\"" | "(" | ")" | "—" | "–")
}

/// Words that open a new clause between a trigger and a later actor.
fn opens_clause(w: &str) -> bool {
    LEXICON.is_word_in("clause_openers", w)
}

/// The preposition governing the phrase at token `i`, across determiners and up to two
/// modifiers ("to war-torn Mozambique"), if any.
fn governing_prep<'s>(s: &'s Sent, i: usize) -> Option<&'s str> {
    let mut p = i;
    let mut skipped = 0;
    while p > 0 && skipped < 3 {
        p -= 1;
        let w = s.w(p);
        if PREPOSITIONS.contains(&w) || w == "that" {
            return Some(w);
        }
        if !s.is_word(p) || PRONOUNS.contains(&w) || matches!(w, "and" | "or" | "which" | "is" | "are" | "was" | "were") {
            return None;
        }
        if crate::lexicon::LEXICON.triggers.contains_key(w) {
            return None;
        }
        skipped += 1;
    }
    None
}

/// The word before token `i`, skipping determiners and one adjective-like word.
fn governing_word<'s>(s: &'s Sent, i: usize) -> &'s str {
    let mut p = i;
    while p > 0 {
        p -= 1;
        let w = s.w(p);
        if matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "two" | "both") {
            continue;
        }
        return w;
    }
    ""
}

/// Pronouns that, unresolved, stand as the subject between a trigger and an earlier actor.
static PRONOUNS: LazyLock<&[&str]> = LazyLock::new(|| LEXICON.list("pronouns"));

/// True when a preposition governs the phrase starting at token `i`, across determiners and
/// up to two modifiers ("in southeastern Ukraine", "of the port city").
fn governed_by_prep(s: &Sent, i: usize) -> bool {
    let mut p = i;
    let mut skipped = 0;
    while p > 0 && skipped < 3 {
        p -= 1;
        let w = s.w(p);
        if PREPOSITIONS.contains(&w) {
            return true;
        }
        if !s.is_word(p)
            || PRONOUNS.contains(&w)
            || matches!(w, "and" | "or" | "that" | "which" | "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would")
            || crate::lexicon::LEXICON.triggers.contains_key(w)
        {
            return false;
        }
        skipped += 1;
    }
    false
}

/// "Thousands of Nigerians", "supporters of X": the group after "of" is who acts.
fn quantified(s: &Sent, start: usize) -> bool {
    let mut p = start;
    while p > 0 && matches!(s.w(p - 1), "the" | "a" | "an") {
        p -= 1;
    }
    p >= 2 && s.w(p - 1) == "of" && crate::lexicon::LEXICON.is_word_in("group_quantifiers", s.w(p - 2))
}

/// The conjunction group ending at actor `idx` ("Ukraine and Russia" for "Russia").
fn group_ending(actors: &[Actor], idx: usize) -> Vec<usize> {
    let mut g = vec![idx];
    let mut cur = idx;
    while let Some(p) = actors[cur].conj_prev {
        g.push(p);
        cur = p;
    }
    g.reverse();
    g
}

/// The conjunction group starting at actor `idx`.
fn group_starting(actors: &[Actor], idx: usize) -> Vec<usize> {
    let mut g = vec![idx];
    let mut cur = idx;
    while let Some(n) = actors.iter().position(|a| a.conj_prev == Some(cur)) {
        g.push(n);
        cur = n;
    }
    g
}

/// The subject of a trigger at token `pos`: the nearest actor before it that is not the
/// object of a preposition and not a possessive modifier.
fn subject_before(s: &Sent, actors: &[Actor], pos: usize, barrier: usize) -> Option<usize> {
    for (idx, a) in actors.iter().enumerate().rev() {
        if a.end > pos {
            continue;
        }
        // Another verb between the actor and the trigger has its own subject.
        if a.end <= barrier {
            return None;
        }
        if (a.end..pos).any(|k| is_boundary(s.w(k))) {
            return None;
        }
        // An unresolved pronoun nearer the trigger is its subject. Right after a speech verb
        // it is the speaker ("Syria says it is willing to withdraw"); otherwise nobody we
        // can name.
        if let Some(k) = (a.end..pos).rev().find(|&k| PRONOUNS.contains(&s.w(k)) && !governed_by_prep(s, k)) {
            // The speech verb right before the pronoun, across "that" and a time word or two
            // ("said today it had expelled", "said on Monday that they").
            let v =
                (k.saturating_sub(4)..k).rev().take_while(|&j| s.is_word(j) && !PRONOUNS.contains(&s.w(j))).find(|&j| SPEECH.contains(&s.w(j))).filter(|&j| {
                    (j + 1..k).all(|m| {
                        matches!(
                            s.w(m),
                            "that"
                                | "on"
                                | "today"
                                | "yesterday"
                                | "tonight"
                                | "monday"
                                | "tuesday"
                                | "wednesday"
                                | "thursday"
                                | "friday"
                                | "saturday"
                                | "sunday"
                        )
                    })
                });
            return match v {
                Some(v) if s.w(k) != "who" => subject_before(s, actors, v, 0),
                _ => None,
            };
        }
        if a.modifier_only {
            continue;
        }
        // Inside a conjunction, judge the first conjunct's governor.
        let head = group_ending(actors, idx)[0];
        if governed_by_prep(s, actors[head].start) && !quantified(s, actors[head].start) {
            continue;
        }
        return Some(idx);
    }
    None
}

/// True when actor `i`, found after a demand or request ending at token `end`, is what is
/// asked for rather than who is asked: "called for ethnic minority shortlists", "appealed for
/// Iraqi women (to be freed)", "urged the finance chiefs to write off African debt". The addressee
/// stands before any infinitive ("urged Kiev to cede"), and after "for" only as the subject of
/// one ("called for the U.S. to accept refugees"). Content prepositions are data
/// (`request_content_preps` in words.tsv).
fn request_content(s: &Sent, actors: &[Actor], end: usize, i: usize) -> bool {
    let a = &actors[i];
    // An infinitive between the request and the actor: the actor belongs to the act asked for.
    let infinitive = |k: usize| {
        let next = s.w(k + 1);
        s.w(k) == "to" && k + 1 < a.start && s.is_word(k + 1) && !PREPOSITIONS.contains(&next) && !LEXICON.is_word_in("determiners", next)
    };
    if (end..a.start.min(s.len())).any(infinitive) {
        return true;
    }
    let group_end = group_starting(actors, i).last().map_or(a.end, |&g| actors[g].end);
    match governing_prep(s, a.start) {
        // The actor opens a clause of its own ("for the U.S. to accept", "pushing for the US
        // support its plan": a verb, then its object's determiner): it is who is asked.
        Some(p) if LEXICON.is_word_in("request_content_preps", p) => {
            let to_clause = group_end < s.len() && s.w(group_end) == "to";
            let bare_clause = group_end + 1 < s.len()
                && s.is_word(group_end)
                && LEXICON.is_word_in("determiners", s.w(group_end + 1))
                && !PREPOSITIONS.contains(&s.w(group_end));
            !(to_clause || bare_clause)
        }
        _ => false,
    }
}

/// The first actor after token `pos` that the trigger governs: adjacent, or after one of
/// `preps`, or after "that" (a clause whose subject is the target, "demanding that Kiev cede").
fn object_after(s: &Sent, actors: &[Actor], pos: usize, preps: &[&str], max: usize) -> Option<usize> {
    // "killing themselves": the subject acts on itself; no other side.
    if matches!(s.w(pos), "themselves" | "himself" | "herself" | "itself" | "ourselves" | "myself") {
        return None;
    }
    for (idx, a) in actors.iter().enumerate() {
        if a.start < pos {
            continue;
        }
        if a.start > pos + max {
            return None;
        }
        if (pos..a.start).any(|k| is_boundary(s.w(k))) {
            return None;
        }
        // A new clause between the trigger and the actor: the actor is not its object.
        if (pos..a.start).any(|k| opens_clause(s.w(k)) && !(s.w(k) == "as" && k > 0 && s.w(k - 1) == "such")) {
            return None;
        }
        // "against the party's leader Mahmoud Abbas": the possessed actor is the object.
        if a.possessive
            && let Some(next) = actors.get(idx + 1)
            && next.start == a.end
        {
            return Some(idx + 1);
        }
        // "withdraw its troops": the subject's own people are not the other side.
        if a.start > 0 && matches!(s.w(a.start - 1), "its" | "their" | "his" | "her" | "our" | "my") && !(a.start >= 2 && s.w(a.start - 2) == "that") {
            continue;
        }
        let gov = governing_word(s, a.start);
        // "criticized free-trade deals such as NAFTA": an example stands for the object.
        let example = (gov == "as" && a.start >= 2 && (a.start.saturating_sub(3)..a.start).any(|k| s.w(k) == "such")) || gov == "including";
        // "that" opens a clause whose subject is the target only where the caller says so
        // ("demanding that Kiev cede"), not for opinions ("agreed that the time was ripe").
        if a.start == pos || preps.contains(&gov) || (example && a.start - pos <= 10) {
            return Some(example_of(s, actors, idx));
        }
        // "rejected calls by Belarus's rulers", "accepted an offer from Y": the author of the
        // proposal is the other side.
        if matches!(gov, "by" | "from")
            && a.start >= 2
            && (a.start.saturating_sub(3)..a.start).any(|k| {
                let w = s.w(k);
                let w = w.strip_suffix('s').unwrap_or(w);
                LEXICON.is_word_in("proposal_nouns", w)
            })
        {
            return Some(idx);
        }
        match governing_prep(s, a.start) {
            Some(p) if preps.contains(&p) => return Some(example_of(s, actors, idx)),
            Some(_) => continue,
            None => {}
        }
        if matches!(gov, "in" | "at" | "near" | "from" | "during" | "since" | "after" | "before" | "within" | "across" | "by") {
            continue;
        }
        // Words between: an object noun phrase of which the actor is a modifier or owner.
        // Quantifiers count: "arrested more than 100 Palestinians".
        let plain = |k: usize| (s.is_word(k) && !crate::lexicon::LEXICON.triggers.contains_key(s.w(k))) || s.toks[k].kind == newsgraph_text::TokenKind::Number;
        if (pos..a.start).all(plain) && a.start - pos <= 5 {
            return Some(idx);
        }
    }
    None
}

/// "officials including the mayor's office", "deals such as NAFTA": the named example stands
/// for the general phrase before it.
fn example_of(s: &Sent, actors: &[Actor], idx: usize) -> usize {
    let end = actors[idx].end;
    let next = actors.get(idx + 1).filter(|n| n.start > end && n.start <= end + 4);
    match next {
        Some(n) if (end..n.start).any(|k| s.w(k) == "including" || (s.w(k) == "such" && s.w(k + 1) == "as")) => idx + 1,
        _ => idx,
    }
}

/// After a noun: "between A and B".
fn between(s: &Sent, actors: &[Actor], pos: usize) -> Option<(usize, usize)> {
    if pos < s.len() && s.w(pos) == "between" {
        let a = actors.iter().position(|a| a.start > pos && a.start <= pos + 3)?;
        let g = group_starting(actors, a);
        if g.len() >= 2 {
            return Some((g[0], g[1]));
        }
    }
    None
}

/// The actor right after "by" following token `pos`.
fn agent_by(s: &Sent, actors: &[Actor], pos: usize) -> Option<usize> {
    if pos < s.len() && s.w(pos) == "by" {
        return actors.iter().position(|a| a.start > pos && a.start <= pos + 3);
    }
    None
}

/// An actor owning or qualifying a noun: "Russia's invasion", "the Russian siege", "U.S. sanctions".
fn owner_before(s: &Sent, actors: &[Actor], pos: usize) -> Option<usize> {
    let (idx, a) = actors.iter().enumerate().rev().find(|(_, a)| a.end <= pos)?;
    let gap = pos - a.end;
    let gap_ok = gap <= 2
        && (a.end..pos).all(|k| {
            let w = s.w(k);
            s.is_word(k) && !PREPOSITIONS.contains(&w) && !matches!(w, "and" | "or" | "but" | "is" | "are" | "was" | "were")
        });
    if gap_ok && (a.possessive || a.kind == ActorKind::Group || a.kind == ActorKind::Place || a.kind == ActorKind::Org) {
        return Some(idx);
    }
    None
}

/// The next word after a noun trigger is a verb or auxiliary: the noun is a clause subject
/// ("talks should start"), so the clause's actors are not its actors.
fn noun_is_subject(s: &Sent, pos: usize) -> bool {
    pos < s.len() && LEXICON.is_word_in("noun_subject_verbs", s.w(pos))
}

/// `verbs_before` are the verb triggers earlier in the sentence: the subject search stops at
/// the nearest one, whose clause the actors before it belong to.
/// Prepositions that introduce a verb's other side.
static VERB_PREPS: LazyLock<&[&str]> = LazyLock::new(|| LEXICON.list("verb_preps"));
/// The same for demands, whose "that" clause names who is to act.
static VERB_PREPS_THAT: LazyLock<&[&str]> = LazyLock::new(|| LEXICON.list("verb_preps_that"));

/// Verbs that report what someone said or concluded.
static SPEECH: LazyLock<&[&str]> = LazyLock::new(|| LEXICON.list("speech"));

/// The speaker of a reported clause whose subject starts at token `subj`: the subject of a
/// speech verb shortly before ("Russia said on Tuesday that Sudan …").
fn speaker_before(s: &Sent, actors: &[Actor], subj: usize) -> Option<usize> {
    let lo = subj.saturating_sub(12);
    let v = (lo..subj).rev().find(|&k| SPEECH.contains(&s.w(k)))?;
    subject_before(s, actors, v, 0)
}

/// Reported obligations: "X said (that) Y must / should V" is X demanding of Y. Returns the
/// modal tokens as REQUEST triggers (code 100, "demand").
pub fn modal_demands(s: &Sent, actors: &[Actor]) -> Vec<Found> {
    let mut out = Vec::new();
    for k in 1..s.len() {
        if !matches!(s.w(k), "must" | "should") {
            continue;
        }
        let Some(subj) = actors.iter().position(|a| a.end == k) else { continue };
        let first = group_ending(actors, subj)[0];
        if speaker_before(s, actors, actors[first].start).is_some() {
            out.push(Found { start: k, end: k + 1, code: "100", plover: "REQUEST", noun: false, passive: false, modal: true });
        }
    }
    out
}

pub fn assign(s: &Sent, actors: &[Actor], f: &Found, verbs_before: &[&Found]) -> Option<Roles> {
    if f.modal {
        let subj = actors.iter().position(|a| a.end == f.start)?;
        let group = group_ending(actors, subj);
        let speaker = speaker_before(s, actors, actors[group[0]].start)?;
        return Some(Roles { source: group_ending(actors, speaker), target: Some(group), clause_start: f.start });
    }
    // A participle after a noun ("a declaration demanding that …") shares the main subject.
    let participle = s.w(f.start).ends_with("ing") && f.start > 0 && !matches!(s.w(f.start - 1), "is" | "are" | "was" | "were" | "be" | "been" | "am");
    let barrier_at = |pos: usize| verbs_before.iter().map(|v| v.end).filter(|&e| e <= pos).max().unwrap_or(0);
    let barrier = if participle { 0 } else { barrier_at(f.start) };
    // "criticized free-trade deals and called for tariffs": a coordinated verb shares the
    // subject of the verb before it.
    let mut p = f.start;
    while p > 0 && s.w(p - 1).ends_with("ly") {
        p -= 1;
    }
    if !f.noun
        && !f.passive
        && p > 0
        && s.w(p - 1) == "and"
        && let Some(subj) = verbs_before
            .iter()
            .rev()
            .filter(|v| v.end < p && !v.noun && !(v.end..p).any(|k| is_boundary(s.w(k))))
            .find_map(|v| subject_before(s, actors, v.start, barrier_at(v.start)))
    {
        let preps: &[&str] = if f.plover == "REQUEST" { *VERB_PREPS_THAT } else { *VERB_PREPS };
        let obj = object_after(s, actors, f.end, preps, 10).filter(|&o| !(f.plover == "REQUEST" && request_content(s, actors, f.end, o)));
        return Some(Roles { source: group_ending(actors, subj), target: obj.map(|o| group_starting(actors, o)), clause_start: f.start.saturating_sub(6) });
    }
    let ty = f.plover;
    let mut clause_start = 0;
    let (source, target) = if f.noun {
        let mut src: Option<Vec<usize>> = None;
        let mut tgt: Option<Vec<usize>> = None;
        if let Some((a, b)) = between(s, actors, f.end) {
            src = Some(vec![a]);
            tgt = Some(vec![b]);
        }
        if src.is_none()
            && let Some(b) = agent_by(s, actors, f.end)
        {
            src = Some(group_starting(actors, b));
        }
        if src.is_none()
            && let Some(o) = owner_before(s, actors, f.start)
        {
            src = Some(group_ending(actors, o));
        }
        if tgt.is_none() {
            let preps: &[&str] = if reciprocal(ty) {
                &["with"]
            } else if ty == "REQUEST" {
                &["with", "of", "on", "against", "to", "for", "upon", "that"]
            } else {
                &["with", "of", "on", "against", "to", "in", "into", "over", "targeting"]
            };
            if let Some(t) = object_after(s, actors, f.end, preps, 8) {
                let gov = governing_word(s, actors[t].start);
                if actors[t].start != f.end && preps.contains(&gov) || !reciprocal(ty) && preps.contains(&gov) {
                    tgt = Some(group_starting(actors, t));
                }
            }
        }
        // A noun inside an adverbial phrase ("shut down the capital in protest of …",
        // "during demonstrations"): its source is the clause's subject, the first actor.
        let adverbial = matches!(governing_word(s, f.start), "in" | "during" | "amid" | "despite" | "following");
        let subject = if adverbial {
            actors
                .iter()
                .position(|a| a.end <= f.start && !a.modifier_only && !governed_by_prep(s, a.start))
                // Only a phrase that is itself a subject (nothing between it and the clause's
                // verb that the subject search would stop at).
                .filter(|&i| subject_before(s, actors, actors[i].end, 0) == Some(i))
                .or_else(|| subject_before(s, actors, f.start, barrier))
        } else if matches!(governing_word(s, f.start), "of" | "by") || (governing_word(s, f.start) == "to" && matches!(ty, "ASSAULT" | "COERCE")) {
            // "in protest of the arrest", "injured by an explosion", "a connection to the
            // attacks": an argument of another word; its agent is not the clause's subject.
            None
        } else {
            subject_before(s, actors, f.start, barrier)
        };
        if src.is_none()
            && !noun_is_subject(s, f.end)
            && let Some(subj) = subject
        {
            src = Some(group_ending(actors, subj));
            clause_start = actors[subj].end;
        }
        (src, tgt)
    } else if f.passive {
        let by = agent_by(s, actors, f.end).map(|b| group_starting(actors, b));
        // "Crimea, annexed by the Russians": the phrase before the comma is the target.
        let reduced = (f.start >= 2 && s.w(f.start - 1) == ",").then(|| actors.iter().position(|a| a.end == f.start - 1)).flatten();
        let subj = reduced.or_else(|| subject_before(s, actors, f.start, barrier));
        if let Some(sj) = subj {
            clause_start = actors[sj].end;
        }
        (by, subj.map(|sj| group_ending(actors, sj)))
    } else {
        let mut subj = subject_before(s, actors, f.start, barrier);
        // "a charity run dedicated to helping families": a gerund after a preposition far from
        // any subject belongs to a noun phrase, not to that subject.
        let gerund = s.w(f.start).ends_with("ing") && f.start > 0 && PREPOSITIONS.contains(&s.w(f.start - 1)) && s.w(f.start - 1) != "by";
        if gerund && subj.is_some_and(|sj| actors[sj].end + 12 < f.start) {
            subj = None;
        }
        if let Some(sj) = subj {
            clause_start = actors[sj].end;
        }
        let preps: &[&str] = if ty == "REQUEST" { *VERB_PREPS_THAT } else { *VERB_PREPS };
        let mut obj = object_after(s, actors, f.end, preps, 10);
        // "threatened to ban voting in East Jerusalem", "refused to deploy peacekeepers in
        // Iraq": with an infinitive complement, the complement's object or place is the target.
        if obj.is_none() && f.end + 1 < s.len() && s.w(f.end) == "to" && s.is_word(f.end + 1) {
            let wider: &[&str] = &["with", "to", "against", "on", "for", "from", "in", "into", "of", "over"];
            obj = object_after(s, actors, f.end + 2, wider, 10);
        }
        // Acts done to a place: "lifted a night curfew in Montenegro", "shelled positions in X".
        if obj.is_none() && matches!(ty, "ASSAULT" | "COERCE" | "CONCEDE" | "RETREAT" | "PROTEST" | "MOBILIZE" | "SANCTION" | "AID") {
            obj = object_after(s, actors, f.end, &["in", "inside", "across"], 8).filter(|&o| actors[o].kind == ActorKind::Place);
        }
        (subj.map(|sj| group_ending(actors, sj)), obj.map(|o| group_starting(actors, o)))
    };
    let mut source = source.unwrap_or_default();
    let mut target = target.filter(|t| !(ty == "REQUEST" && t.first().is_some_and(|&i| request_content(s, actors, f.end, i))));
    // "threatened to stop the talks if the United States goes ahead": the party the
    // condition names is the one threatened.
    if target.is_none()
        && ty == "THREATEN"
        && let Some(k) = (f.end..s.len()).find(|&k| matches!(s.w(k), "if" | "unless"))
        && let Some(t) = actors.iter().position(|a| a.start > k && a.start <= k + 3 && !a.modifier_only)
    {
        target = Some(group_starting(actors, t));
    }
    if target.is_none() && reciprocal(ty) && source.len() >= 2 {
        target = Some(vec![source[1]]);
        source = vec![source[0]];
    } else if let Some(t) = &target
        && t.len() >= 2
        && reciprocal(ty)
        && source.len() == 1
    {
        // "met with A and B": keep the whole group as the target.
        target = Some(t.clone());
    }
    if clause_start == 0 {
        clause_start = f.start.saturating_sub(6);
    }
    Some(Roles { source, target, clause_start })
}
