//! The one key table. Each row names its keys, where they apply, the action
//! they send, a short footer hint and a help sentence; the key handler
//! ([`lookup`]), the footer ([`hints`]) and the `?` help ([`help_sections`])
//! are all read from it, so they cannot disagree.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;
use crate::progress::Status;

/// Where a binding applies: a set of panes and popups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ctx(u16);

impl Ctx {
    pub const PHASES: Ctx = Ctx(1);
    pub const SKILLS: Ctx = Ctx(1 << 1);
    pub const DETAILS: Ctx = Ctx(1 << 2);
    pub const SWITCHER: Ctx = Ctx(1 << 3);
    pub const HELP: Ctx = Ctx(1 << 4);
    pub const SEARCH: Ctx = Ctx(1 << 5);
    pub const EDITOR: Ctx = Ctx(1 << 6);
    pub const CONFIRM: Ctx = Ctx(1 << 7);
    pub const STATS: Ctx = Ctx(1 << 8);
    /// Added to the main panes while an unreadable progress file can be moved aside.
    pub const RECOVER: Ctx = Ctx(1 << 9);
    /// The prompt when quitting with changes that could not be saved.
    pub const QUIT: Ctx = Ctx(1 << 12);
    /// The switcher on the first run, before any roadmap is open.
    pub const PICKER: Ctx = Ctx(1 << 10);
    /// The roadmap info view.
    pub const INFO: Ctx = Ctx(1 << 11);
    /// The question about a study timer left running when the app closed.
    pub const TIMER: Ctx = Ctx(1 << 13);
    /// The week-by-week plan view.
    pub const PLAN: Ctx = Ctx(1 << 14);
    /// Where a skill is on screen: its status keys apply there only.
    pub const SKILL: Ctx = Ctx::SKILLS.with(Ctx::DETAILS);
    /// The switcher, whether or not a roadmap is open.
    pub const CHOOSER: Ctx = Ctx::SWITCHER.with(Ctx::PICKER);
    /// Screens where `?` opens the help.
    pub const SCREENS: Ctx = Ctx::MAIN
        .with(Ctx::CHOOSER)
        .with(Ctx::STATS)
        .with(Ctx::INFO)
        .with(Ctx::PLAN);
    pub const LISTS: Ctx = Ctx::PHASES.with(Ctx::SKILLS);
    /// The text fields: search and editor.
    pub const TEXT: Ctx = Ctx::SEARCH.with(Ctx::EDITOR);
    pub const MAIN: Ctx = Ctx::LISTS.with(Ctx::DETAILS);
    pub const ALL: Ctx = Ctx(u16::MAX);

    #[must_use]
    pub const fn with(self, other: Ctx) -> Ctx {
        Ctx(self.0 | other.0)
    }

    pub const fn intersects(self, other: Ctx) -> bool {
        self.0 & other.0 != 0
    }

    /// The heading a group of bindings gets in the help.
    fn title(self) -> &'static str {
        match self {
            Ctx::ALL => "Everywhere",
            Ctx::LISTS => "Phase and skill lists",
            Ctx::DETAILS => "Details pane",
            Ctx::MAIN => "Main screen (any pane)",
            Ctx::PHASES => "Phases pane",
            Ctx::SKILL => "Skills and details panes (the selected skill)",
            Ctx::CHOOSER => "Roadmap switcher (r) and first-run picker",
            Ctx::PICKER => "First-run picker",
            Ctx::INFO => "Roadmap info (i)",
            Ctx::SCREENS => "Every screen",
            Ctx::RECOVER => "When the progress file cannot be read",
            Ctx::SWITCHER => "Roadmap switcher (r), once a roadmap is open",
            Ctx::SEARCH => "Search (/)",
            Ctx::EDITOR => "Editors: note, estimate, pace, target date (n, e, P, d in the plan)",
            Ctx::TEXT => "Typing in the search or the editor",
            Ctx::CONFIRM => "Recovery prompt",
            Ctx::QUIT => "Quitting with unsaved changes",
            Ctx::TIMER => "A study timer left running when trailmark closed",
            Ctx::STATS => "Stats screen (t)",
            Ctx::PLAN => "Plan (w)",
            Ctx::HELP => "This help (?)",
            _ => "Other",
        }
    }
}

/// What sets a binding off: a key with its modifiers (Shift is ignored, as
/// terminals disagree on it), or any printable character in a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Key(KeyCode, KeyModifiers),
    Text,
}

const fn key(code: KeyCode) -> Trigger {
    Trigger::Key(code, KeyModifiers::NONE)
}

