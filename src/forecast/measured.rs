//! Study time the learner logged, the weekly hours it measures, and the
//! finish date at that measured pace: pure functions of a roadmap, the
//! progress and today's local date.
//!
//! Sessions count for a roadmap when they are on one of its skills: a shared
//! skill's time (`git`) counts in every roadmap that has it, as its tick does.
//! Session dates are the learner's local days (they are stored so).

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::estimate::Weeks;
use crate::progress::{Progress, skill_record_id};
use crate::roadmap::Roadmap;

/// How far back the measured pace looks, in weeks.
pub const MEASURED_WINDOW_WEEKS: i64 = 8;

/// The least span of logging, in days, before a pace is measured: with less
/// than two weeks one long evening would read as a weekly habit.
pub const MEASURED_MIN_DAYS: i64 = 14;

/// The record ids of the roadmap's skills.
fn record_ids(roadmap: &Roadmap) -> HashSet<String> {
    roadmap
        .skills()
        .map(|(_, s)| skill_record_id(&roadmap.id, s))
        .collect()
}

/// The roadmap's study sessions: local date and minutes.
fn sessions<'a>(
    progress: &'a Progress,
    roadmap: &Roadmap,
) -> impl Iterator<Item = (NaiveDate, u32)> + 'a {
    let ids = record_ids(roadmap);
    progress
        .study_sessions()
        .filter(move |(id, ..)| ids.contains(*id))
        .map(|(_, date, minutes)| (date, minutes))
}

/// Minutes logged on the roadmap's skills, all time.
pub fn minutes_logged(progress: &Progress, roadmap: &Roadmap) -> u64 {
    sessions(progress, roadmap).map(|(_, m)| u64::from(m)).sum()
}

/// Hours logged on the roadmap's skills, all time.
pub fn hours_logged(progress: &Progress, roadmap: &Roadmap) -> f64 {
    minutes_logged(progress, roadmap) as f64 / 60.0
}

/// Minutes logged on one skill, by its record id (wherever it was logged).
pub fn skill_minutes(progress: &Progress, record_id: &str) -> u64 {
    progress
        .study_sessions()
        .filter(|(id, ..)| *id == record_id)
        .map(|(_, _, m)| u64::from(m))
        .sum()
}

/// The learner's measured weekly hours on this roadmap: the minutes logged in
/// the last [`MEASURED_WINDOW_WEEKS`] weeks up to `today` (local), over those
/// weeks, or over the days since the first session when that is more recent.
/// `None` until the sessions span [`MEASURED_MIN_DAYS`] days (the first
/// session at least two weeks ago). `Some(0.0)` when nothing was logged in
/// the window. Sessions dated after `today` are not counted.
pub fn hours_per_week_measured(
    progress: &Progress,
    roadmap: &Roadmap,
    today: NaiveDate,
) -> Option<f64> {
    let all: Vec<(NaiveDate, u32)> = sessions(progress, roadmap)
        .filter(|(d, _)| *d <= today)
        .collect();
    let first = all.iter().map(|(d, _)| *d).min()?;
    let days_logging = (today - first).num_days() + 1;
    if days_logging < MEASURED_MIN_DAYS {
        return None;
    }
    let window_days = 7 * MEASURED_WINDOW_WEEKS;
    let window_start = today - chrono::Duration::days(window_days - 1);
    let minutes: u64 = all
        .iter()
        .filter(|(d, _)| *d >= window_start)
        .map(|(_, m)| u64::from(*m))
        .sum();
    let span_days = days_logging.min(window_days);
    Some(minutes as f64 / 60.0 / (span_days as f64 / 7.0))
}

/// Finish date at the measured pace: the remaining weeks (middle of the
/// range), which the roadmap states at `roadmap_pace` hours a week, turned
/// into hours and spread at `measured` hours a week. `None` without a
/// remaining estimate, the roadmap's pace, or a measured pace above zero.
pub fn finish_at_measured_pace(
    remaining: Option<Weeks>,
    roadmap_pace: Option<f64>,
    measured: Option<f64>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let measured = measured.filter(|h| *h > 0.0)?;
    let hours = remaining?.mid() * roadmap_pace?;
    super::add_weeks(today, hours / measured)
}

