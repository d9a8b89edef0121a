//! What the progress commands share (which roadmap, today, the counts in
//! JSON) and `pace`. `status`, `export`, `mark`/`estimate`/`note` and `reset`
//! have their own modules.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use super::output::warn;
use crate::catalog::Catalog;
use crate::estimate::Weeks;
use crate::forecast::{self, Summary};
use crate::progress::{self, Store};
use crate::roadmap::Roadmap;
use crate::state::{self, Places};

/// No roadmap named and none opened before.
#[derive(Debug, thiserror::Error)]
#[error("{}; name one of: {}", match gone { Some(id) => format!("no roadmap given, and `{id}`, the one opened last, is not loaded any more (its file was removed or renamed, or did not load: `trailmark validate` says why)"), None => "no roadmap given and none opened yet".to_owned() }, known.join(", "))]
pub struct NoRoadmap {
    /// The roadmap opened last, when it is the one that is missing.
    gone: Option<String>,
    known: Vec<String>,
}

/// `TRAILMARK_TODAY` when set, else the learner's local date (see
/// [`forecast::today`]). A value that is not a date is reported rather than
/// silently ignored: the dates printed would otherwise not be the ones the
/// user asked for.
pub fn today() -> NaiveDate {
    forecast::today().unwrap_or_else(|bad| {
        warn(&format!("warning: {bad}"));
        bad.today
    })
}

/// The named roadmap, else the one last open.
pub(super) fn pick<'a>(
    catalog: &'a Catalog,
    store: &Store,
    id: Option<&str>,
) -> anyhow::Result<&'a Roadmap> {
    let last = last_roadmap(store);
    let known = || catalog.ids().map(str::to_owned).collect();
    match (id, last) {
        (Some(id), _) => Ok(&catalog.require(id)?.roadmap),
        (None, Some(last)) => match catalog.get(&last) {
            Some(entry) => Ok(&entry.roadmap),
            None => Err(NoRoadmap {
                gone: Some(last),
                known: known(),
            }
            .into()),
        },
        (None, None) => Err(NoRoadmap {
            gone: None,
            known: known(),
        }
        .into()),
    }
}

/// The places kept for this progress file: the state file's entry, else
/// what a version-1 progress file kept itself. A state file that cannot be
/// read counts as empty: it is only browsing state.
fn places(store: &Store) -> Places {
    let kept = state::default_path().and_then(|file| {
        let (places, warning) = state::places_for(&file, store.path());
        if let Some(warning) = warning {
            warn_once(&warning.to_string());
        }
        places
    });
    kept.unwrap_or_else(|| Places::from_progress(store.progress()))
}

/// The roadmap opened last with this progress file (by the app or `mark`).
fn last_roadmap(store: &Store) -> Option<String> {
    places(store).last_roadmap
}

/// Makes `id` the roadmap opened last, in the state file (never in the
/// progress file). Failing to is a warning: the progress change is saved.
pub(super) fn remember_roadmap(store: &Store, id: &str) {
    let Some(file) = state::default_path() else {
        return;
    };
    let mut places = places(store);
    if places.last_roadmap.as_deref() == Some(id) {
        return;
    }
    places.last_roadmap = Some(id.to_owned());
    if let Err(err) = state::save_places(&file, store.path(), &places) {
        warn_once(&err.to_string());
    }
}

/// A state file warning, said once however often a command reads or
/// writes the state (a folder given as the file fails each time alike).
fn warn_once(warning: &str) {
    static SAID: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let mut said = SAID
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !said.iter().any(|w| w == warning) {
        eprintln!("warning: {warning}");
        said.push(warning.to_owned());
    }
}

#[derive(Serialize)]
pub(super) struct CountsJson {
    skills_total: usize,
    done: usize,
    doing: usize,
    skipped: usize,
    todo: usize,
    percent_done: f64,
    /// The percent as every screen says it: rounded half up, whole.
    percent: u32,
    /// The skills the percent counts: all but the skipped ones.
    skills_counted: usize,
    weeks_total: Option<Weeks>,
    weeks_remaining: Option<Weeks>,
    unestimated_skills: usize,
}

impl From<&Summary> for CountsJson {
    fn from(s: &Summary) -> Self {
        let c = s.counts;
        Self {
            skills_total: c.total,
            done: c.done,
            doing: c.doing,
            skipped: c.skipped,
            todo: c.todo,
            percent_done: (c.percent_done() * 10.0).round() / 10.0,
            percent: crate::numbers::percent_done(&c),
            skills_counted: crate::numbers::wanted(&c),
            weeks_total: s.total.weeks.map(round_weeks),
            weeks_remaining: s.remaining.weeks.map(round_weeks),
            unestimated_skills: s.remaining.unestimated,
        }
    }
}

/// Weeks to three decimals for JSON: a phase's time split over its skills and
/// summed again comes back as `23.999999999999996`, which should read `24`.
pub(super) fn round_weeks(w: Weeks) -> Weeks {
    let r = |x: f64| (x * 1000.0).round() / 1000.0;
    Weeks::range(r(w.min), r(w.max))
}

/// `trailmark pace [HOURS_PER_WEEK | --clear]`: sets, clears or prints the
/// learner's weekly hours (clap refuses a value with `--clear`).
pub(super) fn pace(
    catalog: &Catalog,
    store: &mut Store,
    hours: Option<&str>,
    clear: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    if clear {
        if store.progress().pace_hours_per_week().is_none() {
            writeln!(out, "No pace set; nothing to clear.")?;
        } else {
            store.update(|p| p.set_pace(None, None, progress::now()))?;
            writeln!(
                out,
                "Your pace is cleared; set it again with `trailmark pace HOURS_PER_WEEK`."
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(hours) = hours else {
        match store.progress().pace_hours_per_week() {
            Some(h) => writeln!(out, "Your pace: {h} hours per week")?,
            None => writeln!(
                out,
                "No pace set; set it with `trailmark pace HOURS_PER_WEEK`"
            )?,
        }
        return Ok(ExitCode::SUCCESS);
    };
    let hours = crate::numbers::parse_pace(hours).map_err(super::Usage)?;
    store.update(|p| p.set_pace(Some(hours), None, progress::now()))?;
    writeln!(out, "Your pace is now {hours} hours per week.")?;
    let today = today();
    for e in &catalog.entries {
        let Some(assumed) = e.roadmap.pace_hours_per_week else {
            continue;
        };
        // Logged study time, where there is enough of it, counts first.
        match forecast::measured_hours_per_week(&e.roadmap, store.progress(), today) {
            Some(measured) => writeln!(
                out,
                "  {}: your measured {} h/week counts first (logged over the last weeks); this pace counts when it is gone",
                e.roadmap.id,
                crate::numbers::hours(measured)
            )?,
            None => writeln!(
                out,
                "  {} assumes {assumed} h/week: its estimates take {:.2}× as long at your pace",
                e.roadmap.id,
                assumed / hours
            )?,
        }
    }
    Ok(ExitCode::SUCCESS)
}
