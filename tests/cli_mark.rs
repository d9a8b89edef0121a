//! The progress commands that change progress, run as a user would: `mark`
//! (shared keys, refusals that write nothing), `reset` and where the
//! progress file goes (`--data-file`, a missing folder), always against
//! temporary files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use serde_json::Value;

#[path = "support/progress_cli.rs"]
mod progress_cli;
use progress_cli::*;

#[test]
fn mark_reports_the_change_and_refuses_unknown_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        ok(d, &["mark", SIX, "http", "done"]),
        "backend-six-phases › The HTTP protocol: todo → done\n\
         shared skill `http`: also counts in backend-learning-path, backend-path-2025, backend-ten-steps\n"
    );
    assert_eq!(
        ok(d, &["mark", SIX, "variables", "DOING"]),
        "backend-six-phases › Variables, data types and operators: todo → doing\n"
    );
    assert!(
        ok(d, &["mark", SIX, "http", "done"])
            .starts_with("backend-six-phases › The HTTP protocol: already done\n")
    );
    assert!(ok(d, &["mark", SIX, "variables", "skipped"]).contains(": doing → skipped"));
    let before = fs::read(data_file(d)).unwrap();

    let cases: [(&[&str], &[&str]); 4] = [
        (
            &["mark", "backend-six", "http", "done"],
            &[
                "no roadmap has the id `backend-six`",
                "backend-six-phases",
                "backend-burger",
            ],
        ),
        (
            &["mark", SIX, "htp", "done"],
            &[
                "roadmap `backend-six-phases` has no skill `htp`",
                "did you mean `http`?",
                "trailmark show backend-six-phases",
            ],
        ),
        (
            &["mark", SIX, "zzzzzz", "done"],
            &["has no skill `zzzzzz`", "check the spelling"],
        ),
        (
            &["mark", SIX, "http", "finished"],
            &["`finished` is not a status", "todo, doing, done, skip"],
        ),
    ];
    for (args, wanted) in cases {
        let out = run(d, args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(err.starts_with("trailmark: "), "{err}");
        for w in wanted {
            assert!(err.contains(w), "{args:?}: wanted {w:?} in {err}");
        }
        assert_eq!(fs::read(data_file(d)).unwrap(), before, "{args:?}");
    }
    // A usage error (missing argument) is clap's exit 2 too.
    assert_eq!(run(d, &["mark", SIX]).status.code(), Some(2));
}

#[test]
fn a_failed_mark_creates_no_progress_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        run(d, &["mark", SIX, "nope", "done"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(d, &["mark", SIX, "http", "nope"]).status.code(),
        Some(2)
    );
    assert!(!data_file(d).exists());
}

#[test]
fn a_shared_key_ticked_in_one_roadmap_is_done_in_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["mark", SIX, "http", "done"]);
    for other in [
        "backend-learning-path",
        "backend-path-2025",
        "backend-ten-steps",
    ] {
        let s = json(d, &["status", other, "--json"]);
        assert_eq!(s["done"], 1, "{other}");
        let e = json(d, &["export", other, "--format", "json"]);
        let http: Vec<&Value> = e["phases"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["skills"].as_array().unwrap())
            .filter(|s| s["key"] == "http")
            .collect();
        assert_eq!(http.len(), 1, "{other}");
        assert_eq!(http[0]["status"], "done", "{other}");
    }
    // A skill without a key stays in its roadmap.
    ok(d, &["mark", SIX, "variables", "done"]);
    assert_eq!(
        json(d, &["status", "backend-learning-path", "--json"])["done"],
        1
    );
    // Un-ticking it elsewhere un-ticks it here.
    ok(
        d,
        &[
            "mark",
            "backend-ten-steps",
            &http_id(d, "backend-ten-steps"),
            "todo",
        ],
    );
    assert_eq!(json(d, &["status", SIX, "--json"])["done"], 1);
}

/// `reset` with its answer on stdin: (exit code, stdout, the question).
fn reset_answering(d: &Path, args: &[&str], answer: &str) -> (Option<i32>, String, String) {
    let mut child = trailmark(d)
        .arg("reset")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answer.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code(), stdout(&out), stderr(&out))
}

