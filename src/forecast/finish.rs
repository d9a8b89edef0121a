//! Finish dates: at the learner's pace, and at the rate the history shows.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use super::days::week_start;
use super::plan::{PlanPace, measured_hours_per_week, plan_pace};
use super::{Index, RoadmapSummary};
use crate::estimate::Weeks;
use crate::progress::{Progress, Status};
use crate::roadmap::Roadmap;

/// How far back the history forecast looks.
pub const HISTORY_WINDOW_WEEKS: i64 = 8;

/// `today` plus a number of weeks, rounded up to whole days. Sums of phase
/// shares carry float noise (`24.000000000000004`), which must not push the
/// date a day later, so anything within a millionth of a day rounds down.
pub fn add_weeks(today: NaiveDate, weeks: f64) -> Option<NaiveDate> {
    if !weeks.is_finite() || !(0.0..=52.0 * 200.0).contains(&weeks) {
        return None;
    }
    let days = (weeks * 7.0 - 1e-6).ceil().max(0.0);
    today.checked_add_days(Days::new(days as u64))
}

/// The weekly hours finish dates and remaining weeks are given at: the
/// learner's logged pace once two weeks of study time give one, else the
/// pace they set, else the roadmap's. One rule for the header, `status`,
/// the exports, the plan and the target date, so they all agree. `None`
/// for a roadmap that states no weekly hours: its weeks count as they are.
pub fn your_pace(roadmap: &Roadmap, progress: &Progress, today: NaiveDate) -> Option<PlanPace> {
    // Without the roadmap's hours there is nothing to convert its weeks
    // from: no pace applies, and saying "at your pace" would mislead.
    roadmap.pace_hours_per_week?;
    plan_pace(
        measured_hours_per_week(roadmap, progress, today),
        progress.pace_hours_per_week(),
        roadmap.pace_hours_per_week,
    )
}

/// Finish date at `pace` hours a week: the remaining weeks (middle of the
/// range), stated at the roadmap's `roadmap_pace`, scaled by roadmap pace ÷
/// `pace`. Without the learner's pace the roadmap's own weeks count; without
/// the roadmap's pace its weeks are taken as they are (there is nothing to
/// convert from), as the plan does. `None` without remaining weeks.
pub fn finish_by_pace(
    remaining: Option<Weeks>,
    roadmap_pace: Option<f64>,
    pace: Option<f64>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let weeks = remaining?.mid() * pace_factor(roadmap_pace, pace)?;
    add_weeks(today, weeks)
}

/// Roadmap weeks → weeks at `pace`: roadmap pace ÷ `pace`, or 1 when either
/// is unknown. `None` for a pace of zero or less.
fn pace_factor(roadmap_pace: Option<f64>, pace: Option<f64>) -> Option<f64> {
    match (roadmap_pace, pace) {
        (_, Some(p)) if p <= 0.0 || !p.is_finite() => None,
        (Some(assumed), Some(p)) => Some(assumed / p),
        _ => Some(1.0),
    }
}

/// Remaining weeks at the learner's pace: the roadmap's weeks (stated at its
/// `roadmap_pace` hours per week) scaled to `pace` hours per week. `None`
/// unless both paces are known (the roadmap's own weeks are then the answer).
/// [`finish_by_pace`] counts from the middle of this range, so the two agree.
pub fn weeks_at_pace(
    remaining: Weeks,
    roadmap_pace: Option<f64>,
    pace: Option<f64>,
) -> Option<Weeks> {
    let (assumed, actual) = (roadmap_pace?, pace?);
    (actual > 0.0).then(|| remaining.scale(assumed / actual))
}

/// The learner's actual rate in estimated weeks completed per calendar week,
/// over the last [`HISTORY_WINDOW_WEEKS`] (or since the first tick, if that is
/// more recent). `None` until the ticks span two distinct weeks. Only skills
/// marked done count: skipping one is no work done, and counting it would make
/// the forecast promise a finish the learner's real rate does not support.
pub fn history_rate(progress: &Progress, index: &Index, today: NaiveDate) -> Option<f64> {
    let ticks: Vec<_> = index
        .changes
        .iter()
        .filter(|c| c.change.skill_to() == Some(Status::Done))
        .collect();
    let weeks: HashSet<NaiveDate> = ticks.iter().map(|c| week_start(c.day)).collect();
    if weeks.len() < 2 {
        return None;
    }
    let first = ticks.iter().map(|c| c.day).min()?;
    let window_start = today - Days::new(7 * HISTORY_WINDOW_WEEKS as u64);
    let mut counted = HashSet::new();
    let mut completed = 0.0;
    for c in ticks.iter().rev() {
        let Some(id) = c.change.skill() else {
            continue;
        };
        if c.day < window_start || !counted.insert(id) {
            continue;
        }
        let still_done = progress
            .skills
            .get(id)
            .is_some_and(|r| r.status() == Status::Done);
        if still_done {
            // A shared key counts at the time of its last skill in the roadmap.
            let time = index.records.get(id).and_then(|t| t.last().copied());
            completed += time.flatten().map_or(0.0, Weeks::mid);
        }
    }
    let span_days = (today - first.max(window_start)).num_days().max(7);
    let rate = completed / (span_days as f64 / 7.0);
    (rate > 0.0).then_some(rate)
}

/// Finish date at the learner's measured rate.
pub fn finish_by_history(
    remaining: Option<Weeks>,
    rate: Option<f64>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    add_weeks(today, remaining?.mid() / rate?)
}

