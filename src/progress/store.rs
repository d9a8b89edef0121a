//! The progress file on disk, written so that no tick is ever lost.
//!
//! - Every save is atomic and keeps the file what it is (a link stays a link,
//!   the mode is kept): see [`file::write_atomic`].
//! - Every save holds an exclusive lock, kept away from the file (see
//!   [`file::lock`]), and merges with what is on disk, so two trailmark
//!   processes never overwrite each other. A save that has to wait says so
//!   through [`Store::set_on_wait`] and gives up after a bounded time.
//! - A file that cannot be read is never overwritten; it is moved aside only
//!   when the user asks (`--recover`).

mod error;

use std::fs;
use std::path::{Path, PathBuf};

use super::file::{self, lock};
use super::{FORMAT_VERSION, Move, Notice, Progress, merge_owned, parse_with_notices, render};

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

pub use error::ProgressError;

/// The progress file plus the copy of it this process last read or wrote,
/// which the three-way merge needs.
#[derive(Debug)]
pub struct Store {
    pub(super) path: PathBuf,
    pub(super) progress: Progress,
    /// Where records recorded under old ids now live (see [`Progress::relocate`]).
    pub(super) moves: Vec<Move>,
    /// What reading the file had to say (records written twice, merged).
    notices: Vec<Notice>,
    /// Sync tools' conflicted copies whose changes this copy holds; removed
    /// once a save has put them durably into the file.
    copies: Vec<super::conflicts::Copy>,
    /// The file's bytes as last read or written. A save that finds the same
    /// bytes on disk knows no one else wrote, and skips parsing and merging.
    pub(super) on_disk: Option<Vec<u8>>,
    pub(super) mode: Mode,
    /// Told when a save waits for another process's lock.
    on_wait: Option<WaitHook>,
}

/// A front end's observer of waiting saves (see [`Store::set_on_wait`]).
struct WaitHook(Box<dyn FnMut(&lock::Waiting) + Send>);

impl std::fmt::Debug for WaitHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WaitHook")
    }
}

impl Store {
    /// Opens the file (a missing one is an empty progress). A corrupt or too
    /// new file is an error, never an empty progress that would later be saved
    /// over it. A directory that cannot be written gives a read-only store.
    pub fn open(path: PathBuf) -> Result<Self, ProgressError> {
        let on_disk = read_bytes(&path)?;
        let (mut progress, mut notices) = match &on_disk {
            Some(bytes) => parse_with_notices(bytes, &path)?,
            None => (Progress::default(), Vec::new()),
        };
        let (copies, copy_notices) = super::conflicts::fold_in(&path, &mut progress);
        notices.extend(copy_notices);
        let mode = probe_writable(&path);
        Ok(Self {
            progress,
            moves: Vec::new(),
            notices,
            copies,
            on_disk,
            mode,
            path,
            on_wait: None,
        })
    }

    /// A store that keeps changes in memory only, for when the file cannot be
    /// used: the TUI still runs and says why nothing is saved.
    pub fn in_memory(path: PathBuf, reason: String) -> Self {
        Self {
            path,
            progress: Progress::default(),
            moves: Vec::new(),
            notices: Vec::new(),
            copies: Vec::new(),
            on_disk: None,
            mode: Mode::ReadOnly(reason),
            on_wait: None,
        }
    }

