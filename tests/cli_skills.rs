//! `mark`, `estimate` and `note` as a script uses them: a skill by id or
//! shared key in any case, the roadmap opened last when it is left out,
//! the app's validation and messages, and own estimates that stay in the
//! roadmap they were set in. Always against temporary files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/binary.rs"]
mod binary;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{Value, json};

const SIX: &str = "backend-six-phases";
const TODAY: &str = "2026-03-16";
const PATH_2025: &str = "backend-path-2025";

fn data_file(dir: &Path) -> PathBuf {
    dir.join("data/progress.yaml")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    binary::run_on(dir, TODAY, args)
}

/// stdout of a command that must succeed.
fn ok(dir: &Path, args: &[&str]) -> String {
    binary::ok_on(dir, TODAY, args)
}

/// Runs what must fail as a usage error (exit 2) and change nothing;
/// returns the message.
fn usage_error(dir: &Path, args: &[&str]) -> String {
    let before = fs::read(data_file(dir)).ok();
    let out = run(dir, args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}");
    assert_eq!(fs::read(data_file(dir)).ok(), before, "{args:?}");
    err
}

/// A skill's entry in `export --format json`.
fn exported(dir: &Path, roadmap: &str, skill: &str) -> Value {
    let doc: Value =
        serde_json::from_str(&ok(dir, &["export", roadmap, "--format", "json"])).unwrap();
    doc["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["skills"].as_array().unwrap().clone())
        .find(|s| s["id"] == skill)
        .unwrap()
}

#[test]
fn mark_takes_an_id_or_a_shared_key_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        ok(d, &["mark", SIX, "JWT", "done"]),
        "backend-six-phases › JWT tokens: todo → done\n"
    );
    assert!(
        ok(d, &["mark", SIX, "rest-api", "doing"])
            .starts_with("backend-six-phases › REST API design: todo → doing\n")
    );
    assert!(ok(d, &["mark", SIX, "Rest-Api-Design", "done"]).contains(": doing → done"));
    let err = usage_error(d, &["mark", SIX, "rest-apis", "doing"]);
    assert_eq!(
        err,
        "trailmark: roadmap `backend-six-phases` has no skill `rest-apis`; did you mean `rest-api`? \
         (`trailmark show backend-six-phases` lists the skill ids and keys)\n"
    );
    let err = usage_error(d, &["mark", SIX, "postgres", "doing"]);
    assert!(err.contains("did you mean `postgresql`?"), "{err}");
}

#[test]
fn the_roadmap_left_out_is_the_one_opened_last() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let err = usage_error(d, &["mark", "http", "done"]);
    assert!(
        err.starts_with("trailmark: no roadmap given and none opened yet; name one of: "),
        "{err}"
    );
    ok(d, &["mark", PATH_2025, "http", "done"]);
    assert!(ok(d, &["mark", "PostgreSQL", "doing"]).starts_with("backend-path-2025 › "));
    assert!(ok(d, &["estimate", "postgresql", "2"]).starts_with("backend-path-2025 › "));
    assert!(ok(d, &["note", "postgresql", "joins"]).starts_with("backend-path-2025 › "));
    let skill = exported(d, PATH_2025, "postgresql");
    assert_eq!(
        (&skill["status"], &skill["note"], &skill["estimate_weeks"]),
        (
            &json!("doing"),
            &json!("joins"),
            &json!({"min": 2.0, "max": 2.0})
        )
    );
    // A command that names a roadmap makes it the one opened last.
    ok(d, &["note", SIX, "http", "status codes"]);
    assert!(ok(d, &["note", "http", "--clear"]).starts_with("backend-six-phases › "));
}

#[test]
fn estimate_sets_and_clears_this_roadmaps_figure_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        ok(d, &["estimate", SIX, "rest-api", "2-3 weeks"]),
        "backend-six-phases › REST API design: your estimate is now 2–3 weeks, for backend-six-phases only\n"
    );
    assert_eq!(
        exported(d, SIX, "rest-api-design")["estimate_weeks"],
        json!({"min": 2.0, "max": 3.0})
    );
    // The same skill in a roadmap that gives no estimates stays unestimated.
    let other = exported(d, PATH_2025, "rest-apis");
    assert_eq!(other["estimate_weeks"], Value::Null, "{other}");
    let status: Value = serde_json::from_str(&ok(d, &["status", PATH_2025, "--json"])).unwrap();
    assert_eq!(status["weeks_remaining"], Value::Null);
    assert_eq!(
        ok(d, &["estimate", SIX, "rest-api", "2-3 weeks"]),
        "backend-six-phases › REST API design: your estimate is already 2–3 weeks\n"
    );
    assert_eq!(
        ok(d, &["estimate", SIX, "REST-API", "--clear"]),
        "backend-six-phases › REST API design: your estimate cleared\n"
    );
    assert_eq!(
        ok(d, &["estimate", SIX, "rest-api", "--clear"]),
        "backend-six-phases › REST API design: no estimate of yours to clear\n"
    );
    // Back to the share of the phase's 4 weeks.
    let share = &exported(d, SIX, "rest-api-design")["estimate_weeks"];
    assert!(
        (share["min"].as_f64().unwrap() - 0.667).abs() < 1e-9,
        "{share}"
    );
}

