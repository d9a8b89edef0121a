//! Reading each kind of record: a skill, a project, a roadmap's target
//! date and a history entry, each checked and placed in the document.

use super::raw::{RawChange, RawProject, RawSkill, RawTarget};
use super::reader::{Reader, key, place};
use crate::estimate;
use crate::progress::history::{Change, Edit, Target};
use crate::progress::hlc::Stamp;
use crate::progress::record::{ProjectRecord, Register, SkillRecord};
use crate::progress::{ProgressError, ProjectStatus, Status};
use crate::roadmap::locate::Seg;

impl Reader<'_> {
    pub(super) fn skill(&self, id: &str, r: RawSkill) -> Result<SkillRecord, ProgressError> {
        let base = vec![key("skills"), key(id)];
        let changed = r.changed.as_deref();
        if !self.v1 && changed.is_some() {
            let mut at = base.clone();
            at.push(key("changed"));
            return Err(self.fail(at.clone(), format!("{}: `changed` belongs to version 1 files; this one gives each field its own stamp (`status_at`, `note_at`, `estimate_at`)", place(&at))));
        }
        let mut record = SkillRecord::default();
        if let Some(at) = self.field_stamp(
            &base,
            "status",
            r.status_at.as_deref(),
            changed,
            r.status.is_some(),
        )? {
            record.status = Register::new(r.status.unwrap_or_default(), at);
        }
        // Version 1 stamped the whole record: a field it left out was as
        // much part of that change as the ones it wrote.
        if let Some(at) = self.field_stamp(
            &base,
            "note",
            r.note_at.as_deref(),
            changed,
            r.note.is_some(),
        )? {
            record.note = Register::new(r.note, at);
        }
        let estimate = match &r.estimate {
            Some(text) => Some(estimate::parse(text).map_err(|e| {
                let mut at = base.clone();
                at.push(key("estimate"));
                self.fail(at.clone(), format!("{}: {e}", place(&at)))
            })?),
            None => None,
        };
        if let Some(at) = self.field_stamp(
            &base,
            "estimate",
            r.estimate_at.as_deref(),
            changed,
            estimate.is_some(),
        )? {
            record.estimate = Register::new(estimate, at);
        }
        Ok(record)
    }

    pub(super) fn project(&self, id: &str, r: &RawProject) -> Result<ProjectRecord, ProgressError> {
        let base = vec![key("projects"), key(id)];
        let mut record = ProjectRecord::default();
        if let Some(at) = self.field_stamp(
            &base,
            "status",
            r.status_at.as_deref(),
            r.changed.as_deref(),
            r.status.is_some(),
        )? {
            record.status = Register::new(r.status.unwrap_or_default(), at);
        }
        Ok(record)
    }

    /// A roadmap's target date: a date written YYYY-MM-DD, with its stamp.
    pub(super) fn target(
        &self,
        id: &str,
        r: &RawTarget,
    ) -> Result<Register<Option<chrono::NaiveDate>>, ProgressError> {
        let base = vec![key("targets"), key(id)];
        let date = match r.date.as_deref() {
            Some(text) => Some(crate::roadmap::parse_date(text).ok_or_else(|| {
                let mut at = base.clone();
                at.push(key("date"));
                self.fail(
                    at.clone(),
                    format!(
                        "{}: `{text}` is not a date written YYYY-MM-DD; write it like `2026-06-30`",
                        place(&at)
                    ),
                )
            })?),
            None => None,
        };
        let at = self.field_stamp(&base, "date", r.date_at.as_deref(), None, date.is_some())?;
        Ok(at.map_or_else(Register::default, |at| Register::new(date, at)))
    }

    pub(super) fn change(&self, i: usize, mut c: RawChange) -> Result<Change, ProgressError> {
        let base = vec![key("history"), Seg::Index(i)];
        let at_seg = |name: &str| {
            let mut at = base.clone();
            at.push(key(name));
            at
        };
        let at = self
            .stamp(Some(&c.at), &at_seg("at"))?
            .unwrap_or(Stamp::ZERO);
        let target = match (c.skill.take(), c.project.take()) {
            (Some(s), None) => Target::Skill(s),
            (None, Some(p)) => Target::Project(p),
            (None, None) => Target::Setting,
            (Some(_), Some(_)) => {
                return Err(self.bad_entry(
                    &base,
                    "project",
                    "a history entry is about a skill or a project, not both",
                ));
            }
        };
        let roadmap = c.roadmap.take();
        let edit = self.edit(&base, &target, c)?;
        Ok(Change {
            at,
            roadmap,
            target,
            edit,
        })
    }

    /// A problem with the field `name` of the history entry at `base`.
    fn bad_entry(&self, base: &[Seg], name: &str, what: &str) -> ProgressError {
        let mut at = base.to_vec();
        at.push(key(name));
        self.fail(at.clone(), format!("{}: {what}", place(&at)))
    }

    /// What a history entry changed, checked against what its target has.
    fn edit(&self, base: &[Seg], target: &Target, c: RawChange) -> Result<Edit, ProgressError> {
        let bad = |name: &str, what: String| self.bad_entry(base, name, &what);
        let field = c.field.as_deref().unwrap_or("status");
        let parse_status = |name: &str, v: Option<&str>| -> Result<Status, ProgressError> {
            v.unwrap_or_default()
                .parse()
                .map_err(|e: crate::progress::BadStatus| bad(name, e.to_string()))
        };
        let parse_project = |name: &str, v: Option<&str>| -> Result<ProjectStatus, ProgressError> {
            v.unwrap_or_default()
                .parse()
                .map_err(|e: crate::progress::BadProjectStatus| bad(name, e.to_string()))
        };
        let edit = match (field, target) {
            ("status", Target::Skill(_)) => Edit::Status {
                from: parse_status("from", c.from.as_deref())?,
                to: parse_status("to", c.to.as_deref())?,
            },
            ("status", Target::Project(_)) => Edit::Project {
                from: parse_project("from", c.from.as_deref())?,
                to: parse_project("to", c.to.as_deref())?,
            },
            ("note", Target::Skill(_)) => Edit::Note(c.to),
            ("estimate", Target::Skill(_)) => Edit::Estimate(match c.to.as_deref() {
                Some(t) => Some(estimate::parse(t).map_err(|e| bad("to", e.to_string()))?),
                None => None,
            }),
            ("pace", Target::Setting) => Edit::Pace(match c.to.as_deref() {
                Some(t) => Some(
                    t.parse::<f64>()
                        .ok()
                        .filter(|h| *h > 0.0 && *h <= 168.0)
                        .ok_or_else(|| bad("to", format!("`{t}` is not a weekly pace (hours, more than 0 and at most 168)")))?,
                ),
                None => None,
            }),
            ("study", Target::Skill(_)) => crate::progress::study::read_entry(c.date.as_deref(), c.minutes.as_deref())
                .map_err(|(name, what)| bad(name, what))?,
            _ => {
                return Err(bad(
                    "field",
                    format!("`{field}` is not a field this entry's target has; a skill has status, note, estimate and study, a project status, a setting pace"),
                ));
            }
        };
        Ok(edit)
    }
}
