//! Throughput of the quantity recogniser alone, over a JSON Lines corpus with a `text` field:
//! `cargo run --release -p newsgraph-quantities --example throughput -- corpus.jsonl`.
//! Segmentation (the text layer) is timed apart, since every recogniser shares it.

use newsgraph_quantities::recognise;
use newsgraph_text::Document;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: throughput FILE.jsonl");
    let src = std::fs::read_to_string(path).expect("readable file");
    let texts: Vec<String> =
        src.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()).filter_map(|v| v["text"].as_str().map(str::to_string)).collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let t0 = Instant::now();
    let docs: Vec<Document> = texts.into_iter().map(Document::new).collect();
    let seg = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let mut n = 0;
    for d in &docs {
        n += recognise(d, &[], &[], &[]).len();
    }
    let rec = t1.elapsed().as_secs_f64();
    println!(
        "{} articles, {words} words, {n} quantities; text layer {:.0} words/s; quantities {:.0} words/s ({:.3} s)",
        docs.len(),
        words as f64 / seg,
        words as f64 / rec,
        rec
    );
}
