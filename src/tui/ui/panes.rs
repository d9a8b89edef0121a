//! The phase and skill lists. Only the visible rows are built, and the
//! numbers come from the app's cache: a frame costs the same for a roadmap
//! of ten skills or ten thousand.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::rows::{HIGHLIGHT_WIDTH, Row, Rows};
use super::text::{clean, fill, truncate, width};
use super::{inner, window};
use crate::estimate::Weeks;
use crate::forecast::{Summary, remaining_share};
use crate::progress::Status;
use crate::tui::app::{App, Overlay, Pane};
use crate::tui::content::{NOTE_MARK, SHARED_MARK, status_mark};

/// A phase is done when every skill is finished, started when any is.
fn phase_mark(summary: &Summary) -> (&'static str, Status) {
    let c = &summary.counts;
    if c.total > 0 && c.finished() == c.total {
        ("[x]", Status::Done)
    } else if c.done + c.doing + c.skipped > 0 {
        ("[~]", Status::Doing)
    } else {
        ("[ ]", Status::Todo)
    }
}

fn focused(app: &App, pane: Pane) -> bool {
    app.focus == pane && matches!(app.overlay, Overlay::None)
}

/// A bordered pane with a title on the left and a position on the right.
pub fn pane_block<'a>(app: &App, pane: Pane, title: String, position: String) -> Block<'a> {
    let theme = app.theme;
    let focused = focused(app, pane);
    Block::bordered()
        .border_style(theme.border(focused))
        .title(Line::styled(title, theme.border(focused)))
        .title(Line::styled(position, theme.muted()).right_aligned())
}

/// Right-aligns `text` in a column `column` cells wide.
fn column(text: &str, column: usize) -> String {
    format!(" {}{text}", fill(width(text), column))
}

pub fn render_phases(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(roadmap) = app.roadmap() else {
        return;
    };
    let theme = app.theme;
    let len = roadmap.phases.len();
    let position = format!(" {}/{len} ", app.phase + 1);
    let block = pane_block(app, Pane::Phases, " Phases ".to_owned(), position);
    let list_area = inner(area);
    let rows = usize::from(list_area.height);
    let offset = window(app.offsets.phases, app.phase, rows, len);
    let cols = usize::from(list_area.width.saturating_sub(HIGHLIGHT_WIDTH));
    let visible: Vec<(&str, Summary, String)> = roadmap
        .phases
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, phase)| {
            let summary = app.view.summary.phases.get(i).copied().unwrap_or_default();
            (
                phase.title.as_str(),
                summary,
                crate::tui::content::left_short(&summary),
            )
        })
        .collect();
    // The time column is as wide as its widest visible value.
    let left_width = visible.iter().map(|(_, _, l)| width(l)).max().unwrap_or(0);
    let show_left = cols >= 16 + left_width;
    let show_percent = cols >= 14;
    let at_pace = roadmap_pace_note(app);
    let heading = match (show_percent, show_left) {
        (true, true) => fitting_heading(
            &[
                format!(" % done · weeks left{at_pace} "),
                " % done · weeks left ".to_owned(),
            ],
            cols,
        ),
        (true, false) => " % done ".to_owned(),
        _ => String::new(),
    };
    with_heading(app, block, &heading).render(area, buf);
    let rows = visible
        .iter()
        .map(|(title, summary, left)| {
            let (mark, status) = phase_mark(summary);
            let mut right = Vec::new();
            if show_percent {
                let percent = crate::numbers::percent_done(&summary.counts);
                right.push(Span::raw(format!(" {percent:>3}%")));
            }
            if show_left {
                right.push(Span::styled(column(left, left_width), theme.muted()));
            }
            Row {
                left: vec![Span::styled(mark, theme.status(status)), Span::raw(" ")],
                title: (*title).into(),
                right,
                ..Row::default()
            }
        })
        .collect();
    Rows {
        rows,
        selected: app.phase.checked_sub(offset),
        highlight: theme.selected(focused(app, Pane::Phases)),
    }
    .render(list_area, buf);
}

/// The block with the heading of its right-hand columns in the bottom
/// border, so the numbers say what they are without taking a row.
/// Left out while an overlay is open: one that covers the middle of the
/// pane would leave a stray piece of the heading beside it.
fn with_heading<'a>(app: &App, block: Block<'a>, heading: &str) -> Block<'a> {
    if heading.is_empty() || !matches!(app.overlay, Overlay::None) {
        return block;
    }
    block.title_bottom(Line::styled(heading.to_owned(), app.theme.muted()).right_aligned())
}

