//! Parquet export (cargo feature `parquet`, off by default: the arrow and parquet crates
//! cost minutes of compile time that most builds do not need).
//!
//! One table per fact kind — articles, entities, quotes, claims, events — each partitioned
//! by the article date in Hive layout (`claims/date=2022-03-28/part-0.parquet`), which
//! Spark, DuckDB (`read_parquet('out/claims/*/*.parquet', hive_partitioning=true)`) and
//! BigQuery external tables read as a `date` column. Undated rows go to
//! `date=__HIVE_DEFAULT_PARTITION__`, Hive's name for a null partition.

use crate::{Error, Result, Store};
use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use rusqlite::types::ValueRef;
use std::path::Path;
use std::sync::Arc;

#[derive(Clone, Copy)]
enum Kind {
    Int,
    Float,
    Text,
}

struct Table {
    name: &'static str,
    /// Selects the partition date first, then the columns, ordered by date.
    sql: &'static str,
    cols: &'static [(&'static str, Kind)],
}

use Kind::{Float, Int, Text};

const TABLES: &[Table] = &[
    Table {
        name: "articles",
        sql: "SELECT a.date, a.id, a.ext_id, a.url, a.title, a.outlet, a.lang, a.cluster, a.similarity
              FROM article a ORDER BY a.date, a.id",
        cols: &[
            ("article_id", Int),
            ("ext_id", Text),
            ("url", Text),
            ("title", Text),
            ("outlet", Text),
            ("lang", Text),
            ("cluster", Int),
            ("similarity", Float),
        ],
    },
    Table {
        name: "entities",
        sql: "SELECT a.date, ae.article_id, ae.local_id, ae.entity_id, ae.name, ae.type, ae.titles, ae.mentions
              FROM article_entity ae JOIN article a ON a.id = ae.article_id ORDER BY a.date, ae.article_id",
        cols: &[("article_id", Int), ("local_id", Text), ("entity_id", Int), ("name", Text), ("type", Text), ("titles_json", Text), ("mentions", Int)],
    },
    Table {
        name: "quotes",
        sql: "SELECT a.date, q.id, q.article_id, q.kind, q.text, q.speaker_entity, q.speaker_name, q.speaker_text, q.cue,
                     q.confidence, q.span_start, q.span_end
              FROM quote q JOIN article a ON a.id = q.article_id ORDER BY a.date, q.id",
        cols: &[
            ("quote_id", Int),
            ("article_id", Int),
            ("kind", Text),
            ("text", Text),
            ("speaker_entity", Int),
            ("speaker_name", Text),
            ("speaker_text", Text),
            ("cue", Text),
            ("confidence", Float),
            ("span_start", Int),
            ("span_end", Int),
        ],
    },
    Table {
        name: "claims",
        sql: "SELECT a.date, c.id, m.article_id, c.category, c.value, c.value_max, c.approx, c.unit, c.what, c.location_entity,
                     c.location_text, c.claimant_entity, c.claimant_text, m.text, m.span_start, m.span_end, m.evidence
              FROM claim_mention m JOIN claim c ON c.id = m.claim_id JOIN article a ON a.id = m.article_id
              ORDER BY a.date, c.id",
        cols: &[
            ("claim_id", Int),
            ("article_id", Int),
            ("category", Text),
            ("value", Float),
            ("value_max", Float),
            ("approx", Text),
            ("unit", Text),
            ("what", Text),
            ("place_entity", Int),
            ("place_text", Text),
            ("claimant_entity", Int),
            ("claimant_text", Text),
            ("text", Text),
            ("span_start", Int),
            ("span_end", Int),
            ("evidence", Text),
        ],
    },
    Table {
        name: "events",
        sql: "SELECT a.date, ev.id, ev.article_id, ev.type, ev.cameo, ev.text, ev.source_entity, ev.target_entity, ev.source_text,
                     ev.target_text, ev.location_entity, ev.date, ev.status, ev.span_start, ev.span_end,
                     ev.claimant_entity, ev.claimant_text
              FROM event ev JOIN article a ON a.id = ev.article_id ORDER BY a.date, ev.id",
        cols: &[
            ("event_id", Int),
            ("article_id", Int),
            ("type", Text),
            ("cameo", Text),
            ("text", Text),
            ("source_entity", Int),
            ("target_entity", Int),
            ("source_text", Text),
            ("target_text", Text),
            ("place_entity", Int),
            ("event_date", Text),
            ("status", Text),
            ("span_start", Int),
            ("span_end", Int),
            ("claimant_entity", Int),
            ("claimant_text", Text),
        ],
    },
];

enum Builder {
    Int(Int64Builder),
    Float(Float64Builder),
    Text(StringBuilder),
}

impl Builder {
    fn new(k: Kind) -> Builder {
        match k {
            Int => Builder::Int(Int64Builder::new()),
            Float => Builder::Float(Float64Builder::new()),
            Text => Builder::Text(StringBuilder::new()),
        }
    }
    fn push(&mut self, v: ValueRef) {
        match (self, v) {
            (Builder::Int(b), ValueRef::Integer(i)) => b.append_value(i),
            (Builder::Float(b), ValueRef::Real(f)) => b.append_value(f),
            (Builder::Float(b), ValueRef::Integer(i)) => b.append_value(i as f64),
            (Builder::Text(b), ValueRef::Text(t)) => b.append_value(String::from_utf8_lossy(t)),
            (Builder::Int(b), _) => b.append_null(),
            (Builder::Float(b), _) => b.append_null(),
            (Builder::Text(b), _) => b.append_null(),
        }
    }
    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Float(b) => Arc::new(b.finish()),
            Builder::Text(b) => Arc::new(b.finish()),
        }
    }
}

