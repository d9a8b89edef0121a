//! `trailmark target` and `trailmark plan`: a date to finish by, and the
//! skills still to do laid onto calendar weeks (see [`crate::forecast::plan`]).

use std::io::Write;
use std::process::ExitCode;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::output::{plural, write_json};
use super::tracking::{pick, today};
use crate::catalog::Catalog;
use crate::forecast::target::HoursRange;
use crate::forecast::{self, Index, PaceSource, Plan, TargetCheck};
use crate::progress::{self, Progress, Store};
use crate::roadmap::Roadmap;
use crate::text::inert;

/// A target date that is not a date: a usage error (exit 2).
#[derive(Debug, thiserror::Error)]
#[error(
    "`{0}` is not a date; write the day to finish by as YYYY-MM-DD, e.g. `trailmark target ROADMAP 2027-06-30` (or `--clear` to remove it)"
)]
pub struct BadDate(pub String);

/// The roadmap's standing against its target date, if it has one.
pub(super) fn target_check(
    roadmap: &Roadmap,
    progress: &Progress,
    overall: &forecast::Summary,
    today: NaiveDate,
) -> Option<TargetCheck> {
    let target = progress.target_date(&roadmap.id)?;
    let pace = forecast::your_pace(roadmap, progress, today).map(|p| p.hours_per_week);
    Some(forecast::check_target(
        roadmap, pace, overall, target, today,
    ))
}

/// Sets (`date`) or clears the roadmap's target date, then says where it stands.
pub(super) fn target(
    catalog: &Catalog,
    store: &mut Store,
    id: &str,
    date: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let roadmap = &catalog.require(id)?.roadmap;
    let date = match date {
        Some(text) => {
            Some(crate::roadmap::parse_date(text.trim()).ok_or_else(|| BadDate(text.to_owned()))?)
        }
        None => None,
    };
    store.update(|p| p.set_target_date(&roadmap.id, date, progress::now()))?;
    super::tracking::remember_roadmap(store, &roadmap.id);
    let Some(date) = date else {
        writeln!(out, "{}: no target date.", roadmap.id)?;
        return Ok(ExitCode::SUCCESS);
    };
    let today = today();
    let prog = store.progress();
    let summary = forecast::summarize(roadmap, prog);
    writeln!(out, "{}: finish by {date}.", roadmap.id)?;
    if date < today {
        writeln!(out, "Note: {date} has already passed (today is {today}).")?;
    }
    if let Some(check) = target_check(roadmap, prog, &summary.overall, today) {
        writeln!(out, "{}", target_line(&check))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The keys `status --json` gains from a target date: all `null` without one.
#[derive(Serialize)]
pub(super) struct TargetJson {
    /// The learner's target date for the roadmap.
    target_date: Option<NaiveDate>,
    /// Weekly hours (`{min, max}`, tenths rounded up, as the text says them) the remaining estimate needs,
    /// at the roadmap's pace, to end by the target date.
    hours_per_week_needed: Option<HoursRange>,
    /// Whether the finish at the learner's pace is on or before the target.
    on_track: Option<bool>,
}

impl From<Option<&TargetCheck>> for TargetJson {
    fn from(check: Option<&TargetCheck>) -> Self {
        Self {
            target_date: check.map(|t| t.target_date),
            // The figures the text says: tenths, rounded up.
            hours_per_week_needed: check.and_then(|t| t.hours_per_week_needed).map(|h| {
                HoursRange {
                    min: h.min_tenths(),
                    max: h.max_tenths(),
                }
            }),
            on_track: check.and_then(|t| t.on_track),
        }
    }
}

/// `Target: 2027-06-30, on track` and the like, for `status` and `target`.
pub(super) fn target_line(check: &TargetCheck) -> String {
    format!("{}, {}", check.target_date, check.verdict())
}

#[derive(Serialize)]
struct PlanJson<'a> {
    roadmap: &'a str,
    weeks: Vec<WeekJson<'a>>,
    finish: Option<NaiveDate>,
    target_date: Option<NaiveDate>,
    /// Weekly hours the plan is laid out at, and where they come from.
    pace: Option<forecast::PlanPace>,
}

#[derive(Serialize)]
struct WeekJson<'a> {
    week_start: NaiveDate,
    skills: &'a [String],
    hours: Option<f64>,
    /// The skills among `skills` with no estimate (placed last).
    unestimated: &'a [String],
    /// The skill still under way as the week starts, begun before it.
    continuing: Option<&'a str>,
}

