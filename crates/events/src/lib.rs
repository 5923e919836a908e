//! Events coded in PLOVER (with CAMEO codes), with actors, place, date and status.
//!
//! Per sentence: actor phrases are chunked ([`actors`]), triggers found and coded from the
//! PETRARCH2 verb dictionary and our nominalisations ([`triggers`]), then each trigger gets a
//! source (its subject, a possessive, "by X") and a target (its object, "with X", "of X"),
//! a status from the words around it ([`status`]), and a place and date from the entity and
//! time layers. Mentions of the same event (same type and actors) are merged, and one evidence
//! span yields one event.
//!
//! Conventions beyond the dictionary (all with unit tests in `tests.rs`):
//! - an attack named without its perpetrator ("an explosion in Chelsea") takes the attack words
//!   as source and the place named right by them as target;
//! - an actor's own commitment to a cooperative act ("says it is willing to withdraw") is AGREE,
//!   its own refusal ("said it will not accept") REJECT, a hostile act announced under a
//!   condition ("will withdraw … unless") THREATEN; the reporter's future ("will donate") stays
//!   the act itself, planned;
//! - a common noun refers back to the one organisation of the article it fits ("the appeals
//!   court"), "the country" to the country named before it in the sentence;
//! - an event inside a quotation carries the quotation's speaker as `claimant`;
//! - an event needs a political actor on one side (a state, a government, armed or political
//!   group, an official; in political coverage any named person or organisation), and market,
//!   sport and entertainment figures of speech are no events ([`domain`]).

mod actors;
mod domain;
mod lexicon;
mod roles;
mod status;
mod triggers;

use std::collections::HashMap;

use newsgraph_record::{Entity, EntityType, Event, EventStatus, Quote, Time, TimeType};
use newsgraph_text::{Document, Span};

use actors::{Actor, ActorKind, Sent};
use lexicon::{CountryWord, LEXICON};

