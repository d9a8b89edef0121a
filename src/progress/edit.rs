//! The changes a learner makes. Each stamps only the field it changes, with
//! the next stamp of the hybrid logical clock, and adds one typed entry to
//! the history; setting a field to the value it has changes nothing.

use chrono::{DateTime, Utc};

use super::history::{Change, Edit, Target};
use super::record::Register;
use super::{
    Progress, ProjectStatus, SkillRecord, Status, estimate_record_id, project_record_id,
    skill_record_id,
};
use crate::estimate::Weeks;
use crate::roadmap::{Roadmap, Skill};

impl Progress {
    /// Records `edit` of `target`, made at wall time `at` in `roadmap`, in
    /// the history, and returns the entry. The stamp is the clock's next.
    fn record(
        &mut self,
        roadmap: Option<&str>,
        target: Target,
        edit: Edit,
        at: DateTime<Utc>,
    ) -> Change {
        let change = Change {
            at: self.tick(at),
            roadmap: roadmap.map(str::to_owned),
            target,
            edit,
        };
        // The clock makes each new stamp the largest, so pushing keeps the
        // history sorted.
        self.history.push(change.clone());
        change
    }

    /// Sets a skill's status by record id. Returns the history entry, or
    /// `None` when the status was already `to`.
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
            .map_or(Status::Todo, SkillRecord::status);
        if from == to {
            return None;
        }
        let change = self.record(
            Some(roadmap_id),
            Target::Skill(record_id.to_owned()),
            Edit::Status { from, to },
            at,
        );
        self.skills.entry(record_id.to_owned()).or_default().status = Register::new(to, change.at);
        Some(change)
    }

    /// Sets a skill's status; see [`Progress::set_status_by_id`].
    pub fn set_status(
        &mut self,
        roadmap_id: &str,
        skill: &Skill,
        to: Status,
        at: DateTime<Utc>,
    ) -> Option<Change> {
        self.set_status_by_id(roadmap_id, &skill_record_id(roadmap_id, skill), to, at)
    }

    /// Sets a project's status by record id (`roadmap/project`). Returns the
    /// history entry, or `None` when the status was already `to`.
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
            .map_or(ProjectStatus::Idea, super::ProjectRecord::status);
        if from == to {
            return None;
        }
        let change = self.record(
            Some(roadmap_id),
            Target::Project(record_id.to_owned()),
            Edit::Project { from, to },
            at,
        );
        self.projects
            .entry(record_id.to_owned())
            .or_default()
            .status = Register::new(to, change.at);
        Some(change)
    }

    /// Replaces (or with `None` or blank text, clears) a skill's note.
    pub fn set_note(
        &mut self,
        roadmap_id: &str,
        skill: &Skill,
        note: Option<String>,
        at: DateTime<Utc>,
    ) -> Option<Change> {
        let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        self.set_note_by_id(roadmap_id, &skill_record_id(roadmap_id, skill), note, at)
    }

    /// Sets (or with `None`, clears) a skill's note by record id, as given.
    pub fn set_note_by_id(
        &mut self,
        roadmap_id: &str,
        record_id: &str,
        note: Option<String>,
        at: DateTime<Utc>,
    ) -> Option<Change> {
        if self.skills.get(record_id).and_then(SkillRecord::note) == note.as_deref() {
            return None;
        }
        let change = self.record(
            Some(roadmap_id),
            Target::Skill(record_id.to_owned()),
            Edit::Note(note.clone()),
            at,
        );
        self.skills.entry(record_id.to_owned()).or_default().note = Register::new(note, change.at);
        Some(change)
    }

    /// Replaces (or with `None`, clears) a skill's own estimate (weeks) in
    /// this roadmap only (stored under [`estimate_record_id`]).
    pub fn set_estimate(
        &mut self,
        roadmap_id: &str,
        skill: &Skill,
        estimate: Option<Weeks>,
        at: DateTime<Utc>,
    ) -> Option<Change> {
        self.set_estimate_by_id(
            roadmap_id,
            &estimate_record_id(roadmap_id, skill),
            estimate,
            at,
        )
    }

    /// Sets (or with `None`, clears) a skill's own estimate by record id.
    pub fn set_estimate_by_id(
        &mut self,
        roadmap_id: &str,
        record_id: &str,
        estimate: Option<Weeks>,
        at: DateTime<Utc>,
    ) -> Option<Change> {
        if self.skills.get(record_id).and_then(SkillRecord::estimate) == estimate {
            return None;
        }
        let change = self.record(
            Some(roadmap_id),
            Target::Skill(record_id.to_owned()),
            Edit::Estimate(estimate),
            at,
        );
        self.skills
            .entry(record_id.to_owned())
            .or_default()
            .estimate = Register::new(estimate, change.at);
        Some(change)
    }

    /// Sets (or with `None`, clears) the learner's weekly hours. `roadmap` is
    /// the roadmap open when it was set, if any, for the history.
    pub fn set_pace(
        &mut self,
        hours_per_week: Option<f64>,
        roadmap: Option<&str>,
        at: DateTime<Utc>,
    ) -> Option<Change> {
        if self.pace.is_set() && self.pace.value == hours_per_week {
            return None;
        }
        let change = self.record(roadmap, Target::Setting, Edit::Pace(hours_per_week), at);
        self.pace = Register::new(hours_per_week, change.at);
        Some(change)
    }

    /// Skill and project records that no given roadmap mentions.
    pub fn orphans<'a>(&self, roadmaps: impl IntoIterator<Item = &'a Roadmap>) -> Vec<String> {
        let mut known = std::collections::HashSet::new();
        for r in roadmaps {
            for (_, s) in r.skills() {
                known.insert(skill_record_id(&r.id, s));
                known.insert(estimate_record_id(&r.id, s));
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
