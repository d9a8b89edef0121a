//! Study sessions: time the learner spent on a skill, logged from the
//! command line (`trailmark log`) or the app's timer.
//!
//! A session is a history entry (`field: study`) with the learner's local
//! date and the minutes studied. The history is a set merged by union, so
//! sessions form a grow-only set: two copies that each logged a session keep
//! both, and a session is never lost or counted twice by a merge (each entry
//! has its own stamp from the hybrid logical clock).

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};

use super::Progress;
use super::history::{Change, Edit, Target};

/// The longest single session: a day. Longer is almost surely a typo
/// (`90h` for `90m`) or a timer left running.
pub const MAX_SESSION_MINUTES: u32 = 24 * 60;

impl Progress {
    /// Logs `minutes` of study on the skill stored under `record_id`, on the
    /// learner's local `date`, made at wall time `at` in `roadmap_id`.
    /// Returns the history entry. `minutes` should be 1 to
    /// [`MAX_SESSION_MINUTES`]; [`parse_duration`] gives only such values.
    pub fn log_study(
        &mut self,
        roadmap_id: &str,
        record_id: &str,
        date: NaiveDate,
        minutes: u32,
        at: DateTime<Utc>,
    ) -> Change {
        let change = Change {
            at: self.tick(at),
            roadmap: Some(roadmap_id.to_owned()),
            target: Target::Skill(record_id.to_owned()),
            edit: Edit::Study { date, minutes },
        };
        // The clock makes each new stamp the largest: pushing keeps the
        // history sorted.
        self.history.push(change.clone());
        change
    }

    /// Every study session: the skill's record id, the local date and the
    /// minutes, in history order.
    pub fn study_sessions(&self) -> impl Iterator<Item = (&str, NaiveDate, u32)> {
        self.history.iter().filter_map(Change::study)
    }

    /// Minutes of study logged on the local `date`, on every skill of every
    /// roadmap: a day has 24 hours whatever the roadmap.
    pub fn minutes_studied_on(&self, date: NaiveDate) -> u64 {
        self.study_sessions()
            .filter(|(_, d, _)| *d == date)
            .map(|(_, _, m)| u64::from(m))
            .sum()
    }

    /// Whether `minutes` more fit into the local `date` without its study
    /// (all sessions on that day) going over 24 hours.
    ///
    /// Errors: [`DayFull`], saying how much that day already holds.
    pub fn check_day_room(&self, date: NaiveDate, minutes: u32) -> Result<(), DayFull> {
        let logged = self.minutes_studied_on(date);
        if logged + u64::from(minutes) <= u64::from(MAX_SESSION_MINUTES) {
            return Ok(());
        }
        Err(DayFull {
            date,
            logged: Minutes(logged),
            adding: Minutes(u64::from(minutes)),
            room: Minutes(u64::from(MAX_SESSION_MINUTES).saturating_sub(logged)),
        })
    }
}

/// A session that would put more than 24 hours of study into one local day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{date} already has {logged} of study logged (all roadmaps); {adding} more would make more than 24 hours that day. {}",
    if room.0 == 0 { "Nothing more fits; log it on the day it happened (with --date)".to_owned() } else { format!("At most {room} more fits; log the rest on the day it happened (with --date)") }
)]
pub struct DayFull {
    /// The learner's local day.
    pub date: NaiveDate,
    /// Study already logged that day, on every roadmap.
    pub logged: Minutes,
    /// The session that did not fit.
    pub adding: Minutes,
    /// What still fits that day.
    pub room: Minutes,
}

/// Reads a history entry's `date` and `minutes`. On error: the key at fault
/// and what is wrong with it.
pub(super) fn read_entry(
    date: Option<&str>,
    minutes: Option<&str>,
) -> Result<Edit, (&'static str, String)> {
    let date_text = date.ok_or_else(|| {
        (
            "field",
            "a study entry needs `date:` (the local day, YYYY-MM-DD)".to_owned(),
        )
    })?;
    let date = crate::roadmap::parse_date(date_text).ok_or_else(|| {
        (
            "date",
            format!("`{date_text}` is not a date; write it YYYY-MM-DD, like 2026-11-30"),
        )
    })?;
    let minutes_text = minutes.ok_or_else(|| {
        (
            "field",
            "a study entry needs `minutes:` (whole minutes studied)".to_owned(),
        )
    })?;
    let minutes = minutes_text
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=MAX_SESSION_MINUTES).contains(m))
        .ok_or_else(|| {
            (
                "minutes",
                format!(
                    "`{minutes_text}` is not a session length; give whole minutes, 1 to {MAX_SESSION_MINUTES}"
                ),
            )
        })?;
    Ok(Edit::Study { date, minutes })
}

