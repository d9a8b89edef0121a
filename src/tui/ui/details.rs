//! The details pane: draws [`content::details`](crate::tui::content::details)
//! scrolled to the pane's offset, with its position in the title.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::inner;
use super::panes::pane_block;
use crate::tui::app::{App, Pane};
use crate::tui::content::details::content;

pub fn render_details(app: &App, area: Rect, buf: &mut Buffer) {
    let text_area = inner(area);
    let content = content(app, usize::from(text_area.width));
    let rows = usize::from(text_area.height);
    let offset = app
        .offsets
        .details
        .min(content.lines.len().saturating_sub(rows));
    let position = if content.lines.len() > rows {
        format!(
            " {}–{}/{} ",
            offset + 1,
            (offset + rows).min(content.lines.len()),
            content.lines.len()
        )
    } else {
        String::new()
    };
    pane_block(app, Pane::Details, " Details ".to_owned(), position).render(area, buf);
    let visible: Vec<Line> = content.lines.into_iter().skip(offset).take(rows).collect();
    Paragraph::new(visible).render(text_area, buf);
}
