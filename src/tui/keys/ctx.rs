//! Where a binding applies: [`Ctx`], a set of panes and popups, and the
//! heading each group of bindings gets in the help.

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
    pub(super) fn title(self) -> &'static str {
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
