//! `newsgraph`: reads news articles and writes down, with evidence, what they claim.
//!
//! This binary only wires flags to library calls; the work is in the `newsgraph` crate.

mod export;
mod extract;
mod ingest;
mod output;
mod query;
mod serve;
mod train;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "newsgraph", version, about = "Reads news articles and writes down, with evidence, what they claim.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract one record per article (JSON Lines) from text, JSON Lines, HTML, RSS/Atom or WARC inputs.
    Extract(extract::Args),
    /// Train a statistical model from annotated data.
    #[command(subcommand)]
    Train(train::What),
    /// Analyse articles into a corpus store (SQLite); re-ingesting changes nothing.
    Ingest(ingest::Args),
    /// Ask the corpus store: search, quotes, claims, disagreements, events, entities.
    Query(query::Args),
    /// Serve the corpus store as a JSON API (OpenAPI at /openapi.json), read-only by default.
    Serve(serve::Args),
    /// Export the corpus store as JSON Lines or GDELT GKG 2.1.
    Export(export::Args),
    /// Merge or unmerge corpus entities (reversible).
    Entity(export::EntityArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Train(what) => train::run(what),
        Command::Ingest(args) => ingest::run(args),
        Command::Query(args) => query::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Export(args) => export::run(args),
        Command::Entity(args) => export::run_entity(args),
    }
}
