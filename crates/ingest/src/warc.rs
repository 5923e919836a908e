//! WARC files: each HTML response record an article, with its URL and date.
//! (Implemented by the ingestion work; until then a WARC file is reported, not dropped.)

use crate::{IngestError, Limits, Location, RawArticle};
use std::io::BufRead;

pub(crate) fn read(reader: Box<dyn BufRead + Send>, loc: Location, limits: Limits) -> impl Iterator<Item = Result<RawArticle, IngestError>> + Send {
    let _ = (reader, limits);
    std::iter::once(Err(IngestError::new(loc, "WARC files are not supported yet".into())))
}
