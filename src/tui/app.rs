//! The TUI's state, free of any terminal: the catalog and the progress
//! store, what is selected in each pane, which popup is open, the undo
//! stacks, the status message, and a cache of the numbers every frame shows.
//! [`update`](super::update::update) changes it; [`ui`] draws it.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::layout::{Rect, Size};

use super::Launch;
use super::editor::LineEditor;
use super::keys::Ctx;
use super::layout;
use super::search::Search;
use super::theme::Theme;
use super::ui;
use super::undo::{History, Place};
use crate::catalog::Catalog;
use crate::estimate::{Total, Weeks};
use crate::forecast::{self, Forecast, Index, RoadmapSummary, Summary, WeekPoint};
use crate::progress::{Mode, SkillRecord, Store, skill_record_id};
use crate::roadmap::{Phase, Project, Roadmap, Skill};
use crate::state::Places;

mod live;
mod places;
mod plan;
mod saving;
mod timer;

pub use plan::{PlanRow, PlanView};

pub use live::shared_keys;
pub use saving::Pending;
pub use timer::{Logged, minutes_between};

/// The roadmap the first-run picker highlights: an estimate for every phase
/// and a stated pace, so opening it shows weeks and a finish date.
pub const FIRST_RUN_CHOICE: &str = "backend-six-phases";

/// The three panes of the main screen, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Phases,
    Skills,
    Details,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Phases, Pane::Skills, Pane::Details];

    pub fn index(self) -> usize {
        match self {
            Pane::Phases => 0,
            Pane::Skills => 1,
            Pane::Details => 2,
        }
    }

    pub fn ctx(self) -> Ctx {
        match self {
            Pane::Phases => Ctx::PHASES,
            Pane::Skills => Ctx::SKILLS,
            Pane::Details => Ctx::DETAILS,
        }
    }
}

/// What is drawn over (or instead of) the panes, and owns the keys meanwhile.
#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    Switcher(Switcher),
    /// The help, over what was open when `?` was pressed (restored on close).
    Help {
        scroll: usize,
        under: Option<Box<Overlay>>,
    },
    /// The roadmap info view: summary, source, totals, pace, tips.
    Info {
        scroll: usize,
    },
    Search(Search),
    Editor(Editor),
    /// Asks whether to move an unreadable progress file aside.
    ConfirmRecover,
    /// Quitting with changes that could not be saved: retry, move the
    /// unreadable file aside, or quit without them.
    ConfirmQuit,
    Stats(Box<StatsData>),
    /// A study timer was still running when the app last closed: keep or drop it.
    TimerLeft,
    /// The week-by-week plan (`w`), with the target date editor over it.
    Plan(Box<PlanView>),
}

/// The roadmap switcher, and on the first run the picker.
#[derive(Debug, Clone)]
pub struct Switcher {
    /// Index into `order`, not into the catalog.
    pub selected: usize,
    /// Catalog indices in the order the switcher lists them (see
    /// [`Catalog::display_order`]).
    pub order: Vec<usize>,
    pub offset: usize,
    /// One per catalog entry (by catalog index), computed when the switcher opens.
    pub rows: Vec<SwitchRow>,
}

