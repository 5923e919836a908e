//! Throughput of quote extraction alone, on one core.
//!
//!     zcat ../shared/data/corpus/bbc-news-2225/bbc_news_2225.jsonl.gz > /tmp/bbc.jsonl
//!     cargo run --release -p newsgraph-quotes --example throughput -- /tmp/bbc.jsonl
//!
//! Reads JSON Lines with a "text" field, builds the text layer first (not timed), then times
//! `recognise` over every article (without entities) and prints articles/s and words/s.

use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: throughput FILE.jsonl");
    let data = std::fs::read_to_string(&path).expect("readable file");
    let docs: Vec<newsgraph_text::Document> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(newsgraph_text::Document::new))
        .collect();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let start = Instant::now();
    let mut quotes = 0;
    let rounds = 3;
    for _ in 0..rounds {
        for d in &docs {
            quotes += newsgraph_quotes::recognise(d, &[]).len();
        }
    }
    let secs = start.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "{} articles, {} words, {} quotes: {:.3} s/pass, {:.0} articles/s, {:.0} words/s (one core)",
        docs.len(),
        words,
        quotes / rounds,
        secs,
        docs.len() as f64 / secs,
        words as f64 / secs
    );
}
