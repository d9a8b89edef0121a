//! The details pane's text: everything about the selected skill (summary,
//! topics, resources, estimate, status and when it changed, note), or the
//! phase while the phases pane has the focus, and the phase's project ideas
//! with their status.
//!
//! The text is wrapped here rather than by `Paragraph`, so the line each
//! project starts on is known: the pane can scroll a chosen project into
//! view and a click can tell which project it hit.

use chrono::NaiveDate;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::{SHARED_MARK, status_mark};
use crate::progress::Status;
use crate::roadmap::{Phase, Project, Roadmap, Skill};
use crate::text::{clean, truncate, width, wrap};
use crate::tui::app::{App, Overlay, Pane};

/// The pane's lines and, per project idea, the range of lines it occupies.
#[derive(Debug, Default)]
pub struct Content {
    pub lines: Vec<Line<'static>>,
    pub projects: Vec<(usize, usize)>,
    /// Each link's line, column and full address (the line shows it cut
    /// to fit, never wrapped), for the OSC 8 hyperlinks.
    pub links: Vec<LinkLine>,
}

/// Where a link sits in the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkLine {
    pub line: usize,
    pub column: u16,
    pub url: String,
    /// What the line shows of it.
    pub shown: String,
}

impl Content {
    /// `prefix` then `text` wrapped, continuation lines indented under the text.
    fn wrapped(&mut self, prefix: (&str, Style), text: &str, style: Style, max: usize) {
        let indent = width(prefix.0);
        let body = wrap(text, max.saturating_sub(indent).max(1));
        for (i, line) in body.into_iter().enumerate() {
            let lead = if i == 0 {
                Span::styled(prefix.0.to_owned(), prefix.1)
            } else {
                Span::raw(" ".repeat(indent))
            };
            self.lines
                .push(Line::from(vec![lead, Span::styled(line, style)]));
        }
    }

    fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    /// A web address on its own line after `indent`: cut with `…` when too
    /// long (never wrapped mid-address) and remembered for OSC 8.
    fn link(&mut self, indent: &str, url: &str, style: Style, max: usize) {
        let shown = truncate(&clean(url), max.saturating_sub(width(indent)).max(1));
        self.links.push(LinkLine {
            line: self.lines.len(),
            column: width(indent) as u16,
            url: url.to_owned(),
            shown: shown.clone(),
        });
        self.lines.push(Line::from(vec![
            Span::raw(indent.to_owned()),
            Span::styled(shown, style),
        ]));
    }
}

/// How long ago a date was, in words.
fn ago(date: NaiveDate, today: NaiveDate) -> String {
    match (today - date).num_days() {
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        n if n > 1 => format!("{n} days ago"),
        _ => "in the future".to_owned(),
    }
}

/// Builds the pane's text for a given width.
pub fn content(app: &App, max: usize) -> Content {
    let mut c = Content::default();
    let (Some(roadmap), Some(phase)) = (app.roadmap(), app.current_phase()) else {
        return c;
    };
    if app.focus == Pane::Phases {
        phase_lines(&mut c, app, phase, max);
    } else if let Some(skill) = app.current_skill() {
        skill_lines(&mut c, app, roadmap, skill, max);
    }
    c.blank();
    project_lines(&mut c, app, roadmap, phase, max);
    c
}

/// While the phases pane has the focus: the phase itself.
fn phase_lines(c: &mut Content, app: &App, phase: &Phase, max: usize) {
    let theme = app.theme;
    c.wrapped(("", theme.plain()), &phase.title, theme.title(), max);
    let summary = app
        .view
        .summary
        .phases
        .get(app.phase)
        .copied()
        .unwrap_or_default();
    let counts = &summary.counts;
    c.wrapped(
        ("Skills ", theme.heading()),
        &format!(
            "{} · {} done ({}%), {} doing, {} skipped",
            counts.total,
            crate::numbers::done_of(counts),
            crate::numbers::percent_done(counts),
            counts.doing,
            counts.skipped
        ),
        theme.plain(),
        max,
    );
    let paced = app
        .roadmap()
        .is_some_and(|r| r.pace_hours_per_week.is_some());
    let time = match phase.estimate {
        Some(w) if paced => format!("{w} (the roadmap's, at its pace)"),
        Some(w) => format!("{w} (the roadmap's)"),
        None => format!("{} (sum of its skills)", summary.total),
    };
    c.wrapped(("Time ", theme.heading()), &time, theme.plain(), max);
    c.wrapped(
        ("Left ", theme.heading()),
        &summary.remaining.to_string(),
        theme.plain(),
        max,
    );
    if !phase.summary.trim().is_empty() {
        c.blank();
        c.wrapped(("", theme.plain()), &phase.summary, theme.plain(), max);
    }
    c.blank();
    c.wrapped(
        ("", theme.plain()),
        "Enter shows its skills.",
        theme.muted(),
        max,
    );
}