const fn ch(c: char) -> Trigger {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Trigger {
    Trigger::Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// One row of the key table.
#[derive(Debug)]
pub struct Binding {
    pub ctx: Ctx,
    /// Each key with the action it sends (`↑` and `↓` share a row).
    pub keys: &'static [(Trigger, Action)],
    /// How the help writes the keys; the footer uses the first word.
    pub label: &'static str,
    /// The footer's word for it; empty keeps it out of the footer.
    pub hint: &'static str,
    pub help: &'static str,
}

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
        help: "Set your weekly hours: the header's weeks left and finish date follow your pace",
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

/// The action a key sends in this context, if any.
pub fn lookup(ctx: Ctx, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let mods = event.modifiers.difference(KeyModifiers::SHIFT);
    let typed = match event.code {
        KeyCode::Char(c) if !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => Some(c),
        _ => None,
    };
    BINDINGS
        .iter()
        .filter(|b| b.ctx.intersects(ctx))
        .flat_map(|b| b.keys.iter())
        .find_map(|(trigger, action)| match *trigger {
            Trigger::Key(code, m) if code == event.code && m == mods => Some(action.clone()),
            Trigger::Text => typed.map(|c| action.clone().with_char(c)),
            Trigger::Key(..) => None,
        })
}

/// Any terminal event as an action: keys through the table, then the mouse
/// and resizes.
pub fn map_event(ctx: Ctx, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => lookup(ctx, *key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        // Bracketed paste: text for a text field, never keys; elsewhere ignored.
        Event::Paste(text) if ctx.intersects(Ctx::TEXT) => Some(Action::Paste(text.clone())),
        _ => None,
    }
}

/// The footer's `(keys, hint)` pairs for this context, in table order.
pub fn hints(ctx: Ctx) -> impl Iterator<Item = (&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(move |b| b.ctx.intersects(ctx) && !b.hint.is_empty())
        .map(|b| (b.label.split(' ').next().unwrap_or(b.label), b.hint))
}

/// The help: a heading per group of rows, each row with its keys and sentence.
pub fn help_sections() -> Vec<(&'static str, Vec<&'static Binding>)> {
    let mut sections: Vec<(Ctx, Vec<&'static Binding>)> = Vec::new();
    for b in BINDINGS {
        match sections.iter_mut().find(|(ctx, _)| *ctx == b.ctx) {
            Some((_, rows)) => rows.push(b),
            None => sections.push((b.ctx, vec![b])),
        }
    }
    sections
        .into_iter()
        .map(|(ctx, rows)| (ctx.title(), rows))
        .collect()
}

/// How a key is written in labels, for checking that labels tell the truth.
#[cfg(test)]
fn key_name(trigger: Trigger) -> String {
    match trigger {
        Trigger::Text => "any character".to_owned(),
        Trigger::Key(code, mods) => {
            let base = match code {
                K::Up => "↑".to_owned(),
                K::Down => "↓".to_owned(),
                K::Left => "←".to_owned(),
                K::Right => "→".to_owned(),
                K::PageUp => "PgUp".to_owned(),
                K::PageDown => "PgDn".to_owned(),
                K::BackTab => "Shift-Tab".to_owned(),
                K::Delete => "Del".to_owned(),
                K::Char(' ') => "Space".to_owned(),
                K::Char(c) => c.to_string(),
                other => other.to_string(),
            };
            if mods.contains(KeyModifiers::CONTROL) {
                format!("Ctrl-{base}")
            } else {
                base
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn every_label_names_each_of_its_keys() {
        for b in BINDINGS {
            let words: Vec<&str> = b.label.split(' ').collect();
            for (trigger, _) in b.keys {
                let name = key_name(*trigger);
                let found = words
                    .iter()
                    .any(|w| *w == name || (w.chars().count() == 2 && w.contains(&name)))
                    || b.label == name;
                assert!(found, "label `{}` does not name `{name}`", b.label);
            }
            assert!(!b.help.is_empty());
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let contexts = [
            Ctx::PHASES,
            Ctx::SKILLS,
            Ctx::DETAILS,
            Ctx::SWITCHER,
            Ctx::HELP,
            Ctx::SEARCH,
            Ctx::EDITOR,
            Ctx::CONFIRM,
            Ctx::STATS,
            Ctx::PICKER,
            Ctx::INFO,
            Ctx::PLAN,
            Ctx::SKILLS.with(Ctx::RECOVER),
        ];
        for ctx in contexts {
            let mut seen = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.ctx.intersects(ctx)) {
                for (trigger, _) in b.keys {
                    assert!(!seen.contains(trigger), "{trigger:?} twice in {ctx:?}");
                    seen.push(*trigger);
                }
            }
        }
    }

    #[test]
    fn lookup_ignores_shift_and_types_characters() {
        let shift_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Ctx::SKILLS, shift_g), Some(Action::Bottom));
        assert_eq!(
            lookup(
                Ctx::SKILLS,
                press(KeyCode::Char('r'), KeyModifiers::CONTROL)
            ),
            Some(Action::Redo)
        );
        assert_eq!(
            lookup(Ctx::EDITOR, press(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Insert('q'))
        );
        assert_eq!(lookup(Ctx::SEARCH, shift_g), Some(Action::Insert('G')));
        assert_eq!(
            lookup(
                Ctx::EDITOR,
                press(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            lookup(Ctx::EDITOR, press(KeyCode::Char('x'), KeyModifiers::ALT)),
            None
        );
        assert_eq!(
            lookup(Ctx::SKILLS, press(KeyCode::Char('R'), KeyModifiers::SHIFT)),
            None
        );
        assert_eq!(
            lookup(
                Ctx::SKILLS.with(Ctx::RECOVER),
                press(KeyCode::Char('R'), KeyModifiers::SHIFT)
            ),
            Some(Action::AskRecover)
        );
        let mut release = press(KeyCode::Char('j'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(lookup(Ctx::SKILLS, release), None);
    }

    #[test]
    fn footer_and_help_come_from_the_table() {
        let skills: Vec<_> = hints(Ctx::SKILLS).collect();
        assert!(skills.contains(&("Space", "done")));
        assert!(skills.contains(&("↑↓", "move")));
        assert!(!skills.contains(&("↑↓", "project")));
        let details: Vec<_> = hints(Ctx::DETAILS).collect();
        assert!(details.contains(&("↑↓", "project")));
        let rows: usize = help_sections().iter().map(|(_, rows)| rows.len()).sum();
        assert_eq!(rows, BINDINGS.len());
    }
}
