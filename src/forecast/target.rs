//! A target date: whether the learner is on track for it, and the weekly
//! hours it takes.
//!
//! - Hours needed: the remaining estimate in hours at the roadmap's assumed
//!   pace, spread over the weeks from today to the date (at least one day, so
//!   today as the date still gives a number: all of it, now). A date that
//!   has passed needs no number: it can no longer be met.
//! - On track: the finish at your pace ([`super::your_pace`], the same date
//!   `status` gives by pace) is on or before the date. Nothing left is on
//!   track. Skills left with no estimate are not counted (the verdict says
//!   how many); when no skill left has one, it is not known.

use chrono::NaiveDate;

use super::summary::Summary;
use crate::roadmap::Roadmap;

/// A span of weekly hours, `min <= max`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct HoursRange {
    /// Hours per week for the low end of the estimate.
    pub min: f64,
    /// Hours per week for the high end of the estimate.
    pub max: f64,
}

impl std::fmt::Display for HoursRange {
    /// `12.4 h/week`, `12.4–15 h/week`: tenths, rounded up (rounding down
    /// would promise too little), the same figures `status --json` gives.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (lo, hi) = (self.min_tenths(), self.max_tenths());
        let (a, b) = (crate::numbers::hours(lo), crate::numbers::hours(hi));
        if a == b {
            write!(f, "{a} h/week")
        } else {
            write!(f, "{a}–{b} h/week")
        }
    }
}

impl HoursRange {
    /// The low end in tenths of an hour, rounded up.
    pub fn min_tenths(&self) -> f64 {
        (self.min * 10.0 - 1e-9).ceil() / 10.0
    }

    /// The high end in tenths of an hour, rounded up.
    pub fn max_tenths(&self) -> f64 {
        (self.max * 10.0 - 1e-9).ceil() / 10.0
    }
}

/// How a roadmap stands against its target date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetCheck {
    /// The date the learner means to finish by.
    pub target_date: NaiveDate,
    /// Weekly hours the remaining estimate needs to end by the date, at the
    /// roadmap's assumed pace; `None` without estimates or without that pace.
    pub hours_per_week_needed: Option<HoursRange>,
    /// The finish at the plan's pace; `None` when it cannot be told.
    pub finish: Option<NaiveDate>,
    /// Whether `finish` is on or before the date; `None` when unknown.
    pub on_track: Option<bool>,
    /// Whole weeks (rounded up) `finish` falls after the date; 0 on track.
    pub behind_weeks: Option<u64>,
    /// Skills left with no estimate, which `finish` does not count.
    pub unestimated: usize,
    /// The date is before today.
    pub passed: bool,
}

/// More hours than a week has: a date that needs them cannot be met.
const HOURS_IN_A_WEEK: f64 = 168.0;

impl TargetCheck {
    /// "on track", or "behind by N weeks: needs H h/week from now", or why
    /// the date cannot be met (passed, or more hours than a week has), or
    /// what cannot be told.
    pub fn verdict(&self) -> String {
        let verdict = match (self.on_track, self.behind_weeks) {
            (Some(true), _) => {
                let ahead = self
                    .finish
                    .map_or(0, |f| (self.target_date - f).num_days().max(0) / 7);
                match ahead {
                    0 => "on track".to_owned(),
                    1 => "on track, 1 week ahead".to_owned(),
                    n => format!("on track, {n} weeks ahead"),
                }
            }
            (Some(false), Some(n)) => {
                let weeks = format!("behind by {n} week{}", if n == 1 { "" } else { "s" });
                match self.hours_per_week_needed {
                    _ if self.passed => format!("{weeks}: the date has passed; set a later one"),
                    Some(h) if h.min > HOURS_IN_A_WEEK => {
                        format!("{weeks}: over {HOURS_IN_A_WEEK} h/week needed; set a later date")
                    }
                    Some(h) => format!("{weeks}: needs {h} from now"),
                    None => weeks,
                }
            }
            _ => "not known: no skill left has an estimate".to_owned(),
        };
        match self.unestimated {
            0 => verdict,
            n if self.on_track.is_some() => format!(
                "{verdict} ({n} skill{} with no estimate not counted)",
                if n == 1 { "" } else { "s" }
            ),
            _ => verdict,
        }
    }
}

