//! The Warc reader on arbitrary bytes (gzip-wrapped inputs included): no panic, no hang.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::read_all(data, "a.warc", newsgraph_ingest::Format::Warc));
