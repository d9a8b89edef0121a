//! Reads the progress file: this format (version 3), version 2 (the same
//! shape with fewer kinds of data) and version 1, which it
//! migrates.
//!
//! serde reads the file into loose raw types first; the checks that make
//! them progress (stamps, estimates, paces, history entries) run here, and
//! place every problem at its line and column with the same position finder
//! the roadmap loader uses. A record written twice (a git union merge, or
//! "accept both" in a conflict, leaves that) is two copies of one record:
//! they merge field by field, and a [`Notice`] says which lines.

mod fast;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

use super::history::{Change, Edit, Target, normalize};
use super::hlc::Stamp;
use super::record::{ProjectRecord, Register, SkillRecord};
use super::{Cursor, FORMAT_VERSION, Legacy, Progress, ProgressError, ProjectStatus, Status};
use crate::estimate;
use crate::roadmap::locate::{Anchor, Seg, duplicate_keys, locate};

/// Something worth telling the learner about a file that did read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The file it is about.
    pub path: PathBuf,
    /// What happened, in one line.
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Parses the file's bytes; see [`parse_with_notices`].
pub fn parse(bytes: &[u8], path: &Path) -> Result<Progress, ProgressError> {
    parse_with_notices(bytes, path).map(|(p, _)| p)
}

/// Parses the file's bytes into progress, with notices about what was
/// merged on the way. An empty or comment-only file is empty progress.
///
/// Errors: [`ProgressError::Corrupt`] with the line and column of the
/// problem, [`ProgressError::TooNew`] for a newer format.
pub fn parse_with_notices(
    bytes: &[u8],
    path: &Path,
) -> Result<(Progress, Vec<Notice>), ProgressError> {
    read(bytes, path, true)
}

/// [`parse`] without the fast reader for trailmark's own files: every file
/// through `serde_yaml`. For tests that check the two readers agree.
#[doc(hidden)]
pub fn parse_with_serde(bytes: &[u8], path: &Path) -> Result<Progress, ProgressError> {
    read(bytes, path, false).map(|(p, _)| p)
}

fn read(bytes: &[u8], path: &Path, fast: bool) -> Result<(Progress, Vec<Notice>), ProgressError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.split(|b| *b == b'\n').count();
        let col = good.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        corrupt(path, Some((line, col)), "it is not UTF-8 text".to_owned())
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Ok((Progress::default(), Vec::new()));
    }
    let quick = if fast { fast::parse(text) } else { None };
    let raw = match quick.map_or_else(|| serde_yaml::from_str::<RawFile>(text), Ok) {
        Ok(raw) if raw.version > FORMAT_VERSION => {
            return Err(ProgressError::TooNew {
                path: path.to_owned(),
                found: raw.version,
            });
        }
        Ok(raw) => raw,
        Err(e) => return Err(serde_error(&e, text, path)),
    };
    let mut reader = Reader {
        text,
        path,
        v1: raw.version < 2,
    };
    let mut notices = Vec::new();
    let progress = reader.build(raw, &mut notices)?;
    Ok((progress, notices))
}

fn corrupt(path: &Path, pos: Option<(usize, usize)>, message: String) -> ProgressError {
    ProgressError::Corrupt {
        path: path.to_owned(),
        line: pos.map(|p| p.0),
        column: pos.map(|p| p.1),
        message,
    }
}

/// Just the format version, read from a file the full parse refused.
#[derive(Deserialize)]
struct Probe {
    version: Option<u32>,
}

