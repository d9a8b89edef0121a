//! A learner's progress: skill and project statuses with the time they
//! changed, notes, personal estimates, the place they were in each roadmap,
//! and an append-only history of every status change.
//!
//! A skill with a `key` is stored under that key, so every roadmap that uses
//! the key sees the same record; other skills under `roadmap-id/skill-id`.
//! Records no roadmap mentions any more are kept: a roadmap file may come back.

mod emit;
mod merge;
mod reload;
mod store;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

use crate::estimate::Weeks;
use crate::roadmap::{Project, Roadmap, Skill};

pub use emit::render;
pub use merge::merge;
pub use store::{DATA_ENV, Mode, ProgressError, Store, default_path, parse};

/// The data file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

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

impl fmt::Display for ProjectStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillRecord {
    pub status: Status,
    /// When the record last changed; the newest record wins when two copies merge.
    pub changed: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The learner's own estimate, overriding the roadmap's.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "weeks_text")]
    pub estimate: Option<Weeks>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectRecord {
    pub status: ProjectStatus,
    pub changed: DateTime<Utc>,
}

/// Where the learner was in a roadmap, by id so it survives edits to the file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cursor {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<String>,
}

/// One status change, as kept in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub at: DateTime<Utc>,
    /// The roadmap the change was made in.
    pub roadmap: String,
    /// The skill's record id (its key, or `roadmap/skill`), for skill changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<String>,
    /// The project's record id (`roadmap/project`), for project changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    pub from: String,
    pub to: String,
}

impl Change {
    /// The skill status this change moved to, if it is a skill change.
    pub fn skill_to(&self) -> Option<Status> {
        self.skill.as_ref()?;
        self.to.parse().ok()
    }
}

/// Everything in the data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_roadmap: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pace_hours_per_week: Option<f64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cursors: BTreeMap<String, Cursor>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub skills: BTreeMap<String, SkillRecord>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub projects: BTreeMap<String, ProjectRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Change>,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            last_roadmap: None,
            pace_hours_per_week: None,
            cursors: BTreeMap::new(),
            skills: BTreeMap::new(),
            projects: BTreeMap::new(),
            history: Vec::new(),
        }
    }
}

/// The id a skill's progress is stored under: its shared key, else `roadmap/skill`.
pub fn skill_record_id(roadmap_id: &str, skill: &Skill) -> String {
    match &skill.key {
        Some(key) => key.clone(),
        None => format!("{roadmap_id}/{}", skill.id),
    }
}

pub fn project_record_id(roadmap_id: &str, project: &Project) -> String {
    format!("{roadmap_id}/{}", project.id)
}

/// The current time at millisecond precision: enough to order changes, short
/// enough to keep the file readable.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}

impl Progress {
    pub fn skill_record(&self, roadmap_id: &str, skill: &Skill) -> Option<&SkillRecord> {
        self.skills.get(&skill_record_id(roadmap_id, skill))
    }

    pub fn status(&self, roadmap_id: &str, skill: &Skill) -> Status {
        self.skill_record(roadmap_id, skill)
            .map_or(Status::Todo, |r| r.status)
    }

    pub fn project_status(&self, roadmap_id: &str, project: &Project) -> ProjectStatus {
        self.projects
            .get(&project_record_id(roadmap_id, project))
            .map_or(ProjectStatus::Idea, |r| r.status)
    }

    /// Sets a skill's status by record id, appending to the history. Returns
    /// the change, or `None` when the status was already `to`.
    pub fn set_status_by_id(
        &mut self,
        roadmap_id: &str,
        record_id: &str,
        to: Status,
        at: DateTime<Utc>,
    ) -> Option<Change> {
        let from = self
            .skills
            .get(record_id)
            .map_or(Status::Todo, |r| r.status);
        if from == to {
            return None;
        }
        let record = self
            .skills
            .entry(record_id.to_owned())
            .or_insert(SkillRecord {
                status: to,
                changed: at,
                note: None,
                estimate: None,
            });
        record.status = to;
        record.changed = at;
        let change = Change {
            at,
            roadmap: roadmap_id.to_owned(),
            skill: Some(record_id.to_owned()),
            project: None,
            from: from.as_str().to_owned(),
            to: to.as_str().to_owned(),
        };
        self.history.push(change.clone());
        Some(change)
    }

