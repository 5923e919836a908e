//! Reversible merges of corpus entities. A merge sets `merged_into` and logs it; nothing
//! else moves, so an unmerge restores exactly what was there. Queries read an entity as its
//! whole merged group (`resolve::group`).

use crate::resolve::canonical;
use crate::{Error, Result};
use rusqlite::{Connection, OptionalExtension, params};

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MergeInfo {
    pub entity: i64,
    /// The entity it now belongs under (itself after an unmerge).
    pub canonical: i64,
    pub log_id: i64,
}

fn exists(conn: &Connection, id: i64) -> Result<()> {
    let found: Option<i64> = conn.query_row("SELECT id FROM entity WHERE id = ?1", [id], |r| r.get(0)).optional()?;
    found.map(|_| ()).ok_or_else(|| Error::NotFound(format!("entity {id}")))
}

/// Merges `from`'s group into `into`'s group.
pub fn merge(conn: &mut Connection, from: i64, into: i64, reason: &str) -> Result<MergeInfo> {
    let tx = conn.transaction()?;
    exists(&tx, from)?;
    exists(&tx, into)?;
    let (a, b) = (canonical(&tx, from)?, canonical(&tx, into)?);
    if a == b {
        return Err(Error::Invalid(format!("entities {from} and {into} are already one")));
    }
    // The root of `from`'s group goes under `into`'s root, so the whole group follows.
    tx.execute("UPDATE entity SET merged_into = ?2 WHERE id = ?1", params![a, b])?;
    let moved: i64 = tx.query_row("SELECT articles FROM entity WHERE id = ?1", [a], |r| r.get(0))?;
    tx.execute("UPDATE entity SET articles = articles + ?2 WHERE id = ?1", params![b, moved])?;
    tx.execute("INSERT INTO merge_log(from_id, into_id, reason, at) VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ','now'))", params![a, b, reason])?;
    let log_id = tx.last_insert_rowid();
    tx.commit()?;
    Ok(MergeInfo { entity: a, canonical: b, log_id })
}

/// Takes `id` (and whatever was merged into it) back out of the group it was merged into.
pub fn unmerge(conn: &mut Connection, id: i64) -> Result<MergeInfo> {
    let tx = conn.transaction()?;
    exists(&tx, id)?;
    let parent: Option<i64> = tx.query_row("SELECT merged_into FROM entity WHERE id = ?1", [id], |r| r.get(0))?;
    let Some(parent) = parent else {
        return Err(Error::Invalid(format!("entity {id} is not merged into another")));
    };
    let moved: i64 = tx.query_row("SELECT articles FROM entity WHERE id = ?1", [id], |r| r.get(0))?;
    tx.execute("UPDATE entity SET merged_into = NULL WHERE id = ?1", [id])?;
    // Every ancestor counted this group's articles; take them back out.
    let mut up = Some(parent);
    while let Some(p) = up {
        tx.execute("UPDATE entity SET articles = max(0, articles - ?2) WHERE id = ?1", params![p, moved])?;
        up = tx.query_row("SELECT merged_into FROM entity WHERE id = ?1", [p], |r| r.get(0))?;
    }
    tx.execute(
        "UPDATE merge_log SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')
         WHERE from_id = ?1 AND into_id = ?2 AND undone_at IS NULL",
        params![id, parent],
    )?;
    let log_id: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM merge_log WHERE from_id = ?1 AND into_id = ?2", params![id, parent], |r| r.get(0))?;
    tx.commit()?;
    Ok(MergeInfo { entity: id, canonical: id, log_id })
}