/// Prints the plan of the named (or last used) roadmap.
pub(super) fn plan(
    catalog: &Catalog,
    store: &Store,
    id: Option<&str>,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let roadmap = pick(catalog, store, id)?;
    let prog = store.progress();
    let today = today();
    let index = Index::new(roadmap, prog);
    let plan = forecast::plan(
        roadmap,
        prog,
        &index,
        today,
        forecast::measured_hours_per_week(roadmap, prog, today),
    );
    if json {
        let doc = PlanJson {
            roadmap: &roadmap.id,
            weeks: plan
                .weeks
                .iter()
                .map(|w| WeekJson {
                    week_start: w.week_start,
                    skills: &w.skills,
                    hours: plan.hours(w).map(|h| (h * 100.0).round() / 100.0),
                    unestimated: &w.unestimated,
                    continuing: w.continuing.as_deref(),
                })
                .collect(),
            finish: plan.finish,
            target_date: plan.target_date,
            pace: plan.pace,
        };
        write_json(out, &doc)?;
        return Ok(ExitCode::SUCCESS);
    }
    let summary = forecast::summarize_timed(roadmap, prog, &index.times);
    write_plan(out, roadmap, &plan, today)?;
    if let Some(check) = target_check(roadmap, prog, &summary.overall, today) {
        writeln!(out, "Target:  {}", target_line(&check))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// "this week", "next week", else the week's Monday.
fn week_label(week_start: NaiveDate, today: NaiveDate) -> String {
    let this = forecast::week_start(today);
    if week_start == this {
        "this week".to_owned()
    } else if this.checked_add_days(Days::new(7)) == Some(week_start) {
        "next week".to_owned()
    } else {
        format!("week of {week_start}")
    }
}

fn pace_words(plan: &Plan) -> String {
    match plan.pace {
        Some(p) => {
            let whose = match p.source {
                PaceSource::Measured => "your measured pace",
                PaceSource::Set => "your pace",
                PaceSource::Roadmap => "the roadmap's pace",
            };
            format!("at {} h/week ({whose})", p.hours())
        }
        None => "at the roadmap's own weeks (it states no weekly hours)".to_owned(),
    }
}

fn write_plan(
    out: &mut dyn Write,
    r: &Roadmap,
    plan: &Plan,
    today: NaiveDate,
) -> anyhow::Result<()> {
    writeln!(out, "{} ({})", r.title, r.id)?;
    writeln!(out, "Plan {}", pace_words(plan))?;
    if plan.weeks.is_empty() {
        writeln!(out, "Nothing left to do.")?;
        return Ok(());
    }
    let title = |id: &str| {
        r.skills().find(|(_, s)| s.id == id).map_or_else(
            || inert(id).into_owned(),
            |(_, s)| inert(&s.title).into_owned(),
        )
    };
    let mut target_shown = plan.target_date.is_none();
    for w in &plan.weeks {
        if !target_shown
            && plan
                .target_date
                .is_some_and(|t| forecast::plan::after_target(t, w.week_start))
        {
            target_line_in_plan(out, plan)?;
            target_shown = true;
        }
        writeln!(out)?;
        let hours = plan
            .hours(w)
            .filter(|h| *h > 0.0)
            .map(|h| format!(" · {h:.1} h"))
            .unwrap_or_default();
        let label = week_label(w.week_start, today);
        if w.unestimated.len() == w.skills.len() && !w.unestimated.is_empty() {
            let n = w.skills.len();
            writeln!(
                out,
                "Then, unestimated ({n} skill{}: no time estimate, so not placed in time):",
                plural(n)
            )?;
        } else if label.starts_with("week of") {
            writeln!(out, "{}{hours}", capitalized(&label))?;
        } else {
            writeln!(out, "{} ({}){hours}", capitalized(&label), w.week_start)?;
        }
        if let Some(id) = w.continuing.as_ref().filter(|_| w.skills.is_empty()) {
            writeln!(out, "  … {} continues", title(id))?;
        }
        for id in &w.skills {
            writeln!(out, "  • {}", title(id))?;
        }
    }
    if !target_shown {
        target_line_in_plan(out, plan)?;
    }
    writeln!(out)?;
    match plan.finish {
        Some(f) => writeln!(out, "Finish:  {f}")?,
        None => writeln!(out, "Finish:  not known (no estimates to go on)")?,
    }
    Ok(())
}

fn target_line_in_plan(out: &mut dyn Write, plan: &Plan) -> anyhow::Result<()> {
    if let Some(t) = plan.target_date {
        writeln!(out)?;
        writeln!(out, "── target date {t} ──")?;
    }
    Ok(())
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
