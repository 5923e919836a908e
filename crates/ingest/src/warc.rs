//! WARC files (`.warc`, `.warc.gz`, one gzip member per record or one for the whole file):
//! each HTML `response` record an article, named by its `WARC-Target-URI`.
//!
//! A small streaming reader of our own rather than the `warc` crate: what matters here is
//! what happens on bad input, and owning the loop makes it plain. Memory stays bounded by
//! one record (at most `max_article_bytes`; larger records are skipped by streaming past
//! them). A `Content-Length` that lies is caught either way: too long, the block runs into
//! the end of the file and the record is reported as truncated; too short, the next
//! record does not start where it should, which is reported, and reading resumes at the
//! next line that starts a WARC record.

use crate::html::charset_param;
use crate::source::{human_bytes, read_bounded_line, read_error};
use crate::{Body, IngestError, Limits, Location, Meta, RawArticle, normalise_date};
use std::io::{self, BufRead, Read};

/// Longest header line accepted (WARC or HTTP); longer ones mean the stream is not WARC.
const MAX_LINE: usize = 64 << 10;
/// Most header lines in one record header.
const MAX_HEADERS: usize = 512;

pub(crate) fn read(reader: Box<dyn BufRead + Send>, loc: Location, limits: Limits) -> impl Iterator<Item = Result<RawArticle, IngestError>> + Send {
    Warc { r: reader, loc, limits, record: 0, articles: 0, done: false, resync: false, ids: Default::default() }
}

struct Warc {
    r: Box<dyn BufRead + Send>,
    loc: Location,
    limits: Limits,
    /// Number of the record being read (1-based).
    record: u64,
    articles: u64,
    done: bool,
    /// The stream lost its place (a lying length): skip to the next "WARC/" line.
    resync: bool,
    /// Hashes of the ids given so far: a crawl often holds several captures of one URL,
    /// and each must keep an id of its own (records are matched by id downstream).
    ids: std::collections::HashSet<u64>,
}

/// What went wrong reading the stream itself, as opposed to one record's content.
enum Stop {
    /// The input ended (cleanly, between records).
    End,
    /// An error that ends the file: nothing after it can be trusted or read.
    Fatal(String),
}

impl Iterator for Warc {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_record() {
                Ok(Some(article)) => {
                    self.articles += 1;
                    return Some(Ok(article));
                }
                Ok(None) => {}
                Err(Ok(e)) => return Some(Err(e)),
                Err(Err(Stop::End)) => {
                    self.done = true;
                    if self.articles == 0 && self.record > 0 {
                        return Some(Err(IngestError::new(self.loc.clone(), "the WARC file holds no HTML response record".into())));
                    }
                }
                Err(Err(Stop::Fatal(reason))) => {
                    self.done = true;
                    return Some(Err(IngestError::new(self.loc.at_record(self.record.max(1)), reason)));
                }
            }
        }
        None
    }
}

type Step = Result<Option<RawArticle>, Result<IngestError, Stop>>;

