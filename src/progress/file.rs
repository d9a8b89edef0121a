//! File-level I/O for the files trailmark owns: where a file really lives,
//! replacing it atomically, whether its folder can be written, and the lock
//! that serialises saves between trailmark processes ([`lock`]).
//!
//! The file stays what it is: a symbolic link stays a link and its target gets
//! the change, the mode (0600, say) is kept, and nothing is left beside it
//! after a run. `tempfile` makes the temporary files (exclusively, with
//! unpredictable names); what is written by hand here is only what no crate
//! does: following a chain of links that may end nowhere (`fs::canonicalize`
//! refuses a dangling link, and a dotfiles link to a file not yet made is
//! normal), copying the mode and owner onto the replacement, and the directory
//! fsync.

use std::ffi::OsString;
use std::fs::{self, File, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub mod lock;

/// The most links followed before giving up, as Linux's own path walk does.
const MAX_LINKS: usize = 40;

/// Random letters and digits in a temporary file's name (`tempfile` picks
/// them); fixed here so that [`remove_stale_temps`] knows the shape.
const TEMP_RAND: usize = 12;

/// Where a path's contents really live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// Absolute; every symbolic link in the folders and the file itself followed.
    pub real: PathBuf,
    /// Whether the file itself was a symbolic link (dangling or not).
    pub linked: bool,
}

/// Follows `path` to the file it names: links in its folders, then the file
/// itself when it is a link, link after link (absolute or relative to the
/// link's folder). A link whose target does not exist resolves to that
/// target, so that a save creates it there and the link stays; a missing
/// folder is left as written (the data folder is created on first save).
/// Errors: a loop of links (more than 40), or a link that cannot be read.
pub(crate) fn resolve(path: &Path) -> io::Result<Resolved> {
    let mut current = std::path::absolute(path)?;
    let mut linked = false;
    for _ in 0..MAX_LINKS {
        current = canonical_folder(&current)?;
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                // `join` keeps an absolute target as it is.
                current = parent(&current).join(target);
                linked = true;
            }
            Ok(_) => {
                return Ok(Resolved {
                    real: current,
                    linked,
                });
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Resolved {
                    real: current,
                    linked,
                });
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row (a loop?)"
    )))
}

/// The real path of `path` (see [`resolve`]): what the lock is keyed by.
/// Public so that tests and other tools can find the lock (see [`lock::lock_path`]).
pub fn real_path(path: &Path) -> io::Result<PathBuf> {
    resolve(path).map(|r| r.real)
}

/// `path` with its folder canonicalised, when the folder exists.
fn canonical_folder(path: &Path) -> io::Result<PathBuf> {
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path names a folder, not a file",
        ));
    };
    match fs::canonicalize(parent(path)) {
        Ok(dir) => Ok(dir.join(name)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(path.to_owned()),
        Err(e) => Err(e),
    }
}

/// The folder holding `path` (`.` for a bare file name).
pub(crate) fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A failed step of [`write_atomic`]; the caller adds which file.
#[derive(Debug, thiserror::Error)]
#[error("cannot {action}: {source}")]
pub(crate) struct WriteError {
    /// What was being done, worded to follow "cannot".
    pub action: &'static str,
    #[source]
    pub source: io::Error,
}

fn step<T>(action: &'static str, result: io::Result<T>) -> Result<T, WriteError> {
    result.map_err(|source| WriteError { action, source })
}

