//! The reader that turns the raw file into progress: stamps, the pace,
//! records written twice, and where in the document a problem is.
//! Each kind of record is read in `records.rs`.

use std::collections::BTreeMap;
use std::path::Path;

use super::Notice;
use super::corrupt;
use super::raw::RawFile;
use crate::progress::history::normalize;
use crate::progress::hlc::Stamp;
use crate::progress::record::{ProjectRecord, Register, SkillRecord};
use crate::progress::{Legacy, Progress, ProgressError};
use crate::roadmap::locate::{Anchor, Seg, duplicate_keys, locate};

/// Turns the raw file into progress, placing every problem.
pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) path: &'a Path,
    pub(super) v1: bool,
}

pub(super) fn key(k: &str) -> Seg {
    Seg::Key(k.to_owned())
}

impl Reader<'_> {
    pub(super) fn fail(&self, at: Vec<Seg>, message: String) -> ProgressError {
        let pos = locate(self.text, &[(at, Anchor::Value)])[0];
        corrupt(self.path, pos, message)
    }

    pub(super) fn stamp(
        &self,
        text: Option<&str>,
        at: &[Seg],
    ) -> Result<Option<Stamp>, ProgressError> {
        let Some(text) = text else { return Ok(None) };
        let stamp = text.parse::<Stamp>().map_err(|e| {
            let place = place(at);
            self.fail(at.to_vec(), format!("{place}: {e}"))
        })?;
        Ok(Some(stamp))
    }

    /// A field's stamp: `NAME_at` in this format, the record's `changed` in version 1.
    pub(super) fn field_stamp(
        &self,
        base: &[Seg],
        name: &str,
        own: Option<&str>,
        changed: Option<&str>,
        has_value: bool,
    ) -> Result<Option<Stamp>, ProgressError> {
        let at_name = format!("{name}_at");
        let (text, field) = if self.v1 {
            (changed, "changed")
        } else {
            (own, at_name.as_str())
        };
        let mut at = base.to_vec();
        at.push(key(field));
        let stamp = self.stamp(text, &at)?;
        if has_value && stamp.is_none() {
            let mut at = base.to_vec();
            at.push(key(name));
            return Err(self.fail(
                at.clone(),
                format!(
                    "{}: the value has no stamp; add `{field}:` with the time it changed, like 2026-03-02T12:00:00Z",
                    place(&at)
                ),
            ));
        }
        Ok(stamp)
    }

    pub(super) fn build(
        &mut self,
        raw: RawFile,
        notices: &mut Vec<Notice>,
    ) -> Result<Progress, ProgressError> {
        let mut p = Progress {
            version: raw.version,
            legacy: Legacy {
                last_roadmap: raw.last_roadmap,
                cursors: raw.cursors,
            },
            ..Progress::default()
        };
        self.pace(
            &mut p,
            raw.pace_hours_per_week,
            raw.pace_hours_per_week_at.as_deref(),
        )?;
        let mut repeats = Vec::new();
        for (id, r) in raw.skills.0 {
            let record = self.skill(&id, r)?;
            if let Some(id) = keep_once(&mut p.skills, id, record, SkillRecord::join) {
                repeats.push(("skills", id));
            }
        }
        for (id, r) in raw.projects.0 {
            let record = self.project(&id, &r)?;
            if let Some(id) = keep_once(&mut p.projects, id, record, ProjectRecord::join) {
                repeats.push(("projects", id));
            }
        }
        for (id, r) in raw.targets.0 {
            let target = self.target(&id, &r)?;
            if let Some(id) = keep_once(&mut p.targets, id, target, Register::join) {
                repeats.push(("targets", id));
            }
        }
        for (i, c) in raw.history.into_iter().enumerate() {
            p.history.push(self.change(i, c)?);
        }
        normalize(&mut p.history);
        if !repeats.is_empty() {
            notices.push(self.repeats_notice(&repeats));
        }
        observe_all(&mut p);
        Ok(p)
    }

    fn pace(
        &self,
        p: &mut Progress,
        value: Option<f64>,
        at: Option<&str>,
    ) -> Result<(), ProgressError> {
        if let Some(h) = value
            && !(h > 0.0 && h <= 168.0)
        {
            return Err(self.fail(
                vec![key("pace_hours_per_week")],
                format!("pace_hours_per_week: {h} is not a weekly pace; give the hours studied per week, more than 0 and at most 168"),
            ));
        }
        let stamp = self.stamp(at, &[key("pace_hours_per_week_at")])?;
        p.pace = match (value, stamp) {
            (v, Some(at)) => Register::new(v, at),
            // Version 1 kept no stamp for the pace: any later change wins.
            (Some(h), None) if self.v1 => Register::new(Some(h), Stamp::LEGACY),
            (Some(_), None) => {
                return Err(self.fail(
                    vec![key("pace_hours_per_week")],
                    "pace_hours_per_week: the value has no stamp; add `pace_hours_per_week_at:` with the time it changed, like 2026-03-02T12:00:00Z".to_owned(),
                ));
            }
            (None, None) => Register::default(),
        };
        Ok(())
    }

    fn repeats_notice(&self, repeats: &[(&str, String)]) -> Notice {
        let dups = duplicate_keys(self.text);
        let mut parts = Vec::new();
        for (section, id) in repeats {
            let path = vec![key(section), key(id)];
            let mut lines: Vec<usize> = dups
                .iter()
                .filter(|(p, ..)| *p == path)
                .flat_map(|(_, at, first)| [first.0, at.0])
                .collect();
            lines.sort_unstable();
            lines.dedup();
            let lines: Vec<String> = lines.iter().map(ToString::to_string).collect();
            let entry = format!("{section}.{id} (lines {})", lines.join(", "));
            if !parts.contains(&entry) {
                parts.push(entry);
            }
        }
        Notice {
            path: self.path.to_owned(),
            message: format!(
                "entries written more than once were merged field by field: {}; the next save writes each once",
                parts.join("; ")
            ),
        }
    }
}

/// Inserts a record read from the file, or joins it into the copy already
/// read under that id (a record written twice) and gives back the id of
/// that repeat.
fn keep_once<T>(
    map: &mut BTreeMap<String, T>,
    id: String,
    record: T,
    join: impl Fn(&mut T, &T),
) -> Option<String> {
    if let Some(first) = map.get_mut(&id) {
        join(first, &record);
        Some(id)
    } else {
        map.insert(id, record);
        None
    }
}

/// `skills.git.status_at`, `history[3].to`: a place in the document.
pub(super) fn place(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                use std::fmt::Write as _;
                let _ = write!(out, "[{i}]");
            }
        }
    }
    out
}

/// Winds the clock past every stamp in the file.
fn observe_all(p: &mut Progress) {
    let mut last = p.pace.at;
    for r in p.skills.values() {
        last = last.max(r.latest());
    }
    for r in p.projects.values() {
        last = last.max(r.status.at);
    }
    for r in p.targets.values() {
        last = last.max(r.at);
    }
    if let Some(c) = p.history.last() {
        last = last.max(c.at);
    }
    if !last.is_zero() {
        p.observe(last);
    }
}
