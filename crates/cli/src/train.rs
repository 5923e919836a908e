//! `newsgraph train ner`: trains the named-entity tagger from CoNLL-2003 files and writes
//! the model that `crates/ner` compiles in (rebuild the binary afterwards to ship it).

use clap::{Args as ClapArgs, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum What {
    /// The named-entity tagger (structured averaged perceptron over BILOU labels).
    Ner(NerArgs),
}

#[derive(ClapArgs)]
pub struct NerArgs {
    /// CoNLL-2003 training file(s) (word … tag per line, IOB1 or IOB2).
    #[arg(long, required = true, num_args = 1..)]
    train: Vec<PathBuf>,
    /// Held-out CoNLL file: scored after every epoch; the best epoch is kept.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short, long, default_value = "models/ner.bin")]
    output: PathBuf,
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// log2 of the rows of the hashed weight table.
    #[arg(long, default_value_t = 19)]
    bits: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

pub fn run(what: What) -> ExitCode {
    match what {
        What::Ner(a) => {
            let cfg = newsgraph_ner::train::Config { train: a.train, dev: a.dev, output: a.output, epochs: a.epochs, bits: a.bits, seed: a.seed };
            match newsgraph_ner::train::run(&cfg, &mut |line| eprintln!("{line}")) {
                Ok(r) => {
                    eprintln!("trained in {:.1}s; best epoch {}; model {} bytes", r.seconds, r.best_epoch, r.model_bytes);
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
