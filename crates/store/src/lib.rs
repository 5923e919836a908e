//! newsgraph's corpus store: the records of many articles in one embedded SQLite file.
//!
//! One article's record answers little; a corpus answers "every statement by Zelensky on
//! Crimea this month" or "which sources disagree on Mariupol's trapped civilians". The store
//! keeps what the engine found with its evidence and adds what only a corpus can know:
//! - which articles are copies of one another (exact hash, or MinHash near-duplicates),
//!   linked in clusters and never merged away;
//! - which local entities across articles are one real-world entity (reversible merges);
//! - which quantities are one claim repeated, so a figure carried by ten outlets counts once
//!   with ten mentions.
//!
//! Writes go through one [`Store`] at a time (SQLite's single writer); any number of
//! read-only stores can query while it ingests (WAL). Every article is written in one
//! transaction with its facts, so a crash mid-ingest leaves no half article, and re-ingest
//! skips what is already there (same URL or same content hash).

mod dedup;
mod export;
mod ingest;
mod merge;
mod normalise;
#[cfg(feature = "parquet")]
mod parquet;
pub mod query;
mod resolve;
mod schema;

pub use dedup::content_hash;
pub use export::{ExportKind, export};
pub use ingest::{Added, Input, Outcome};
pub use merge::MergeInfo;
#[cfg(feature = "parquet")]
pub use parquet::export_parquet;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Everything that can go wrong in the store, in words a person understands.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Invalid(String),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("the store {path} was written by a newer newsgraph (layout {found}, this build reads up to {supported})")]
    TooNew { path: PathBuf, found: i64, supported: i64 },
}

pub type Result<T> = std::result::Result<T, Error>;

/// Turns on SQLite's query planner stability guarantee: a statement's plan is made once,
/// not from the values bound to it.
///
/// Without it, a statement whose plan looked at a bound value (`LIMIT ?`, or an indexed
/// `= ?` once `ANALYZE` has written `sqlite_stat4`) is marked expired by every new binding
/// and parsed and planned again on its next step, so the statement cache saved nothing: under
/// an HTTP load of mixed queries a fifth of the server's CPU went to re-preparing
/// statements, most of it the per-claim mention lookups. The plans chosen from the indexes'
/// average statistics (`sqlite_stat1`) are the ones these queries are written for.
fn plans_ignore_bound_values(conn: &Connection) -> Result<()> {
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The file's layout version: [`schema::VERSION`] once opened for writing (which
    /// migrates), possibly older when opened read-only.
    layout: i64,
}

/// Brings a store of an older, migratable layout up to [`schema::VERSION`], one step at a
/// time, each in a transaction that takes the write lock first and reads the version again
/// inside it, so two processes opening the same old file cannot both migrate it.
fn migrate(conn: &Connection) -> Result<()> {
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version == 2 {
        tx.execute_batch(schema::MIGRATE_2_TO_3)?;
    }
    tx.commit()?;
    Ok(())
}

