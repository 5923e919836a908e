//! Quantities: counts and measures, each a claim with hedge, category, place and claimant.
//!
//! "The UN has confirmed 1,119 civilian deaths" becomes value 1119, approx exact, what
//! "civilian deaths", category killed, source the UN. The pipeline per sentence:
//! `number` reads number expressions, `scan` joins ranges and attaches unit, hedge, head and
//! category, `filter` drops what is not a quantity (years, dates, ages …), and `link` finds
//! the place and the claimant. Vocabulary lives in `lexicons/quantities/*.tsv`.

mod filter;
mod index;
mod lexicon;
mod link;
mod number;
mod numeral;
mod scan;
mod tokens;

use newsgraph_record::{Entity, Quantity, Quote, Time};
use newsgraph_text::Document;

/// Finds counted and measured quantities. The claimant comes from the reported speech a
/// quantity sits in (`quotes`), its place from `entities`, its date from `times`.
/// Spans are byte offsets.
pub fn recognise(doc: &Document, entities: &[Entity], quotes: &[Quote], times: &[Time]) -> Vec<Quantity> {
    let lower = doc.text.to_ascii_lowercase();
    // By start, so that each sentence hands the filter only the times that reach into it.
    let mut time_spans: Vec<[usize; 2]> = times.iter().map(|t| t.span).collect();
    time_spans.sort_unstable();
    let places = link::Places::new(entities);
    let layers = Layers::new(entities, quotes);
    let mut out = Vec::new();
    // The last named claimant and its sentence, for "…, he said".
    let mut last_claimant: Option<(usize, link::Claimant)> = None;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let text = doc.slice(sentence.span);
        let vulgar = text.chars().any(|c| matches!(c, '¼'..='¾' | '⅐'..='⅞'));
        if !vulgar
            && !text.bytes().any(|b| b.is_ascii_digit())
            && !numeral::has_other_digits(text)
            && !has_number_word(&lower[sentence.span.start..sentence.span.end])
        {
            remember_claimant(doc, &lower, sentence, si, &layers, &mut last_claimant);
            continue;
        }
        let toks = tokens::sentence_tokens(doc, &lower, sentence);
        let found = scan::sentence(&toks, &doc.text, times_in(&time_spans, sentence.span.start, sentence.span.end));
        let links = web_addresses(text, sentence.span.start);
        for f in found {
            // Digits inside a web address ("?id=305&q=30%25") count nothing.
            if links.iter().any(|&(a, b)| a <= f.start && f.start < b) {
                continue;
            }
            let claimant = claimant(doc, &toks, si, &layers, &f, &last_claimant);
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
                // Dated by the engine, which holds the time layer and the publication date.
                date: None,
            });
        }
        remember_claimant(doc, &lower, sentence, si, &layers, &mut last_claimant);
    }
    out
}

/// The entity and quote layers, indexed once per article so that each quantity and sentence
/// looks only at the quotes and mentions around it (see `index`).
struct Layers<'a> {
    entities: &'a [Entity],
    quotes: &'a [Quote],
    /// Quote contents, tagged with the quote's index.
    contents: index::Spans,
    /// Speaker phrases, tagged with the quote's index.
    speakers: index::Spans,
    names: link::EntityIndex,
}

impl<'a> Layers<'a> {
    fn new(entities: &'a [Entity], quotes: &'a [Quote]) -> Self {
        Layers {
            entities,
            quotes,
            contents: index::Spans::new(quotes.iter().enumerate().map(|(i, q)| (q.span[0], q.span[1], i))),
            speakers: index::Spans::new(quotes.iter().enumerate().filter_map(|(i, q)| q.speaker_span.map(|sp| (sp[0], sp[1], i)))),
            names: link::EntityIndex::new(entities),
        }
    }

    /// The id of the entity named at `[s, e)` by `text`.
    fn entity_id(&self, s: usize, e: usize, text: &str) -> Option<String> {
        self.names.find(s, e, text).map(|i| self.entities[i].id.clone())
    }
}

