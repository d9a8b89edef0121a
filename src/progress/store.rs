//! The progress file on disk, written so that no tick is ever lost.
//!
//! - Every save is atomic: a temp file in the same directory, fsync, rename
//!   over the old file, fsync the directory. A kill at any instant leaves the
//!   old file or the new one, never a torn one.
//! - Every save holds an exclusive lock on `progress.yaml.lock` and merges with
//!   what is on disk, so two trailmark processes never overwrite each other.
//! - A file that cannot be read is never overwritten; it is moved aside only
//!   when the user asks (`--recover`).

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{FORMAT_VERSION, Progress, merge, render};

/// Environment variable naming the progress file (overrides the default).
pub const DATA_ENV: &str = "TRAILMARK_DATA";

/// `TRAILMARK_DATA`, else `<data dir>/progress.yaml` (`~/.local/share/trailmark/` on Linux).
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(DATA_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "trailmark").map(|d| d.data_dir().join("progress.yaml"))
}

/// Whether changes can be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    ReadWrite,
    /// Changes stay in memory only; the reason says why.
    ReadOnly(String),
}

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
}

impl ProgressError {
    /// Whether moving the file aside ([`Store::recover`]) would get past this error.
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

/// The progress file plus the copy of it this process last read or wrote,
/// which the three-way merge needs.
#[derive(Debug)]
pub struct Store {
    pub(super) path: PathBuf,
    pub(super) progress: Progress,
    /// The settings (last roadmap, pace, cursors) as last read or written:
    /// the base of their three-way merge. Records and history merge without one.
    pub(super) base: Progress,
    /// The file's bytes as last read or written. A save that finds the same
    /// bytes on disk knows no one else wrote, and skips parsing and merging.
    pub(super) on_disk: Option<Vec<u8>>,
    pub(super) mode: Mode,
}

/// Only the fields [`merge`] reads from its base.
pub(super) fn settings_of(p: &Progress) -> Progress {
    Progress {
        last_roadmap: p.last_roadmap.clone(),
        pace_hours_per_week: p.pace_hours_per_week,
        cursors: p.cursors.clone(),
        ..Progress::default()
    }
}

impl Store {
    /// Opens the file (a missing one is an empty progress). A corrupt or too
    /// new file is an error, never an empty progress that would later be saved
    /// over it. A directory that cannot be written gives a read-only store.
    pub fn open(path: PathBuf) -> Result<Self, ProgressError> {
        let on_disk = read_bytes(&path)?;
        let progress = match &on_disk {
            Some(bytes) => parse(bytes, &path)?,
            None => Progress::default(),
        };
        let mode = probe_writable(&path);
        Ok(Self {
            base: settings_of(&progress),
            progress,
            on_disk,
            mode,
            path,
        })
    }

    /// A store that keeps changes in memory only, for when the file cannot be
    /// used: the TUI still runs and says why nothing is saved.
    pub fn in_memory(path: PathBuf, reason: String) -> Self {
        Self {
            path,
            progress: Progress::default(),
            base: Progress::default(),
            on_disk: None,
            mode: Mode::ReadOnly(reason),
        }
    }

