//! The roadmap info view (`i`): draws [`content::info`](crate::tui::content::info)
//! for the open roadmap in a bordered popup, scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::inner;
use crate::tui::app::App;
use crate::tui::content::info::info_lines;
use crate::tui::layout::info_area;
use crate::tui::theme::Theme;

pub fn render_info(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let outer = info_area(area);
    Clear.render(outer, buf);
    let inside = inner(outer);
    let lines = info_lines(app, usize::from(inside.width));
    let rows = usize::from(inside.height);
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    let theme: Theme = app.theme;
    Block::bordered()
        .border_style(theme.border(true))
        .title(Line::styled(" Roadmap info ", theme.border(true)))
        .title(
            Line::styled(
                // `o` only where the source has a link to open.
                if app.roadmap().is_some_and(|r| r.source.url.is_some()) {
                    " o opens the source · Esc closes "
                } else {
                    " Esc closes "
                },
                theme.muted(),
            )
            .right_aligned(),
        )
        .render(outer, buf);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(rows).collect();
    Paragraph::new(visible).render(inside, buf);
}
