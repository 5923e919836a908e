//! Scores the shipped model on a CoNLL file on the engine's tokens (all four CoNLL types)
//! and prints its errors, for error analysis:
//!
//!     cargo run --release -p newsgraph-ner --example ner_errors -- ../shared/data/ner/conll2003/eng.testb [MODEL]

use newsgraph_ner::model::{self, Model, TYPES};
use newsgraph_ner::train::{read_conll, span_of};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: ner_errors FILE.conll [MODEL]");
    let owned;
    let m: &Model = match args.next() {
        Some(p) => {
            owned = Model::from_bytes(&std::fs::read(p).expect("model")).expect("model");
            &owned
        }
        None => newsgraph_ner::shipped_model().expect("shipped model"),
    };
    let (mut tp, mut np, mut ng) = ([0usize; 4], [0usize; 4], [0usize; 4]);
    for (doc, gold) in read_conll(path.as_ref()).expect("read") {
        let pred: Vec<(usize, usize, usize)> = newsgraph_ner::chunks_with(m, &doc).into_iter().map(|c| (c.tokens.start, c.tokens.end, c.ty)).collect();
        let gold = model::chunks(&gold);
        let text = |c: &(usize, usize, usize)| {
            let s = span_of(&doc, c.0..c.1);
            let line_start = doc.text[..s.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = doc.text[s.end..].find('\n').map_or(doc.text.len(), |i| s.end + i);
            format!("{} | {}", &doc.text[s.start..s.end], doc.text[line_start..line_end].chars().take(140).collect::<String>())
        };
        for p in &pred {
            np[p.2] += 1;
            if gold.contains(p) {
                tp[p.2] += 1;
            } else {
                let g = gold.iter().find(|g| g.0 < p.1 && p.0 < g.1);
                println!(
                    "FP {} (gold {}) {}",
                    TYPES[p.2],
                    g.map_or("-".to_string(), |g| format!("{} {}", TYPES[g.2], text(g).split(" | ").next().unwrap_or(""))),
                    text(p)
                );
            }
        }
        for g in &gold {
            ng[g.2] += 1;
            if !pred.iter().any(|p| p.0 < g.1 && g.0 < p.1) {
                println!("FN {} {}", TYPES[g.2], text(g));
            }
        }
    }
    let f = |t: usize, p: usize, g: usize| if p + g == 0 { 0.0 } else { 200.0 * t as f64 / (p + g) as f64 };
    for t in 0..4 {
        eprintln!("{}: F1 {:.2} (pred {} gold {} correct {})", TYPES[t], f(tp[t], np[t], ng[t]), np[t], ng[t], tp[t]);
    }
    let s = |a: [usize; 4], k: usize| a[..k].iter().sum::<usize>();
    eprintln!("all: F1 {:.2}; no MISC: F1 {:.2}", f(s(tp, 4), s(np, 4), s(ng, 4)), f(s(tp, 3), s(np, 3), s(ng, 3)));
}
