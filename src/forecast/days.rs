//! Days and weeks: the calendar every series, streak, plan and finish date
//! counts in. Days are the learner's local ones; stamps are stored in UTC and
//! turned into a local day here, and only here, so that a skill ticked late in
//! the evening counts on the evening's day wherever the learner lives.
//!
//! The local zone is the system's, or the `TZ` variable's when it is set
//! (chrono's [`Local`] reads it). [`TODAY_ENV`] fixes today for reproducible
//! output.

use chrono::{DateTime, Datelike, Days, Local, NaiveDate, TimeZone, Utc};

/// Environment variable that fixes "today" (YYYY-MM-DD), for reproducible
/// output in tests and screenshots.
pub const TODAY_ENV: &str = "TRAILMARK_TODAY";

/// [`TODAY_ENV`] is set, but not to a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{TODAY_ENV}=`{value}` is not a date written YYYY-MM-DD; using today's date ({today}) instead"
)]
pub struct BadToday {
    /// The variable's value as it was set.
    pub value: String,
    /// The real local date, used instead.
    pub today: NaiveDate,
}

/// Today: [`TODAY_ENV`] when it is set, else the learner's local date. A value
/// that is not a date is an error carrying the real date, so that callers say
/// so rather than silently show dates the user did not ask for.
pub fn today() -> Result<NaiveDate, BadToday> {
    match std::env::var(TODAY_ENV) {
        Ok(s) if !s.is_empty() => crate::roadmap::parse_date(&s).ok_or_else(|| BadToday {
            value: s,
            today: local_today(),
        }),
        _ => Ok(local_today()),
    }
}

/// The learner's local date now.
pub fn local_today() -> NaiveDate {
    Local::now().date_naive()
}

/// The learner's local day of a stored UTC stamp.
pub fn local_day(at: DateTime<Utc>) -> NaiveDate {
    day_in(at, &Local)
}

/// The day of a UTC stamp in `zone`.
pub fn day_in<Tz: TimeZone>(at: DateTime<Utc>, zone: &Tz) -> NaiveDate {
    at.with_timezone(zone).date_naive()
}

/// Monday of the ISO week holding `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weeks_start_on_monday_across_a_year_boundary() {
        assert_eq!(week_start(date(2027, 1, 1)), date(2026, 12, 28));
        assert_eq!(week_start(date(2026, 12, 28)), date(2026, 12, 28));
    }

    #[test]
    fn a_stamp_falls_on_the_local_day_not_the_utc_one() {
        // 05:00 UTC on 1 December is 17:00 on 30 November at UTC−12, and
        // 19:00 on 1 December at UTC+14.
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 5, 0, 0).unwrap();
        let west = FixedOffset::west_opt(12 * 3600).unwrap();
        let east = FixedOffset::east_opt(14 * 3600).unwrap();
        assert_eq!(day_in(at, &west), date(2026, 11, 30));
        assert_eq!(day_in(at, &east), date(2026, 12, 1));
        let late = Utc.with_ymd_and_hms(2026, 12, 1, 11, 0, 0).unwrap();
        assert_eq!(day_in(late, &east), date(2026, 12, 2));
        // A Sunday evening at UTC−12 is Monday in UTC: the week is the local one.
        let sunday = Utc.with_ymd_and_hms(2026, 12, 7, 3, 0, 0).unwrap();
        assert_eq!(week_start(day_in(sunday, &west)), date(2026, 11, 30));
    }
}
