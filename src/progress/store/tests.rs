//! The store against real files: merging writers, refusing corrupt and
//! newer files, recovering, and failed writes.

use super::*;
use crate::progress::{Status, now, parse};

#[test]
fn round_trips_and_merges_two_writers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/progress.yaml");
    let mut a = Store::open(path.clone()).unwrap();
    let mut b = Store::open(path.clone()).unwrap();
    a.update(|p| p.set_status_by_id("r", "git", Status::Done, now()))
        .unwrap();
    b.update(|p| p.set_status_by_id("r", "r/http", Status::Doing, now()))
        .unwrap();
    let c = Store::open(path.clone()).unwrap();
    assert_eq!(c.progress().skills["git"].status(), Status::Done);
    assert_eq!(c.progress().skills["r/http"].status(), Status::Doing);
    assert_eq!(c.progress().history.len(), 2);
    assert!(!dir.path().join("sub/.progress.yaml.tmp").exists());
}

#[test]
fn corrupt_file_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let junk = b"version: 1\nskills:\n  git: {status: finished}\n";
    fs::write(&path, junk).unwrap();
    let err = Store::open(path.clone()).unwrap_err();
    assert!(
        matches!(err, ProgressError::Corrupt { line: Some(3), .. }),
        "{err}"
    );
    assert!(err.to_string().contains("left untouched"));
    assert_eq!(fs::read(&path).unwrap(), junk);
    let aside = Store::recover(&path).unwrap();
    assert_eq!(fs::read(&aside).unwrap(), junk);
    assert!(Store::open(path).unwrap().progress().skills.is_empty());
}

#[test]
fn messages_name_what_the_file_should_hold() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let cases: [(&str, &str); 4] = [
        (
            "version: 1\nskills:\n  git: 3\n",
            "a skill record with `status:`",
        ),
        ("hello\n", "the progress mapping"),
        (
            "version: 1\nskills:\n  git: {status: done, changed: yesterday}\n",
            "like 2026-03-02T12:00:00Z",
        ),
        (
            "version: 1\nhistory:\n- {at: soon, roadmap: r, from: todo, to: done}\n",
            "like 2026-03-02T12:00:00Z",
        ),
    ];
    for (text, wanted) in cases {
        let err = parse(text.as_bytes(), &path).unwrap_err().to_string();
        assert!(err.contains(wanted), "{text:?}: {err}");
        assert!(!err.contains("struct"), "{err}");
    }
}

#[test]
fn recovering_twice_in_a_second_keeps_both_copies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    fs::write(&path, "one: [").unwrap();
    let first = Store::recover(&path).unwrap();
    fs::write(&path, "two: [").unwrap();
    let second = Store::recover(&path).unwrap();
    assert_ne!(first, second);
    assert_eq!(fs::read_to_string(first).unwrap(), "one: [");
    assert_eq!(fs::read_to_string(second).unwrap(), "two: [");
}

#[test]
fn newer_format_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    fs::write(&path, "version: 9\nfuture_field: 1\n").unwrap();
    assert!(matches!(
        Store::open(path).unwrap_err(),
        ProgressError::TooNew { found: 9, .. }
    ));
}

#[test]
fn a_failed_write_reports_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("progress.yaml");
    Store::open(saved.clone())
        .unwrap()
        .update(|p| p.set_status_by_id("r", "git", Status::Done, now()))
        .unwrap();
    let before = fs::read(&saved).unwrap();
    // A name so long that no temporary name can be made from it: the
    // write fails, even as root.
    let path = dir.path().join("p".repeat(255));
    fs::write(&path, &before).unwrap();
    let mut store = Store::open(path.clone()).unwrap();
    let err = store
        .update(|p| p.set_status_by_id("r", "docker", Status::Done, now()))
        .unwrap_err();
    assert!(
        err.to_string().contains("cannot write a temporary file"),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn an_uncreatable_directory_gives_a_read_only_store() {
    let path = PathBuf::from("/proc/self/trailmark-cannot-exist/progress.yaml");
    let mut store = Store::open(path).unwrap();
    assert!(matches!(store.mode(), Mode::ReadOnly(_)));
    let err = store
        .update(|p| p.set_pace(Some(5.0), None, now()))
        .unwrap_err();
    assert!(matches!(err, ProgressError::ReadOnly { .. }));
    assert_eq!(store.progress().pace_hours_per_week(), Some(5.0));
}