impl Warc {
    /// Reads one record: `Ok(Some)` an article, `Ok(None)` a record that is not one,
    /// `Err(Ok)` a bad record (reading goes on), `Err(Err)` the end.
    fn next_record(&mut self) -> Step {
        loop {
            let line = read_line(&mut self.r).map_err(Err)?;
            let Some(line) = line else { return Err(Err(Stop::End)) };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if line.starts_with(b"WARC/") {
                self.resync = false;
                break;
            }
            if !self.resync {
                self.resync = true;
                let at = self.record + 1;
                let shown = String::from_utf8_lossy(&line[..line.len().min(40)]).trim().to_string();
                let reason = if self.record == 0 {
                    format!("not a WARC file: it starts with {shown:?}")
                } else {
                    format!(
                        "expected a WARC record header after record {}, found {shown:?} (a wrong Content-Length?); skipping to the next record",
                        self.record
                    )
                };
                if self.record == 0 {
                    return Err(Err(Stop::Fatal(reason)));
                }
                return Err(Ok(IngestError::new(self.loc.at_record(at), reason)));
            }
        }
        self.record += 1;
        let loc = self.loc.at_record(self.record);
        let bad = |reason: String| Err(Ok(IngestError::new(loc.clone(), reason)));
        let headers = match read_headers(&mut self.r).map_err(Err)? {
            Ok(h) => h,
            Err(reason) => {
                self.resync = true;
                return bad(reason);
            }
        };
        let get = |name: &str| headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str());
        let Some(len) = get("Content-Length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            self.resync = true;
            return bad("the record has no valid Content-Length; skipping to the next record".into());
        };
        let wanted = get("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"))
            && get("Content-Type").is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"));
        if !wanted {
            return self.skip(len).map(|()| None);
        }
        if len > self.limits.max_article_bytes as u64 {
            self.skip(len)?;
            return bad(format!(
                "the record is {} long, over the limit of {} (see --max-article-bytes)",
                human_bytes(len as usize),
                human_bytes(self.limits.max_article_bytes)
            ));
        }
        let mut block = Vec::with_capacity(len as usize);
        match (&mut self.r).take(len).read_to_end(&mut block) {
            Ok(n) if (n as u64) < len => {
                return Err(Err(Stop::Fatal(format!(
                    "the record is truncated: its Content-Length says {len} bytes but the file ends after {n} (a wrong Content-Length or a cut file)"
                ))));
            }
            Ok(_) => {}
            Err(e) => return Err(Err(Stop::Fatal(read_error(e)))),
        }
        let uri = get("WARC-Target-URI").map(|u| u.trim().trim_start_matches('<').trim_end_matches('>').to_string()).filter(|u| !u.is_empty());
        let record_id = get("WARC-Record-ID").map(|u| u.trim().trim_start_matches('<').trim_end_matches('>').to_string());
        let Some(mut id) = uri.clone().or(record_id) else {
            return bad("the response record has neither WARC-Target-URI nor WARC-Record-ID".into());
        };
        let date = get("WARC-Date").and_then(normalise_date);
        // A later capture of a URL already seen is named by its capture time, then by its
        // record number if that is not enough.
        if !self.ids.insert(id_hash(&id)) {
            let when = get("WARC-Date").map(str::trim).unwrap_or_default();
            id = format!("{id}@{when}");
            if when.is_empty() || !self.ids.insert(id_hash(&id)) {
                id = format!("{id}#{}", self.record);
                self.ids.insert(id_hash(&id));
            }
        }
        let page = match http_html(&block) {
            Ok(Some(page)) => page,
            Ok(None) => return Ok(None),
            Err(reason) => return bad(format!("{id}: {reason}")),
        };
        let meta = Meta { url: uri, fallback_date: date, ..Meta::default() };
        Ok(Some(RawArticle { id, body: Body::Html(page), meta, location: loc }))
    }

    /// Streams past `len` bytes without holding them.
    fn skip(&mut self, len: u64) -> Result<(), Result<IngestError, Stop>> {
        match io::copy(&mut (&mut self.r).take(len), &mut io::sink()) {
            Ok(n) if n < len => Err(Err(Stop::Fatal(format!(
                "the record is truncated: its Content-Length says {len} bytes but the file ends after {n} (a wrong Content-Length or a cut file)"
            )))),
            Ok(_) => Ok(()),
            Err(e) => Err(Err(Stop::Fatal(read_error(e)))),
        }
    }
}

fn id_hash(id: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(id)
}

/// One line without its end, at most [`MAX_LINE`] bytes (longer lines are cut there and
/// the rest skipped); `None` at the end of input.
fn read_line(r: &mut dyn BufRead) -> Result<Option<Vec<u8>>, Stop> {
    let mut line = Vec::new();
    if read_bounded_line(r, &mut line, MAX_LINE).map_err(|e| Stop::Fatal(read_error(e)))? == 0 {
        return Ok(None);
    }
    while line.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
        line.pop();
    }
    Ok(Some(line))
}

/// The named headers up to the blank line. `Ok(Err)` for a header block that is not one.
fn read_headers(r: &mut dyn BufRead) -> Result<Result<Vec<(String, String)>, String>, Stop> {
    let mut out: Vec<(String, String)> = Vec::new();
    loop {
        let Some(line) = read_line(r)? else { return Ok(Err("the header block is cut off before its blank line".into())) };
        if line.is_empty() {
            return Ok(Ok(out));
        }
        if out.len() >= MAX_HEADERS {
            return Ok(Err(format!("more than {MAX_HEADERS} header lines; not a WARC record")));
        }
        parse_header(&line, &mut out);
    }
}

