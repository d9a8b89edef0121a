//! A reader for exactly the text trailmark's own writer produces.
//!
//! Measured reason for hand-writing it: with `serde_yaml` a save after
//! another copy wrote, or a live reload, took 34–50 ms for 1,000 records and
//! 5,000 history entries (parsing about 20 MiB/s), three frames against a
//! budget of one (see the README's Performance section). trailmark's files
//! have a small fixed shape, so this reads them line by line into the same
//! raw types serde fills, and every check after that is shared.
//!
//! It accepts only what the writer writes: the fixed keys and indents, plain
//! scalars the writer would leave plain, and double-quoted scalars with the
//! escapes it uses. Anything else (a hand edit, a version 1 file, a comment
//! in the middle) returns `None`, and the caller reads the file with
//! `serde_yaml` as before, errors and positions included. A proptest checks
//! that both readers agree on everything the writer writes.

use super::raw::{RawChange, RawFile, RawProject, RawSkill, RawTarget};
use crate::progress::{ProjectStatus, Status};

/// The file as the raw types, or `None` when it is not exactly in the
/// writer's shape.
///
/// Longer than 60 lines on purpose: it is one loop over the lines whose
/// arms share the section state, and reads best as the file's shape, top to
/// bottom; split up, that state would travel through every helper.
pub(super) fn parse(text: &str) -> Option<RawFile> {
    let mut file = RawFile::empty();
    let mut section = Section::Top;
    let mut version = None;
    for line in text.lines() {
        if line.is_empty() || (line.starts_with('#') && matches!(section, Section::Top)) {
            continue;
        }
        if let Some(rest) = line.strip_prefix("    ") {
            let (name, value) = field(rest)?;
            match &mut section {
                Section::Skill => skill_field(&mut file.skills.0.last_mut()?.1, name, value)?,
                Section::Project => {
                    let p = &mut file.projects.0.last_mut()?.1;
                    match name {
                        "status" => {
                            p.status = Some(project_status(value)?);
                        }
                        "status_at" => p.status_at = Some(stamp(value)?),
                        _ => return None,
                    }
                }
                Section::Target => {
                    let t = &mut file.targets.0.last_mut()?.1;
                    match name {
                        "date" => t.date = Some(scalar(value)?),
                        "date_at" => t.date_at = Some(stamp(value)?),
                        _ => return None,
                    }
                }
                _ => return None,
            }
        } else if let Some(rest) = line.strip_prefix("  ") {
            if matches!(section, Section::History) {
                let (name, value) = field(rest)?;
                change_field(file.history.last_mut()?, name, value)?;
            } else {
                let key = scalar(rest.strip_suffix(':')?)?;
                match section {
                    Section::Skills | Section::Skill => {
                        file.skills.0.push((key, RawSkill::empty()));
                        section = Section::Skill;
                    }
                    Section::Projects | Section::Project => {
                        file.projects.0.push((key, RawProject::empty()));
                        section = Section::Project;
                    }
                    Section::Targets | Section::Target => {
                        file.targets.0.push((key, RawTarget::default()));
                        section = Section::Target;
                    }
                    _ => return None,
                }
            }
        } else if let Some(rest) = line.strip_prefix("- ") {
            if !matches!(section, Section::History) {
                return None;
            }
            let (name, value) = field(rest)?;
            if name != "at" {
                return None;
            }
            file.history.push(RawChange::at(stamp(value)?));
        } else {
            section = match line {
                "skills:" => Section::Skills,
                "projects:" => Section::Projects,
                "targets:" => Section::Targets,
                "history:" => Section::History,
                _ => {
                    let (name, value) = field(line)?;
                    match name {
                        "version" => version = Some(value.parse::<u32>().ok()?),
                        "pace_hours_per_week" => {
                            file.pace_hours_per_week = Some(value.parse::<f64>().ok()?);
                        }
                        "pace_hours_per_week_at" => {
                            file.pace_hours_per_week_at = Some(stamp(value)?);
                        }
                        _ => return None,
                    }
                    Section::Top
                }
            };
        }
    }
    // Version 1 files (and anything newer) take the full reader.
    file.version = version.filter(|v| (2..=super::super::FORMAT_VERSION).contains(v))?;
    Some(file)
}

#[derive(Clone, Copy)]
enum Section {
    Top,
    Skills,
    Skill,
    Projects,
    Project,
    Targets,
    Target,
    History,
}

/// `name: value`.
fn field(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once(": ")?;
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        .then_some((name, value))
}

fn skill_field(s: &mut RawSkill, name: &str, value: &str) -> Option<()> {
    match name {
        "status" => s.status = Some(status(value)?),
        "status_at" => s.status_at = Some(stamp(value)?),
        "note" => s.note = Some(scalar(value)?),
        "note_at" => s.note_at = Some(stamp(value)?),
        "estimate" => s.estimate = Some(scalar(value)?),
        "estimate_at" => s.estimate_at = Some(stamp(value)?),
        _ => return None,
    }
    Some(())
}

