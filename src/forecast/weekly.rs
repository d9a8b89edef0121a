//! Progress over time, from the history: skills completed per week, remaining
//! weeks at the end of each week (the burndown), the planned line and the
//! streak. Pure functions of a roadmap, the progress and today's date; the
//! stats screen and `status --json` draw the same series.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Days, NaiveDate};

use super::days::week_start;
use super::index::Index;
use super::summary::remaining_share;
use crate::estimate::Weeks;
use crate::progress::{Progress, Status, skill_record_id};
use crate::roadmap::Roadmap;

/// One week of the series, keyed by its Monday.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct WeekPoint {
    pub week_start: NaiveDate,
    /// Skills marked done that week, less any un-marked again that week.
    pub completed: usize,
    /// Estimated weeks still to go at the end of that week.
    pub weeks_remaining: Option<Weeks>,
}

/// One point per week from the first tick's week to today's, at most `max_weeks`
/// (the most recent ones). Empty when the roadmap has no history.
pub fn weekly_series(
    roadmap: &Roadmap,
    progress: &Progress,
    index: &Index,
    today: NaiveDate,
    max_weeks: usize,
) -> Vec<WeekPoint> {
    let changes = &index.changes;
    let (Some(first), Some(last)) = (changes.first(), changes.last()) else {
        return Vec::new();
    };
    let first_week = week_start(first.day);
    let last_week = week_start(today).max(week_start(last.day));

    let mut status = status_before(progress, index);
    let mut burndown = Burndown {
        weeks: Weeks::ZERO,
        estimated: index.times.iter().flatten().any(Option::is_some),
    };
    // In roadmap order, so the float sums (and the chart) are the same every run.
    for (phase, times) in roadmap.phases.iter().zip(&index.times) {
        for (skill, t) in phase.skills.iter().zip(times) {
            let id = skill_record_id(&roadmap.id, skill);
            burndown.add(
                *t,
                status.get(id.as_str()).copied().unwrap_or_default(),
                1.0,
            );
        }
    }

    let completed = completed_per_week(index);

    let weeks_total = ((last_week - first_week).num_days() / 7 + 1) as usize;
    let skip = weeks_total.saturating_sub(max_weeks);
    let mut points = Vec::with_capacity(weeks_total.min(max_weeks));
    let mut next = 0;
    let mut week = first_week;
    for i in 0..weeks_total {
        let end = week + Days::new(7);
        while next < changes.len() && changes[next].day < end {
            if let Some((id, _, to)) = changes[next].change.status_change() {
                let from = status.insert(id, to).unwrap_or_default();
                for t in index.records.get(id).into_iter().flatten() {
                    burndown.add(*t, from, -1.0);
                    burndown.add(*t, to, 1.0);
                }
            }
            next += 1;
        }
        if i >= skip {
            points.push(WeekPoint {
                week_start: week,
                completed: completed.get(&week).copied().unwrap_or(0).max(0) as usize,
                weeks_remaining: burndown.remaining(),
            });
        }
        week = end;
    }
    points
}

/// The status each record had before its first change, to replay the
/// history from.
fn status_before<'a>(progress: &Progress, index: &'a Index) -> HashMap<&'a str, Status> {
    let mut status: HashMap<&'a str, Status> = index
        .records
        .keys()
        .map(|id| {
            (
                id.as_str(),
                progress
                    .skills
                    .get(id)
                    .map_or(Status::Todo, crate::progress::SkillRecord::status),
            )
        })
        .collect();
    for c in index.changes.iter().rev() {
        if let Some((id, from, _)) = c.change.status_change() {
            status.insert(id, from);
        }
    }
    status
}

/// Skills marked done per week (by its Monday), less any un-marked again.
fn completed_per_week(index: &Index) -> BTreeMap<NaiveDate, i64> {
    let mut completed: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    for c in &index.changes {
        let Some((_, from, to)) = c.change.status_change() else {
            continue;
        };
        let delta = i64::from(to == Status::Done) - i64::from(from == Status::Done);
        *completed.entry(week_start(c.day)).or_default() += delta;
    }
    completed
}

