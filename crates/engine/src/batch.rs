//! Running many articles: parallel analysis with output in input order.

use crate::analyse;
use newsgraph_ingest::{IngestError, Location, RawArticle};
use newsgraph_record::Record;
use rayon::prelude::*;

/// The outcome for one input item, in input order.
pub type Outcome = Result<Record, IngestError>;

/// Prepares and analyses a batch of raw articles in parallel; the results keep the order
/// of the input. A panic inside a recogniser becomes an error for that article alone.
pub fn analyse_batch(items: Vec<Result<RawArticle, IngestError>>) -> Vec<Outcome> {
    items.into_par_iter().map(|item| item.and_then(analyse_raw)).collect()
}

/// Prepares and analyses one raw article, turning a recogniser panic into an error.
pub fn analyse_raw(raw: RawArticle) -> Outcome {
    let loc: Location = raw.location.clone();
    let id = raw.id.clone();
    let article = raw.prepare()?;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyse(article))).map_err(|p| {
        let msg = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_default();
        IngestError::new(loc, format!("internal error while analysing article {id:?}: {msg} (please report this)"))
    })
}