/// Finds events between actors. `date` is the publication date (ISO), used when no time
/// expression is near the event. Spans are byte offsets.
pub fn recognise(doc: &Document, entities: &[Entity], quotes: &[Quote], times: &[Time], date: Option<&str>) -> Vec<Event> {
    let ctx = DocContext::new(entities);
    let mut events: Vec<Event> = Vec::new();
    let mut keys: HashMap<(String, String, String), usize> = HashMap::new();
    // Whether each event was read from a noun trigger.
    let mut by_noun: Vec<bool> = Vec::new();
    let dom = domain::Domain::of(&doc.text);
    for sent in &doc.sentences {
        let toks = doc.sentence_tokens(sent);
        if toks.is_empty() {
            continue;
        }
        let s = Sent::new(doc, toks);
        let ent_at = ctx.entity_at(&s, sent.span);
        let trigger_at: Vec<bool> = (0..s.len()).map(|i| LEXICON.triggers.contains_key(s.w(i))).collect();
        let actors = actors::chunk(&s, &ent_at, entities, &trigger_at);
        let mut after_actor = vec![false; s.len() + 1];
        let mut in_actor = vec![false; s.len()];
        for a in &actors {
            after_actor[a.end] = true;
            for f in in_actor.iter_mut().take(a.end).skip(a.start) {
                *f = true;
            }
        }
        // Trigger words inside actor phrases ("Russian forces", "Free Trade Agreement") are names;
        // a verb phrase that ends in an actor noun ("joining forces with") is not.
        let mut found: Vec<triggers::Found> = triggers::find(&s, &after_actor).into_iter().filter(|f| !in_actor[f.start]).collect();
        found.extend(roles::modal_demands(&s, &actors));
        found.sort_by_key(|f| f.start);
        // "holding talks", "staged a protest": a light verb before an event noun adds nothing;
        // the noun names the event.
        let light: Vec<bool> = found
            .iter()
            .map(|v| {
                !v.noun
                    && LEXICON.is_word_in("light_verbs", s.w(v.start))
                    && found.iter().any(|n| n.noun && n.start >= v.end && n.start <= v.end + 3 && (v.end..n.start).all(|k| s.is_word(k)))
            })
            .collect();
        let mut keep = light.iter().map(|l| !l);
        found.retain(|_| keep.next().unwrap_or(true));
        let sent_political = dom.sport && domain::sentence_political(&s);
        // A group is political when one of its actors is, or the owner of its first ("Belarus's
        // rulers").
        let political = |group: &[usize]| {
            let owner = group.first().and_then(|&g| g.checked_sub(1)).filter(|&o| actors[o].possessive && actors[o].end == actors[group[0]].start);
            group.iter().copied().chain(owner).any(|a| domain::political_actor(&s, &actors[a], entities, dom, sent_political))
        };
        // Whether an id is that of an actor of the group itself (already judged above), not
        // one reached by apposition, nominal reference or a quotation's speaker.
        let same_entity = |group: &[usize], id: Option<&str>| group.iter().any(|&a| actors[a].entity.is_some_and(|e| Some(entities[e].id.as_str()) == id));
        let political_id =
            |id: Option<&str>| id.and_then(|id| entities.iter().find(|e| e.id == id)).is_some_and(|e| domain::political_entity(e, dom, sent_political));
        for (fi, f) in found.iter().enumerate() {
            if is_complement(&s, &found[..fi], f) || domain::figurative(&s, f, &in_actor) {
                continue;
            }
            // A verb whose plan the trigger is ("announced plans to give") shares its subject.
            let verbs_before: Vec<&triggers::Found> = found[..fi].iter().filter(|v| !v.noun && !plans_for(&s, v, f)).collect();
            let Some(r) = roles::assign(&s, &actors, f, &verbs_before) else { continue };
            let location = ctx.location(&s, &actors, f, r.target.as_deref(), f.plover, usize::MAX);
            // An attack named without its perpetrator ("an explosion in Chelsea"): the words
            // for the attack stand as its source and the place attacked as its target.
            let unattributed = r.source.is_empty() && f.noun && f.plover == "ASSAULT";
            // "attacked Tory plans": an assault word aimed at words or plans is criticism.
            // "his attack on Labour": so is one aimed at a political party.
            let verbal = f.plover == "ASSAULT"
                && (domain::verbal_attack(&s, f) || r.target.as_deref().is_some_and(|t| t.iter().any(|&a| domain::party_actor(&s, &actors[a], entities))));
            if unattributed && verbal {
                continue;
            }
            let source = if unattributed {
                ActorRef { id: None, text: s.text(f.start, f.end).to_string(), key: "attack".to_string() }
            } else if r.source.is_empty() {
                // "We have been in touch with …" inside a quote: the speaker is the source.
                match first_person_speaker(&s, f.start, quotes, s.span(f.start, f.end)) {
                    Some(a) => a,
                    None => continue,
                }
            } else {
                ctx.actor_ref(&s, &actors, &r.source)
            };
            let mut target = r.target.as_ref().map(|t| ctx.actor_ref(&s, &actors, t));
            if unattributed {
                // Only a place named close to the attack words is the place attacked.
                target = ctx.location(&s, &actors, f, None, f.plover, 8).and_then(|place| ctx.place_ref(&place));
            }
            if target.is_none() && !matches!(f.plover, "PROTEST" | "MOBILIZE") {
                continue;
            }
            if let Some(t) = &target
                && t.key == source.key
            {
                continue;
            }
            // PLOVER codes events of political actors: at least one side must be one (a state,
            // a government, armed or political group, an official), not only a team, a firm or
            // a private person.
            // A protest named by its noun ("started a hunger strike") is political by itself.
            let has_political = unattributed
                || (f.noun && f.plover == "PROTEST")
                || political(&r.source)
                || r.target.as_deref().is_some_and(political)
                || (!same_entity(&r.source, source.id.as_deref()) && political_id(source.id.as_deref()))
                || (!r.target.as_deref().is_some_and(|t| same_entity(t, target.as_ref().and_then(|t| t.id.as_deref())))
                    && political_id(target.as_ref().and_then(|t| t.id.as_deref())));
            if !has_political {
                continue;
            }
            let trig_span = s.span(f.start, f.end);
            let involved = r.source.iter().chain(r.target.iter().flatten()).map(|&a| &actors[a]);
            let first = involved.clone().map(|a| a.start).min().unwrap_or(f.start).min(f.start);
            let last = involved.map(|a| a.end).max().unwrap_or(f.end).max(f.end);
            // Evidence: from the nearer of the source and the trigger to the target.
            let start = if f.start - first > 12 { f.start } else { first };
            let span = s.span(start, last);
            let mut st = status::of(&s, &actors, &r, f);
            // "will withdraw its force unless …", "would blockade Paris if …": a hostile act
            // announced under a condition is a threat (CAMEO 13), and the threat is reported.
            let (kind, code) = if verbal {
                ("ACCUSE", "111")
            } else if is_conditional_threat(&s, f) {
                st = EventStatus::Reported;
                ("THREATEN", "130")
            } else if let Some(code) = intent_code(&s, f) {
                // "Syria says it is willing to withdraw", "the rebels said they will release
                // him": the actor's own commitment to a cooperative act is an agreement (PLOVER
                // AGREE, CAMEO 03), its own refusal ("said it will not accept") a rejection
                // (REJECT, CAMEO 12); the commitment or refusal itself is reported.
                st = EventStatus::Reported;
                (if code == "120" { "REJECT" } else { "AGREE" }, code)
            } else {
                (f.plover, f.code)
            };
            let (ev_date, background) = date_for(trig_span, sent.span, times, date);
            if st == EventStatus::Reported && !background && ev_date.as_deref().zip(date).is_some_and(|(d, p)| d.get(..10) > p.get(..10)) {
                st = EventStatus::Planned;
            }
            let ev_date = match (ev_date, st) {
                (Some(d), _) => Some(d),
                (None, EventStatus::Reported | EventStatus::Negated) => date.map(str::to_string),
                _ => None,
            };
            let key_target = target.as_ref().map_or(String::new(), |t| t.key.clone());
            let (ka, kb) =
                if kind == "CONSULT" && key_target < source.key { (key_target.clone(), source.key.clone()) } else { (source.key.clone(), key_target.clone()) };
            let key = (kind.to_string(), ka, kb);
            if let Some(&idx) = keys.get(&key) {
                let e = &mut events[idx];
                if e.location.is_none() {
                    e.location = location;
                }
                if e.date.is_none() {
                    e.date = ev_date;
                }
                continue;
            }
            // One evidence span, one event: two triggers that yield the same span ("holding
            // talks with X", "fighting lawsuits accusing X") are read once, by the noun, which
            // names the event, else by the first trigger.
            let mut slot = events.len();
            if let Some(idx) = events.iter().rposition(|e| e.span == [span.start, span.end]) {
                if !f.noun || by_noun[idx] {
                    continue;
                }
                keys.retain(|_, v| *v != idx);
                slot = idx;
            }
            keys.insert(key, slot);
            let event = Event {
                kind: kind.to_string(),
                cameo: Some(code.to_string()),
                text: Some(doc.text[span.start..span.end].to_string()),
                span: [span.start, span.end],
                source: source.id,
                target: target.as_ref().and_then(|t| t.id.clone()),
                source_text: Some(source.text),
                target_text: target.map(|t| t.text),
                location,
                date: ev_date,
                status: st,
                claimant: claimant_of(trig_span, quotes),
            };
            if slot == events.len() {
                events.push(event);
                by_noun.push(f.noun);
            } else {
                events[slot] = event;
                by_noun[slot] = true;
            }
        }
    }
    events
}

