//! A learner's progress: skill and project statuses, notes, own estimates,
//! the weekly pace, and the history of every change.
//!
//! The data is a state-based CRDT, so copies of the file made on two
//! machines, or by two trailmark processes, always merge without loss:
//! - every field of every record is a last-writer-wins [`Register`] with its
//!   own stamp, so a copy that changed the note never undoes another copy's
//!   tick;
//! - stamps come from a hybrid logical clock ([`hlc`]), so a change made
//!   here is ordered after everything this copy has read, even a stamp from a
//!   machine whose clock runs ahead;
//! - the history is a set, merged by union.
//!
//! [`merge`] is commutative, associative and idempotent (proptests in
//! `tests/progress_crdt.rs` say so).
//!
//! A skill with a `key` is stored under that key, so every roadmap that uses
//! the key sees the same record; other skills under `roadmap-id/skill-id`.
//! Own estimates are the exception: they always live under
//! `roadmap-id/skill-id` ([`estimate_record_id`]), as one roadmap's figure.
//! Records no roadmap mentions any more are kept: a roadmap file may come back.

mod conflicts;
mod edit;
mod emit;
pub mod file;
mod history;
pub mod hlc;
mod merge;
mod own_estimate;
mod read;
mod record;
mod reload;
mod relocate;
mod reset;
mod store;
pub mod study;
mod target;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

use crate::roadmap::{Project, Skill};

pub use emit::render;
pub use file::lock::Waiting;
pub use history::{Change, Edit, Target};
pub use hlc::{Clock, Stamp};
pub use merge::{merge, merge_owned, merge3};
pub use own_estimate::estimate_record_id;
pub use read::{Notice, parse, parse_with_notices, parse_with_serde};
pub use record::{ProjectRecord, Register, RegisterValue, SkillRecord};
pub use relocate::{Move, moves_for};
pub use reset::Cleared;
pub use store::{DATA_ENV, Mode, ProgressError, Store, default_path};
pub use study::{BadDuration, DayFull, MAX_SESSION_MINUTES, Minutes, parse_duration};

/// The data file format this build writes. Version 3 adds study sessions to
/// the history, target dates per roadmap and own estimates kept per roadmap
/// skill: a build that reads only version 2 would call such a file corrupt,
/// so the version says it is newer, and such a build leaves it untouched.
/// Versions 2 and 1 (one stamp per record, history as text, browsing state
/// inside) are still read; version 1 is migrated.
pub const FORMAT_VERSION: u32 = 3;

/// A skill's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Todo,
    Doing,
    Done,
    Skipped,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Todo, Status::Doing, Status::Done, Status::Skipped];

    /// Done and skipped skills need no more time.
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Done | Status::Skipped)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Doing => "doing",
            Status::Done => "done",
            Status::Skipped => "skipped",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A status word that is not one of todo/doing/done/skip.
#[derive(Debug, thiserror::Error)]
#[error("`{0}` is not a status; use one of: todo, doing, done, skip")]
pub struct BadStatus(pub String);

impl FromStr for Status {
    type Err = BadStatus;
    fn from_str(s: &str) -> Result<Self, BadStatus> {
        match s.to_ascii_lowercase().as_str() {
            "todo" => Ok(Status::Todo),
            "doing" => Ok(Status::Doing),
            "done" => Ok(Status::Done),
            "skip" | "skipped" => Ok(Status::Skipped),
            _ => Err(BadStatus(s.to_owned())),
        }
    }
}

/// A project idea's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProjectStatus {
    #[default]
    Idea,
    Building,
    Built,
}

impl ProjectStatus {
    /// idea → building → built → idea, for a single key that cycles.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            ProjectStatus::Idea => ProjectStatus::Building,
            ProjectStatus::Building => ProjectStatus::Built,
            ProjectStatus::Built => ProjectStatus::Idea,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Idea => "idea",
            ProjectStatus::Building => "building",
            ProjectStatus::Built => "built",
        }
    }
}

/// A project status word that is not one of idea/building/built.
#[derive(Debug, thiserror::Error)]
#[error("`{0}` is not a project status; use one of: idea, building, built")]
pub struct BadProjectStatus(pub String);

impl FromStr for ProjectStatus {
    type Err = BadProjectStatus;
    fn from_str(s: &str) -> Result<Self, BadProjectStatus> {
        match s.to_ascii_lowercase().as_str() {
            "idea" => Ok(ProjectStatus::Idea),
            "building" => Ok(ProjectStatus::Building),
            "built" => Ok(ProjectStatus::Built),
            _ => Err(BadProjectStatus(s.to_owned())),
        }
    }
}

impl fmt::Display for ProjectStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where the learner was in a roadmap, by id so it survives edits to the
/// file. Version 1 files kept it in the progress file; it is browsing state
/// now, read from old files only to carry it over.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cursor {
    /// The phase's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// The skill's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<String>,
}

/// Browsing state a version 1 file held (the roadmap open last, the place in
/// each roadmap). Read so it can move to the state file; never written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Legacy {
    /// The roadmap opened last.
    pub last_roadmap: Option<String>,
    /// The place in each roadmap, by roadmap id.
    pub cursors: BTreeMap<String, Cursor>,
}

