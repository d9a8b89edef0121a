//! The progress file on disk: every field survives a save, two writers lose
//! nothing, an unreadable file is never written over, a failed or killed
//! write leaves the old file, and records of unknown roadmaps are kept.
//!
//! Several tests run the real binary, always against temporary paths.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use trailmark::estimate::Weeks;
use trailmark::progress::{
    Mode, Progress, ProgressError, ProjectStatus, Register, SkillRecord, Stamp, Status, Store,
};

const ROADMAP: &str = "backend-six-phases";

/// The binary with a clean environment: no real config, roadmaps or data.
fn trailmark(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trailmark"));
    cmd.env("TRAILMARK_CONFIG_DIR", dir.join("config"))
        .env("TRAILMARK_DATA", dir.join("data/progress.yaml"))
        .env("TRAILMARK_STATE", dir.join("state/state.yaml"))
        .env("TRAILMARK_TODAY", "2026-03-16")
        .env_remove("TRAILMARK_ROADMAPS")
        .stdin(Stdio::null());
    cmd
}

fn run(dir: &Path, args: &[&str]) -> Output {
    trailmark(dir).args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn data_file(dir: &Path) -> PathBuf {
    dir.join("data/progress.yaml")
}

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
}

fn record(status: Status, changed: DateTime<Utc>) -> SkillRecord {
    SkillRecord {
        status: Register::new(status, Stamp::at(changed)),
        ..SkillRecord::default()
    }
}

/// The skill ids of the bundled roadmap, in order.
fn skill_ids(dir: &Path) -> Vec<String> {
    let out = run(dir, &["show", ROADMAP, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<String> = doc["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["skills"].as_array().unwrap())
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 36, "backend-six-phases has 36 skills");
    ids
}

fn full_progress() -> Progress {
    let variables = format!("{ROADMAP}/variables");
    let mut p = Progress::default();
    p.set_pace(Some(7.5), Some(ROADMAP), at(1, 7));
    p.set_status_by_id(ROADMAP, "http", Status::Done, at(2, 8));
    p.set_note_by_id(
        ROADMAP,
        "http",
        Some("RFC 9110: \"the\" spec — read §15 # not a comment\nsecond line".into()),
        Utc.timestamp_millis_opt(1_772_000_000_123).unwrap(),
    );
    p.set_estimate_by_id(ROADMAP, "http", Some(Weeks::range(1.5, 2.5)), at(2, 9));
    p.set_status_by_id(ROADMAP, &variables, Status::Doing, at(3, 9));
    p.set_estimate_by_id(ROADMAP, &variables, Some(Weeks::exact(0.5)), at(3, 9));
    p.set_status_by_id(ROADMAP, "git", Status::Skipped, at(4, 10));
    p.set_status_by_id(ROADMAP, "null", Status::Doing, at(5, 11));
    p.set_status_by_id(ROADMAP, "null", Status::Todo, at(5, 11));
    p.set_project_status_by_id(
        ROADMAP,
        &format!("{ROADMAP}/small-apis"),
        ProjectStatus::Building,
        at(6, 12),
    );
    p
}

#[test]
fn every_field_survives_a_save_and_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let wanted = full_progress();
    let mut store = Store::open(path.clone()).unwrap();
    assert_eq!(store.mode(), &Mode::ReadWrite);
    store.update(|p| *p = wanted.clone()).unwrap();
    assert_eq!(store.progress(), &wanted);
    let again = Store::open(path.clone()).unwrap();
    assert_eq!(again.progress(), &wanted);

    // Human-readable, stable key order: saving the same progress built in
    // another order gives the same bytes.
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# trailmark progress."), "{text}");
    let body: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(body[0], "version: 3");
    let top: Vec<&str> = body
        .iter()
        .filter(|l| !l.starts_with([' ', '-']))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        top,
        [
            "version",
            "pace_hours_per_week",
            "pace_hours_per_week_at",
            "skills",
            "projects",
            "history"
        ]
    );
    assert!(text.contains("note_at: 2026-02-25T06:13:20.123Z"), "{text}");
    assert!(text.contains("estimate: 1.5–2.5 weeks"), "{text}");

    let mut reordered = Progress::default();
    for (k, v) in wanted.skills.iter().rev() {
        reordered.skills.insert(k.clone(), v.clone());
    }
    reordered.history.clone_from(&wanted.history);
    reordered.projects.clone_from(&wanted.projects);
    reordered.pace = wanted.pace.clone();
    let other = dir.path().join("other.yaml");
    Store::open(other.clone())
        .unwrap()
        .update(|p| *p = reordered)
        .unwrap();
    assert_eq!(fs::read_to_string(other).unwrap(), text);
    assert!(!dir.path().join(".progress.yaml.tmp").exists());
}

