//! The TUI's state, free of any terminal: the catalog and the progress
//! store, what is selected in each pane, which popup is open, the undo
//! stacks, the status message, and a cache of the numbers every frame shows.
//! [`update`](super::update::update) changes it; [`ui`](super::ui) draws it.
//!
//! - here: [`App`] itself, building it, what is selected and the messages.
//! - `screens`: the panes and the popups and views over them.
//! - `view`: the cached numbers; `follow`: keeping selections in view.
//! - `plan`, `timer`, `saving`, `places`, `live`: the plan view, the study
//!   timer, failed saves, places per roadmap, changes made by others.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::layout::{Rect, Size};

use super::Launch;
use super::keys::Ctx;
use super::theme::Theme;
use super::undo::{History, Place};
use crate::catalog::Catalog;
use crate::progress::{Mode, SkillRecord, Store};
use crate::roadmap::{Phase, Project, Roadmap, Skill};
use crate::state::Places;

mod follow;
mod live;
mod places;
mod plan;
mod saving;
mod screens;
mod timer;
mod view;

pub use plan::{PlanRow, PlanView};
pub use screens::{EditKind, Editor, Overlay, Pane, StatsData, SwitchRow, Switcher, WEEKS_SHOWN};
pub use view::View;

pub use live::shared_keys;
pub use saving::Pending;
pub use timer::{Logged, minutes_between};

/// The roadmap the first-run picker highlights: an estimate for every phase
/// and a stated pace, so opening it shows weeks and a finish date.
pub const FIRST_RUN_CHOICE: &str = "backend-six-phases";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Error,
}

/// One line of feedback after an action; the next key press clears it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub kind: MessageKind,
    pub text: String,
}

/// The progress file could not be read: why, and whether moving it aside helps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressProblem {
    pub message: String,
    pub recoverable: bool,
}

/// First visible row of each scrolling area.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Offsets {
    pub phases: usize,
    pub skills: usize,
    pub details: usize,
}

/// The whole state of the TUI. Its fields are private to the `tui` module:
/// outside it, the app is built with [`App::new`] and driven with actions.
#[derive(Debug)]
pub struct App {
    pub(in crate::tui) catalog: Catalog,
    pub(in crate::tui) store: Store,
    /// Injected, so that tests (and snapshots) do not depend on the clock.
    pub(in crate::tui) today: NaiveDate,
    /// The timestamp given to changes; the event loop sets it before each action.
    pub(in crate::tui) now: DateTime<Utc>,
    pub(in crate::tui) theme: Theme,
    /// The terminal's size, for page sizes and mouse hit-testing.
    pub(in crate::tui) size: Size,
    /// The open roadmap, by catalog index; `None` until one is picked.
    pub(in crate::tui) current: Option<usize>,
    pub(in crate::tui) focus: Pane,
    pub(in crate::tui) phase: usize,
    pub(in crate::tui) skill: usize,
    /// The chosen project idea of the selected phase.
    pub(in crate::tui) project: usize,
    /// The chosen resource of the selected skill (its own, then the
    /// vocabulary's documentation link), for `o`.
    pub(in crate::tui) resource: usize,
    /// The learner hid the banner of roadmap files that did not load.
    pub(in crate::tui) banner_dismissed: bool,
    pub(in crate::tui) offsets: Offsets,
    pub(in crate::tui) overlay: Overlay,
    pub(in crate::tui) history: History,
    pub(in crate::tui) message: Option<Message>,
    /// Roadmap files that failed to load, as their error text.
    pub(in crate::tui) load_errors: Vec<String>,
    pub(in crate::tui) progress_problem: Option<ProgressProblem>,
    /// Set while changes are not on disk because the last save failed.
    pub pending: Option<Pending>,
    /// The roadmap opened last and the place in each: browsing state, kept
    /// in the state file rather than the progress.
    pub places: Places,
    /// Catalog indices of the roadmaps using each shared key.
    pub(in crate::tui) shared: HashMap<String, Vec<usize>>,
    pub(in crate::tui) view: View,
    /// The study timer left running when the app last closed, until the
    /// learner says whether to keep it.
    pub(in crate::tui) timer_left: Option<crate::state::StudyTimer>,
}