/// Remaining weeks kept up to date change by change, instead of summing the
/// whole roadmap again for every week of history.
struct Burndown {
    weeks: Weeks,
    /// Whether any skill has a time at all; if none, there is no burndown.
    estimated: bool,
}

impl Burndown {
    /// Adds (`sign` 1) or takes away (`sign` -1) one skill's remaining time.
    fn add(&mut self, time: Option<Weeks>, status: Status, sign: f64) {
        if let Some(w) = time {
            self.weeks += w.scale(sign * remaining_share(status));
        }
    }

    /// As [`super::summarize`] reports it: `None` when nothing is estimated.
    fn remaining(&self) -> Option<Weeks> {
        // Adding and taking away leaves float dust (1e-15); round it off.
        let clean = |w: f64| ((w * 1e6).round() / 1e6).max(0.0);
        self.estimated
            .then(|| Weeks::range(clean(self.weeks.min), clean(self.weeks.max)))
    }
}

/// The plan beside the burndown: from the remaining weeks at the first point,
/// one estimated week per calendar week (the roadmap's own assumed pace).
pub fn planned_line(series: &[WeekPoint]) -> Vec<f64> {
    let Some(start) = series.first().and_then(|p| p.weeks_remaining) else {
        return Vec::new();
    };
    (0..series.len())
        .map(|i| (start.mid() - i as f64).max(0.0))
        .collect()
}

