//! Shared by the reader targets: read the bytes as one format, then prepare every
//! article (HTML extraction included), as `newsgraph extract` does.

use newsgraph_ingest::{Format, Limits, read_stream};
use std::path::Path;

pub fn read_all(data: &[u8], name: &str, format: Format) {
    // Small limits so the fuzzer explores the over-the-limit paths too.
    let limits = Limits { max_article_bytes: 1 << 16, max_feed_bytes: 1 << 16 };
    for item in read_stream(Box::new(std::io::Cursor::new(data.to_vec())), Path::new(name), Some(format), limits) {
        if let Ok(raw) = item {
            let _ = raw.prepare();
        }
    }
}