/// The time spans (sorted by start) that reach into `[start, end)`: the rest cannot touch a
/// number there, and handing every time of a huge article to every sentence was quadratic.
fn times_in(spans: &[[usize; 2]], start: usize, end: usize) -> &[[usize; 2]] {
    let hi = spans.partition_point(|t| t[0] < end);
    let mut lo = spans[..hi].partition_point(|t| t[0] < start);
    // A time starting before the sentence and running into it (rare, bounded by overlaps).
    while lo > 0 && spans[lo - 1][1] > start {
        lo -= 1;
    }
    &spans[lo..hi]
}

/// Byte ranges of web and e-mail addresses in `text` (which starts at byte `offset`).
fn web_addresses(text: &str, offset: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for word in text.split_whitespace() {
        let at = text[pos..].find(word).map_or(pos, |i| pos + i);
        pos = at + word.len();
        let w = word.to_ascii_lowercase();
        if w.contains("://") || w.starts_with("www.") || (w.contains('@') && w.contains('.')) {
            out.push((offset + at, offset + pos));
        }
    }
    out
}

/// A cheap pre-check: does the sentence hold a number word at all?
fn has_number_word(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_ascii_alphabetic() && c != '-')
        .any(|w| lexicon::LEXICON.numbers.contains_key(w) || number::word(w).is_some() || w.split('-').next().is_some_and(|a| number::word(a).is_some()))
}

/// How many sentences back a pronoun or "the data" may find its named claimant (news
/// paragraphs are often one sentence long, so "…, he said" may open a new paragraph).
const CARRY_SENTENCES: usize = 3;

/// Finds the claimant of one quantity.
fn claimant(doc: &Document, toks: &[tokens::Tok], sentence: usize, layers: &Layers, f: &scan::Found, last: &Option<(usize, link::Claimant)>) -> link::Claimant {
    let carried = |fallback: &str| match last {
        Some((si, c)) if sentence - si <= CARRY_SENTENCES => c.clone(),
        _ => link::Claimant { entity: None, text: Some(fallback.to_string()) },
    };
    if let Some(c) = link::from_quotes(layers.quotes, &layers.contents, f.start, f.end) {
        let text = c.text.as_deref().unwrap_or("");
        let lower = text.to_lowercase();
        // "According to the data": an unnamed document stands for the last named claimant.
        let document = !text.chars().any(char::is_uppercase) && lower.rsplit(' ').next().is_some_and(|w| lexicon::LEXICON.is("claim_noun", w));
        if c.entity.is_none() && (link::is_pronoun(&lower) || document) {
            if document {
                return carried(text);
            }
        } else {
            return c;
        }
    }
    let span = link::claimant_span(toks, f.lead, f.tail).or_else(|| link::owner_of_claim_noun(toks, f.lead));
    let Some((a, b)) = span else { return link::Claimant::default() };
    let (s, e) = link::name_in(toks, a, b);
    let text = &doc.text[s..e];
    if link::is_pronoun(&text.to_lowercase()) {
        // A quote whose speaker words are these may have resolved them.
        let named = layers.speakers.overlapping(s, e).filter(|&i| layers.quotes[i].speaker.is_some() || layers.quotes[i].speaker_name.is_some()).min();
        if let Some(q) = named.map(|i| &layers.quotes[i]) {
            return link::Claimant { entity: q.speaker.clone(), text: q.speaker_name.clone().or_else(|| q.speaker_text.clone()) };
        }
        return carried(text);
    }
    // "according to the data": a document standing for the last named claimant.
    let unnamed = !toks[a..b].iter().any(|t| t.is_capitalised() && t.start > toks[0].start);
    if unnamed && toks[b - 1].is_word() && lexicon::LEXICON.is("claim_noun", toks[b - 1].lower) {
        return carried(text);
    }
    let entity = layers.entity_id(s, e, text);
    link::Claimant { entity, text: Some(text.to_string()) }
}

