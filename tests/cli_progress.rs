//! The progress commands that report, run as a user would: `status` (JSON
//! and text, which roadmap by default, the today override) and `pace`,
//! always against temporary files. `mark`/`reset` are in `cli_mark.rs`,
//! `export` in `cli_export.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;

use serde_json::{Value, json};

#[path = "support/progress_cli.rs"]
mod progress_cli;
use progress_cli::*;

#[test]
// Over 60 lines on purpose: it pins the whole `status --json` document of one run, key by key;
// split, each part would need the same run and the document would lose its
// one place.
fn status_json_has_every_key_and_counts_marks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fresh = json(d, &["status", SIX, "--json"]);
    assert_eq!(
        keys(&fresh),
        sorted(&[
            "roadmap",
            "weeks_remaining_at_your_pace",
            "pace",
            "finish_date_by_pace",
            "finish_date_by_history",
            "hours_logged",
            "hours_per_week_measured",
            "finish_date_by_measured_pace",
            "orphan_records",
            "phases",
            "weekly",
            "target_date",
            "hours_per_week_needed",
            "on_track"
        ])
    );
    assert_eq!(fresh["roadmap"], SIX);
    assert_eq!(fresh["skills_total"], 36);
    assert_eq!(fresh["todo"], 36);
    assert_eq!(fresh["percent_done"], 0.0);
    assert_eq!(fresh["weeks_total"], weeks(24.0));
    assert_eq!(fresh["weeks_remaining"], weeks(24.0));
    assert_eq!(fresh["unestimated_skills"], 0);
    // No pace of the learner's: the roadmap's own weeks, at its 14 h/week.
    assert_eq!(fresh["weeks_remaining_at_your_pace"], weeks(24.0));
    assert_eq!(
        fresh["pace"],
        json!({"hours_per_week": 14.0, "source": "roadmap"})
    );
    // No pace of the learner's yet: the roadmap's own (24 weeks at 14 h/week).
    assert_eq!(fresh["finish_date_by_pace"], "2026-08-31");
    assert_eq!(fresh["finish_date_by_history"], Value::Null);
    assert_eq!(fresh["orphan_records"], json!([]));
    assert_eq!(fresh["weekly"], json!([]));
    let phases = fresh["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 6);
    let phase_weeks: Vec<&Value> = phases.iter().map(|p| &p["weeks_total"]).collect();
    assert_eq!(
        phase_weeks,
        [4.0, 4.0, 4.0, 2.0, 4.0, 6.0]
            .map(weeks)
            .iter()
            .collect::<Vec<_>>()
    );
    for p in phases {
        assert_eq!(keys(p), sorted(&["id", "title"]));
        assert_eq!(p["skills_total"], 6);
    }
    assert_eq!(phases[0]["id"], "fundamentals");
    assert_eq!(phases[0]["title"], "Programming fundamentals");

    ok(d, &["mark", SIX, "http", "done"]);
    ok(d, &["mark", SIX, "variables", "doing"]);
    ok(d, &["mark", SIX, "functions", "skip"]);
    let after = json(d, &["status", SIX, "--json"]);
    assert_eq!(after["done"], 1);
    assert_eq!(after["doing"], 1);
    assert_eq!(after["skipped"], 1);
    assert_eq!(after["todo"], 33);
    // done ÷ (all − skipped) = 1/35
    assert_eq!(after["percent_done"], 2.9);
    assert_eq!(after["weeks_total"], weeks(24.0));
    // Each skill of a 4-week phase of 6 is 2/3 week: done and skipped need
    // none of it, doing half.
    assert_eq!(after["weeks_remaining"], weeks(22.333));
    let p0 = &after["phases"][0];
    assert_eq!(
        (&p0["done"], &p0["doing"], &p0["skipped"], &p0["todo"]),
        (&json!(0), &json!(1), &json!(1), &json!(4))
    );
    assert_eq!(p0["weeks_remaining"], weeks(3.0));
    assert_eq!(after["phases"][1]["done"], 1);
    assert_eq!(after["phases"][1]["percent_done"], 16.7);
    let weekly = after["weekly"].as_array().unwrap();
    assert!(!weekly.is_empty());
    for w in weekly {
        assert_eq!(keys(w), ["completed", "week_start", "weeks_remaining"]);
    }
}

#[test]
fn status_gives_estimates_in_the_articles_unit() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = ok(d, &["status", "backend-three-stages"]);
    assert!(
        text.contains("\nRemaining: 39–47.7 weeks of 9–11 months (≈39–47.7 weeks)\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\n 1 Beginner      0/4     0%  13–17.3 weeks of 3–4 months (≈13–17.3 weeks)\n"
        ),
        "{text}"
    );
    // Progress lowers what remains; the stage's estimate stays as written.
    let r = "backend-three-stages";
    ok(d, &["mark", r, "scaling", "done"]);
    let text = ok(d, &["status", r]);
    assert!(
        text.contains("\n 3 Advanced      1/6    17%  8.7 weeks of 3 months (≈13 weeks)\n"),
        "{text}"
    );
}

