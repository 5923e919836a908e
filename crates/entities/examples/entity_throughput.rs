//! Throughput of the entity stack alone — text layer + tagger + entity layer (rules,
//! clustering, titles, coreference, geocoding) — on one core, over JSON Lines articles
//! (`{"id", "text"}`, optionally .gz). Reading the file and loading the model and tables
//! are not timed (a warm-up document loads them); the best of `RUNS` (default 3) passes is
//! reported, and the same again for text layer + tagger without the entity layer. Time is
//! the process's CPU time (Linux `/proc/self/stat`; wall time elsewhere), so a machine shared
//! with other jobs slows the figure less than it slows the clock.
//!
//!     cargo run --release -p newsgraph-entities --example entity_throughput -- CORPUS.jsonl.gz
//!
//! The last line, `NEWSGRAPH-ENTITIES: …`, is what `bench/ner_compare.sh` reads.

use newsgraph_text::Document;
use std::time::Instant;

/// CPU seconds this process has used (user + system), from `/proc/self/stat`; `None` where
/// that file is missing or unreadable.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0) // USER_HZ is 100 on Linux
}

/// A clock: CPU time when the platform gives it, else wall time.
fn now() -> (Instant, Option<f64>) {
    (Instant::now(), cpu_seconds())
}

fn since(t: (Instant, Option<f64>)) -> f64 {
    match (t.1, cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => t.0.elapsed().as_secs_f64(),
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: entity_throughput CORPUS.jsonl[.gz]");
    let texts = newsgraph_ner::clusters::read_jsonl_texts(path.as_ref()).expect("read corpus");
    let runs: usize = std::env::var("RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(3).max(1);
    // Warm-up: the model, gazetteers and GeoNames index are loaded once, lazily.
    let _ = newsgraph_entities::recognise(&Document::new("Russian Foreign Minister Sergei Lavrov met Antony Blinken in Geneva."));
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let (mut tokens, mut entities, mut placed) = (0usize, 0usize, 0usize);
    let mut best_full = f64::INFINITY;
    let mut best_tagger = f64::INFINITY;
    for run in 0..runs {
        let t0 = now();
        let (mut n_tok, mut n_ent, mut n_geo) = (0, 0, 0);
        for t in &texts {
            let doc = Document::new(t.as_str());
            n_tok += doc.tokens.len();
            let es = newsgraph_entities::recognise(&doc);
            n_ent += es.len();
            n_geo += es.iter().filter(|e| e.geo.is_some()).count();
        }
        best_full = best_full.min(since(t0));
        let t0 = now();
        let mut n_names = 0;
        for t in &texts {
            let doc = Document::new(t.as_str());
            n_names += newsgraph_ner::tag(&doc).len();
        }
        best_tagger = best_tagger.min(since(t0));
        if run == 0 {
            (tokens, entities, placed) = (n_tok, n_ent, n_geo);
            eprintln!("{} articles, {tokens} tokens, {words} words, {mb:.2} MB; {entities} entities ({placed} geocoded), {n_names} tagged names", texts.len());
        }
    }
    let n = texts.len() as f64;
    let line = |what: &str, s: f64| {
        println!(
            "{what}: {s:.3} s, {:.0} articles/s, {:.0} tokens/s, {:.0} words/s, {:.2} MB/s (1 core, CPU time, best of {runs})",
            n / s,
            tokens as f64 / s,
            words as f64 / s,
            mb / s
        )
    };
    line("text layer + tagger + entity layer (linking, coreference, geocoding)", best_full);
    line("text layer + tagger", best_tagger);
    println!(
        "NEWSGRAPH-ENTITIES: articles {} tokens {tokens} words {words} seconds {best_full:.4} tokens_per_s {:.0} words_per_s {:.0} entities {entities} geocoded {placed}",
        texts.len(),
        tokens as f64 / best_full,
        words as f64 / best_full
    );
}
