//! Popups drawn over the panes: the roadmap switcher (also the first-run
//! picker), the help generated from the key table, the search, the note and
//! estimate editor, and the prompt to move an unreadable progress file aside.
//!
//! Where each popup sits is in [`crate::tui::layout`] and the help's text in
//! [`crate::tui::content::help`], which `update` uses for paging and clicks.
//!
//! Here: the help, the recovery prompt and the popups' frame. `switcher`:
//! the switcher and picker; `search`: the search; `editor`: the editor and
//! the text field the search shares.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::inner;
use super::text::wrap;
use crate::tui::app::App;
use crate::tui::content::help;
use crate::tui::layout::{help_area, popup};

mod editor;
mod search;
mod switcher;

pub use editor::render_editor;
pub use search::render_search;
pub use switcher::render_switcher;

pub(super) fn popup_block<'a>(app: &App, title: String) -> Block<'a> {
    Block::bordered()
        .border_style(app.theme.border(true))
        .title(Line::styled(title, app.theme.border(true)))
}

pub fn render_help(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let outer = help_area(area);
    Clear.render(outer, buf);
    let inside = inner(outer);
    let lines = help::lines(app.theme, usize::from(inside.width));
    let rows = usize::from(inside.height);
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    let position = format!(
        " {}–{}/{} ",
        scroll + 1,
        (scroll + rows).min(lines.len()),
        lines.len()
    );
    popup_block(app, " Help ".to_owned())
        .title(Line::styled(position, app.theme.muted()).right_aligned())
        .render(outer, buf);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(rows).collect();
    Paragraph::new(visible).render(inside, buf);
}

pub fn render_confirm(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let cols = 76.min(area.width.saturating_sub(2));
    let text_cols = usize::from(cols.saturating_sub(2));
    let problem = app
        .progress_problem
        .as_ref()
        .map(|p| p.message.as_str())
        .unwrap_or_default();
    let mut lines: Vec<Line> = wrap(problem, text_cols)
        .into_iter()
        .map(|l| Line::styled(l, theme.error()))
        .collect();
    lines.push(Line::default());
    for l in wrap(
        "Move it aside (renamed to <name>.corrupt-<time>, nothing is deleted) and start afresh? Until then nothing you change is saved.",
        text_cols,
    ) {
        lines.push(Line::raw(l));
    }
    lines.push(Line::from(vec![
        Span::styled("y", theme.key()),
        Span::raw(" move it aside   "),
        Span::styled("n", theme.key()),
        Span::raw(" keep it, run without saving"),
    ]));
    let rows = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let outer = popup(area, cols, rows);
    Clear.render(outer, buf);
    popup_block(app, " The progress file cannot be read ".to_owned()).render(outer, buf);
    Paragraph::new(lines).render(inner(outer), buf);
}
