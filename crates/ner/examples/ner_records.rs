//! Writes one record per input article with one entity per tagged mention, straight from
//! `newsgraph_ner::tag`, so the tagger can be scored alone with the CoNLL scorer:
//!
//!     cargo run --release -p newsgraph-ner --example ner_records -- input.jsonl > records.jsonl
//!     python3 ../shared/tools/conll_eval.py score ../shared/data/ner/conll2003/eng.testb records.jsonl
//!
//! Prints the tagging throughput (text layer + tagger, one core) to stderr.

use newsgraph_text::{Document, OffsetMap};
use std::io::{BufRead, Write};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: ner_records INPUT.jsonl");
    let file = std::fs::File::open(&path).expect("input");
    let mut inputs = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let v: serde_json::Value = serde_json::from_str(&line.expect("read")).expect("json");
        inputs.push((v["id"].as_str().unwrap_or("").to_string(), v["text"].as_str().unwrap_or("").to_string()));
    }
    let _ = newsgraph_ner::tag(&Document::new("Warm up the model."));
    let t0 = Instant::now();
    let mut words = 0usize;
    let mut out = Vec::new();
    let mut tagging = 0f64;
    for (id, text) in &inputs {
        let doc = Document::new(text.as_str());
        words += doc.tokens.len();
        let t = Instant::now();
        let mentions = newsgraph_ner::tag(&doc);
        tagging += t.elapsed().as_secs_f64();
        out.push((id, doc, mentions));
    }
    let secs = t0.elapsed().as_secs_f64();
    eprintln!(
        "{} documents, {words} tokens in {secs:.3}s: {:.0} tokens/s (text layer + tagger, one core); tagger alone {:.0} tokens/s",
        inputs.len(),
        words as f64 / secs,
        words as f64 / tagging
    );
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    for (id, doc, mentions) in out {
        let map = OffsetMap::new(&doc.text);
        let ents: Vec<serde_json::Value> = mentions
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let [s, e] = map.span_to_chars(m.span.start, m.span.end);
                serde_json::json!({"id": format!("e{}", k + 1), "type": m.kind.as_str(), "name": doc.slice(m.span), "mentions": [[s, e]], "score": m.score})
            })
            .collect();
        let _ = writeln!(w, "{}", serde_json::json!({"id": id, "entities": ents}));
    }
}
