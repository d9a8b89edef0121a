//! The interactive terminal UI that bare `trailmark` opens.
//!
//! Keys become [`Action`](action::Action)s through one key table, one pure
//! [`update`](update::update) changes the plain [`App`](app::App) state and
//! returns an effect (save, quit, recover) for the event loop to perform, and
//! drawing reads the state only. So everything but the loop is testable
//! without a terminal.
//!
//! Module map:
//! - [`app`]: the state (catalog, progress store, selections, popups, undo, cache).
//! - [`action`]: the `Action` enum and the `Effect`s the loop performs.
//! - [`keys`]: the key table behind the handler, the footer and the help.
//! - [`update`]: how each action changes the state.
//! - [`undo`]: undoable edits and the undo/redo stacks.
//! - [`editor`]: the one-line text field; [`search`]: the `/` matching.
//! - [`layout`]: the pure layout maths (areas, pane widths, popups, scrolling).
//! - [`content`]: the text of the details, help, info view, banner and
//!   message line at a width, with where projects and links sit in it; both
//!   `update` (scroll limits, clicks) and `ui` use it, so state and update
//!   never call drawing code.
//! - [`ui`]: rendering, one `render_*` per pane and popup; [`theme`]: styles.
//! - [`terminal`]: terminal setup and restore, the event loop.
//! - [`signals`]: the signals the loop answers; [`watch`]: files changed by others.

pub mod action;
pub mod app;
pub mod content;
pub mod editor;
pub mod keys;
pub mod layout;
pub mod search;
pub mod signals;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod undo;
pub mod update;
pub mod watch;

use std::path::PathBuf;

use crate::catalog::{Catalog, Sources};
use crate::progress::{self, ProgressError, Store};
use crate::state::Places;

/// What the command line hands the TUI: the roadmaps that loaded (and the
/// files that did not), and the progress store or why it could not open.
pub struct Launch {
    pub catalog: Catalog,
    pub store: Result<Store, ProgressError>,
    /// The progress file, for running on an in-memory store when it cannot be read.
    pub data_path: PathBuf,
    /// The browsing state kept for this progress file; `None` when the
    /// state file has no entry yet, and the places a version-1 progress
    /// file kept itself are used.
    pub places: Option<Places>,
}

/// Runs the TUI until the user quits or a signal ends it; the terminal is
/// restored on every way out. `state_file` keeps the place in each roadmap;
/// `warning` is why it could not be read (shown in the app). The catalog may
/// hold only the roadmap the first screen needs; `rest`, when given, is
/// loaded in full right after the first frame.
pub fn run(
    launch: Launch,
    state_file: Option<PathBuf>,
    warning: Option<String>,
    rest: Option<&Sources>,
) -> anyhow::Result<terminal::Outcome> {
    // Today as the CLI has it: the local date, or `TRAILMARK_TODAY`'s.
    let (today, bad_today) = match crate::forecast::today() {
        Ok(day) => (day, None),
        Err(bad) => (bad.today, Some(bad.to_string())),
    };
    let mut app = app::App::new(launch, progress::now(), today, theme::Theme::from_env());
    if let Some(warning) = warning.or(bad_today) {
        app.error(warning);
    }
    terminal::run(app, state_file, rest)
}
