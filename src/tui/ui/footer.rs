//! The bottom and the warnings: the banner of problems under the header
//! (roadmap files that did not load, an unreadable or read-only progress
//! file), the message line, and the key hints of the focused pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::text::width;
use crate::tui::app::App;
use crate::tui::content::banner::{banner_lines, message_lines};
use crate::tui::keys;
use crate::tui::layout::Areas;

pub fn render_banner(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let mut lines = banner_lines(app, area.width);
    let rows = usize::from(area.height);
    if lines.len() > rows {
        let hidden = lines.len() - (rows - 1);
        lines.truncate(rows - 1);
        lines.push(Line::styled(
            format!("… {hidden} more lines (`trailmark validate FILE` lists every problem)"),
            app.theme.muted(),
        ));
    }
    Paragraph::new(lines).render(area, buf);
}

pub fn render_message(app: &App, area: Rect, buf: &mut Buffer) {
    Paragraph::new(message_lines(app, area.width)).render(area, buf);
}

/// The hints of the keys that work now, as many as fit; `? help` and
/// `q quit` stay visible at the end whenever they apply.
pub fn render_footer(app: &App, areas: &Areas, buf: &mut Buffer) {
    let area = areas.footer;
    let theme = app.theme;
    // A hint for a key that would do nothing here is left out: the info
    // view of a source with no link has nothing to open, a phase with no
    // project ideas nothing to choose or tick, a skill with no links
    // nothing to open, an empty history nothing to undo; keys that change
    // a skill are left out while the skill is not on screen.
    let no_source_link = app.roadmap().is_none_or(|r| r.source.url.is_none());
    let no_skill_link = app.skill_links().next().is_none();
    let no_projects = app.current_phase().is_none_or(|p| p.projects.is_empty());
    let nothing_to_undo = app.history.undo_len() == 0;
    let skill_hidden = !app.skill_on_screen_in(areas);
    let skill_hint = |hint: &str| {
        matches!(
            hint,
            "done" | "doing" | "skip" | "note" | "estimate" | "timer" | "open link"
        )
    };
    let all: Vec<(&str, &str)> = keys::hints(app.ctx())
        .filter(|(_, hint)| !(*hint == "open source" && no_source_link))
        .filter(|(_, hint)| !(*hint == "project" && no_projects))
        .filter(|(_, hint)| !(*hint == "open link" && no_skill_link))
        .filter(|(_, hint)| !(*hint == "undo" && nothing_to_undo))
        .filter(|(_, hint)| !(skill_hidden && skill_hint(hint)))
        .collect();
    let is_pinned = |(_, hint): &(&str, &str)| *hint == "help" || *hint == "quit";
    let pinned: Vec<(&str, &str)> = all.iter().copied().filter(is_pinned).collect();
    let entry_width = |(k, h): (&str, &str)| width(k) + 1 + width(h) + 2;
    let mut room = usize::from(area.width).saturating_sub(1);
    room = room.saturating_sub(pinned.iter().map(|e| entry_width(*e)).sum());
    let mut chosen = Vec::new();
    for &entry in all.iter().filter(|e| !is_pinned(e)) {
        let w = entry_width(entry);
        if w > room {
            break;
        }
        room -= w;
        chosen.push(entry);
    }
    chosen.extend(pinned);
    let mut spans = vec![Span::raw(" ")];
    for (key, hint) in chosen {
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {hint}  ")));
    }
    Line::from(spans).render(area, buf);
}
