//! `newsgraph extract`: articles in, records out, in input order.

use clap::Args as ClapArgs;
use indicatif::{ProgressBar, ProgressStyle};
use newsgraph::batch::analyse_batch;
use newsgraph::ingest::{Limits, RawArticle, read_inputs};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ClapArgs)]
pub struct Args {
    /// Files or directories to read (`-` for standard input). Formats are detected by
    /// content and extension: JSON Lines, plain text, HTML (optionally .gz), RSS/Atom, WARC.
    #[arg(value_name = "PATH", default_value = "-")]
    inputs: Vec<PathBuf>,
    /// Write records here instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// No progress bar and no summary on standard error (errors are still reported).
    #[arg(short, long)]
    quiet: bool,
    /// Largest article accepted, in bytes; larger ones are reported and skipped.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_article_bytes)]
    max_article_bytes: usize,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Pretty-print each record (not JSON Lines; for reading by eye).
    #[arg(long)]
    pretty: bool,
}

const BATCH: usize = 64;

pub fn run(args: Args) -> ExitCode {
    if let Some(n) = args.threads {
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let mut out = match crate::output::open(args.output.as_deref()) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let limits = Limits { max_article_bytes: args.max_article_bytes, ..Limits::default() };
    let mut items = read_inputs(args.inputs.clone(), limits);

    let bar = if !args.quiet && io::stderr().is_terminal() {
        let b = ProgressBar::new_spinner();
        b.set_style(ProgressStyle::with_template("{spinner} {pos} articles {per_sec} {elapsed} {msg}").unwrap());
        Some(b)
    } else {
        None
    };
    let (mut ok, mut failed) = (0u64, 0u64);
    // Records are matched by id downstream (scorers, the store): a repeated id is written
    // (nothing is dropped) but reported.
    let mut seen_ids = std::collections::HashSet::new();
    loop {
        let batch: Vec<_> = items.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        for w in batch.iter().flatten().flat_map(RawArticle::warnings) {
            match &bar {
                Some(b) => b.println(format!("warning: {w}")),
                None => eprintln!("warning: {w}"),
            }
        }
        for outcome in analyse_batch(batch) {
            match outcome {
                Ok(record) => {
                    if !seen_ids.insert(record.id.clone()) {
                        let msg = format!("warning: the id {:?} was already used by an earlier article; both records are written", record.id);
                        match &bar {
                            Some(b) => b.println(msg),
                            None => eprintln!("{msg}"),
                        }
                    }
                    let line = if args.pretty { serde_json::to_string_pretty(&record) } else { serde_json::to_string(&record) };
                    let line = line.expect("records always serialise");
                    if let Err(e) = writeln!(out, "{line}") {
                        return write_failed(e);
                    }
                    ok += 1;
                }
                Err(e) => {
                    failed += 1;
                    let msg = format!("error: {e}");
                    match &bar {
                        Some(b) => b.println(msg),
                        None => eprintln!("{msg}"),
                    }
                }
            }
            if let Some(b) = &bar {
                b.inc(1);
            }
        }
    }
    if let Err(e) = out.flush() {
        return write_failed(e);
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if !args.quiet && (failed > 0 || bar.is_some()) {
        eprintln!("newsgraph: {ok} articles extracted, {failed} failed");
    }
    if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn write_failed(e: io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("error: cannot write output: {e}");
    ExitCode::from(2)
}
