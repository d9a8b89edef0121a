//! The text under the header and above the footer: the banner of problems
//! (roadmap files that did not load, an unreadable or read-only progress
//! file) and the message line, at a width. The layout sizes their rows from
//! these lines, the drawing shows them.

use ratatui::style::Style;
use ratatui::text::Line;

use crate::text::wrap;
use crate::tui::app::{App, MessageKind, Overlay};

/// The most rows a message takes; longer ones are cut.
pub const MESSAGE_ROWS: usize = 3;

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

/// The banner's lines at a width, every problem wrapped.
pub fn banner_lines(app: &App, cols: u16) -> Vec<Line<'static>> {
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

/// The message line at a width: wrapped, at most [`MESSAGE_ROWS`] rows.
pub fn message_lines(app: &App, cols: u16) -> Vec<Line<'static>> {
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

/// Rows the message wants at this width.
pub fn message_rows(app: &App, cols: u16) -> u16 {
    message_lines(app, cols).len() as u16
}
