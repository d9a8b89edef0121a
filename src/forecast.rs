//! Remaining weeks and finish dates: pure functions of a roadmap, the
//! learner's progress and today's date.
//!
//! Rules (also in the README):
//! - A skill's time is the learner's personal estimate if set, else its share
//!   of the phase: in a phase with its own estimate, the phase time is split
//!   over its skills (in proportion to their estimates when all have one;
//!   when some have one and leave part of the phase's time over, the others
//!   split that part evenly; evenly otherwise); in a phase without, it is the
//!   skill's own estimate.
//! - Done and skipped skills need no more time; a `doing` skill needs half of
//!   its time; a `todo` skill all of it.
//! - Skills with no time at all are counted as unestimated, never as zero.
//! - Percent done is done ÷ (all − skipped): skipping a skill takes it out of
//!   what there is to learn.

pub mod calendar;
pub mod measured;

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Days, NaiveDate};

use crate::estimate::{Total, Weeks};
use crate::progress::{Progress, Status, skill_record_id};
use crate::roadmap::{Phase, Roadmap, Skill};

/// Share of a `doing` skill's time still to go.
pub const DOING_REMAINING: f64 = 0.5;
/// How far back the history forecast looks.
pub const HISTORY_WINDOW_WEEKS: i64 = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub total: usize,
    pub todo: usize,
    pub doing: usize,
    pub done: usize,
    pub skipped: usize,
}

impl Counts {
    fn add(&mut self, status: Status) {
        self.total += 1;
        match status {
            Status::Todo => self.todo += 1,
            Status::Doing => self.doing += 1,
            Status::Done => self.done += 1,
            Status::Skipped => self.skipped += 1,
        }
    }

    /// Done ÷ (all − skipped), 0–100. All skipped counts as complete.
    pub fn percent_done(&self) -> f64 {
        let wanted = self.total - self.skipped;
        if wanted == 0 {
            if self.total == 0 { 0.0 } else { 100.0 }
        } else {
            100.0 * self.done as f64 / wanted as f64
        }
    }

    pub fn finished(&self) -> usize {
        self.done + self.skipped
    }
}

/// Counts and weeks for a phase or a whole roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Summary {
    pub counts: Counts,
    pub total: Total,
    pub remaining: Total,
}

