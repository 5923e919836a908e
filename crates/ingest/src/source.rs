//! Walking the inputs: paths, directories, stdin, gzip, and dispatch to the format readers.

use crate::detect::{Format, ext, stem};
use crate::{Body, IngestError, Location, Meta, RawArticle, feed, jsonl, warc};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Bounds that keep memory in check whatever the input.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest article (a text file, an HTML page, a JSON line, a WARC record) in bytes.
    pub max_article_bytes: usize,
    /// Largest feed file, which must be parsed whole.
    pub max_feed_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_article_bytes: 16 << 20, max_feed_bytes: 64 << 20 }
    }
}

type Items = Box<dyn Iterator<Item = Result<RawArticle, IngestError>> + Send>;

/// Streams raw articles from `paths` in order. A path is a file, a directory (walked
/// recursively, in name order, hidden files skipped) or `-` for standard input.
pub fn read_inputs(paths: Vec<PathBuf>, limits: Limits) -> impl Iterator<Item = Result<RawArticle, IngestError>> + Send {
    Inputs { pending: paths.into(), current: None, limits }
}

struct Inputs {
    pending: VecDeque<PathBuf>,
    current: Option<Items>,
    limits: Limits,
}

impl Iterator for Inputs {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = &mut self.current {
                if let Some(item) = cur.next() {
                    return Some(item);
                }
                self.current = None;
            }
            let path = self.pending.pop_front()?;
            if path.as_os_str() == "-" {
                self.current = Some(open_reader(Box::new(io::stdin()), Path::new("<stdin>"), None, self.limits));
                continue;
            }
            match std::fs::metadata(&path) {
                Err(e) => return Some(Err(IngestError::new(Location::file(&path), format!("cannot read: {e}")))),
                Ok(m) if m.is_dir() => match list_dir(&path) {
                    Ok(children) => {
                        for c in children.into_iter().rev() {
                            self.pending.push_front(c);
                        }
                    }
                    Err(e) => return Some(Err(IngestError::new(Location::file(&path), format!("cannot list directory: {e}")))),
                },
                Ok(_) => match File::open(&path) {
                    Ok(f) => self.current = Some(open_reader(Box::new(f), &path, None, self.limits)),
                    Err(e) => return Some(Err(IngestError::new(Location::file(&path), format!("cannot open: {e}")))),
                },
            }
        }
    }
}

fn list_dir(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> =
        std::fs::read_dir(dir)?.filter_map(|e| e.ok()).filter(|e| !e.file_name().to_string_lossy().starts_with('.')).map(|e| e.path()).collect();
    out.sort();
    Ok(out)
}

/// Reads articles from any byte stream (a socket, an archive member, bytes in memory):
/// gzip is undone, and the format is detected from the content and `name`'s extension
/// unless `format` says it. `name` is what errors and default ids are named after.
pub fn read_stream(
    raw: Box<dyn Read + Send>,
    name: &Path,
    format: Option<Format>,
    limits: Limits,
) -> impl Iterator<Item = Result<RawArticle, IngestError>> + Send {
    open_reader(raw, name, format, limits)
}