#[test]
fn estimate_refuses_what_the_apps_editor_refuses_with_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: [(&[&str], &str); 5] = [
        (
            &["estimate", SIX, "http", "0"],
            "trailmark: the estimate is zero; type the time this skill will take you, e.g. `1 week` or `2-4 weeks` (a skill you do not need: mark it skipped instead)\n",
        ),
        (
            &["estimate", SIX, "http", "-3"],
            "trailmark: the estimate `-3` is negative; an estimate is an amount of time, so write it without the minus sign\n",
        ),
        (
            &["estimate", SIX, "http", "a while"],
            "trailmark: cannot read `a while` as an estimate; write a number of weeks (`3`) or text like `1 week`, `4-6 weeks`, `2–3 months`\n",
        ),
        (
            &["estimate", SIX, "http", " "],
            "trailmark: the estimate is empty; type the time this skill will take you, e.g. `3` (weeks) or `2-4 weeks`, or clear your estimate to use the roadmap's again\n",
        ),
        (
            &["estimate", SIX, "htp", "2"],
            "trailmark: roadmap `backend-six-phases` has no skill `htp`; did you mean `http`? (`trailmark show backend-six-phases` lists the skill ids and keys)\n",
        ),
    ];
    for (args, wanted) in cases {
        assert_eq!(usage_error(d, args), wanted, "{args:?}");
    }
    // Too many words is clap's usage error, with the usage line.
    let err = usage_error(d, &["estimate", SIX, "http", "2", "3"]);
    assert!(
        err.contains("Usage: trailmark estimate [ROADMAP] SKILL VALUE"),
        "{err}"
    );
    assert_eq!(
        usage_error(d, &["estimate", SIX, "http", "2", "--clear"]),
        "trailmark: `trailmark estimate` takes [ROADMAP] SKILL; got 3 arguments (quote text with spaces)\n"
    );
    assert!(!data_file(d).exists());
}

#[test]
fn note_sets_one_line_and_clears() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        ok(d, &["note", SIX, "HTTP", "  status codes\nand\theaders  "]),
        "backend-six-phases › The HTTP protocol: note saved\n\
         shared skill `http`: the note shows in backend-learning-path, backend-path-2025, backend-ten-steps too\n"
    );
    assert_eq!(exported(d, SIX, "http")["note"], "status codes and headers");
    assert!(
        ok(d, &["note", SIX, "http", "status codes and headers"])
            .contains("the note already says that")
    );
    assert_eq!(
        usage_error(d, &["note", SIX, "http", " "]),
        "trailmark: the note is empty; give its text, or pass --clear to remove the note\n"
    );
    assert!(
        ok(d, &["note", SIX, "http", "--clear"])
            .starts_with("backend-six-phases › The HTTP protocol: note cleared\n")
    );
    assert!(
        ok(d, &["note", SIX, "http", "--clear"])
            .starts_with("backend-six-phases › The HTTP protocol: no note to clear\n")
    );
    assert_eq!(exported(d, SIX, "http")["note"], Value::Null);
    let err = usage_error(d, &["note", SIX, "http", "text", "--clear"]);
    assert!(
        err.contains("`trailmark note` takes [ROADMAP] SKILL; got 3 arguments"),
        "{err}"
    );
}

#[test]
fn help_and_man_page_name_the_new_commands() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let help = ok(d, &["--help"]);
    for line in ["  estimate ", "  note ", "  mark "] {
        assert!(help.contains(line), "{help}");
    }
    assert!(
        ok(d, &["estimate", "--help"]).contains("Usage: trailmark estimate [ROADMAP] SKILL VALUE")
    );
    assert!(ok(d, &["reset", "--help"]).contains("--shared"));
    let bash = ok(d, &["completions", "bash"]);
    assert!(
        bash.contains("trailmark__subcmd__estimate") && bash.contains("--shared"),
        "completions"
    );
    assert!(ok(d, &["man"]).contains("estimate"));
}
