//! Quote records for one JSON Lines file, without the rest of the engine (no entity layer):
//! measures the quote grammar alone and keeps working when another stage is broken.
//!
//!     cargo run --release -p newsgraph-quotes --example records -- IN.jsonl > OUT.jsonl
//!
//! Input lines need "id" and "text"; output lines are records with `id` and `quotes` only,
//! spans in code points as the contract requires.

use std::io::Write;

fn main() {
    let path = std::env::args().nth(1).expect("usage: records FILE.jsonl");
    let data = std::fs::read_to_string(&path).expect("readable file");
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let (Some(id), Some(text)) = (v.get("id").and_then(|x| x.as_str()), v.get("text").and_then(|x| x.as_str())) else { continue };
        let doc = newsgraph_text::Document::new(text);
        let map = newsgraph_text::OffsetMap::new(&doc.text);
        let conv = |s: [usize; 2]| map.span_to_chars(s[0], s[1]);
        let mut quotes = newsgraph_quotes::recognise(&doc, &[]);
        for q in &mut quotes {
            q.span = conv(q.span);
            q.speaker_span = q.speaker_span.map(conv);
            q.cue_span = q.cue_span.map(conv);
        }
        let rec = serde_json::json!({"id": id, "entities": [], "quotes": quotes, "quantities": [], "times": [], "events": []});
        writeln!(out, "{rec}").expect("stdout");
    }
}