#[test]
fn status_text_shows_progress_remaining_and_phases() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["mark", SIX, "http", "done"]);
    let text = ok(d, &["status", SIX]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Backend Developer in Six Phases (backend-six-phases)"
    );
    assert_eq!(
        lines[1],
        "Progress:  1 of 36 skills done (3%), 0 doing, 35 to do"
    );
    assert_eq!(lines[2], "Remaining: 23.3 weeks of 24 weeks");
    assert_eq!(
        lines[3],
        "Finish:    2026-08-27 at the roadmap's pace (14 h/week; set yours with `trailmark pace HOURS`)"
    );
    assert!(
        lines[4].contains("by history: needs skills marked done in at least two different weeks")
    );
    assert!(
        text.contains(" 2 Backend basics                   1/6    17%  3.3 weeks of 4 weeks\n"),
        "{text}"
    );
}

#[test]
fn status_of_a_user_roadmap_counts_unestimated_skills() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let roadmap = tiny(d);
    let s = json(d, &["--roadmap", &roadmap, "status", "tiny-path", "--json"]);
    assert_eq!(s["weeks_total"], json!({"min": 5.0, "max": 6.0}));
    assert_eq!(s["weeks_remaining"], weeks(1.5));
    assert_eq!(s["unestimated_skills"], 1);
    assert_eq!(s["percent_done"], 25.0);
    assert_eq!(s["phases"][1]["unestimated_skills"], 1);
    assert_eq!(s["phases"][0]["unestimated_skills"], 0);
    let text = ok(d, &["--roadmap", &roadmap, "status", "tiny-path"]);
    assert!(
        text.contains("Remaining: 1.5 weeks of 5–6 weeks (+1 unestimated skill not counted)\n"),
        "{text}"
    );
    assert!(text.contains("1 week +1 unestimated"), "{text}");
}

#[test]
fn pace_sets_the_finish_date() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        ok(d, &["pace"]),
        "No pace set; set it with `trailmark pace HOURS_PER_WEEK`\n"
    );
    let out = ok(d, &["pace", "7"]);
    assert!(
        out.starts_with("Your pace is now 7 hours per week.\n"),
        "{out}"
    );
    assert!(
        out.contains("  backend-six-phases assumes 14 h/week: its estimates take 2.00× as long at your pace\n"),
        "{out}"
    );
    assert_eq!(ok(d, &["pace"]), "Your pace: 7 hours per week\n");
    // Every value that is not a pace is a usage error, as clap's own are.
    for bad in ["0", "-3", "169", "nan", "inf", "fast"] {
        let out = run(d, &["pace", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&out).contains("is not a weekly pace"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(ok(d, &["pace"]), "Your pace: 7 hours per week\n");

    // 24 weeks at the roadmap's 14 h/week take 48 weeks at 7: 336 days.
    let s = json(d, &["status", SIX, "--json"]);
    assert_eq!(s["finish_date_by_pace"], "2027-02-15");
    ok(d, &["mark", SIX, "http", "done"]);
    ok(d, &["mark", SIX, "variables", "doing"]);
    // 23 weeks remain: 46 weeks, 322 days from 2026-03-16.
    let s = json(d, &["status", SIX, "--json"]);
    assert_eq!(s["weeks_remaining"], weeks(23.0));
    assert_eq!(s["finish_date_by_pace"], "2027-02-01");
    let text = ok(d, &["status", SIX]);
    assert!(
        text.contains(
            "Finish:    2027-02-01 at your pace (7 h/week; the roadmap assumes 14 h/week)\n"
        ),
        "{text}"
    );
    // A roadmap that does not say what pace it assumes: its weeks count as
    // they are (the plan lays them out the same way).
    let s = json(d, &["status", "backend-three-stages", "--json"]);
    assert_eq!(s["finish_date_by_pace"], "2027-01-14");
    let text = ok(d, &["status", "backend-three-stages"]);
    assert!(
        text.contains("2027-01-14: the roadmap does not say what weekly hours its weeks assume, so they count as they are"),
        "{text}"
    );
    ok(d, &["pace", "14"]);
    assert_eq!(
        json(d, &["status", SIX, "--json"])["finish_date_by_pace"],
        "2026-08-24"
    );
}

#[test]
fn the_history_forecast_needs_ticks_in_two_weeks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(data_file(d).parent().unwrap()).unwrap();
    fs::write(
        data_file(d),
        "version: 1
skills:
  http: {status: done, changed: 2026-03-02T10:00:00Z}
  backend-six-phases/variables: {status: done, changed: 2026-03-09T10:00:00Z}
history:
- {at: 2026-03-02T10:00:00Z, roadmap: backend-six-phases, skill: http, from: todo, to: done}
- {at: 2026-03-09T10:00:00Z, roadmap: backend-six-phases, skill: backend-six-phases/variables, from: todo, to: done}
",
    )
    .unwrap();
    let s = json(d, &["status", SIX, "--json"]);
    // 4/3 estimated weeks done over the two weeks since the first tick; the
    // 22 2/3 weeks left take 34 weeks at that rate: 238 days.
    assert_eq!(s["finish_date_by_history"], "2026-11-09");
    assert_eq!(
        s["weekly"],
        json!([
            {"week_start": "2026-03-02", "completed": 1, "weeks_remaining": weeks(23.333)},
            {"week_start": "2026-03-09", "completed": 1, "weeks_remaining": weeks(22.667)},
            {"week_start": "2026-03-16", "completed": 0, "weeks_remaining": weeks(22.667)},
        ])
    );
    let text = ok(d, &["status", SIX]);
    assert!(
        text.contains("           2026-11-09 at your recent rate (0.7 estimated weeks done per week, last 8 weeks)\n"),
        "{text}"
    );
}

#[test]
fn status_defaults_to_the_last_roadmap() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = run(d, &["status"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("no roadmap given and none opened yet"),
        "{err}"
    );
    assert!(err.contains("backend-six-phases"), "{err}");
    assert_eq!(run(d, &["export"]).status.code(), Some(2));

    ok(
        d,
        &[
            "mark",
            "backend-ten-steps",
            &http_id(d, "backend-ten-steps"),
            "doing",
        ],
    );
    assert_eq!(
        json(d, &["status", "--json"])["roadmap"],
        "backend-ten-steps"
    );
    assert!(ok(d, &["export"]).contains("(doing since "));
    ok(d, &["mark", SIX, "http", "done"]);
    assert_eq!(json(d, &["status", "--json"])["roadmap"], SIX);
    assert!(
        ok(d, &["status"]).starts_with("Backend Developer in Six Phases (backend-six-phases)\n")
    );
    // The roadmap last used is browsing state: kept in the state file, not
    // in the progress.
    let text = fs::read_to_string(data_file(d)).unwrap();
    assert!(!text.contains("last_roadmap"), "{text}");
    let state = fs::read_to_string(d.join("state/state.yaml")).unwrap();
    assert!(
        state.contains(r#""last_roadmap": "backend-six-phases""#),
        "{state}"
    );
}

#[test]
fn a_version_1_last_roadmap_is_used_until_the_state_file_has_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("data")).unwrap();
    fs::write(
        data_file(d),
        "version: 1\nlast_roadmap: backend-ten-steps\ncursors:\n  backend-ten-steps:\n    phase: x\n",
    )
    .unwrap();
    assert_eq!(
        json(d, &["status", "--json"])["roadmap"],
        "backend-ten-steps"
    );
    ok(d, &["mark", SIX, "http", "done"]);
    assert_eq!(json(d, &["status", "--json"])["roadmap"], SIX);
    // A broken state file is only browsing state: progress still works.
    fs::write(d.join("state/state.yaml"), "files: [").unwrap();
    assert_eq!(json(d, &["status", SIX, "--json"])["done"], 1);
    let err = stderr(&run(d, &["status", SIX]));
    assert!(
        err.contains("state.yaml: the state file (the place in each roadmap) cannot be read"),
        "{err}"
    );
    // Browsing state never made it into the progress file.
    let text = fs::read_to_string(data_file(d)).unwrap();
    assert!(!text.contains("last_roadmap: backend-six-phases"), "{text}");
}

