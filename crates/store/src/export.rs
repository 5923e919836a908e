//! Exports for other tools: JSON Lines (one record per article, as the engine wrote it,
//! plus what the corpus adds) and GDELT Global Knowledge Graph 2.1 TSV, so GDELT tooling
//! reads newsgraph's output.
//!
//! GKG 2.1 (codebook of 2015-02-19): 27 tab-separated columns, no header. What newsgraph
//! has no measure of is left empty rather than invented: themes, tone, GCAM, images,
//! translation info. Deviations a GKG reader should know:
//! - counts use GDELT's count types where our categories have one (killed → KILL,
//!   injured → WOUND, arrested → ARREST, displaced/evacuated → DISPLACED, affected, trapped
//!   and missing → AFFECT); `other` figures appear only under Amounts;
//! - location country codes are ISO 3166 alpha-2 as the record carries them (GDELT uses
//!   FIPS 10-4), the location type is 4 (world city) for every place, and the feature id is
//!   the GeoNames id;
//! - offsets are code points into the stored text.

use crate::query::day_number;
use crate::{Error, Result, Store};
use newsgraph_record::{EntityType, Record, TimeType};
use rusqlite::params;
use std::collections::HashMap;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Jsonl,
    Gkg,
}

/// Writes every article dated within `[from, to]` (all when both are `None`), in store
/// order. Returns the number of articles written.
pub fn export(store: &Store, kind: ExportKind, from: Option<&str>, to: Option<&str>, out: &mut dyn Write) -> Result<u64> {
    let conn = store.conn();
    let mut stmt = conn.prepare(
        "SELECT id, cluster, record, text, text_in_record, url, outlet, date, ingested_at, title FROM article
         WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2 || '~') ORDER BY id",
    )?;
    let mut ents = conn.prepare_cached("SELECT local_id, entity_id FROM article_entity WHERE article_id = ?1")?;
    let mut rows = stmt.query(params![from, to])?;
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let cluster: i64 = r.get(1)?;
        let record_json: String = r.get(2)?;
        let text: String = r.get(3)?;
        let text_in_record: bool = r.get(4)?;
        let local: HashMap<String, i64> = ents.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        match kind {
            ExportKind::Jsonl => {
                let mut v: serde_json::Value = serde_json::from_str(&record_json).map_err(|e| Error::Invalid(format!("stored record {id}: {e}")))?;
                if let Some(obj) = v.as_object_mut() {
                    if text_in_record {
                        obj.insert("text".into(), text.into());
                    }
                    obj.insert("corpus".into(), serde_json::json!({"article": id, "cluster": cluster, "entities": local}));
                }
                writeln!(out, "{v}")?;
            }
            ExportKind::Gkg => {
                let record: Record = serde_json::from_str(&record_json).map_err(|e| Error::Invalid(format!("stored record {id}: {e}")))?;
                let meta = GkgMeta { id, url: r.get(5)?, outlet: r.get(6)?, date: r.get(7)?, ingested_at: r.get(8)?, title: r.get(9)? };
                writeln!(out, "{}", gkg_row(&meta, &record))?;
            }
        }
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

struct GkgMeta {
    id: i64,
    url: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
    ingested_at: String,
    title: Option<String>,
}

/// Text safe inside a GKG field: none of the format's delimiters.
fn clean(s: &str) -> String {
    s.chars().map(|c| if matches!(c, '\t' | '\n' | '\r' | ';' | '#' | ',' | '|' | '<' | '>') { ' ' } else { c }).collect::<String>().trim().to_string()
}

fn gkg_count_type(category: &str) -> Option<&'static str> {
    Some(match category {
        "killed" => "KILL",
        "injured" => "WOUND",
        "arrested" => "ARREST",
        "displaced" | "evacuated" => "DISPLACED",
        "affected" | "trapped" | "missing" => "AFFECT",
        _ => return None,
    })
}

/// `YYYYMMDDHHMMSS` from an ISO date or timestamp.
fn gkg_date(iso: &str) -> Option<String> {
    day_number(iso)?;
    let digits: String = iso.chars().filter(char::is_ascii_digit).take(14).collect();
    Some(format!("{digits:0<14}"))
}

