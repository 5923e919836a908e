//! Browsing queries for the web page: the latest articles, the most cited entities of a type,
//! and the geocoded places with how often they are mentioned (the map).

use super::{ARTICLE_COLS, ArticleRef, EntityHit, EntityRef, article_ref, limit};
use crate::{Error, Result, Store};
use serde::Serialize;

/// The latest articles (by publication date, then by order of ingestion), one per
/// near-duplicate cluster.
pub fn list_articles(store: &Store, lim: Option<usize>, offset: usize) -> Result<Vec<ArticleRef>> {
    let sql = format!("SELECT {ARTICLE_COLS} FROM article a WHERE a.cluster = a.id ORDER BY a.date DESC NULLS LAST, a.id DESC LIMIT ?1 OFFSET ?2");
    let mut st = store.conn().prepare_cached(&sql)?;
    let rows = st.query_map(rusqlite::params![limit(lim) as i64, offset as i64], |r| article_ref(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The entities cited by the most articles, optionally of one type (PERSON, ORG, GPE…).
pub fn top_entities(store: &Store, kind: Option<&str>, lim: Option<usize>) -> Result<Vec<EntityHit>> {
    if let Some(k) = kind
        && !["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"].contains(&k)
    {
        return Err(Error::Invalid(format!("unknown entity type {k:?} (PERSON, ORG, GPE, LOC, NORP, FAC)")));
    }
    let mut st = store.conn().prepare_cached(
        "SELECT id, name, type, articles FROM entity WHERE merged_into IS NULL AND (?1 IS NULL OR type = ?1) ORDER BY articles DESC, name LIMIT ?2",
    )?;
    let rows = st.query_map(rusqlite::params![kind, limit(lim) as i64], |r| {
        Ok(EntityHit { entity: EntityRef { id: r.get(0)?, name: r.get(1)?, kind: r.get(2)? }, articles: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A geocoded place and its number of mentions across the corpus.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Place {
    pub entity: EntityRef,
    pub lat: f64,
    pub lon: f64,
    pub country_code: Option<String>,
    pub mentions: i64,
    pub articles: i64,
}

/// Geocoded places, most mentioned first (mentions of merged entities count for the
/// entity they were merged into).
pub fn places(store: &Store, lim: Option<usize>) -> Result<Vec<Place>> {
    let mut st = store.conn().prepare_cached(
        "SELECT e.id, e.name, e.type, e.lat, e.lon, e.country_code, e.articles,
                (SELECT COALESCE(SUM(ae.mentions), 0) FROM article_entity ae JOIN entity m ON m.id = ae.entity_id
                  WHERE m.id = e.id OR m.merged_into = e.id) AS n
           FROM entity e
          WHERE e.merged_into IS NULL AND e.lat IS NOT NULL AND e.lon IS NOT NULL
          ORDER BY n DESC, e.name LIMIT ?1",
    )?;
    let rows = st.query_map([limit(lim) as i64], |r| {
        Ok(Place {
            entity: EntityRef { id: r.get(0)?, name: r.get(1)?, kind: r.get(2)? },
            lat: r.get(3)?,
            lon: r.get(4)?,
            country_code: r.get(5)?,
            articles: r.get(6)?,
            mentions: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