impl Store {
    /// Opens (creating if needed) a store for reading and writing.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path)?;
        conn.execute_batch(schema::PRAGMAS)?;
        plans_ignore_bound_values(&conn)?;
        // Ingest uses more distinct statements than the default cache of 16 holds.
        conn.set_prepared_statement_cache_capacity(64);
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > schema::VERSION {
            return Err(Error::TooNew { path, found: version, supported: schema::VERSION });
        }
        if version > 0 && version < schema::OLDEST_MIGRATABLE {
            // Layout 1 predates the first release; nothing to migrate from.
            return Err(Error::Invalid(format!(
                "the store {} has layout {version}, older than this build's {}: ingest again into a new file",
                path.display(),
                schema::VERSION
            )));
        }
        if version == 0 {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(schema::DDL)?;
            tx.execute_batch(&format!("PRAGMA user_version = {}", schema::VERSION))?;
            tx.commit()?;
        } else if version < schema::VERSION {
            migrate(&conn)?;
        }
        conn.execute_batch(schema::ADDED_INDEXES)?;
        Ok(Store { conn, path, layout: schema::VERSION })
    }

    /// Opens an existing store for queries only: SQLite refuses every write on this
    /// connection, whatever the caller asks.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if !path.exists() {
            return Err(Error::NotFound(format!("no store at {}", path.display())));
        }
        let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        conn.execute_batch("PRAGMA busy_timeout = 10000; PRAGMA cache_size = -32768; PRAGMA query_only = ON;")?;
        plans_ignore_bound_values(&conn)?;
        conn.set_prepared_statement_cache_capacity(64);
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > schema::VERSION {
            return Err(Error::TooNew { path, found: version, supported: schema::VERSION });
        }
        if version == 0 {
            return Err(Error::Invalid(format!("{} is not a newsgraph store (or is empty)", path.display())));
        }
        if version < schema::OLDEST_MIGRATABLE {
            return Err(Error::Invalid(format!(
                "the store {} has layout {version}, older than this build's {}: ingest again into a new file",
                path.display(),
                schema::VERSION
            )));
        }
        // A read-only connection cannot migrate: an older layout is read as it is, and the
        // queries leave out what it does not have (opening it for writing migrates it).
        Ok(Store { conn, path, layout: version })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The layout version of the open file (older than [`Store::open`] writes only when it
    /// was opened read-only and not yet migrated).
    pub fn layout(&self) -> i64 {
        self.layout
    }

    /// Whether events carry a claimant column (layout 3 and later).
    pub(crate) fn events_have_claimant(&self) -> bool {
        self.layout >= 3
    }

    /// The underlying connection, for queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Installs a deadline after which any running statement on this connection is
    /// interrupted (SQLite then returns an "interrupted" error). `None` removes it.
    pub fn set_deadline(&self, deadline: Option<std::time::Instant>) {
        match deadline {
            Some(d) => self.conn.progress_handler(10_000, Some(move || std::time::Instant::now() > d)),
            None => self.conn.progress_handler(0, None::<fn() -> bool>),
        }
    }

    /// True when an article with this URL or content hash is already stored; lets the
    /// ingest command skip the analysis of articles it would not store anyway.
    pub fn contains(&self, url: Option<&str>, hash: &[u8]) -> Result<bool> {
        let mut stmt =
            self.conn.prepare_cached("SELECT EXISTS(SELECT 1 FROM article WHERE content_hash = ?1) OR EXISTS(SELECT 1 FROM article WHERE url = ?2)")?;
        Ok(stmt.query_row(rusqlite::params![hash, url], |r| r.get(0))?)
    }

    /// Stores a batch of analysed articles in one transaction per article, in order.
    pub fn ingest(&mut self, items: &[Input]) -> Result<Vec<Outcome>> {
        items.iter().map(|i| ingest::ingest_one(&mut self.conn, i)).collect()
    }

    /// Stores a batch of analysed articles in a single transaction: faster for bulk loads,
    /// and still atomic (a crash keeps the whole batch or none of it).
    pub fn ingest_batch(&mut self, items: &[Input]) -> Result<Vec<Outcome>> {
        let tx = self.conn.transaction()?;
        let fts = ingest::FtsBacklog::start(&tx)?;
        let mut out = Vec::with_capacity(items.len());
        for i in items {
            out.push(ingest::ingest_in(&tx, i)?);
        }
        fts.index(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Merges corpus entity `from` into `into` (both stay; queries see one).
    pub fn merge_entities(&mut self, from: i64, into: i64, reason: &str) -> Result<MergeInfo> {
        merge::merge(&mut self.conn, from, into, reason)
    }

    /// Undoes the merge of `id` into whatever it was merged into.
    pub fn unmerge_entity(&mut self, id: i64) -> Result<MergeInfo> {
        merge::unmerge(&mut self.conn, id)
    }

    /// Compacts FTS indexes and updates the query planner's statistics; worth running
    /// after a large ingest.
    pub fn optimise(&self) -> Result<()> {
        self.conn.execute_batch(
            "INSERT INTO article_fts(article_fts) VALUES('optimize');
             INSERT INTO quote_fts(quote_fts) VALUES('optimize');
             PRAGMA optimize; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);",
        )?;
        Ok(())
    }
}