impl Switcher {
    /// The catalog index of the highlighted roadmap.
    pub fn chosen(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SwitchRow {
    pub percent: f64,
    pub skills: usize,
    /// Skills with a shared key that is already done or skipped, wherever it
    /// was ticked: the head start this variant gets from the others.
    pub covered: usize,
    pub remaining: Total,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    Note,
    Estimate,
    /// The learner's weekly hours (not tied to a skill).
    Pace,
    /// The open roadmap's target date (from the plan view).
    Target,
}

/// The one-line note or estimate editor.
#[derive(Debug, Clone)]
pub struct Editor {
    pub kind: EditKind,
    /// The skill edited; `None` for the pace and the target date.
    pub place: Option<Place>,
    pub input: LineEditor,
    /// Why the last Enter was refused (an estimate that does not parse).
    pub error: Option<String>,
}

/// The stats screen's series, computed when it opens.
#[derive(Debug, Clone, Default)]
pub struct StatsData {
    pub series: Vec<WeekPoint>,
    pub planned: Vec<f64>,
    pub streak: usize,
    /// The study days of the last [`CALENDAR_WEEKS`](forecast::calendar::CALENDAR_WEEKS) weeks.
    pub calendar: Option<forecast::calendar::Calendar>,
}

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

/// Numbers for the open roadmap, recomputed when progress changes rather
/// than on every frame: a frame reads them, it never sums a roadmap.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// The catalog index these numbers are for.
    pub roadmap: Option<usize>,
    pub summary: RoadmapSummary,
    /// Each skill's time (see [`forecast::skill_times`]), per phase.
    pub times: Vec<Vec<Option<Weeks>>>,
    pub forecast: Forecast,
    /// Study time logged, the measured weekly hours and the finish date at them.
    pub measured: forecast::measured::Measured,
    /// The phases each progress record appears in, so that a change to one
    /// skill recomputes only its phases.
    pub records: HashMap<String, Vec<usize>>,
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
        store.set_roadmaps(catalog.entries.iter().map(|e| &e.roadmap));
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

    /// Recomputes the cached numbers of the open roadmap: when it opens, and
    /// after a save (which may merge in another trailmark's changes).
    pub fn refresh(&mut self) {
        let Some(i) = self.current else {
            self.view = View::default();
            return;
        };
        let roadmap = &self.catalog.entries[i].roadmap;
        let progress = self.store.progress();
        let index = Index::new(roadmap, progress);
        let summary = forecast::summarize_timed(roadmap, progress, &index.times);
        let forecast = forecast::forecast(roadmap, progress, &index, &summary, self.today);
        let measured = forecast::measured::measured(
            roadmap,
            progress,
            summary.overall.remaining.weeks,
            self.today,
        );
        let times = index.times;
        let records = if self.view.roadmap == Some(i) {
            std::mem::take(&mut self.view.records)
        } else {
            let mut records: HashMap<String, Vec<usize>> = HashMap::new();
            for (pi, skill) in roadmap.skills() {
                let phases = records
                    .entry(skill_record_id(&roadmap.id, skill))
                    .or_default();
                if phases.last() != Some(&pi) {
                    phases.push(pi);
                }
            }
            records
        };
        self.view = View {
            roadmap: Some(i),
            summary,
            times,
            forecast,
            measured,
            records,
        };
        self.refresh_plan();
    }

    /// Recomputes only what one changed record affects: its phases, the
    /// totals, and the finish dates at the last measured rate. Keeps a key
    /// press cheap at any roadmap size; the rate itself is measured again by
    /// the [`refresh`](Self::refresh) after the save.
    /// `times_changed` is for personal estimates: a status change leaves
    /// every skill's time as it was.
    pub fn refresh_record(&mut self, record: &str, times_changed: bool) {
        let Some(i) = self.current else {
            return;
        };
        if self.view.roadmap != Some(i) {
            self.refresh();
            return;
        }
        let roadmap = &self.catalog.entries[i].roadmap;
        let progress = self.store.progress();
        let Some(phases) = self.view.records.get(record) else {
            return;
        };
        for &pi in phases {
            let phase = &roadmap.phases[pi];
            self.view.summary.phases[pi] = forecast::summarize_phase(&roadmap.id, phase, progress);
            if times_changed {
                self.view.times[pi] = forecast::skill_times(&roadmap.id, phase, progress);
            }
        }
        self.view.summary.overall = Summary::total_of(&self.view.summary.phases);
        let remaining = self.view.summary.overall.remaining.weeks;
        let f = &mut self.view.forecast;
        f.by_pace = forecast::finish_by_pace(
            remaining,
            roadmap.pace_hours_per_week,
            f.pace.map(|p| p.hours_per_week),
            self.today,
        );
        f.by_history = forecast::finish_by_history(remaining, f.rate, self.today);
        let m = &mut self.view.measured;
        m.finish = forecast::measured::finish_at_measured_pace(
            remaining,
            roadmap.pace_hours_per_week,
            m.hours_per_week,
            self.today,
        );
    }

    /// The switcher's rows for every roadmap, with the open one chosen.
    pub fn switcher(&self) -> Switcher {
        let progress = self.store.progress();
        let rows = self
            .catalog
            .entries
            .iter()
            .map(|entry| {
                let roadmap = &entry.roadmap;
                let summary = forecast::summarize(roadmap, progress).overall;
                let covered = roadmap
                    .skills()
                    .filter(|(_, s)| {
                        s.key.is_some() && progress.status(&roadmap.id, s).is_finished()
                    })
                    .count();
                SwitchRow {
                    percent: summary.counts.percent_done(),
                    skills: summary.counts.total,
                    covered,
                    remaining: summary.remaining,
                }
            })
            .collect();
        let order = self.catalog.display_order();
        // The open roadmap; on a first run the most complete one, so that
        // Enter shows weeks and a finish date.
        let chosen = self
            .current
            .or_else(|| self.catalog.position(FIRST_RUN_CHOICE))
            .unwrap_or_else(|| order.first().copied().unwrap_or(0));
        Switcher {
            selected: order.iter().position(|&i| i == chosen).unwrap_or(0),
            order,
            offset: 0,
            rows,
        }
    }

    /// The stats screen's data for the open roadmap.
    pub fn stats(&self) -> StatsData {
        let Some(roadmap) = self.roadmap() else {
            return StatsData::default();
        };
        let progress = self.store.progress();
        let index = Index::new(roadmap, progress);
        let series = forecast::weekly_series(
            roadmap,
            progress,
            &index,
            self.today,
            ui::stats::WEEKS_SHOWN,
        );
        StatsData {
            planned: forecast::planned_line(&series),
            streak: forecast::streak(&index, self.today),
            series,
            calendar: Some(forecast::calendar::calendar(
                roadmap,
                progress,
                self.today,
                forecast::calendar::CALENDAR_WEEKS,
            )),
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

    /// Keeps selections in range and every selection inside its pane's
    /// visible window, for the current terminal size.
    pub fn follow(&mut self) {
        let (phases, skills, projects) = match self.roadmap() {
            Some(r) => {
                let phase = r
                    .phases
                    .get(self.phase.min(r.phases.len().saturating_sub(1)));
                (
                    r.phases.len(),
                    phase.map_or(0, |p| p.skills.len()),
                    phase.map_or(0, |p| p.projects.len()),
                )
            }
            None => (0, 0, 0),
        };
        self.phase = self.phase.min(phases.saturating_sub(1));
        self.skill = self.skill.min(skills.saturating_sub(1));
        self.project = self.project.min(projects.saturating_sub(1));
        let areas = layout::layout(self, self.area());
        let rows = |pane: Pane| areas.list_rows(pane);
        self.offsets.phases =
            layout::window(self.offsets.phases, self.phase, rows(Pane::Phases), phases);
        self.offsets.skills =
            layout::window(self.offsets.skills, self.skill, rows(Pane::Skills), skills);
        let details = ui::details::content(self, areas.details_width());
        let max = details.lines.len().saturating_sub(rows(Pane::Details));
        self.offsets.details = self.offsets.details.min(max);
        let area = self.area();
        match &mut self.overlay {
            Overlay::Switcher(s) => {
                let rows = layout::switcher_rows(area, s.rows.len());
                s.offset = layout::window(s.offset, s.selected, rows, s.rows.len());
            }
            Overlay::Search(s) => {
                let rows = layout::search_rows(area, s.matches.len());
                s.offset = layout::window(s.offset, s.selected, rows, s.matches.len());
            }
            Overlay::Help { scroll, .. } => {
                let max = ui::overlay::help_max_scroll(area);
                *scroll = (*scroll).min(max);
            }
            Overlay::Plan(view) => {
                view.scroll = view.scroll.min(ui::plan::max_scroll(view, areas.body));
            }
            Overlay::Info { .. } => {
                let max = ui::info::max_scroll(self, area);
                if let Overlay::Info { scroll } = &mut self.overlay {
                    *scroll = (*scroll).min(max);
                }
            }
            _ => {}
        }
    }

    /// Scrolls the details so the chosen project idea is in view.
    pub fn show_project(&mut self) {
        let areas = layout::layout(self, self.area());
        let content = ui::details::content(self, areas.details_width());
        let height = areas.list_rows(Pane::Details);
        if let Some(&(start, end)) = content.projects.get(self.project) {
            if start < self.offsets.details {
                self.offsets.details = start;
            } else if end > self.offsets.details + height {
                self.offsets.details = end.saturating_sub(height).min(start);
            }
        }
    }
}