fn parse_header(line: &[u8], out: &mut Vec<(String, String)>) {
    let line = String::from_utf8_lossy(line);
    if line.starts_with([' ', '\t']) {
        // A folded continuation line.
        if let Some((_, v)) = out.last_mut() {
            v.push(' ');
            v.push_str(line.trim());
        }
    } else if let Some((k, v)) = line.split_once(':') {
        out.push((k.trim().to_string(), v.trim().to_string()));
    }
}

/// The HTML page inside an HTTP response: `Ok(None)` when the response is not an HTML
/// page (an image, a redirect, an error page), `Err` when it cannot be read.
fn http_html(block: &[u8]) -> Result<Option<String>, String> {
    let mut r: &[u8] = block;
    let status = read_line(&mut r).map_err(|_| "cannot read the HTTP response".to_string())?.unwrap_or_default();
    let status = String::from_utf8_lossy(&status);
    if !status.starts_with("HTTP/") {
        return Err(format!("the response does not start with an HTTP status line ({:?})", &status.chars().take(30).collect::<String>()));
    }
    let code: u16 = status.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let headers = match read_headers(&mut r) {
        Ok(Ok(h)) => h,
        Ok(Err(reason)) => return Err(format!("bad HTTP headers: {reason}")),
        Err(_) => return Err("cannot read the HTTP headers".into()),
    };
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let get = |name: &str| headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str());
    let content_type = get("Content-Type").unwrap_or("text/html").to_ascii_lowercase();
    if !(content_type.contains("html") || content_type.starts_with("text/plain") && r.trim_ascii_start().starts_with(b"<")) {
        return Ok(None);
    }
    let mut body: Vec<u8> = r.to_vec();
    if get("Transfer-Encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        body = dechunk(&body).ok_or("the chunked HTTP body is malformed")?;
    }
    if let Some(enc) = get("Content-Encoding").map(|e| e.trim().to_ascii_lowercase()) {
        if enc == "gzip" || enc == "x-gzip" {
            let mut out = Vec::new();
            let limit = (block.len() as u64).saturating_mul(20).max(1 << 20);
            flate2::read::MultiGzDecoder::new(&body[..]).take(limit).read_to_end(&mut out).map_err(|e| format!("cannot gunzip the HTTP body: {e}"))?;
            body = out;
        } else if enc != "identity" {
            return Err(format!("the HTTP body is compressed with {enc:?}, which is not supported"));
        }
    }
    if body.trim_ascii().is_empty() {
        return Err("the HTTP response has an empty body".into());
    }
    let charset = get("Content-Type").and_then(charset_param);
    Ok(Some(crate::html::decode_html_with(&body, charset)))
}