/// A duration that is not one, or is out of range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadDuration {
    /// Not in a form trailmark reads.
    #[error("`{0}` is not a duration; write minutes or hours like 90m, 1.5h or 1h30m")]
    Form(String),
    /// Hours and minutes together that do not read as a clock does:
    /// minutes of 60 or more, or a decimal hour, before the minutes.
    #[error(
        "`{text}` is not a duration: with hours, give whole hours and minutes under 60; write it `{fix}`"
    )]
    Mixed {
        /// What was typed.
        text: String,
        /// The same time written right (`2h 1m` or `121m`).
        fix: String,
    },
    /// Under one minute, whatever the unit (`0.01h` is 36 seconds).
    #[error("`{0}` is less than a minute; log at least 1m")]
    TooShort(String),
    /// Longer than [`MAX_SESSION_MINUTES`].
    #[error(
        "`{0}` is more than 24 hours in one entry; log each day's study as its own entry (with --date)"
    )]
    TooLong(String),
}

/// Parses a session length: `90m`, `1.5h`, `1h30m`, `2h`, `45min`, `1 h 30 m`
/// (hours then minutes, each at most once, decimals allowed). Returns whole
/// minutes, rounded to the nearest, 1 to [`MAX_SESSION_MINUTES`].
///
/// Errors: [`BadDuration`] for text that is not a duration (a bare number is
/// one: `90` could be minutes or hours), for less than half a minute, and
/// for more than 24 hours.
pub fn parse_duration(text: &str) -> Result<u32, BadDuration> {
    let form = || BadDuration::Form(text.to_owned());
    let compact: String = text
        .trim()
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut rest = compact.as_str();
    let mut total = 0.0;
    let mut seen_hours = false;
    let mut seen_minutes = false;
    // A clock's form: whole hours, then minutes under 60.
    let mut clock = true;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(form)?;
        let number: f64 = rest[..digits].parse().map_err(|_| form())?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        rest = &rest[unit_len..];
        match unit {
            "h" | "hr" | "hrs" | "hour" | "hours" if !seen_hours && !seen_minutes => {
                seen_hours = true;
                clock = number.fract() == 0.0;
                total += number * 60.0;
            }
            "m" | "min" | "mins" | "minute" | "minutes" if !seen_minutes => {
                seen_minutes = true;
                clock &= !seen_hours || number < 60.0;
                total += number;
            }
            _ => return Err(form()),
        }
    }
    if !(seen_hours || seen_minutes) || !total.is_finite() {
        return Err(form());
    }
    let minutes = total.round();
    if seen_hours && seen_minutes && !clock {
        return Err(BadDuration::Mixed {
            text: text.to_owned(),
            fix: format!("{} or {minutes}m", Minutes(minutes as u64)),
        });
    }
    // Checked before rounding: `0.01h` (36 s) is not a minute.
    if total < 1.0 {
        return Err(BadDuration::TooShort(text.to_owned()));
    }
    if minutes > f64::from(MAX_SESSION_MINUTES) {
        return Err(BadDuration::TooLong(text.to_owned()));
    }
    Ok(minutes as u32)
}

/// Minutes as the learner reads them: `45m`, `2h`, `1h 30m`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Minutes(pub u64);

