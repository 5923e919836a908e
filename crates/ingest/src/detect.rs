//! Format detection, by content first and by extension second.

use std::path::Path;

/// The container formats newsgraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    JsonLines,
    Text,
    Html,
    Feed,
    Warc,
}

impl Format {
    /// Detects the format of a (decompressed) file from its first bytes, falling back on
    /// the extension when the content is not conclusive.
    pub fn detect(path: &Path, head: &[u8]) -> Format {
        let head = strip_bom(head);
        if head.starts_with(b"WARC/") {
            return Format::Warc;
        }
        let start = String::from_utf8_lossy(&head[..head.len().min(2048)]).to_ascii_lowercase();
        let trimmed = start.trim_start();
        if trimmed.starts_with('{') {
            return Format::JsonLines;
        }
        if trimmed.starts_with('<') {
            if start.contains("<rss") || start.contains("<feed") || start.contains("<rdf:rdf") {
                return Format::Feed;
            }
            if ["<!doctype html", "<html", "<head", "<body", "<meta", "<div", "<article", "<p", "<!--", "<title"].iter().any(|t| trimmed.starts_with(t))
                || start.contains("<html")
            {
                return Format::Html;
            }
        }
        match ext(path).as_deref() {
            Some("jsonl" | "ndjson" | "json") => Format::JsonLines,
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("rss" | "atom") => Format::Feed,
            Some("xml") if trimmed.starts_with('<') => Format::Feed,
            Some("warc") => Format::Warc,
            _ => Format::Text,
        }
    }
}

/// The extension that names the format, ignoring a compression suffix (`page.html.gz`).
pub(crate) fn ext(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.').map(|(_, e)| e.to_string())
}

/// The file name without any extensions: `ab12.html.gz` → `ab12`.
pub(crate) fn stem(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut s = name.as_str();
    for suffix in [".gz", ".html", ".htm", ".xhtml", ".txt", ".text", ".warc", ".jsonl", ".ndjson", ".rss", ".atom", ".xml"] {
        if let Some(t) = s.strip_suffix(suffix) {
            s = t;
        }
    }
    s.to_string()
}

fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_content_then_extension() {
        let p = Path::new("x.bin");
        assert_eq!(Format::detect(p, b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(Format::detect(p, b"  {\"id\":1}"), Format::JsonLines);
        assert_eq!(Format::detect(p, b"<?xml version='1.0'?><rss>"), Format::Feed);
        assert_eq!(Format::detect(p, b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::detect(p, b"Plain words."), Format::Text);
        assert_eq!(Format::detect(Path::new("a.html.gz"), b"text"), Format::Html);
        assert_eq!(stem(Path::new("dir/ab12.html.gz")), "ab12");
    }
}