fn skill_lines(c: &mut Content, app: &App, roadmap: &Roadmap, skill: &Skill, max: usize) {
    let theme = app.theme;
    let record = app.record(roadmap, skill);
    let status = record.map_or(Status::Todo, crate::progress::SkillRecord::status);
    c.wrapped(("", theme.plain()), &skill.title, theme.title(), max);
    let when = match record {
        Some(r) => {
            let day = crate::forecast::local_day(r.changed());
            format!("changed {day} ({})", ago(day, app.today))
        }
        None => "not started".to_owned(),
    };
    let mark = format!("{} {status}", status_mark(status));
    let mark_style = theme.status(status).add_modifier(Modifier::BOLD);
    if width(&mark) + 3 + width(&when) <= max {
        c.lines.push(Line::from(vec![
            Span::styled(mark, mark_style),
            Span::styled(format!(" · {when}"), theme.muted()),
        ]));
    } else {
        c.wrapped(("", theme.plain()), &mark, mark_style, max);
        c.wrapped(("  ", theme.plain()), &when, theme.muted(), max);
    }
    let time = app
        .view
        .times
        .get(app.phase)
        .and_then(|t| t.get(app.skill).copied().flatten());
    let estimate = estimate_text(app, roadmap, skill, time);
    c.wrapped(
        ("Estimate ", theme.heading()),
        &estimate,
        theme.plain(),
        max,
    );
    if let Some(studied) = studied(app, roadmap, skill, time) {
        c.wrapped(("Studied ", theme.heading()), &studied, theme.plain(), max);
    }
    key_lines(c, app, skill, max);
    if let Some(note) = record.and_then(|r| r.note()) {
        c.wrapped(("Note ", theme.heading()), note, theme.plain(), max);
    }
    if !skill.summary.trim().is_empty() {
        c.blank();
        c.wrapped(("", theme.plain()), &skill.summary, theme.plain(), max);
    }
    if !skill.topics.is_empty() {
        c.blank();
        c.wrapped(
            ("Topics ", theme.heading()),
            &skill.topics.join(" · "),
            theme.plain(),
            max,
        );
    }
    resource_lines(c, app, skill, max);
}

/// The skill's estimate as the details say it: the learner's own, the
/// roadmap's as written, or the share of the phase's time it counts as.
fn estimate_text(
    app: &App,
    roadmap: &Roadmap,
    skill: &Skill,
    time: Option<crate::estimate::Weeks>,
) -> String {
    let personal = app.store.progress().own_estimate(&roadmap.id, skill);
    let phase_estimate = app.current_phase().and_then(|p| p.estimate);
    // The roadmap's own estimate is shown as written (`1 month (≈4.3 weeks)`);
    // the share a phase estimate gives the skill, only when it differs.
    match (time, personal, skill.estimate) {
        (_, Some(mine), Some(theirs)) => format!("{mine} (yours; the roadmap says {theirs})"),
        (_, Some(mine), None) => format!("{mine} (yours)"),
        (Some(t), None, None) => format!("{t} (a share of the phase's time)"),
        (Some(t), None, Some(theirs)) => match phase_estimate {
            Some(phase) if t != theirs.weeks => {
                format!("{theirs}; counted as {t}, its share of the phase's {phase}")
            }
            _ => theirs.to_string(),
        },
        (None, None, _) => "none given (e sets yours)".to_owned(),
    }
}

/// The skill's shared key and the other roadmaps that use it.
fn key_lines(c: &mut Content, app: &App, skill: &Skill, max: usize) {
    let theme = app.theme;
    let Some(key) = &skill.key else {
        return;
    };
    let others = app.shared_with(skill);
    let text = if others.is_empty() {
        format!("{key} (no other roadmap uses it)")
    } else {
        let titles: Vec<&str> = others
            .iter()
            .map(|&i| app.catalog.entries[i].roadmap.title.as_str())
            .collect();
        format!("{key} {SHARED_MARK} shared with {}", titles.join(", "))
    };
    let style = if others.is_empty() {
        theme.plain()
    } else {
        theme.shared()
    };
    c.wrapped(("Key ", theme.heading()), &text, style, max);
}

