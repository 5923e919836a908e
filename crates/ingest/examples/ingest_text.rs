//! Throughput of ingestion + the text layer alone (no recognisers), on one thread:
//! `cargo run --release -p newsgraph-ingest --example ingest_text -- PATH...`
//! Reads every article as `newsgraph extract` would (any format), prepares it (HTML
//! extraction), builds the text layer (paragraphs, sentences, tokens), and prints one
//! line of figures. Used by bench/throughput.sh.

use newsgraph_ingest::{Limits, read_inputs};
use newsgraph_text::Document;
use std::time::Instant;

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    if paths.is_empty() {
        eprintln!("usage: ingest_text PATH...");
        std::process::exit(2);
    }
    let t = Instant::now();
    let (mut articles, mut failed, mut bytes, mut words, mut sentences, mut tokens) = (0u64, 0u64, 0usize, 0usize, 0usize, 0usize);
    for item in read_inputs(paths, Limits::default()) {
        match item.and_then(|raw| raw.prepare()) {
            Ok(article) => {
                bytes += article.text.len();
                words += article.text.split_whitespace().count();
                let doc = Document::new(article.text);
                sentences += doc.sentences.len();
                tokens += doc.tokens.len();
                articles += 1;
            }
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
            }
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "ingest+text: {articles} articles ({failed} failed), {words} words, {sentences} sentences, {tokens} tokens, {:.3} s, {:.0} articles/s, {:.0} words/s, {:.2} MB/s (text bytes)",
        s,
        articles as f64 / s,
        words as f64 / s,
        bytes as f64 / 1e6 / s
    );
}
