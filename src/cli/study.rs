//! `log`: study time on a skill, and the study lines `status` prints.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::skills::find_skill;
use super::tracking::{remember_roadmap, today};
use crate::catalog::Catalog;
use crate::forecast::Summary;
use crate::forecast::measured::{self, MEASURED_WINDOW_WEEKS, Measured};
use crate::progress::{self, Minutes, Store, skill_record_id};

/// A `--date` the log cannot take: not a date, or after today.
#[derive(Debug, thiserror::Error)]
pub enum BadStudyDate {
    /// Not written `YYYY-MM-DD`, or no such day.
    #[error("--date `{0}` is not a date; write it YYYY-MM-DD, like 2026-11-30")]
    Form(String),
    /// A day still to come (local dates).
    #[error(
        "--date {date} is after today ({today}); log study once it happened (local dates; TRAILMARK_TODAY sets today)"
    )]
    Future { date: NaiveDate, today: NaiveDate },
}

/// clap's parser for the DURATION argument: whole minutes, or the message
/// of what is wrong (clap makes it a usage error, exit 2).
pub fn duration_arg(text: &str) -> Result<u32, String> {
    progress::parse_duration(text).map_err(|e| e.to_string())
}

/// `trailmark log ROADMAP SKILL DURATION [--date DATE]`: adds a study
/// session on the learner's local date (today unless given).
pub(super) fn log(
    catalog: &Catalog,
    store: &mut Store,
    roadmap: &str,
    skill: &str,
    minutes: u32,
    date: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let r = &catalog.require(roadmap)?.roadmap;
    let s = find_skill(r, skill)?;
    let today = today();
    let date = match date {
        None => today,
        Some(text) => {
            let d = crate::roadmap::parse_date(text)
                .ok_or_else(|| BadStudyDate::Form(text.to_owned()))?;
            if d > today {
                return Err(BadStudyDate::Future { date: d, today }.into());
            }
            d
        }
    };
    let id = skill_record_id(&r.id, s);
    // Checked on the file as it is now; another copy logging the same day at
    // the same instant could still pass 24 hours, which is only ever shown.
    store
        .progress()
        .check_day_room(date, minutes)
        .map_err(|full| super::Usage(full.to_string()))?;
    store.update(|p| p.log_study(&r.id, &id, date, minutes, progress::now()))?;
    remember_roadmap(store, &r.id);
    let p = store.progress();
    writeln!(
        out,
        "{} › {}: logged {} on {date}; {} on this skill, {} on the roadmap",
        r.id,
        s.title,
        Minutes(u64::from(minutes)),
        Minutes(measured::skill_minutes(p, &id)),
        Minutes(measured::minutes_logged(p, r)),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Hours to two decimals for JSON (`1.25`, not `1.2499999`).
pub(super) fn round_hours(h: f64) -> f64 {
    (h * 100.0).round() / 100.0
}

/// The `status` line of the finish date at the measured pace, or why there is none.
pub(super) fn measured_line(s: &Summary, m: &Measured, roadmap_pace: Option<f64>) -> String {
    if s.remaining
        .weeks
        .is_none_or(crate::estimate::Weeks::is_zero)
    {
        return "at measured pace: no remaining estimate to go on".to_owned();
    }
    match (m.finish, m.hours_per_week, roadmap_pace) {
        (Some(d), Some(h), _) => format!(
            "{d} at your measured pace ({h:.1} h/week logged, last {MEASURED_WINDOW_WEEKS} weeks)"
        ),
        (_, None, _) => {
            "at measured pace: needs two weeks of study logged (`trailmark log`, or T in the app)"
                .to_owned()
        }
        (_, Some(_), None) => {
            "at measured pace: the roadmap does not say what weekly hours its estimates assume"
                .to_owned()
        }
        (None, Some(_), Some(_)) => {
            format!("at measured pace: no study logged in the last {MEASURED_WINDOW_WEEKS} weeks")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_measured_line_says_what_is_missing() {
        let s = Summary {
            remaining: crate::estimate::Total {
                weeks: Some(crate::estimate::Weeks::exact(4.0)),
                ..Default::default()
            },
            ..Summary::default()
        };
        let none = Measured::default();
        assert!(measured_line(&s, &none, Some(10.0)).contains("needs two weeks"));
        let idle = Measured {
            hours_per_week: Some(0.0),
            ..Measured::default()
        };
        assert!(measured_line(&s, &idle, Some(10.0)).contains("no study logged"));
        let d = NaiveDate::from_ymd_opt(2026, 2, 26).unwrap();
        let fine = Measured {
            hours_per_week: Some(5.0),
            finish: Some(d),
            hours_logged: 10.0,
        };
        assert_eq!(
            measured_line(&s, &fine, Some(10.0)),
            "2026-02-26 at your measured pace (5.0 h/week logged, last 8 weeks)"
        );
        assert!((round_hours(1.249_999) - 1.25).abs() < 1e-12);
    }
}
