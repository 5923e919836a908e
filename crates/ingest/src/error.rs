//! Errors that name the input and the place in it.

use std::fmt;
use std::path::PathBuf;

/// Where an article (or a failure) comes from: the file, and within it the line (JSON
/// Lines) or the record number (feeds, WARC).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub path: PathBuf,
    pub line: Option<u64>,
    pub record: Option<u64>,
}

impl Location {
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location { path: path.into(), line: None, record: None }
    }
    pub fn at_line(&self, line: u64) -> Self {
        Location { line: Some(line), ..self.clone() }
    }
    pub fn at_record(&self, record: u64) -> Self {
        Location { record: Some(record), ..self.clone() }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.path.display();
        match (self.line, self.record) {
            (Some(l), _) => write!(f, "{p}:{l}"),
            (None, Some(r)) => write!(f, "{p} (record {r})"),
            (None, None) => write!(f, "{p}"),
        }
    }
}

/// One input that could not become an article, and why, in words a person understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {reason}")]
pub struct IngestError {
    pub location: Location,
    pub reason: String,
}

impl IngestError {
    pub fn new(location: Location, reason: String) -> Self {
        IngestError { location, reason }
    }
}
