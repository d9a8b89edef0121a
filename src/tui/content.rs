//! The text the TUI shows, as documents: what the details pane, the help,
//! the roadmap info view, the problem banner and the message line say at a
//! given width, as wrapped [`Line`](ratatui::text::Line)s, and where the
//! project ideas and links sit in them.
//!
//! Both `update` (scroll limits, which project a click hit) and `ui` (the
//! drawing) need the same documents, so they live here rather than in `ui`:
//! state and update never call drawing code, and the drawing only places
//! these lines on screen.
//!
//! - [`details`]: the selected skill or phase and the phase's project ideas.
//! - [`help`]: the help generated from the key table.
//! - [`info`]: what a roadmap file says about itself.
//! - [`banner`]: the problem banner and the message line.

pub mod banner;
pub mod details;
pub mod help;
pub mod info;

use crate::progress::Status;

/// The mark before a skill: readable without colour.
pub fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Todo => "[ ]",
        Status::Doing => "[~]",
        Status::Done => "[x]",
        Status::Skipped => "[-]",
    }
}

/// Marks a skill whose key another loaded roadmap uses too.
pub const SHARED_MARK: &str = "↔";

/// Marks a skill the learner wrote a note on.
pub const NOTE_MARK: &str = "✎";

/// Remaining time in a narrow column: `4–6w`, `?` when only unestimated
/// skills remain, `4w+?` when some of both; `0w` when nothing is left (the
/// `status` table says `0 weeks`). The phases pane shows it, and the layout
/// sizes that pane by it.
pub fn left_short(summary: &crate::forecast::Summary) -> String {
    let r = &summary.remaining;
    match (r.weeks, r.unestimated) {
        (Some(w), 0) => w.short(),
        (Some(w), _) if w.is_zero() => "?".to_owned(),
        (Some(w), _) => format!("{}+?", w.short()),
        (None, 0) => "0w".to_owned(),
        (None, _) => "?".to_owned(),
    }
}