/// What the measured pace says about one roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Measured {
    /// Hours logged on the roadmap's skills, all time.
    pub hours_logged: f64,
    /// Measured weekly hours (see [`hours_per_week_measured`]).
    pub hours_per_week: Option<f64>,
    /// Finish date at that pace (see [`finish_at_measured_pace`]).
    pub finish: Option<NaiveDate>,
}

/// All of the above for one roadmap; `remaining` is its remaining weeks.
pub fn measured(
    roadmap: &Roadmap,
    progress: &Progress,
    remaining: Option<Weeks>,
    today: NaiveDate,
) -> Measured {
    let hours_per_week = hours_per_week_measured(progress, roadmap, today);
    Measured {
        hours_logged: hours_logged(progress, roadmap),
        hours_per_week,
        finish: finish_at_measured_pace(
            remaining,
            roadmap.pace_hours_per_week,
            hours_per_week,
            today,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::fixture::{keyed, skill};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn roadmap() -> Roadmap {
        Roadmap {
            pace_hours_per_week: Some(10.0),
            ..crate::roadmap::fixture::one_phase(
                None,
                vec![skill("a", Some(2.0)), keyed("g", "git")],
            )
        }
    }

    #[test]
    fn hours_count_the_roadmaps_skills_wherever_they_were_logged() {
        let r = roadmap();
        let mut p = Progress::default();
        let at = crate::progress::now();
        let d = date(2026, 11, 2);
        p.log_study("r", "r/a", d, 90, at);
        p.log_study("other", "git", d, 30, at);
        p.log_study("other", "other/x", d, 600, at);
        assert_eq!(minutes_logged(&p, &r), 120);
        assert!((hours_logged(&p, &r) - 2.0).abs() < 1e-9);
        assert_eq!(skill_minutes(&p, "git"), 30);
    }

    #[test]
    fn the_pace_needs_two_weeks_of_logs_and_looks_back_eight() {
        let r = roadmap();
        let mut p = Progress::default();
        let at = crate::progress::now();
        let today = date(2026, 11, 30);
        p.log_study("r", "r/a", date(2026, 11, 20), 600, at);
        assert_eq!(hours_per_week_measured(&p, &r, today), None, "11 days");
        // First session 14 days ago, counted today: two weeks, 10 h + 4 h.
        p.log_study("r", "r/a", date(2026, 11, 17), 240, at);
        let h = hours_per_week_measured(&p, &r, today).unwrap();
        assert!((h - 7.0).abs() < 1e-9, "{h}");
        // A session long ago: the window is 8 weeks, and it is outside.
        p.log_study("r", "r/a", date(2026, 1, 5), 6000, at);
        let h = hours_per_week_measured(&p, &r, today).unwrap();
        assert!((h - 14.0 / 8.0).abs() < 1e-9, "{h}");
        // A session dated after today does not count yet.
        p.log_study("r", "r/a", date(2026, 12, 5), 600, at);
        assert!((hours_per_week_measured(&p, &r, today).unwrap() - h).abs() < 1e-9);
    }

    #[test]
    fn the_finish_date_spreads_the_remaining_hours_at_the_measured_pace() {
        let today = date(2026, 1, 1);
        // 4 weeks at 10 h/week are 40 hours; at 5 h/week, 8 weeks.
        let four = Some(Weeks::exact(4.0));
        assert_eq!(
            finish_at_measured_pace(four, Some(10.0), Some(5.0), today),
            Some(date(2026, 2, 26))
        );
        assert_eq!(finish_at_measured_pace(four, None, Some(5.0), today), None);
        assert_eq!(
            finish_at_measured_pace(four, Some(10.0), Some(0.0), today),
            None
        );
        assert_eq!(
            finish_at_measured_pace(None, Some(10.0), Some(5.0), today),
            None
        );
    }
}