/// The entity id of the speaker of the innermost quotation holding the trigger: an event
/// inside reported speech is that speaker's claim. The trigger, not the whole evidence span,
/// is tested, as the evidence may reach out to a source named outside the quotation.
fn claimant_of(trigger: Span, quotes: &[Quote]) -> Option<String> {
    quotes.iter().filter(|q| q.span[0] <= trigger.start && trigger.end <= q.span[1]).min_by_key(|q| q.span[1] - q.span[0])?.speaker.clone()
}

/// The speaker of a quotation holding the trigger, when the trigger's subject is "I" or "we":
/// the first person of a quote is its speaker.
fn first_person_speaker(s: &Sent, start: usize, quotes: &[Quote], trigger: Span) -> Option<ActorRef> {
    (start.saturating_sub(4)..start).rev().find(|&k| {
        let w = s.w(k);
        matches!(w.split('\'').next().unwrap_or(w), "i" | "we")
    })?;
    let q = quotes.iter().filter(|q| q.span[0] <= trigger.start && trigger.end <= q.span[1]).min_by_key(|q| q.span[1] - q.span[0])?;
    let text = q.speaker_name.clone().or_else(|| q.speaker_text.clone())?;
    let key = q.speaker.clone().unwrap_or_else(|| text.to_lowercase());
    Some(ActorRef { id: q.speaker.clone(), text, key })
}

