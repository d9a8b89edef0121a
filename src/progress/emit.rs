//! Writes the progress file's text.
//!
//! The file has a small, fixed shape, and `serde_yaml`'s emitter needs about
//! 50 ms for 10,000 records, more than twice the whole budget for a save
//! (20 ms). So the text is written here by hand. Ids and words that YAML
//! reads as plain text are written plain, so the file stays easy to read and
//! diff; everything else (notes, unusual ids) is written as a double-quoted
//! scalar with JSON escaping, which YAML reads back exactly. Tests check that
//! what is written reads back as the same progress (see the proptests in
//! `tests/progress_props.rs`, which go through this function).

use std::fmt::Write as _;

use chrono::{DateTime, SecondsFormat, Utc};

use super::{Change, Progress, weeks_text};

const HEADER: &str = "# trailmark progress. Safe to sync between machines (git, a sync folder):\n\
# trailmark merges copies record by record, the newest change winning.\n";

/// The file's text: a short header, then the fields in a stable order.
pub fn render(p: &Progress) -> String {
    let mut out = String::with_capacity(
        256 + 96 * (p.skills.len() + p.projects.len()) + 128 * p.history.len(),
    );
    out.push_str(HEADER);
    let _ = writeln!(out, "version: {}", p.version);
    if let Some(id) = &p.last_roadmap {
        out.push_str("last_roadmap: ");
        scalar(&mut out, id);
        out.push('\n');
    }
    if let Some(pace) = p.pace_hours_per_week {
        let _ = writeln!(out, "pace_hours_per_week: {pace:?}");
    }
    if !p.cursors.is_empty() {
        out.push_str("cursors:\n");
        for (id, c) in &p.cursors {
            key(&mut out, "  ", id);
            if c.phase.is_none() && c.skill.is_none() {
                out.push_str(" {}\n");
                continue;
            }
            out.push('\n');
            field(&mut out, "    phase", c.phase.as_deref());
            field(&mut out, "    skill", c.skill.as_deref());
        }
    }
    if !p.skills.is_empty() {
        out.push_str("skills:\n");
        for (id, r) in &p.skills {
            key(&mut out, "  ", id);
            let _ = write!(out, "\n    status: {}\n    changed: ", r.status);
            time(&mut out, r.changed);
            out.push('\n');
            field(&mut out, "    note", r.note.as_deref());
            if let Some(w) = r.estimate {
                field(&mut out, "    estimate", Some(&weeks_text::text(w)));
            }
        }
    }
    if !p.projects.is_empty() {
        out.push_str("projects:\n");
        for (id, r) in &p.projects {
            key(&mut out, "  ", id);
            let _ = write!(out, "\n    status: {}\n    changed: ", r.status);
            time(&mut out, r.changed);
            out.push('\n');
        }
    }
    if !p.history.is_empty() {
        out.push_str("history:\n");
        for c in &p.history {
            change(&mut out, c);
        }
    }
    out
}

fn change(out: &mut String, c: &Change) {
    out.push_str("- at: ");
    time(out, c.at);
    out.push('\n');
    field(out, "  roadmap", Some(&c.roadmap));
    field(out, "  skill", c.skill.as_deref());
    field(out, "  project", c.project.as_deref());
    field(out, "  from", Some(&c.from));
    field(out, "  to", Some(&c.to));
}

/// `name: value` on its own line, or nothing for `None`.
fn field(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(v) = value {
        out.push_str(name);
        out.push_str(": ");
        scalar(out, v);
        out.push('\n');
    }
}

/// A mapping key at an indent, with its colon.
fn key(out: &mut String, indent: &str, k: &str) {
    out.push_str(indent);
    scalar(out, k);
    out.push(':');
}

fn time(out: &mut String, t: DateTime<Utc>) {
    out.push_str(&t.to_rfc3339_opts(SecondsFormat::AutoSi, true));
}

/// Plain when YAML is sure to read it back as this very text, else quoted.
fn scalar(out: &mut String, s: &str) {
    if is_plain(s) {
        out.push_str(s);
    } else {
        // A JSON string is a valid YAML double-quoted scalar with the same meaning.
        out.push_str(&serde_json::Value::String(s.to_owned()).to_string());
    }
}

/// Ids, statuses and estimates like `git`, `backend-six-phases/http`,
/// `3–4 weeks`: letters, digits and `-_./` with single inner spaces, starting
/// with a letter, or with a digit when a space follows (no YAML number has
/// one); never one of the words YAML gives another meaning.
fn is_plain(s: &str) -> bool {
    const SPECIAL: [&str; 11] = [
        "null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf",
    ];
    let first_ok = s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || (c.is_ascii_digit() && s.contains(' ')));
    first_ok
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ' ' | '–'))
        && !SPECIAL.iter().any(|w| s.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Cursor, Status, parse};

    #[test]
    fn plain_only_where_yaml_reads_it_back_as_text() {
        for s in ["git", "backend-six-phases/http", "3–4 weeks", "a_b.c"] {
            assert!(is_plain(s), "{s}");
        }
        for s in [
            "", "yes", "No", "null", "12", "1e5", "-x", "a: b", "a #b", "ü", "x ", "*x", "~",
        ] {
            assert!(!is_plain(s), "{s:?}");
        }
    }

    #[test]
    fn what_is_written_reads_back() {
        let mut p = Progress::default();
        let at = crate::progress::now();
        p.last_roadmap = Some("yes".into());
        p.pace_hours_per_week = Some(7.0);
        p.cursors.insert("r".into(), Cursor::default());
        p.cursors.insert(
            "s".into(),
            Cursor {
                phase: Some("p 1".into()),
                skill: Some("x".into()),
            },
        );
        p.set_status_by_id("r", "null", Status::Done, at);
        p.set_status_by_id("r", "ключ: \"q\"\n#x", Status::Doing, at);
        if let Some(rec) = p.skills.get_mut("null") {
            rec.note = Some("line one\nline two: with # and 'quotes' \\ \t".into());
            rec.estimate = Some(crate::estimate::Weeks::range(0.04, 2.5));
        }
        p.set_project_status_by_id("r", "r/blog", crate::progress::ProjectStatus::Built, at);
        let text = render(&p);
        let back = parse(text.as_bytes(), std::path::Path::new("p.yaml")).unwrap();
        assert_eq!(back, p, "{text}");
    }
}