    /// Moves an unreadable progress file aside to
    /// `progress.yaml.corrupt-<timestamp>` and returns the new name.
    pub fn recover(path: &Path) -> Result<PathBuf, ProgressError> {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let io = |source| ProgressError::Io {
            path: path.to_owned(),
            action: "move the file aside",
            source,
        };
        // Never replace an earlier copy moved aside in the same second.
        let mut n = 1;
        let aside = loop {
            let mut name = path.file_name().unwrap_or_default().to_os_string();
            name.push(format!(".corrupt-{stamp}"));
            if n > 1 {
                name.push(format!("-{n}"));
            }
            let aside = path.with_file_name(name);
            match fs::symlink_metadata(&aside) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => break aside,
                Err(e) => return Err(io(e)),
                Ok(_) => n += 1,
            }
        };
        fs::rename(path, &aside).map_err(io)?;
        Ok(aside)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Changes in memory only, to be written by a later [`Store::save`]. Lets
    /// the TUI's `update` stay pure and leave the saving to its event loop.
    pub fn progress_mut(&mut self) -> &mut Progress {
        &mut self.progress
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// Applies a change and saves it at once. In read-only mode the change is
    /// kept in memory and the error says it was not saved.
    pub fn update<R>(
        &mut self,
        change: impl FnOnce(&mut Progress) -> R,
    ) -> Result<R, ProgressError> {
        let result = change(&mut self.progress);
        self.save()?;
        Ok(result)
    }

    /// Writes the progress, merged with whatever another process saved since.
    pub fn save(&mut self) -> Result<(), ProgressError> {
        if let Mode::ReadOnly(reason) = &self.mode {
            return Err(ProgressError::ReadOnly {
                path: self.path.clone(),
                reason: reason.clone(),
            });
        }
        let io = |action, source| ProgressError::Io {
            path: self.path.clone(),
            action,
            source,
        };
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(&self.path))
            .map_err(|e| io("open the lock file", e))?;
        lock.lock().map_err(|e| io("lock the progress file", e))?;
        let current = read_bytes(&self.path)?;
        if current.is_none() || current != self.on_disk {
            // Someone else wrote (or removed) the file since: merge with it.
            let disk = match &current {
                Some(bytes) => parse(bytes, &self.path)?,
                None => Progress::default(),
            };
            self.progress = merge(&self.base, &self.progress, &disk);
        }
        self.progress.version = FORMAT_VERSION;
        let text = render(&self.progress);
        write_atomic(&self.path, text.as_bytes()).map_err(|(action, e)| io(action, e))?;
        self.base = settings_of(&self.progress);
        self.on_disk = Some(text.into_bytes());
        Ok(())
    }
}

fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

/// Creates the data directory if needed and checks that a file can be made in it.
fn probe_writable(path: &Path) -> Mode {
    let dir = parent(path);
    if let Err(e) = fs::create_dir_all(dir) {
        return Mode::ReadOnly(format!(
            "cannot create the directory {}: {e}",
            dir.display()
        ));
    }
    match OpenOptions::new()
        .create(true)
        .append(true)
        .open(lock_path(path))
    {
        Ok(_) => Mode::ReadWrite,
        Err(e) => Mode::ReadOnly(format!("cannot write in {}: {e}", dir.display())),
    }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The file's bytes; `None` when it does not exist.
fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, ProgressError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ProgressError::Io {
            path: path.to_owned(),
            action: "read the progress file",
            source,
        }),
    }
}

/// Just the format version, read from a file the full parse refused.
#[derive(Deserialize)]
struct Probe {
    version: Option<u32>,
}

/// Parses the file's bytes. Public so tests and benches can use it directly.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Progress, ProgressError> {
    let corrupt = |line, column, message: String| ProgressError::Corrupt {
        path: path.to_owned(),
        line,
        column,
        message,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.split(|b| *b == b'\n').count();
        let col = good.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        corrupt(Some(line), Some(col), "it is not UTF-8 text".to_owned())
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Ok(Progress::default());
    }
    let too_new = |found| ProgressError::TooNew {
        path: path.to_owned(),
        found,
    };
    // The full parse first: the probe reads the whole document again, so it
    // runs only when the full parse failed or found a newer version.
    match serde_yaml::from_str::<Progress>(text) {
        Ok(p) if p.version > FORMAT_VERSION => Err(too_new(p.version)),
        Ok(p) => Ok(p),
        Err(e) => {
            if let Ok(Probe {
                version: Some(found),
            }) = serde_yaml::from_str::<Probe>(text)
                && found > FORMAT_VERSION
            {
                return Err(too_new(found));
            }
            let pos = e.location().map(|l| (l.line(), l.column()));
            let mut message = e.to_string();
            if let Some((l, c)) = pos {
                message = message.replacen(&format!(" at line {l} column {c}"), "", 1);
            }
            Err(corrupt(
                pos.map(|p| p.0),
                pos.map(|p| p.1),
                explain(&message),
            ))
        }
    }
}

/// serde's words with the Rust type names replaced by what the file should hold.
fn explain(message: &str) -> String {
    const WORDS: [(&str, &str); 8] = [
        (
            "expected struct Progress",
            "expected the progress mapping (`version: 1`, then `skills:` and the rest)",
        ),
        (
            "expected struct SkillRecord",
            "expected a skill record with `status:` and `changed:`",
        ),
        (
            "expected struct ProjectRecord",
            "expected a project record with `status:` and `changed:`",
        ),
        (
            "expected struct Cursor",
            "expected a cursor with `phase:` and `skill:`",
        ),
        (
            "expected struct Change",
            "expected a history entry with `at`, `roadmap`, `skill` or `project`, `from` and `to`",
        ),
        ("expected u32", "expected a whole number"),
        ("expected f64", "expected a number"),
        (
            "expected a map",
            "expected a mapping of `name: value` lines",
        ),
    ];
    let mut out = message.to_owned();
    for (from, to) in WORDS {
        out = out.replace(from, to);
    }
    let field = out.split_once(": ").map_or("", |(f, _)| f);
    if field.ends_with(".changed") || field.ends_with("].at") {
        out.push_str("; times are written in RFC 3339, like 2026-03-02T12:00:00Z");
    }
    out
}

