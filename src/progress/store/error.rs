//! What can go wrong with the progress file, in words that say where and
//! what to do.

use std::path::{Path, PathBuf};

use crate::progress::FORMAT_VERSION;
use crate::progress::file::lock;

/// The front end adds the way out (`--recover` on the command line, a prompt
/// in the TUI); [`ProgressError::is_recoverable`] says when there is one.
#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    #[error(
        "{}: the progress file cannot be read: {message}. It was left untouched and nothing will be written to it",
        position(path, *line, *column)
    )]
    Corrupt {
        path: PathBuf,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    #[error(
        "{}: the progress file has format version {found}, newer than this trailmark reads (version {FORMAT_VERSION}). It was left untouched and nothing will be written to it; upgrade trailmark to use it",
        path.display()
    )]
    TooNew { path: PathBuf, found: u32 },
    /// The path names a folder: a file path was meant (`--data-file DIR`).
    #[error(
        "{}: this is a folder, not a file; give the progress file's own path instead, e.g. `{}` (with --data-file or TRAILMARK_DATA)",
        path.display(),
        path.join("progress.yaml").display()
    )]
    Folder { path: PathBuf },
    #[error("{}: cannot {action}: {source}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: progress is read-only ({reason}); this change was not saved. Pass --data-file PATH or set TRAILMARK_DATA to keep progress somewhere writable",
        path.display()
    )]
    ReadOnly { path: PathBuf, reason: String },
    /// The lock could not be taken: another trailmark held it too long, or
    /// no folder could hold a lock file.
    #[error("{}: {source}", path.display())]
    Lock {
        path: PathBuf,
        #[source]
        source: lock::LockError,
    },
}

impl ProgressError {
    /// Whether moving the file aside
    /// ([`Store::recover`](super::Store::recover)) would get past this error.
    pub fn is_recoverable(&self) -> bool {
        matches!(
            self,
            ProgressError::Corrupt { .. } | ProgressError::TooNew { .. }
        )
    }
}

fn position(path: &Path, line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", path.display()),
        _ => path.display().to_string(),
    }
}
