//! The corpus store over HTTP: `newsgraph serve`.
//!
//! A JSON API over the store's queries, described by an OpenAPI 3.1 document at
//! `/openapi.json`. Safe by default:
//! - it listens where it is told (the CLI defaults to 127.0.0.1);
//! - it is read-only: queries run on connections SQLite itself opens read-only; the few
//!   write endpoints (entity merge and unmerge) answer 403 unless the server was started
//!   with a write token and the request carries it (`Authorization: Bearer …`);
//! - every request has a time limit (the running SQL statement is interrupted, not just
//!   abandoned) and a body size limit; concurrent queries are bounded;
//! - SQL is parameterised throughout (the store has no other kind).
//!
//! Pages (a web front end) are served from a static directory given at start (`assets`),
//! under `/`; the API lives under `/api`, so the two never collide.

mod api;
mod assets;
mod openapi;
mod web;

use newsgraph_store::Store;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store file.
    pub db: PathBuf,
    /// The bearer token that allows writes; `None` makes the server read-only.
    pub write_token: Option<String>,
    /// A directory of static files served under `/` (the web page), if any.
    pub static_dir: Option<PathBuf>,
    /// Longest time one request may take.
    pub timeout: Duration,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
    /// Queries run at once (each on its own read-only connection).
    pub readers: usize,
}

impl Config {
    pub fn new(db: impl Into<PathBuf>) -> Config {
        Config { db: db.into(), write_token: None, static_dir: None, timeout: Duration::from_secs(10), max_body: 64 * 1024, readers: default_readers() }
    }
}

/// Queries run at once by default: two per core. Queries are CPU-bound (the store's pages
/// are in memory); more at once than the cores can run only slices each one thinner and
/// stretches the slowest. On this 2-core machine (shared, so noisy) under the mixed load
/// at concurrency 64, 4 readers had about the throughput of 8 and a lower p99 in both
/// paired runs (836 vs 773 requests/s, p99 123 vs 210 ms; 802 vs 835, p99 105 vs 121 ms).
pub fn default_readers() -> usize {
    std::thread::available_parallelism().map(|n| n.get() * 2).unwrap_or(4).clamp(2, 32)
}

/// Shared state: the pool of read-only connections and the writer, when writes are allowed.
pub(crate) struct App {
    config: Config,
    idle: Mutex<Vec<Store>>,
    permits: Semaphore,
    writer: Option<Mutex<Store>>,
}

/// Serves the API on `listener` until the process ends.
pub async fn serve(listener: TcpListener, config: Config) -> std::io::Result<()> {
    let app = router(config)?;
    axum::serve(listener, app).await
}

/// The application as an axum router (for embedding and tests).
pub fn router(config: Config) -> std::io::Result<axum::Router> {
    let to_io = |e: newsgraph_store::Error| std::io::Error::other(e.to_string());
    // Fail at start, not at the first request, when the store cannot be read.
    let first = Store::open_read_only(&config.db).map_err(to_io)?;
    let writer = match &config.write_token {
        Some(t) if !t.is_empty() => Some(Mutex::new(Store::open(&config.db).map_err(to_io)?)),
        _ => None,
    };
    let app = Arc::new(App { permits: Semaphore::new(config.readers.max(1)), idle: Mutex::new(vec![first]), writer, config });
    Ok(api::routes(app))
}
