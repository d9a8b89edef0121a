//! The history: every change the learner made, typed, as a set. Copies merge
//! by union, so it is kept sorted (by stamp, then by content) and free of
//! repeats, which also makes the union a linear merge of two sorted lists.

use std::cmp::Ordering;

use chrono::{DateTime, NaiveDate, Utc};

use super::hlc::Stamp;
use super::{ProjectStatus, Status};
use crate::estimate::Weeks;

/// What a change was made to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// A skill, by its record id (its shared key, or `roadmap/skill`).
    Skill(String),
    /// A project idea, by its record id (`roadmap/project`).
    Project(String),
    /// A setting of the learner's (weekly hours).
    Setting,
}

/// What changed, with the new value (and the old one for statuses, which
/// the weekly series and the burndown need).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A skill's status.
    Status { from: Status, to: Status },
    /// A project's status.
    Project {
        from: ProjectStatus,
        to: ProjectStatus,
    },
    /// A skill's note set (`Some`) or cleared (`None`).
    Note(Option<String>),
    /// A skill's own estimate (weeks) set or cleared.
    Estimate(Option<Weeks>),
    /// The learner's weekly hours set or cleared.
    Pace(Option<f64>),
    /// A study session on a skill: `minutes` (1 to 1440) studied on the
    /// learner's local `date`. Sessions only ever add up: the history is a
    /// grow-only set, so two copies that each logged a session keep both.
    Study { date: NaiveDate, minutes: u32 },
}

impl Edit {
    /// The field's name as the file writes it (`field: status`).
    pub fn field(&self) -> &'static str {
        match self {
            Edit::Status { .. } | Edit::Project { .. } => "status",
            Edit::Note(_) => "note",
            Edit::Estimate(_) => "estimate",
            Edit::Pace(_) => "pace",
            Edit::Study { .. } => "study",
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Edit::Status { .. } => 0,
            Edit::Project { .. } => 1,
            Edit::Note(_) => 2,
            Edit::Estimate(_) => 3,
            Edit::Pace(_) => 4,
            Edit::Study { .. } => 5,
        }
    }
}

impl Eq for Edit {}

impl Ord for Edit {
    /// Any fixed total order: the history is a set, and sorting needs one.
    fn cmp(&self, other: &Self) -> Ordering {
        let weeks = |w: &Option<Weeks>| w.map(|w| (w.min.to_bits(), w.max.to_bits()));
        match (self, other) {
            (Edit::Status { from: a, to: b }, Edit::Status { from: c, to: d }) => {
                (*a as u8, *b as u8).cmp(&(*c as u8, *d as u8))
            }
            (Edit::Project { from: a, to: b }, Edit::Project { from: c, to: d }) => {
                (*a as u8, *b as u8).cmp(&(*c as u8, *d as u8))
            }
            (Edit::Note(a), Edit::Note(b)) => a.cmp(b),
            (Edit::Estimate(a), Edit::Estimate(b)) => weeks(a).cmp(&weeks(b)),
            (Edit::Pace(a), Edit::Pace(b)) => a.map(f64::to_bits).cmp(&b.map(f64::to_bits)),
            (
                Edit::Study {
                    date: a,
                    minutes: b,
                },
                Edit::Study {
                    date: c,
                    minutes: d,
                },
            ) => (a, b).cmp(&(c, d)),
            _ => self.rank().cmp(&other.rank()),
        }
    }
}

impl PartialOrd for Edit {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One change, as kept in the history.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    /// Its stamp: the merge order, and the wall time it was made at.
    pub at: Stamp,
    /// The roadmap the change was made in; `None` for a setting changed
    /// outside any roadmap.
    pub roadmap: Option<String>,
    /// What it changed.
    pub target: Target,
    /// How.
    pub edit: Edit,
}

impl Change {
    /// The wall time the change was made at (UTC).
    pub fn time(&self) -> DateTime<Utc> {
        self.at.time()
    }

    /// The skill's record id, for a change to a skill.
    pub fn skill(&self) -> Option<&str> {
        match &self.target {
            Target::Skill(id) => Some(id),
            _ => None,
        }
    }

    /// The skill's record id and the statuses it moved between, for a status
    /// change of a skill.
    pub fn status_change(&self) -> Option<(&str, Status, Status)> {
        match (&self.target, &self.edit) {
            (Target::Skill(id), Edit::Status { from, to }) => Some((id, *from, *to)),
            _ => None,
        }
    }

    /// The skill's record id, the local date and the minutes, for a study
    /// session.
    pub fn study(&self) -> Option<(&str, NaiveDate, u32)> {
        match (&self.target, &self.edit) {
            (Target::Skill(id), Edit::Study { date, minutes }) => Some((id, *date, *minutes)),
            _ => None,
        }
    }

    /// The skill status this change moved to, for a status change of a skill.
    pub fn skill_to(&self) -> Option<Status> {
        match (&self.target, &self.edit) {
            (Target::Skill(_), Edit::Status { to, .. }) => Some(*to),
            _ => None,
        }
    }
}

/// Sorts a history as read from a file and drops repeats.
pub(crate) fn normalize(history: &mut Vec<Change>) {
    if !history.is_sorted() {
        history.sort();
    }
    history.dedup();
}