/// temp file beside the target, fsync, rename over, fsync the directory.
/// The temp name is fixed: only the lock holder writes it.
fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), (&'static str, std::io::Error)> {
    let dir = parent(path);
    fs::create_dir_all(dir).map_err(|e| ("create the data directory", e))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(path.file_name().unwrap_or_default());
    tmp_name.push(".tmp");
    let tmp = dir.join(tmp_name);
    let written = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(("write a temporary file beside it", e));
    }
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(("replace the progress file", e));
    }
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| ("sync the data directory", e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Status, now};

    #[test]
    fn round_trips_and_merges_two_writers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/progress.yaml");
        let mut a = Store::open(path.clone()).unwrap();
        let mut b = Store::open(path.clone()).unwrap();
        a.update(|p| p.set_status_by_id("r", "git", Status::Done, now()))
            .unwrap();
        b.update(|p| p.set_status_by_id("r", "r/http", Status::Doing, now()))
            .unwrap();
        let c = Store::open(path.clone()).unwrap();
        assert_eq!(c.progress().skills["git"].status, Status::Done);
        assert_eq!(c.progress().skills["r/http"].status, Status::Doing);
        assert_eq!(c.progress().history.len(), 2);
        assert!(!dir.path().join("sub/.progress.yaml.tmp").exists());
    }

    #[test]
    fn corrupt_file_is_refused_and_left_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        let junk = b"version: 1\nskills:\n  git: {status: finished}\n";
        fs::write(&path, junk).unwrap();
        let err = Store::open(path.clone()).unwrap_err();
        assert!(
            matches!(err, ProgressError::Corrupt { line: Some(3), .. }),
            "{err}"
        );
        assert!(err.to_string().contains("left untouched"));
        assert_eq!(fs::read(&path).unwrap(), junk);
        let aside = Store::recover(&path).unwrap();
        assert_eq!(fs::read(&aside).unwrap(), junk);
        assert!(Store::open(path).unwrap().progress().skills.is_empty());
    }

    #[test]
    fn messages_name_what_the_file_should_hold() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        let cases: [(&str, &str); 4] = [
            (
                "version: 1\nskills:\n  git: 3\n",
                "a skill record with `status:`",
            ),
            ("hello\n", "the progress mapping"),
            (
                "version: 1\nskills:\n  git: {status: done, changed: yesterday}\n",
                "like 2026-03-02T12:00:00Z",
            ),
            (
                "version: 1\nhistory:\n- {at: soon, roadmap: r, from: todo, to: done}\n",
                "like 2026-03-02T12:00:00Z",
            ),
        ];
        for (text, wanted) in cases {
            let err = parse(text.as_bytes(), &path).unwrap_err().to_string();
            assert!(err.contains(wanted), "{text:?}: {err}");
            assert!(!err.contains("struct"), "{err}");
        }
    }

    #[test]
    fn recovering_twice_in_a_second_keeps_both_copies() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        fs::write(&path, "one: [").unwrap();
        let first = Store::recover(&path).unwrap();
        fs::write(&path, "two: [").unwrap();
        let second = Store::recover(&path).unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read_to_string(first).unwrap(), "one: [");
        assert_eq!(fs::read_to_string(second).unwrap(), "two: [");
    }

    #[test]
    fn newer_format_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        fs::write(&path, "version: 9\nfuture_field: 1\n").unwrap();
        assert!(matches!(
            Store::open(path).unwrap_err(),
            ProgressError::TooNew { found: 9, .. }
        ));
    }

    #[test]
    fn a_failed_write_reports_and_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        let mut store = Store::open(path.clone()).unwrap();
        store
            .update(|p| p.set_status_by_id("r", "git", Status::Done, now()))
            .unwrap();
        let before = fs::read(&path).unwrap();
        // A directory where the temp file must go makes the write fail, even as root.
        fs::create_dir(dir.path().join(".progress.yaml.tmp")).unwrap();
        let err = store
            .update(|p| p.set_status_by_id("r", "docker", Status::Done, now()))
            .unwrap_err();
        assert!(
            err.to_string().contains("cannot write a temporary file"),
            "{err}"
        );
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    #[test]
    fn an_uncreatable_directory_gives_a_read_only_store() {
        let path = PathBuf::from("/proc/self/trailmark-cannot-exist/progress.yaml");
        let mut store = Store::open(path).unwrap();
        assert!(matches!(store.mode(), Mode::ReadOnly(_)));
        let err = store
            .update(|p| p.pace_hours_per_week = Some(5.0))
            .unwrap_err();
        assert!(matches!(err, ProgressError::ReadOnly { .. }));
        assert_eq!(store.progress().pace_hours_per_week, Some(5.0));
    }
}
