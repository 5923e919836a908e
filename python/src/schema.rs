//! The Arrow form of the article record: one row per article, facts as list<struct>.
//! Field names are the contract's (shared/spec/README.md); spans are list<int64> of two.
//! The flattened per-fact tables (and the Parquet layout) are derived from this in
//! `newsgraph/tables.py`, so there is one definition of the shape.

use arrow::datatypes::{DataType, Field, Fields, Schema};
use std::sync::Arc;

fn s(name: &str) -> Field {
    Field::new(name, DataType::Utf8, true)
}
fn f64f(name: &str) -> Field {
    Field::new(name, DataType::Float64, true)
}
fn span(name: &str) -> Field {
    Field::new(name, DataType::List(Arc::new(Field::new("item", DataType::Int64, true))), true)
}
fn strings(name: &str) -> Field {
    Field::new(name, DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))), true)
}
fn list_of(name: &str, fields: Vec<Field>) -> Field {
    Field::new(name, DataType::List(Arc::new(Field::new("item", DataType::Struct(Fields::from(fields)), true))), true)
}

pub fn record_schema() -> Schema {
    let geo = Field::new(
        "geo",
        DataType::Struct(Fields::from(vec![f64f("lat"), f64f("lon"), s("country_code"), Field::new("geonames_id", DataType::Int64, true)])),
        true,
    );
    let mentions = Field::new("mentions", DataType::List(Arc::new(span("item"))), true);
    Schema::new(vec![
        s("id"),
        s("url"),
        s("title"),
        s("outlet"),
        s("date"),
        s("date_source"),
        s("lang"),
        s("text"),
        list_of("entities", vec![s("id"), s("type"), s("name"), strings("aliases"), strings("titles"), mentions, geo]),
        list_of(
            "quotes",
            vec![
                s("kind"),
                s("text"),
                span("span"),
                s("speaker"),
                s("speaker_text"),
                s("speaker_name"),
                span("speaker_span"),
                s("cue"),
                span("cue_span"),
                f64f("confidence"),
            ],
        ),
        list_of(
            "quantities",
            vec![
                f64f("value"),
                f64f("value_max"),
                s("approx"),
                s("text"),
                span("span"),
                s("what"),
                s("unit"),
                s("category"),
                s("location"),
                s("source"),
                s("source_text"),
                s("date"),
            ],
        ),
        list_of("times", vec![s("text"), span("span"), s("type"), s("value"), s("mod")]),
        list_of(
            "events",
            vec![
                s("type"),
                s("cameo"),
                s("text"),
                span("span"),
                s("source"),
                s("target"),
                s("source_text"),
                s("target_text"),
                s("location"),
                s("date"),
                s("status"),
            ],
        ),
    ])
}