fn serde_error(e: &serde_yaml::Error, text: &str, path: &Path) -> ProgressError {
    if let Ok(Probe {
        version: Some(found),
    }) = serde_yaml::from_str::<Probe>(text)
        && found > FORMAT_VERSION
    {
        return ProgressError::TooNew {
            path: path.to_owned(),
            found,
        };
    }
    let mut message = e.to_string();
    let mut pos = e.location().map(|l| (l.line(), l.column()));
    if let Some((l, c)) = pos {
        message = message.replacen(&format!(" at line {l} column {c}"), "", 1);
    }
    // serde names the place (`skills.git.status: …`); the position finder
    // knows where that is, which beats a scanner error's 1:1.
    if let Some((place, _)) = message.split_once(": ")
        && !place.contains(' ')
    {
        let segs: Vec<Seg> = place
            .split('.')
            .map(
                |s| match s.strip_suffix(']').and_then(|s| s.split_once('[')) {
                    Some((k, i)) => match i.parse() {
                        Ok(i) if k.is_empty() => Seg::Index(i),
                        _ => Seg::Key(s.to_owned()),
                    },
                    None => Seg::Key(s.to_owned()),
                },
            )
            .collect();
        if pos.is_none_or(|p| p == (1, 1))
            && let Some(found) = locate(text, &[(segs, Anchor::Value)])[0]
        {
            pos = Some(found);
        }
    }
    corrupt(path, pos, super::store::explain(&message))
}

/// The file as serde reads it: loose, checked by [`Reader`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    version: u32,
    #[serde(default)]
    last_roadmap: Option<String>,
    #[serde(default)]
    cursors: BTreeMap<String, Cursor>,
    #[serde(default)]
    pace_hours_per_week: Option<f64>,
    #[serde(default)]
    pace_hours_per_week_at: Option<String>,
    #[serde(default)]
    skills: Entries<RawSkill>,
    #[serde(default)]
    projects: Entries<RawProject>,
    #[serde(default)]
    targets: Entries<RawTarget>,
    #[serde(default)]
    history: Vec<RawChange>,
}