    pub fn set_status(
        &mut self,
        roadmap_id: &str,
        skill: &Skill,
        to: Status,
        at: DateTime<Utc>,
    ) -> Option<Change> {
        self.set_status_by_id(roadmap_id, &skill_record_id(roadmap_id, skill), to, at)
    }

    pub fn set_project_status_by_id(
        &mut self,
        roadmap_id: &str,
        record_id: &str,
        to: ProjectStatus,
        at: DateTime<Utc>,
    ) -> Option<Change> {
        let from = self
            .projects
            .get(record_id)
            .map_or(ProjectStatus::Idea, |r| r.status);
        if from == to {
            return None;
        }
        self.projects.insert(
            record_id.to_owned(),
            ProjectRecord {
                status: to,
                changed: at,
            },
        );
        let change = Change {
            at,
            roadmap: roadmap_id.to_owned(),
            skill: None,
            project: Some(record_id.to_owned()),
            from: from.as_str().to_owned(),
            to: to.as_str().to_owned(),
        };
        self.history.push(change.clone());
        Some(change)
    }

    /// Replaces (or with `None`, clears) a skill's note.
    pub fn set_note(
        &mut self,
        roadmap_id: &str,
        skill: &Skill,
        note: Option<String>,
        at: DateTime<Utc>,
    ) {
        let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        self.edit_record(roadmap_id, skill, at, |r| r.note = note);
    }

    /// Replaces (or with `None`, clears) a skill's personal estimate.
    pub fn set_estimate(
        &mut self,
        roadmap_id: &str,
        skill: &Skill,
        estimate: Option<Weeks>,
        at: DateTime<Utc>,
    ) {
        self.edit_record(roadmap_id, skill, at, |r| r.estimate = estimate);
    }

    fn edit_record(
        &mut self,
        roadmap_id: &str,
        skill: &Skill,
        at: DateTime<Utc>,
        edit: impl FnOnce(&mut SkillRecord),
    ) {
        let record = self
            .skills
            .entry(skill_record_id(roadmap_id, skill))
            .or_insert(SkillRecord {
                status: Status::Todo,
                changed: at,
                note: None,
                estimate: None,
            });
        edit(record);
        record.changed = at;
    }

    /// Puts every skill and project of a roadmap back to the start, clearing
    /// notes and personal estimates. Records become `todo` rather than vanish,
    /// so the reset wins over older copies when files merge. Returns how many
    /// skills changed.
    pub fn reset(&mut self, roadmap: &Roadmap, at: DateTime<Utc>) -> usize {
        let mut changed = 0;
        for (_, skill) in roadmap.skills() {
            let id = skill_record_id(&roadmap.id, skill);
            if self
                .set_status_by_id(&roadmap.id, &id, Status::Todo, at)
                .is_some()
            {
                changed += 1;
            }
            if let Some(r) = self.skills.get_mut(&id)
                && (r.note.is_some() || r.estimate.is_some())
            {
                r.note = None;
                r.estimate = None;
                r.changed = at;
            }
        }
        for project in roadmap.phases.iter().flat_map(|p| &p.projects) {
            let id = project_record_id(&roadmap.id, project);
            self.set_project_status_by_id(&roadmap.id, &id, ProjectStatus::Idea, at);
        }
        self.cursors.remove(&roadmap.id);
        changed
    }

    /// Skill and project records that no given roadmap mentions.
    pub fn orphans<'a>(&self, roadmaps: impl IntoIterator<Item = &'a Roadmap>) -> Vec<String> {
        let mut known = std::collections::HashSet::new();
        for r in roadmaps {
            for (_, s) in r.skills() {
                known.insert(skill_record_id(&r.id, s));
            }
            for p in r.phases.iter().flat_map(|p| &p.projects) {
                known.insert(project_record_id(&r.id, p));
            }
        }
        self.skills
            .keys()
            .chain(self.projects.keys())
            .filter(|id| !known.contains(id.as_str()))
            .cloned()
            .collect()
    }
}

/// Personal estimates are stored as text (`3–4 weeks`), as a learner would write them.
mod weeks_text {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::estimate::{self, Weeks};

    #[allow(clippy::ref_option)]
    pub fn serialize<S: Serializer>(w: &Option<Weeks>, s: S) -> Result<S::Ok, S::Error> {
        match w {
            Some(w) => s.serialize_str(&text(*w)),
            None => s.serialize_none(),
        }
    }

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

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Weeks>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        text.map(|t| estimate::parse(&t).map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!((c.from.as_str(), c.to.as_str()), ("doing", "done"));
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
