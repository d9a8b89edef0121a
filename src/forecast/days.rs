//! Days and weeks: the calendar every series, streak and plan counts in.

use chrono::{Datelike, Days, NaiveDate};

/// Monday of the ISO week holding `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weeks_start_on_monday_across_a_year_boundary() {
        assert_eq!(week_start(date(2027, 1, 1)), date(2026, 12, 28));
        assert_eq!(week_start(date(2026, 12, 28)), date(2026, 12, 28));
    }
}
