//! What a roadmap file says about itself, as lines: summary, source
//! (author, title, date, link), phases, skills, totals and pace. The info
//! view (`i`) shows them for the open roadmap, the switcher beside its list
//! for the highlighted one.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::estimate::Total;
use crate::roadmap::Roadmap;
use crate::text::{clean, truncate, width, wrap};
use crate::tui::app::App;
use crate::tui::layout::{info_area, inner};

/// The label before the source's address.
pub const LINK_LABEL: &str = "Link ";

/// The source's address as shown at a width: cut with `…`, never wrapped.
pub fn link_text(url: &str, max: usize) -> String {
    truncate(&clean(url), max.saturating_sub(width(LINK_LABEL)))
}

/// Lines for one roadmap at a width. `remaining` is the learner's remaining
/// time when known (the info view), `None` in the picker.
///
/// Reason for the length: the fields in the order the view shows them,
/// each a line or two, laid out by the one `field` closure.
pub fn roadmap_lines(
    app: &App,
    roadmap: &Roadmap,
    remaining: Option<Total>,
    max: usize,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines = Vec::new();
    let field = |lines: &mut Vec<Line<'static>>, label: &str, text: &str| {
        let indent = width(label);
        for (i, part) in wrap(text, max.saturating_sub(indent).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                Span::styled(label.to_owned(), theme.heading())
            } else {
                Span::raw(" ".repeat(indent))
            };
            lines.push(Line::from(vec![lead, Span::raw(part)]));
        }
    };
    for part in wrap(&roadmap.title, max.max(1)) {
        lines.push(Line::styled(part, theme.title()));
    }
    if !roadmap.summary.trim().is_empty() {
        for part in wrap(&roadmap.summary, max.max(1)) {
            lines.push(Line::raw(part));
        }
    }
    lines.push(Line::default());
    let source = &roadmap.source;
    let by = [
        source.author.clone(),
        source.title.as_ref().map(|t| format!("“{t}”")),
        source.published.map(|d| d.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    if !by.is_empty() {
        field(&mut lines, "Source ", &by);
    }
    if let Some(url) = &source.url {
        // An address is never wrapped: cut with `…` when it does not fit.
        lines.push(Line::from(vec![
            Span::styled(LINK_LABEL, theme.heading()),
            Span::styled(link_text(url, max), theme.muted()),
        ]));
    }
    let skills = roadmap.skill_count();
    field(
        &mut lines,
        "Contents ",
        &format!(
            "{} · {} · {}",
            counted(roadmap.phases.len(), "phase"),
            counted(skills, "skill"),
            counted(roadmap.project_count(), "project idea")
        ),
    );
    let total = roadmap.total();
    let without = |n: usize| {
        let skills = counted(n, "skill");
        format!("{skills} without an estimate")
    };
    let estimated = match (total.estimate(), total.unestimated) {
        (_, 0) => total.to_string(),
        (Some(weeks), n) => format!("{weeks}, plus {}", without(n)),
        (None, n) => format!("none given: {}", without(n)),
    };
    field(&mut lines, "Total ", &estimated);
    if let Some(left) = remaining {
        field(&mut lines, "Left ", &left.to_string());
    }
    let pace = match roadmap.pace_hours_per_week {
        Some(h) => format!("the estimates assume {h} hours per week"),
        // The finish date then counts its weeks as they are, as `status` says.
        None => "not stated (its weeks count as they are)".to_owned(),
    };
    field(&mut lines, "Pace ", &pace);
    lines
}

/// `1 phase`, `6 phases`.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Tips the roadmap's source gives, one line each.
fn tips(roadmap: &Roadmap) -> Vec<String> {
    roadmap.tips.clone()
}

/// The info view's whole text at a width.
pub fn info_lines(app: &App, max: usize) -> Vec<Line<'static>> {
    let Some(roadmap) = app.roadmap() else {
        return Vec::new();
    };
    let theme = app.theme;
    let mut lines = roadmap_lines(app, roadmap, Some(app.view.summary.overall.remaining), max);
    let yours = match app.store.progress().pace_hours_per_week() {
        Some(h) => format!("{h} hours per week (P changes it)"),
        None => "not set (P sets it)".to_owned(),
    };
    lines.push(Line::from(vec![
        Span::styled("Your pace ", theme.heading()),
        Span::raw(yours),
    ]));
    let tips = tips(roadmap);
    if !tips.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Tips", theme.heading()));
        for tip in tips {
            for (i, part) in wrap(&tip, max.saturating_sub(2).max(1))
                .into_iter()
                .enumerate()
            {
                let lead = if i == 0 { "• " } else { "  " };
                lines.push(Line::raw(format!("{lead}{part}")));
            }
        }
    }
    lines
}

/// The most the info view scrolls at this size.
pub fn max_scroll(app: &App, area: Rect) -> usize {
    let inside = inner(info_area(area));
    info_lines(app, usize::from(inside.width))
        .len()
        .saturating_sub(usize::from(inside.height))
}
