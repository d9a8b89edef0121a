//! What the user asked for, independent of how they asked: every key, click
//! and resize becomes one [`Action`], and [`update`](super::update::update)
//! answers it with an [`Effect`] for the event loop to carry out.

use crate::progress::Status;

/// One thing the user asked for. The meaning of the movement actions depends
/// on what has the focus (a list, the help, a text field), which is why they
/// are named for the gesture rather than for each place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    FocusLeft,
    FocusRight,
    FocusNext,
    FocusPrev,
    /// Enter or Space on a phase: focus its skills (never changes a status).
    OpenPhase,
    /// Done, or back to todo when it already is.
    ToggleDone,
    SetStatus(Status),
    PrevProject,
    NextProject,
    /// idea → building → built → idea, for the selected project idea.
    CycleProject,
    Undo,
    Redo,
    OpenSwitcher,
    OpenSearch,
    OpenHelp,
    OpenStats,
    /// The week-by-week plan (`w`).
    OpenPlan,
    /// Set or clear the open roadmap's target date (in the plan view).
    EditTarget,
    EditNote,
    EditEstimate,
    /// Set the learner's weekly hours (`P`).
    EditPace,
    /// Start a study timer on the selected skill, or stop and log the running one (`T`).
    ToggleTimer,
    /// The roadmap info view (`i`): summary, source, totals, pace.
    OpenInfo,
    /// Choose the previous or next resource of the selected skill.
    PrevResource,
    NextResource,
    /// Open the chosen resource with the system's opener.
    OpenResource,
    /// Hide the banner of roadmap files that did not load.
    DismissBanner,
    /// Asks whether to move an unreadable progress file aside.
    AskRecover,
    /// Enter in a popup: switch roadmap, jump to a match, save an edit.
    Confirm,
    /// Esc in a popup: close it, clear the search, drop an edit.
    Cancel,
    Yes,
    No,
    /// A typed character for the search or the editor. In the key table the
    /// character is a placeholder; the typed one replaces it.
    Insert(char),
    /// Text pasted with bracketed paste: goes into an editor as text
    /// (newlines become spaces) and never runs keys; ignored elsewhere.
    Paste(String),
    Backspace,
    Delete,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    ClearInput,
    Quit,
    /// Ctrl-z: back to the shell until `fg`.
    Suspend,
    /// In the quit prompt: save again, then quit.
    Retry,
    /// In the quit prompt: move the unreadable file aside, save, quit.
    MoveAside,
    /// In the quit prompt: quit and drop what could not be saved.
    QuitUnsaved,
    /// A left click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    /// A wheel turn over a screen cell.
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
}

impl Action {
    /// Puts the typed character into an [`Action::Insert`] template.
    #[must_use]
    pub fn with_char(self, c: char) -> Self {
        match self {
            Action::Insert(_) => Action::Insert(c),
            other => other,
        }
    }
}

/// What the event loop must do after an update: the only I/O the app asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Write the progress now; report a failure back to the app.
    Save,
    /// Move the unreadable progress file aside and open a fresh one.
    Recover,
    /// Write the state file now: the roadmap open changed (the CLI reads it).
    KeepPlace,
    /// Write the progress, then the state file: a study timer stopped and
    /// its session was logged (in that order, so a kill between the two
    /// can offer the timer again but never lose the session).
    SaveThenKeepPlace,
    /// Leave: first save anything not yet on disk; if that fails, ask
    /// ([`App::ask_quit`](super::app::App::ask_quit)) instead of leaving.
    Quit,
    /// Move the unreadable progress file aside, save, then leave as [`Effect::Quit`].
    RecoverThenQuit,
    /// Leave without saving: the learner chose to drop the pending changes.
    QuitUnsaved,
    /// Give the terminal back to the shell until the process is continued.
    Suspend,
    /// Open a web address with the system's opener (`open` crate).
    Open(String),
}