/// True when trigger `f` is the content of an earlier trigger rather than an event of its
/// own: "agreed to cooperate", "demanding that Kiev cede", "urged them to withdraw",
/// "condemned the attack". PETRARCH codes such a sentence once, by the governing verb.
fn is_complement(s: &Sent, before: &[triggers::Found], f: &triggers::Found) -> bool {
    let Some(p) = before.last() else { return false };
    // "shunned work to protest at …": a protest is an act of its own, not a content.
    if f.plover == "PROTEST" {
        return false;
    }
    if p.modal {
        // "Sudan must return the helicopter": the return is what is demanded.
        return f.start >= p.end && f.start - p.end <= 2;
    }
    // A demand or threat holds its content ("a call for the U.S. to accept refugees").
    if (p.noun && !matches!(p.plover, "REQUEST" | "THREATEN")) || p.end > f.start || f.start - p.end > 8 {
        return false;
    }
    let between: Vec<&str> = (p.end..f.start).map(|k| s.w(k)).collect();
    if between.iter().any(|w| matches!(*w, "," | ";" | ":" | "." | "but" | "and" | "while" | "which" | "who")) {
        return false;
    }
    // "announced plans to give $15 million to X": the planned act is an event of its own.
    if between.iter().any(|w| LEXICON.is_word_in("plan_nouns", w)) {
        return false;
    }
    if f.noun {
        // A noun object right after the verb: "condemned the attack", "agreed a ceasefire".
        return between.len() <= 3 && !between.iter().any(|w| actors::PREPOSITIONS.contains(w) && *w != "to" && *w != "for" && *w != "on");
    }
    between.contains(&"to") || between.first() == Some(&"that") || (p.noun && between.contains(&"that"))
}

/// True when `f` is an infinitive in the clause of verb `v` and so shares its subject:
/// "announced plans this week to give", "shunned work on Monday to protest".
fn plans_for(s: &Sent, v: &triggers::Found, f: &triggers::Found) -> bool {
    f.start > v.end
        && f.start - v.end <= 8
        && s.w(f.start - 1) == "to"
        && !(v.end..f.start).any(|k| matches!(s.w(k), "," | ";" | ":" | "and" | "but" | "which" | "who" | "that") || !s.is_word(k))
}

/// An actor as written into the record: entity id, words, and a key for merging.
struct ActorRef {
    id: Option<String>,
    text: String,
    key: String,
}

/// What the entity layer gives the whole document: mentions by position, and the entity
/// that stands for each country.
struct DocContext<'a> {
    entities: &'a [Entity],
    mentions: Vec<(Span, usize)>,
    country_entity: HashMap<usize, usize>,
    /// Each organisation's name and alias words, lower case, for nominal reference.
    org_words: Vec<(usize, Vec<String>)>,
}

