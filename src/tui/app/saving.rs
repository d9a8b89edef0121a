//! What the app shows about saving: changes a failed save left in memory
//! (pending until a save works), and the prompt when quitting with them.

use super::{App, Overlay};
use crate::progress::ProgressError;

/// Changes kept in memory because the last save failed; the next change
/// (or quitting) saves them again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// Why the last save failed.
    pub reason: String,
    /// Whether moving the progress file aside would let them be saved.
    pub recoverable: bool,
}

impl App {
    /// After a successful save: the merge may have brought in changes from
    /// another trailmark, so the numbers are recomputed.
    pub fn saved(&mut self) {
        if self.pending.take().is_some() && self.read_only_reason().is_none() {
            self.info("Saved the changes that were pending");
        }
        self.refresh();
    }

    /// After a failed save: say so, keeping the change in memory and marked
    /// pending until a later save succeeds.
    pub fn save_failed(&mut self, err: &ProgressError) {
        let recoverable = err.is_recoverable()
            || self
                .progress_problem
                .as_ref()
                .is_some_and(|p| p.recoverable);
        self.pending = Some(Pending {
            reason: err.to_string(),
            recoverable,
        });
        // Read-only mode has its own banner and header flag; retrying there
        // cannot help, so the message does not promise it.
        let retry = if matches!(err, ProgressError::ReadOnly { .. }) {
            ""
        } else {
            ". The change is kept here and saved again with your next change"
        };
        self.error(format!("Not saved: {err}{retry}"));
    }

    /// A save at quit failed: ask what to do rather than drop the changes.
    pub fn ask_quit(&mut self) {
        self.overlay = Overlay::ConfirmQuit;
    }
}
