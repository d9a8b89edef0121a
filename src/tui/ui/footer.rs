//! The bottom and the warnings: the banner of problems under the header
//! (roadmap files that did not load, an unreadable or read-only progress
//! file), the message line, and the key hints of the focused pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::text::{width, wrap};
use crate::tui::app::{App, MessageKind, Overlay};
use crate::tui::keys;

/// The most rows a message takes; longer ones are cut.
const MESSAGE_ROWS: usize = 3;

/// Every problem worth knowing about, as `(text, style)` paragraphs.
fn problems(app: &App) -> Vec<(String, Style)> {
    let theme = app.theme;
    let mut out = Vec::new();
    let shown = if app.banner_dismissed {
        &[][..]
    } else {
        &app.load_errors[..]
    };
    for (i, err) in shown.iter().enumerate() {
        let dismiss = if i + 1 == shown.len() {
            " (D hides this)"
        } else {
            ""
        };
        out.push((
            format!("⚠ A roadmap file did not load: {err}{dismiss}"),
            theme.error(),
        ));
    }
    // While the recovery prompt is open it shows the problem itself.
    let prompting = matches!(app.overlay, Overlay::ConfirmRecover);
    if let Some(p) = app.progress_problem.as_ref().filter(|_| !prompting) {
        let stop = if p.message.ends_with('.') { "" } else { "." };
        let hint = if p.recoverable {
            " Press R to move it aside and start afresh."
        } else {
            ""
        };
        out.push((
            format!("⚠ Running without saving. {}{stop}{hint}", p.message),
            theme.error(),
        ));
    } else if let Some(reason) = app
        .read_only_reason()
        .filter(|_| app.progress_problem.is_none())
    {
        out.push((
            format!(
                "⚠ Progress is read-only ({reason}): changes are kept until you quit, not saved."
            ),
            theme.warning(),
        ));
    }
    out
}

fn banner_lines(app: &App, cols: u16) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (text, style) in problems(app) {
        for line in wrap(&text, usize::from(cols)) {
            lines.push(Line::styled(line, style));
        }
    }
    lines
}

/// Rows the banner wants at this width (the layout may give it fewer).
pub fn banner_rows(app: &App, cols: u16) -> u16 {
    u16::try_from(banner_lines(app, cols).len()).unwrap_or(u16::MAX)
}

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

fn message_lines(app: &App, cols: u16) -> Vec<Line<'static>> {
    let Some(message) = &app.message else {
        return Vec::new();
    };
    let style = match message.kind {
        MessageKind::Info => app.theme.info(),
        MessageKind::Error => app.theme.error(),
    };
    let mut lines: Vec<Line> = wrap(&message.text, usize::from(cols).saturating_sub(1))
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), style))
        .collect();
    lines.truncate(MESSAGE_ROWS);
    lines
}

pub fn message_rows(app: &App, cols: u16) -> u16 {
    message_lines(app, cols).len() as u16
}

pub fn render_message(app: &App, area: Rect, buf: &mut Buffer) {
    Paragraph::new(message_lines(app, area.width)).render(area, buf);
}

/// The hints of the keys that work now, as many as fit; `? help` and
/// `q quit` stay visible at the end whenever they apply.
pub fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let all: Vec<(&str, &str)> = keys::hints(app.ctx()).collect();
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
