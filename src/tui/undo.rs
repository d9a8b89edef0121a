//! Undo and redo. Each change the TUI makes is kept as an [`Edit`] holding
//! both its old and its new value; undoing applies the old value as a new
//! change, so it is saved and lands in the history like any other change.

use chrono::{DateTime, Utc};

use crate::catalog::Catalog;
use crate::estimate::Weeks;
use crate::progress::{
    Progress, ProjectStatus, SkillRecord, Status, project_record_id, skill_record_id,
};

/// Where an edited skill or project lives: indices into the catalog, which
/// does not change while the TUI runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub roadmap: usize,
    pub phase: usize,
    /// The skill, or for project edits the project, within the phase.
    pub item: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Status {
        from: Status,
        to: Status,
    },
    Project {
        from: ProjectStatus,
        to: ProjectStatus,
    },
    Note {
        from: Option<String>,
        to: Option<String>,
    },
    Estimate {
        from: Option<Weeks>,
        to: Option<Weeks>,
    },
}

/// One undoable change.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub place: Place,
    pub change: Change,
}

/// How many edits undo remembers; older ones fall off.
pub const DEPTH: usize = 1000;

impl Edit {
    /// The same edit the other way round.
    #[must_use]
    pub fn inverse(&self) -> Self {
        let change = match &self.change {
            Change::Status { from, to } => Change::Status {
                from: *to,
                to: *from,
            },
            Change::Project { from, to } => Change::Project {
                from: *to,
                to: *from,
            },
            Change::Note { from, to } => Change::Note {
                from: to.clone(),
                to: from.clone(),
            },
            Change::Estimate { from, to } => Change::Estimate {
                from: *to,
                to: *from,
            },
        };
        Edit {
            place: self.place,
            change,
        }
    }

    /// Applies the edit's new value. Returns false when the place no longer
    /// exists (it always does while the catalog is unchanged).
    pub fn apply(&self, catalog: &Catalog, progress: &mut Progress, at: DateTime<Utc>) -> bool {
        let Some(entry) = catalog.entries.get(self.place.roadmap) else {
            return false;
        };
        let roadmap = &entry.roadmap;
        let Some(phase) = roadmap.phases.get(self.place.phase) else {
            return false;
        };
        if let Change::Project { to, .. } = &self.change {
            let Some(project) = phase.projects.get(self.place.item) else {
                return false;
            };
            let id = project_record_id(&roadmap.id, project);
            progress.set_project_status_by_id(&roadmap.id, &id, *to, at);
            return true;
        }
        let Some(skill) = phase.skills.get(self.place.item) else {
            return false;
        };
        match &self.change {
            Change::Status { to, .. } => {
                progress.set_status(&roadmap.id, skill, *to, at);
            }
            Change::Note { to, .. } => {
                progress.set_note(&roadmap.id, skill, to.clone(), at);
            }
            Change::Estimate { to, .. } => {
                progress.set_estimate(&roadmap.id, skill, *to, at);
            }
            Change::Project { .. } => {}
        }
        true
    }

    /// What the field holds now, when that is no longer the value the edit
    /// starts from: another copy (or a script) changed it since, and
    /// replaying the edit would silently undo that change.
    pub fn changed_since(&self, catalog: &Catalog, progress: &Progress) -> Option<String> {
        let roadmap = &catalog.entries.get(self.place.roadmap)?.roadmap;
        let phase = roadmap.phases.get(self.place.phase)?;
        if let Change::Project { from, .. } = &self.change {
            let now = progress.project_status(&roadmap.id, phase.projects.get(self.place.item)?);
            return (now != *from).then(|| now.to_string());
        }
        let skill = phase.skills.get(self.place.item)?;
        let record = progress.skill_record(&roadmap.id, skill);
        match &self.change {
            Change::Status { from, .. } => {
                let now = progress.status(&roadmap.id, skill);
                (now != *from).then(|| now.to_string())
            }
            Change::Note { from, .. } => {
                let now = record.and_then(SkillRecord::note);
                (now != from.as_deref()).then(|| "another note".to_owned())
            }
            Change::Estimate { from, .. } => {
                let now = progress.own_estimate(&roadmap.id, skill);
                (now != *from).then(|| {
                    now.map_or_else(|| "no estimate".to_owned(), |w| format!("estimate {w}"))
                })
            }
            Change::Project { .. } => None,
        }
    }

    /// The progress record whose numbers the edit changes: a skill's, for
    /// status and estimate edits. Notes and projects change no numbers.
    pub fn counted_record(&self, catalog: &Catalog) -> Option<String> {
        if !matches!(self.change, Change::Status { .. } | Change::Estimate { .. }) {
            return None;
        }
        let roadmap = &catalog.entries.get(self.place.roadmap)?.roadmap;
        let skill = roadmap
            .phases
            .get(self.place.phase)?
            .skills
            .get(self.place.item)?;
        Some(skill_record_id(&roadmap.id, skill))
    }

    /// A few words for the status line: `done → todo`.
    pub fn describe(&self) -> String {
        match &self.change {
            Change::Status { from, to } => format!("{from} → {to}"),
            Change::Project { from, to } => format!("project {from} → {to}"),
            Change::Note { to: Some(_), .. } => "note set".to_owned(),
            Change::Note { to: None, .. } => "note cleared".to_owned(),
            Change::Estimate { to: Some(w), .. } => format!("estimate {w}"),
            Change::Estimate { to: None, .. } => "estimate cleared".to_owned(),
        }
    }
}

/// The undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl History {
    /// A new change: it can be undone, and whatever was undone before can no
    /// longer be redone.
    pub fn record(&mut self, edit: Edit) {
        self.undo.push(edit);
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The edit that undoes the last change (moved to the redo stack).
    pub fn undo(&mut self) -> Option<Edit> {
        let edit = self.undo.pop()?;
        let inverse = edit.inverse();
        self.redo.push(edit);
        Some(inverse)
    }

    /// The edit that redoes the last undone change.
    pub fn redo(&mut self) -> Option<Edit> {
        let edit = self.redo.pop()?;
        self.undo.push(edit.clone());
        Some(edit)
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}
