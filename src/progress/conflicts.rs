//! Conflicted copies that sync tools leave beside the progress file when
//! two machines changed it at once. Their changes count at once (they are
//! merged in memory when the file is read) and are folded into the file by
//! the next save, which removes each copy only after the merged file is
//! durably on disk. A copy that cannot be read stays where it is.
//!
//! The names, for `progress.yaml`:
//! - Syncthing: `progress.sync-conflict-20261130-101010-ABCDEFG.yaml`
//! - Dropbox: `progress (Laptop's conflicted copy 2026-11-30).yaml`
//! - Nextcloud and ownCloud: `progress (conflicted copy 2026-11-30 101010).yaml`

use std::fs;
use std::path::{Path, PathBuf};

use super::{Notice, Progress, parse_with_notices};

/// A conflicted copy that was read, with the bytes it had then, so that a
/// copy changed since is not removed.
#[derive(Debug, Clone)]
pub(crate) struct Copy {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Whether `name` is a sync tool's conflicted copy of the file `stem.ext`.
fn is_conflicted_copy(name: &str, stem: &str, ext: &str) -> bool {
    let Some(rest) = name.strip_prefix(stem) else {
        return false;
    };
    let Some(middle) = rest.strip_suffix(ext) else {
        return false;
    };
    let middle = match middle.strip_suffix('.') {
        Some(m) => m,
        None if ext.is_empty() => middle,
        None => return false,
    };
    middle.starts_with(".sync-conflict-")
        || (middle.starts_with(" (") && middle.ends_with(')') && middle.contains("conflicted copy"))
}

/// The conflicted copies beside `path`, sorted by name. The folder is the
/// real file's (a symlinked progress file syncs where it really lives).
pub(crate) fn find(path: &Path) -> Vec<PathBuf> {
    let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let (Some(dir), Some(stem), Some(name)) = (
        real.parent(),
        real.file_stem().and_then(|s| s.to_str()),
        real.file_name().and_then(|s| s.to_str()),
    ) else {
        return Vec::new();
    };
    let ext = real.extension().and_then(|s| s.to_str()).unwrap_or("");
    let Ok(entries) = fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let n = e.file_name().into_string().ok()?;
            (n != name && is_conflicted_copy(&n, stem, ext)).then(|| e.path())
        })
        .collect();
    found.sort();
    found
}

/// Merges every readable conflicted copy beside `path` into `progress`.
/// Returns the copies merged and notices: one line naming what was merged,
/// and a warning per copy that could not be read (left where it is).
pub(crate) fn fold_in(path: &Path, progress: &mut Progress) -> (Vec<Copy>, Vec<Notice>) {
    let mut merged = Vec::new();
    let mut notices = Vec::new();
    for copy in find(path) {
        let read = fs::read(&copy)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                parse_with_notices(&bytes, &copy)
                    .map(|(p, _)| (p, bytes))
                    .map_err(|e| e.to_string())
            });
        match read {
            Ok((theirs, bytes)) => {
                *progress = super::merge(progress, &theirs);
                merged.push(Copy { path: copy, bytes });
            }
            Err(e) => notices.push(Notice {
                path: copy.clone(),
                message: format!(
                    "warning: this conflicted copy cannot be read and was left where it is ({e}); fix or remove it by hand"
                ),
            }),
        }
    }
    if !merged.is_empty() {
        let names: Vec<String> = merged
            .iter()
            .map(|c| {
                c.path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            })
            .collect();
        notices.insert(
            0,
            Notice {
                path: path.to_owned(),
                message: format!(
                    "counted the changes in {} conflicted cop{} a sync tool left beside it ({}); saving folds {} into this file and then removes {}",
                    merged.len(),
                    if merged.len() == 1 { "y" } else { "ies" },
                    names.join(", "),
                    if merged.len() == 1 { "it" } else { "them" },
                    if merged.len() == 1 { "it" } else { "them" },
                ),
            },
        );
    }
    (merged, notices)
}

/// Removes copies whose changes are now durably in the progress file,
/// unless a copy changed since it was read. Returns the names removed.
pub(crate) fn remove_folded(copies: &[Copy]) -> Vec<PathBuf> {
    copies
        .iter()
        .filter(|c| fs::read(&c.path).is_ok_and(|now| now == c.bytes))
        .filter(|c| fs::remove_file(&c.path).is_ok())
        .map(|c| c.path.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_each_sync_tools_names() {
        for name in [
            "progress.sync-conflict-20261130-101010-ABCDEFG.yaml",
            "progress (Laptop's conflicted copy 2026-11-30).yaml",
            "progress (conflicted copy 2026-11-30 101010).yaml",
        ] {
            assert!(is_conflicted_copy(name, "progress", "yaml"), "{name}");
        }
        for name in [
            "progress.yaml",
            "progress.yaml.corrupt-20261130T101010Z",
            "progress (copy).yaml",
            "other.sync-conflict-20261130-101010-ABCDEFG.yaml",
            "progress.sync-conflict-20261130-101010-ABCDEFG.yml",
        ] {
            assert!(!is_conflicted_copy(name, "progress", "yaml"), "{name}");
        }
    }
}