fn pq_err(e: impl std::fmt::Display) -> Error {
    Error::Invalid(format!("parquet: {e}"))
}

/// Writes the five tables under `dir`. Returns the number of files written.
pub fn export_parquet(store: &Store, dir: &Path) -> Result<usize> {
    let mut files = 0;
    for t in TABLES {
        let schema = Arc::new(Schema::new(
            t.cols
                .iter()
                .map(|(n, k)| {
                    let dt = match k {
                        Int => DataType::Int64,
                        Float => DataType::Float64,
                        Text => DataType::Utf8,
                    };
                    Field::new(*n, dt, true)
                })
                .collect::<Vec<_>>(),
        ));
        // A layout-2 store opened read-only has no event claimant columns: exported empty.
        let sql = if store.events_have_claimant() { t.sql.into() } else { t.sql.replace("ev.claimant_entity, ev.claimant_text", "NULL, NULL") };
        let mut stmt = store.conn().prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut builders: Vec<Builder> = t.cols.iter().map(|(_, k)| Builder::new(*k)).collect();
        let mut current: Option<Option<String>> = None;
        let mut pending = 0usize;
        let flush = |date: &Option<String>, builders: &mut Vec<Builder>| -> Result<()> {
            let part = date.as_deref().map(partition_name).unwrap_or_else(|| "__HIVE_DEFAULT_PARTITION__".into());
            let out = dir.join(t.name).join(format!("date={part}"));
            std::fs::create_dir_all(&out)?;
            let batch = RecordBatch::try_new(schema.clone(), builders.iter_mut().map(Builder::finish).collect()).map_err(pq_err)?;
            let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
            let file = std::fs::File::create(out.join("part-0.parquet"))?;
            let mut w = ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(pq_err)?;
            w.write(&batch).map_err(pq_err)?;
            w.close().map_err(pq_err)?;
            Ok(())
        };
        while let Some(r) = rows.next()? {
            let date: Option<String> = r.get::<_, Option<String>>(0)?.map(|d| d.chars().take(10).collect());
            if current.as_ref().is_some_and(|c| *c != date) && pending > 0 {
                flush(current.as_ref().unwrap_or(&None), &mut builders)?;
                files += 1;
                pending = 0;
            }
            current = Some(date);
            for (i, b) in builders.iter_mut().enumerate() {
                b.push(r.get_ref(i + 1)?);
            }
            pending += 1;
        }
        if pending > 0 {
            flush(current.as_ref().unwrap_or(&None), &mut builders)?;
            files += 1;
        }
    }
    Ok(files)
}

/// A date as a safe directory name: `YYYY-MM-DD` kept, anything else reduced to digits and dashes.
fn partition_name(d: &str) -> String {
    let s: String = d.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect();
    if s.is_empty() { "__HIVE_DEFAULT_PARTITION__".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    #[test]
    fn every_table_is_written_and_readable() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path().join("p.db")).unwrap();
        let text = "The UN said 1,119 civilians had been killed in Ukraine, in a statement on Monday.".to_string();
        let mut r = newsgraph_record::Record { id: "a".into(), date: Some("2022-03-28".into()), ..Default::default() };
        r.entities.push(newsgraph_record::Entity {
            id: "e1".into(),
            kind: newsgraph_record::EntityType::GPE,
            name: "Ukraine".into(),
            aliases: vec![],
            titles: vec![],
            mentions: vec![[47, 54]],
            geo: None,
        });
        r.quantities.push(newsgraph_record::Quantity {
            value: Some(1119.0),
            value_max: None,
            approx: newsgraph_record::Approx::Exact,
            text: "1,119 civilians".into(),
            span: [12, 27],
            what: Some("civilians".into()),
            unit: None,
            category: newsgraph_record::Category::Killed,
            location: Some("e1".into()),
            source: None,
            source_text: Some("The UN".into()),
            date: None,
        });
        // An event told in someone's words: its claimant is exported with it.
        r.events.push(newsgraph_record::Event {
            kind: "ACCUSE".into(),
            cameo: Some("112".into()),
            text: Some("killed".into()),
            span: [39, 45],
            source: None,
            target: None,
            source_text: None,
            target_text: None,
            location: None,
            date: None,
            status: newsgraph_record::EventStatus::Reported,
            claimant: Some("e1".into()),
        });
        s.ingest(&[crate::Input::new(r, text)]).unwrap();
        let out = dir.path().join("out");
        assert_eq!(export_parquet(&s, &out).unwrap(), 4, "articles, entities, claims, events have rows");
        let f = std::fs::File::open(out.join("events/date=2022-03-28/part-0.parquet")).unwrap();
        let events = SerializedFileReader::new(f).unwrap();
        let schema = events.metadata().file_metadata().schema_descr();
        let names: Vec<String> = (0..schema.num_columns()).map(|i| schema.column(i).name().to_string()).collect();
        assert_eq!(&names[names.len() - 2..], ["claimant_entity", "claimant_text"]);
        let row = events.get_row_iter(None).unwrap().next().unwrap().unwrap();
        assert!(row.to_string().contains("claimant_text: \"Ukraine\""), "{row}");
        let f = std::fs::File::open(out.join("claims/date=2022-03-28/part-0.parquet")).unwrap();
        let reader = SerializedFileReader::new(f).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 1);
        assert_eq!(reader.metadata().file_metadata().schema_descr().num_columns(), 16);
        assert_eq!(partition_name("2022-03-28"), "2022-03-28");
        assert_eq!(partition_name("../x"), "__HIVE_DEFAULT_PARTITION__");
    }
}
