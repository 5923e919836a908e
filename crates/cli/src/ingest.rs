//! `newsgraph ingest`: articles in, analysed, into the corpus store.
//!
//! Three stages overlap: a thread reads and analyses batches in parallel (HTML extraction,
//! then a check against the store so known articles are not analysed again, then the
//! engine), while the main thread writes the previous batch in one transaction. A batch is
//! committed whole or not at all, so a `kill -9` loses at most the batches in flight and a
//! second run picks up where the first stopped, adding nothing twice.

use clap::Args as ClapArgs;
use newsgraph::ingest::{Article, IngestError, Limits, Location, RawArticle, read_inputs};
use newsgraph_store::{Input, Outcome, Store, content_hash};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

#[derive(ClapArgs)]
pub struct Args {
    /// Files or directories to read (`-` for standard input): JSON Lines, text, HTML, RSS/Atom, WARC.
    #[arg(value_name = "PATH", required = true)]
    inputs: Vec<PathBuf>,
    /// The store file (created if missing).
    #[arg(long, value_name = "FILE", default_value = "newsgraph.db")]
    db: PathBuf,
    /// Articles per transaction.
    #[arg(long, value_name = "N", default_value_t = 256)]
    batch: usize,
    /// Worker threads for analysis (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Largest article accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_article_bytes)]
    max_article_bytes: usize,
    /// Compact the full-text indexes and refresh planner statistics afterwards.
    #[arg(long)]
    optimise: bool,
    /// No per-article error lines (the summary still says how many failed).
    #[arg(short, long)]
    quiet: bool,
}

/// What the reader thread hands the writer: analysed articles, and what failed or was skipped.
struct Batch {
    inputs: Vec<Input>,
    errors: Vec<IngestError>,
    warnings: Vec<String>,
    skipped: u64,
}

pub fn run(args: Args) -> ExitCode {
    if let Some(n) = args.threads {
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let mut store = match Store::open(&args.db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot open the store {}: {e}", args.db.display());
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let (tx, rx) = mpsc::sync_channel::<Batch>(2);
    let limits = Limits { max_article_bytes: args.max_article_bytes, ..Limits::default() };
    let (inputs, db, size) = (args.inputs.clone(), args.db.clone(), args.batch.max(1));
    let reader = std::thread::spawn(move || {
        // A read-only view of the store, to skip articles it already holds.
        let seen = Store::open_read_only(&db).ok();
        let mut items = read_inputs(inputs, limits);
        loop {
            let raw: Vec<_> = items.by_ref().take(size).collect();
            if raw.is_empty() {
                break;
            }
            if tx.send(analyse(raw, seen.as_ref())).is_err() {
                break;
            }
        }
    });

    let (mut added, mut by_url, mut by_content, mut near, mut failed, mut skipped) = (0u64, 0u64, 0u64, 0u64, 0u64, 0u64);
    let mut write_error = None;
    for batch in rx {
        if !args.quiet {
            for w in &batch.warnings {
                eprintln!("warning: {w}");
            }
            for e in &batch.errors {
                eprintln!("error: {e}");
            }
        }
        failed += batch.errors.len() as u64;
        skipped += batch.skipped;
        match store.ingest_batch(&batch.inputs) {
            Ok(outcomes) => {
                for o in outcomes {
                    match o {
                        Outcome::Added(a) => {
                            added += 1;
                            if a.cluster != a.id {
                                near += 1;
                            }
                        }
                        Outcome::Duplicate { by: "url", .. } => by_url += 1,
                        Outcome::Duplicate { .. } => by_content += 1,
                    }
                }
            }
            Err(e) => {
                write_error = Some(e);
                break;
            }
        }
    }
    let _ = reader.join();
    if let Some(e) = write_error {
        eprintln!("error: cannot write to the store {}: {e}", args.db.display());
        return ExitCode::from(2);
    }
    if args.optimise
        && let Err(e) = store.optimise()
    {
        eprintln!("warning: could not optimise the store: {e}");
    }
    let secs = start.elapsed().as_secs_f64();
    let seen = added + by_url + by_content + skipped;
    let summary = serde_json::json!({
        "added": added,
        "near_duplicates_linked": near,
        "already_stored": by_url + by_content + skipped,
        "failed": failed,
        "seconds": (secs * 1000.0).round() / 1000.0,
        "articles_per_second": if secs > 0.0 { ((seen as f64 / secs) * 10.0).round() / 10.0 } else { 0.0 },
        "store": args.db.display().to_string(),
    });
    println!("{summary}");
    if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// Prepares, filters out what the store already has, and analyses one batch in parallel.
fn analyse(raw: Vec<Result<RawArticle, IngestError>>, seen: Option<&Store>) -> Batch {
    let warnings = raw.iter().flatten().flat_map(RawArticle::warnings).collect();
    let prepared: Vec<Result<Article, IngestError>> = raw.into_par_iter().map(|r| r.and_then(RawArticle::prepare)).collect();
    let mut todo = Vec::with_capacity(prepared.len());
    let mut errors = Vec::new();
    let mut skipped = 0;
    for p in prepared {
        match p {
            Err(e) => errors.push(e),
            Ok(a) => {
                let known = seen.is_some_and(|s| s.contains(a.meta.url.as_deref(), &content_hash(&a.text)).unwrap_or(false));
                if known { skipped += 1 } else { todo.push(a) }
            }
        }
    }
    let analysed: Vec<Result<Input, IngestError>> = todo.into_par_iter().map(analyse_one).collect();
    let mut inputs = Vec::with_capacity(analysed.len());
    for a in analysed {
        match a {
            Ok(i) => inputs.push(i),
            Err(e) => errors.push(e),
        }
    }
    Batch { inputs, errors, warnings, skipped }
}

/// Runs the engine on one article, keeping the text its spans index; a recogniser panic
/// becomes an error for that article alone.
fn analyse_one(article: Article) -> Result<Input, IngestError> {
    let loc: Location = article.location.clone();
    let id = article.id.clone();
    let text = article.text.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| newsgraph::analyse(article)))
        .map(|record| Input::new(record, text))
        .map_err(|_| IngestError::new(loc, format!("internal error while analysing article {id:?} (please report this)")))
}
