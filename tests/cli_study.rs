//! `trailmark log` and the study keys of `status`, run as a user would,
//! against temporary files, with today fixed by `TRAILMARK_TODAY`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/binary.rs"]
mod binary;

use std::path::Path;
use std::process::Output;

use serde_json::{Value, json};

const SIX: &str = "backend-six-phases";
const TODAY: &str = "2026-11-30";

fn run(dir: &Path, args: &[&str]) -> Output {
    binary::run_on(dir, TODAY, args)
}

/// stdout of a command that must succeed.
fn ok(dir: &Path, args: &[&str]) -> String {
    binary::ok_on(dir, TODAY, args)
}

fn status_json(dir: &Path) -> Value {
    serde_json::from_str(&ok(dir, &["status", SIX, "--json"])).unwrap()
}

#[test]
fn durations_are_logged_in_minutes_and_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        ok(d, &["log", SIX, "http", "90m"]),
        "backend-six-phases › The HTTP protocol: logged 1h 30m on 2026-11-30; 1h 30m on this skill, 1h 30m on the roadmap\n"
    );
    ok(d, &["log", SIX, "http", "1.5h", "--date", "2026-11-29"]);
    let out = ok(d, &["log", SIX, "http", "1h30m"]);
    assert!(
        out.ends_with("4h 30m on this skill, 4h 30m on the roadmap\n"),
        "{out}"
    );
    let file = std::fs::read_to_string(d.join("data/progress.yaml")).unwrap();
    assert_eq!(file.matches("  field: study\n").count(), 3, "{file}");
    assert!(
        file.contains("  date: 2026-11-29\n  minutes: 90\n"),
        "{file}"
    );
}

#[test]
fn bad_durations_and_dates_are_usage_errors_that_say_what_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases = [
        (
            vec!["log", SIX, "http", "25h"],
            "`25h` is more than 24 hours in one entry; log each day's study as its own entry (with --date)",
        ),
        (
            vec!["log", SIX, "http", "90"],
            "`90` is not a duration; write minutes or hours like 90m, 1.5h or 1h30m",
        ),
        (
            vec!["log", SIX, "http", "-5m"],
            "`-5m` is not a duration; write minutes or hours like 90m, 1.5h or 1h30m",
        ),
        (
            vec!["log", SIX, "http", "0m"],
            "`0m` is less than a minute; log at least 1m",
        ),
        (
            vec!["log", SIX, "http", "1h", "--date", "30.11.2026"],
            "--date `30.11.2026` is not a date; write it YYYY-MM-DD, like 2026-11-30",
        ),
        (
            vec!["log", SIX, "http", "1h", "--date", "2026-12-01"],
            "--date 2026-12-01 is after today (2026-11-30); log study once it happened",
        ),
        (
            vec!["log", SIX, "htp", "1h"],
            "has no skill `htp`; did you mean `http`?",
        ),
    ];
    for (args, message) in cases {
        let out = run(d, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    assert!(
        !d.join("data/progress.yaml").exists(),
        "nothing was written"
    );
}

#[test]
fn status_gains_hours_logged_and_the_measured_pace() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fresh = status_json(d);
    assert_eq!(fresh["hours_logged"], json!(0.0));
    assert_eq!(fresh["hours_per_week_measured"], Value::Null);
    assert_eq!(fresh["finish_date_by_measured_pace"], Value::Null);

    // Under two weeks of logs: hours, but no pace yet.
    ok(d, &["log", SIX, "http", "3h", "--date", "2026-11-20"]);
    let early = status_json(d);
    assert_eq!(early["hours_logged"], json!(3.0));
    assert_eq!(early["hours_per_week_measured"], Value::Null);

    // First session 14 days ago (2026-11-17 to 2026-11-30): 3 h + 4 h + 7 h
    // over two weeks is 7 h a week.
    ok(d, &["log", SIX, "http", "4h", "--date", "2026-11-17"]);
    ok(d, &["log", SIX, "variables", "7h"]);
    // Another roadmap's own skill does not count here.
    ok(d, &["log", "backend-burger", "open-source", "5h"]);
    let s = status_json(d);
    assert_eq!(s["hours_logged"], json!(14.0));
    assert_eq!(s["hours_per_week_measured"], json!(7.0));
    // 24 weeks at the roadmap's 14 h a week are 336 h; at 7 h, 48 weeks.
    assert_eq!(s["finish_date_by_measured_pace"], json!("2027-11-01"));
    let text = ok(d, &["status", SIX]);
    assert!(
        text.contains("Finish:    2027-11-01 at your measured pace (7.0 h/week logged over the last 8 weeks; the roadmap assumes 14 h/week)\n"),
        "{text}"
    );
    assert!(
        text.contains("           2027-11-01 at your measured pace, as above (the hours you logged are your pace)\nStudied:   14h logged\n"),
        "{text}"
    );
}