/// Keeps the paragraph's last named claimant: a claim cue's subject or a quote's speaker.
fn remember_claimant(doc: &Document, lower: &str, sentence: &newsgraph_text::Sentence, si: usize, layers: &Layers, last: &mut Option<(usize, link::Claimant)>) {
    let span = sentence.span;
    // A named speaker of a quote in this sentence (the last one in quote order).
    let mut here: Vec<usize> = layers.speakers.within(span.start, span.end).collect();
    if !here.is_empty() {
        here.sort_unstable();
        for q in here.iter().map(|&i| &layers.quotes[i]) {
            if let Some(name) = q.speaker_name.clone().or_else(|| q.speaker_text.clone().filter(|t| !link::is_pronoun(&t.to_lowercase()))) {
                *last = Some((si, link::Claimant { entity: q.speaker.clone(), text: Some(name) }));
            }
        }
        return;
    }
    let toks = tokens::sentence_tokens(doc, lower, sentence);
    for (c, t) in toks.iter().enumerate() {
        let _ = t;
        if link::is_verb_cue(&toks, c) {
            if let Some((a, b)) = link::claimant_span(&toks, c + 1, c + 1) {
                let (s, e) = link::name_in(&toks, a, b);
                let text = &doc.text[s..e];
                if !link::is_pronoun(&text.to_lowercase())
                    && toks[a..b].iter().any(|t| t.is_capitalised() && t.start >= s && !(t.start == span.start && t.lower == "the"))
                {
                    let entity = layers.entity_id(s, e, text);
                    *last = Some((si, link::Claimant { entity, text: Some(text.to_string()) }));
                }
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_record::{Approx, Category, EntityType, QuoteKind};

    fn entity(id: &str, kind: EntityType, name: &str, text: &str) -> Entity {
        let mentions = text.match_indices(name).map(|(i, m)| [i, i + m.len()]).collect();
        Entity { id: id.into(), kind, name: name.into(), aliases: vec![], titles: vec![], mentions, geo: None }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            " ",
            "1",
            "-",
            "$",
            "between",
            "between 5 and",
            "1,",
            "1,000,",
            "½ ⅔",
            "3 hundred and 2 hundred are two",
            "more than 40 and less than 10, less than 10 and more than 40",
            "5 - - 6",
            "1.1^--23",
            "+1-222-2222/2222",
            "café 10 😀 million",
            "a a a half half",
            "tens of of thousands",
            "(800) 273-8255",
            "12,34,567.89",
            "$99(",
            "20/2030 and",
            "10 000 000 000 000 000 000 000 000 000",
            "99999999999999999999999999999999999",
            "from 5 to",
            "2 1/",
            "a quarter",
            "one and a",
            "US$",
            "18- to",
            "£",
            "the 1990s 5G 3D 28th",
            "1\u{301},000\u{308} \u{301}5 ,\u{301}1 \u{661}\u{66C} \u{66C}\u{661} 1\u{661} \u{ff11}² ²1 1²²",
        ] {
            let doc = Document::new(t);
            let q = recognise(&doc, &[], &[], &[]);
            for x in q {
                assert!(x.span[0] <= x.span[1] && x.span[1] <= t.len());
                assert!(t.is_char_boundary(x.span[0]) && t.is_char_boundary(x.span[1]));
            }
        }
    }

    #[test]
    fn links_place_and_claimant_from_layers() {
        let text = "The city’s mayor, Vadim Boichenko, said 160,000 civilians were trapped there. \
                    Twenty-six buses are waiting, he said. We need to evacuate Mariupol.\n\
                    The UN has confirmed 1,119 civilian deaths across Ukraine.";
        let doc = Document::new(text);
        let entities = vec![
            entity("e1", EntityType::PERSON, "Vadim Boichenko", text),
            entity("e2", EntityType::GPE, "Mariupol", text),
            entity("e3", EntityType::GPE, "Ukraine", text),
            entity("e4", EntityType::ORG, "UN", text),
        ];
        let content = text.find("160,000").unwrap();
        let quote = Quote {
            kind: QuoteKind::Indirect,
            text: "160,000 civilians were trapped there".into(),
            span: [content, content + "160,000 civilians were trapped there".len()],
            speaker: Some("e1".into()),
            speaker_text: Some("Vadim Boichenko".into()),
            speaker_name: Some("Vadim Boichenko".into()),
            speaker_span: Some([text.find("Vadim").unwrap(), text.find("Vadim").unwrap() + 15]),
            cue: Some("said".into()),
            cue_span: None,
            confidence: None,
        };
        let q = recognise(&doc, &entities, &[quote], &[]);
        assert_eq!(q.len(), 3, "{q:?}");
        // In reported speech: the quote's speaker; the place from the paragraph.
        assert_eq!((q[0].source.as_deref(), q[0].location.as_deref(), q[0].category), (Some("e1"), Some("e2"), Category::Trapped));
        // ", he said": the paragraph's last named claimant.
        assert_eq!((q[1].value, q[1].source.as_deref()), (Some(26.0), Some("e1")));
        // The subject of a claim verb, resolved to its entity; the place in the sentence.
        assert_eq!((q[2].source.as_deref(), q[2].source_text.as_deref(), q[2].location.as_deref()), (Some("e4"), Some("The UN"), Some("e3")));
        assert_eq!(q[2].approx, Approx::Exact);
    }

    #[test]
    fn each_sentence_gets_the_times_reaching_into_it() {
        let spans = [[0, 5], [8, 12], [18, 25], [30, 31], [40, 44]];
        assert_eq!(times_in(&spans, 10, 30), &[[8, 12], [18, 25]]);
        assert_eq!(times_in(&spans, 26, 29), &[] as &[[usize; 2]]);
        assert_eq!(times_in(&spans, 0, 100).len(), 5);
        assert_eq!(times_in(&[], 0, 10).len(), 0);
    }

    #[test]
    fn web_addresses_hold_no_quantities() {
        let text = "See https://www.test.com/search?q=30%25%2020% for 12 results.";
        let q = recognise(&Document::new(text), &[], &[], &[]);
        assert_eq!(q.iter().map(|x| x.value).collect::<Vec<_>>(), vec![Some(12.0)]);
    }

    #[test]
    fn document_speakers_point_back() {
        let text = "The State Department said that 98 percent are Sunni Muslims.\nAccording to the data, Christians make up 1 percent.";
        let doc = Document::new(text);
        let at = text.find("Christians").unwrap();
        let quote = Quote {
            kind: QuoteKind::Indirect,
            text: "Christians make up 1 percent".into(),
            span: [at, at + "Christians make up 1 percent".len()],
            speaker: None,
            speaker_text: Some("the data".into()),
            speaker_name: None,
            speaker_span: None,
            cue: Some("According to".into()),
            cue_span: None,
            confidence: None,
        };
        let q = recognise(&doc, &[], &[quote], &[]);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].source_text.as_deref(), Some("The State Department"));
    }

    #[test]
    fn claims_written_as_nouns_and_documents() {
        let text = "Growth is slowing in emerging economies, the IMF said. It edged up its forecast for those \
                    countries by 0.1 percentage points to 4.2 percent.\nAccording to the data, 98 percent are Sunni.";
        let doc = Document::new(text);
        let q = recognise(&doc, &[], &[], &[]);
        assert_eq!(q.len(), 3, "{q:?}");
        for x in &q {
            assert!(x.source_text.as_deref().is_some_and(|t| t.ends_with("IMF")), "{x:?}");
        }
        assert_eq!((q[1].value, q[1].unit.as_deref(), q[1].value_max), (Some(4.2), Some("percent"), None));
    }

    #[test]
    fn time_layer_and_fallbacks() {
        let text = "Officials said 12 people died in two weeks. According to the ministry, about 300 were hurt.";
        let doc = Document::new(text);
        let at = text.find("two weeks").unwrap();
        let times =
            vec![Time { text: "two weeks".into(), span: [at, at + 9], kind: newsgraph_record::TimeType::DURATION, value: Some("P2W".into()), modifier: None }];
        let q = recognise(&doc, &[], &[], &times);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].value, q[0].category, q[0].source_text.as_deref()), (Some(12.0), Category::Killed, Some("Officials")));
        assert_eq!(
            (q[1].value, q[1].approx, q[1].category, q[1].source_text.as_deref()),
            (Some(300.0), Approx::About, Category::Injured, Some("the ministry"))
        );
    }
}
