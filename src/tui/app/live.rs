//! The live view: what the app does when the event loop finds that another
//! copy changed the progress file, or that a roadmap file was edited. The
//! loop does the reading; these take its result, so they stay free of I/O.

use std::collections::HashMap;

use super::{App, View};
use crate::catalog::Catalog;
use crate::progress::ProgressError;
use crate::roadmap::{LoadError, Roadmap};
use crate::tui::undo::History;

/// Catalog indices of the roadmaps using each shared key.
pub fn shared_keys(catalog: &Catalog) -> HashMap<String, Vec<usize>> {
    let mut shared: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, entry) in catalog.entries.iter().enumerate() {
        for (_, skill) in entry.roadmap.skills() {
            if let Some(key) = &skill.key {
                let users = shared.entry(key.clone()).or_default();
                if users.last() != Some(&i) {
                    users.push(i);
                }
            }
        }
    }
    shared
}

impl App {
    /// After [`Store::refresh`](crate::progress::Store::refresh): recompute
    /// the numbers when another copy's changes came in. Returns whether the
    /// screen must be drawn again.
    pub fn progress_reloaded(&mut self, result: Result<bool, ProgressError>) -> bool {
        match result {
            Ok(false) => false,
            Ok(true) => {
                self.refresh();
                true
            }
            Err(err) => {
                self.error(format!(
                    "The progress file changed on disk and cannot be read now: {err}. What you see is kept; saving waits until the file is fixed"
                ));
                true
            }
        }
    }

    /// After a roadmap file changed and was loaded again: use the new model,
    /// keeping the place by ids; a file broken mid-edit shows the banner and
    /// the last good model stays. Returns whether the screen must be drawn.
    pub fn roadmap_reloaded(&mut self, index: usize, result: Result<Roadmap, LoadError>) -> bool {
        let Some(entry) = self.catalog.entries.get(index) else {
            return false;
        };
        let prefix = format!("{}:", entry.file);
        self.load_errors.retain(|e| !e.starts_with(&prefix));
        let roadmap = match result {
            Ok(r) => r,
            Err(err) => {
                self.load_errors.push(format!(
                    "{err} (still showing the version loaded before; save the file again once it is fixed)"
                ));
                return true;
            }
        };
        if self.current == Some(index) {
            self.remember_place();
        }
        let title = roadmap.title.clone();
        self.catalog.entries[index].roadmap = roadmap;
        self.shared = shared_keys(&self.catalog);
        // Undo steps point at phases and skills by position, which the edit
        // may have moved: they are dropped rather than applied to the wrong skill.
        let had_undo = self.history.undo_len() + self.history.redo_len() > 0;
        self.history = History::default();
        if self.current == Some(index) {
            self.view = View::default();
            self.open_roadmap(index);
        }
        let undo = if had_undo {
            " (undo starts afresh)"
        } else {
            ""
        };
        self.info(format!(
            "Reloaded “{}” from its file{undo}",
            crate::text::clean(&title)
        ));
        true
    }
}
