//! One learner, several machines: git merges of the progress file through
//! `trailmark merge-file` (with the real `git`), and sync tools' conflicted
//! copies folded in.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use trailmark::progress::{Status, Store, now};

const SIX: &str = "backend-six-phases";

fn trailmark(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trailmark"));
    let dir = data.parent().unwrap();
    cmd.env("TRAILMARK_CONFIG_DIR", dir.join(".config-none"))
        .env("TRAILMARK_DATA", data)
        .env("TRAILMARK_STATE", dir.join(".state.yaml"))
        .env_remove("TRAILMARK_ROADMAPS")
        .stdin(Stdio::null());
    cmd
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn tm(data: &Path, args: &[&str]) -> String {
    ok(trailmark(data).args(args).output().unwrap())
}

/// `git` with a private home, so no user or system config leaks in.
fn git(home: &Path, dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Learner")
        .env("GIT_AUTHOR_EMAIL", "learner@example.com")
        .env("GIT_COMMITTER_NAME", "Learner")
        .env("GIT_COMMITTER_EMAIL", "learner@example.com")
        .output()
        .unwrap()
}

fn g(home: &Path, dir: &Path, args: &[&str]) -> String {
    ok(git(home, dir, args))
}

fn note(data: &Path, skill: &str, text: Option<&str>) {
    let id = format!("{SIX}/{skill}");
    Store::open(data.to_owned())
        .unwrap()
        .update(|p| p.set_note_by_id(SIX, &id, text.map(str::to_owned), now()))
        .unwrap();
}

fn estimate(data: &Path, skill: &str, weeks: f64) {
    let id = format!("{SIX}/{skill}");
    Store::open(data.to_owned())
        .unwrap()
        .update(|p| {
            p.set_estimate_by_id(
                SIX,
                &id,
                Some(trailmark::estimate::Weeks::exact(weeks)),
                now(),
            )
        })
        .unwrap();
}

/// A hub and two clones of a notes repository; ticks, a note, an own
/// estimate and a reset on both sides; commit, push, pull: no conflict, no
/// markers, every change from both sides in the result.
#[test]
// Over 60 lines on purpose: one scenario in two git clones (set up, tick in each, pull and
// push both ways) whose steps build on each other.
fn two_clones_pull_and_push_without_conflicts() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path();
    let hub = home.join("hub.git");
    let laptop = home.join("laptop");
    let desktop = home.join("desktop");
    g(home, home, &["init", "-q", "--bare", hub.to_str().unwrap()]);
    fs::create_dir(&laptop).unwrap();
    g(home, &laptop, &["init", "-q"]);
    let data_l = laptop.join("progress.yaml");
    let data_d = desktop.join("progress.yaml");

    // The laptop starts: a few ticks, wires the driver, pushes.
    tm(&data_l, &["mark", SIX, "variables", "done"]);
    tm(
        &data_l,
        &["mark", "backend-burger", "know-your-why", "done"],
    );
    note(&data_l, "http-basics", Some("read the RFC"));
    let setup = tm(&data_l, &["git-setup"]);
    assert!(
        setup.contains("added `/progress.yaml merge=trailmark`"),
        "{setup}"
    );
    let again = tm(&data_l, &["git-setup"]);
    assert!(again.contains("already has"), "{again}");
    let attributes = fs::read_to_string(laptop.join(".gitattributes")).unwrap();
    assert_eq!(attributes, "/progress.yaml merge=trailmark\n");
    g(home, &laptop, &["add", "-A"]);
    g(home, &laptop, &["commit", "-qm", "start"]);
    g(
        home,
        &laptop,
        &["push", "-q", hub.to_str().unwrap(), "HEAD:refs/heads/main"],
    );
    g(
        home,
        home,
        &[
            "clone",
            "-q",
            "-b",
            "main",
            hub.to_str().unwrap(),
            desktop.to_str().unwrap(),
        ],
    );
    tm(&data_d, &["git-setup"]);

    // Both machines work on their own.
    tm(&data_l, &["mark", SIX, "control-flow", "done"]);
    estimate(&data_l, "http-basics", 2.0);
    note(&data_d, "http-basics", None);
    tm(&data_d, &["mark", SIX, "functions", "doing"]);
    tm(&data_d, &["reset", "backend-burger", "--yes"]);

    g(home, &laptop, &["commit", "-qam", "laptop"]);
    g(
        home,
        &laptop,
        &["push", "-q", hub.to_str().unwrap(), "HEAD:refs/heads/main"],
    );
    g(home, &desktop, &["commit", "-qam", "desktop"]);
    let pull = git(
        home,
        &desktop,
        &[
            "-c",
            "pull.rebase=false",
            "pull",
            "-q",
            "--no-edit",
            "origin",
            "main",
        ],
    );
    assert!(
        pull.status.success(),
        "{}",
        String::from_utf8_lossy(&pull.stderr)
    );
    g(home, &desktop, &["push", "-q", "origin", "HEAD:main"]);
    g(
        home,
        &laptop,
        &["pull", "-q", "--ff-only", hub.to_str().unwrap(), "main"],
    );

    for data in [&data_l, &data_d] {
        assert_every_change_arrived(data);
    }
    assert_eq!(fs::read(&data_l).unwrap(), fs::read(&data_d).unwrap());
}

