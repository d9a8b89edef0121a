//! Noticing that files changed under the app: the progress file (another
//! copy of trailmark, or the CLI, saved) and the user's roadmap files (an
//! editor saved). The event loop asks about twice a second; a file counts
//! as changed when its modification time, size or inode differ from the
//! last look, so the check costs one `stat` per file.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::catalog::{Catalog, Origin};

/// What a `stat` says about a file; `None` in [`Watch`] when it is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    inode: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        modified: meta.modified().ok(),
        len: meta.len(),
        inode,
    })
}

/// The files watched and how they looked last time.
#[derive(Debug)]
pub struct Watch {
    progress: (PathBuf, Option<Stamp>),
    /// Catalog index, file and stamp of each roadmap loaded from a file.
    roadmaps: Vec<(usize, PathBuf, Option<Stamp>)>,
}

/// What changed since the last look.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub progress: bool,
    /// Catalog indices of the roadmaps whose file changed.
    pub roadmaps: Vec<usize>,
}

impl Watch {
    /// Starts watching the progress file and every roadmap not bundled. A
    /// roadmap's first stamp is taken now, so create the watch before the
    /// first frame.
    pub fn new(progress: &Path, catalog: &Catalog) -> Self {
        let roadmaps = catalog
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.origin != Origin::Bundled)
            .map(|(i, e)| {
                let path = PathBuf::from(&e.file);
                let s = stamp(&path);
                (i, path, s)
            })
            .collect();
        // The progress file starts unseen: the first look reads it once, in
        // case another copy wrote between the app's open and this watch.
        Self {
            progress: (progress.to_owned(), None),
            roadmaps,
        }
    }

    /// Looks at every file once and says which changed.
    pub fn changes(&mut self) -> Changes {
        let mut out = Changes::default();
        let now = stamp(&self.progress.0);
        if now != self.progress.1 {
            self.progress.1 = now;
            out.progress = true;
        }
        for (i, path, last) in &mut self.roadmaps {
            let now = stamp(path);
            if now != *last {
                *last = now;
                out.roadmaps.push(*i);
            }
        }
        out
    }

    /// Takes the progress file as it is now as seen: after this copy saved
    /// it, there is nothing to read back.
    pub fn saw_progress(&mut self) {
        self.progress.1 = stamp(&self.progress.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Sources;

    #[test]
    fn notices_a_changed_progress_file_and_a_changed_roadmap() {
        let dir = tempfile::tempdir().unwrap();
        let progress = dir.path().join("progress.yaml");
        let roadmap = dir.path().join("mine.yaml");
        std::fs::write(
            &roadmap,
            "id: mine\ntitle: Mine\nsource: {author: me}\nphases:\n  - id: a\n    title: A\n    skills:\n      - {id: s, title: S}\n",
        )
        .unwrap();
        let catalog = Catalog::load(&Sources {
            paths: vec![roadmap.clone()],
            ..Sources::bundled_only()
        });
        let mine = catalog.position("mine").unwrap();
        let mut watch = Watch::new(&progress, &catalog);
        assert_eq!(watch.changes(), Changes::default());
        std::fs::write(&progress, "").unwrap();
        let mut watch = Watch::new(&progress, &catalog);
        assert!(watch.changes().progress, "an existing file is read once");
        assert_eq!(watch.changes(), Changes::default());
        std::fs::write(&progress, "version: 1\n").unwrap();
        assert!(watch.changes().progress);
        assert_eq!(watch.changes(), Changes::default(), "seen once");
        std::fs::write(&roadmap, "id: [").unwrap();
        assert_eq!(watch.changes().roadmaps, [mine]);
        std::fs::write(&progress, "version: 1\nskills: {}\n").unwrap();
        watch.saw_progress();
        assert!(!watch.changes().progress);
    }
}
