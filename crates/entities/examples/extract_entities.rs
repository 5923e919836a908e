//! Runs only the text layer and the entity layer over JSON Lines articles (`{"id", "text"}`)
//! and writes records with just `id` and `entities` (spans in code points): measures this
//! layer with the shared scorers independently of the later stages.
//!
//!     cargo run --release -p newsgraph-entities --example extract_entities -- IN.jsonl > OUT.jsonl
//!
//! With `--tagger-only` it writes the statistical tagger's mentions alone, one entity each,
//! to see what the rules and the linking add.

use newsgraph_text::{Document, OffsetMap};
use std::io::{BufRead, Write};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tagger_only = args.iter().any(|a| a == "--tagger-only");
    let path = args.iter().find(|a| !a.starts_with("--")).expect("usage: extract_entities [--tagger-only] FILE.jsonl");
    let file = std::io::BufReader::new(std::fs::File::open(&path).expect("open input"));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut words, start) = (0usize, std::time::Instant::now());
    for line in file.lines() {
        let line = line.expect("read line");
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let text = v["text"].as_str().unwrap_or_default().to_string();
        let doc = Document::new(text);
        words += doc.tokens.len();
        let mut ents = if tagger_only { tagger_entities(&doc) } else { newsgraph_entities::recognise(&doc) };
        let map = OffsetMap::new(&doc.text);
        for e in &mut ents {
            for m in &mut e.mentions {
                *m = map.span_to_chars(m[0], m[1]);
            }
        }
        let rec = serde_json::json!({ "id": id, "entities": ents, "quotes": [], "quantities": [], "times": [], "events": [] });
        writeln!(out, "{rec}").expect("write");
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!("{words} tokens in {secs:.3} s: {:.0} tokens/s", words as f64 / secs.max(1e-9));
}

fn tagger_entities(doc: &Document) -> Vec<newsgraph_record::Entity> {
    newsgraph_ner::tag(doc)
        .into_iter()
        .enumerate()
        .map(|(i, m)| newsgraph_record::Entity {
            id: format!("e{}", i + 1),
            kind: m.kind,
            name: doc.slice(m.span).to_string(),
            aliases: Vec::new(),
            titles: Vec::new(),
            mentions: vec![[m.span.start, m.span.end]],
            geo: None,
        })
        .collect()
}
