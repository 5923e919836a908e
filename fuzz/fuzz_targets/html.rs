//! HTML pages on arbitrary bytes: charset decoding, metadata, main-text extraction (both
//! the DOM extractors and the iterative fallback).
#![no_main]

use newsgraph_ingest::html;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let page = html::decode_html(data);
    let _ = html::extract(&page);
    let _ = html::plain_text(&page);
});