/// Time logged on the skill against its estimate in hours (at the pace the
/// roadmap's estimates assume): `3h 30m of ≈7h (0.7 weeks at 10 h/week)`.
/// `None` before any time is logged or timed.
fn studied(
    app: &App,
    roadmap: &Roadmap,
    skill: &Skill,
    time: Option<crate::estimate::Weeks>,
) -> Option<String> {
    let record = crate::progress::skill_record_id(&roadmap.id, skill);
    let minutes = crate::forecast::measured::skill_minutes(app.store.progress(), &record);
    let timing = app.timer().is_some_and(|t| t.record == record);
    if minutes == 0 && !timing {
        return None;
    }
    let logged = crate::progress::Minutes(minutes);
    let mut text = match (time, roadmap.pace_hours_per_week) {
        (Some(t), Some(pace)) => {
            let hours = t.mid() * pace;
            format!("{logged} of ≈{hours:.0}h ({t} at {pace} h/week)")
        }
        _ => format!("{logged} logged"),
    };
    if timing {
        text.push_str(" · timer running");
    }
    Some(text)
}

/// The skill's resources, then the vocabulary's documentation home for its
/// key, marked as added by trailmark. The chosen one (`,` `.`) has `›`.
fn resource_lines(c: &mut Content, app: &App, skill: &Skill, max: usize) {
    let theme = app.theme;
    let docs = skill
        .key
        .as_deref()
        .and_then(|k| crate::vocabulary::docs_url(k).map(|u| (k, u)));
    if skill.resources.is_empty() && docs.is_none() {
        return;
    }
    c.blank();
    c.lines.push(Line::from(vec![
        Span::styled("Resources", theme.heading()),
        Span::styled(" · , . choose · o opens", theme.muted()),
    ]));
    let marker = |i: usize| if i == app.resource { "› " } else { "  " };
    for (i, r) in skill.resources.iter().enumerate() {
        c.wrapped((marker(i), theme.plain()), &r.title, theme.plain(), max);
        c.link("    ", &r.url, theme.muted(), max);
    }
    if let Some((key, url)) = docs {
        let i = skill.resources.len();
        c.wrapped(
            (marker(i), theme.plain()),
            &format!("Documentation home for {key} (added by trailmark, not from the article)"),
            theme.muted(),
            max,
        );
        c.link("    ", url, theme.muted(), max);
    }
}

fn project_lines(c: &mut Content, app: &App, roadmap: &Roadmap, phase: &Phase, max: usize) {
    let theme = app.theme;
    if phase.projects.is_empty() {
        c.wrapped(
            ("", theme.plain()),
            "No project ideas in this phase",
            theme.muted(),
            max,
        );
        return;
    }
    // The key hint only where it fits whole: a cut hint reads as a typo.
    let hint = " · [ ] choose · p cycles";
    let mut heading = vec![Span::styled("Project ideas", theme.heading())];
    if width("Project ideas") + width(hint) <= max {
        heading.push(Span::styled(hint, theme.muted()));
    }
    c.lines.push(Line::from(heading));
    let focused = app.focus == Pane::Details && matches!(app.overlay, Overlay::None);
    for (i, project) in phase.projects.iter().enumerate() {
        let start = c.lines.len();
        let status = app.store.progress().project_status(&roadmap.id, project);
        let chosen = i == app.project;
        let marker = if chosen { "› " } else { "  " };
        let label = format!("{marker}[{status}] ");
        let title_style = if chosen {
            theme.selected(focused)
        } else {
            theme.plain()
        };
        c.wrapped(
            (label.as_str(), theme.project(status)),
            &project.title,
            title_style,
            max,
        );
        if chosen && focused {
            for line in &mut c.lines[start..] {
                line.style = theme.selected(true);
            }
        }
        if !project.description.trim().is_empty() {
            c.wrapped(
                ("    ", theme.plain()),
                &project.description,
                theme.plain(),
                max,
            );
        }
        uses_lines(c, app, roadmap, project, max);
        c.projects.push((start, c.lines.len()));
    }
}

/// The skills a project idea uses, by title (by id when not found).
fn uses_lines(c: &mut Content, app: &App, roadmap: &Roadmap, project: &Project, max: usize) {
    let theme = app.theme;
    if project.skills.is_empty() {
        return;
    }
    let uses: Vec<&str> = project
        .skills
        .iter()
        .map(|id| {
            roadmap.find_skill(id).map_or(id.as_str(), |(p, s)| {
                roadmap.phases[p].skills[s].title.as_str()
            })
        })
        .collect();
    c.wrapped(
        ("    uses ", theme.muted()),
        &uses.join(", "),
        theme.muted(),
        max,
    );
}
