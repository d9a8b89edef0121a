//! Writes the progress file's text.
//!
//! The file has a small, fixed shape, and `serde_yaml`'s emitter needs about
//! 50 ms for 10,000 records, more than twice the whole budget for a save
//! (20 ms). So the text is written here by hand. Ids and words that YAML
//! reads as plain text are written plain, so the file stays easy to read and
//! diff; everything else (notes, unusual ids) is written as a YAML
//! double-quoted scalar in which every character YAML does not allow raw is
//! escaped, so it reads back exactly. The proptests in
//! `tests/progress_props.rs` go through this function and the real reader.

use std::fmt::Write as _;

use super::history::{Change, Edit, Target};
use super::hlc::Stamp;
use super::record::Register;
use super::{Progress, weeks_text};

const HEADER: &str = "# trailmark progress. Safe to sync between machines (git, a sync folder):\n\
# trailmark merges copies field by field, ordered by a hybrid logical clock.\n";

/// The file's text: a short header, then the fields in a stable order.
pub fn render(p: &Progress) -> String {
    let mut out = String::with_capacity(
        256 + 128 * (p.skills.len() + p.projects.len()) + 160 * p.history.len(),
    );
    out.push_str(HEADER);
    let _ = writeln!(out, "version: {}", super::FORMAT_VERSION);
    if p.pace.is_set() {
        if let Some(pace) = p.pace.value {
            let _ = writeln!(out, "pace_hours_per_week: {pace:?}");
        }
        stamp(&mut out, "pace_hours_per_week_at", p.pace.at);
    }
    if !p.skills.is_empty() {
        out.push_str("skills:\n");
        for (id, r) in &p.skills {
            key(&mut out, "  ", id);
            out.push('\n');
            register(&mut out, "status", &r.status, |s| {
                Some(s.as_str().to_owned())
            });
            register(&mut out, "note", &r.note, Clone::clone);
            register(&mut out, "estimate", &r.estimate, |w| {
                w.map(weeks_text::text)
            });
        }
    }
    if !p.projects.is_empty() {
        out.push_str("projects:\n");
        for (id, r) in &p.projects {
            key(&mut out, "  ", id);
            out.push('\n');
            register(&mut out, "status", &r.status, |s| {
                Some(s.as_str().to_owned())
            });
        }
    }
    if !p.targets.is_empty() {
        out.push_str("targets:\n");
        for (id, r) in &p.targets {
            key(&mut out, "  ", id);
            out.push('\n');
            register(&mut out, "date", r, |d| d.map(|d| d.to_string()));
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

/// A field set at least once: its value (left out when cleared) and stamp.
fn register<T>(out: &mut String, name: &str, r: &Register<T>, text: impl Fn(&T) -> Option<String>) {
    if !r.is_set() {
        return;
    }
    if let Some(value) = text(&r.value) {
        out.push_str("    ");
        out.push_str(name);
        out.push_str(": ");
        scalar(out, &value);
        out.push('\n');
    }
    out.push_str("    ");
    stamp(out, &format!("{name}_at"), r.at);
}

fn stamp(out: &mut String, name: &str, at: Stamp) {
    let _ = writeln!(out, "{name}: {at}");
}

fn change(out: &mut String, c: &Change) {
    let _ = writeln!(out, "- at: {}", c.at);
    field(out, "  roadmap", c.roadmap.as_deref());
    match &c.target {
        Target::Skill(id) => field(out, "  skill", Some(id)),
        Target::Project(id) => field(out, "  project", Some(id)),
        Target::Setting => {}
    }
    field(out, "  field", Some(c.edit.field()));
    match &c.edit {
        Edit::Status { from, to } => {
            field(out, "  from", Some(from.as_str()));
            field(out, "  to", Some(to.as_str()));
        }
        Edit::Project { from, to } => {
            field(out, "  from", Some(from.as_str()));
            field(out, "  to", Some(to.as_str()));
        }
        Edit::Note(to) => field(out, "  to", to.as_deref()),
        Edit::Estimate(to) => field(out, "  to", to.map(weeks_text::text).as_deref()),
        Edit::Pace(to) => {
            if let Some(h) = to {
                let _ = writeln!(out, "  to: {h:?}");
            }
        }
        // Written bare (`date: 2026-11-30`, `minutes: 90`): YAML reads both
        // back as the text they are, and they read well.
        Edit::Study { date, minutes } => {
            let _ = writeln!(out, "  date: {date}\n  minutes: {minutes}");
        }
    }
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

/// Plain when YAML is sure to read it back as this very text, else quoted.
fn scalar(out: &mut String, s: &str) {
    if is_plain(s) {
        out.push_str(s);
    } else {
        quoted(out, s);
    }
}

/// A YAML double-quoted scalar. Only YAML's printable characters go in raw;
/// line breaks, tabs and everything else are escaped, since a raw control
/// character, DEL, C1 or U+FFFE stops the reader, and raw line breaks
/// (including U+0085, U+2028, U+2029) fold into spaces.
fn quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            ' '..='~'
            | '\u{a0}'..='\u{d7ff}'
            | '\u{e000}'..='\u{fefe}'
            | '\u{ff00}'..='\u{fffd}' => {
                out.push(c);
            }
            c if c >= '\u{10000}' => out.push(c),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
        }
    }
    out.push('"');
}

/// Ids, statuses and estimates like `git`, `backend-six-phases/http`,
/// `3–4 weeks`: letters, digits and `-_./` with single inner spaces, starting
/// with a letter, or with a digit when a space follows (no YAML number has
/// one); never one of the words YAML gives another meaning.
pub(crate) fn is_plain(s: &str) -> bool {
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
    use crate::progress::{Status, parse};

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
        use crate::roadmap::fixture::skill;
        let mut p = Progress::default();
        let at = crate::progress::now();
        p.set_pace(Some(7.0), Some("r"), at);
        p.set_status_by_id("r", "null", Status::Done, at);
        p.set_status_by_id("r", "ключ: \"q\"\n#x", Status::Doing, at);
        let s = skill("null", None);
        p.set_note(
            "r",
            &s,
            Some("line one\nline two: with # and 'quotes' \\ \t \u{7f}\u{85}\u{9b}\u{fffe}\u{ffff}\u{2028}\u{feff}\u{1b}[2J".into()),
            at,
        );
        p.set_estimate("r", &s, Some(crate::estimate::Weeks::range(0.04, 2.5)), at);
        p.set_note("r", &skill("cleared", None), Some("x".into()), at);
        p.set_note("r", &skill("cleared", None), None, at);
        p.set_project_status_by_id("r", "r/blog", crate::progress::ProjectStatus::Built, at);
        let text = render(&p);
        let back = parse(text.as_bytes(), std::path::Path::new("p.yaml")).unwrap();
        assert_eq!(back, p, "{text}");
        assert!(!text.contains('\u{1b}'));
    }
}
