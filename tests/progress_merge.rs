//! The progress merge on real files: a change made after reading a stamp
//! from the future still wins, a note written in a copy that never saw a
//! tick keeps the tick, records written twice merge, version 1 files
//! migrate, problems point at their line and column, and a skill that
//! gains a key keeps its progress. Several tests run the real binary beside
//! an in-process copy, as the app and a script would be.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use chrono::{TimeZone, Utc};
use trailmark::estimate::Weeks;
use trailmark::progress::{Edit, ProjectStatus, Status, Store, now, parse, parse_with_notices};

fn trailmark(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trailmark"));
    cmd.env("TRAILMARK_CONFIG_DIR", dir.join("config"))
        .env("TRAILMARK_DATA", dir.join("progress.yaml"))
        .env("TRAILMARK_STATE", dir.join("state.yaml"))
        .env_remove("TRAILMARK_ROADMAPS")
        .stdin(Stdio::null());
    cmd
}

fn mark(dir: &Path, skill: &str, status: &str) {
    let out = trailmark(dir)
        .args(["mark", "backend-six-phases", skill, status])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The app is open on a skill; a script ticks it; the app writes a note.
/// The tick stays, and the note lands.
#[test]
fn a_note_written_in_a_copy_that_never_saw_the_tick_keeps_the_tick() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let mut app = Store::open(path.clone()).unwrap();
    mark(dir.path(), "control-flow", "done");
    app.update(|p| {
        p.set_note_by_id(
            "backend-six-phases",
            "backend-six-phases/control-flow",
            Some("read chapter 3".into()),
            now(),
        )
    })
    .unwrap();
    let p = Store::open(path.clone()).unwrap().progress().clone();
    let r = &p.skills["backend-six-phases/control-flow"];
    assert_eq!(r.status(), Status::Done);
    assert_eq!(r.note(), Some("read chapter 3"));
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("status: done"), "{text}");
}

/// A file from a machine whose clock ran years ahead: un-ticking the skill
/// after another copy wrote still sticks, and shows today's time.
#[test]
fn a_record_stamped_in_the_future_can_still_be_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    fs::write(
        &path,
        "version: 1\nskills:\n  backend-six-phases/control-flow:\n    status: done\n    changed: 2030-01-01T00:00:00Z\n",
    )
    .unwrap();
    let mut app = Store::open(path.clone()).unwrap();
    mark(dir.path(), "variables", "doing");
    app.update(|p| {
        p.set_status_by_id(
            "backend-six-phases",
            "backend-six-phases/control-flow",
            Status::Todo,
            now(),
        )
    })
    .unwrap();
    let p = Store::open(path).unwrap().progress().clone();
    let r = &p.skills["backend-six-phases/control-flow"];
    assert_eq!(r.status(), Status::Todo);
    assert_eq!(r.changed().date_naive(), now().date_naive());
    assert_eq!(
        p.skills["backend-six-phases/variables"].status(),
        Status::Doing
    );
}

/// `git merge -s union` or "accept both" leaves a record twice; the later
/// entry in the file is the older one here. Field by field, the newer wins.
#[test]
fn a_record_written_twice_merges_field_by_field_and_is_written_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let text = "version: 2
skills:
  git:
    status: done
    status_at: 2026-11-30T10:00:00.000Z
    note: old note
    note_at: 2026-11-01T10:00:00.000Z
  docker:
    status: doing
    status_at: 2026-11-30T09:00:00.000Z
  git:
    status: todo
    status_at: 2026-11-20T10:00:00.000Z
    note: newer note
    note_at: 2026-11-29T10:00:00.000Z
";
    fs::write(&path, text).unwrap();
    let (p, notices) = parse_with_notices(text.as_bytes(), &path).unwrap();
    assert_eq!(p.skills["git"].status(), Status::Done);
    assert_eq!(p.skills["git"].note(), Some("newer note"));
    assert_eq!(notices.len(), 1);
    assert_eq!(
        notices[0].message,
        "entries written more than once were merged field by field: skills.git (lines 3, 11); the next save writes each once"
    );
    // The command line says so once, and a save writes one entry.
    let out = trailmark(dir.path())
        .args(["status", "backend-six-phases"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("skills.git (lines 3, 11)"), "{err}");
    mark(dir.path(), "variables", "done");
    let saved = fs::read_to_string(&path).unwrap();
    assert_eq!(saved.matches("\n  git:\n").count(), 1, "{saved}");
    let (again, notices) = parse_with_notices(saved.as_bytes(), &path).unwrap();
    assert!(notices.is_empty());
    assert_eq!(again.skills["git"].note(), Some("newer note"));
    assert_eq!(again.skills["git"].status(), Status::Done);
}

