//! The progress file on disk when something goes wrong: an unreadable file
//! is never written over (and `--recover` moves it aside byte for byte), a
//! failed write or a kill at any instant leaves the old or the new file,
//! and an uncreatable data directory runs read-only.
//!
//! Several tests run the real binary, always against temporary paths.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::thread;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use trailmark::progress::{Progress, ProgressError, Status, Store};

#[path = "support/store_files.rs"]
mod store_files;
use store_files::*;

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
// Over 60 lines on purpose: one scenario (a writer, a killer at random instants, the
// file checked after every kill) that reads best in its order.
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
