//! Defects a newcomer's trial of the command line found, each as the user
//! meets it: the real binary, temporary data, state and config, today fixed
//! by `TRAILMARK_TODAY`; the exact words and the exit code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/binary.rs"]
mod binary;

use std::path::Path;
use std::process::{Command, Output};

const SIX: &str = "backend-six-phases";
const TODAY: &str = "2026-11-30";

fn trailmark(dir: &Path) -> Command {
    binary::trailmark_on(dir, TODAY)
}

fn run(dir: &Path, args: &[&str]) -> Output {
    binary::run_on(dir, TODAY, args)
}

/// stdout of a command that must succeed.
fn ok(dir: &Path, args: &[&str]) -> String {
    binary::ok_on(dir, TODAY, args)
}

/// The exit code and stderr of a command that must fail, with nothing on stdout.
fn fails(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = run(dir, args);
    assert!(!out.status.success(), "{args:?} succeeded");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "", "{args:?}");
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_folder_given_as_the_progress_file_is_named_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let folder = d.join("folder");
    std::fs::create_dir(&folder).unwrap();
    let f = folder.display();
    let said = format!(
        "trailmark: {f}: this is a folder, not a file; give the progress file's own path instead, e.g. `{f}/progress.yaml` (with --data-file or TRAILMARK_DATA)\n"
    );
    let flag = folder.to_str().unwrap();
    assert_eq!(
        fails(d, &["status", SIX, "--data-file", flag]),
        (1, said.clone())
    );
    assert_eq!(
        fails(d, &["mark", SIX, "http", "done", "--data-file", flag]),
        (1, said.clone())
    );
    let out = trailmark(d)
        .env("TRAILMARK_DATA", &folder)
        .args(["status", SIX])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr), said);
}

#[test]
fn a_folder_given_as_the_new_roadmap_file_is_named_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let folder = d.join("folder");
    std::fs::create_dir(&folder).unwrap();
    let f = folder.display();
    assert_eq!(
        fails(d, &["new", "mine", "--output", folder.to_str().unwrap()]),
        (
            1,
            format!(
                "trailmark: {f} is a folder, not a file; give the new file's path, e.g. `--output {f}/mine.yaml`\n"
            )
        )
    );
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
}

#[test]
fn a_folder_given_as_the_state_file_is_named_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let folder = d.join("folder");
    std::fs::create_dir(&folder).unwrap();
    let out = trailmark(d)
        .env("TRAILMARK_STATE", &folder)
        .args(["status", SIX])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let f = folder.display();
    let said = format!(
        "warning: {f}: this is a folder, not a file; set TRAILMARK_STATE to a file path instead, e.g. `{f}/state.yaml`. The place in each roadmap was not kept; your progress is not affected\n"
    );
    assert_eq!(String::from_utf8(out.stderr).unwrap(), said);
    // Read twice and written once by `mark`: said once.
    let out = trailmark(d)
        .env("TRAILMARK_STATE", &folder)
        .args(["mark", SIX, "http", "done"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stderr).unwrap(), said);
}

#[test]
fn pace_clear_removes_the_pace_as_the_app_can() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["pace", "10"]);
    assert_eq!(
        ok(d, &["pace", "--clear"]),
        "Your pace is cleared; set it again with `trailmark pace HOURS_PER_WEEK`.\n"
    );
    assert_eq!(
        ok(d, &["pace"]),
        "No pace set; set it with `trailmark pace HOURS_PER_WEEK`\n"
    );
    assert_eq!(
        ok(d, &["pace", "--clear"]),
        "No pace set; nothing to clear.\n"
    );
    let (code, err) = fails(d, &["pace", "5", "--clear"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: the argument '[HOURS_PER_WEEK]' cannot be used with '--clear'\n"),
        "{err}"
    );
}

#[test]
fn clearing_a_shared_note_never_says_it_shows_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let others = "backend-learning-path, backend-path-2025, backend-ten-steps";
    assert_eq!(
        ok(d, &["note", SIX, "http", "status codes first"]),
        format!(
            "backend-six-phases › The HTTP protocol: note saved\nshared skill `http`: the note shows in {others} too\n"
        )
    );
    assert_eq!(
        ok(d, &["note", SIX, "http", "--clear"]),
        format!(
            "backend-six-phases › The HTTP protocol: note cleared\nshared skill `http`: cleared in every roadmap that shares it ({others})\n"
        )
    );
    assert_eq!(
        ok(d, &["note", SIX, "http", "--clear"]),
        "backend-six-phases › The HTTP protocol: no note to clear\n"
    );
}

const ALL: &str = "backend-burger, backend-eleven-points, backend-learning-path, backend-path-2025, backend-six-phases, backend-skills-timeline, backend-ten-steps, backend-three-stages";