#[test]
// Over 60 lines on purpose: one scenario (decline, accept, then `--shared`) whose steps
// build on the progress the one before left.
fn reset_asks_first_and_keeps_what_other_roadmaps_share() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["mark", SIX, "http", "done"]);
    ok(d, &["mark", SIX, "variables", "doing"]);
    ok(d, &["note", SIX, "variables", "let and const"]);
    ok(d, &["estimate", SIX, "http", "2 weeks"]);
    let before = fs::read(data_file(d)).unwrap();
    for answer in ["n\n", "\n", "", "maybe\n"] {
        let (code, out, prompt) = reset_answering(d, &[SIX], answer);
        assert_eq!(code, Some(1), "{answer:?}");
        assert_eq!(
            out,
            "Nothing was reset (pass --yes to skip the question).\n"
        );
        assert_eq!(
            prompt,
            "Reset progress on backend-six-phases (36 skills)? Its notes and your estimates for it go too. \
             Skills other roadmaps share stay as they are: The HTTP protocol (--shared clears them too). [y/N] "
        );
        assert_eq!(fs::read(data_file(d)).unwrap(), before, "{answer:?}");
    }
    let (code, out, _) = reset_answering(d, &[SIX], "y\n");
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        "Reset backend-six-phases:\n  \
         1 skill back to todo: Variables, data types and operators\n  \
         1 note cleared\n  \
         1 estimate of yours cleared\n  \
         kept 1 shared skill other roadmaps use: The HTTP protocol (pass --shared to clear them too)\n"
    );
    // HTTP stays done here and in every roadmap that shares it.
    assert_eq!(json(d, &["status", SIX, "--json"])["done"], 1);
    assert_eq!(
        json(d, &["status", "backend-ten-steps", "--json"])["done"],
        1
    );

    // --shared: the question names what else changes, and it does.
    let (code, _, prompt) = reset_answering(d, &[SIX, "--shared"], "n\n");
    assert_eq!(code, Some(1));
    assert!(
        prompt.contains(" This also clears The HTTP protocol in 3 other roadmaps. [y/N] "),
        "{prompt}"
    );
    assert_eq!(
        ok(d, &["reset", SIX, "--shared", "--yes"]),
        "Reset backend-six-phases:\n  \
         1 skill back to todo: The HTTP protocol\n  \
         also cleared: The HTTP protocol in 3 other roadmaps\n"
    );
    assert_eq!(
        json(d, &["status", "backend-ten-steps", "--json"])["done"],
        0
    );
    assert_eq!(
        ok(d, &["reset", SIX, "--yes"]),
        "Reset backend-six-phases:\n  no skill needed to go back to todo\n"
    );
    let out = run(d, &["reset", "nope", "--yes"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn data_file_flag_overrides_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let flag = d.join("flag/progress.yaml");
    ok(
        d,
        &[
            "--data-file",
            flag.to_str().unwrap(),
            "mark",
            SIX,
            "http",
            "done",
        ],
    );
    assert!(flag.exists());
    assert!(!data_file(d).exists());
    assert_eq!(json(d, &["status", SIX, "--json"])["done"], 0);
    assert_eq!(
        json(
            d,
            &[
                "status",
                SIX,
                "--json",
                "--data-file",
                flag.to_str().unwrap()
            ]
        )["done"],
        1
    );
}

#[test]
fn a_missing_data_directory_is_created_on_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let deep = d.join("a/b/c/progress.yaml");
    let out = trailmark(d)
        .env("TRAILMARK_DATA", &deep)
        .args(["mark", SIX, "http", "done"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = fs::read_to_string(&deep).unwrap();
    assert!(text.contains("http:\n    status: done\n"), "{text}");
    // A relative path works too, from the working directory.
    let out = trailmark(d)
        .current_dir(d)
        .args(["--data-file", "rel/p.yaml", "pace", "5"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(d.join("rel/p.yaml").exists());
}
