//! `validate` as a user runs it: valid files with a summary, every problem
//! of every invalid fixture with exit 1, a missing file, no file, and a
//! directory of roadmaps. Runs in a sandbox (see `support/roadmaps_cli.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::Path;

use trailmark::catalog::BUNDLED;
use trailmark::roadmap::Roadmap;

#[path = "support/roadmaps_cli.rs"]
mod roadmaps_cli;
use roadmaps_cli::*;

#[test]
fn validate_accepts_valid_files_with_a_summary() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&[
        "validate",
        "tests/fixtures/valid/crlf.yaml",
        "tests/fixtures/valid/bom.yaml",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "tests/fixtures/valid/crlf.yaml: ok: `fixture-crlf` \"A roadmap with Windows line endings\", 1 phase, 2 skills, 2–3 weeks, pace not stated\n\
         tests/fixtures/valid/bom.yaml: ok: `fixture-bom` \"A roadmap with a UTF-8 byte order mark\", 1 phase, 2 skills, 2–3 weeks, pace not stated\n\
         2 roadmap files valid\n"
    );
    assert_eq!(run.stderr, "");

    let one = sandbox.run(&["validate", "tests/fixtures/valid/crlf.yaml"]);
    assert_eq!(one.code, 0);
    assert!(
        one.stdout
            .ends_with("pace not stated\n1 roadmap file valid\n")
    );

    let mut args = vec!["validate".to_owned()];
    args.extend(BUNDLED.iter().map(|f| format!("roadmaps/{}", f.name)));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let all = sandbox.run(&args);
    assert_eq!(all.code, 0, "{}", all.stdout);
    assert_eq!(
        all.stdout,
        format!(
            "{}{} roadmap files valid\n",
            bundled_ok_lines(),
            BUNDLED.len()
        )
    );
}

#[test]
fn validate_reports_every_problem_and_exits_1() {
    let run = Sandbox::new().run(&[
        "validate",
        "tests/fixtures/invalid/two-problems.yaml",
        "tests/fixtures/valid/crlf.yaml",
        "tests/fixtures/invalid/empty.yaml",
    ]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "tests/fixtures/invalid/two-problems.yaml:10:19: phase 1 `basics` › skill `git` › estimate: cannot read `soon` as an estimate; write a number of weeks (`3`) or text like `1 week`, `4-6 weeks`, `2–3 months`\n\
         tests/fixtures/invalid/two-problems.yaml:13:9: phase 1 `basics` › skill `http` › sumary: unknown field `sumary` in the skill; did you mean `summary`?\n\
         tests/fixtures/valid/crlf.yaml: ok: `fixture-crlf` \"A roadmap with Windows line endings\", 1 phase, 2 skills, 2–3 weeks, pace not stated\n\
         tests/fixtures/invalid/empty.yaml: the file is empty (or only comments); a roadmap needs `id`, `title`, `source` and `phases` — see roadmaps/README.md for a full example\n\
         2 of 3 files invalid, 3 problems\n"
    );
    assert_eq!(run.stderr, "");
}

/// Every invalid fixture at once: each file's report, as the library renders
/// it, then the count; hostile files included.
#[test]
fn validate_reports_all_invalid_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let files: Vec<String> = names
        .iter()
        .map(|n| format!("tests/fixtures/invalid/{n}"))
        .collect();
    let mut expected = String::new();
    let mut problems = 0;
    for file in &files {
        let err = Roadmap::load_file(Path::new(file)).unwrap_err();
        problems += err.problems().len();
        writeln!(expected, "{err}").unwrap();
    }
    writeln!(
        expected,
        "{n} of {n} files invalid, {problems} problems",
        n = files.len()
    )
    .unwrap();
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let run = Sandbox::new().run(&args);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, expected);
    // Every line but the summary is `file:…`.
    for line in run.stdout.lines().take(problems) {
        assert!(line.starts_with("tests/fixtures/invalid/"), "{line}");
    }
}

#[test]
fn validate_names_a_missing_file() {
    let run = Sandbox::new().run(&["validate", "no-such.yaml"]);
    assert_eq!(run.code, 1);
    let first = run.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("no-such.yaml: cannot read the file ("),
        "{first}"
    );
    assert!(run.stdout.ends_with("1 of 1 file invalid, 1 problem\n"));
}

#[test]
fn validate_needs_a_file() {
    let run = Sandbox::new().run(&["validate"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("<FILE|DIR>"), "{}", run.stderr);
}

#[test]
fn validate_of_a_directory_checks_every_roadmap_file_in_it() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["validate", "roadmaps"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{}{} roadmap files valid\n",
            bundled_ok_lines(),
            BUNDLED.len()
        )
    );
    let dir = sandbox.config();
    std::fs::create_dir_all(&dir).unwrap();
    let empty = sandbox.run(&["validate", dir.to_str().unwrap()]);
    assert_eq!(empty.code, 1);
    assert!(
        empty
            .stderr
            .contains("the directory holds no *.yaml or *.yml files"),
        "{}",
        empty.stderr
    );
}
