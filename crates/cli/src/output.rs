//! Where a command writes: a file named by `-o`, or standard output.

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
