//! The lock that lets one trailmark process at a time save a file.
//!
//! The lock file never sits beside the progress file (that folder may be a git
//! repository or a sync folder). It lives in the user's own lock folder, named
//! after the progress file's real path, so that a link and its target share
//! one lock: `TRAILMARK_LOCK_DIR`, else `<state dir>/locks`
//! (`~/.local/state/trailmark/locks` on Linux), else `<cache dir>/locks`.
//! The state folder comes before the runtime folder (`XDG_RUNTIME_DIR`)
//! because every process of the user must pick the same lock: the runtime
//! folder exists only in login sessions, so a cron job and the app would lock
//! different files. When that folder cannot hold the lock (a stale lock of
//! another user, a read-only home), a private folder of this user under the
//! system's temporary folder is used instead, so saving never fails for that.
//!
//! The holder removes the lock file when it is done, so no lock stays behind
//! after a run. Hand-written because no well-kept crate does this removal:
//! it needs the check that the file locked is still the one at the path
//! (a process that opened it before the removal retries on the new file).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

/// How long a save waits for another trailmark's lock before giving up.
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// Environment variable overriding [`LOCK_TIMEOUT`], in whole milliseconds
/// (tests use a short one; `0` gives up at once).
pub const LOCK_TIMEOUT_ENV: &str = "TRAILMARK_LOCK_TIMEOUT_MS";

/// Environment variable naming the folder for lock files.
pub const LOCK_DIR_ENV: &str = "TRAILMARK_LOCK_DIR";

/// How long a save waits quietly before it reports [`Waiting`]: a save takes
/// milliseconds, so a wait this long means another copy is busy.
pub const WAIT_NOTICE: Duration = Duration::from_millis(300);

/// How often a waiting save reports again after the first notice.
const RENOTICE: Duration = Duration::from_secs(1);

/// How long to sleep between attempts to take the lock.
const POLL: Duration = Duration::from_millis(20);

/// Told to the front end while a save waits for another trailmark process:
/// first after [`WAIT_NOTICE`], then about every second until it gives up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    /// The progress file being saved, as the user named it.
    pub path: PathBuf,
    /// How long this save has waited so far.
    pub waited: Duration,
    /// When it will give up ([`LOCK_TIMEOUT`] or `TRAILMARK_LOCK_TIMEOUT_MS`).
    pub limit: Duration,
    /// Whether this is the first notice of this save (a CLI prints only that one).
    pub first: bool,
}

/// Why the lock could not be taken; the caller adds which file.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another trailmark process has held the lock on this file for {} s (the lock is {}), so this change was not saved. Let the other trailmark finish (resume it if it is suspended) and try again",
        waited.as_secs_f32().round(),
        lock.display()
    )]
    TimedOut { lock: PathBuf, waited: Duration },
    #[error("cannot make a lock file for saving it (tried {}): {source}", tried.join(", "))]
    Open {
        tried: Vec<String>,
        #[source]
        source: io::Error,
    },
    #[error("cannot lock it ({}): {source}", lock.display())]
    Io {
        lock: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "{LOCK_TIMEOUT_ENV} is {value:?}; it must be a whole number of milliseconds, like 10000. Fix or unset it"
    )]
    BadTimeout { value: String },
}

/// The save limit: [`LOCK_TIMEOUT`], or `TRAILMARK_LOCK_TIMEOUT_MS` when set.
pub fn timeout() -> Result<Duration, LockError> {
    match std::env::var(LOCK_TIMEOUT_ENV) {
        Ok(value) if !value.trim().is_empty() => value
            .trim()
            .parse()
            .map(Duration::from_millis)
            .map_err(|_| LockError::BadTimeout { value }),
        _ => Ok(LOCK_TIMEOUT),
    }
}

/// Where the lock for the file at `real` (a real path, see
/// [`super::real_path`]) lives when the lock folder is usable. Tests hold the
/// lock by opening this file and locking it.
pub fn lock_path(real: &Path) -> Option<PathBuf> {
    primary_dir().map(|d| lock_path_in(&d, real))
}

/// Where the lock for the file at `real` lives in the lock folder `dir`.
pub fn lock_path_in(dir: &Path, real: &Path) -> PathBuf {
    dir.join(lock_name(real))
}

fn primary_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(LOCK_DIR_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let dirs = directories::ProjectDirs::from("", "", "trailmark")?;
    let base = dirs.state_dir().unwrap_or_else(|| dirs.cache_dir());
    Some(base.join("locks"))
}

/// `<file name>-<hash of the real path>.lock`: readable, and one per file.
fn lock_name(real: &Path) -> String {
    let name: String = real
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '.' | '_' | '-' => c,
            _ => '_',
        })
        .take(48)
        .collect();
    format!(
        "{name}-{:016x}.lock",
        fnv1a(real.as_os_str().as_encoded_bytes())
    )
}