/// Everything in the data file.
#[derive(Debug, Clone)]
pub struct Progress {
    /// The format version the file was read with (written: [`FORMAT_VERSION`]).
    pub version: u32,
    /// The learner's weekly study hours (more than 0, at most 168).
    pub pace: Register<Option<f64>>,
    /// Skill records by record id (shared key, or `roadmap/skill`).
    pub skills: BTreeMap<String, SkillRecord>,
    /// Project records by record id (`roadmap/project`).
    pub projects: BTreeMap<String, ProjectRecord>,
    /// Each roadmap's target date, by roadmap id; `None` once cleared.
    pub targets: BTreeMap<String, Register<Option<chrono::NaiveDate>>>,
    /// Every change, sorted by stamp, without repeats.
    pub history: Vec<Change>,
    /// Browsing state read from a version 1 file.
    pub legacy: Legacy,
    /// The hybrid logical clock: the largest stamp seen or made.
    clock: Clock,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            pace: Register::default(),
            skills: BTreeMap::new(),
            projects: BTreeMap::new(),
            targets: BTreeMap::new(),
            history: Vec::new(),
            legacy: Legacy::default(),
            clock: Clock::default(),
        }
    }
}

impl PartialEq for Progress {
    /// The data, not the clock (which only follows from it).
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
            && self.pace == other.pace
            && self.skills == other.skills
            && self.projects == other.projects
            && self.targets == other.targets
            && self.history == other.history
            && self.legacy == other.legacy
    }
}

/// The id a skill's progress is stored under: its shared key, else `roadmap/skill`.
pub fn skill_record_id(roadmap_id: &str, skill: &Skill) -> String {
    match &skill.key {
        Some(key) => key.clone(),
        None => format!("{roadmap_id}/{}", skill.id),
    }
}

/// The id a project's progress is stored under: `roadmap/project`.
pub fn project_record_id(roadmap_id: &str, project: &Project) -> String {
    format!("{roadmap_id}/{}", project.id)
}

/// The current wall time at millisecond precision, the precision of stamps.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}

impl Progress {
    /// The skill's record, if it has one.
    pub fn skill_record(&self, roadmap_id: &str, skill: &Skill) -> Option<&SkillRecord> {
        self.skills.get(&skill_record_id(roadmap_id, skill))
    }

    /// The skill's status (`todo` without a record).
    pub fn status(&self, roadmap_id: &str, skill: &Skill) -> Status {
        self.skill_record(roadmap_id, skill)
            .map_or(Status::Todo, SkillRecord::status)
    }

    /// The project's status (`idea` without a record).
    pub fn project_status(&self, roadmap_id: &str, project: &Project) -> ProjectStatus {
        self.projects
            .get(&project_record_id(roadmap_id, project))
            .map_or(ProjectStatus::Idea, ProjectRecord::status)
    }

    /// The learner's weekly hours, if set.
    pub fn pace_hours_per_week(&self) -> Option<f64> {
        self.pace.value
    }

    /// The largest stamp this copy has seen or made.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// Lets the clock know of stamps read from elsewhere.
    pub(crate) fn observe(&mut self, stamp: Stamp) {
        self.clock.observe(stamp);
    }

    /// The stamp for a change made now, at wall time `at`.
    pub(crate) fn tick(&mut self, at: DateTime<Utc>) -> Stamp {
        self.clock.tick(at)
    }
}

/// Own estimates are stored as text (`3–4 weeks`), as a learner would write them.
mod weeks_text {
    use crate::estimate::{self, Weeks};

    /// The friendly form (`3–4 weeks`) when it reads back as the same value;
    /// otherwise every digit, so that what is saved always loads again (the
    /// friendly form rounds to 0.1, and `0.04` would come back as `0 weeks`,
    /// which does not parse).
    pub(super) fn text(w: Weeks) -> String {
        let friendly = w.to_string();
        if estimate::parse(&friendly) == Ok(w) {
            return friendly;
        }
        if w.min.to_bits() == w.max.to_bits() {
            format!("{} weeks", w.min)
        } else {
            format!("{}-{} weeks", w.min, w.max)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::estimate::Weeks;
    use crate::roadmap::fixture::{keyed, skill};

    #[test]
    fn shared_keys_share_one_record() {
        let mut p = Progress::default();
        let git_a = keyed("git", "git");
        let git_b = keyed("version-control", "git");
        p.set_status("a", &git_a, Status::Done, now());
        assert_eq!(p.status("b", &git_b), Status::Done);
        let local = skill("http", None);
        p.set_status("a", &local, Status::Doing, now());
        assert_eq!(p.status("b", &local), Status::Todo);
        assert!(p.skills.contains_key("a/http"));
    }

    #[test]
    fn history_records_every_status_change_once() {
        let mut p = Progress::default();
        let s = skill("x", None);
        assert!(p.set_status("r", &s, Status::Doing, now()).is_some());
        assert!(p.set_status("r", &s, Status::Doing, now()).is_none());
        let c = p.set_status("r", &s, Status::Done, now()).unwrap();
        assert_eq!(
            c.edit,
            Edit::Status {
                from: Status::Doing,
                to: Status::Done
            }
        );
        assert_eq!(p.history.len(), 2);
        assert_eq!(c.skill_to(), Some(Status::Done));
    }

    #[test]
    fn personal_estimates_that_do_not_round_nicely_still_load_again() {
        for w in [
            Weeks::exact(0.04),
            Weeks::exact(1.0 / 3.0),
            Weeks::range(0.25, 8.0 + 2.0 / 3.0),
            Weeks::exact(3.5),
            Weeks::exact(1.0),
        ] {
            let text = weeks_text::text(w);
            assert_eq!(crate::estimate::parse(&text), Ok(w), "{text}");
        }
        assert_eq!(weeks_text::text(Weeks::range(3.0, 4.5)), "3–4.5 weeks");
    }

    #[test]
    fn statuses_parse_from_the_command_line_words() {
        assert_eq!("skip".parse::<Status>().unwrap(), Status::Skipped);
        assert_eq!("DONE".parse::<Status>().unwrap(), Status::Done);
        assert!("finished".parse::<Status>().is_err());
        assert_eq!(ProjectStatus::Built.next(), ProjectStatus::Idea);
    }
}
