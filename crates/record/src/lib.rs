//! The article record: newsgraph's output contract (`shared/spec/README.md`).
//!
//! These types serialise exactly to the contract's JSON. While a record is inside the
//! engine its spans are *byte* offsets into the article text; the engine converts them to
//! code points once, with [`Record::convert_spans`], just before the record leaves it.
//! Fields beyond the contract are allowed by the spec and are added with care.

use serde::{Deserialize, Serialize};

/// A `[start, end)` range of the article text.
pub type Span = [usize; 2];

/// How the record's `date` was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// From the input's metadata (a JSON field, a `<meta>` tag, a feed's pubDate, WARC-Date).
    Metadata,
    /// Inferred from the text (a dateline, "Monday (28)", the latest dated reference).
    Inferred,
    /// Unknown.
    #[default]
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Record {
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub date_source: DateSource,
    pub lang: Option<String>,
    /// The text the spans index into, when it is not the input text itself (HTML, WARC, feeds).
    pub text: Option<String>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
    pub times: Vec<Time>,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    PERSON,
    ORG,
    GPE,
    LOC,
    NORP,
    FAC,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::PERSON => "PERSON",
            EntityType::ORG => "ORG",
            EntityType::GPE => "GPE",
            EntityType::LOC => "LOC",
            EntityType::NORP => "NORP",
            EntityType::FAC => "FAC",
        }
    }
}

/// One real-world referent of the article, with every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The fullest form used in the article.
    pub name: String,
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    /// Names and resolved pronouns.
    pub mentions: Vec<Span>,
    pub geo: Option<Geo>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    pub lat: f64,
    pub lon: f64,
    pub country_code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    pub text: String,
    pub span: Span,
    /// Entity id of the speaker, when it is a named entity.
    pub speaker: Option<String>,
    /// The words naming the speaker here ("he", "A senior Turkish official").
    pub speaker_text: Option<String>,
    /// The speaker's fullest name, when known.
    pub speaker_name: Option<String>,
    pub speaker_span: Option<Span>,
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    pub confidence: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    Exact,
    About,
    AtLeast,
    AtMost,
    MoreThan,
    LessThan,
    Nearly,
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Killed,
    Injured,
    Displaced,
    Trapped,
    Evacuated,
    Arrested,
    Missing,
    Affected,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: Option<f64>,
    pub value_max: Option<f64>,
    pub approx: Approx,
    pub text: String,
    pub span: Span,
    pub what: Option<String>,
    pub unit: Option<String>,
    pub category: Category,
    pub location: Option<String>,
    pub source: Option<String>,
    pub source_text: Option<String>,
    /// The day the count refers to: the nearest dated time expression in its sentence,
    /// else the publication date (an addition to the contract; absent in older records).
    #[serde(default)]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeType {
    DATE,
    TIME,
    DURATION,
    SET,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Time {
    pub text: String,
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimeType,
    /// TIMEX3 value: `2022-03-27TNI`, `P4W`, `2014`, `PAST_REF`…
    pub value: Option<String>,
    /// TIMEX3 mod: `MORE_THAN`, `APPROX`, `START`…
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    Reported,
    Planned,
    Negated,
    Hypothetical,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// PLOVER event type (AGREE, CONSULT, …).
    #[serde(rename = "type")]
    pub kind: String,
    pub cameo: Option<String>,
    pub text: Option<String>,
    pub span: Span,
    pub source: Option<String>,
    pub target: Option<String>,
    pub source_text: Option<String>,
    pub target_text: Option<String>,
    pub location: Option<String>,
    pub date: Option<String>,
    pub status: EventStatus,
    /// Entity id of the speaker of the quotation the event is reported in: the event is
    /// that speaker's claim, not the article's own report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
}

impl Record {
    /// Applies `f` to every span in the record (mentions, quotes, quantities, times,
    /// events). The engine uses it once to turn byte offsets into code points.
    pub fn convert_spans(&mut self, f: impl Fn(Span) -> Span) {
        for e in &mut self.entities {
            for m in &mut e.mentions {
                *m = f(*m);
            }
        }
        for q in &mut self.quotes {
            q.span = f(q.span);
            q.speaker_span = q.speaker_span.map(&f);
            q.cue_span = q.cue_span.map(&f);
        }
        for q in &mut self.quantities {
            q.span = f(q.span);
        }
        for t in &mut self.times {
            t.span = f(t.span);
        }
        for e in &mut self.events {
            e.span = f(e.span);
        }
    }
}