/// Replaces the file at `path` with `bytes` so that a kill at any instant
/// leaves the old file or the new one, never a torn one: a temporary file in
/// the real file's folder (created exclusively, with an unpredictable name,
/// so a link planted beside the file is never followed), fsync, rename over
/// the file, fsync the folder.
///
/// Links are followed first ([`resolve`]): a link stays a link and its target
/// changes. An existing file keeps its mode and, where allowed, its owner; a
/// new file gets the usual mode for new files (0666 less the umask). The
/// folder must exist. On error the old file is untouched and no temporary file
/// is left behind.
///
/// The folder fsync only makes the rename survive a power cut; once the rename
/// is done the data is saved, and some file systems cannot fsync a folder at
/// all, so its failure is ignored rather than reported as a failed save.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let real = step("follow its symbolic links", resolve(path))?.real;
    let dir = parent(&real);
    let old = match fs::metadata(&real) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(WriteError {
                action: "read its permissions",
                source: e,
            });
        }
    };
    let prefix = temp_prefix(&real);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(TEMP_RAND);
    #[cfg(unix)]
    if old.is_none() {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = step("write a temporary file beside it", builder.tempfile_in(dir))?;
    step("write a temporary file beside it", tmp.write_all(bytes))?;
    if let Some(old) = &old {
        step(
            "give the new file the old one's mode",
            keep_mode(tmp.as_file(), old),
        )?;
    }
    step("write a temporary file beside it", tmp.as_file().sync_all())?;
    // On failure the `PersistError` drops the temporary file, removing it.
    step("replace the file", tmp.persist(&real).map_err(|e| e.error))?;
    #[cfg(unix)]
    let _ = File::open(dir).and_then(|d| d.sync_all());
    Ok(())
}

/// `.progress.yaml.`: temporary files are hidden and say whose they are.
fn temp_prefix(real: &Path) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(real.file_name().unwrap_or_default());
    prefix.push(".");
    prefix
}

/// Removes the temporary files that saves killed mid-write (`kill -9`, a
/// power cut) left beside the file at `path`: `.<name>.<12 letters>.tmp`,
/// regular files only. Call it only while holding the file's lock, when no
/// other save can be writing one. Best effort: a file that cannot be removed
/// stays, and the save goes on.
pub(crate) fn remove_stale_temps(path: &Path) {
    let Ok(real) = real_path(path) else { return };
    let prefix = temp_prefix(&real);
    let prefix = prefix.as_encoded_bytes();
    let Ok(entries) = fs::read_dir(parent(&real)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let stale = name
            .as_encoded_bytes()
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(b".tmp"))
            .is_some_and(|r| r.len() == TEMP_RAND && r.iter().all(u8::is_ascii_alphanumeric));
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Gives `file` the owner (best effort: only root may give a file away) and
/// then the mode of `old`; in that order, as a change of owner clears setuid bits.
fn keep_mode(file: &File, old: &Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
        file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777))
    }
    #[cfg(not(unix))]
    file.set_permissions(old.permissions())
}

/// Whether the file at `path` could be saved: its real folder exists (it is
/// created for a plain path, never for a link's target, which may be a
/// dotfiles folder not yet cloned) and a file can be made in it. A lock file
/// plays no part. `Err` holds the reason, for the read-only notice.
pub(crate) fn probe_writable(path: &Path) -> Result<(), String> {
    let resolved = resolve(path)
        .map_err(|e| format!("cannot follow the symbolic link {}: {e}", path.display()))?;
    let dir = parent(&resolved.real);
    if resolved.linked && !dir.is_dir() {
        return Err(format!(
            "it is a symbolic link to {}, whose folder does not exist; create the folder or fix the link",
            resolved.real.display()
        ));
    }
    fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create the directory {}: {e}", dir.display()))?;
    writable(dir).map_err(|e| format!("cannot write in {}: {e}", dir.display()))
}

/// Whether files can be made in `dir`, asked of the kernel (`access(2)`,
/// which also knows read-only mounts), so that no probe file is made: one
/// left by a process killed at that instant would stay beside the progress.
#[cfg(unix)]
fn writable(dir: &Path) -> io::Result<()> {
    rustix::fs::access(dir, rustix::fs::Access::WRITE_OK).map_err(io::Error::from)
}

/// Elsewhere a probe file, made and removed at once.
#[cfg(not(unix))]
fn writable(dir: &Path) -> io::Result<()> {
    tempfile::Builder::new()
        .prefix(".trailmark-probe.")
        .tempfile_in(dir)
        .map(drop)
}

#[cfg(all(test, unix))]
mod tests;
