//! The token view the quote grammar reads, and the speaker-phrase finder.
//!
//! There is no parser here: a speaker phrase is found from its edges. A subject runs back
//! from the speech verb (past auxiliaries and adverbs) to the start of its clause — the
//! sentence start, a clause word ("that", "but", "after"), or a comma not closing an
//! apposition ("The city’s mayor, Vadim Boichenko, said"). A speaker written after the verb
//! ("said Oleg Nikolenko") runs forward to the first preposition, clause word or punctuation.

use crate::lexicon::{self, Verb, Words as W, is};
use newsgraph_text::{Document, Span, TokenKind};

pub fn one_of(w: &str, set: &[&str]) -> bool {
    set.iter().any(|s| s.eq_ignore_ascii_case(w))
}

pub fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

pub fn is_quote_mark(w: &str) -> bool {
    matches!(w, "“" | "”" | "\"" | "„" | "«" | "»" | "‟" | "'" | "‘")
}

/// The document's tokens with their texts, sentences and quotation membership.
pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub words: Vec<&'a str>,
    /// Sentence index of each token.
    pub sent: Vec<usize>,
    /// Paragraph index of each token.
    pub para: Vec<usize>,
    /// Token lies inside a quoted stretch (marks included).
    pub quoted: Vec<bool>,
    /// Speech-verb tokens already used by an attribution.
    pub consumed: Vec<bool>,
    /// Per sentence: written in title case (a headline: "Obama Says Museum Will Tell …"),
    /// where a capitalised "Says" is still a verb.
    pub title_case: Vec<bool>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document, stretches: &[crate::marks::Stretch]) -> Self {
        let words: Vec<&str> = doc.tokens.iter().map(|t| &doc.text[t.span.start..t.span.end]).collect();
        let mut sent = vec![0; words.len()];
        let mut para = vec![0; words.len()];
        for (si, s) in doc.sentences.iter().enumerate() {
            for k in s.tokens.clone() {
                sent[k] = si;
                para[k] = s.paragraph;
            }
        }
        let mut quoted = vec![false; words.len()];
        for st in stretches {
            let a = doc.token_at_or_after(st.outer.start);
            let b = doc.token_at_or_after(st.outer.end);
            for q in quoted.iter_mut().take(b).skip(a) {
                *q = true;
            }
        }
        let consumed = vec![false; words.len()];
        let title_case = doc
            .sentences
            .iter()
            .map(|s| {
                let ws: Vec<&str> = s.tokens.clone().filter(|&k| doc.tokens[k].kind == TokenKind::Word).map(|k| words[k]).collect();
                let long = ws.iter().filter(|w| w.chars().count() > 3).count();
                let caps = ws.iter().filter(|w| w.chars().count() > 3 && is_cap(w)).count();
                long >= 3 && caps * 10 >= long * 8
            })
            .collect();
        Ctx { doc, words, sent, para, quoted, consumed, title_case }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind != TokenKind::Punct)
    }

    pub fn w(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// The speech verb at token `i`, if any (not inside a quotation).
    pub fn cue(&self, i: usize) -> Option<Verb> {
        if i >= self.len() || self.quoted[i] || !self.is_word(i) {
            return None;
        }
        // Only lower-case forms are verbs ("Says" opening a headline is allowed, "Mark" is not a verb here).
        let w = self.words[i];
        if is_cap(w) && !self.sentence_start(i) && !self.title_case[self.sent[i]] {
            return None;
        }
        let end = (i + 3).min(self.len());
        let verb = lexicon::speech_verb(&self.words[i..end])?;
        (!self.noun_here(i)).then_some(verb)
    }

    /// A speech-verb form that reads as a noun where it stands: any form after an article or
    /// possessive ("the state", "a report"); a form in "-s" as a plural noun: "Gulf states",
    /// "the reports", "its claims", "campaign-finance reports shows", "states that border
    /// Iran". The verb and the noun share the spelling, so the words around decide:
    /// - a determiner, possessive, number or preposition right before it (no verb stands there);
    /// - a finite verb right after it, which only a plural subject takes ("states have",
    ///   "reports say"), or "that" opening a relative clause ("states that border");
    /// - a capitalised modifier right before it ("Gulf", "Arab") and a word after it that only
    ///   follows a noun ("of", "and", "which"), so "Smith states that the plan failed" keeps
    ///   its verb.
    ///
    /// The last two apply only to forms listed as also being plural nouns ("states",
    /// "claims", "reports"), never to verbs only ("argues", "insists").
    fn noun_here(&self, i: usize) -> bool {
        let w = self.words[i];
        let first = self.sentence_first(i);
        let end = self.sentence_end(i);
        let prev = if i > first { self.words[i - 1] } else { "" };
        // "the state", "a report", "its warning", "the reported deaths": no verb follows an
        // article or a possessive. (Not "some", "two" or "many", which stand as subjects: "Some
        // said …".)
        if is(W::Article, prev) && !is_cap(w) {
            return true;
        }
        // "Trump’s claim that …", "the agency’s reports": after a possessive, a form that is
        // also a noun is one ("Clinton’s argued" keeps its verb: "’s" is "has" there).
        let possessive = prev.len() > 2 && (prev.ends_with("’s") || prev.ends_with("'s") || prev.ends_with("s’") || prev.ends_with("s'"));
        if possessive && !is_cap(w) && (is(W::NounLikeVerb, w) || is(W::NounLikeVerb, &format!("{w}s"))) {
            return true;
        }
        let plural = w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss") && !w.eq_ignore_ascii_case("says");
        if !plural {
            return false;
        }
        let next = if i + 1 < end { self.words[i + 1] } else { "" };
        let after_next = if i + 2 < end { self.words[i + 2] } else { "" };
        let after_number = i > first && self.doc.tokens[i - 1].kind == TokenKind::Number;
        if is(W::NounDeterminer, prev) || is(W::NounPreposition, prev) || after_number {
            return true;
        }
        // Only a form that is also a plural noun may be one here.
        if !is(W::NounLikeVerb, w) {
            return false;
        }
        // Verbs a plural subject takes: "states have", "reports say", "claims were", "states
        // warned", and "states that have …" (a relative clause).
        let finite = |n: &str| !is_cap(n) && (is(W::PluralSubjectVerb, n) || (n.len() > 4 && n.ends_with("ed") && lexicon::speech_verb(&[n]).is_some()));
        if finite(next) || (next.eq_ignore_ascii_case("that") && finite(after_next)) {
            return true;
        }
        // "Gulf states of the region", "Baltic states and Poland": a capitalised modifier and
        // a word only a noun takes after it. (Nothing weaker: "Clinton tweets criticizing …",
        // "…, The Wall Street Journal reports.", "Research shows that 36% …" are verbs after a
        // name.)
        is_cap(prev) && i - 1 > first && is(W::NounFollower, next)
    }

    /// True when token `i` is the first token of its sentence.
    pub fn sentence_start(&self, i: usize) -> bool {
        i == 0 || self.sent[i - 1] != self.sent[i]
    }

    /// First token index of the sentence holding token `i`.
    pub fn sentence_first(&self, i: usize) -> usize {
        self.doc.sentences.get(self.sent[i]).map_or(0, |s| s.tokens.start)
    }

    /// One past the last token of the sentence holding token `i`.
    pub fn sentence_end(&self, i: usize) -> usize {
        self.doc.sentences.get(self.sent[i]).map_or(self.len(), |s| s.tokens.end)
    }

    /// Byte span of tokens `[a, b)`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        let t = &self.doc.tokens;
        Span::new(t[a].span.start, t[b - 1].span.end)
    }

    /// Skips auxiliaries and adverbs leftwards from just before `i`; returns the new end.
    pub fn skip_aux_left(&self, mut end: usize, floor: usize) -> usize {
        while end > floor {
            let w = self.words[end - 1];
            let ly = w.len() > 4 && w.ends_with("ly") && !is_cap(w);
            // Lower case only: "Theresa May said" keeps its "May".
            if (is(W::AuxAdv, w) && !is_cap(w)) || ly {
                end -= 1;
            } else {
                break;
            }
        }
        end
    }

    /// The subject of the speech verb at `cue`: tokens `[start, end)` no earlier than `floor`.
    pub fn subject_before(&self, cue: usize, floor: usize) -> Option<(usize, usize)> {
        let floor = floor.max(self.sentence_first(cue).min(cue));
        let end = self.skip_aux_left(cue, floor);
        self.subject_ending_at(end, floor, 0)
    }

    fn subject_ending_at(&self, end: usize, floor: usize, depth: usize) -> Option<(usize, usize)> {
        let mut end = end;
        let mut commas = 0;
        if end > floor && self.words[end - 1] == "," {
            // "The city’s mayor, Vadim Boichenko, said": an apposition closes before the verb.
            end -= 1;
            commas = 1;
        }
        if end <= floor {
            return None;
        }
        let mut start = end;
        while start > floor {
            let k = start - 1;
            let w = self.words[k];
            if self.quoted[k] || is_quote_mark(w) {
                break;
            }
            if w == "," {
                let opener = self.words[start];
                let apposition = is_cap(opener)
                    || one_of(opener, &["a", "an", "the"])
                    || (start..end).any(|j| lexicon::is_speaker_noun(self.words[j]))
                    || (k > floor && is_cap(self.words[k - 1]));
                if commas == 1 && start < end && apposition {
                    commas = 2;
                    start -= 1;
                    continue;
                }
                break;
            }
            // "Sen. David Perdue (R-Ga.) said": a short bracket after a name.
            if w == ")" {
                if let Some(open) = (k.saturating_sub(8).max(floor)..k).rev().find(|&j| self.words[j] == "(")
                    && open > floor
                    && is_cap(self.words[open - 1])
                {
                    start = open;
                    continue;
                }
                break;
            }
            if !self.is_word(k) && !matches!(w, "’" | "'" | "-" | "." | "&") {
                break;
            }
            if (!is_cap(w) || self.sentence_start(k)) && is(W::ClauseWord, w) {
                // "Moscow and Kiev say": "and" between names belongs to the subject.
                let joins_names = matches!(w.to_ascii_lowercase().as_str(), "and" | "&") && k > floor && is_cap(self.words[k - 1]) && is_cap(self.words[start]);
                if !joins_names {
                    break;
                }
            }
            // Another speech verb ends the subject, unless it is as likely a plural noun
            // ("campaign-finance reports shows").
            if self.cue(k).is_some() && !is_cap(w) && !is(W::NounLikeVerb, w) {
                break;
            }
            start -= 1;
            if end - start > 14 {
                return None;
            }
        }
        // A subject only "closed" by the apposition comma we skipped has no head before it.
        if commas == 1 && start < end && self.words[start] == "," {
            start += 1;
        }
        while start < end && matches!(self.words[start].to_ascii_lowercase().as_str(), "both" | "but" | "and" | "however") {
            start += 1;
        }
        // "Hillary Clinton, at a later press gaggle, said": step over a parenthetical phrase.
        if depth == 0 && start > floor && start < end && self.words[start - 1] == "," && is(W::Parenthetical, self.words[start]) {
            return self.subject_ending_at(start - 1, floor, 1);
        }
        if start >= end {
            return None;
        }
        // "Later she said": a subject pronoun is the whole subject.
        if is(W::SubjectPronoun, self.words[end - 1]) {
            start = end - 1;
        }
        self.plausible_speaker(start, end).then_some((start, end))
    }

    /// The speaker written after its verb ("said Oleg Nikolenko", "said the adviser to …").
    pub fn speaker_after(&self, from: usize, apposition_ok: bool) -> Option<(usize, usize)> {
        // Bounded by the paragraph, not the sentence: the sentence splitter may cut after a
        // title abbreviation ("Del. Stacey Plaskett"); full stops end the phrase below.
        let para = self.para.get(from).copied();
        let mut stop = from;
        while stop < self.len() && stop < from + 60 && Some(self.para[stop]) == para {
            stop += 1;
        }
        let mut k = from;
        let mut commas = 0;
        while k < stop && k < from + 20 {
            let w = self.words[k];
            if self.quoted[k] || is_quote_mark(w) {
                break;
            }
            if w == "," && apposition_ok && k > from && one_of(self.words.get(k + 1).copied().unwrap_or(""), &["who", "whose"]) {
                // "said Luis Rubio, who heads the Center …": the relative clause describes him.
                commas = 1;
                k += 1;
                continue;
            }
            // "said Sen. David Perdue (R-Ga.)": a short bracket after a name.
            if w == "("
                && k > from
                && is_cap(self.words[k - 1])
                && let Some(close) = (k + 1..(k + 8).min(stop)).find(|&j| self.words[j] == ")")
            {
                k = close + 1;
                continue;
            }
            if w == "," {
                // Apposition: ", Vadim Denisenko" continues the phrase; ", adding" ends it.
                let next = self.words.get(k + 1).copied().unwrap_or("");
                let apposition = is_cap(next) || one_of(next, &["a", "an", "the"]) || lexicon::is_speaker_noun(next);
                if apposition_ok && commas == 0 && apposition && k > from {
                    commas += 1;
                    k += 1;
                    continue;
                }
                break;
            }
            // "Del. Stacey Plaskett": the full stop of a short title abbreviation.
            let title_stop = w == "."
                && k > from
                && is_cap(self.words[k - 1])
                && self.words[k - 1].len() <= 4
                && self.words.get(k + 1).is_some_and(|n| is_cap(n))
                && self.doc.tokens[k].span.start == self.doc.tokens[k - 1].span.end;
            if !self.is_word(k) && !matches!(w, "’" | "'" | "-" | "&") && !title_stop {
                break;
            }
            // "James Acton, a physicist who is co-director of …": a relative clause inside
            // an apposition that closes the sentence belongs to the speaker's description.
            if commas == 1 && one_of(w, &["who", "whose"]) {
                let mut j = k;
                while j < stop && !self.quoted[j] && !is_quote_mark(self.words[j]) && !matches!(self.words[j], "." | ";" | "?" | "!") {
                    j += 1;
                }
                if j - k <= 25 {
                    k = j;
                }
                break;
            }
            // "founder and CEO", "Smith and Jones": "and" joining names or titles stays.
            let joins = w == "and" && self.words.get(k + 1).is_some_and(|n| is_cap(n) || lexicon::is_speaker_noun(n));
            // Inside an apposition a place or employer belongs to it: "a scholar at the Center".
            let next = self.words.get(k + 1).copied().unwrap_or("");
            let in_apposition_pp = commas == 1
                && one_of(w, &["at", "in", "for", "with", "from", "on"])
                && (is_cap(next) || (one_of(next, &["the", "a"]) && self.words.get(k + 2).is_some_and(|n| is_cap(n))))
                && !is(W::Weekday, next)
                && !is(W::Weekday, self.words.get(k + 2).copied().unwrap_or(""));
            if k > from && !is_cap(w) && is(W::RightStop, w) && !(w == "to" || w == "of" || joins || in_apposition_pp) {
                break;
            }
            if k > from && self.cue(k).is_some() {
                break;
            }
            k += 1;
        }
        if k == from {
            return None;
        }
        // "to" and "of" were allowed inside ("adviser to the ministry"); never at the end.
        let mut end = k;
        while end > from && one_of(self.words[end - 1], &["to", "of", "the", "a", "an", "and"]) {
            end -= 1;
        }
        (end > from && self.plausible_speaker(from, end)).then_some((from, end))
    }

    /// A speaker phrase names someone: a pronoun, a capitalised name, or a speaker noun.
    pub fn plausible_speaker(&self, a: usize, b: usize) -> bool {
        // Never ends on a function word ("Trump took to Twitter overnight to"), never a lone
        // weekday, gerund or function word ("Tuesday", "Having", "To").
        let last = self.words[b - 1];
        if one_of(last, &["to", "of", "the", "a", "an", "and", "that", "for", "in", "on", "at", "with", "by"]) {
            return false;
        }
        if b - a == 1
            && (is(W::Weekday, last)
                || (last.ends_with("ing") && is_cap(last))
                || is(W::ClauseWord, last)
                || one_of(last, &["to", "of", "in", "on", "at", "for", "with", "by", "from"]))
        {
            return false;
        }
        if b - a == 1 && is(W::SubjectPronoun, self.words[a]) {
            return true;
        }
        let first = self.words[a];
        if !is_cap(first) && !first.starts_with(|c: char| c.is_ascii_digit()) && !is(W::SpeakerOpener, first) && !lexicon::is_speaker_noun(first) {
            return false;
        }
        // "The clip says", "The campaign says": a short determiner phrase.
        if b - a <= 4 && is(W::ShortDeterminer, first) && b - a >= 2 {
            return (a + 1..b).all(|k| self.is_word(k) || matches!(self.words[k], "’" | "'" | "-"));
        }
        (a..b).any(|k| {
            let w = self.words[k];
            (is_cap(w) && !(k == a && one_of(w, &["the", "a", "an"]))) || lexicon::is_speaker_noun(w)
        }) || (b - a <= 4 && self.words[b - 1].ends_with('s'))
    }

    /// True when an article-led noun phrase at `k` is the subject of a finite verb within
    /// three words ("the downgrade is", "its economy would"), before `stop`.
    fn opens_clause(&self, k: usize, stop: usize) -> bool {
        k < stop
            && is(W::Article, self.w(k))
            && (k + 2..(k + 5).min(stop)).take_while(|&j| self.is_word(j) && !self.quoted[j]).any(|j| is(W::FiniteAfterIt, self.w(j)))
    }

    /// The first clause-level break at or after `from` within the sentence: the clause's end.
    pub fn clause_end(&self, from: usize) -> usize {
        let stop = self.sentence_end(from.min(self.len().saturating_sub(1))).max(from);
        let mut k = from;
        while k < stop {
            let w = self.words[k];
            if !self.quoted[k] && matches!(w, ";" | "." | "?" | "!") {
                break;
            }
            if w == "," && k + 1 < stop {
                // The comma may sit inside a closing quotation mark: `you," though she noted`.
                let j = if is_quote_mark(self.words[k + 1]) && k + 2 < stop { k + 2 } else { k + 1 };
                let n = self.words[j];
                let lower = n.to_ascii_lowercase();
                let breaks = matches!(lower.as_str(), "but" | "while" | "although" | "though" | "whereas" | "even" | "just" | "according")
                    || (self.cue(j).is_some_and(|v| v.participle))
                    || ((lower == "he" || lower == "she" || lower == "they") && self.cue(j + 1).is_some())
                    // ", and he urged …": a new clause about someone.
                    || (lower == "and" && one_of(self.words.get(j + 1).copied().unwrap_or(""), &["he", "she", "they", "we", "i", "when"]))
                    // ", and the downgrade is casting …": a new clause with a subject of its own.
                    || (lower == "and" && self.opens_clause(j + 1, stop));
                if breaks {
                    break;
                }
            }
            // "… pneumonia and called it …", "… and Democrats accused …": a new speech act.
            if w == "and" && !self.quoted[k] && k > from + 2 && (k + 1..(k + 4).min(stop)).any(|j| self.cue(j).is_some_and(|v| !v.participle)) {
                break;
            }
            if !self.quoted[k] && matches!(w, "—" | "–") && k > from + 3 {
                break;
            }
            k += 1;
        }
        k
    }
}
