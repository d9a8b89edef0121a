//! The plan view's rows (`w`): the week-by-week plan of the open roadmap
//! (see [`crate::forecast::plan`]) turned into lines once, when the view
//! opens or the target date changes, so that a frame only draws them.

use chrono::{Days, NaiveDate};

use super::{App, Editor, Overlay};
use crate::forecast::{self, Index, PaceSource, Plan, TargetCheck};

/// One line of the plan view.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanRow {
    /// A week's heading: "this week", "next week" or its Monday, its hours.
    Week {
        label: String,
        /// Hours of work planned that week, when a pace is known.
        hours: Option<f64>,
        /// The week holding today: highlighted.
        current: bool,
        /// The week starts after the target date: marked behind.
        late: bool,
    },
    /// A skill that starts that week: its title (from the roadmap file, so
    /// cleaned when drawn) and whether it has no estimate at all.
    Skill { title: String, unestimated: bool },
    /// Where the target date falls between the weeks.
    Target(NaiveDate),
}

/// The plan view's state: its lines, the summary above them, the scroll,
/// and the target date editor while it is open.
#[derive(Debug, Clone, Default)]
pub struct PlanView {
    /// "Plan at 10 h/week (your pace) · finish 2027-07-16".
    pub heading: String,
    /// "Target 2027-03-31: behind by 6 weeks: needs …", or how to set one.
    pub verdict: String,
    /// Whether the verdict is a warning (behind).
    pub behind: bool,
    pub rows: Vec<PlanRow>,
    pub scroll: usize,
    /// The target date editor (`d`), over the plan.
    pub editor: Option<Editor>,
}

/// "this week", "next week", else "week of 2026-12-14".
fn week_label(week_start: NaiveDate, today: NaiveDate) -> String {
    let this = forecast::week_start(today);
    if week_start == this {
        format!("this week ({week_start})")
    } else if this.checked_add_days(Days::new(7)) == Some(week_start) {
        format!("next week ({week_start})")
    } else {
        format!("week of {week_start}")
    }
}

fn heading(plan: &Plan) -> String {
    let pace = match plan.pace {
        Some(p) => {
            let whose = match p.source {
                PaceSource::Measured => "your measured pace",
                PaceSource::Set => "your pace",
                PaceSource::Roadmap => "the roadmap's pace",
            };
            format!("Plan at {} h/week ({whose})", p.hours())
        }
        None => "Plan at the roadmap's own weeks (it states no weekly hours)".to_owned(),
    };
    match plan.finish {
        Some(f) => format!("{pace} · finish {f}"),
        None => pace,
    }
}

fn verdict(check: Option<&TargetCheck>) -> (String, bool) {
    let Some(c) = check else {
        return ("No target date · d sets one".to_owned(), false);
    };
    (
        format!("Target {}: {}", c.target_date, c.verdict()),
        c.on_track == Some(false),
    )
}

/// The plan's lines: each week's heading and skills, and the target date's
/// line before the first week that starts after it (or at the end).
fn rows(plan: &Plan, today: NaiveDate, title: impl Fn(&str) -> String) -> Vec<PlanRow> {
    let this_week = forecast::week_start(today);
    let mut rows = Vec::new();
    let mut target_shown = plan.target_date.is_none();
    for w in &plan.weeks {
        let late = plan
            .target_date
            .is_some_and(|t| forecast::plan::after_target(t, w.week_start));
        if late && !target_shown {
            rows.push(PlanRow::Target(plan.target_date.unwrap_or(w.week_start)));
            target_shown = true;
        }
        let unestimated_week = !w.unestimated.is_empty() && w.unestimated.len() == w.skills.len();
        rows.push(PlanRow::Week {
            label: if unestimated_week {
                "then, unestimated (not placed in time)".to_owned()
            } else {
                week_label(w.week_start, today)
            },
            hours: plan.hours(w).filter(|h| *h > 0.0),
            current: w.week_start == this_week,
            late,
        });
        if let Some(id) = w.continuing.as_ref().filter(|_| w.skills.is_empty()) {
            rows.push(PlanRow::Skill {
                title: format!("… {} continues", title(id)),
                unestimated: false,
            });
        }
        for id in &w.skills {
            rows.push(PlanRow::Skill {
                title: title(id),
                unestimated: w.unestimated.contains(id),
            });
        }
    }
    if let (false, Some(t)) = (target_shown, plan.target_date) {
        rows.push(PlanRow::Target(t));
    }
    rows
}

impl App {
    /// Lays the open plan view out again, keeping its scroll and editor: the
    /// progress changed (a save, another copy's change) or the day did.
    pub(super) fn refresh_plan(&mut self) {
        if let Overlay::Plan(open) = &self.overlay {
            let (scroll, editor) = (open.scroll, open.editor.clone());
            self.overlay = Overlay::Plan(Box::new(PlanView {
                scroll,
                editor,
                ..self.plan_view()
            }));
        }
    }

    /// The plan view of the open roadmap, at today's date.
    pub fn plan_view(&self) -> PlanView {
        let Some(roadmap) = self.roadmap() else {
            return PlanView::default();
        };
        let progress = self.store.progress();
        let index = Index::new(roadmap, progress);
        let measured = forecast::measured_hours_per_week(roadmap, progress, self.today);
        let plan = forecast::plan(roadmap, progress, &index, self.today, measured);
        let pace = plan.pace.map(|p| p.hours_per_week);
        let check = plan.target_date.map(|t| {
            forecast::check_target(roadmap, pace, &self.view.summary.overall, t, self.today)
        });
        let title = |id: &str| {
            roadmap
                .skills()
                .find(|(_, s)| s.id == id)
                .map_or_else(|| id.to_owned(), |(_, s)| s.title.clone())
        };
        let rows = rows(&plan, self.today, title);
        let (verdict, behind) = verdict(check.as_ref());
        PlanView {
            heading: heading(&plan),
            verdict,
            behind,
            rows,
            scroll: 0,
            editor: None,
        }
    }
}
