//! Days and weeks are the learner's local ones: the real binary (command line
//! and app) with `TZ` and `TRAILMARK_TODAY` fixed, against progress files
//! whose UTC stamps fall on another day than the local one.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/pty.rs"]
mod pty;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use chrono::{FixedOffset, Timelike, Utc};
use serde_json::Value;

const SIX: &str = "backend-six-phases";
/// UTC−12, in POSIX form (the sign is inverted): no zone database needed.
const WEST_12: &str = "<-12>12";
/// UTC+14.
const EAST_14: &str = "<+14>-14";

fn trailmark(dir: &Path, tz: &str, today: Option<&str>) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trailmark"));
    cmd.env("TRAILMARK_CONFIG_DIR", dir.join("config"))
        .env("TRAILMARK_DATA", dir.join("data/progress.yaml"))
        .env("TRAILMARK_STATE", dir.join("state/state.yaml"))
        .env("TZ", tz)
        .env_remove("TRAILMARK_ROADMAPS")
        .stdin(Stdio::null());
    match today {
        Some(day) => cmd.env("TRAILMARK_TODAY", day),
        None => cmd.env_remove("TRAILMARK_TODAY"),
    };
    cmd
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A progress file where `variables` was marked done at `first` and
/// `control-flow` at `second` (RFC 3339 UTC stamps).
fn ticked(dir: &Path, first: &str, second: &str) {
    let file = dir.join("data/progress.yaml");
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let record = |skill: &str, at: &str| {
        format!("  {SIX}/{skill}:\n    status: done\n    status_at: {at}\n")
    };
    let change = |skill: &str, at: &str| {
        format!(
            "- at: {at}\n  roadmap: {SIX}\n  skill: {SIX}/{skill}\n  field: status\n  from: todo\n  to: done\n"
        )
    };
    let text = format!(
        "version: 2\nskills:\n{}{}history:\n{}{}",
        record("variables", first),
        record("control-flow", second),
        change("variables", first),
        change("control-flow", second),
    );
    fs::write(file, text).unwrap();
}

#[test]
fn the_export_dates_a_tick_on_the_local_day() {
    let dir = tempfile::tempdir().unwrap();
    // 05:00 UTC on 1 December is 17:00 on 30 November at UTC−12.
    ticked(dir.path(), "2026-12-01T05:00:00Z", "2026-12-01T05:00:00Z");
    let out = trailmark(dir.path(), WEST_12, Some("2026-11-30"))
        .args(["export", SIX])
        .output()
        .unwrap();
    let text = ok(&out);
    assert!(
        text.contains("- [x] Variables, data types and operators (done 2026-11-30)"),
        "{text}"
    );
    let out = trailmark(dir.path(), EAST_14, Some("2026-12-01"))
        .args(["export", SIX])
        .output()
        .unwrap();
    assert!(ok(&out).contains("(done 2026-12-01)"));
}

#[test]
fn weekly_series_count_local_weeks() {
    let dir = tempfile::tempdir().unwrap();
    // Sunday 6 December 20:00 at UTC−12 is Monday 7 December 08:00 in UTC:
    // locally both ticks are in the week of Monday 30 November.
    ticked(dir.path(), "2026-12-01T05:00:00Z", "2026-12-07T08:00:00Z");
    let weekly = |tz: &str| -> Vec<(String, u64)> {
        let out = trailmark(dir.path(), tz, Some("2026-12-06"))
            .args(["status", SIX, "--json"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_str(&ok(&out)).unwrap();
        v["weekly"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| {
                (
                    w["week_start"].as_str().unwrap().to_owned(),
                    w["completed"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(weekly(WEST_12), vec![("2026-11-30".to_owned(), 2)]);
    assert_eq!(
        weekly("UTC"),
        vec![("2026-11-30".to_owned(), 1), ("2026-12-07".to_owned(), 1)]
    );
}

/// The example: at UTC−12 a skill ticked a second ago is dated
/// today, not tomorrow. The zone is chosen so that the local day differs from
/// the UTC one at the hour the test runs (UTC−12 before noon UTC, UTC+14
/// after 10:00 UTC).
#[test]
fn a_skill_ticked_just_now_is_dated_today_in_the_local_zone() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let (tz, offset) = if now.hour() < 12 {
        (WEST_12, FixedOffset::west_opt(12 * 3600).unwrap())
    } else {
        (EAST_14, FixedOffset::east_opt(14 * 3600).unwrap())
    };
    let local = now.with_timezone(&offset).date_naive();
    assert_ne!(local, now.date_naive(), "the zone must move the day");
    let out = trailmark(dir.path(), tz, None)
        .args(["mark", SIX, "variables", "done"])
        .output()
        .unwrap();
    ok(&out);
    let out = trailmark(dir.path(), tz, None)
        .args(["export", SIX])
        .output()
        .unwrap();
    let text = ok(&out);
    assert!(text.contains(&format!("(done {local})")), "{text}");
}

/// In the app, the same tick is "changed … (today)", not "(in the future)".
#[test]
fn the_app_says_a_tick_late_in_the_local_evening_was_today() {
    let dir = tempfile::tempdir().unwrap();
    ticked(dir.path(), "2026-12-01T05:00:00Z", "2026-12-01T05:00:00Z");
    // Marking opens the roadmap next time (and touches another skill only).
    let out = trailmark(dir.path(), WEST_12, Some("2026-11-30"))
        .args(["mark", SIX, "functions", "doing"])
        .output()
        .unwrap();
    ok(&out);
    let mut s = pty::Session::start_with(
        dir.path(),
        &[("TZ", WEST_12), ("TRAILMARK_TODAY", "2026-11-30")],
    );
    // The skills pane, first skill: `variables`.
    s.keys("\t");
    let screen = s.wait_for("changed 2026-11-30 (today)");
    assert!(!screen.contains("in the future"), "{screen}");
    s.keys("q");
    s.wait_exit();
}

/// Plan weeks are the learner's: "this week" is the week of the local today,
/// which at UTC+14 or UTC−12 is often not the UTC one; `TRAILMARK_TODAY`
/// wins over the zone.
#[test]
fn plan_weeks_start_on_the_local_monday() {
    let dir = tempfile::tempdir().unwrap();
    let first_week = |tz: &str, today: Option<&str>| -> String {
        let out = trailmark(dir.path(), tz, today)
            .args(["plan", SIX, "--json"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_str(&ok(&out)).unwrap();
        v["weeks"][0]["week_start"].as_str().unwrap().to_owned()
    };
    for (tz, offset) in [
        (WEST_12, FixedOffset::west_opt(12 * 3600).unwrap()),
        (EAST_14, FixedOffset::east_opt(14 * 3600).unwrap()),
    ] {
        let local = Utc::now().with_timezone(&offset).date_naive();
        let monday = trailmark::forecast::week_start(local);
        assert_eq!(first_week(tz, None), monday.to_string(), "{tz}");
    }
    // Sunday 6 December: its week began on Monday 30 November, in any zone.
    assert_eq!(first_week(EAST_14, Some("2026-12-06")), "2026-11-30");
    assert_eq!(first_week(WEST_12, Some("2026-12-07")), "2026-12-07");
}
