//! The key table itself: every binding with its keys, context, footer hint
//! and help sentence, and the help's words on the mouse and paste.
//!
//! Why one ~550-line file: it is data, not logic, and its order is meaning
//! (the first row matching a context and key wins, and the help lists the
//! groups in this order), so it is kept whole where that order can be read.

use crossterm::event::KeyCode;

use super::{Binding, Ctx, Trigger, ch, ctrl, key};
use crate::progress::Status;
use crate::tui::action::Action;

use Action as A;
use KeyCode as K;

/// Key lists that several contexts share (lists, details, switcher, help).
const UP_DOWN: &[(Trigger, A)] = &[
    (key(K::Up), A::Up),
    (ch('k'), A::Up),
    (key(K::Down), A::Down),
    (ch('j'), A::Down),
];
const TOP_BOTTOM: &[(Trigger, A)] = &[
    (ch('g'), A::Top),
    (key(K::Home), A::Top),
    (ch('G'), A::Bottom),
    (key(K::End), A::Bottom),
];
const PAGES: &[(Trigger, A)] = &[(key(K::PageUp), A::PageUp), (key(K::PageDown), A::PageDown)];

/// Every binding. The first row that matches the context and the key wins,
/// so `Ctrl-c` comes first and text input comes after the keys it must not
/// swallow.
pub static BINDINGS: &[Binding] = &[
    Binding {
        ctx: Ctx::ALL,
        keys: &[(ctrl('c'), A::Quit)],
        label: "Ctrl-c",
        hint: "",
        help: "Quit at once (every change is saved first; asks if that fails)",
    },
    Binding {
        ctx: Ctx::ALL,
        keys: &[(ctrl('z'), A::Suspend)],
        label: "Ctrl-z",
        hint: "",
        help: "Suspend to the shell (fg comes back)",
    },
    // Main screen.
    Binding {
        ctx: Ctx::LISTS,
        keys: UP_DOWN,
        label: "↑↓ j k",
        hint: "move",
        help: "Move the selection up or down",
    },
    Binding {
        ctx: Ctx::LISTS,
        keys: TOP_BOTTOM,
        label: "g G Home End",
        hint: "",
        help: "Jump to the first or the last row",
    },
    Binding {
        ctx: Ctx::DETAILS,
        keys: UP_DOWN,
        label: "↑↓ j k",
        hint: "project",
        help: "Choose the previous or next project idea (scrolls when the phase has none)",
    },
    Binding {
        ctx: Ctx::DETAILS,
        keys: TOP_BOTTOM,
        label: "g G Home End",
        hint: "",
        help: "Scroll the details to the top or the bottom",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: PAGES,
        label: "PgUp PgDn",
        hint: "",
        help: "Move the selection (lists) or scroll the details by a page",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[
            (key(K::Left), A::FocusLeft),
            (ch('h'), A::FocusLeft),
            (key(K::Right), A::FocusRight),
            (ch('l'), A::FocusRight),
        ],
        label: "←→ h l",
        hint: "pane",
        help: "Focus the pane to the left or the right",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(key(K::Tab), A::FocusNext), (key(K::BackTab), A::FocusPrev)],
        label: "Tab Shift-Tab",
        hint: "",
        help: "Focus the next or the previous pane, wrapping around",
    },
    Binding {
        ctx: Ctx::PHASES,
        keys: &[(key(K::Enter), A::OpenPhase), (ch(' '), A::OpenPhase)],
        label: "Enter Space",
        hint: "skills",
        help: "Open the phase: focus its skills (never changes a status; when only the phases show, d s x n e wait for this too)",
    },
    Binding {
        ctx: Ctx::SKILL,
        keys: &[(ch(' '), A::ToggleDone), (key(K::Enter), A::ToggleDone)],
        label: "Space Enter",
        hint: "done",
        help: "Mark the selected skill done, or back to todo when it is done",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('d'), A::SetStatus(Status::Doing))],
        label: "d",
        hint: "doing",
        help: "Mark the selected skill as being learned (doing)",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('s'), A::SetStatus(Status::Skipped))],
        label: "s",
        hint: "skip",
        help: "Skip the selected skill: it no longer counts towards the roadmap",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('x'), A::SetStatus(Status::Todo))],
        label: "x",
        hint: "",
        help: "Put the selected skill back to todo",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('['), A::PrevProject), (ch(']'), A::NextProject)],
        label: "[ ]",
        hint: "",
        help: "Choose the previous or next project idea of the phase (shown in the details)",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('p'), A::CycleProject)],
        label: "p",
        hint: "project",
        help: "Cycle the chosen project idea: idea → building → built → idea",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('n'), A::EditNote)],
        label: "n",
        hint: "note",
        help: "Write a note on the selected skill",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('e'), A::EditEstimate)],
        label: "e",
        hint: "estimate",
        help: "Set your own estimate for the selected skill (`3`, `2-4 weeks`, `1 month`; empty clears it)",
    },
    Binding {
        ctx: Ctx::SKILL,
        keys: &[(ch(','), A::PrevResource), (ch('.'), A::NextResource)],
        label: ", .",
        hint: "",
        help: "Choose the previous or next resource of the selected skill (marked › in the details)",
    },
    Binding {
        ctx: Ctx::SKILL,
        keys: &[(ch('o'), A::OpenResource)],
        label: "o",
        hint: "open link",
        help: "Open the chosen resource in your browser (the system's opener)",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('P'), A::EditPace)],
        label: "P",
        hint: "pace",
        help: "Set your weekly hours; the header's weeks left and finish date follow your pace (hours you logged lately, T or `trailmark log`, count first)",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('T'), A::ToggleTimer)],
        label: "T",
        hint: "timer",
        help: "Start a study timer on the selected skill; T again stops it and logs the time (the header shows it running)",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('i'), A::OpenInfo)],
        label: "i",
        hint: "info",
        help: "Roadmap info: summary, source with its link, totals, pace and tips",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('D'), A::DismissBanner)],
        label: "D",
        hint: "",
        help: "Dismiss the banner about roadmap files that did not load (`trailmark validate FILE` shows them again)",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('u'), A::Undo)],
        label: "u",
        hint: "undo",
        help: "Undo the last change (saved, and recorded in the history like any change)",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ctrl('r'), A::Redo)],
        label: "Ctrl-r",
        hint: "",
        help: "Redo the last undone change",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('/'), A::OpenSearch)],
        label: "/",
        hint: "search",
        help: "Search skill titles, topics, keys and your notes in this roadmap (each hit shows its status)",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('r'), A::OpenSwitcher)],
        label: "r",
        hint: "roadmaps",
        help: "Switch to another roadmap; each keeps its own place",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('t'), A::OpenStats)],
        label: "t",
        hint: "stats",
        help: "Stats: burndown, skills per week, phases, streak and finish dates",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('w'), A::OpenPlan)],
        label: "w",
        hint: "plan",
        help: "Plan: the skills still to do, week by week at your pace, and your target date",
    },
    Binding {
        ctx: Ctx::SCREENS,
        keys: &[(ch('?'), A::OpenHelp)],
        label: "?",
        hint: "help",
        help: "Show this help",
    },
    Binding {
        ctx: Ctx::TEXT,
        keys: &[(key(K::F(1)), A::OpenHelp)],
        label: "F1",
        hint: "",
        help: "Show this help while typing (`?` types a question mark)",
    },
    Binding {
        ctx: Ctx::MAIN,
        keys: &[(ch('q'), A::Quit)],
        label: "q",
        hint: "quit",
        help: "Quit (every change is saved first; asks if that fails)",
    },
    Binding {
        ctx: Ctx::RECOVER,
        keys: &[(ch('R'), A::AskRecover)],
        label: "R",
        hint: "recover",
        help: "Move the unreadable progress file aside and start afresh (asks first)",
    },
    // Roadmap switcher.
    Binding {
        ctx: Ctx::CHOOSER,
        keys: UP_DOWN,
        label: "↑↓ j k",
        hint: "move",
        help: "Choose a roadmap",
    },
    Binding {
        ctx: Ctx::CHOOSER,
        keys: TOP_BOTTOM,
        label: "g G Home End",
        hint: "",
        help: "Jump to the first or the last roadmap",
    },
    Binding {
        ctx: Ctx::CHOOSER,
        keys: PAGES,
        label: "PgUp PgDn",
        hint: "",
        help: "Move by a page",
    },
    Binding {
        ctx: Ctx::CHOOSER,
        keys: &[(key(K::Enter), A::Confirm)],
        label: "Enter",
        hint: "open",
        help: "Open the chosen roadmap where you left it",
    },
    Binding {
        ctx: Ctx::SWITCHER,
        keys: &[
            (key(K::Esc), A::Cancel),
            (ch('q'), A::Cancel),
            (ch('r'), A::Cancel),
        ],
        label: "Esc q r",
        hint: "close",
        help: "Close the switcher",
    },
    Binding {
        ctx: Ctx::PICKER,
        keys: &[(ch('q'), A::Quit)],
        label: "q",
        hint: "quit",
        help: "Quit without opening a roadmap (Esc and r do nothing here)",
    },
    // Roadmap info.
    Binding {
        ctx: Ctx::INFO,
        keys: &[
            (key(K::Up), A::Up),
            (ch('k'), A::Up),
            (key(K::Down), A::Down),
            (ch('j'), A::Down),
        ],
        label: "↑↓ j k",
        hint: "scroll",
        help: "Scroll the roadmap info",
    },
    Binding {
        ctx: Ctx::INFO,
        keys: &[(ch('o'), A::OpenResource)],
        label: "o",
        hint: "open source",
        help: "Open the source article in your browser",
    },
    Binding {
        ctx: Ctx::INFO,
        keys: &[
            (key(K::Esc), A::Cancel),
            (ch('q'), A::Cancel),
            (ch('i'), A::Cancel),
        ],
        label: "Esc q i",
        hint: "close",
        help: "Back to the roadmap",
    },
    // Search.
    Binding {
        ctx: Ctx::SEARCH,
        keys: &[(key(K::Up), A::Up), (key(K::Down), A::Down)],
        label: "↑↓",
        hint: "choose",
        help: "Choose among the matches",
    },
    Binding {
        ctx: Ctx::SEARCH,
        keys: &[(key(K::Enter), A::Confirm)],
        label: "Enter",
        hint: "jump",
        help: "Jump to the chosen match",
    },
    Binding {
        ctx: Ctx::SEARCH,
        keys: &[(key(K::Esc), A::Cancel)],
        label: "Esc",
        hint: "clear",
        help: "Clear the search and close it",
    },
    // Text fields: search and editor.
    Binding {
        ctx: Ctx::TEXT,
        keys: &[
            (key(K::Backspace), A::Backspace),
            (key(K::Delete), A::Delete),
        ],
        label: "Backspace Del",
        hint: "",
        help: "Delete the character before or under the cursor",
    },
    Binding {
        ctx: Ctx::TEXT,
        keys: &[
            (key(K::Left), A::CursorLeft),
            (key(K::Right), A::CursorRight),
            (key(K::Home), A::CursorHome),
            (ctrl('a'), A::CursorHome),
            (key(K::End), A::CursorEnd),
            (ctrl('e'), A::CursorEnd),
        ],
        label: "←→ Home End Ctrl-a Ctrl-e",
        hint: "",
        help: "Move the cursor in the text",
    },
    Binding {
        ctx: Ctx::TEXT,
        keys: &[(ctrl('u'), A::ClearInput)],
        label: "Ctrl-u",
        hint: "",
        help: "Clear the text",
    },
    Binding {
        ctx: Ctx::EDITOR,
        keys: &[(key(K::Enter), A::Confirm)],
        label: "Enter",
        hint: "save",
        help: "Save (an empty note or estimate clears it; an invalid estimate says why and stays open)",
    },
    Binding {
        ctx: Ctx::EDITOR,
        keys: &[(key(K::Esc), A::Cancel)],
        label: "Esc",
        hint: "cancel",
        help: "Close without saving",
    },
    Binding {
        ctx: Ctx::TEXT,
        keys: &[(Trigger::Text, A::Insert(' '))],
        label: "any character",
        hint: "",
        help: "Type into the search or the editor",
    },
    // Recovery prompt.
    Binding {
        ctx: Ctx::CONFIRM,
        keys: &[(ch('y'), A::Yes)],
        label: "y",
        hint: "move it aside",
        help: "Move the unreadable progress file aside and start afresh (changes made meanwhile are kept)",
    },
    Binding {
        ctx: Ctx::CONFIRM,
        keys: &[(ch('n'), A::No), (key(K::Esc), A::No)],
        label: "n Esc",
        hint: "keep it",
        help: "Leave the file alone and go on without saving (R asks again)",
    },
    // Quitting with unsaved changes.
    Binding {
        ctx: Ctx::QUIT,
        keys: &[(ch('r'), A::Retry)],
        label: "r",
        hint: "retry",
        help: "Try saving again, and quit if it works",
    },
    Binding {
        ctx: Ctx::QUIT,
        keys: &[(ch('m'), A::MoveAside)],
        label: "m",
        hint: "move aside",
        help: "Move the unreadable progress file aside, save the changes to a fresh one and quit",
    },
    Binding {
        ctx: Ctx::QUIT,
        keys: &[(ch('d'), A::QuitUnsaved)],
        label: "d",
        hint: "quit without them",
        help: "Quit and drop the changes that could not be saved",
    },
    Binding {
        ctx: Ctx::QUIT,
        keys: &[(key(K::Esc), A::Cancel)],
        label: "Esc",
        hint: "stay",
        help: "Do not quit; the changes stay pending",
    },
    // A study timer left running when the app closed.
    Binding {
        ctx: Ctx::TIMER,
        keys: &[(ch('k'), A::Yes)],
        label: "k",
        hint: "keep",
        help: "Keep it: log the time from its start until trailmark closed",
    },
    Binding {
        ctx: Ctx::TIMER,
        keys: &[(ch('d'), A::No)],
        label: "d",
        hint: "drop",
        help: "Drop it: log nothing",
    },
    // Stats.
    Binding {
        ctx: Ctx::STATS,
        keys: &[
            (key(K::Esc), A::Cancel),
            (ch('q'), A::Cancel),
            (ch('t'), A::Cancel),
        ],
        label: "Esc q t",
        hint: "close",
        help: "Back to the roadmap",
    },
    // Plan.
    Binding {
        ctx: Ctx::PLAN,
        keys: UP_DOWN,
        label: "↑↓ j k",
        hint: "scroll",
        help: "Scroll the plan",
    },
    Binding {
        ctx: Ctx::PLAN,
        keys: &[
            (key(K::PageUp), A::PageUp),
            (key(K::PageDown), A::PageDown),
            (ch('g'), A::Top),
            (key(K::Home), A::Top),
            (ch('G'), A::Bottom),
            (key(K::End), A::Bottom),
        ],
        label: "PgUp PgDn g G Home End",
        hint: "",
        help: "Scroll by a page, or to the top or the bottom",
    },
    Binding {
        ctx: Ctx::PLAN,
        keys: &[(ch('d'), A::EditTarget)],
        label: "d",
        hint: "target date",
        help: "Set the date to finish this roadmap by (YYYY-MM-DD; empty clears it), as `trailmark target` does",
    },
    Binding {
        ctx: Ctx::PLAN,
        keys: &[
            (key(K::Esc), A::Cancel),
            (ch('q'), A::Cancel),
            (ch('w'), A::Cancel),
        ],
        label: "Esc q w",
        hint: "close",
        help: "Back to the roadmap",
    },
    // Help.
    Binding {
        ctx: Ctx::HELP,
        keys: UP_DOWN,
        label: "↑↓ j k",
        hint: "scroll",
        help: "Scroll the help",
    },
    Binding {
        ctx: Ctx::HELP,
        keys: &[
            (key(K::PageUp), A::PageUp),
            (key(K::PageDown), A::PageDown),
            (ch('g'), A::Top),
            (ch('G'), A::Bottom),
        ],
        label: "PgUp PgDn g G",
        hint: "",
        help: "Scroll by a page, or to the top or the bottom",
    },
    Binding {
        ctx: Ctx::HELP,
        keys: &[
            (key(K::Esc), A::Cancel),
            (ch('q'), A::Cancel),
            (ch('?'), A::Cancel),
        ],
        label: "Esc q ?",
        hint: "close",
        help: "Close the help",
    },
];

/// What a paste does, for the help.
pub const PASTE_HELP: &str = "Pasted text goes into the note, estimate, pace or search field as text (line breaks become spaces); it never runs keys, and outside a text field it is ignored.";

/// What the mouse does, for the help (mouse events are not keys, so they are
/// mapped in [`map_event`] rather than in the table).
pub const MOUSE_HELP: &str =
    "A click selects a pane and a row; the wheel scrolls the pane under the pointer.";
