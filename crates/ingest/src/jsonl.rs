//! JSON Lines: one article object per line.

use crate::source::{human_bytes, read_bounded_line, read_error};
use crate::{Body, IngestError, Limits, Location, Meta, RawArticle, normalise_date};
use serde::Deserialize;
use std::io::BufRead;

#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    lang: Option<String>,
}

/// Streams articles from a JSON Lines reader, one line at a time, never holding more than
/// one line (at most `max_article_bytes`) in memory.
pub(crate) struct JsonLines {
    reader: Box<dyn BufRead + Send>,
    loc: Location,
    stem: String,
    limits: Limits,
    line_no: u64,
    done: bool,
}

impl JsonLines {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, loc: Location, stem: String, limits: Limits) -> Self {
        JsonLines { reader, loc, stem, limits, line_no: 0, done: false }
    }

    /// Reads the next line into `buf`; returns false at the end. A line longer than the
    /// limit is skipped to its end and reported as `Err`.
    fn next_line(&mut self, buf: &mut Vec<u8>) -> Result<bool, String> {
        let keep = self.limits.max_article_bytes + 1;
        let whole = read_bounded_line(&mut self.reader, buf, keep).map_err(read_error)?;
        if whole > keep {
            buf.clear();
            return Err(format!("the line is longer than the limit of {} (see --max-article-bytes)", human_bytes(self.limits.max_article_bytes)));
        }
        Ok(whole > 0)
    }

    fn parse(&self, bytes: &[u8], loc: Location) -> Option<Result<RawArticle, IngestError>> {
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => return Some(Err(IngestError::new(loc, format!("invalid UTF-8 at byte {} of the line", e.valid_up_to())))),
        };
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let line: Line = match serde_json::from_str(text) {
            Ok(l) => l,
            Err(e) => return Some(Err(IngestError::new(loc, format!("not a valid JSON article object: {e}")))),
        };
        let id = match line.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            None | Some(serde_json::Value::Null) => format!("{}:{}", self.stem, loc.line.unwrap_or(0)),
            Some(other) => return Some(Err(IngestError::new(loc, format!("\"id\" must be a string or a number, not {other}")))),
        };
        let body = match (line.text, line.html) {
            (Some(t), _) if !t.trim().is_empty() => Body::Text(if t.contains('\0') { t.replace('\0', " ") } else { t }),
            (_, Some(h)) if !h.trim().is_empty() => Body::Html(h),
            // Text inside JSON is already Unicode: nothing is decoded or stripped (a leading
            // byte-order mark stays, so spans index the text as given); stray NULs become
            // spaces, one for one. A blank text is a valid, empty article: it gets a record.
            (Some(t), _) => Body::Text(if t.contains('\0') { t.replace('\0', " ") } else { t }),
            _ => return Some(Err(IngestError::new(loc, format!("article {id:?} has neither \"text\" nor \"html\"")))),
        };
        let date = line.date.as_deref().and_then(normalise_date);
        let unread_date = line.date.filter(|d| date.is_none() && !d.trim().is_empty());
        let meta = Meta {
            date,
            unread_date,
            url: line.url.filter(|s| !s.is_empty()),
            title: line.title.filter(|s| !s.is_empty()),
            outlet: line.outlet.filter(|s| !s.is_empty()),
            lang: line.lang,
            fallback_date: None,
        };
        Some(Ok(RawArticle { id, body, meta, location: loc }))
    }
}

impl Iterator for JsonLines {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        while !self.done {
            self.line_no += 1;
            let loc = self.loc.at_line(self.line_no);
            match self.next_line(&mut buf) {
                Ok(false) => self.done = true,
                Ok(true) => {
                    if let Some(item) = self.parse(&buf, loc) {
                        return Some(item);
                    }
                }
                Err(reason) => {
                    if reason.contains("truncated") || reason.starts_with("cannot read") {
                        self.done = true;
                    }
                    return Some(Err(IngestError::new(loc, reason)));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &str, max: usize) -> Vec<Result<RawArticle, IngestError>> {
        let limits = Limits { max_article_bytes: max, ..Limits::default() };
        JsonLines::new(Box::new(std::io::Cursor::new(data.as_bytes().to_vec())), Location::file("a.jsonl"), "a".into(), limits).collect()
    }

    #[test]
    fn good_bad_and_blank_lines() {
        let out = read("{\"id\":\"x\",\"text\":\"Hello.\",\"date\":\"2022-03-28\"}\n\nnot json\n{\"id\":7,\"html\":\"<p>Hi</p>\"}\n{\"id\":\"z\"}\n", 1 << 20);
        assert_eq!(out.len(), 4);
        let a = out[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.meta.date.as_deref()), ("x", Some("2022-03-28")));
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.location.line, Some(3));
        assert!(e.to_string().starts_with("a.jsonl:3: not a valid JSON"), "{e}");
        assert_eq!(out[2].as_ref().unwrap().id, "7");
        assert!(out[3].as_ref().unwrap_err().reason.contains("neither"));
    }

    #[test]
    fn blank_text_is_an_empty_article_and_json_text_is_kept_as_given() {
        let out = read("{\"id\":\"blank\",\"text\":\"  \"}\n{\"id\":\"bom\",\"text\":\"\\ufeffOn Monday\\u0000 it rained.\"}\n", 1 << 20);
        match &out[0].as_ref().unwrap().body {
            Body::Text(t) => assert_eq!(t, "  "),
            other => panic!("{other:?}"),
        }
        match &out[1].as_ref().unwrap().body {
            Body::Text(t) => assert_eq!(t, "\u{feff}On Monday  it rained."),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn overlong_line_is_skipped_not_fatal() {
        let long = format!("{{\"id\":\"big\",\"text\":\"{}\"}}\n{{\"id\":\"ok\",\"text\":\"fine\"}}", "a".repeat(5000));
        let out = read(&long, 1000);
        assert!(out[0].as_ref().unwrap_err().reason.contains("longer than the limit"));
        assert_eq!(out[1].as_ref().unwrap().id, "ok");
    }
}