/// The roadmap's standing against its target date `target`, from its overall
/// summary, counted from `today`, at `pace` hours a week (the learner's pace,
/// [`super::your_pace`]).
pub fn check_target(
    roadmap: &Roadmap,
    pace: Option<f64>,
    overall: &Summary,
    target: NaiveDate,
    today: NaiveDate,
) -> TargetCheck {
    let left = overall.remaining;
    let passed = target < today;
    let days = (target - today).num_days().max(1) as f64;
    let hours_per_week_needed = left
        .weeks
        .zip(roadmap.pace_hours_per_week)
        .filter(|_| !passed)
        .map(|(w, pace)| HoursRange {
            min: w.min * pace * 7.0 / days,
            max: w.max * pace * 7.0 / days,
        });
    let nothing_left =
        left.unestimated == 0 && left.weeks.is_none_or(crate::estimate::Weeks::is_zero);
    let finish = if nothing_left {
        Some(today)
    } else {
        super::finish_by_pace(left.weeks, roadmap.pace_hours_per_week, pace, today)
    };
    let on_track = finish.map(|f| f <= target);
    let behind_weeks = finish.map(|f| ((f - target).num_days().max(0) as u64).div_ceil(7));
    TargetCheck {
        target_date: target,
        hours_per_week_needed,
        finish,
        on_track,
        behind_weeks,
        unestimated: left.unestimated,
        passed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::{Total, Weeks};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn roadmap(pace: Option<f64>) -> Roadmap {
        Roadmap {
            pace_hours_per_week: pace,
            ..crate::roadmap::fixture::one_phase(None, Vec::new())
        }
    }

    fn left(weeks: Option<Weeks>, unestimated: usize) -> Summary {
        Summary {
            remaining: Total {
                weeks,
                unestimated,
                ..Total::default()
            },
            ..Summary::default()
        }
    }

    #[test]
    fn hours_needed_spread_the_remaining_estimate_over_the_weeks_left() {
        let today = date(2026, 12, 1);
        // 4–6 weeks at 10 h/week is 40–60 hours; 8 weeks left: 5–7.5 h/week.
        let c = check_target(
            &roadmap(Some(10.0)),
            None,
            &left(Some(Weeks::range(4.0, 6.0)), 0),
            date(2027, 1, 26),
            today,
        );
        let h = c.hours_per_week_needed.unwrap();
        assert!(
            (h.min - 5.0).abs() < 1e-9 && (h.max - 7.5).abs() < 1e-9,
            "{h:?}"
        );
        assert_eq!(h.to_string(), "5–7.5 h/week");
        // At the roadmap's pace, 5 weeks: on track.
        assert_eq!(c.finish, Some(date(2027, 1, 5)));
        assert_eq!(c.on_track, Some(true));
        assert_eq!(c.verdict(), "on track, 3 weeks ahead");
    }

    #[test]
    fn behind_says_by_how_many_weeks_and_what_it_takes() {
        let today = date(2026, 12, 1);
        // 10 weeks at 10 h/week; the learner does 5 h/week: 20 weeks, to 20
        // April. The target is 2 February: 11 weeks late.
        let c = check_target(
            &roadmap(Some(10.0)),
            Some(5.0),
            &left(Some(Weeks::exact(10.0)), 0),
            date(2027, 2, 2),
            today,
        );
        assert_eq!(c.finish, Some(date(2027, 4, 20)));
        assert_eq!(c.on_track, Some(false));
        assert_eq!(c.behind_weeks, Some(11));
        assert_eq!(
            c.verdict(),
            "behind by 11 weeks: needs 11.2 h/week from now"
        );
        // At 20 h/week (a measured pace, say) it is on time.
        let c = check_target(
            &roadmap(Some(10.0)),
            Some(20.0),
            &left(Some(Weeks::exact(10.0)), 0),
            date(2027, 2, 2),
            today,
        );
        assert_eq!(c.on_track, Some(true));
    }

    #[test]
    fn unknowns_stay_unknown() {
        let today = date(2026, 12, 1);
        let target = date(2027, 6, 1);
        let c = check_target(
            &roadmap(None),
            Some(5.0),
            &left(Some(Weeks::exact(2.0)), 0),
            target,
            today,
        );
        assert_eq!(c.hours_per_week_needed, None, "no roadmap pace, no hours");
        assert_eq!(c.on_track, Some(true), "2 weeks of the estimates' own time");
        let c = check_target(&roadmap(Some(10.0)), None, &left(None, 3), target, today);
        assert_eq!((c.hours_per_week_needed, c.on_track), (None, None));
        assert_eq!(c.verdict(), "not known: no skill left has an estimate");
        // Some estimated, some not: the estimated part decides, and says so.
        let c = check_target(
            &roadmap(Some(10.0)),
            Some(10.0),
            &left(Some(Weeks::exact(40.0)), 1),
            target,
            today,
        );
        assert_eq!(c.on_track, Some(false));
        assert_eq!(
            c.verdict(),
            "behind by 14 weeks: needs 15.4 h/week from now (1 skill with no estimate not counted)"
        );
        let done = check_target(&roadmap(Some(10.0)), None, &left(None, 0), target, today);
        assert_eq!(done.on_track, Some(true), "nothing left");
        // A date that has come: everything in one day's worth of week.
        let late = check_target(
            &roadmap(Some(10.0)),
            None,
            &left(Some(Weeks::exact(1.0)), 0),
            today,
            today,
        );
        assert_eq!(late.hours_per_week_needed.map(|h| h.min), Some(70.0));
        assert_eq!(late.behind_weeks, Some(1));
        // A date that has passed needs no hours: it cannot be met any more.
        let passed = check_target(
            &roadmap(Some(10.0)),
            None,
            &left(Some(Weeks::exact(1.0)), 0),
            date(2020, 1, 1),
            today,
        );
        assert_eq!(passed.hours_per_week_needed, None);
        assert!(
            passed.verdict().contains("the date has passed"),
            "{}",
            passed.verdict()
        );
        // More hours than a week has.
        let tight = check_target(
            &roadmap(Some(10.0)),
            None,
            &left(Some(Weeks::exact(40.0)), 0),
            date(2026, 12, 8),
            today,
        );
        assert!(
            tight.verdict().contains("over 168 h/week needed"),
            "{}",
            tight.verdict()
        );
    }
}