#[test]
fn the_newest_change_to_the_same_skill_wins_whichever_saves_last() {
    for older_saves_last in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        let mut a = Store::open(path.clone()).unwrap();
        let mut b = Store::open(path.clone()).unwrap();
        let older = |p: &mut Progress| p.set_status_by_id("r", "git", Status::Done, at(2, 10));
        let newer = |p: &mut Progress| p.set_status_by_id("r", "git", Status::Skipped, at(2, 11));
        if older_saves_last {
            b.update(newer).unwrap();
            a.update(older).unwrap();
        } else {
            a.update(older).unwrap();
            b.update(newer).unwrap();
        }
        let p = Store::open(path).unwrap().progress().clone();
        assert_eq!(
            p.skills["git"].status(),
            Status::Skipped,
            "{older_saves_last}"
        );
        assert_eq!(p.skills["git"].changed(), at(2, 11));
        // Both changes stay in the history, oldest first.
        let tos: Vec<Status> = p
            .history
            .iter()
            .filter_map(trailmark::progress::Change::skill_to)
            .collect();
        assert_eq!(tos, [Status::Done, Status::Skipped]);
        // The writer that lost sees the winner after its save.
        let loser = if older_saves_last { &a } else { &b };
        assert_eq!(loser.progress().skills["git"].status(), Status::Skipped);
    }
}

#[test]
fn settings_changed_by_one_writer_survive_the_others_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let mut a = Store::open(path.clone()).unwrap();
    let mut b = Store::open(path.clone()).unwrap();
    a.update(|p| p.set_pace(Some(6.0), None, at(1, 2))).unwrap();
    b.update(|p| {
        p.skills
            .insert("x/s".into(), record(Status::Doing, at(1, 1)));
    })
    .unwrap();
    let p = Store::open(path).unwrap().progress().clone();
    assert_eq!(p.pace_hours_per_week(), Some(6.0));
    assert_eq!(p.skills["x/s"].status(), Status::Doing);
}