impl<'a> DocContext<'a> {
    fn new(entities: &'a [Entity]) -> Self {
        let mut mentions: Vec<(Span, usize)> =
            entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |&[a, b]| (Span::new(a, b), i))).collect();
        mentions.sort_by_key(|(m, _)| (m.start, m.end));
        let mut country_entity = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            if !matches!(e.kind, EntityType::GPE | EntityType::LOC) {
                continue;
            }
            for name in std::iter::once(&e.name).chain(e.aliases.iter()) {
                let lower = name.to_lowercase();
                let lower = lower.strip_prefix("the ").unwrap_or(&lower);
                if let Some((c, CountryWord::Name)) = LEXICON.country(lower)
                    && let Some(ci) = LEXICON.countries.iter().position(|x| x.iso3 == c.iso3)
                {
                    country_entity.entry(ci).or_insert(i);
                }
            }
        }
        let org_words = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityType::ORG)
            .map(|(i, e)| (i, std::iter::once(&e.name).chain(&e.aliases).flat_map(|n| n.split_whitespace()).map(str::to_lowercase).collect()))
            .collect();
        DocContext { entities, mentions, country_entity, org_words }
    }

    /// The entity covering each token of a sentence.
    fn entity_at(&self, s: &Sent, span: Span) -> Vec<Option<usize>> {
        let mut out = vec![None; s.len()];
        let first = self.mentions.partition_point(|(m, _)| m.end <= span.start);
        for &(m, e) in self.mentions[first..].iter().take_while(|(m, _)| m.start < span.end) {
            for (k, t) in s.toks.iter().enumerate() {
                if t.span.start < m.end && m.start < t.span.end {
                    out[k] = Some(e);
                }
            }
        }
        out
    }

    /// The record's view of a (possibly compound) actor.
    fn actor_ref(&self, s: &Sent, actors: &[Actor], group: &[usize]) -> ActorRef {
        // "Future45, a super PAC that intends to …": a description after a comma stands for
        // the name before it.
        if let [one] = group
            && actors[*one].entity.is_none()
            && let Some(named) = appositive_of(s, actors, *one)
        {
            return self.actor_ref(s, actors, &[named]);
        }
        let first = &actors[group[0]];
        let last = &actors[*group.last().unwrap_or(&group[0])];
        // A possessive owner right before the phrase belongs to it: "Belarus's rulers".
        let owner = group[0].checked_sub(1).map(|o| &actors[o]).filter(|o| o.possessive && o.end == first.start);
        let start = owner.map_or(first.start, |o| o.start);
        let text = s.text(start, last.end).trim_end_matches("’s").trim_end_matches("'s").to_string();
        let id = self.entity_of(first).or_else(|| owner.and_then(|o| self.entity_of(o))).or_else(|| self.nominal(s, last));
        let key = match (&id, first.country) {
            (Some(id), _) => id.clone(),
            (None, Some(c)) if first.metonym || first.kind == ActorKind::Place || pure_demonym(s, first) => LEXICON.countries[c].iso3.to_string(),
            _ => text.to_lowercase(),
        };
        ActorRef { id, text, key }
    }

    /// The organisation a common noun refers back to ("a federal appeals court" → "U.S. Court
    /// of Appeals for the Sixth Circuit"): the one organisation of the article whose name holds
    /// the head noun and every telling modifier before it. None when several could be meant.
    fn nominal(&self, s: &Sent, a: &Actor) -> Option<String> {
        if a.entity.is_some() || a.country.is_some() || a.kind == ActorKind::Person {
            return None;
        }
        let head = s.w(a.end - 1).trim_end_matches("'s");
        let head = head.strip_suffix('s').filter(|_| !head.ends_with("ss")).unwrap_or(head);
        if !LEXICON.is_word_in("institution_heads", head) {
            return None;
        }
        // Modifiers inside the phrase and up to two lower-case words right before it.
        let mut mods: Vec<&str> = (a.start..a.end - 1).map(|k| s.w(k)).collect();
        let mut k = a.start;
        while k > 0
            && a.start - k < 2
            && s.is_word(k - 1)
            && s.raw(k - 1).chars().next().is_some_and(char::is_lowercase)
            && !LEXICON.is_word_in("determiners", s.w(k - 1))
        {
            k -= 1;
            mods.push(s.w(k));
        }
        mods.retain(|m| !LEXICON.is_word_in("generic_modifiers", m));
        let has = |words: &[String], w: &str| words.iter().any(|n| n == w || n.strip_suffix('s') == Some(w) || w.strip_suffix('s') == Some(n.as_str()));
        let mut found = None;
        for (e, words) in &self.org_words {
            if has(words, head) && mods.iter().all(|m| has(words, m)) {
                if found.is_some_and(|f| f != *e) {
                    return None;
                }
                found = Some(*e);
            }
        }
        found.map(|e| self.entities[e].id.clone())
    }

    /// A place entity (by id) as an actor.
    fn place_ref(&self, id: &str) -> Option<ActorRef> {
        let e = self.entities.iter().find(|e| e.id == id)?;
        Some(ActorRef { id: Some(e.id.clone()), text: e.name.clone(), key: e.id.clone() })
    }

    /// The entity id an actor stands for: a seat of government or a bare demonym
    /// ("the Russians") stands for its country's entity when the article names it.
    fn entity_of(&self, a: &Actor) -> Option<String> {
        let state = a.country.and_then(|c| self.country_entity.get(&c)).map(|&e| self.entities[e].id.clone());
        if a.metonym {
            return state.or_else(|| a.entity.map(|e| self.entities[e].id.clone()));
        }
        match a.entity {
            Some(e) if self.entities[e].kind == EntityType::NORP => state.or(Some(self.entities[e].id.clone())),
            Some(e) => Some(self.entities[e].id.clone()),
            None if a.kind == ActorKind::Group && a.end - a.start == 1 => state,
            None => None,
        }
    }

    /// The place of an event: a place named after "in", "at" or "near" in the sentence (the
    /// one nearest the trigger, at most `max` tokens away), or the place attacked.
    fn location(&self, s: &Sent, actors: &[Actor], f: &triggers::Found, target: Option<&[usize]>, ty: &str, max: usize) -> Option<String> {
        if matches!(ty, "ASSAULT" | "COERCE")
            && let Some(&t) = target.and_then(|t| t.first())
            && let Some(e) = actors[t].entity
            && matches!(self.entities[e].kind, EntityType::GPE | EntityType::LOC | EntityType::FAC)
        {
            return Some(self.entities[e].id.clone());
        }
        let mut best: Option<(usize, usize)> = None;
        for a in actors {
            let Some(e) = a.entity else { continue };
            if !matches!(self.entities[e].kind, EntityType::GPE | EntityType::LOC | EntityType::FAC) || a.start == 0 {
                continue;
            }
            // The preposition, across a determiner and up to three modifiers ("in a densely
            // packed Chelsea neighborhood").
            let mut governed = (a.start.saturating_sub(5)..a.start)
                .rev()
                .take_while(|&k| s.is_word(k))
                .find(|&k| !s.raw(k).chars().next().is_some_and(char::is_lowercase) || actors::PREPOSITIONS.contains(&s.w(k)) || triggers_at(s.w(k)));
            // "near the town of Samarra", "in the city of X": look past the place noun.
            if let Some(k) = governed
                && s.w(k) == "of"
                && k >= 2
                && LEXICON.is_word_in("place_nouns", s.w(k - 1))
            {
                governed = (k.saturating_sub(4)..k - 1).rev().take_while(|&j| s.is_word(j)).find(|&j| actors::PREPOSITIONS.contains(&s.w(j)));
            }
            if !governed.is_some_and(|k| matches!(s.w(k), "in" | "at" | "near" | "outside" | "inside")) {
                continue;
            }
            let dist = if a.start >= f.end { a.start - f.end } else { f.start - a.end + 5 };
            // A near place is one in the same stretch of words, with no punctuation between.
            let gap = if a.start >= f.end { f.end..a.start } else { a.end..f.start };
            if max != usize::MAX && !gap.clone().all(|k| s.is_word(k)) {
                continue;
            }
            if dist <= max && best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, e));
            }
        }
        best.map(|(_, e)| self.entities[e].id.clone())
    }
}