fn gkg_row(m: &GkgMeta, r: &Record) -> String {
    let date = m.date.as_deref().and_then(gkg_date).or_else(|| gkg_date(&m.ingested_at)).unwrap_or_else(|| "19700101000000".into());
    let source_name = m
        .outlet
        .clone()
        .or_else(|| m.url.as_deref().and_then(|u| u.split("://").nth(1)).and_then(|h| h.split('/').next()).map(str::to_string))
        .unwrap_or_default();
    let doc_id = m.url.clone().unwrap_or_else(|| format!("newsgraph:{}", r.id));
    let by_id: HashMap<&str, &newsgraph_record::Entity> = r.entities.iter().map(|e| (e.id.as_str(), e)).collect();

    let loc_block = |e: &newsgraph_record::Entity, enhanced: bool, offset: usize| -> Option<String> {
        let g = e.geo.as_ref()?;
        let fid = g.geonames_id.map(|i| i.to_string()).unwrap_or_default();
        Some(if enhanced {
            format!("4#{}#{}###{}#{}#{}#{}", clean(&e.name), clean(&g.country_code), g.lat, g.lon, fid, offset)
        } else {
            format!("4#{}#{}##{}#{}#{}", clean(&e.name), clean(&g.country_code), g.lat, g.lon, fid)
        })
    };
    let first = |e: &newsgraph_record::Entity| e.mentions.first().map(|s| s[0]).unwrap_or(0);

    // Counts: TYPE#NUMBER#OBJECT#LOCATION(type#name#cc#adm1#lat#lon#fid)[#offset].
    let (mut v1_counts, mut v21_counts, mut amounts) = (Vec::new(), Vec::new(), Vec::new());
    for q in &r.quantities {
        let Some(v) = q.value else { continue };
        let object = clean(q.what.as_deref().unwrap_or(""));
        amounts.push(format!("{},{},{}", v, object, q.span[0]));
        let category = crate::ingest::category_str(q.category);
        let Some(t) = gkg_count_type(category) else { continue };
        let loc = q.location.as_deref().and_then(|l| by_id.get(l)).and_then(|e| loc_block(e, false, 0)).unwrap_or_else(|| "0######".into());
        let block = format!("{t}#{}#{}#{}", v.round() as i64, object, loc);
        v21_counts.push(format!("{block}#{}", q.span[0]));
        v1_counts.push(block);
    }
    let (mut v1_locs, mut v2_locs, mut persons, mut v2_persons, mut orgs, mut v2_orgs, mut all_names) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for e in &r.entities {
        let name = clean(&e.name);
        if name.is_empty() {
            continue;
        }
        let off = first(e);
        match e.kind {
            EntityType::GPE | EntityType::LOC => {
                if let Some(b) = loc_block(e, false, off) {
                    v1_locs.push(b);
                }
                if let Some(b) = loc_block(e, true, off) {
                    v2_locs.push(b);
                }
            }
            EntityType::PERSON => {
                persons.push(name.clone());
                for s in &e.mentions {
                    v2_persons.push(format!("{name},{}", s[0]));
                }
            }
            EntityType::ORG => {
                orgs.push(name.clone());
                for s in &e.mentions {
                    v2_orgs.push(format!("{name},{}", s[0]));
                }
            }
            _ => {}
        }
        all_names.push(format!("{name},{off}"));
    }
    // Dates: RESOLUTION#MONTH#DAY#YEAR#OFFSET; 3 = full date, 2 = month and year, 1 = year.
    let mut dates = Vec::new();
    for t in &r.times {
        if t.kind != TimeType::DATE {
            continue;
        }
        let Some(v) = t.value.as_deref() else { continue };
        let parts: Vec<&str> = v.split('-').collect();
        let num = |s: &str| s.get(..2.min(s.len())).and_then(|x| x.parse::<u32>().ok());
        let block = match parts.as_slice() {
            [y, m, d, ..] if y.len() == 4 && y.parse::<u32>().is_ok() => match (num(m), num(d)) {
                (Some(m), Some(d)) => Some(format!("3#{m}#{d}#{y}#{}", t.span[0])),
                _ => None,
            },
            [y, m] if y.len() == 4 && y.parse::<u32>().is_ok() => num(m).map(|m| format!("2#{m}#0#{y}#{}", t.span[0])),
            [y] if y.len() == 4 && y.parse::<u32>().is_ok() => Some(format!("1#0#0#{y}#{}", t.span[0])),
            _ => None,
        };
        dates.extend(block);
    }
    // Quotations: OFFSET|LENGTH|VERB|QUOTE, blocks joined by '#'.
    let quotes: Vec<String> = r
        .quotes
        .iter()
        .map(|q| format!("{}|{}|{}|{}", q.span[0], q.span[1].saturating_sub(q.span[0]), clean(q.cue.as_deref().unwrap_or("")), clean(&q.text)))
        .collect();
    let extras = m.title.as_deref().map(|t| format!("<PAGE_TITLE>{}</PAGE_TITLE>", clean(t))).unwrap_or_default();

    let semi = |v: &[String]| if v.is_empty() { String::new() } else { format!("{};", v.join(";")) };
    [
        format!("{date}-{}", m.id),
        date.clone(),
        "1".into(),
        clean(&source_name),
        doc_id.replace(['\t', '\n', '\r'], " "),
        semi(&v1_counts),
        semi(&v21_counts),
        String::new(), // V1Themes
        String::new(), // V2EnhancedThemes
        semi(&v1_locs),
        semi(&v2_locs),
        semi(&persons),
        semi(&v2_persons),
        semi(&orgs),
        semi(&v2_orgs),
        String::new(), // V1.5Tone
        semi(&dates),
        String::new(), // V2GCAM
        String::new(), // SharingImage
        String::new(), // RelatedImages
        String::new(), // SocialImageEmbeds
        String::new(), // SocialVideoEmbeds
        quotes.join("#"),
        semi(&all_names),
        semi(&amounts),
        String::new(), // TranslationInfo
        extras,
    ]
    .join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gkg_dates_and_fields_are_clean() {
        assert_eq!(gkg_date("2022-03-28").as_deref(), Some("20220328000000"));
        assert_eq!(gkg_date("2022-03-28T10:15:00Z").as_deref(), Some("20220328101500"));
        assert_eq!(gkg_date("soon"), None);
        assert_eq!(clean("a;b#c\td,e|f"), "a b c d e f");
    }

    #[test]
    fn a_gkg_row_has_27_columns() {
        let r = Record { id: "x".into(), ..Default::default() };
        let m = GkgMeta { id: 1, url: None, outlet: None, date: None, ingested_at: "2024-01-02T00:00:00Z".into(), title: Some("T\tt".into()) };
        let row = gkg_row(&m, &r);
        assert_eq!(row.split('\t').count(), 27);
        assert!(row.starts_with("20240102000000-1\t20240102000000\t1\t"));
    }
}
