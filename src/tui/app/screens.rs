//! What the screen holds besides the selections: the panes, the popup or
//! view open over them (switcher, help, search, editor, stats, plan, info,
//! prompts) with the state each keeps, and the data the switcher and the
//! stats screen are built from.

use super::{App, FIRST_RUN_CHOICE, PlanView};
use crate::estimate::Total;
use crate::forecast::{self, Index, WeekPoint};
use crate::tui::editor::LineEditor;
use crate::tui::keys::Ctx;
use crate::tui::search::Search;
use crate::tui::undo::Place;

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

/// How many weeks of history the burndown covers at most (ten years).
pub const WEEKS_SHOWN: usize = 520;

/// The stats screen's series, computed when it opens.
#[derive(Debug, Clone, Default)]
pub struct StatsData {
    pub series: Vec<WeekPoint>,
    pub planned: Vec<f64>,
    pub streak: usize,
    /// The study days of the last [`CALENDAR_WEEKS`](forecast::calendar::CALENDAR_WEEKS) weeks.
    pub calendar: Option<forecast::calendar::Calendar>,
}

impl App {
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

    /// The switcher on screen: alone, or under help.
    pub fn shown_switcher(&self) -> Option<&Switcher> {
        match &self.overlay {
            Overlay::Switcher(s) => Some(s),
            Overlay::Help { under, .. } => match under.as_deref() {
                Some(Overlay::Switcher(s)) => Some(s),
                _ => None,
            },
            _ => None,
        }
    }

    fn shown_switcher_mut(&mut self) -> Option<&mut Switcher> {
        match &mut self.overlay {
            Overlay::Switcher(s) => Some(s),
            Overlay::Help { under, .. } => match under.as_deref_mut() {
                Some(Overlay::Switcher(s)) => Some(s),
                _ => None,
            },
            _ => None,
        }
    }

    /// The shown switcher's numbers brought up to date (after another
    /// copy's change was read, say), keeping its highlight and scroll.
    pub fn refresh_switcher(&mut self) {
        if self.shown_switcher().is_none() {
            return;
        }
        let rows = self.switcher().rows;
        if let Some(s) = self.shown_switcher_mut() {
            s.rows = rows;
        }
    }

    /// The stats screen's data for the open roadmap.
    pub fn stats(&self) -> StatsData {
        let Some(roadmap) = self.roadmap() else {
            return StatsData::default();
        };
        let progress = self.store.progress();
        let index = Index::new(roadmap, progress);
        let series = forecast::weekly_series(roadmap, progress, &index, self.today, WEEKS_SHOWN);
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
}
