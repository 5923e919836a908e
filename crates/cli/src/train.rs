//! `newsgraph train ner`: trains the named-entity tagger from CoNLL-2003 files and writes
//! the model that `crates/ner` compiles in (rebuild the binary afterwards to ship it).

use clap::{Args as ClapArgs, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum What {
    /// The named-entity tagger (structured averaged perceptron over BILOU labels).
    Ner(NerArgs),
    /// Word clusters for the tagger's features, from unlabelled text.
    Clusters(ClusterArgs),
}

#[derive(ClapArgs)]
pub struct ClusterArgs {
    /// JSON Lines files (optionally .gz) whose `text` fields are the corpus.
    #[arg(long, num_args = 1..)]
    corpus: Vec<PathBuf>,
    /// CoNLL files whose words are added to the corpus (labels ignored).
    #[arg(long, num_args = 1..)]
    conll: Vec<PathBuf>,
    #[arg(short, long, default_value = "lexicons/ner/clusters.txt")]
    output: PathBuf,
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
    #[arg(long, default_value_t = 15)]
    epochs: usize,
    /// log2 of the rows of the hashed weight table.
    #[arg(long, default_value_t = 19)]
    bits: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Independent runs (seeds seed, seed+1, …) averaged into one model; with more than one,
    /// each run keeps its last epoch.
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

pub fn run(what: What) -> ExitCode {
    match what {
        What::Clusters(a) => match clusters(&a) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        What::Ner(a) => {
            let cfg = newsgraph_ner::train::Config { train: a.train, dev: a.dev, output: a.output, epochs: a.epochs, bits: a.bits, seed: a.seed, runs: a.runs };
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

fn clusters(a: &ClusterArgs) -> Result<(), String> {
    use newsgraph_ner::clusters::{Config, Counts, read_jsonl_texts};
    let t0 = std::time::Instant::now();
    let mut counts = Counts::default();
    let mut sources = Vec::new();
    for p in &a.corpus {
        for t in read_jsonl_texts(p)? {
            counts.add_text(&t);
        }
        sources.push(p.display().to_string());
    }
    for p in &a.conll {
        for (doc, _) in newsgraph_ner::train::read_conll(p)? {
            counts.add_text(&doc.text);
        }
        sources.push(p.display().to_string());
    }
    let cfg = Config::default();
    eprintln!("{} tokens read in {:.1}s", counts.tokens(), t0.elapsed().as_secs_f64());
    let lines = counts.cluster(&cfg, &mut |l| eprintln!("{l}"));
    let mut out = format!(
        "# Word clusters (levels {:?}, coarse to fine) built by `newsgraph train clusters` (spherical k-means over PPMI neighbour vectors) from the unlabelled words of: {}.\n",
        cfg.levels,
        sources.join(", ")
    );
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    std::fs::write(&a.output, out).map_err(|e| format!("{}: {e}", a.output.display()))?;
    eprintln!("wrote {} in {:.1}s", a.output.display(), t0.elapsed().as_secs_f64());
    Ok(())
}
