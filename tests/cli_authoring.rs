//! The commands for people writing roadmaps and installing trailmark, run as
//! the real binary: `new` then `validate`, what `validate` adds (warnings,
//! one id per file), `schema`, `completions` and `man`.
//!
//! Each run gets private config and data locations in a temporary directory.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_trailmark");
const SUBCOMMANDS: &[&str] = &[
    "list",
    "show",
    "validate",
    "status",
    "mark",
    "export",
    "pace",
    "reset",
    "new",
    "schema",
    "completions",
    "man",
];

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// A private home; commands run in `cwd` (the repository unless told).
struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn user_roadmaps(&self) -> PathBuf {
        let dir = self.path().join("config/roadmaps");
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn run_in(&self, cwd: &Path, args: &[&str]) -> Run {
        let home = self.path().join("home");
        let out = Command::new(BIN)
            .args(args)
            .current_dir(cwd)
            .env("TRAILMARK_CONFIG_DIR", self.path().join("config"))
            .env("TRAILMARK_DATA", self.path().join("data/progress.yaml"))
            .env("TRAILMARK_TODAY", "2026-02-03")
            .env_remove("TRAILMARK_ROADMAPS")
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env(
                "TRAILMARK_STATE",
                home.join(".local/state/trailmark/state.yaml"),
            )
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap(),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
    }
}