impl RawFile {
    fn empty() -> Self {
        RawFile {
            version: 0,
            last_roadmap: None,
            cursors: BTreeMap::new(),
            pace_hours_per_week: None,
            pace_hours_per_week_at: None,
            skills: Entries::default(),
            projects: Entries::default(),
            targets: Entries::default(),
            history: Vec::new(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkill {
    status: Option<Status>,
    status_at: Option<String>,
    /// Version 1: one stamp for the whole record.
    changed: Option<String>,
    note: Option<String>,
    note_at: Option<String>,
    estimate: Option<String>,
    estimate_at: Option<String>,
}

impl RawSkill {
    fn empty() -> Self {
        RawSkill {
            status: None,
            status_at: None,
            changed: None,
            note: None,
            note_at: None,
            estimate: None,
            estimate_at: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProject {
    status: Option<ProjectStatus>,
    status_at: Option<String>,
    changed: Option<String>,
}

impl RawProject {
    fn empty() -> Self {
        RawProject {
            status: None,
            status_at: None,
            changed: None,
        }
    }
}

/// A roadmap's target date (see `progress/target.rs`).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    date: Option<String>,
    date_at: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    at: String,
    roadmap: Option<String>,
    skill: Option<String>,
    project: Option<String>,
    /// Version 2: which field changed. Version 1 kept status changes only.
    field: Option<String>,
    from: Option<String>,
    to: Option<String>,
    /// A study session's local date (`YYYY-MM-DD`).
    date: Option<String>,
    /// A study session's length in minutes.
    minutes: Option<String>,
}

impl RawChange {
    fn at(at: String) -> Self {
        RawChange {
            at,
            roadmap: None,
            skill: None,
            project: None,
            field: None,
            from: None,
            to: None,
            date: None,
            minutes: None,
        }
    }
}

/// A mapping read as its entries in file order, repeats included, where a
/// map type would silently keep the last.
struct Entries<T>(Vec<(String, T)>);

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Entries(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry::<String, T>()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// Turns the raw file into progress, placing every problem.
struct Reader<'a> {
    text: &'a str,
    path: &'a Path,
    v1: bool,
}

fn key(k: &str) -> Seg {
    Seg::Key(k.to_owned())
}

impl Reader<'_> {
    fn fail(&self, at: Vec<Seg>, message: String) -> ProgressError {
        let pos = locate(self.text, &[(at, Anchor::Value)])[0];
        corrupt(self.path, pos, message)
    }

    fn stamp(&self, text: Option<&str>, at: &[Seg]) -> Result<Option<Stamp>, ProgressError> {
        let Some(text) = text else { return Ok(None) };
        let stamp = text.parse::<Stamp>().map_err(|e| {
            let place = place(at);
            self.fail(at.to_vec(), format!("{place}: {e}"))
        })?;
        Ok(Some(stamp))
    }

    /// A field's stamp: `NAME_at` in this format, the record's `changed` in version 1.
    fn field_stamp(
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

    fn build(
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
            match p.skills.get_mut(&id) {
                Some(first) => {
                    first.join(&record);
                    repeats.push(("skills", id));
                }
                None => {
                    p.skills.insert(id, record);
                }
            }
        }
        for (id, r) in raw.projects.0 {
            let record = self.project(&id, &r)?;
            match p.projects.get_mut(&id) {
                Some(first) => {
                    first.join(&record);
                    repeats.push(("projects", id));
                }
                None => {
                    p.projects.insert(id, record);
                }
            }
        }
        for (id, r) in raw.targets.0 {
            let target = self.target(&id, &r)?;
            match p.targets.get_mut(&id) {
                Some(first) => {
                    first.join(&target);
                    repeats.push(("targets", id));
                }
                None => {
                    p.targets.insert(id, target);
                }
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

    fn skill(&self, id: &str, r: RawSkill) -> Result<SkillRecord, ProgressError> {
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

    fn project(&self, id: &str, r: &RawProject) -> Result<ProjectRecord, ProgressError> {
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
    fn target(
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

    fn change(&self, i: usize, c: RawChange) -> Result<Change, ProgressError> {
        let base = vec![key("history"), Seg::Index(i)];
        let at_seg = |name: &str| {
            let mut at = base.clone();
            at.push(key(name));
            at
        };
        let bad = |name: &str, what: String| {
            let at = at_seg(name);
            self.fail(at.clone(), format!("{}: {what}", place(&at)))
        };
        let at = self
            .stamp(Some(&c.at), &at_seg("at"))?
            .unwrap_or(Stamp::ZERO);
        let target = match (c.skill, c.project) {
            (Some(s), None) => Target::Skill(s),
            (None, Some(p)) => Target::Project(p),
            (None, None) => Target::Setting,
            (Some(_), Some(_)) => {
                return Err(bad(
                    "project",
                    "a history entry is about a skill or a project, not both".to_owned(),
                ));
            }
        };
        let field = c.field.as_deref().unwrap_or("status");
        let parse_status = |name: &str, v: Option<&str>| -> Result<Status, ProgressError> {
            v.unwrap_or_default()
                .parse()
                .map_err(|e: super::BadStatus| bad(name, e.to_string()))
        };
        let parse_project = |name: &str, v: Option<&str>| -> Result<ProjectStatus, ProgressError> {
            v.unwrap_or_default()
                .parse()
                .map_err(|e: super::BadProjectStatus| bad(name, e.to_string()))
        };
        let edit = match (field, &target) {
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
            ("study", Target::Skill(_)) => super::study::read_entry(c.date.as_deref(), c.minutes.as_deref())
                .map_err(|(name, what)| bad(name, what))?,
            _ => {
                return Err(bad(
                    "field",
                    format!("`{field}` is not a field this entry's target has; a skill has status, note, estimate and study, a project status, a setting pace"),
                ));
            }
        };
        Ok(Change {
            at,
            roadmap: c.roadmap,
            target,
            edit,
        })
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

/// `skills.git.status_at`, `history[3].to`: a place in the document.
fn place(path: &[Seg]) -> String {
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
