//! `newsgraph`: reads news articles and writes down, with evidence, what they claim.
//!
//! This binary only wires flags to library calls; the work is in the `newsgraph` crate.

mod extract;
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Train(what) => train::run(what),
    }
}