/// A hostile verb after "will" or "would" in a sentence that states a condition ("unless",
/// "if"): the act is threatened, not done.
fn is_conditional_threat(s: &Sent, f: &triggers::Found) -> bool {
    if f.noun || f.modal || !LEXICON.is_word_in("threat_types", f.plover) {
        return false;
    }
    let mut p = f.start;
    while p > 0 && (s.w(p - 1).ends_with("ly") || s.w(p - 1) == "not") {
        p -= 1;
    }
    p > 0 && matches!(s.w(p - 1), "will" | "would" | "'ll" | "shall") && (0..s.len()).any(|k| matches!(s.w(k), "unless" | "if"))
}

/// The CAMEO 03 code of a cooperative act that its actor commits to: after "willing to",
/// "prepared to", "offered to" …, or after "will"/"would" whose subject is a pronoun standing
/// for the speaker of a speech verb just before ("they said they would meet").
fn intent_code(s: &Sent, f: &triggers::Found) -> Option<&'static str> {
    if f.noun || f.modal {
        return None;
    }
    let code = LEXICON.list("intent_codes").iter().find_map(|e| e.strip_prefix(f.plover).and_then(|c| c.strip_prefix(':')))?;
    let p = f.start;
    let committed = p >= 2 && s.w(p - 1) == "to" && LEXICON.is_word_in("intent_words", s.w(p - 2));
    // "will not" / "won't": the actor's own refusal.
    let is_modal = |w: &str| matches!(w, "will" | "would" | "'ll" | "wo");
    let (modal_at, refused) = if p >= 2 && matches!(s.w(p - 1), "not" | "n't") && is_modal(s.w(p - 2)) {
        (p - 2, true)
    } else if p >= 1 && matches!(s.w(p - 1), "won't" | "wouldn't") {
        (p - 1, true)
    } else if p >= 1 && is_modal(s.w(p - 1)) {
        (p - 1, false)
    } else {
        return committed.then_some(code);
    };
    let promised = modal_at >= 2
        && matches!(s.w(modal_at - 1), "he" | "she" | "it" | "they" | "we" | "i")
        && ((modal_at.saturating_sub(8)..modal_at - 1).any(|k| LEXICON.is_word_in("speech", s.w(k))));
    if promised && refused {
        return Some("120");
    }
    (committed || promised).then_some(code)
}