#[test]
fn many_processes_marking_at_once_lose_no_tick() {
    let dir = tempfile::tempdir().unwrap();
    let ids = skill_ids(dir.path());
    let (first, second) = ids.split_at(ids.len() / 2);
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = [first.to_vec(), second.to_vec()]
        .into_iter()
        .map(|batch| {
            let barrier = Arc::clone(&barrier);
            let dir = dir.path().to_owned();
            thread::spawn(move || {
                barrier.wait();
                // Every process of the batch at the same moment.
                let children: Vec<_> = batch
                    .iter()
                    .map(|id| {
                        trailmark(&dir)
                            .args(["mark", ROADMAP, id, "done"])
                            .stdout(Stdio::null())
                            .stderr(Stdio::piped())
                            .spawn()
                            .unwrap()
                    })
                    .collect();
                for child in children {
                    let out = child.wait_with_output().unwrap();
                    assert!(out.status.success(), "{}", stderr(&out));
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let p = Store::open(data_file(dir.path()))
        .unwrap()
        .progress()
        .clone();
    let done = p
        .skills
        .values()
        .filter(|r| r.status() == Status::Done)
        .count();
    assert_eq!(done, 36, "{:#?}", p.skills.keys().collect::<Vec<_>>());
    assert_eq!(p.history.len(), 36);
    let out = run(dir.path(), &["status", ROADMAP, "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["done"], 36);
}

/// Unreadable files of each kind: the bytes, and the `file:line:col` the
/// message must give (`None` where no position applies).
fn corrupt_cases() -> Vec<(&'static str, Vec<u8>, Option<&'static str>)> {
    vec![
        (
            "bad YAML",
            b"version: 1\nskills:\n  git: {status: done\n".to_vec(),
            Some(":4:1:"),
        ),
        (
            "wrong type",
            b"version: 1\nskills:\n  git:\n    status: done\n    changed: yesterday\n".to_vec(),
            Some(":5:14:"),
        ),
        (
            "unknown status",
            b"version: 1\nskills:\n  git: {status: finished, changed: 2026-01-01T00:00:00Z}\n"
                .to_vec(),
            Some(":3:17:"),
        ),
        (
            "newer version",
            b"version: 4\nsomething_new: {}\n".to_vec(),
            None,
        ),
        (
            "newer version, otherwise readable",
            b"version: 5\nskills: {}\n".to_vec(),
            None,
        ),
        (
            "not UTF-8",
            b"version: 1\n\xff\xfe\n".to_vec(),
            Some(":2:1:"),
        ),
    ]
}

#[test]
fn an_unreadable_file_is_never_written_over() {
    for (what, bytes, position) in corrupt_cases() {
        let dir = tempfile::tempdir().unwrap();
        let path = data_file(dir.path());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &bytes).unwrap();
        for args in [
            &["status", ROADMAP][..],
            &["status", ROADMAP, "--json"],
            &["mark", ROADMAP, "http", "done"],
            &["pace", "9"],
            &["reset", ROADMAP, "--yes"],
            &["export", ROADMAP],
        ] {
            let out = run(dir.path(), args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{what} {args:?}: {err}");
            assert!(out.stdout.is_empty(), "{what} {args:?}");
            assert!(err.contains(&path.display().to_string()), "{what}: {err}");
            if let Some(pos) = position {
                let at = format!("{}{pos}", path.display());
                assert!(err.contains(&at), "{what}: wanted {at} in {err}");
            }
            assert!(err.contains("--recover"), "{what}: {err}");
            assert!(err.contains("left untouched"), "{what}: {err}");
            assert_eq!(fs::read(&path).unwrap(), bytes, "{what} {args:?}");
        }
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(
            names
                .iter()
                .all(|n| !n.contains("tmp") && !n.contains("corrupt")),
            "{names:?}"
        );
        // The library refuses too, with the position.
        let err = Store::open(path.clone()).unwrap_err();
        match (&err, position) {
            (ProgressError::TooNew { found: 4 | 5, .. }, None)
            | (ProgressError::Corrupt { line: Some(_), .. }, Some(_)) => {}
            _ => panic!("{what}: {err:?}"),
        }
    }
}

#[test]
fn recover_moves_the_file_aside_byte_for_byte_and_starts_afresh() {
    for (what, bytes, _) in corrupt_cases() {
        let dir = tempfile::tempdir().unwrap();
        let path = data_file(dir.path());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &bytes).unwrap();
        let out = run(dir.path(), &["mark", ROADMAP, "http", "done", "--recover"]);
        let err = stderr(&out);
        assert!(out.status.success(), "{what}: {err}");
        assert!(
            err.contains("moved the unreadable progress file aside to"),
            "{err}"
        );
        let aside: Vec<PathBuf> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("progress.yaml.corrupt-")
            })
            .collect();
        assert_eq!(aside.len(), 1, "{what}: {aside:?}");
        assert!(err.contains(&aside[0].display().to_string()), "{err}");
        assert_eq!(fs::read(&aside[0]).unwrap(), bytes, "{what}");
        let p = Store::open(path.clone()).unwrap().progress().clone();
        assert_eq!(p.skills["http"].status(), Status::Done, "{what}");
        // Nothing to recover from any more: `--recover` is then harmless.
        let again = run(dir.path(), &["status", ROADMAP, "--recover"]);
        assert!(again.status.success(), "{}", stderr(&again));
        assert!(stderr(&again).is_empty(), "{}", stderr(&again));
    }
}

#[test]
fn a_failed_write_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["mark", ROADMAP, "http", "done"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = fs::read(data_file(dir.path())).unwrap();
    // A name so long that no temporary name can be made from it: the write
    // fails, even as root.
    let path = dir.path().join("p".repeat(255));
    fs::write(&path, &before).unwrap();
    let file = path.to_str().unwrap();
    for args in [
        &["--data-file", file, "mark", ROADMAP, "variables", "done"][..],
        &["--data-file", file, "pace", "10"],
        &["--data-file", file, "reset", ROADMAP, "--yes"],
    ] {
        let out = run(dir.path(), args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("cannot write a temporary file"), "{err}");
        assert!(err.contains(file), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before, "{args:?}");
    }
    // The library reports the same and keeps the change in memory.
    let mut store = Store::open(path.clone()).unwrap();
    let err = store
        .update(|p| p.set_status_by_id("r", "docker", Status::Done, at(9, 9)))
        .unwrap_err();
    assert!(matches!(err, ProgressError::Io { .. }), "{err:?}");
    assert_eq!(store.progress().skills["docker"].status(), Status::Done);
    assert_eq!(fs::read(&path).unwrap(), before);
    // No temporary file is left beside it.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names.iter().all(|n| !n.to_string_lossy().starts_with('.')),
        "{names:?}"
    );
}

#[test]
fn an_uncreatable_data_directory_runs_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let bad = "/proc/self/trailmark-nonexistent/progress.yaml";
    let out = run(dir.path(), &["--data-file", bad, "status", ROADMAP]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 of 36 skills done"));
    let out = run(
        dir.path(),
        &["--data-file", bad, "mark", ROADMAP, "http", "done"],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(bad), "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert!(err.contains("not saved"), "{err}");
    assert!(!Path::new(bad).exists());
}

/// A tiny xorshift: reproducible "random" delays without another crate.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn a_kill_at_any_instant_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = data_file(dir.path());
    // A longer history makes each save write about ten kilobytes, so that
    // kills also land in the middle of a write.
    let mut seed = Progress::default();
    for i in 0..150 {
        seed.set_status_by_id(
            "old-roadmap",
            &format!("old-roadmap/skill-{i}"),
            Status::Done,
            Utc.timestamp_millis_opt(1_700_000_000_000 + i).unwrap(),
        );
    }
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    Store::open(path.clone())
        .unwrap()
        .update(|p| *p = seed)
        .unwrap();

    let status_of = |p: &Progress| {
        p.skills
            .get("http")
            .map_or(Status::Todo, trailmark::progress::SkillRecord::status)
    };
    // How long one save takes here, to spread the kills over a whole run.
    let started = Instant::now();
    let out = run(dir.path(), &["mark", ROADMAP, "http", "done"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lifetime = started.elapsed().as_micros().max(1000) as u64;

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut state = Status::Done;
    let mut seen_new = 0;
    for round in 0..30 {
        let target = if state == Status::Done {
            Status::Todo
        } else {
            Status::Done
        };
        let mut child = trailmark(dir.path())
            .args(["mark", ROADMAP, "http", target.as_str()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        thread::sleep(Duration::from_micros(rng.below(lifetime * 3 / 2)));
        let _ = child.kill(); // SIGKILL; fails only if it has already exited
        child.wait().unwrap();
        let p = match Store::open(path.clone()) {
            Ok(s) => s.progress().clone(),
            Err(e) => panic!("round {round}: the file does not load after a kill: {e}"),
        };
        let now = status_of(&p);
        assert!(
            now == state || now == target,
            "round {round}: {now} is neither {state} nor {target}"
        );
        assert!(p.history.len() >= 151, "round {round}: history lost");
        if now == target {
            seen_new += 1;
        }
        state = now;
    }
    // Whatever the kills left behind, the next save works.
    let out = run(dir.path(), &["mark", ROADMAP, "variables", "doing"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let p = Store::open(path).unwrap().progress().clone();
    assert_eq!(
        p.skills[&format!("{ROADMAP}/variables")].status(),
        Status::Doing
    );
    // The temporary files of killed saves went with that save.
    let names: Vec<_> = fs::read_dir(dir.path().join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["progress.yaml"]);
    // Not an assertion on timing: just that the test exercised something.
    eprintln!("{seen_new} of 30 killed saves had completed");
}

#[test]
fn records_of_unknown_roadmaps_are_kept_and_reported_as_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let path = data_file(dir.path());
    let mut p = Progress::default();
    p.skills
        .insert("gone-roadmap/x".into(), record(Status::Done, at(2, 2)));
    p.skills
        .insert("no-such-key".into(), record(Status::Doing, at(2, 3)));
    p.skills
        .insert("http".into(), record(Status::Done, at(2, 4)));
    p.set_project_status_by_id(
        "gone-roadmap",
        "gone-roadmap/p",
        ProjectStatus::Built,
        at(2, 5),
    );
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    Store::open(path.clone())
        .unwrap()
        .update(|q| *q = p.clone())
        .unwrap();

    let out = run(dir.path(), &["status", ROADMAP]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "3 records belong to no loaded roadmap and are kept untouched: gone-roadmap/x, no-such-key, gone-roadmap/p"
        ),
        "{text}"
    );
    let out = run(dir.path(), &["status", ROADMAP, "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["orphan_records"],
        serde_json::json!(["gone-roadmap/x", "no-such-key", "gone-roadmap/p"])
    );
    assert_eq!(doc["done"], 1);

    // A save keeps them.
    let out = run(dir.path(), &["mark", ROADMAP, "variables", "done"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = Store::open(path).unwrap().progress().clone();
    for id in ["gone-roadmap/x", "no-such-key"] {
        assert_eq!(after.skills[id], p.skills[id]);
    }
    assert_eq!(after.projects, p.projects);
}