impl Summary {
    /// The sum of several summaries, e.g. a roadmap's from its phases'.
    pub fn total_of(parts: &[Summary]) -> Summary {
        let mut all = Summary::default();
        for p in parts {
            let (c, o) = (&mut all.counts, &p.counts);
            c.total += o.total;
            c.todo += o.todo;
            c.doing += o.doing;
            c.done += o.done;
            c.skipped += o.skipped;
            all.total.absorb(p.total);
            all.remaining.absorb(p.remaining);
        }
        all
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoadmapSummary {
    pub overall: Summary,
    pub phases: Vec<Summary>,
}

/// Each skill's time in a phase (see the module rules), `None` if unestimated.
pub fn skill_times(roadmap_id: &str, phase: &Phase, progress: &Progress) -> Vec<Option<Weeks>> {
    let own: Vec<Option<Weeks>> = match phase.estimate {
        None => phase
            .skills
            .iter()
            .map(|s| s.estimate.map(|e| e.weeks))
            .collect(),
        Some(total) => phase_shares(total.weeks, &phase.skills)
            .into_iter()
            .map(Some)
            .collect(),
    };
    phase
        .skills
        .iter()
        .zip(own)
        .map(|(s, own)| progress.own_estimate(roadmap_id, s).or(own))
        .collect()
}

/// A phase's own time split over its skills. Skills with an estimate take a
/// share in proportion to it (their middles); when only some have one and
/// they leave part of the phase's time over, the others split that part
/// evenly. A source that times a stage and some of its steps ("Advanced (3
/// months)": scaling 1 month, containers 1 month, four more topics) gives
/// the untimed steps exactly what it leaves them. Otherwise: evenly.
fn phase_shares(total: Weeks, skills: &[Skill]) -> Vec<Weeks> {
    let n = skills.len();
    let timed: f64 = skills
        .iter()
        .filter_map(|s| s.estimate)
        .map(|e| e.weeks.mid())
        .sum();
    let untimed = skills.iter().filter(|s| s.estimate.is_none()).count();
    let whole = total.mid();
    // Each skill's fraction of the phase.
    let fraction = |s: &Skill| match s.estimate {
        Some(e) if untimed == 0 && timed > 0.0 => e.weeks.mid() / timed,
        Some(e) if untimed > 0 && timed > 0.0 && timed < whole => e.weeks.mid() / whole,
        None if untimed < n && timed > 0.0 && timed < whole => {
            (whole - timed) / whole / untimed as f64
        }
        _ => 1.0 / n as f64,
    };
    skills.iter().map(|s| total.scale(fraction(s))).collect()
}

/// The share of a skill's time still to go at this status.
pub fn remaining_share(status: Status) -> f64 {
    match status {
        Status::Todo => 1.0,
        Status::Doing => DOING_REMAINING,
        Status::Done | Status::Skipped => 0.0,
    }
}

pub fn summarize_phase(roadmap_id: &str, phase: &Phase, progress: &Progress) -> Summary {
    let mut s = Summary::default();
    for (skill, time) in phase
        .skills
        .iter()
        .zip(skill_times(roadmap_id, phase, progress))
    {
        let status = progress.status(roadmap_id, skill);
        s.counts.add(status);
        if let Some(w) = time {
            s.total.add_weeks(w);
            s.remaining.add_weeks(w.scale(remaining_share(status)));
        } else {
            s.total.unestimated += 1;
            if !status.is_finished() {
                s.remaining.unestimated += 1;
            }
        }
    }
    // A total that is still the source's own (no personal estimate changed
    // it) is shown in the source's unit: `3–4 months`, not `13–17.3 weeks`.
    let stated = phase.total();
    let same = |a: Weeks, b: Weeks| (a.min - b.min).abs() < 1e-6 && (a.max - b.max).abs() < 1e-6;
    if stated.unestimated == s.total.unestimated
        && stated
            .weeks
            .zip(s.total.weeks)
            .is_some_and(|(a, b)| same(a, b))
    {
        s.total.unit = stated.unit;
    }
    s
}

pub fn summarize(roadmap: &Roadmap, progress: &Progress) -> RoadmapSummary {
    let phases: Vec<Summary> = roadmap
        .phases
        .iter()
        .map(|p| summarize_phase(&roadmap.id, p, progress))
        .collect();
    RoadmapSummary {
        overall: Summary::total_of(&phases),
        phases,
    }
}

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

/// Finish date at the learner's pace: the remaining weeks (middle of the
/// range) scaled by roadmap pace ÷ learner pace. Needs both paces.
pub fn finish_by_pace(
    remaining: Option<Weeks>,
    roadmap_pace: Option<f64>,
    learner_pace: Option<f64>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let (assumed, actual) = (roadmap_pace?, learner_pace?);
    if actual <= 0.0 {
        return None;
    }
    add_weeks(today, remaining?.mid() * assumed / actual)
}

/// Remaining weeks at the learner's pace: the roadmap's weeks (stated at its
/// `roadmap_pace` hours per week) scaled to `learner_pace` hours per week.
/// `None` unless both paces are known. [`finish_by_pace`] counts from the
/// middle of this range, so the two agree.
pub fn weeks_at_pace(
    remaining: Weeks,
    roadmap_pace: Option<f64>,
    learner_pace: Option<f64>,
) -> Option<Weeks> {
    let (assumed, actual) = (roadmap_pace?, learner_pace?);
    (actual > 0.0).then(|| remaining.scale(assumed / actual))
}

/// Monday of the ISO week holding `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The learner's actual rate in estimated weeks completed per calendar week,
/// over the last [`HISTORY_WINDOW_WEEKS`] (or since the first tick, if that is
/// more recent). `None` until the ticks span two distinct weeks. Only skills
/// marked done count: skipping one is no work done, and counting it would make
/// the forecast promise a finish the learner's real rate does not support.
pub fn history_rate(roadmap: &Roadmap, progress: &Progress, today: NaiveDate) -> Option<f64> {
    let mut time_of: HashMap<String, Option<Weeks>> = HashMap::new();
    for phase in &roadmap.phases {
        for (skill, t) in phase
            .skills
            .iter()
            .zip(skill_times(&roadmap.id, phase, progress))
        {
            time_of.insert(skill_record_id(&roadmap.id, skill), t);
        }
    }
    let ticks: Vec<_> = progress
        .history
        .iter()
        .filter(|c| c.skill_to() == Some(Status::Done))
        .filter(|c| c.skill().is_some_and(|s| time_of.contains_key(s)))
        .collect();
    let weeks: HashSet<NaiveDate> = ticks
        .iter()
        .map(|c| week_start(c.time().date_naive()))
        .collect();
    if weeks.len() < 2 {
        return None;
    }
    let first = ticks.iter().map(|c| c.time().date_naive()).min()?;
    let window_start = today - Days::new(7 * HISTORY_WINDOW_WEEKS as u64);
    let mut counted = HashSet::new();
    let mut completed = 0.0;
    for c in ticks.iter().rev() {
        let Some(id) = c.skill() else {
            continue;
        };
        if c.time().date_naive() < window_start || !counted.insert(id) {
            continue;
        }
        let still_done = progress
            .skills
            .get(id)
            .is_some_and(|r| r.status() == Status::Done);
        if still_done {
            completed += time_of.get(id).copied().flatten().map_or(0.0, Weeks::mid);
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

/// Both finish dates for a roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Forecast {
    pub by_pace: Option<NaiveDate>,
    pub by_history: Option<NaiveDate>,
    /// Estimated weeks completed per calendar week, when measurable.
    pub rate: Option<f64>,
}

pub fn forecast(
    roadmap: &Roadmap,
    progress: &Progress,
    summary: &RoadmapSummary,
    today: NaiveDate,
) -> Forecast {
    let remaining = summary.overall.remaining.weeks;
    let rate = history_rate(roadmap, progress, today);
    Forecast {
        by_pace: finish_by_pace(
            remaining,
            roadmap.pace_hours_per_week,
            progress.pace_hours_per_week(),
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
    use crate::roadmap::fixture::skill;

    /// A one-phase roadmap that assumes 10 hours a week.
    fn roadmap(phase_estimate: Option<Weeks>, skills: Vec<crate::roadmap::Skill>) -> Roadmap {
        Roadmap {
            pace_hours_per_week: Some(10.0),
            ..crate::roadmap::fixture::one_phase(phase_estimate, skills)
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn done_skipped_and_doing_reduce_what_remains() {
        let r = roadmap(
            None,
            vec![
                skill("a", Some(2.0)),
                skill("b", Some(4.0)),
                skill("c", None),
                skill("d", Some(1.0)),
            ],
        );
        let mut p = Progress::default();
        let now = crate::progress::now();
        p.set_status("r", &r.phases[0].skills[0], Status::Done, now);
        p.set_status("r", &r.phases[0].skills[1], Status::Doing, now);
        p.set_status("r", &r.phases[0].skills[3], Status::Skipped, now);
        let s = summarize(&r, &p).overall;
        assert_eq!(s.total.weeks, Some(Weeks::exact(7.0)));
        assert_eq!(s.total.unestimated, 1);
        assert_eq!(s.remaining.weeks, Some(Weeks::exact(2.0)));
        assert_eq!(s.remaining.unestimated, 1);
        assert!((s.counts.percent_done() - 100.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_phase_estimate_is_shared_over_its_skills_and_personal_estimates_override() {
        let r = roadmap(
            Some(Weeks::exact(4.0)),
            vec![skill("a", None), skill("b", None)],
        );
        let mut p = Progress::default();
        assert_eq!(
            summarize(&r, &p).overall.total.weeks,
            Some(Weeks::exact(4.0))
        );
        p.set_estimate(
            "r",
            &r.phases[0].skills[0],
            Some(Weeks::exact(6.0)),
            crate::progress::now(),
        );
        let s = summarize(&r, &p).overall;
        assert_eq!(s.total.weeks, Some(Weeks::exact(8.0)));
        assert_eq!(s.total.unestimated, 0);
    }

    #[test]
    fn a_summary_keeps_the_sources_unit_until_a_personal_estimate_changes_it() {
        use crate::estimate::{Estimate, Unit};
        let mut r = roadmap(None, vec![skill("a", None), skill("b", None)]);
        r.phases[0].estimate = Estimate::parse("1 month").ok();
        let mut p = Progress::default();
        let total = summarize(&r, &p).overall.total;
        assert_eq!(total.unit, Unit::Months);
        assert_eq!(total.to_string(), "1 month (≈4.3 weeks)");
        p.set_estimate(
            "r",
            &r.phases[0].skills[0],
            Some(Weeks::exact(1.0)),
            crate::progress::now(),
        );
        let total = summarize(&r, &p).overall.total;
        assert_eq!(total.unit, Unit::Weeks, "no longer the source's month");
    }

    #[test]
    fn untimed_skills_share_what_the_timed_ones_leave_of_the_phase() {
        // "Advanced (3 months)": two 1-month steps, then four topics that
        // share the month left. Months of 52/12 weeks; 12 weeks keep it exact.
        let times = |phase: f64, skills: Vec<crate::roadmap::Skill>| {
            let r = roadmap(Some(Weeks::exact(phase)), skills);
            skill_times("r", &r.phases[0], &Progress::default())
        };
        let mut skills = vec![skill("a", Some(4.0)), skill("b", Some(4.0))];
        skills.extend(["c", "d", "e", "f"].map(|id| skill(id, None)));
        let got = times(12.0, skills);
        let want = [4.0, 4.0, 1.0, 1.0, 1.0, 1.0].map(|w| Some(Weeks::exact(w)));
        assert_eq!(got, want);
        // Timed skills that fill the phase already leave nothing: evenly.
        let got = times(4.0, vec![skill("a", Some(4.0)), skill("b", None)]);
        assert_eq!(got, [Some(Weeks::exact(2.0)); 2]);
        // All timed: in proportion, whatever their sum.
        let got = times(6.0, vec![skill("a", Some(1.0)), skill("b", Some(2.0))]);
        assert_eq!(got, [Some(Weeks::exact(2.0)), Some(Weeks::exact(4.0))]);
    }

    #[test]
    fn finish_by_pace_scales_by_the_pace_ratio() {
        let today = date(2026, 1, 1);
        // 4 weeks at 10 h/week take 8 weeks at 5 h/week.
        assert_eq!(
            finish_by_pace(Some(Weeks::exact(4.0)), Some(10.0), Some(5.0), today),
            Some(date(2026, 2, 26))
        );
        assert_eq!(
            finish_by_pace(Some(Weeks::exact(4.0)), None, Some(5.0), today),
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
        assert_eq!(history_rate(&r, &p, today), None);
        p.set_status(
            "r",
            &r.phases[0].skills[1],
            Status::Done,
            mon + chrono::Duration::days(7),
        );
        // 4 estimated weeks done over the 2 weeks since the first tick.
        let rate = history_rate(&r, &p, today).unwrap();
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
        assert_eq!(history_rate(&r, &p, today), None, "one week of done ticks");
        p.set_status("r", &s[1], Status::Done, mon + chrono::Duration::days(7));
        p.set_status("r", &s[3], Status::Skipped, mon + chrono::Duration::days(8));
        let rate = history_rate(&r, &p, today).unwrap();
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

    #[test]
    fn weeks_start_on_monday_across_a_year_boundary() {
        assert_eq!(week_start(date(2027, 1, 1)), date(2026, 12, 28));
        assert_eq!(week_start(date(2026, 12, 28)), date(2026, 12, 28));
    }
}