#[test]
fn a_roadmap_without_estimates_counts_skills_instead_of_weeks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["pace", "10"]);
    let s = json(d, &["status", "backend-burger", "--json"]);
    assert_eq!(s["weeks_total"], Value::Null);
    assert_eq!(s["weeks_remaining"], Value::Null);
    assert_eq!(s["unestimated_skills"], s["skills_total"]);
    assert_eq!(s["finish_date_by_pace"], Value::Null);
    let text = ok(d, &["status", "backend-burger"]);
    assert!(
        text.contains("Remaining: unknown: the source gives no time estimates (12 skills left)\n"),
        "{text}"
    );
    assert!(
        text.contains("Finish:    by pace: no time estimates to go on\n           by history: no time estimates to go on\n"),
        "{text}"
    );
    assert!(text.contains("unestimated (1 skill)\n"), "{text}");
}

#[test]
fn a_bad_today_override_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let out = trailmark(dir.path())
        .env("TRAILMARK_TODAY", "2026-13-01")
        .args(["status", SIX, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("TRAILMARK_TODAY=`2026-13-01` is not a date written YYYY-MM-DD"),
        "{err}"
    );
    // The JSON on stdout is untouched by the warning.
    let _: Value = serde_json::from_slice(&out.stdout).unwrap();
}

/// The roadmap opened last is gone (its file removed): a command that would
/// use it says so, rather than naming an id the learner never typed.
#[test]
fn a_vanished_last_roadmap_is_named_as_the_one_opened_last() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let roadmap = tiny(d);
    ok(
        d,
        &["--roadmap", &roadmap, "mark", "tiny-path", "http", "done"],
    );
    let out = run(d, &["status"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("no roadmap given, and `tiny-path`, the one opened last, is not loaded any more (its file was removed or renamed, or did not load: `trailmark validate` says why); name one of: backend-"),
        "{err}"
    );
}
