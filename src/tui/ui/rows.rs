//! A list drawn row by row: marks on the left, a title cut to fit with `…`,
//! columns aligned on the right, and the selected row marked `›` and
//! highlighted.
//!
//! Why not ratatui's `List`: writing a cell costs about as much as the rest
//! of a row's work, and a `List` row must spell out the gap between the
//! title and the right-hand columns as spaces. Here the gap is left as the
//! blank cells it already is, which roughly halves a long list's frame.
//! Rows are built only for the visible window, so a frame costs the same at
//! ten skills or ten thousand.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{clean, truncate};

/// Marks the selected row.
pub const HIGHLIGHT: &str = "› ";
/// Cells the highlight takes (every row is indented by it).
pub const HIGHLIGHT_WIDTH: u16 = 2;

/// One visible row.
#[derive(Debug, Default)]
pub struct Row<'a> {
    pub left: Vec<Span<'a>>,
    /// Cleaned and cut to the room left by the other parts.
    pub title: Cow<'a, str>,
    pub title_style: Style,
    pub right: Vec<Span<'a>>,
    /// The whole row's style (a done skill is green).
    pub style: Style,
}

/// The visible rows of a list and which of them is selected.
#[derive(Debug)]
pub struct Rows<'a> {
    pub rows: Vec<Row<'a>>,
    pub selected: Option<usize>,
    pub highlight: Style,
}

impl Widget for Rows<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width <= HIGHLIGHT_WIDTH {
            return;
        }
        let inner_width = usize::from(area.width - HIGHLIGHT_WIDTH);
        let x = area.x + HIGHLIGHT_WIDTH;
        for (i, row) in self
            .rows
            .into_iter()
            .enumerate()
            .take(usize::from(area.height))
        {
            let y = area.y + i as u16;
            let chosen = self.selected == Some(i);
            let style = if chosen {
                row.style.patch(self.highlight)
            } else {
                row.style
            };
            buf.set_style(Rect::new(area.x, y, area.width, 1), style);
            if chosen {
                buf.set_stringn(area.x, y, HIGHLIGHT, usize::from(HIGHLIGHT_WIDTH), style);
            }
            let left_width: usize = row.left.iter().map(Span::width).sum();
            let right_width: usize = row.right.iter().map(Span::width).sum();
            let room = inner_width.saturating_sub(left_width + right_width);
            let title = truncate(&clean(&row.title), room);
            let mut spans = row.left;
            spans.push(Span::styled(title, row.title_style));
            buf.set_line(
                x,
                y,
                &Line::from(spans),
                (inner_width.saturating_sub(right_width)) as u16,
            );
            if right_width > 0 && right_width <= inner_width {
                let right_x = area.right() - right_width as u16;
                buf.set_line(right_x, y, &Line::from(row.right), right_width as u16);
            }
        }
    }
}