/// Opens one input: undoes gzip, detects the format, and hands the stream to its reader.
fn open_reader(raw: Box<dyn Read + Send>, path: &Path, forced: Option<Format>, limits: Limits) -> Items {
    let loc = Location::file(path);
    let mut raw = BufReader::with_capacity(64 << 10, raw);
    let gz = match raw.fill_buf() {
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(e) => return one_err(loc, format!("cannot read: {e}")),
    };
    let mut reader: Box<dyn BufRead + Send> =
        if gz { Box::new(BufReader::with_capacity(64 << 10, flate2::read::MultiGzDecoder::new(raw))) } else { Box::new(raw) };
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => return one_err(loc, format!("cannot read{}: {e}", if gz { " (gzip)" } else { "" })),
    };
    if head.is_empty() {
        return one_err(loc, "the file is empty".into());
    }
    match forced.unwrap_or_else(|| Format::detect(path, &head)) {
        Format::JsonLines => Box::new(jsonl::JsonLines::new(reader, loc, stem(path), limits)),
        Format::Warc => Box::new(warc::read(reader, loc, limits)),
        Format::Feed => match read_bounded(&mut reader, limits.max_feed_bytes) {
            Ok(bytes) => Box::new(feed::read(&bytes, loc).into_iter()),
            Err(reason) => one_err(loc, reason),
        },
        fmt @ (Format::Html | Format::Text) => {
            let bytes = match read_bounded(&mut reader, limits.max_article_bytes) {
                Ok(b) => b,
                Err(reason) => return one_err(loc, reason),
            };
            let id = stem(path);
            let body = if fmt == Format::Html {
                Body::Html(crate::html::decode_html(&bytes))
            } else {
                match decode_text(&bytes) {
                    Ok(t) => Body::Text(t),
                    Err(reason) => return one_err(loc, reason),
                }
            };
            let _ = ext(path);
            Box::new(std::iter::once(Ok(RawArticle { id, body, meta: Meta::default(), location: loc })))
        }
    }
}

fn one_err(loc: Location, reason: String) -> Items {
    Box::new(std::iter::once(Err(IngestError::new(loc, reason))))
}

/// Reads a whole stream, failing (without holding more than `max` bytes) when it is larger.
pub(crate) fn read_bounded(r: &mut dyn Read, max: usize) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    match r.take(max as u64 + 1).read_to_end(&mut buf) {
        Ok(_) if buf.len() > max => Err(format!("larger than the limit of {} (see --max-article-bytes)", human_bytes(max))),
        Ok(_) => Ok(buf),
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Err("the gzip stream is truncated".into()),
        Err(e) => Err(format!("cannot read: {e}")),
    }
}

/// Reads one line, with its end, into `buf`, keeping at most `max` bytes of it and
/// skipping the rest, so that a file without line ends never fills memory. Returns the
/// length of the whole line (more than `buf` holds when it was cut); 0 at the end.
pub(crate) fn read_bounded_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<usize> {
    buf.clear();
    let mut whole = 0;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        let (take, found) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = max.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..take.min(room)]);
        r.consume(take);
        whole += take;
        if found {
            break;
        }
    }
    Ok(whole)
}

/// A read failure in words; a cut gzip stream shows up as an unexpected end.
pub(crate) fn read_error(e: io::Error) -> String {
    if e.kind() == io::ErrorKind::UnexpectedEof { "the gzip stream is truncated".into() } else { format!("cannot read: {e}") }
}

pub(crate) fn human_bytes(n: usize) -> String {
    if n >= 1 << 20 {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}

/// Decodes a plain-text file: a BOM decides; otherwise UTF-8 if valid, else Windows-1252
/// (what mislabelled Western news text nearly always is). Binary data is refused.
/// NUL bytes in otherwise textual data become spaces, so offsets stay those of the input.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<String, String> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err("binary data, not text (control bytes in the first 8 KiB)".into());
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    };
    Ok(if text.contains('\0') { text.replace('\0', " ") } else { text })
}

/// True when the first 8 KiB hold more than 5 % control bytes (NUL and other C0
/// characters other than tab, newline, carriage return, form feed).
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let ctrl = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    ctrl > 0 && ctrl * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(decode_text("café".as_bytes()).unwrap(), "café");
        assert_eq!(decode_text(b"caf\xe9").unwrap(), "café");
        assert_eq!(decode_text(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(decode_text(b"\xFF\xFEh\0i\0").unwrap(), "hi");
        assert!(decode_text(&[0u8, 1, 2, 3, 4, 5, 0, 0]).is_err());
        assert_eq!(decode_text(b"a long line of text with one stray \0 byte in the middle of it, fine").unwrap().chars().filter(|&c| c == '\0').count(), 0);
    }

    #[test]
    fn bounded_read() {
        let data = [b'a'; 100];
        assert!(read_bounded(&mut &data[..], 99).is_err());
        assert_eq!(read_bounded(&mut &data[..], 100).unwrap().len(), 100);
    }
}
