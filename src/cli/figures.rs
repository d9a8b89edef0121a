//! The figures `status` gives for one roadmap (counts and percent, time
//! left, the three finish dates, study time, the target), worked out once
//! and worded once, so that `status`, `status --json` and both exports
//! cannot disagree: each of them prints what this module made.

use chrono::NaiveDate;

use crate::estimate::Weeks;
use serde::Serialize;

use super::plan::{TargetJson, target_check, target_line};
use super::status::{at_your_pace, counts_line, history_line, pace_line, remaining_line};
use super::study::{measured_line, round_hours};
use super::tracking::{CountsJson, round_weeks, today};
use crate::catalog::Catalog;
use crate::forecast::{self, Index, WeekPoint};
use crate::progress::{Minutes, Progress};
use crate::roadmap::Roadmap;

/// Everything `status` says about one roadmap, worked out once for the text
/// and the JSON of `status` and `export`.
pub(super) struct Figures {
    /// Remaining weeks week by week (`status --json` only; empty otherwise).
    pub weekly: Vec<WeekPoint>,
    /// Counts and weeks, overall and per phase.
    pub summary: forecast::RoadmapSummary,
    /// The finish dates by pace and by history.
    pub fc: forecast::Forecast,
    /// Study time logged, the measured weekly hours and their finish date.
    pub measured: forecast::measured::Measured,
    /// Progress records no loaded roadmap mentions.
    pub orphans: Vec<String>,
    /// The standing against the target date, when one is set.
    pub target: Option<forecast::TargetCheck>,
    /// The weekly hours the roadmap's estimates assume, if it says.
    pub roadmap_pace: Option<f64>,
}

impl Figures {
    /// The figures of `roadmap` today (`TRAILMARK_TODAY`, else the local
    /// date); `weekly` also works out the week-by-week series.
    pub(super) fn new(catalog: &Catalog, roadmap: &Roadmap, prog: &Progress, weekly: bool) -> Self {
        let today = today();
        let index = Index::new(roadmap, prog);
        let summary = forecast::summarize_timed(roadmap, prog, &index.times);
        let fc = forecast::forecast(roadmap, prog, &index, &summary, today);
        let measured =
            forecast::measured::measured(roadmap, prog, summary.overall.remaining.weeks, today);
        let orphans = prog.orphans(catalog.entries.iter().map(|e| &e.roadmap));
        let target = target_check(roadmap, prog, &summary.overall, today);
        let weekly = if weekly {
            forecast::weekly_series(roadmap, prog, &index, today, usize::MAX)
        } else {
            Vec::new()
        };
        Self {
            weekly,
            summary,
            fc,
            measured,
            orphans,
            target,
            roadmap_pace: roadmap.pace_hours_per_week,
        }
    }
}

/// The roadmap's figures as `status --json` and `export --format json` both
/// give them (flattened into each).
#[derive(Serialize)]
pub(super) struct FiguresJson {
    #[serde(flatten)]
    counts: CountsJson,
    /// The weeks left at your pace (`{min, max}`): the header's and the
    /// text's figure; the roadmap's own weeks when no pace of yours applies.
    weeks_remaining_at_your_pace: Option<Weeks>,
    /// The pace the finish date by pace and the weeks above are at
    /// (`{hours_per_week, source}`, source `measured`, `set` or `roadmap`);
    /// null when the roadmap states no weekly hours.
    pace: Option<forecast::PlanPace>,
    finish_date_by_pace: Option<NaiveDate>,
    finish_date_by_history: Option<NaiveDate>,
    /// Hours of study logged on this roadmap's skills, all time.
    hours_logged: f64,
    /// Weekly hours logged over the last 8 weeks; null with under two weeks of logs.
    hours_per_week_measured: Option<f64>,
    finish_date_by_measured_pace: Option<NaiveDate>,
    #[serde(flatten)]
    target: TargetJson,
}

impl From<&Figures> for FiguresJson {
    fn from(f: &Figures) -> Self {
        Self {
            counts: (&f.summary.overall).into(),
            weeks_remaining_at_your_pace: f.summary.overall.remaining.weeks.map(|w| {
                let pace = f.fc.pace.map(|p| p.hours_per_week);
                round_weeks(forecast::weeks_at_pace(w, f.roadmap_pace, pace).unwrap_or(w))
            }),
            pace: f.fc.pace,
            finish_date_by_pace: f.fc.by_pace,
            finish_date_by_history: f.fc.by_history,
            hours_logged: round_hours(f.measured.hours_logged),
            hours_per_week_measured: f.measured.hours_per_week.map(round_hours),
            finish_date_by_measured_pace: f.measured.finish,
            target: TargetJson::from(f.target.as_ref()),
        }
    }
}

/// The figures in words, as `status` and the Markdown export say them.
pub(super) struct Lines {
    /// `4 of 15 skills done (27%), …`.
    pub progress: String,
    /// The time left, with the time at the learner's pace.
    pub remaining: String,
    /// The finish dates: by pace, by history, at the measured pace (or why not).
    pub finish: [String; 3],
    /// `2h 30m logged`, when any study is.
    pub studied: Option<String>,
    /// `2027-06-30, on track` and the like, when a target is set.
    pub target: Option<String>,
}

impl Lines {
    pub(super) fn new(roadmap: &Roadmap, f: &Figures) -> Self {
        let overall = &f.summary.overall;
        let logged = f.measured.hours_logged;
        Self {
            progress: counts_line(&overall.counts),
            remaining: format!(
                "{}{}",
                remaining_line(overall),
                at_your_pace(roadmap, f.fc.pace, overall)
            ),
            finish: [
                pace_line(roadmap, f.fc.pace, overall, f.fc.by_pace),
                history_line(overall, f.fc.by_history, f.fc.rate),
                // The by-pace line is already at the measured pace: the
                // same date, said as the same.
                if let (Some(d), true) = (
                    f.measured.finish,
                    f.fc.pace
                        .is_some_and(|p| p.source == forecast::PaceSource::Measured),
                ) {
                    format!(
                        "{d} at your measured pace, as above (the hours you logged are your pace)"
                    )
                } else {
                    measured_line(overall, &f.measured, roadmap.pace_hours_per_week)
                },
            ],
            studied: (logged > 0.0)
                .then(|| format!("{} logged", Minutes((logged * 60.0).round() as u64))),
            target: f.target.as_ref().map(target_line),
        }
    }
}
