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
    analyse_guarded(article).map_err(|msg| IngestError::new(loc, format!("internal error while analysing article {id:?}: {msg} (please report this)")))
}

/// Analyses one article, turning a panic inside a recogniser into an error message, so one
/// article can never take a batch (or a Python process) down with it.
pub fn analyse_guarded(article: newsgraph_ingest::Article) -> Result<Record, String> {
    install_panic_hook();
    GUARDED.with(|g| g.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyse(article)));
    GUARDED.with(|g| g.set(false));
    result.map_err(|p| {
        let msg = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_default();
        match PANIC_AT.with(|w| w.take()) {
            Some(at) => format!("{msg} at {at}"),
            None => msg,
        }
    })
}

thread_local! {
    /// Where the last panic on this thread happened, for the error message.
    static PANIC_AT: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// Replaces the default panic report (a backtrace on stderr, per article) with a note of
/// the panic's location, which the article's error message then carries. A panic outside
/// the recognisers still gets the default report.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if GUARDED.with(|g| g.get()) {
                PANIC_AT.with(|w| w.set(info.location().map(|l| format!("{}:{}", l.file(), l.line()))));
            } else {
                default(info);
            }
        }));
    });
}

thread_local! {
    /// True while this thread runs a guarded analysis.
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}
