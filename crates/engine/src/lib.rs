//! newsgraph's engine: one article in, one [`Record`] out.
//!
//! The order of the stages is written once, in [`analyse`]: the text layer first, then
//! times and entities (which need nothing but the text), quotes (which need entities for
//! their speakers), and quantities and events (which need all three). Each recogniser is a
//! function of the layers before it; nothing reaches back.

pub mod batch;

pub use newsgraph_ingest as ingest;
pub use newsgraph_record as record;
pub use newsgraph_text as text;

use newsgraph_ingest::Article;
use newsgraph_record::{DateSource, Record};
use newsgraph_text::{Document, OffsetMap};

/// Runs every recogniser over one prepared article and returns its record, with spans in
/// code points as the contract requires.
pub fn analyse(article: Article) -> Record {
    let doc = Document::new(article.text);
    let meta_date = article.meta.date.as_deref().and_then(|d| d.parse::<newsgraph_times::Date>().ok());
    let (date, date_source) = match meta_date {
        Some(d) => (Some(d), DateSource::Metadata),
        None => match newsgraph_times::infer_publication_date(&doc) {
            Some(d) => (Some(d), DateSource::Inferred),
            None => (None, DateSource::None),
        },
    };
    let date_str = date.map(|d| d.to_string());

    let times = newsgraph_times::recognise(&doc, date);
    let entities = newsgraph_entities::recognise(&doc);
    let quotes = newsgraph_quotes::recognise(&doc, &entities);
    let mut quantities = newsgraph_quantities::recognise(&doc, &entities, &quotes, &times);
    date_quantities(&doc, &times, date_str.as_deref(), &mut quantities);
    let events = newsgraph_events::recognise(&doc, &entities, &quotes, &times, date_str.as_deref());

    let mut record = Record {
        id: article.id,
        url: article.meta.url,
        title: article.meta.title,
        outlet: article.meta.outlet,
        date: date_str,
        date_source,
        lang: Some(article.meta.lang.unwrap_or_else(|| "en".into())),
        text: None,
        entities,
        quotes,
        quantities,
        times,
        events,
    };
    let map = OffsetMap::new(&doc.text);
    record.convert_spans(|[s, e]| map.span_to_chars(s, e));
    if article.extracted {
        record.text = Some(doc.text);
    }
    record
}

/// Dates each quantity: the nearest dated time expression in its sentence ("on Sunday",
/// "in 2014"), as a day when it names one, else the publication date, the day the claim
/// was made. Runs before spans become code points (all spans here are bytes).
fn date_quantities(doc: &Document, times: &[newsgraph_record::Time], published: Option<&str>, quantities: &mut [newsgraph_record::Quantity]) {
    for q in quantities {
        let span = newsgraph_text::Span::new(q.span[0], q.span[1]);
        let near = newsgraph_times::nearest_date(doc, times, span).and_then(|t| t.value.as_deref());
        q.date = match near {
            Some(v) => Some(newsgraph_times::value_day(v).map_or_else(|| v.to_string(), |d| d.to_string())),
            None => published.map(str::to_string),
        };
    }
}

/// Analyses a text given directly (the paste view, the Python binding).
pub fn analyse_text(id: &str, text: &str, date: Option<&str>) -> Record {
    let meta = newsgraph_ingest::Meta { date: date.and_then(newsgraph_ingest::normalise_date), ..Default::default() };
    analyse(Article { id: id.into(), text: text.into(), extracted: false, meta, location: Default::default() })
}
