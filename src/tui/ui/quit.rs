//! The prompt shown when quitting with changes that could not be saved:
//! why the save failed, and the three ways on (retry, move the unreadable
//! file aside, quit without them). Nothing is dropped without this prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::inner;
use super::overlay::popup_block;
use super::text::wrap;
use crate::tui::app::App;
use crate::tui::layout::popup;

pub fn render_confirm_quit(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let cols = 76.min(area.width.saturating_sub(2));
    let text_cols = usize::from(cols.saturating_sub(2));
    let (reason, recoverable) = app
        .pending
        .as_ref()
        .map_or(("", false), |p| (p.reason.as_str(), p.recoverable));
    let mut lines: Vec<Line> = wrap(reason, text_cols)
        .into_iter()
        .map(|l| Line::styled(l, theme.error()))
        .collect();
    lines.push(Line::default());
    for l in wrap(
        "Some changes are not saved. Quitting now would lose them.",
        text_cols,
    ) {
        lines.push(Line::raw(l));
    }
    let mut keys = vec![Span::styled("r", theme.key()), Span::raw(" retry   ")];
    if recoverable {
        keys.push(Span::styled("m", theme.key()));
        keys.push(Span::raw(" move the file aside   "));
    }
    keys.push(Span::styled("d", theme.key()));
    keys.push(Span::raw(" quit without them   "));
    keys.push(Span::styled("Esc", theme.key()));
    keys.push(Span::raw(" stay"));
    lines.push(Line::from(keys));
    let rows = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let outer = popup(area, cols, rows);
    Clear.render(outer, buf);
    popup_block(app, " Unsaved changes ".to_owned()).render(outer, buf);
    Paragraph::new(lines).render(inner(outer), buf);
}