fn assert_every_change_arrived(data: &Path) {
    let text = fs::read_to_string(data).unwrap();
    assert!(
        !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
        "{text}"
    );
    let p = Store::open(data.to_owned()).unwrap().progress().clone();
    let rec = |s: &str| p.skills[&format!("{SIX}/{s}")].clone();
    assert_eq!(rec("variables").status(), Status::Done);
    assert_eq!(rec("control-flow").status(), Status::Done);
    assert_eq!(rec("functions").status(), Status::Doing);
    assert_eq!(
        rec("http-basics").note(),
        None,
        "the cleared note stays cleared"
    );
    assert_eq!(rec("http-basics").estimate().map(|w| w.min), Some(2.0));
    assert_eq!(
        p.skills["backend-burger/know-your-why"].status(),
        Status::Todo,
        "the reset holds"
    );
}

/// `trailmark git-setup` outside any repository says so and exits 2.
#[test]
fn git_setup_outside_a_repository_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("progress.yaml");
    let out = trailmark(&data)
        .env("GIT_CEILING_DIRECTORIES", tmp.path())
        .arg("git-setup")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not inside a git repository"), "{err}");
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
}

/// The three-way cases: a cleared note and a reset on one side survive an
/// older value on the other; an unreadable side leaves OURS untouched.
#[test]
// Over 60 lines on purpose: the merge driver's cases side by side (a clean three-way
// merge, then each side unreadable), on one set of files.
fn merge_file_three_way_and_unreadable_sides() {
    let tmp = tempfile::tempdir().unwrap();
    let (base, ours, theirs) = (
        tmp.path().join("base.yaml"),
        tmp.path().join("ours.yaml"),
        tmp.path().join("theirs.yaml"),
    );
    let start = "version: 2
skills:
  git:
    status: done
    status_at: 2026-11-01T10:00:00.000Z
    note: remember rebase
    note_at: 2026-11-01T10:00:00.000Z
";
    write(&base, start);
    write(
        &ours,
        &start
            .replace("    note: remember rebase\n", "")
            .replace("note_at: 2026-11-01T10", "note_at: 2026-11-02T10"),
    );
    write(
        &theirs,
        &start.replace(
            "status: done\n    status_at: 2026-11-01T10",
            "status: doing\n    status_at: 2026-11-03T10",
        ),
    );
    let data = tmp.path().join("progress.yaml");
    tm(
        &data,
        &[
            "merge-file",
            base.to_str().unwrap(),
            ours.to_str().unwrap(),
            theirs.to_str().unwrap(),
        ],
    );
    let merged = trailmark::progress::parse(&fs::read(&ours).unwrap(), &ours).unwrap();
    assert_eq!(merged.skills["git"].note(), None);
    assert_eq!(merged.skills["git"].status(), Status::Doing);

    // An unreadable side: non-zero, OURS byte for byte, the file and line named.
    let before = fs::read(&ours).unwrap();
    write(
        &theirs,
        "version: 2\nskills:\n  git:\n    status: finished\n",
    );
    let out = trailmark(&data)
        .args([
            "merge-file",
            base.to_str().unwrap(),
            ours.to_str().unwrap(),
            theirs.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read(&ours).unwrap(), before);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:4:13", theirs.display())), "{err}");
    assert!(err.contains("left as it was"), "{err}");
}

const COPY: &str = "version: 2
skills:
  backend-six-phases/functions:
    status: done
    status_at: 2026-11-30T10:10:10.000Z
";

/// Each sync tool's naming: the copy counts at once, the next save folds it
/// in and removes it, and an unreadable copy stays with a warning.
#[test]
fn conflicted_copies_count_at_once_and_fold_in_on_the_next_save() {
    for name in [
        "progress.sync-conflict-20261130-101010-ABCDEFG.yaml",
        "progress (Laptop's conflicted copy 2026-11-30).yaml",
        "progress (conflicted copy 2026-11-30 101010).yaml",
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("progress.yaml");
        tm(&data, &["mark", SIX, "variables", "done"]);
        write(&tmp.path().join(name), COPY);
        let broken = tmp
            .path()
            .join("progress.sync-conflict-20261130-111111-BROKEN1.yaml");
        write(&broken, "version: 2\nskills: [\n");

        let out = trailmark(&data)
            .args(["status", SIX, "--json"])
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["done"], 2, "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(name) && err.contains("conflicted cop"),
            "{name}: {err}"
        );
        assert!(
            err.contains("BROKEN1") && err.contains("cannot be read"),
            "{name}: {err}"
        );
        assert!(tmp.path().join(name).exists(), "reading removes nothing");

        tm(&data, &["mark", SIX, "control-flow", "done"]);
        assert!(
            !tmp.path().join(name).exists(),
            "{name} folded in and removed"
        );
        assert!(broken.exists(), "an unreadable copy stays");
        let p = Store::open(data.clone()).unwrap().progress().clone();
        assert_eq!(p.skills[&format!("{SIX}/functions")].status(), Status::Done);
        assert_eq!(
            p.skills[&format!("{SIX}/control-flow")].status(),
            Status::Done
        );
    }
}