impl App {
    /// Builds the state and opens the roadmap last open, or the picker.
    ///
    /// Reason for the length: every field is set in one struct literal, so
    /// none is left to a default by accident.
    pub fn new(launch: Launch, now: DateTime<Utc>, today: NaiveDate, theme: Theme) -> Self {
        let Launch {
            catalog,
            store,
            data_path,
            places,
        } = launch;
        let (mut store, progress_problem) = match store {
            Ok(store) => (store, None),
            Err(err) => {
                let problem = ProgressProblem {
                    message: err.to_string(),
                    recoverable: err.is_recoverable(),
                };
                let reason = "the progress file could not be read".to_owned();
                (Store::in_memory(data_path, reason), Some(problem))
            }
        };
        // Records under a skill's old id move as the roadmaps say. With no
        // record there is nothing to move yet, and a first-frame catalog is
        // followed at once by the checked one, which sets the moves that
        // later reads and merges use: a first run's picker skips the work.
        if !(catalog.first_frame && store.progress().skills.is_empty()) {
            store.set_roadmaps(catalog.entries.iter().map(|e| &e.roadmap));
        }
        let notices: Vec<String> = store.notices().iter().map(ToString::to_string).collect();
        let places = places.unwrap_or_else(|| Places::from_progress(store.progress()));
        let shared = shared_keys(&catalog);
        let load_errors = catalog.errors.iter().map(ToString::to_string).collect();
        let mut app = App {
            catalog,
            store,
            today,
            now,
            theme,
            size: Size::new(80, 24),
            current: None,
            focus: Pane::Phases,
            phase: 0,
            skill: 0,
            project: 0,
            resource: 0,
            banner_dismissed: false,
            offsets: Offsets::default(),
            overlay: Overlay::None,
            history: History::default(),
            message: None,
            load_errors,
            places,
            progress_problem,
            pending: None,
            shared,
            view: View::default(),
            timer_left: None,
        };
        app.open_last_roadmap();
        if !notices.is_empty() {
            app.info(notices.join("; "));
        }
        if app.progress_problem.as_ref().is_some_and(|p| p.recoverable) {
            app.overlay = Overlay::ConfirmRecover;
        } else {
            app.open_picker_if_needed();
            app.offer_timer_left();
        }
        app
    }

    /// The full catalog arrived (the app started on just the roadmap its
    /// first screen needed): the open roadmap is found again by id, and the
    /// shared keys, the banner and the numbers are brought up to date.
    pub fn catalog_loaded(&mut self, catalog: Catalog) {
        let open = self.roadmap().map(|r| r.id.clone());
        self.load_errors = catalog.errors.iter().map(ToString::to_string).collect();
        self.shared = shared_keys(&catalog);
        self.catalog = catalog;
        // Records kept under old ids of any roadmap now loaded count at once.
        self.store
            .set_roadmaps(self.catalog.entries.iter().map(|e| &e.roadmap));
        self.current = open.as_deref().and_then(|id| self.catalog.position(id));
        self.view = View::default();
        self.refresh();
        if let Overlay::Switcher(_) = self.overlay {
            self.overlay = Overlay::Switcher(self.switcher());
        }
        self.open_picker_if_needed();
        self.follow();
    }

    /// On the first run (or when the last roadmap is gone) the switcher is
    /// the way in.
    pub fn open_picker_if_needed(&mut self) {
        if self.current.is_none() && matches!(self.overlay, Overlay::None) {
            self.overlay = Overlay::Switcher(self.switcher());
        }
    }

    /// Sets the clock used for new changes and for dates.
    pub fn set_clock(&mut self, now: DateTime<Utc>, today: NaiveDate) {
        self.now = now;
        if today != self.today {
            self.today = today;
            self.refresh();
        }
    }

    /// The loaded roadmaps.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The keys that apply now.
    pub fn ctx(&self) -> Ctx {
        match &self.overlay {
            Overlay::None => {
                let pane = self.focus.ctx();
                if self
                    .progress_problem
                    .as_ref()
                    .is_some_and(|p| p.recoverable)
                {
                    pane.with(Ctx::RECOVER)
                } else {
                    pane
                }
            }
            Overlay::Switcher(_) if self.current.is_none() => Ctx::PICKER,
            Overlay::Switcher(_) => Ctx::SWITCHER,
            Overlay::Help { .. } => Ctx::HELP,
            Overlay::Info { .. } => Ctx::INFO,
            Overlay::Search(_) => Ctx::SEARCH,
            Overlay::Editor(_) => Ctx::EDITOR,
            Overlay::ConfirmRecover => Ctx::CONFIRM,
            Overlay::ConfirmQuit => Ctx::QUIT,
            Overlay::TimerLeft => Ctx::TIMER,
            Overlay::Stats(_) => Ctx::STATS,
            Overlay::Plan(p) if p.editor.is_some() => Ctx::EDITOR,
            Overlay::Plan(_) => Ctx::PLAN,
        }
    }