    /// Moves an unreadable progress file aside to
    /// `progress.yaml.corrupt-<timestamp>` and returns the new name. A link's
    /// target is moved (in its own folder) and the link kept, so the next
    /// save writes a fresh file where the link points.
    pub fn recover(path: &Path) -> Result<PathBuf, ProgressError> {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let io = |source| ProgressError::Io {
            path: path.to_owned(),
            action: "move the file aside",
            source,
        };
        let path = &file::real_path(path).map_err(io)?;
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

    /// The progress as this copy knows it.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// What reading the file had to say, for the front end to show once.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Tells the store which roadmaps are loaded, so that progress recorded
    /// under a skill's old id (before it gained a key, or before a rename)
    /// counts for the skill now and moves there on the next save.
    pub fn set_roadmaps<'a>(
        &mut self,
        roadmaps: impl IntoIterator<Item = &'a crate::roadmap::Roadmap>,
    ) {
        self.moves = super::moves_for(roadmaps);
        self.progress.relocate(&self.moves);
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

    /// Sets the observer told when a save waits for another trailmark's lock
    /// (first after [`lock::WAIT_NOTICE`], then about every second until the
    /// save gives up after [`lock::LOCK_TIMEOUT`]). The CLI prints a line;
    /// the app can show that it is waiting.
    pub fn set_on_wait(&mut self, hook: impl FnMut(&lock::Waiting) + Send + 'static) {
        self.on_wait = Some(WaitHook(Box::new(hook)));
    }

    /// Writes the progress, merged with whatever another process saved since.
    /// Waits for another process's lock as [`Store::set_on_wait`] says.
    pub fn save(&mut self) -> Result<(), ProgressError> {
        let mut hook = self.on_wait.take();
        let result = self.save_with(&mut |w| {
            if let Some(WaitHook(h)) = hook.as_mut() {
                h(w);
            }
        });
        self.on_wait = hook;
        result
    }

    /// [`Store::save`] with a one-off observer of waiting instead of the set one.
    pub fn save_with(
        &mut self,
        on_wait: &mut dyn FnMut(&lock::Waiting),
    ) -> Result<(), ProgressError> {
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
        let resolved = file::resolve(&self.path).map_err(|e| io("follow its symbolic links", e))?;
        let real = resolved.real;
        let locked = |source| ProgressError::Lock {
            path: self.path.clone(),
            source,
        };
        let limit = lock::timeout().map_err(locked)?;
        let _lock = lock::acquire(&real, &self.path, limit, on_wait).map_err(locked)?;
        file::remove_stale_temps(&real);
        let current = read_bytes(&self.path)?;
        if current.is_none() || current != self.on_disk {
            // Someone else wrote (or removed) the file since: merge with it.
            let disk = match &current {
                Some(bytes) => parse_with_notices(bytes, &self.path)?.0,
                None => Progress::default(),
            };
            self.progress = merge_owned(std::mem::take(&mut self.progress), disk);
            self.progress.relocate(&self.moves);
        }
        self.progress.version = FORMAT_VERSION;
        let text = render(&self.progress);
        if !resolved.linked && !file::parent(&real).exists() {
            // Never for a link: its missing folder may be a dotfiles
            // repository not cloned yet (see `file::probe_writable`).
            fs::create_dir_all(file::parent(&real))
                .map_err(|e| io("create the data directory", e))?;
        }
        file::write_atomic(&real, text.as_bytes()).map_err(|e| io(e.action, e.source))?;
        self.notices.clear();
        // Only now are the copies' changes durably in the file.
        super::conflicts::remove_folded(&std::mem::take(&mut self.copies));
        self.on_disk = Some(text.into_bytes());
        Ok(())
    }
}

/// Read-write when the file's real folder can be written (an old lock file
/// plays no part); see [`file::probe_writable`].
fn probe_writable(path: &Path) -> Mode {
    match file::probe_writable(path) {
        Ok(()) => Mode::ReadWrite,
        Err(reason) => Mode::ReadOnly(reason),
    }
}

/// The file's bytes; `None` when it does not exist.
fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, ProgressError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(read_failed(path, source)),
    }
}

/// Why the progress file could not be read; a folder is named as one, as
/// "Is a directory" does not say what to give instead.
pub(super) fn read_failed(path: &Path, source: std::io::Error) -> ProgressError {
    if path.is_dir() {
        return ProgressError::Folder {
            path: path.to_owned(),
        };
    }
    ProgressError::Io {
        path: path.to_owned(),
        action: "read the progress file",
        source,
    }
}

#[cfg(test)]
mod tests;
