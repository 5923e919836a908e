//! Where a command reads and writes: the store it queries, and a file named by `-o` or
//! standard output.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

/// Opens the output: the file at `path` (created or truncated) or standard output. On
/// failure the error is reported on stderr and the exit code for a usage error returned.
pub fn open(path: Option<&Path>) -> Result<BufWriter<Box<dyn Write>>, ExitCode> {
    let out: Box<dyn Write> = match path {
        Some(p) => match File::create(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("error: cannot create {}: {e}", p.display());
                return Err(ExitCode::from(2));
            }
        },
        None => Box::new(io::stdout().lock()),
    };
    Ok(BufWriter::new(out))
}

/// Opens the store read-only for a query or an export; a failure is reported on stderr and
/// the exit code for a usage error returned.
pub fn open_store(db: &Path) -> Result<newsgraph_store::Store, ExitCode> {
    newsgraph_store::Store::open_read_only(db).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(2)
    })
}