    pub fn roadmap(&self) -> Option<&Roadmap> {
        self.current.map(|i| &self.catalog.entries[i].roadmap)
    }

    pub fn current_phase(&self) -> Option<&Phase> {
        self.roadmap()?.phases.get(self.phase)
    }

    pub fn current_skill(&self) -> Option<&Skill> {
        self.current_phase()?.skills.get(self.skill)
    }

    /// The selected skill's links, in the order `,` `.` choose them: its
    /// own resources, then the vocabulary's documentation home for its key.
    /// None when no skill is selected or it has none.
    pub fn skill_links(&self) -> impl Iterator<Item = &str> {
        let skill = self.current_skill();
        let own = skill
            .into_iter()
            .flat_map(|s| s.resources.iter().map(|r| r.url.as_str()));
        let docs = skill
            .and_then(|s| s.key.as_deref())
            .and_then(crate::vocabulary::docs_url);
        own.chain(docs)
    }

    pub fn current_project(&self) -> Option<&Project> {
        self.current_phase()?.projects.get(self.project)
    }

    /// The selected skill's place, for edits.
    pub fn skill_place(&self) -> Option<Place> {
        self.current_skill()?;
        Some(Place {
            roadmap: self.current?,
            phase: self.phase,
            item: self.skill,
        })
    }

    pub fn project_place(&self) -> Option<Place> {
        self.current_project()?;
        Some(Place {
            roadmap: self.current?,
            phase: self.phase,
            item: self.project,
        })
    }

    /// The skill at a place, with its roadmap.
    pub fn skill_at(&self, place: Place) -> Option<(&Roadmap, &Skill)> {
        let roadmap = &self.catalog.entries.get(place.roadmap)?.roadmap;
        let skill = roadmap.phases.get(place.phase)?.skills.get(place.item)?;
        Some((roadmap, skill))
    }

    pub fn record(&self, roadmap: &Roadmap, skill: &Skill) -> Option<&SkillRecord> {
        self.store.progress().skill_record(&roadmap.id, skill)
    }

    /// The other roadmaps that use this skill's key.
    pub fn shared_with(&self, skill: &Skill) -> Vec<usize> {
        let Some(key) = &skill.key else {
            return Vec::new();
        };
        self.shared
            .get(key)
            .map(|users| {
                users
                    .iter()
                    .copied()
                    .filter(|i| Some(*i) != self.current)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn is_shared(&self, skill: &Skill) -> bool {
        skill
            .key
            .as_ref()
            .and_then(|k| self.shared.get(k))
            .is_some_and(|users| users.len() > 1)
    }

    pub fn read_only_reason(&self) -> Option<&str> {
        match self.store.mode() {
            Mode::ReadOnly(reason) => Some(reason),
            Mode::ReadWrite => None,
        }
    }

    /// Selects a phase. Another phase starts at its first skill and project,
    /// with its lists scrolled to the top.
    pub fn select_phase(&mut self, phase: usize) {
        if phase != self.phase {
            self.phase = phase;
            self.skill = 0;
            self.resource = 0;
            self.project = 0;
            self.offsets.skills = 0;
            self.offsets.details = 0;
        }
    }

    /// Selects a skill of the current phase; its details start at the top.
    pub fn select_skill(&mut self, skill: usize) {
        if skill != self.skill {
            self.skill = skill;
            self.resource = 0;
            self.offsets.details = 0;
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            kind: MessageKind::Info,
            text: text.into(),
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            kind: MessageKind::Error,
            text: text.into(),
        });
    }

    /// After the unreadable file was moved aside: use the fresh store,
    /// carrying over what was changed meanwhile. Returns whether that needs saving.
    pub fn recovered(&mut self, mut store: Store, aside: &Path) -> bool {
        let changed_meanwhile = *self.store.progress() != crate::progress::Progress::default();
        if changed_meanwhile {
            *store.progress_mut() = self.store.progress().clone();
        }
        self.store = store;
        self.store
            .set_roadmaps(self.catalog.entries.iter().map(|e| &e.roadmap));
        self.progress_problem = None;
        self.info(format!(
            "Moved the unreadable progress file aside to {}; starting afresh",
            aside.display()
        ));
        if self.current.is_none() {
            self.open_last_roadmap();
        }
        self.refresh();
        self.open_picker_if_needed();
        changed_meanwhile
    }

    /// The screen as a rectangle.
    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.width, self.size.height)
    }
}
