//! Quitting: the loop saves what is pending first, and when that fails the
//! prompt offers retry, moving the unreadable file aside, or leaving
//! without the changes. Nothing is dropped without the learner choosing it.

use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Overlay};

/// Quitting saves what is pending first (the loop does it); while the quit
/// prompt is open, another quit key keeps it open rather than dropping changes.
pub(super) fn quit(app: &mut App) -> Effect {
    app.remember_place();
    if matches!(app.overlay, Overlay::ConfirmQuit) {
        return Effect::None;
    }
    Effect::Quit
}

/// The prompt after a save at quit failed.
pub(super) fn confirm_quit(app: &mut App, action: &Action) -> Effect {
    match action {
        Action::Retry => {
            app.overlay = Overlay::None;
            Effect::Quit
        }
        Action::MoveAside if app.pending.as_ref().is_some_and(|p| p.recoverable) => {
            app.overlay = Overlay::None;
            Effect::RecoverThenQuit
        }
        Action::MoveAside => {
            app.info(
                "Moving the file aside would not help: it can be read, but not written (see above)",
            );
            Effect::None
        }
        Action::QuitUnsaved => Effect::QuitUnsaved,
        Action::Cancel => {
            app.overlay = Overlay::None;
            app.info("Not quitting; the changes are kept and saved again with your next change");
            Effect::None
        }
        _ => Effect::None,
    }
}
