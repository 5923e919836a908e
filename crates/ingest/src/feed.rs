//! RSS and Atom feeds: each item an article, with its publication date.
//! (Implemented by the ingestion work; until then a feed is reported, not dropped.)

use crate::{IngestError, Location, RawArticle};

pub(crate) fn read(bytes: &[u8], loc: Location) -> Vec<Result<RawArticle, IngestError>> {
    let _ = bytes;
    vec![Err(IngestError::new(loc, "RSS/Atom feeds are not supported yet".into()))]
}
