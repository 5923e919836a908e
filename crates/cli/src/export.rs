//! `newsgraph export`: the corpus out, as JSON Lines or GDELT GKG 2.1 TSV; and
//! `newsgraph entity`: reversible merges of corpus entities.

use clap::{Args as ClapArgs, Subcommand, ValueEnum};
use newsgraph_store::{ExportKind, Store};
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ClapArgs)]
pub struct Args {
    /// The store file.
    #[arg(long, value_name = "FILE", default_value = "newsgraph.db")]
    db: PathBuf,
    /// jsonl: one record per article plus its corpus links; gkg: GDELT GKG 2.1 (tab-separated,
    /// no header); parquet: one table per fact kind, partitioned by date, under the --output
    /// directory (builds with the `parquet` feature only).
    #[arg(long, value_enum, default_value_t = Kind::Jsonl)]
    format: Kind,
    /// Earliest article date (ISO 8601).
    #[arg(long)]
    from: Option<String>,
    /// Latest article date, inclusive.
    #[arg(long)]
    to: Option<String>,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Jsonl,
    Gkg,
    Parquet,
}

pub fn run(args: Args) -> ExitCode {
    let store = match crate::output::open_store(&args.db) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if let Kind::Parquet = args.format {
        return parquet(&store, &args);
    }
    let mut out = match crate::output::open(args.output.as_deref()) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let kind = match args.format {
        Kind::Jsonl => ExportKind::Jsonl,
        Kind::Gkg => ExportKind::Gkg,
        Kind::Parquet => unreachable!("handled above"),
    };
    match newsgraph_store::export(&store, kind, args.from.as_deref(), args.to.as_deref(), &mut out) {
        Ok(n) => {
            eprintln!("newsgraph: {n} articles exported");
            ExitCode::SUCCESS
        }
        Err(newsgraph_store::Error::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "parquet")]
fn parquet(store: &Store, args: &Args) -> ExitCode {
    if args.from.is_some() || args.to.is_some() {
        eprintln!("error: --from/--to are not supported for Parquet (filter on the date partition instead)");
        return ExitCode::from(2);
    }
    let Some(dir) = &args.output else {
        eprintln!("error: Parquet export needs --output DIR");
        return ExitCode::from(2);
    };
    match newsgraph_store::export_parquet(store, dir) {
        Ok(n) => {
            eprintln!("newsgraph: {n} Parquet files written under {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "parquet"))]
fn parquet(_: &Store, _: &Args) -> ExitCode {
    eprintln!("error: this build has no Parquet support; build with `cargo build --release -p newsgraph-cli --features parquet`");
    ExitCode::from(2)
}

#[derive(ClapArgs)]
pub struct EntityArgs {
    /// The store file.
    #[arg(long, value_name = "FILE", default_value = "newsgraph.db", global = true)]
    db: PathBuf,
    #[command(subcommand)]
    what: EntityCommand,
}

#[derive(Subcommand)]
enum EntityCommand {
    /// Merge entity FROM (and all merged into it) into INTO; queries then see one.
    Merge {
        from: i64,
        into: i64,
        /// Why, for the merge log.
        #[arg(long, default_value = "merged by hand")]
        reason: String,
    },
    /// Undo the merge of an entity.
    Unmerge { id: i64 },
}

pub fn run_entity(args: EntityArgs) -> ExitCode {
    let mut store = match Store::open(&args.db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match args.what {
        EntityCommand::Merge { from, into, reason } => store.merge_entities(from, into, &reason),
        EntityCommand::Unmerge { id } => store.unmerge_entity(id),
    };
    match result {
        Ok(info) => {
            println!("{}", serde_json::to_string(&info).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
