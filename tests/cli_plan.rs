//! `trailmark target` and `trailmark plan`, and the keys a target date adds
//! to `status --json`: the real binary against temporary files, with today
//! fixed (Wednesday 2 December 2026) and the zone UTC.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/binary.rs"]
mod binary;

use std::path::Path;
use std::process::Output;

use serde_json::{Value, json};

const SIX: &str = "backend-six-phases";
const TODAY: &str = "2026-12-02";

fn run(dir: &Path, args: &[&str]) -> Output {
    binary::run_on(dir, TODAY, args)
}

/// stdout of a command that must succeed.
fn ok(dir: &Path, args: &[&str]) -> String {
    binary::ok_on(dir, TODAY, args)
}

fn json(dir: &Path, args: &[&str]) -> Value {
    binary::json_on(dir, TODAY, args)
}

#[test]
fn a_target_date_adds_what_it_takes_to_status() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let none = json(d, &["status", SIX, "--json"]);
    assert_eq!(none["target_date"], Value::Null);
    assert_eq!(none["hours_per_week_needed"], Value::Null);
    assert_eq!(none["on_track"], Value::Null);

    // 24 weeks at the roadmap's 14 h/week is 336 hours; 2 December to
    // 30 June is 210 days, 30 weeks: 11.2 h/week, and at 14 h/week it ends
    // on 19 May, on track.
    let said = ok(d, &["target", SIX, "2027-06-30"]);
    assert_eq!(
        said,
        "backend-six-phases: finish by 2027-06-30.\n2027-06-30, on track, 6 weeks ahead\n"
    );
    let v = json(d, &["status", SIX, "--json"]);
    assert_eq!(v["target_date"], "2027-06-30");
    assert_eq!(
        v["hours_per_week_needed"],
        json!({"min": 11.2, "max": 11.2})
    );
    assert_eq!(v["on_track"], true);
    assert!(ok(d, &["status", SIX]).contains("\nTarget:    2027-06-30, on track, 6 weeks ahead\n"));

    // At 5 h/week of one's own the same 24 weeks take 67.2 weeks.
    ok(d, &["pace", "5"]);
    let v = json(d, &["status", SIX, "--json"]);
    assert_eq!(v["on_track"], false);
    assert_eq!(
        v["hours_per_week_needed"],
        json!({"min": 11.2, "max": 11.2})
    );
    let text = ok(d, &["status", SIX]);
    assert!(
        text.contains("\nTarget:    2027-06-30, behind by 38 weeks: needs 11.2 h/week from now\n"),
        "{text}"
    );

    assert_eq!(
        ok(d, &["target", SIX, "--clear"]),
        "backend-six-phases: no target date.\n"
    );
    let v = json(d, &["status", SIX, "--json"]);
    assert_eq!(v["target_date"], Value::Null);
    assert_eq!(v["on_track"], Value::Null);
}

#[test]
fn a_date_that_is_not_one_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for bad in ["31/12/2027", "2027-02-30", "tomorrow", "2027-6-1"] {
        let out = run(d, &["target", SIX, bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err,
            format!(
                "trailmark: `{bad}` is not a date; write the day to finish by as YYYY-MM-DD, e.g. `trailmark target ROADMAP 2027-06-30` (or `--clear` to remove it)\n"
            )
        );
    }
    // Neither a date nor --clear, or both: clap's usage errors.
    assert_eq!(run(d, &["target", SIX]).status.code(), Some(2));
    assert_eq!(
        run(d, &["target", SIX, "2027-01-01", "--clear"])
            .status
            .code(),
        Some(2)
    );
    let out = run(d, &["target", "no-such-roadmap", "2027-01-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !d.join("data/progress.yaml").exists(),
        "nothing was written"
    );
}

#[test]
fn the_plan_lists_every_remaining_skill_once_doing_first() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["mark", SIX, "variables", "done"]);
    ok(d, &["mark", SIX, "sql-fundamentals", "doing"]);
    ok(d, &["target", SIX, "2027-03-31"]);
    let plan = json(d, &["plan", SIX, "--json"]);
    let keys: Vec<&str> = plan
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["finish", "pace", "roadmap", "target_date", "weeks"]);
    let weeks = plan["weeks"].as_array().unwrap();
    assert_eq!(weeks[0]["week_start"], "2026-11-30", "this week's Monday");
    let ids: Vec<&str> = weeks
        .iter()
        .flat_map(|w| w["skills"].as_array().unwrap())
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 35, "36 skills less one done, each once");
    assert_eq!(&ids[..3], ["sql-fundamentals", "control-flow", "functions"]);
    assert!(!ids.contains(&"variables"));
    // The roadmap's 14 h/week: this week holds Wednesday to Sunday, 10 h.
    assert_eq!(weeks[0]["hours"], 10.0);
    assert_eq!(weeks[1]["hours"], 14.0);
    assert_eq!(
        plan["pace"],
        json!({"hours_per_week": 14.0, "source": "roadmap"})
    );
    assert_eq!(plan["target_date"], "2027-03-31");
    // The finish is the one `status` gives at the same pace.
    ok(d, &["pace", "14"]);
    let status = json(d, &["status", SIX, "--json"]);
    let plan = json(d, &["plan", SIX, "--json"]);
    assert_eq!(plan["finish"], status["finish_date_by_pace"]);
    assert_eq!(plan["pace"]["source"], "set");
}