/// A version 1 file (one stamp per record, history as text, browsing state
/// inside) loads, keeps everything, and is written back as version 2.
#[test]
fn a_version_1_file_loads_and_migrates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let v1 = include_str!("fixtures/progress/version-1.yaml");
    fs::write(&path, v1).unwrap();
    let mut store = Store::open(path.clone()).unwrap();
    let p = store.progress().clone();
    assert_eq!(p.version, 1);
    assert_eq!(p.pace_hours_per_week(), Some(7.5));
    assert_eq!(p.legacy.last_roadmap.as_deref(), Some("backend-six-phases"));
    assert_eq!(
        p.legacy.cursors["backend-six-phases"].skill.as_deref(),
        Some("sql")
    );
    let http = &p.skills["http"];
    assert_eq!(http.status(), Status::Done);
    assert_eq!(http.note(), Some("RFC 9110"));
    assert_eq!(http.estimate(), Some(Weeks::range(1.5, 2.5)));
    assert_eq!(
        http.changed(),
        Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap()
    );
    assert_eq!(
        p.projects["backend-six-phases/small-apis"].status(),
        ProjectStatus::Building
    );
    assert_eq!(p.history.len(), 2);
    assert!(matches!(
        p.history[0].edit,
        Edit::Status {
            from: Status::Todo,
            to: Status::Done
        }
    ));
    // Any change writes version 3, which reads back the same; a later pace
    // change wins over the unstamped version 1 pace.
    store
        .update(|p| p.set_pace(Some(9.0), None, now()))
        .unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("version: 3"), "{text}");
    assert!(!text.contains("last_roadmap"), "{text}");
    let back = Store::open(path).unwrap().progress().clone();
    assert_eq!(back.pace_hours_per_week(), Some(9.0));
    assert_eq!(back.skills, store.progress().skills);
    assert_eq!(back.history, store.progress().history);
}

/// Problems point at their own line and column, and say what to write.
#[test]
fn problems_point_at_the_line_and_column() {
    let path = Path::new("progress.yaml");
    let cases = [
        (
            "version: 2\nskills:\n  git:\n    status: done\n    status_at: yesterday\n",
            "progress.yaml:5:16: the progress file cannot be read: skills.git.status_at: `yesterday` is not a change stamp",
        ),
        (
            "version: 2\nskills:\n  git:\n    status: done\n",
            "progress.yaml:4:13: the progress file cannot be read: skills.git.status: the value has no stamp; add `status_at:`",
        ),
        (
            "version: 2\npace_hours_per_week: 0\npace_hours_per_week_at: 2026-11-30T10:00:00Z\n",
            "progress.yaml:2:22: the progress file cannot be read: pace_hours_per_week: 0 is not a weekly pace",
        ),
        (
            "version: 2\nskills:\n  git:\n    estimate: soon\n    estimate_at: 2026-11-30T10:00:00Z\n",
            "progress.yaml:4:15: the progress file cannot be read: skills.git.estimate:",
        ),
        (
            "version: 2\nhistory:\n- at: 2026-11-30T10:00:00Z\n  skill: git\n  field: status\n  from: todo\n  to: finished\n",
            "progress.yaml:7:7: the progress file cannot be read: history[0].to: `finished` is not a status",
        ),
        (
            "version: 2\ntargets:\n  r:\n    date: 2026-13-01\n    date_at: 2026-11-30T10:00:00Z\n",
            "progress.yaml:4:11: the progress file cannot be read: targets.r.date: `2026-13-01` is not a date written YYYY-MM-DD; write it like `2026-06-30`",
        ),
        (
            "version: 2\ntargets:\n  r:\n    date: 2026-06-30\n",
            "progress.yaml:4:11: the progress file cannot be read: targets.r.date: the value has no stamp; add `date_at:` with the time it changed",
        ),
        (
            "version: 2\nskills:\n  git:\n    status: finished\n",
            "progress.yaml:4:13: the progress file cannot be read: skills.git.status: unknown variant `finished`",
        ),
    ];
    for (text, wanted) in cases {
        let err = parse(text.as_bytes(), path).unwrap_err().to_string();
        assert!(
            err.starts_with(wanted),
            "{text}\nwanted: {wanted}\n   got: {err}"
        );
    }
}

const OWN_ROADMAP: &str = "id: my-path
title: My path
summary: A roadmap of my own.
source:
  title: Notes
  published: 2026-01-01
  url: https://example.com/notes
phases:
  - id: ops
    title: Ops
    estimate: 2 weeks
    skills:
      - id: docker
        title: Docker
";

/// A skill that gains a shared key keeps its tick and note: the record
/// stored under `roadmap/skill` counts under the key at once, and moves
/// there on the next save.
#[test]
fn a_skill_that_gains_a_key_keeps_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    let roadmaps = dir.path().join("roadmaps");
    fs::create_dir_all(&roadmaps).unwrap();
    let file = roadmaps.join("my-path.yaml");
    fs::write(&file, OWN_ROADMAP).unwrap();
    let run = |args: &[&str]| {
        let out = trailmark(dir.path())
            .env("TRAILMARK_ROADMAPS", &roadmaps)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    run(&["mark", "my-path", "docker", "done"]);
    fs::write(
        &file,
        OWN_ROADMAP.replace("title: Docker", "title: Docker\n        key: docker"),
    )
    .unwrap();
    let (json, err) = run(&["status", "my-path", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["done"], 1, "{json}");
    let (text, _) = run(&["status", "my-path"]);
    assert!(!text.contains("removed or renamed"), "{text}");
    assert!(!err.contains("removed or renamed"), "{err}");
    // Reading moved nothing on disk; the next save does.
    let path = dir.path().join("progress.yaml");
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("my-path/docker:")
    );
    run(&["pace", "8"]);
    let saved = fs::read_to_string(&path).unwrap();
    assert!(!saved.contains("my-path/docker:"), "{saved}");
    assert!(saved.contains("\n  docker:\n    status: done"), "{saved}");
}
