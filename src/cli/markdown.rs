//! The Markdown checklist `trailmark export` writes, ready to paste into a README.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::figures::Lines;
use crate::forecast;
use crate::progress::{self, Progress, Status};
use crate::roadmap::Roadmap;
use crate::text::inert;

/// Keeps roadmap and progress text from turning into Markdown markup in a
/// checklist line: line breaks and tabs become spaces (a note stays in its
/// list item), other control characters are shown as [`inert`] shows them,
/// and Markdown's punctuation is escaped.
fn md(text: &str) -> String {
    escaped(text, true)
}

/// The figures' lines, which trailmark words itself from numbers, dates and
/// fixed text: escaped as [`md`] does, but their `command` hints stay code.
fn md_figures(text: &str) -> String {
    escaped(text, false)
}

fn escaped(text: &str, backticks: bool) -> String {
    let flat: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut out = String::with_capacity(flat.len());
    for c in inert(&flat).chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) || (backticks && c == '`')
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The day a skill last moved to `status`, from the history. The record's own
/// `changed` time also moves when a note or estimate is edited, so it is only
/// the fallback (for a file whose history was trimmed by hand).
fn status_date(p: &Progress, record_id: &str, status: Status) -> Option<NaiveDate> {
    p.history
        .iter()
        .rev()
        .find(|c| c.skill() == Some(record_id) && c.skill_to() == Some(status))
        .map(|c| forecast::local_day(c.time()))
}

/// A checklist per phase with `[x]` ticks, dates and notes, under every
/// figure `status` gives, in its words (`lines`): progress, time remaining,
/// the three finish dates, study time and the target. `summary` gives each
/// phase's counts (the same `status` worked out).
pub(super) fn checklist(
    r: &Roadmap,
    p: &Progress,
    summary: &forecast::RoadmapSummary,
    lines: &Lines,
) -> String {
    let mut s = format!("# {}\n\n", md(&r.title));
    if let Some(src) = super::roadmaps::source_line(r) {
        let _ = write!(s, "Source: {}\n\n", md(&src));
    }
    let _ = writeln!(
        s,
        "Progress: {}. Remaining: {}.\n\nFinish: {}.",
        md_figures(&lines.progress),
        md_figures(&lines.remaining),
        md_figures(&lines.finish.join("; "))
    );
    if let Some(studied) = &lines.studied {
        let _ = write!(s, "\nStudied: {}.\n", md_figures(studied));
    }
    if let Some(target) = &lines.target {
        let _ = write!(s, "\nTarget: {}.\n", md_figures(target));
    }
    for (i, (ph, sum)) in r.phases.iter().zip(&summary.phases).enumerate() {
        let _ = write!(
            s,
            "\n## {}. {} ({} done, {}%)\n\n",
            i + 1,
            md(&ph.title),
            crate::numbers::done_of(&sum.counts),
            crate::numbers::percent_done(&sum.counts)
        );
        for sk in &ph.skills {
            let rec = p.skill_record(&r.id, sk);
            let status = rec.map_or(Status::Todo, crate::progress::SkillRecord::status);
            let date = status_date(p, &progress::skill_record_id(&r.id, sk), status)
                .or_else(|| rec.map(|r| forecast::local_day(r.changed())))
                .map(|d| d.to_string())
                .unwrap_or_default();
            let title = md(&sk.title);
            let _ = match status {
                Status::Done => writeln!(s, "- [x] {title} (done {date})"),
                Status::Doing => writeln!(s, "- [ ] {title} (doing since {date})"),
                Status::Skipped => writeln!(s, "- [ ] ~~{title}~~ (skipped {date})"),
                Status::Todo => writeln!(s, "- [ ] {title}"),
            };
            if let Some(note) = rec.and_then(|r| r.note()) {
                let _ = writeln!(s, "  - Note: {}", md(note));
            }
        }
        if !ph.projects.is_empty() {
            s += "\nProject ideas:\n\n";
            for j in &ph.projects {
                let st = p.project_status(&r.id, j);
                let tick = if st == progress::ProjectStatus::Built {
                    'x'
                } else {
                    ' '
                };
                let _ = writeln!(s, "- [{tick}] {} ({st})", md(&j.title));
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::roadmap::{Skill, fixture};

    fn no_lines() -> Lines {
        Lines {
            progress: String::new(),
            remaining: String::new(),
            finish: Default::default(),
            studied: None,
            target: None,
        }
    }

    #[test]
    fn the_date_shown_is_when_the_status_changed_not_a_later_note() {
        let skill = Skill {
            title: "S_1".into(),
            ..fixture::skill("s", None)
        };
        let r = fixture::one_phase(None, vec![skill.clone()]);
        let mut p = Progress::default();
        let done = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        p.set_status("r", &skill, Status::Done, done);
        let later = Utc.with_ymd_and_hms(2026, 4, 9, 12, 0, 0).unwrap();
        p.set_note("r", &skill, Some("line one\nline two".into()), later);
        let text = checklist(&r, &p, &forecast::summarize(&r, &p), &no_lines());
        assert!(
            text.contains("- [x] S\\_1 (done 2026-03-02)\n  - Note: line one line two\n"),
            "{text}"
        );
        p.history.clear();
        let text = checklist(&r, &p, &forecast::summarize(&r, &p), &no_lines());
        assert!(text.contains("(done 2026-04-09)"), "{text}");
    }

    #[test]
    fn control_characters_are_shown_and_markup_escaped() {
        assert_eq!(md("a\tb\r\nc"), "a b  c");
        assert_eq!(md("\u{1b}[2J*x*"), "^\\[\\[2J\\*x\\*");
        assert_eq!(md("\u{9b}\u{202e}"), "\\<U+009B\\>\\<U+202E\\>");
    }
}