impl fmt::Display for Minutes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m) = (self.0 / 60, self.0 % 60);
        match (h, m) {
            (0, m) => write!(f, "{m}m"),
            (h, 0) => write!(f, "{h}h"),
            (h, m) => write!(f, "{h}h {m}m"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mixed(text: &str, fix: &str) -> BadDuration {
        BadDuration::Mixed {
            text: text.into(),
            fix: fix.into(),
        }
    }

    #[test]
    fn durations_read_as_a_learner_writes_them() {
        let table: &[(&str, Result<u32, BadDuration>)] = &[
            ("90m", Ok(90)),
            ("1.5h", Ok(90)),
            ("1h30m", Ok(90)),
            ("1h 30m", Ok(90)),
            ("2h", Ok(120)),
            ("45min", Ok(45)),
            ("2 hours", Ok(120)),
            ("0.25h", Ok(15)),
            ("24h", Ok(1440)),
            ("1H", Ok(60)),
            ("90", Err(BadDuration::Form("90".into()))),
            ("", Err(BadDuration::Form(String::new()))),
            ("h", Err(BadDuration::Form("h".into()))),
            ("1x", Err(BadDuration::Form("1x".into()))),
            ("30m1h", Err(BadDuration::Form("30m1h".into()))),
            ("1h1h", Err(BadDuration::Form("1h1h".into()))),
            ("1..5h", Err(BadDuration::Form("1..5h".into()))),
            ("-1h", Err(BadDuration::Form("-1h".into()))),
            ("0m", Err(BadDuration::TooShort("0m".into()))),
            ("0.2m", Err(BadDuration::TooShort("0.2m".into()))),
            ("24h1m", Err(BadDuration::TooLong("24h1m".into()))),
            ("0.01h", Err(BadDuration::TooShort("0.01h".into()))),
            ("0.5m", Err(BadDuration::TooShort("0.5m".into()))),
            (
                "0.9 minutes",
                Err(BadDuration::TooShort("0.9 minutes".into())),
            ),
            ("1m", Ok(1)),
            ("0.02h", Ok(1)),
            ("1h59m", Ok(119)),
            ("1h 0m", Ok(60)),
            ("0h45m", Ok(45)),
            ("1h61m", Err(mixed("1h61m", "2h 1m or 121m"))),
            ("1h60m", Err(mixed("1h60m", "2h or 120m"))),
            (
                "2 hours 90 minutes",
                Err(mixed("2 hours 90 minutes", "3h 30m or 210m")),
            ),
            ("1.5h30m", Err(mixed("1.5h30m", "2h or 120m"))),
            ("0h90m", Err(mixed("0h90m", "1h 30m or 90m"))),
            ("25h", Err(BadDuration::TooLong("25h".into()))),
            ("1e9h", Err(BadDuration::Form("1e9h".into()))),
        ];
        for (text, want) in table {
            assert_eq!(&parse_duration(text), want, "{text:?}");
        }
    }

    #[test]
    fn the_messages_say_what_to_write() {
        assert_eq!(
            parse_duration("soon").unwrap_err().to_string(),
            "`soon` is not a duration; write minutes or hours like 90m, 1.5h or 1h30m"
        );
        assert_eq!(
            parse_duration("25h").unwrap_err().to_string(),
            "`25h` is more than 24 hours in one entry; log each day's study as its own entry (with --date)"
        );
    }

    #[test]
    fn a_day_holds_24_hours_of_study_over_every_roadmap() {
        let mut p = Progress::default();
        let d = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let at = crate::progress::now();
        p.log_study("a", "git", d, 20 * 60, at);
        p.log_study("b", "sql", d, 3 * 60, at);
        p.log_study("a", "git", d.pred_opt().unwrap(), 10 * 60, at);
        assert_eq!(p.minutes_studied_on(d), 23 * 60);
        assert_eq!(p.check_day_room(d, 60), Ok(()));
        let full = p.check_day_room(d, 61).unwrap_err();
        assert_eq!(
            full.to_string(),
            "2026-11-30 already has 23h of study logged (all roadmaps); 1h 1m more would make more than 24 hours that day. At most 1h more fits; log the rest on the day it happened (with --date)"
        );
        p.log_study("b", "sql", d, 60, at);
        assert_eq!(
            p.check_day_room(d, 1).unwrap_err().to_string(),
            "2026-11-30 already has 24h of study logged (all roadmaps); 1m more would make more than 24 hours that day. Nothing more fits; log it on the day it happened (with --date)"
        );
    }

    #[test]
    fn minutes_read_in_hours_and_minutes() {
        assert_eq!(Minutes(45).to_string(), "45m");
        assert_eq!(Minutes(120).to_string(), "2h");
        assert_eq!(Minutes(90).to_string(), "1h 30m");
    }

    #[test]
    fn sessions_are_kept_apart_even_when_alike() {
        let mut p = Progress::default();
        let d = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let at = crate::progress::now();
        p.log_study("r", "git", d, 30, at);
        p.log_study("r", "git", d, 30, at);
        assert_eq!(p.study_sessions().count(), 2);
        let text = crate::progress::render(&p);
        assert!(
            text.contains("  field: study\n  date: 2026-11-30\n  minutes: 30\n"),
            "{text}"
        );
        let back = crate::progress::parse(text.as_bytes(), std::path::Path::new("p")).unwrap();
        assert_eq!(back, p);
        let slow =
            crate::progress::parse_with_serde(text.as_bytes(), std::path::Path::new("p")).unwrap();
        assert_eq!(slow, p);
    }

    #[test]
    fn a_bad_study_entry_names_the_key_at_fault() {
        assert_eq!(
            read_entry(Some("2026-13-01"), Some("5")).unwrap_err().0,
            "date"
        );
        assert_eq!(
            read_entry(Some("2026-11-30"), Some("0")).unwrap_err().0,
            "minutes"
        );
        assert_eq!(
            read_entry(Some("2026-11-30"), Some("1441")).unwrap_err().0,
            "minutes"
        );
        assert_eq!(read_entry(None, Some("5")).unwrap_err().0, "field");
    }
}
