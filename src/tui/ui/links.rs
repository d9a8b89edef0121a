//! The links on screen as OSC 8 terminal hyperlinks. ratatui's buffer keeps
//! no control characters, so the event loop writes each visible link again
//! after the frame, wrapped in the OSC 8 sequence; this module says where
//! the links are, from the state alone.

use super::details;
use super::inner;
use crate::tui::app::{App, Overlay, Pane};

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

/// The links visible in the current frame (only the details pane, while no
/// popup covers it).
pub fn visible(app: &App) -> Vec<Link> {
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
