//! The calendar of study days: for each of the learner's local days in the
//! last weeks, the skills finished and the minutes logged, like a
//! contributions graph. A pure function of a roadmap, the progress and
//! today's local date; the stats screen draws it.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Days, NaiveDate};

use crate::progress::{Progress, Status, skill_record_id};
use crate::roadmap::Roadmap;

/// How many weeks the stats screen's calendar covers.
pub const CALENDAR_WEEKS: usize = 26;

/// What a finished skill weighs, in minutes, when a day is shaded: a day a
/// skill was ticked done is a day of real work even with no time logged.
pub const FINISHED_SKILL_MINUTES: u64 = 60;

/// One day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Day {
    /// Skills of the roadmap marked done that day (local).
    pub finished: usize,
    /// Minutes of study logged for that day on the roadmap's skills.
    pub minutes: u64,
}

impl Day {
    /// How dark the day is drawn, 0 (nothing) to 4, from the minutes logged
    /// plus [`FINISHED_SKILL_MINUTES`] per finished skill: 1 under half an
    /// hour, 2 under an hour and a half, 3 under three hours, 4 beyond.
    /// Fixed steps rather than quartiles of the busiest day, so a day's shade
    /// does not change when another day gets busier.
    pub fn level(self) -> u8 {
        let weight = self.minutes + FINISHED_SKILL_MINUTES * self.finished as u64;
        match weight {
            0 => 0,
            1..30 => 1,
            30..90 => 2,
            90..180 => 3,
            _ => 4,
        }
    }
}

/// Days by weeks: column `w` is the week starting on `first_monday + 7w`,
/// row `d` its weekday (0 Monday … 6 Sunday). The last column holds today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// The Monday of the first (oldest) week shown.
    pub first_monday: NaiveDate,
    /// The learner's local today: later days of its week are not drawn.
    pub today: NaiveDate,
    /// Number of weeks (columns).
    pub weeks: usize,
    days: HashMap<NaiveDate, Day>,
}

impl Calendar {
    /// The date in week column `week`, weekday row `weekday` (0 = Monday).
    pub fn date(&self, week: usize, weekday: usize) -> Option<NaiveDate> {
        let offset = u64::try_from(week * 7 + weekday).ok()?;
        self.first_monday.checked_add_days(Days::new(offset))
    }

    /// The day at that place; `None` for days after today (not yet lived).
    pub fn day(&self, week: usize, weekday: usize) -> Option<Day> {
        let date = self.date(week, weekday)?;
        (date <= self.today).then(|| self.days.get(&date).copied().unwrap_or_default())
    }

    /// The week columns where a month begins (the column holding its 1st),
    /// with the month (1–12), oldest first.
    pub fn month_starts(&self) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        for week in 0..self.weeks {
            let Some(monday) = self.date(week, 0) else {
                continue;
            };
            let sunday = monday + Days::new(6);
            if monday.day() == 1 || sunday.month() != monday.month() {
                out.push((week, sunday.month()));
            }
        }
        out
    }

    /// Days with anything in them, and the minutes logged, over the calendar.
    pub fn totals(&self) -> (usize, u64) {
        let shown = |d: &&NaiveDate| **d >= self.first_monday && **d <= self.today;
        let active = self
            .days
            .iter()
            .filter(|(d, day)| shown(d) && day.level() > 0);
        let (mut days, mut minutes) = (0, 0);
        for (_, day) in active {
            days += 1;
            minutes += day.minutes;
        }
        (days, minutes)
    }
}

/// The last `weeks` weeks up to today's (local), for the roadmap's skills:
/// skills finished per day (a status change to done, on its local day) and
/// minutes logged per day.
pub fn calendar(
    roadmap: &Roadmap,
    progress: &Progress,
    today: NaiveDate,
    weeks: usize,
) -> Calendar {
    let weeks = weeks.max(1);
    let back = u64::try_from((weeks - 1) * 7).unwrap_or(0);
    let first_monday = super::week_start(today) - Days::new(back);
    let ids: HashSet<String> = roadmap
        .skills()
        .map(|(_, s)| skill_record_id(&roadmap.id, s))
        .collect();
    let in_range = |d: NaiveDate| d >= first_monday && d <= today;
    let mut days: HashMap<NaiveDate, Day> = HashMap::new();
    for c in &progress.history {
        if let Some((id, date, minutes)) = c.study() {
            if ids.contains(id) && in_range(date) {
                days.entry(date).or_default().minutes += u64::from(minutes);
            }
        } else if let Some((id, _, Status::Done)) = c.status_change()
            && ids.contains(id)
        {
            let date = super::days::local_day(c.time());
            if in_range(date) {
                days.entry(date).or_default().finished += 1;
            }
        }
    }
    Calendar {
        first_monday,
        today,
        weeks,
        days,
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Local, TimeZone, Utc};

    use super::*;
    use crate::roadmap::fixture::skill;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn days_fall_in_rows_by_weekday_and_columns_by_week() {
        let r = crate::roadmap::fixture::one_phase(None, vec![skill("a", Some(1.0))]);
        let mut p = Progress::default();
        let at = crate::progress::now();
        let today = date(2026, 11, 30); // a Monday
        p.log_study("r", "r/a", date(2026, 11, 25), 45, at);
        p.log_study("r", "r/a", date(2026, 11, 25), 50, at);
        p.log_study("r", "other/x", date(2026, 11, 25), 500, at);
        p.log_study("r", "r/a", date(2026, 1, 1), 500, at);
        // Noon of today, local: today in whatever zone the test runs in.
        let noon = Local
            .from_local_datetime(&today.and_hms_opt(12, 0, 0).unwrap())
            .earliest()
            .unwrap()
            .with_timezone(&Utc);
        p.set_status_by_id("r", "r/a", Status::Done, noon);
        let cal = calendar(&r, &p, today, 26);
        assert_eq!(cal.first_monday, date(2026, 6, 8));
        assert_eq!(cal.date(24, 2), Some(date(2026, 11, 25)));
        let wed = cal.day(24, 2).unwrap();
        assert_eq!((wed.minutes, wed.finished, wed.level()), (95, 0, 3));
        // Today's tick, on today's local day.
        assert_eq!(cal.day(25, 0).map(|d| d.finished), Some(1));
        assert_eq!(cal.day(25, 1), None, "tomorrow is not drawn");
        assert_eq!(cal.day(0, 0), Some(Day::default()));
        assert_eq!(cal.totals(), (2, 95));
    }

    #[test]
    fn shades_step_by_time_and_finished_skills() {
        let day = |minutes, finished| Day { finished, minutes }.level();
        assert_eq!(day(0, 0), 0);
        assert_eq!(day(10, 0), 1);
        assert_eq!(day(0, 1), 2);
        assert_eq!(day(60, 1), 3);
        assert_eq!(day(240, 0), 4);
    }

    #[test]
    fn month_labels_go_where_a_month_begins() {
        let r = crate::roadmap::fixture::one_phase(None, vec![skill("a", Some(1.0))]);
        let cal = calendar(&r, &Progress::default(), date(2026, 11, 30), 26);
        let starts = cal.month_starts();
        // 2026-06-29 (column 3) holds July 1st; 2026-07-27 (column 7) August 1st.
        assert_eq!(starts[..2], [(3, 7), (7, 8)]);
        // 2026-10-26 (column 20) holds Sunday November 1st; today's week
        // (column 25) December 1st, still to come.
        assert_eq!(starts[starts.len() - 2..], [(20, 11), (25, 12)]);
    }
}
