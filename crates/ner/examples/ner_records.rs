//! Writes one record per input article with one entity per tagged mention, straight from
//! `newsgraph_ner::tag`, so the tagger can be scored alone with the CoNLL scorer:
//!
//!     cargo run --release -p newsgraph-ner --example ner_records -- input.jsonl > records.jsonl
//!     python3 ../shared/tools/conll_eval.py score ../shared/data/ner/conll2003/eng.testb records.jsonl
//!
//! Prints the tagging throughput (text layer + tagger, one core) to stderr.
//!
//! With `--conll-types` every CoNLL MISC chunk is written too, typed NORP (the scorer maps
//! NORP back to MISC), so the scorer measures the tagger on all four CoNLL types; without it
//! the records hold what the product keeps (MISC only when it is a group of people).

use newsgraph_text::{Document, OffsetMap};
use std::io::{BufRead, Write};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let conll_types = args.iter().any(|a| a == "--conll-types");
    let path = args.iter().find(|a| !a.starts_with("--")).expect("usage: ner_records [--conll-types] INPUT.jsonl");
    let file = std::fs::File::open(path).expect("input");
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
        let mut mentions = newsgraph_ner::tag(&doc);
        tagging += t.elapsed().as_secs_f64();
        if conll_types {
            mentions = newsgraph_ner::chunks_with(newsgraph_ner::shipped_model().expect("model"), &doc)
                .into_iter()
                .map(|c| {
                    let span = newsgraph_ner::train::span_of(&doc, c.tokens.clone());
                    let kind = match newsgraph_ner::model::TYPES[c.ty] {
                        "PER" => newsgraph_record::EntityType::PERSON,
                        "ORG" => newsgraph_record::EntityType::ORG,
                        "LOC" => newsgraph_record::EntityType::GPE,
                        _ => newsgraph_record::EntityType::NORP,
                    };
                    newsgraph_ner::NameMention { span, kind, score: c.score }
                })
                .collect();
        }
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
