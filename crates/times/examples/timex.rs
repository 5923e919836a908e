//! The time recogniser alone, for evaluation and throughput measurement without the rest
//! of the engine: reads JSON Lines `{id, text, date?}` and writes records `{id, date,
//! times}` with code-point spans, the shape `shared/tools/timex_eval.py score` reads.
//!
//!     cargo run --release -p newsgraph-times --example timex -- INPUT.jsonl > records.jsonl
//!
//! Prints the words per second of recognition (segmentation excluded) on stderr.

use std::io::{BufRead, Write};
use std::time::{Duration, Instant};

use newsgraph_text::{Document, OffsetMap};

fn main() {
    let path = std::env::args().nth(1).expect("usage: timex INPUT.jsonl");
    let file = std::fs::File::open(&path).expect("cannot open input");
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut words, mut spent) = (0usize, Duration::ZERO);
    for line in std::io::BufReader::new(file).lines() {
        let line = line.expect("read error");
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let text = v["text"].as_str().unwrap_or_default().to_string();
        let given = v["date"].as_str().and_then(|d| d.get(..10)).and_then(|d| d.parse::<newsgraph_times::Date>().ok());
        let doc = Document::new(text);
        words += doc.tokens.iter().filter(|t| t.kind != newsgraph_text::TokenKind::Punct).count();
        let t0 = Instant::now();
        let date = given.or_else(|| newsgraph_times::infer_publication_date(&doc));
        let times = newsgraph_times::recognise(&doc, date);
        spent += t0.elapsed();
        let map = OffsetMap::new(&doc.text);
        let times: Vec<serde_json::Value> = times
            .into_iter()
            .map(|t| {
                serde_json::json!({
                    "text": t.text, "span": map.span_to_chars(t.span[0], t.span[1]),
                    "type": format!("{:?}", t.kind), "value": t.value, "mod": t.modifier,
                })
            })
            .collect();
        let rec = serde_json::json!({"id": id, "date": date.map(|d| d.to_string()), "times": times});
        writeln!(out, "{rec}").expect("write error");
    }
    let secs = spent.as_secs_f64().max(1e-9);
    eprintln!("times: {words} words in {secs:.3} s = {:.0} words/s", words as f64 / secs);
}