/// FNV-1a, 64 bits: the name must be the same for every trailmark version on
/// every platform, which `std`'s `DefaultHasher` does not promise. A collision
/// only makes two files share a lock.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A held lock; dropping it removes the lock file and releases the lock.
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held: a process that opened the old file retries
        // (see `is_current`). Windows cannot remove an open file; it stays.
        #[cfg(unix)]
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Takes the lock for the file at `real`, waiting up to `limit` for another
/// process to release it; tells `on_wait` about a wait longer than
/// [`WAIT_NOTICE`] (`shown` is the path it names).
pub fn acquire(
    real: &Path,
    shown: &Path,
    limit: Duration,
    on_wait: &mut dyn FnMut(&Waiting),
) -> Result<Lock, LockError> {
    acquire_in(&folders(), real, shown, limit, on_wait)
}

/// [`acquire`] with the lock folders given: `(folder, shared)`, see [`folders`].
fn acquire_in(
    folders: &[(PathBuf, bool)],
    real: &Path,
    shown: &Path,
    limit: Duration,
    on_wait: &mut dyn FnMut(&Waiting),
) -> Result<Lock, LockError> {
    let started = Instant::now();
    let mut next_notice = WAIT_NOTICE;
    loop {
        let (file, path) = open(folders, real)?;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(source)) => {
                    return Err(LockError::Io { lock: path, source });
                }
            }
            let waited = started.elapsed();
            if waited >= next_notice {
                on_wait(&Waiting {
                    path: shown.to_owned(),
                    waited,
                    limit,
                    first: next_notice == WAIT_NOTICE,
                });
                next_notice = waited + RENOTICE;
            }
            if waited >= limit {
                return Err(LockError::TimedOut { lock: path, waited });
            }
            thread::sleep(POLL.min(limit.saturating_sub(waited)));
        }
        let current = is_current(&file, &path).map_err(|source| LockError::Io {
            lock: path.clone(),
            source,
        })?;
        if current {
            return Ok(Lock { file, path });
        }
        // The holder removed the file we waited on: lock the one at the path
        // now. Bounded like the wait, in case the path keeps changing.
        drop(file);
        if started.elapsed() >= limit {
            return Err(LockError::TimedOut {
                lock: path,
                waited: started.elapsed(),
            });
        }
        thread::sleep(POLL);
    }
}

/// Whether `file` is still the one at `path` (the holder may have removed it).
fn is_current(file: &File, path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let held = file.metadata()?;
        match fs::symlink_metadata(path) {
            Ok(now) => Ok(now.dev() == held.dev() && now.ino() == held.ino()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        Ok(true)
    }
}

/// Opens the lock file in the first folder that can hold it.
fn open(folders: &[(PathBuf, bool)], real: &Path) -> Result<(File, PathBuf), LockError> {
    let name = lock_name(real);
    let mut tried = Vec::new();
    let mut last = io::Error::other("no folder for lock files (no home directory)");
    for (dir, shared) in folders {
        let path = dir.join(&name);
        let opened = if *shared {
            private_folder(dir)
        } else {
            fs::create_dir_all(dir)
        }
        .and_then(|()| open_no_follow(&path));
        match opened {
            Ok(file) => return Ok((file, path)),
            Err(e) => {
                tried.push(dir.display().to_string());
                last = e;
            }
        }
    }
    Err(LockError::Open {
        tried,
        source: last,
    })
}

/// Opens (creating) the lock file, refusing a symbolic link planted at its
/// name: the lock would be taken on whatever it points at, and the holder's
/// check that it locked the file at the path could never pass.
fn open_no_follow(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        let flag = rustix::fs::OFlags::NOFOLLOW.bits();
        options.custom_flags(i32::try_from(flag).unwrap_or_default());
    }
    options.open(path)
}

/// The lock folders in the order tried; `true` marks a folder in a place
/// other users can write, which must be this user's own and closed to others.
fn folders() -> Vec<(PathBuf, bool)> {
    let mut out: Vec<(PathBuf, bool)> = primary_dir().into_iter().map(|d| (d, false)).collect();
    #[cfg(unix)]
    {
        let uid = rustix::process::geteuid().as_raw();
        let tmp = std::env::temp_dir();
        // Another user may have taken the first name; a few more cannot all be.
        out.extend((1..=3).map(|n| {
            let name = if n == 1 {
                format!("trailmark-{uid}")
            } else {
                format!("trailmark-{uid}-{n}")
            };
            (tmp.join(name), true)
        }));
    }
    #[cfg(not(unix))]
    out.push((std::env::temp_dir().join("trailmark-locks"), false));
    out
}

/// Makes (or checks) a folder that only this user can write, so that no one
/// else can plant a link where the lock file goes.
#[cfg(unix)]
fn private_folder(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _};
    match fs::DirBuilder::new().mode(0o700).create(dir) {
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
        _ => {}
    }
    let meta = fs::symlink_metadata(dir)?;
    if meta.is_dir()
        && meta.uid() == rustix::process::geteuid().as_raw()
        && meta.mode() & 0o022 == 0
    {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{} belongs to another user or is open to others",
                dir.display()
            ),
        ))
    }
}

#[cfg(not(unix))]
fn private_folder(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

#[cfg(test)]
mod tests;
