//! Drawing: `impl Widget for &App`, which reads the state and never changes
//! it. Where things go comes from [`super::layout`] and what the text says
//! from [`super::content`]; both are shared with `update`, which never calls
//! into this module.
//!
//! - [`header`]: title, variant, gauge, remaining weeks, finish date.
//! - [`panes`]: the phase and skill lists; [`rows`]: how a list row is drawn.
//! - [`details`]: the selected skill and the phase's project ideas.
//! - [`footer`]: the problem banner, the message line and the key hints.
//! - [`overlay`]: switcher, help, search, editor and the recovery prompt.
//! - [`stats`]: the stats screen; [`calendar`]: its calendar of study days.
//! - [`plan`]: the plan view (`w`).
//! - [`info`]: the roadmap info view (`i`).
//! - [`timer`]: the study timer's header flag and the question about one left running.
//! - [`links`]: where the OSC 8 hyperlinks go.
//! - [`text`]: widths, truncation, wrapping, cleaning.

pub mod calendar;
pub mod details;
pub mod footer;
pub mod header;
pub mod info;
pub mod links;
pub mod overlay;
pub mod panes;
pub mod plan;
pub mod quit;
pub mod rows;
pub mod stats;
pub mod timer;
/// Text cleaning and measuring live in [`crate::text`], shared with the command line.
pub use crate::text;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use super::app::{App, Overlay};
pub use super::layout::{Areas, inner, layout, window};
use super::layout::{MIN_HEIGHT, MIN_WIDTH};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let areas = layout(self, area);
        if areas.too_small {
            render_too_small(self, area, buf);
            return;
        }
        header::render_header(self, areas.header, buf);
        footer::render_banner(self, areas.banner, buf);
        // The first-run picker, alone or under help.
        let picker = self.shown_switcher().is_some();
        match &self.overlay {
            Overlay::Stats(data) => stats::render_stats(self, data, areas.body, buf),
            Overlay::Plan(view) => plan::render_plan(self, view, areas.body, buf),
            // Under the first-run picker the welcome would show only in
            // cut pieces beside it.
            _ if self.current.is_none() && !picker => {
                render_welcome(self, areas.body, buf);
            }
            _ if self.current.is_none() => {}
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
        footer::render_footer(self, &areas, buf);
        // The views that fill the screen stop above a message, so what a
        // key in them says (a link that would not open, the roadmap open
        // last being gone) is seen whole.
        let above_message = Rect {
            height: area.height - areas.message.height,
            ..area
        };
        match &self.overlay {
            Overlay::Switcher(s) => overlay::render_switcher(self, s, above_message, buf),
            Overlay::Help { scroll, under } => {
                if let Some(Overlay::Switcher(s)) = under.as_deref() {
                    overlay::render_switcher(self, s, above_message, buf);
                }
                overlay::render_help(self, *scroll, above_message, buf);
            }
            Overlay::Info { scroll } => info::render_info(self, *scroll, above_message, buf),
            Overlay::Search(s) => overlay::render_search(self, s, area, buf),
            Overlay::Editor(e) => overlay::render_editor(self, e, area, buf),
            Overlay::ConfirmRecover => overlay::render_confirm(self, area, buf),
            Overlay::ConfirmQuit => quit::render_confirm_quit(self, area, buf),
            Overlay::TimerLeft => timer::render_timer_left(self, area, buf),
            Overlay::None | Overlay::Stats(_) | Overlay::Plan(_) => {}
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