/// The named actor that actor `idx` describes in apposition: "NAME, a|an|the [words] PHRASE".
fn appositive_of(s: &Sent, actors: &[Actor], idx: usize) -> Option<usize> {
    let a = &actors[idx];
    let prev = idx.checked_sub(1)?;
    let p = &actors[prev];
    let between: Vec<&str> = (p.end..a.start).map(|k| s.w(k)).collect();
    let ok = between.len() >= 2
        && between.len() <= 4
        && between[0] == ","
        && matches!(between[1], "a" | "an" | "the")
        && (p.end + 1..a.start).all(|k| s.is_word(k) && s.raw(k).chars().next().is_some_and(char::is_lowercase))
        && !p.possessive
        && s.raw(p.start).chars().next().is_some_and(char::is_uppercase)
        && p.end - p.start <= 4;
    ok.then_some(prev)
}

fn triggers_at(w: &str) -> bool {
    LEXICON.triggers.contains_key(w)
}

/// A one-word group that is only a country's adjective or plural ("Russians").
fn pure_demonym(s: &Sent, a: &Actor) -> bool {
    a.end - a.start == 1 && {
        let w = s.w(a.start);
        let w = w.strip_suffix('s').unwrap_or(w);
        matches!(LEXICON.country(w), Some((_, CountryWord::Demonym)))
    }
}

/// The date of an event: the value of the date or time expression in its sentence nearest to
/// the trigger. The flag is true when that date lies a year or more before the publication
/// date: the event is background ("annexed in 2014"), dated as such.
fn date_for(trigger: Span, sentence: Span, times: &[Time], pubdate: Option<&str>) -> (Option<String>, bool) {
    let mut best: Option<(usize, &str)> = None;
    for t in times {
        let [ts, te] = t.span;
        if ts < sentence.start || te > sentence.end || !matches!(t.kind, TimeType::DATE | TimeType::TIME) {
            continue;
        }
        let Some(v) = t.value.as_deref() else { continue };
        if !v.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            continue;
        }
        // Prefer expressions after the trigger (its adjuncts) over ones before it; far ones
        // belong to other clauses.
        let dist = if ts >= trigger.end { ts - trigger.end } else { trigger.start.saturating_sub(te) * 2 };
        if dist > 120 {
            continue;
        }
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, v));
        }
    }
    let Some((_, v)) = best else { return (None, false) };
    let v = v.split('T').next().unwrap_or(v).to_string();
    let background = pubdate.and_then(month_index).zip(month_index(&v)).is_some_and(|(p, d)| p - d >= 12);
    (Some(v), background)
}

/// Months since year 0 of an ISO date or year ("2014" counts as its last month, so that
/// a bare year is background only when the whole year lies a year back).
fn month_index(v: &str) -> Option<i32> {
    let y: i32 = v.get(..4)?.parse().ok()?;
    let m: i32 = v.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(12);
    Some(y * 12 + m - 1)
}

#[cfg(test)]
mod tests;