#[test]
fn the_plan_in_text_says_this_week_next_week_and_where_the_target_falls() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["target", SIX, "2026-12-20"]);
    let text = ok(d, &["plan", SIX]);
    let head: Vec<&str> = text.lines().take(12).collect();
    assert_eq!(
        head,
        [
            "Backend Developer in Six Phases (backend-six-phases)",
            "Plan at 14 h/week (the roadmap's pace)",
            "",
            "This week (2026-11-30) · 10.0 h",
            "  • Variables, data types and operators",
            // It starts on Sunday: what to start this week.
            "  • Control flow",
            "",
            "Next week (2026-12-07) · 14.0 h",
            "  • Functions",
            "",
            "Week of 2026-12-14 · 14.0 h",
            "  • Data structures",
        ]
    );
    assert!(
        text.contains(
            "  • Object-oriented programming\n\n── target date 2026-12-20 ──\n\nWeek of 2026-12-21"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("Target:  2026-12-20, behind by 22 weeks: needs 130.7 h/week from now\n"),
        "{text}"
    );
}

#[test]
fn unestimated_skills_come_last_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let roadmaps = d.join("roadmaps");
    std::fs::create_dir_all(&roadmaps).unwrap();
    std::fs::write(
        roadmaps.join("mini.yaml"),
        "id: mini\ntitle: Mini\nsummary: Two skills, one estimated.\nsource: {}\npace_hours_per_week: 10\nphases:\n  - id: p\n    title: P\n    summary: The phase.\n    skills:\n      - id: vague\n        title: Vague\n        summary: No estimate.\n      - id: timed\n        title: Timed\n        summary: Two weeks.\n        estimate: 2 weeks\n",
    )
    .unwrap();
    let r = roadmaps.to_str().unwrap();
    let plan = json(d, &["--roadmap", r, "plan", "mini", "--json"]);
    assert_eq!(
        plan["weeks"],
        json!([
            {"week_start": "2026-11-30", "skills": ["timed"], "hours": 7.14, "unestimated": [], "continuing": null},
            // Weeks the long skill only runs on through are listed too.
            {"week_start": "2026-12-07", "skills": [], "hours": 10.0, "unestimated": [], "continuing": "timed"},
            {"week_start": "2026-12-14", "skills": [], "hours": 2.86, "unestimated": [], "continuing": "timed"},
            {"week_start": "2026-12-21", "skills": ["vague"], "hours": 0.0, "unestimated": ["vague"], "continuing": null},
        ])
    );
    assert_eq!(plan["finish"], "2026-12-16");
    let text = ok(d, &["--roadmap", r, "plan", "mini"]);
    assert!(
        text.contains("Week of 2026-12-14 · 2.9 h\n  … Timed continues\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "Then, unestimated (1 skill: no time estimate, so not placed in time):\n  • Vague\n"
        ),
        "{text}"
    );
}
