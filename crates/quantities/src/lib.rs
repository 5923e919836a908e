//! Quantities: counts and measures, each a claim with hedge, category, place and claimant.
//!
//! "The UN has confirmed 1,119 civilian deaths" becomes value 1119, approx exact, what
//! "civilian deaths", category killed, source the UN. The pipeline per sentence:
//! `number` reads number expressions, `scan` joins ranges and attaches unit, hedge, head and
//! category, `filter` drops what is not a quantity (years, dates, ages …), and `link` finds
//! the place and the claimant. Vocabulary lives in `lexicons/quantities/*.tsv`.

mod filter;
mod lexicon;
mod link;
mod number;
mod scan;
mod tokens;

use newsgraph_record::{Entity, Quantity, Quote, Time};
use newsgraph_text::Document;

/// Finds counted and measured quantities. The claimant comes from the reported speech a
/// quantity sits in (`quotes`), its place from `entities`, its date from `times`.
/// Spans are byte offsets.
pub fn recognise(doc: &Document, entities: &[Entity], quotes: &[Quote], times: &[Time]) -> Vec<Quantity> {
    let lower = doc.text.to_ascii_lowercase();
    let time_spans: Vec<[usize; 2]> = times.iter().map(|t| t.span).collect();
    let places = link::Places::new(entities);
    let mut out = Vec::new();
    // The last named claimant of the current paragraph, for "…, he said".
    let mut last_claimant: Option<(usize, link::Claimant)> = None;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let text = doc.slice(sentence.span);
        if !text.bytes().any(|b| b.is_ascii_digit()) && !has_number_word(&lower[sentence.span.start..sentence.span.end]) {
            remember_claimant(doc, &lower, sentence, si, entities, quotes, &mut last_claimant);
            continue;
        }
        let toks = tokens::sentence_tokens(doc, &lower, sentence);
        let found = scan::sentence(&toks, &doc.text, &time_spans);
        for f in found {
            let claimant = claimant(doc, &toks, sentence.paragraph, entities, quotes, &f, &last_claimant);
            let place = places.place(doc, &lower, si, f.start).map(|i| entities[i].id.clone());
            out.push(Quantity {
                value: Some(f.value),
                value_max: f.value_max,
                approx: f.approx,
                text: doc.text[f.start..f.end].to_string(),
                span: [f.start, f.end],
                what: f.what,
                unit: f.unit.map(str::to_string),
                category: f.category,
                location: place,
                source: claimant.entity,
                source_text: claimant.text,
            });
        }
        remember_claimant(doc, &lower, sentence, si, entities, quotes, &mut last_claimant);
    }
    out
}

/// A cheap pre-check: does the sentence hold a number word at all?
fn has_number_word(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_ascii_alphabetic() && c != '-')
        .any(|w| lexicon::LEXICON.numbers.contains_key(w) || number::word(w).is_some() || w.split('-').next().is_some_and(|a| number::word(a).is_some()))
}

/// Finds the claimant of one quantity.
fn claimant(
    doc: &Document,
    toks: &[tokens::Tok],
    paragraph: usize,
    entities: &[Entity],
    quotes: &[Quote],
    f: &scan::Found,
    last: &Option<(usize, link::Claimant)>,
) -> link::Claimant {
    if let Some(c) = link::from_quotes(quotes, f.start, f.end) {
        if !c.text.as_deref().is_some_and(|t| link::is_pronoun(&t.to_lowercase())) || c.entity.is_some() {
            return c;
        }
    }
    let Some((a, b)) = link::claimant_span(toks, f.lead, f.tail) else { return link::Claimant::default() };
    let (s, e) = link::name_in(toks, a, b);
    let text = &doc.text[s..e];
    if link::is_pronoun(&text.to_lowercase()) {
        // A quote whose speaker words are these may have resolved them.
        if let Some(q) = quotes.iter().find(|q| q.speaker_span.is_some_and(|sp| sp[0] < e && s < sp[1]) && (q.speaker.is_some() || q.speaker_name.is_some())) {
            return link::Claimant { entity: q.speaker.clone(), text: q.speaker_name.clone().or_else(|| q.speaker_text.clone()) };
        }
        return match last {
            Some((p, c)) if *p == paragraph => c.clone(),
            _ => link::Claimant { entity: None, text: Some(text.to_string()) },
        };
    }
    let entity = link::entity_for(entities, s, e, text).map(|i| entities[i].id.clone());
    link::Claimant { entity, text: Some(text.to_string()) }
}

/// Keeps the paragraph's last named claimant: a claim cue's subject or a quote's speaker.
fn remember_claimant(
    doc: &Document,
    lower: &str,
    sentence: &newsgraph_text::Sentence,
    _si: usize,
    entities: &[Entity],
    quotes: &[Quote],
    last: &mut Option<(usize, link::Claimant)>,
) {
    let span = sentence.span;
    // A named speaker of a quote in this sentence.
    for q in quotes.iter().filter(|q| q.speaker_span.is_some_and(|sp| span.start <= sp[0] && sp[1] <= span.end)) {
        if let Some(name) = q.speaker_name.clone().or_else(|| q.speaker_text.clone().filter(|t| !link::is_pronoun(&t.to_lowercase()))) {
            *last = Some((sentence.paragraph, link::Claimant { entity: q.speaker.clone(), text: Some(name) }));
        }
    }
    if quotes.iter().any(|q| q.speaker_span.is_some_and(|sp| span.start <= sp[0] && sp[1] <= span.end)) {
        return;
    }
    let toks = tokens::sentence_tokens(doc, lower, sentence);
    for (c, t) in toks.iter().enumerate() {
        if lexicon::LEXICON.cues.get(t.lower) == Some(&lexicon::CueFrame::Verb) {
            if let Some((a, b)) = link::claimant_span(&toks, c + 1, c + 1) {
                let (s, e) = link::name_in(&toks, a, b);
                let text = &doc.text[s..e];
                if !link::is_pronoun(&text.to_lowercase()) && toks[a..b].iter().any(|t| t.is_capitalised() && t.start >= s && !(t.start == span.start && t.lower == "the")) {
                    let entity = link::entity_for(entities, s, e, text).map(|i| entities[i].id.clone());
                    *last = Some((sentence.paragraph, link::Claimant { entity, text: Some(text.to_string()) }));
                }
            }
            break;
        }
    }
}