#[test]
fn log_and_target_make_their_roadmap_the_one_opened_last() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["log", SIX, "http", "30m"]);
    assert!(
        ok(d, &["status"]).starts_with("Backend Developer in Six Phases (backend-six-phases)\n")
    );
    ok(d, &["target", "backend-burger", "2027-06-30"]);
    assert!(ok(d, &["status"]).starts_with("The Backend Burger (backend-burger)\n"));
}

#[test]
fn show_defaults_to_the_roadmap_opened_last() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        fails(d, &["show"]),
        (
            2,
            format!("trailmark: no roadmap given and none opened yet; name one of: {ALL}\n")
        )
    );
    ok(d, &["mark", SIX, "http", "done"]);
    assert_eq!(ok(d, &["show"]), ok(d, &["show", SIX]));
    assert_eq!(ok(d, &["show", "--json"]), ok(d, &["show", SIX, "--json"]));
}

#[test]
fn every_command_suggests_the_roadmap_an_unknown_id_is_part_of() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let said = format!(
        "trailmark: no roadmap has the id `six`; did you mean `backend-six-phases`? the roadmaps are: {ALL}\n"
    );
    for args in [
        vec!["show", "six"],
        vec!["status", "six"],
        vec!["export", "six"],
        vec!["plan", "six"],
        vec!["mark", "six", "http", "done"],
        vec!["log", "six", "http", "30m"],
        vec!["target", "six", "2027-06-30"],
    ] {
        assert_eq!(fails(d, &args), (2, said.clone()), "{args:?}");
    }
    // A part of several ids names none of them.
    let (code, err) = fails(d, &["show", "backend"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!("trailmark: no roadmap has the id `backend`; the roadmaps are: {ALL}\n")
    );
}

#[test]
fn estimate_answers_in_the_unit_given_and_refuses_what_shows_as_zero() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        ok(d, &["estimate", SIX, "http", "1 month"]),
        "backend-six-phases › The HTTP protocol: your estimate is now 1 month (≈4.3 weeks), for backend-six-phases only\n"
    );
    assert_eq!(
        ok(d, &["estimate", SIX, "http", "1 month"]),
        "backend-six-phases › The HTTP protocol: your estimate is already 1 month (≈4.3 weeks)\n"
    );
    let zero = "trailmark: the estimate is zero; type the time this skill will take you, e.g. `1 week` or `2-4 weeks` (a skill you do not need: mark it skipped instead)\n";
    for value in ["0", "0.0001", "0.01 months", "0-0.04 weeks"] {
        assert_eq!(
            fails(d, &["estimate", SIX, "http", value]),
            (2, zero.to_owned()),
            "{value}"
        );
    }
}

#[test]
fn a_day_takes_at_most_24_hours_of_study_over_every_roadmap() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["log", SIX, "http", "20h", "--date", "2026-11-29"]);
    // Another roadmap, the same day: a day has 24 hours whatever the roadmap.
    ok(
        d,
        &[
            "log",
            "backend-burger",
            "git",
            "3h30m",
            "--date",
            "2026-11-29",
        ],
    );
    assert_eq!(
        fails(d, &["log", SIX, "http", "1h", "--date", "2026-11-29"]),
        (
            2,
            "trailmark: 2026-11-29 already has 23h 30m of study logged (all roadmaps); 1h more would make more than 24 hours that day. At most 30m more fits; log the rest on the day it happened (with --date)\n".to_owned()
        )
    );
    ok(d, &["log", SIX, "http", "30m", "--date", "2026-11-29"]);
    assert_eq!(
        fails(d, &["log", SIX, "http", "1m", "--date", "2026-11-29"]),
        (
            2,
            "trailmark: 2026-11-29 already has 24h of study logged (all roadmaps); 1m more would make more than 24 hours that day. Nothing more fits; log it on the day it happened (with --date)\n".to_owned()
        )
    );
    // The next day is free.
    ok(d, &["log", SIX, "http", "24h"]);
    let file = std::fs::read_to_string(d.join("data/progress.yaml")).unwrap();
    assert_eq!(file.matches("  field: study\n").count(), 4, "{file}");
}

#[test]
fn durations_under_a_minute_or_not_read_as_a_clock_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases = [
        ("0.01h", "`0.01h` is less than a minute; log at least 1m"),
        ("0.5m", "`0.5m` is less than a minute; log at least 1m"),
        (
            "1h61m",
            "`1h61m` is not a duration: with hours, give whole hours and minutes under 60; write it `2h 1m or 121m`",
        ),
        (
            "1.5h30m",
            "`1.5h30m` is not a duration: with hours, give whole hours and minutes under 60; write it `2h or 120m`",
        ),
    ];
    for (duration, said) in cases {
        let (code, err) = fails(d, &["log", SIX, "http", duration]);
        assert_eq!(code, 2, "{duration}");
        assert!(
            err.starts_with(&format!(
                "error: invalid value '{duration}' for '<DURATION>': {said}\n"
            )),
            "{err}"
        );
    }
    assert!(!d.join("data/progress.yaml").exists());
}