/// ` at 14 h/week` when the header counts at another pace than the one the
/// roadmap's weeks assume (yours, set or measured), so the two columns of
/// weeks never pass for one figure; empty otherwise.
fn roadmap_pace_note(app: &App) -> String {
    let stated = app.roadmap().and_then(|r| r.pace_hours_per_week);
    let yours = app.view.forecast.pace;
    match (stated, yours) {
        (Some(hours), Some(p)) if p.source != crate::forecast::PaceSource::Roadmap => {
            format!(" at {} h/week", crate::numbers::hours(hours))
        }
        _ => String::new(),
    }
}

/// The first heading that fits a pane `cols` wide with its corners and
/// counter, else the last.
fn fitting_heading(candidates: &[String], cols: usize) -> String {
    candidates
        .iter()
        .find(|h| width(h) + 4 <= cols)
        .or(candidates.last())
        .cloned()
        .unwrap_or_default()
}

/// A skill's time still to go, the same kind of number as the phase
/// column beside it (which sums these): all of it for a todo skill, half
/// for one in progress, `0w` once finished; `?` when it has no time at all.
fn skill_left(time: Option<Weeks>, status: Status) -> String {
    match time {
        Some(w) => w.scale(remaining_share(status)).short(),
        None if status.is_finished() => "0w".to_owned(),
        None => "?".to_owned(),
    }
}

/// The skills of the selected phase: status, shared and note marks, title
/// and the weeks left, for the visible rows only.
///
/// Reason for the length: the weeks-left column is sized from the visible
/// rows, so the rows are gathered and then drawn in one place.
pub fn render_skills(app: &App, area: Rect, buf: &mut Buffer) {
    let (Some(roadmap), Some(phase)) = (app.roadmap(), app.current_phase()) else {
        return;
    };
    let theme = app.theme;
    let len = phase.skills.len();
    let title = truncate(
        &clean(&phase.title),
        usize::from(area.width).saturating_sub(16),
    );
    let position = format!(" {}/{len} ", app.skill + 1);
    let block = pane_block(app, Pane::Skills, format!(" {title} "), position);
    let list_area = inner(area);
    if len == 0 {
        block.render(area, buf);
        Line::styled(" This phase has no skills.", theme.muted()).render(list_area, buf);
        return;
    }
    let rows = usize::from(list_area.height);
    let offset = window(app.offsets.skills, app.skill, rows, len);
    let cols = usize::from(list_area.width.saturating_sub(HIGHLIGHT_WIDTH));
    let times = app.view.times.get(app.phase);
    let progress = app.store.progress();
    let visible: Vec<(&str, Status, bool, bool, String)> = phase
        .skills
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, skill)| {
            let time = times.and_then(|t| t.get(i).copied().flatten());
            let noted = progress
                .skill_record(&roadmap.id, skill)
                .is_some_and(|r| r.note().is_some());
            let status = progress.status(&roadmap.id, skill);
            (
                skill.title.as_str(),
                status,
                app.is_shared(skill),
                noted,
                skill_left(time, status),
            )
        })
        .collect();
    // The weeks-left column is as wide as its widest visible value.
    let time_width = visible.iter().map(|(.., t)| width(t)).max().unwrap_or(0);
    let show_estimate = cols >= 18 + time_width;
    let heading = if show_estimate {
        let at_pace = roadmap_pace_note(app);
        fitting_heading(
            &[format!(" weeks left{at_pace} "), " weeks left ".to_owned()],
            cols,
        )
    } else {
        String::new()
    };
    with_heading(app, block, &heading).render(area, buf);
    let rows = visible
        .iter()
        .map(|(title, status, shared, noted, time)| {
            let right = if show_estimate {
                vec![Span::styled(column(time, time_width), theme.muted())]
            } else {
                Vec::new()
            };
            Row {
                left: vec![
                    Span::raw(status_mark(*status)),
                    Span::raw(" "),
                    Span::styled(if *shared { SHARED_MARK } else { " " }, theme.shared()),
                    Span::styled(if *noted { NOTE_MARK } else { " " }, theme.muted()),
                    Span::raw(" "),
                ],
                title: (*title).into(),
                right,
                style: theme.status(*status),
                ..Row::default()
            }
        })
        .collect();
    Rows {
        rows,
        selected: app.skill.checked_sub(offset),
        highlight: theme.selected(focused(app, Pane::Skills)),
    }
    .render(list_area, buf);
}
