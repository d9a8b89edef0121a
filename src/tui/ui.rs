//! Drawing: `impl Widget for &App`, which reads the state and never changes
//! it, and the layout every part of the TUI agrees on (the mouse handler
//! uses it to know what was clicked).
//!
//! - [`header`]: title, variant, gauge, remaining weeks, finish date.
//! - [`panes`]: the phase and skill lists; [`rows`]: how a list row is drawn.
//! - [`details`]: the selected skill and the phase's project ideas.
//! - [`footer`]: the problem banner, the message line and the key hints.
//! - [`overlay`]: switcher, help, search, editor and the recovery prompt.
//! - [`stats`]: the stats screen.
//! - [`info`]: the roadmap info view (`i`).
//! - [`links`]: where the OSC 8 hyperlinks go.
//! - [`text`]: widths, truncation, wrapping, cleaning.

pub mod details;
pub mod footer;
pub mod header;
pub mod info;
pub mod links;
pub mod overlay;
pub mod panes;
pub mod rows;
pub mod stats;
pub mod text;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use super::app::{App, Overlay, Pane};

/// Below this the screen shows only a short message.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 8;
/// From this width all three panes show; from [`TWO_PANES`] two.
pub const THREE_PANES: u16 = 100;
pub const TWO_PANES: u16 = 60;
const HEADER_ROWS: u16 = 2;
const FOOTER_ROWS: u16 = 1;
/// Rows the panes keep however much the banner and messages want.
const MIN_BODY_ROWS: u16 = 5;

/// Where each part of the screen goes at a given size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub too_small: bool,
    pub header: Rect,
    pub banner: Rect,
    pub body: Rect,
    /// Phases, skills, details; `None` when folded away on a narrow screen.
    pub panes: [Option<Rect>; 3],
    pub message: Rect,
    pub footer: Rect,
}

impl Areas {
    /// Rows inside a pane's border; 0 when the pane is not shown.
    pub fn list_rows(&self, pane: Pane) -> usize {
        self.panes[pane.index()].map_or(0, |r| usize::from(inner(r).height))
    }

    /// The width the details text wraps to (the body's, when folded away).
    pub fn details_width(&self) -> usize {
        let area = self.panes[Pane::Details.index()].unwrap_or(self.body);
        usize::from(inner(area).width)
    }

    pub fn pane_at(&self, at: Position) -> Option<Pane> {
        Pane::ALL
            .into_iter()
            .find(|p| self.panes[p.index()].is_some_and(|r| r.contains(at)))
    }

    /// The row under `at` inside a pane's border.
    pub fn row_in(&self, pane: Pane, at: Position) -> Option<usize> {
        let area = inner(self.panes[pane.index()]?);
        area.contains(at).then(|| usize::from(at.y - area.y))
    }
}

/// The inside of a bordered block.
pub fn inner(area: Rect) -> Rect {
    area.inner(Margin::new(1, 1))
}

/// Splits the screen. Narrow terminals fold the three panes to two (the
/// focused one and a neighbour), then to the focused one alone.
pub fn layout(app: &App, area: Rect) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let spare = area.height - HEADER_ROWS - FOOTER_ROWS - MIN_BODY_ROWS;
    let message_rows = footer::message_rows(app, area.width).min(spare);
    let banner_rows =
        footer::banner_rows(app, area.width).min((spare - message_rows).min(area.height / 3));
    let [header, banner, body, message, footer] = Layout::vertical([
        Constraint::Length(HEADER_ROWS),
        Constraint::Length(banner_rows),
        Constraint::Fill(1),
        Constraint::Length(message_rows),
        Constraint::Length(FOOTER_ROWS),
    ])
    .areas(area);
    let mut panes = [None; 3];
    if area.width >= THREE_PANES {
        let [a, b, c] = Layout::horizontal([
            Constraint::Percentage(30),
            Constraint::Percentage(33),
            Constraint::Fill(1),
        ])
        .areas(body);
        panes = [Some(a), Some(b), Some(c)];
    } else if area.width >= TWO_PANES {
        let [a, b] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(body);
        if app.focus == Pane::Phases {
            panes[0] = Some(a);
            panes[1] = Some(b);
        } else {
            panes[1] = Some(a);
            panes[2] = Some(b);
        }
    } else {
        panes[app.focus.index()] = Some(body);
    }
    Areas {
        too_small: false,
        header,
        banner,
        body,
        panes,
        message,
        footer,
    }
}

/// The first row to show so that `selected` is visible in `rows` rows,
/// moving the previous `offset` as little as possible.
pub fn window(offset: usize, selected: usize, rows: usize, len: usize) -> usize {
    if rows == 0 {
        return offset.min(len.saturating_sub(1));
    }
    let mut offset = offset.min(len.saturating_sub(rows));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + rows {
        offset = selected + 1 - rows;
    }
    offset
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let areas = layout(self, area);
        if areas.too_small {
            render_too_small(self, area, buf);
            return;
        }
        header::render_header(self, areas.header, buf);
        footer::render_banner(self, areas.banner, buf);
        match &self.overlay {
            Overlay::Stats(data) => stats::render_stats(self, data, areas.body, buf),
            _ if self.current.is_none() => render_welcome(self, areas.body, buf),
            _ => {
                if let Some(r) = areas.panes[0] {
                    panes::render_phases(self, r, buf);
                }
                if let Some(r) = areas.panes[1] {
                    panes::render_skills(self, r, buf);
                }
                if let Some(r) = areas.panes[2] {
                    details::render_details(self, r, buf);
                }
            }
        }
        footer::render_message(self, areas.message, buf);
        footer::render_footer(self, areas.footer, buf);
        match &self.overlay {
            Overlay::Switcher(s) => overlay::render_switcher(self, s, area, buf),
            Overlay::Help { scroll, under } => {
                if let Some(Overlay::Switcher(s)) = under.as_deref() {
                    overlay::render_switcher(self, s, area, buf);
                }
                overlay::render_help(self, *scroll, area, buf);
            }
            Overlay::Info { scroll } => info::render_info(self, *scroll, area, buf),
            Overlay::Search(s) => overlay::render_search(self, s, area, buf),
            Overlay::Editor(e) => overlay::render_editor(self, e, area, buf),
            Overlay::ConfirmRecover => overlay::render_confirm(self, area, buf),
            Overlay::None | Overlay::Stats(_) => {}
        }
    }
}

fn render_too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let text = format!("Terminal too small: {MIN_WIDTH}×{MIN_HEIGHT} needed");
    Paragraph::new(Line::styled(text, app.theme.warning()))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Behind the picker on the first run.
fn render_welcome(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let lines = if app.catalog.entries.is_empty() {
        vec![
            Line::styled("No roadmap loaded.", theme.error()),
            Line::raw(
                "Put roadmap files in the roadmaps folder of the config directory, or pass --roadmap PATH.",
            ),
        ]
    } else {
        vec![
            Line::from(vec![
                Span::styled("Welcome to trailmark. ", theme.title()),
                Span::raw("Pick the roadmap to follow; r switches at any time."),
            ]),
            Line::raw("Skills with a shared key count in every roadmap that has them."),
        ]
    };
    Paragraph::new(lines)
        .block(Block::new().padding(Padding::horizontal(1)))
        .wrap(Wrap { trim: false })
        .render(area, buf);
}
