//! Times main-text extraction alone (no recognisers) over HTML files, per extractor:
//! `cargo run --release -p newsgraph-ingest --example html_extract -- [trafilatura|readability|plain] FILE...`
//! Prints pages, total ms, ms/page and MB/s; writes `{"id","text"}` JSON Lines to stdout
//! when `--records` is given, so the Zyte scorer can read them.

use newsgraph_ingest::html::{Extractor, decode_html, extract_with};
use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let records = args.iter().position(|a| a == "--records").map(|i| args.remove(i)).is_some();
    let extractor = match args.first().map(String::as_str) {
        Some("readability") => Extractor::Readability,
        Some("plain") => Extractor::Plain,
        Some("trafilatura") => Extractor::Trafilatura,
        _ => {
            eprintln!("usage: html_extract [--records] trafilatura|readability|plain FILE...");
            std::process::exit(2);
        }
    };
    let (mut pages, mut bytes, mut total) = (0usize, 0usize, std::time::Duration::ZERO);
    for path in &args[1..] {
        let raw = std::fs::read(path).expect("readable file");
        let raw = if raw.starts_with(&[0x1f, 0x8b]) {
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&raw[..]), &mut out).expect("gzip");
            out
        } else {
            raw
        };
        let t = Instant::now();
        let page = decode_html(&raw);
        let out = extract_with(&page, extractor).expect("extraction does not fail");
        total += t.elapsed();
        pages += 1;
        bytes += raw.len();
        if records {
            let id = std::path::Path::new(path).file_name().unwrap().to_string_lossy().split('.').next().unwrap().to_string();
            println!("{}", serde_json::json!({"id": id, "text": out.text, "title": out.title}));
        }
    }
    let secs = total.as_secs_f64();
    eprintln!(
        "{extractor:?}: {pages} pages, {:.0} ms, {:.2} ms/page, {:.1} MB/s",
        secs * 1e3,
        secs * 1e3 / pages.max(1) as f64,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
}
