//! The links on screen as OSC 8 terminal hyperlinks. ratatui's buffer keeps
//! no control characters, so the event loop writes each visible link again
//! after the frame, wrapped in the OSC 8 sequence; this module says where
//! the links are, from the state alone.

use super::inner;
use crate::tui::app::{App, Overlay, Pane};
use crate::tui::content::{details, info};
use crate::tui::layout::info_area;

/// A link drawn at a screen cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub x: u16,
    pub y: u16,
    pub url: String,
    /// The text on screen there (the address, perhaps cut with `…`).
    pub text: String,
}

impl Link {
    /// The text wrapped in OSC 8 (`ESC ] 8 ; ; URL ESC \ text ESC ] 8 ; ; ESC \`).
    pub fn osc8(&self) -> String {
        format!("\x1b]8;;{}\x1b\\{}\x1b]8;;\x1b\\", self.url, self.text)
    }
}

/// Whether an address can go into an escape sequence as it is: printable
/// ASCII only, so text from a roadmap file can never end the sequence early
/// or smuggle in another one.
pub fn is_safe(url: &str) -> bool {
    !url.is_empty() && url.chars().all(|c| c.is_ascii_graphic())
}

/// The links visible in the current frame: the details pane's while no
/// popup covers it, and the source's in the roadmap info view.
pub fn visible(app: &App) -> Vec<Link> {
    if let Overlay::Info { scroll } = app.overlay {
        return info_link(app, scroll).into_iter().collect();
    }
    if !matches!(app.overlay, Overlay::None) || app.current.is_none() {
        return Vec::new();
    }
    let areas = super::layout(app, app.area());
    let Some(pane) = areas.panes[Pane::Details.index()] else {
        return Vec::new();
    };
    let text_area = inner(pane);
    let content = details::content(app, usize::from(text_area.width));
    let rows = usize::from(text_area.height);
    let offset = app
        .offsets
        .details
        .min(content.lines.len().saturating_sub(rows));
    content
        .links
        .into_iter()
        .filter(|l| (offset..offset + rows).contains(&l.line) && is_safe(&l.url))
        .map(|l| Link {
            x: text_area.x + l.column,
            y: text_area.y + (l.line - offset) as u16,
            url: l.url,
            text: l.shown,
        })
        .collect()
}

/// The source's address in the info view, when it is in view.
fn info_link(app: &App, scroll: usize) -> Option<Link> {
    let url = app.roadmap()?.source.url.clone().filter(|u| is_safe(u))?;
    let inside = inner(info_area(app.area()));
    let lines = info::info_lines(app, usize::from(inside.width));
    let rows = usize::from(inside.height);
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    let line = lines.iter().position(|l| {
        l.spans
            .first()
            .is_some_and(|s| s.content == info::LINK_LABEL)
    })?;
    (scroll..scroll + rows).contains(&line).then(|| Link {
        x: inside.x + super::text::width(info::LINK_LABEL) as u16,
        y: inside.y + (line - scroll) as u16,
        text: info::link_text(&url, usize::from(inside.width)),
        url,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_printable_ascii_addresses_become_hyperlinks() {
        assert!(is_safe("https://www.postgresql.org/docs/"));
        assert!(!is_safe("https://x.org/\u{1b}]8;;evil"));
        assert!(!is_safe("https://x.org/a b"));
        assert!(!is_safe(""));
    }

    #[test]
    fn osc8_wraps_the_text() {
        let link = Link {
            x: 0,
            y: 0,
            url: "https://git-scm.com/doc".to_owned(),
            text: "https://git-scm.com/doc".to_owned(),
        };
        assert_eq!(
            link.osc8(),
            "\u{1b}]8;;https://git-scm.com/doc\u{1b}\\https://git-scm.com/doc\u{1b}]8;;\u{1b}\\"
        );
    }
}