/// Consecutive weeks, ending this week or last, with at least one skill
/// marked done. A week that has not ended yet does not break the streak.
pub fn streak(index: &Index, today: NaiveDate) -> usize {
    let weeks: HashSet<NaiveDate> = index
        .changes
        .iter()
        .filter(|c| c.change.skill_to() == Some(Status::Done))
        .map(|c| week_start(c.day))
        .collect();
    let mut week = week_start(today);
    if !weeks.contains(&week) {
        week = week - Days::new(7);
    }
    let mut n = 0;
    while weeks.contains(&week) {
        n += 1;
        week = week - Days::new(7);
    }
    n
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::roadmap::fixture;

    /// `n` skills of one week each.
    fn roadmap(n: usize) -> Roadmap {
        let skills = (0..n)
            .map(|i| fixture::skill(&format!("s{i}"), Some(1.0)))
            .collect();
        fixture::one_phase(None, skills)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn tick(p: &mut Progress, r: &Roadmap, i: usize, day: NaiveDate, to: Status) {
        let at = Utc.from_utc_datetime(&day.and_hms_opt(10, 0, 0).unwrap());
        p.set_status("r", &r.phases[0].skills[i], to, at);
    }

    #[test]
    fn no_history_gives_an_empty_series_and_no_streak() {
        let r = roadmap(3);
        let p = Progress::default();
        assert!(weekly_series(&r, &p, &Index::new(&r, &p), date(2026, 1, 5), 26).is_empty());
        assert_eq!(streak(&Index::new(&r, &p), date(2026, 1, 5)), 0);
        assert!(planned_line(&[]).is_empty());
    }

    #[test]
    fn series_counts_weeks_across_a_year_boundary() {
        let r = roadmap(4);
        let mut p = Progress::default();
        tick(&mut p, &r, 0, date(2026, 12, 22), Status::Done); // week of Mon 21 Dec
        tick(&mut p, &r, 1, date(2026, 12, 31), Status::Done); // week of Mon 28 Dec
        tick(&mut p, &r, 2, date(2027, 1, 2), Status::Done); // same week
        tick(&mut p, &r, 2, date(2027, 1, 3), Status::Todo); // undone again
        let s = weekly_series(&r, &p, &Index::new(&r, &p), date(2027, 1, 12), 26);
        let weeks: Vec<_> = s.iter().map(|w| (w.week_start, w.completed)).collect();
        assert_eq!(
            weeks,
            vec![
                (date(2026, 12, 21), 1),
                (date(2026, 12, 28), 1),
                (date(2027, 1, 4), 0),
                (date(2027, 1, 11), 0)
            ]
        );
        let remaining: Vec<_> = s.iter().map(|w| w.weeks_remaining.unwrap().min).collect();
        assert_eq!(remaining, vec![3.0, 2.0, 2.0, 2.0]);
        assert_eq!(planned_line(&s), vec![3.0, 2.0, 1.0, 0.0]);
        // Ticks in the weeks of 21 Dec and 28 Dec, none since: the streak ended.
        assert_eq!(streak(&Index::new(&r, &p), date(2027, 1, 12)), 0);
        assert_eq!(streak(&Index::new(&r, &p), date(2027, 1, 4)), 2);
        assert_eq!(
            weekly_series(&r, &p, &Index::new(&r, &p), date(2027, 1, 12), 2).len(),
            2
        );
    }

    #[test]
    fn streak_runs_back_from_this_week_or_last() {
        let r = roadmap(5);
        let mut p = Progress::default();
        for (i, d) in [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]
            .into_iter()
            .enumerate()
        {
            tick(&mut p, &r, i, d, Status::Done);
        }
        assert_eq!(streak(&Index::new(&r, &p), date(2026, 3, 18)), 3);
        assert_eq!(
            streak(&Index::new(&r, &p), date(2026, 3, 24)),
            3,
            "this week has not ended yet"
        );
        assert_eq!(streak(&Index::new(&r, &p), date(2026, 3, 31)), 0);
    }
}

#[cfg(test)]
mod burndown_tests {
    use chrono::{Days, NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::catalog::{Catalog, Sources};
    use crate::forecast::summarize;

    /// The burndown recomputed from scratch for each week: slow, obviously right.
    fn recount(roadmap: &Roadmap, progress: &Progress, series: &[WeekPoint]) -> Vec<Option<Weeks>> {
        let index = Index::new(roadmap, progress);
        series
            .iter()
            .map(|p| {
                let end = p.week_start + Days::new(7);
                let mut replay = progress.clone();
                for r in replay.skills.values_mut() {
                    r.status.value = Status::Todo;
                }
                for c in index.changes.iter().filter(|c| c.day < end) {
                    if let Some((id, _, to)) = c.change.status_change()
                        && let Some(r) = replay.skills.get_mut(id)
                    {
                        r.status.value = to;
                    }
                }
                summarize(roadmap, &replay).overall.remaining.weeks
            })
            .collect()
    }

    #[test]
    fn incremental_burndown_matches_a_full_recount() {
        let catalog = Catalog::load(&Sources::bundled_only());
        let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        for entry in &catalog.entries {
            let r = &entry.roadmap;
            let mut p = Progress::default();
            let skills: Vec<_> = r.skills().map(|(_, s)| s.clone()).collect();
            let count = skills.len().saturating_sub(4).max(1) as u64;
            for (i, s) in skills.iter().enumerate() {
                // Spread over years, like the stats snapshot; some skills twice.
                let back = 7 * 130 - (i as u64 * 7 * 130 / count).min(7 * 130);
                let day = today - Days::new(back);
                let at = Utc.from_utc_datetime(&day.and_hms_opt(18, 30, 0).unwrap());
                let to = [Status::Done, Status::Doing, Status::Skipped, Status::Done][i % 4];
                p.set_status(&r.id, s, to, at);
                if i % 5 == 0 {
                    p.set_status(&r.id, s, Status::Done, at + chrono::Duration::days(3));
                }
            }
            let series = weekly_series(r, &p, &Index::new(r, &p), today, usize::MAX);
            let got: Vec<_> = series.iter().map(|w| w.weeks_remaining).collect();
            let want = recount(r, &p, &series);
            for (week, (g, w)) in series.iter().zip(got.iter().zip(&want)) {
                let close = match (g, w) {
                    (Some(a), Some(b)) => {
                        (a.min - b.min).abs() < 1e-5 && (a.max - b.max).abs() < 1e-5
                    }
                    (a, b) => a == b,
                };
                assert!(close, "{} week {}: {g:?} != {w:?}", r.id, week.week_start);
            }
        }
    }
}