#[test]
fn new_writes_a_roadmap_that_validates_and_never_overwrites() {
    let sandbox = Sandbox::new();
    let here = sandbox.path();
    let run = sandbox.run_in(here, &["new", "my-path"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "wrote my-path.yaml: a starter roadmap `my-path`\n\
         next: edit it, then check it with `trailmark validate my-path.yaml`\n\
         for completion in your editor: `trailmark schema > roadmap.schema.json` (see roadmaps/README.md)\n"
    );
    let text = std::fs::read_to_string(here.join("my-path.yaml")).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=roadmap.schema.json\n"));
    assert!(text.contains("\nid: my-path "), "{text}");
    assert!(text.contains("published: 2026-02-03"), "{text}");

    let check = sandbox.run_in(here, &["validate", "my-path.yaml"]);
    assert_eq!(
        (check.code, check.stdout.as_str()),
        (
            0,
            "my-path.yaml: ok: `my-path` \"My Path\", 1 phase, 1 skill, 2 weeks, pace 10 h/week\n\
             1 roadmap file valid\n"
        )
    );

    // Again: refused, and the file is untouched.
    std::fs::write(here.join("my-path.yaml"), "mine\n").unwrap();
    let again = sandbox.run_in(here, &["new", "my-path"]);
    assert_eq!(again.code, 1);
    assert_eq!(
        again.stderr,
        "trailmark: my-path.yaml already exists; `trailmark new` never overwrites a file: choose another path with `--output PATH`, or move the file away first\n"
    );
    assert_eq!(
        std::fs::read_to_string(here.join("my-path.yaml")).unwrap(),
        "mine\n"
    );
}

#[test]
fn new_with_output_and_a_schema_beside_it() {
    let sandbox = Sandbox::new();
    let dir = sandbox.user_roadmaps();
    std::fs::write(dir.join("roadmap.schema.json"), "{}").unwrap();
    let target = dir.join("path.yaml");
    let run = sandbox.run(&["new", "other", "--output", target.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // No schema hint: one is already there.
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    // The user's roadmap folder now lists it.
    let list = sandbox.run(&["list"]);
    assert!(list.stdout.contains("\nother "), "{}", list.stdout);
    assert_eq!(list.stderr, "");
}

#[test]
fn new_refuses_a_bad_id_and_a_missing_folder() {
    let sandbox = Sandbox::new();
    let bad = sandbox.run_in(sandbox.path(), &["new", "My Path"]);
    assert_eq!(bad.code, 2);
    assert_eq!(
        bad.stderr,
        "trailmark: `My Path` is not a valid roadmap id; ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit (e.g. `my-roadmap`)\n"
    );
    let missing = sandbox.run_in(sandbox.path(), &["new", "x", "--output", "no/such/x.yaml"]);
    assert_eq!(missing.code, 1);
    assert!(
        missing
            .stderr
            .starts_with("trailmark: cannot create no/such/x.yaml; check that its folder exists"),
        "{}",
        missing.stderr
    );
    assert!(std::fs::read_dir(sandbox.path()).unwrap().all(|e| {
        let name = e.unwrap().file_name();
        name != "x.yaml" && name != "My Path.yaml"
    }));
}

#[test]
fn validate_warns_about_keys_outside_the_vocabulary_and_passes() {
    let run = Sandbox::new().run(&["validate", "tests/fixtures/warnings/unknown-key.yaml"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "tests/fixtures/warnings/unknown-key.yaml:12:14: warning: phase 1 `data` › skill `postgres` › key: `postgres` is not a shared key, so this skill shares progress with no bundled roadmap; did you mean `postgresql`?\n\
         tests/fixtures/warnings/unknown-key.yaml:15:14: warning: phase 1 `data` › skill `my-own` › key: `zebra-crossing` is not a shared key, so this skill shares progress with no bundled roadmap; use a key from roadmaps/vocabulary/skill-keys.yaml to share progress with the bundled roadmaps, or keep this one to share it among your own roadmaps only\n\
         tests/fixtures/warnings/unknown-key.yaml: ok: `unknown-key` \"Keys outside the vocabulary\", 1 phase, 3 skills, 2–3 weeks, pace 10 h/week\n\
         1 roadmap file valid, 2 warnings\n"
    );
}

#[test]
fn validate_refuses_two_files_with_one_roadmap_id() {
    let run = Sandbox::new().run(&["validate", "tests/fixtures/same-id"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "tests/fixtures/same-id/first.yaml: ok: `my-path` \"My path\", 1 phase, 1 skill, unestimated (1 skill), pace not stated\n\
         tests/fixtures/same-id/second.yaml:2:5: id: roadmap id `my-path` is also declared by tests/fixtures/same-id/first.yaml; two files cannot declare one roadmap, so give one of them another `id` (only a bundled roadmap may be replaced by a file with its id)\n\
         1 of 2 files invalid, 1 problem\n"
    );
    // One file named twice is one file.
    let twice = Sandbox::new().run(&[
        "validate",
        "tests/fixtures/same-id/first.yaml",
        "tests/fixtures/same-id/../same-id/first.yaml",
    ]);
    assert_eq!(twice.code, 0, "{}", twice.stdout);
    assert!(twice.stdout.ends_with("\n1 roadmap file valid\n"));
}

#[test]
fn a_file_replacing_a_bundled_roadmap_is_valid_and_says_so() {
    let sandbox = Sandbox::new();
    let mine = sandbox.user_roadmaps().join("six.yaml");
    let bundled = std::fs::read_to_string("roadmaps/backend-six-phases.yaml").unwrap();
    std::fs::write(
        &mine,
        bundled.replace("pace_hours_per_week: 14", "pace_hours_per_week: 7"),
    )
    .unwrap();
    let run = sandbox.run(&["validate", mine.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.lines().next().unwrap().ends_with(
            "36 skills, 24 weeks, pace 7 h/week (replaces the bundled roadmaps/backend-six-phases.yaml)"
        ),
        "{}",
        run.stdout
    );
    let list = sandbox.run(&["list"]);
    assert!(
        list.stdout.contains(&format!(
            "[{} replaces roadmaps/backend-six-phases.yaml]",
            mine.display()
        )),
        "{}",
        list.stdout
    );
}

#[test]
fn list_refuses_a_second_user_file_with_one_id() {
    let sandbox = Sandbox::new();
    let dir = sandbox.user_roadmaps();
    for name in ["first.yaml", "second.yaml"] {
        std::fs::copy(
            Path::new("tests/fixtures/same-id").join(name),
            dir.join(name),
        )
        .unwrap();
    }
    let run = sandbox.run(&["list"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        format!(
            "warning: a roadmap file did not load and was skipped:\n{}:2:5: id: roadmap id `my-path` is also declared by {}; two files cannot declare one roadmap, so give one of them another `id` (only a bundled roadmap may be replaced by a file with its id)\n",
            dir.join("second.yaml").display(),
            dir.join("first.yaml").display()
        )
    );
    assert!(run.stdout.contains("My path "), "{}", run.stdout);
    assert!(!run.stdout.contains("second try"), "{}", run.stdout);
}

#[test]
fn schema_prints_the_committed_schema_file() {
    let run = Sandbox::new().run(&["schema"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        std::fs::read_to_string("roadmaps/roadmap.schema.json").unwrap()
    );
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["additionalProperties"], false);
}

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    let sandbox = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = sandbox.run(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        for sub in SUBCOMMANDS {
            assert!(run.stdout.contains(sub), "{shell} completions lack `{sub}`");
        }
        assert!(run.stdout.contains("data-file"), "{shell}");
    }
    let bad = sandbox.run(&["completions", "tcsh"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("possible values: bash, elvish, fish, powershell, zsh"),
        "{}",
        bad.stderr
    );
}

#[test]
fn man_page_names_every_subcommand() {
    let run = Sandbox::new().run(&["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(".ie \\n(.g .ds Aq \\(aq"),
        "{}",
        &run.stdout[..80]
    );
    assert!(run.stdout.contains(".TH trailmark 1"), "{}", run.stdout);
    for sub in SUBCOMMANDS {
        assert!(
            run.stdout.contains(&format!("\ntrailmark\\-{sub}(1)\n")),
            "man page lacks `{sub}`"
        );
    }
    assert!(!run.stdout.contains("trailmark\\-help(1)"));
}

#[test]
fn man_dir_writes_the_pages_the_main_page_refers_to() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("man1");
    std::fs::create_dir(&dir).unwrap();
    let run = sandbox.run(&["man", "--dir", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let main = std::fs::read_to_string(dir.join("trailmark.1")).unwrap();
    assert_eq!(main, sandbox.run(&["man"]).stdout);
    for sub in SUBCOMMANDS {
        let page = std::fs::read_to_string(dir.join(format!("trailmark-{sub}.1"))).unwrap();
        assert!(
            page.contains(&format!(".TH trailmark-{sub} 1")),
            "{sub}: {page}"
        );
    }
    let missing = sandbox.run(&["man", "--dir", "no/such/dir"]);
    assert_eq!(missing.code, 1);
    assert!(
        missing
            .stderr
            .starts_with("trailmark: cannot write the man pages into no/such/dir"),
        "{}",
        missing.stderr
    );
}