/// Undoes HTTP chunked transfer encoding; `None` when malformed.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let i = b.iter().position(|&c| c == b'\n')?;
        let size_line = std::str::from_utf8(&b[..i]).ok()?.trim();
        let size = usize::from_str_radix(size_line.split(';').next()?.trim(), 16).ok()?;
        b = &b[i + 1..];
        if size == 0 {
            return Some(out);
        }
        if size > b.len() {
            return None;
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        b = b.strip_prefix(b"\r\n").or_else(|| b.strip_prefix(b"\n")).unwrap_or(b);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A WARC record with `block` as its content; `len` overrides the true Content-Length.
    pub(crate) fn record(kind: &str, uri: &str, block: &str, len: Option<usize>) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2023-04-05T06:07:08Z\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            len.unwrap_or(block.len())
        )
    }

    pub(crate) fn http(body: &str, content_type: &str) -> String {
        format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}", body.len())
    }

    fn items(data: &[u8]) -> Vec<Result<RawArticle, IngestError>> {
        read(Box::new(io::Cursor::new(data.to_vec())), Location::file("crawl.warc"), Limits::default()).collect()
    }

    const PAGE: &str = "<html><head><meta property=\"article:published_time\" content=\"2023-04-01\"></head><body><article><p>The council voted on Tuesday to close the bridge for repairs, officials said.</p></article></body></html>";

    #[test]
    fn responses_become_articles() {
        let warc = [
            "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n".to_string(),
            record("request", "https://a.example/1", "GET /1 HTTP/1.1\r\n\r\n", None),
            record("response", "https://a.example/1", &http(PAGE, "text/html; charset=utf-8"), None),
            record("response", "https://a.example/logo.png", &http("PNG", "image/png"), None),
            record("response", "https://a.example/2", &http("<p>caf\u{e9}</p>", "text/html"), None),
        ]
        .concat();
        let out = items(warc.as_bytes());
        assert_eq!(out.len(), 2, "{out:?}");
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.id, "https://a.example/1");
        assert_eq!(a.meta.url.as_deref(), Some("https://a.example/1"));
        assert_eq!(a.location.record, Some(3));
        let art = a.clone().prepare().unwrap();
        assert_eq!(art.meta.date.as_deref(), Some("2023-04-01"), "the page's own date beats the capture date");
        assert!(art.text.contains("close the bridge"));
        let b = out[1].as_ref().unwrap().clone().prepare().unwrap();
        assert_eq!(b.meta.date.as_deref(), Some("2023-04-05"), "capture date when the page has none");
    }

    #[test]
    fn repeated_captures_of_a_url_get_ids_of_their_own() {
        let page = http(PAGE, "text/html");
        let again = record("response", "https://a.example/1", &page, None).replace("2023-04-05T06:07:08Z", "2023-04-06T00:00:00Z");
        let warc = [record("response", "https://a.example/1", &page, None), again.clone(), again].concat();
        let ids: Vec<String> = items(warc.as_bytes()).into_iter().map(|r| r.unwrap().id).collect();
        assert_eq!(ids, ["https://a.example/1", "https://a.example/1@2023-04-06T00:00:00Z", "https://a.example/1@2023-04-06T00:00:00Z#3"]);
    }

    #[test]
    fn charset_from_http_header() {
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n<p>".to_vec();
        block.extend_from_slice(b"\xcf\xf0\xe8\xe2\xe5\xf2</p>");
        assert!(http_html(&block).unwrap().unwrap().contains("Привет"));
    }

    #[test]
    fn chunked_and_gzipped_bodies() {
        let chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>H\r\n6\r\nello.<\r\n3\r\n/p>\r\n0\r\n\r\n";
        assert_eq!(http_html(chunked.as_bytes()).unwrap().unwrap(), "<p>Hello.</p>");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        io::Write::write_all(&mut gz, b"<p>zipped</p>").unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(gz.finish().unwrap());
        assert_eq!(http_html(&block).unwrap().unwrap(), "<p>zipped</p>");
        assert!(http_html(b"HTTP/1.1 301 Moved\r\nLocation: x\r\n\r\n").unwrap().is_none());
        assert!(http_html(b"garbage").is_err());
    }

    #[test]
    fn short_content_length_is_reported_then_reading_resumes() {
        let body = http(PAGE, "text/html");
        let warc =
            [record("response", "https://a.example/liar", &body, Some(body.len() / 2)), record("response", "https://a.example/ok", &body, None)].concat();
        let out = items(warc.as_bytes());
        assert_eq!(out.len(), 3, "{out:?}");
        // The cut record is still HTML (half a page); the desync is reported on the next one.
        let e = out[1].as_ref().unwrap_err();
        assert!(e.reason.contains("expected a WARC record header after record 1"), "{e}");
        assert_eq!(out[2].as_ref().unwrap().id, "https://a.example/ok");
    }

    #[test]
    fn long_content_length_is_a_truncated_record() {
        let body = http(PAGE, "text/html");
        let warc =
            [record("response", "https://a.example/ok", &body, None), record("response", "https://a.example/liar", &body, Some(10 * body.len()))].concat();
        let out = items(warc.as_bytes());
        assert_eq!(out.len(), 2);
        assert!(out[0].is_ok());
        let e = out[1].as_ref().unwrap_err();
        assert!(e.to_string().starts_with("crawl.warc (record 2): the record is truncated"), "{e}");
    }

    #[test]
    fn not_warc_and_oversized() {
        let out = items(b"WARC/1.0\r\nContent-Length: x\r\n\r\n");
        assert!(out[0].as_ref().unwrap_err().reason.contains("no valid Content-Length"));
        let body = http(PAGE, "text/html");
        let warc = record("response", "https://a.example/big", &body, None);
        let out: Vec<_> =
            read(Box::new(io::Cursor::new(warc.into_bytes())), Location::file("w.warc"), Limits { max_article_bytes: 100, ..Limits::default() }).collect();
        assert!(out[0].as_ref().unwrap_err().reason.contains("over the limit"), "{out:?}");
        assert!(out[1].as_ref().unwrap_err().reason.contains("no HTML response"));
    }
}