fn change_field(c: &mut RawChange, name: &str, value: &str) -> Option<()> {
    let slot = match name {
        "roadmap" => &mut c.roadmap,
        "skill" => &mut c.skill,
        "project" => &mut c.project,
        "field" => &mut c.field,
        "from" => &mut c.from,
        "to" => &mut c.to,
        "date" => &mut c.date,
        "minutes" => &mut c.minutes,
        _ => return None,
    };
    if slot.is_some() {
        return None;
    }
    // A pace is written as a bare number (`to: 7.5`), a study session's
    // date and minutes bare too (`date: 2026-11-30`, `minutes: 90`).
    let number = || {
        let bare = match name {
            "to" => value.parse::<f64>().is_ok(),
            "minutes" => value.parse::<u32>().is_ok(),
            "date" => value.bytes().all(|b| b.is_ascii_digit() || b == b'-'),
            _ => false,
        };
        bare.then(|| value.to_owned())
    };
    *slot = Some(scalar(value).or_else(number)?);
    Some(())
}

fn status(value: &str) -> Option<Status> {
    Some(match value {
        "todo" => Status::Todo,
        "doing" => Status::Doing,
        "done" => Status::Done,
        "skipped" => Status::Skipped,
        _ => return None,
    })
}

fn project_status(value: &str) -> Option<ProjectStatus> {
    Some(match value {
        "idea" => ProjectStatus::Idea,
        "building" => ProjectStatus::Building,
        "built" => ProjectStatus::Built,
        _ => return None,
    })
}

/// A stamp as the writer writes it: digits and `-:.TZ+`, and ` hlc `.
fn stamp(value: &str) -> Option<String> {
    let ok = value.split(" hlc ").all(|part| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_digit() || b"-:.TZ+".contains(&b))
    });
    ok.then(|| value.to_owned())
}

/// A plain scalar the writer would leave plain, or a double-quoted one.
fn scalar(value: &str) -> Option<String> {
    if let Some(body) = value.strip_prefix('"') {
        return unquote(body.strip_suffix('"')?);
    }
    crate::progress::emit::is_plain(value).then(|| value.to_owned())
}

/// The body of a YAML double-quoted scalar, with the escapes YAML defines.
fn unquote(body: &str) -> Option<String> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return None,
            '\\' => {
                let e = chars.next()?;
                out.push(match e {
                    '0' => '\0',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    't' | '\t' => '\t',
                    'n' => '\n',
                    'v' => '\u{b}',
                    'f' => '\u{c}',
                    'r' => '\r',
                    'e' => '\u{1b}',
                    ' ' => ' ',
                    '"' => '"',
                    '/' => '/',
                    '\\' => '\\',
                    'N' => '\u{85}',
                    '_' => '\u{a0}',
                    'L' => '\u{2028}',
                    'P' => '\u{2029}',
                    'x' => hex(&mut chars, 2)?,
                    'u' => hex(&mut chars, 4)?,
                    'U' => hex(&mut chars, 8)?,
                    _ => return None,
                });
            }
            // What the writer escapes never appears raw: a raw one means
            // another hand wrote this, so the full reader decides.
            c if c < ' ' || c == '\u{7f}' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

fn hex(chars: &mut std::str::Chars<'_>, digits: usize) -> Option<char> {
    let text: String = chars.by_ref().take(digits).collect();
    if text.len() != digits {
        return None;
    }
    char::from_u32(u32::from_str_radix(&text, 16).ok()?)
}

#[cfg(test)]
mod tests {
    use crate::progress::{Progress, ProjectStatus, Status, now, render};

    #[test]
    fn reads_what_the_writer_writes_and_nothing_else() {
        let mut p = Progress::default();
        p.set_pace(Some(7.5), None, now());
        p.set_status_by_id("r", "git", Status::Done, now());
        p.set_note_by_id("r", "git", Some("a \"note\"\n\u{1b}[2J ü 🦀".into()), now());
        p.set_note_by_id("r", "r/x", Some("yes".into()), now());
        p.set_project_status_by_id("r", "r/p", ProjectStatus::Built, now());
        p.set_target_date("r", chrono::NaiveDate::from_ymd_opt(2026, 6, 30), now());
        p.set_target_date("s", chrono::NaiveDate::from_ymd_opt(2026, 7, 1), now());
        p.set_target_date("s", None, now());
        let text = render(&p);
        let raw = super::parse(&text).expect("the writer's own text takes the fast path");
        assert_eq!(raw.skills.0.len(), 2);
        assert_eq!(raw.targets.0.len(), 2);
        assert_eq!(raw.targets.0[0].1.date.as_deref(), Some("2026-06-30"));
        assert!(raw.targets.0[1].1.date.is_none() && raw.targets.0[1].1.date_at.is_some());
        assert_eq!(raw.history.len(), 5);
        // A hand edit, a version 1 file, a comment in the middle: full reader.
        for other in [
            text.replace("status: done", "status: Done"),
            text.replace("version: 3", "version: 1"),
            text.replace("skills:\n", "skills:\n# mine\n"),
            text.replace("    status_at", "    status_at:  "),
        ] {
            assert!(super::parse(&other).is_none(), "{other}");
        }
    }
}
