//! Status of an event from the words around its trigger: negated ("have not agreed",
//! "refused to"), hypothetical ("if", "could"), planned ("preparing for", "due to", "will").
//!
//! Cues are read in the trigger's clause: from the end of its subject (or a few words back)
//! up to the trigger, and for a noun trigger also the few words after it ("talks are due to
//! take place"). A clause opened by "if" or "unless" earlier in the sentence makes the event
//! hypothetical. Negation outranks hypothesis, which outranks plans.

use newsgraph_record::EventStatus;

use crate::actors::{Actor, Sent};
use crate::lexicon::{Cue, LEXICON};
use crate::roles::Roles;
use crate::triggers::Found;

fn cue_at(s: &Sent, i: usize) -> Option<(usize, Cue)> {
    let list = LEXICON.cues.get(s.w(i))?;
    list.iter().find(|(words, _)| s.matches(i, words)).map(|(w, c)| (w.len(), *c))
}

fn scan(s: &Sent, from: usize, to: usize, found: &mut [bool; 3]) {
    let mut i = from;
    while i < to.min(s.len()) {
        if let Some((n, c)) = cue_at(s, i) {
            found[c as usize] = true;
            i += n;
        } else {
            i += 1;
        }
    }
}

pub fn of(s: &Sent, _actors: &[Actor], r: &Roles, f: &Found) -> EventStatus {
    let mut found = [false; 3];
    let from = r.clause_start.min(f.start).max(f.start.saturating_sub(8));
    scan(s, from, f.start, &mut found);
    if f.noun {
        let mut to = f.end;
        while to < s.len() && to < f.end + 6 && !matches!(s.w(to), "," | ";" | "." | "but" | "which") {
            to += 1;
        }
        scan(s, f.end, to, &mut found);
    }
    // A conditional clause earlier in the sentence.
    let conditional = (0..f.start).any(|k| matches!(s.w(k), "if" | "unless")) && !(0..f.start).any(|k| s.w(k) == ";");
    if found[Cue::Neg as usize] {
        EventStatus::Negated
    } else if found[Cue::Hyp as usize] || conditional {
        EventStatus::Hypothetical
    } else if found[Cue::Plan as usize] {
        EventStatus::Planned
    } else {
        EventStatus::Reported
    }
}