/// Both finish dates for a roadmap, and the pace the first is at.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Forecast {
    /// The pace `by_pace` is at ([`your_pace`]); `None` when no pace is known.
    pub pace: Option<PlanPace>,
    pub by_pace: Option<NaiveDate>,
    pub by_history: Option<NaiveDate>,
    /// Estimated weeks completed per calendar week, when measurable.
    pub rate: Option<f64>,
}

/// Both finish dates from the roadmap's remaining weeks (`summary`) and its
/// history (`index`), counted from `today`.
pub fn forecast(
    roadmap: &Roadmap,
    progress: &Progress,
    index: &Index,
    summary: &RoadmapSummary,
    today: NaiveDate,
) -> Forecast {
    let remaining = summary.overall.remaining.weeks;
    let rate = history_rate(progress, index, today);
    let pace = your_pace(roadmap, progress, today);
    Forecast {
        pace,
        by_pace: finish_by_pace(
            remaining,
            roadmap.pace_hours_per_week,
            pace.map(|p| p.hours_per_week),
            today,
        ),
        by_history: finish_by_history(remaining, rate, today),
        rate,
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::roadmap::fixture::{paced_one_phase as roadmap, skill};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn finish_by_pace_scales_by_the_pace_ratio() {
        let today = date(2026, 1, 1);
        // 4 weeks at 10 h/week take 8 weeks at 5 h/week.
        assert_eq!(
            finish_by_pace(Some(Weeks::exact(4.0)), Some(10.0), Some(5.0), today),
            Some(date(2026, 2, 26))
        );
        // Without the roadmap's pace its weeks count as they are; without
        // the learner's, the roadmap's own weeks count.
        assert_eq!(
            finish_by_pace(Some(Weeks::exact(4.0)), None, Some(5.0), today),
            Some(date(2026, 1, 29))
        );
        assert_eq!(
            finish_by_pace(Some(Weeks::exact(4.0)), Some(10.0), None, today),
            Some(date(2026, 1, 29))
        );
        assert_eq!(
            finish_by_pace(Some(Weeks::exact(4.0)), Some(10.0), Some(0.0), today),
            None
        );
        assert_eq!(finish_by_pace(None, Some(10.0), Some(5.0), today), None);
    }

    #[test]
    fn weeks_at_pace_agree_with_the_finish_date() {
        let today = date(2026, 1, 1);
        let left = Weeks::range(16.0, 24.0);
        let mine = weeks_at_pace(left, Some(14.0), Some(10.0)).unwrap();
        assert!((mine.min - 22.4).abs() < 1e-9 && (mine.max - 33.6).abs() < 1e-9);
        assert_eq!(
            add_weeks(today, mine.mid()),
            finish_by_pace(Some(left), Some(14.0), Some(10.0), today)
        );
        assert_eq!(weeks_at_pace(left, None, Some(10.0)), None);
        assert_eq!(weeks_at_pace(left, Some(14.0), None), None);
    }

    #[test]
    fn history_forecast_needs_two_distinct_weeks() {
        let r = roadmap(
            None,
            vec![
                skill("a", Some(2.0)),
                skill("b", Some(2.0)),
                skill("c", Some(4.0)),
            ],
        );
        let mut p = Progress::default();
        let mon = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        p.set_status("r", &r.phases[0].skills[0], Status::Done, mon);
        let today = date(2026, 3, 16);
        assert_eq!(history_rate(&p, &Index::new(&r, &p), today), None);
        p.set_status(
            "r",
            &r.phases[0].skills[1],
            Status::Done,
            mon + chrono::Duration::days(7),
        );
        // 4 estimated weeks done over the 2 weeks since the first tick.
        let rate = history_rate(&p, &Index::new(&r, &p), today).unwrap();
        assert!((rate - 2.0).abs() < 1e-9, "{rate}");
        assert_eq!(
            finish_by_history(Some(Weeks::exact(4.0)), Some(rate), today),
            Some(date(2026, 3, 30))
        );
    }

    #[test]
    fn skipping_is_not_counted_as_work_done() {
        let r = roadmap(
            None,
            vec![
                skill("a", Some(1.0)),
                skill("b", Some(1.0)),
                skill("c", Some(20.0)),
                skill("d", Some(20.0)),
            ],
        );
        let mut p = Progress::default();
        let mon = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        let today = date(2026, 3, 16);
        let s = &r.phases[0].skills;
        p.set_status("r", &s[0], Status::Done, mon);
        p.set_status("r", &s[2], Status::Skipped, mon + chrono::Duration::days(7));
        assert_eq!(
            history_rate(&p, &Index::new(&r, &p), today),
            None,
            "one week of done ticks"
        );
        p.set_status("r", &s[1], Status::Done, mon + chrono::Duration::days(7));
        p.set_status("r", &s[3], Status::Skipped, mon + chrono::Duration::days(8));
        let rate = history_rate(&p, &Index::new(&r, &p), today).unwrap();
        assert!((rate - 1.0).abs() < 1e-9, "{rate}");
    }

    #[test]
    fn float_noise_does_not_add_a_day() {
        let today = date(2026, 1, 1);
        assert_eq!(
            add_weeks(today, 24.000_000_000_000_004),
            Some(date(2026, 6, 18))
        );
        assert_eq!(
            add_weeks(today, 23.999_999_999_999_996),
            Some(date(2026, 6, 18))
        );
        assert_eq!(add_weeks(today, 0.0), Some(today));
        assert_eq!(add_weeks(today, 1.0 / 7.0 + 0.01), Some(date(2026, 1, 3)));
    }
}
