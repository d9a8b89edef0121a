//! The progress file on disk when all goes well: every field survives a
//! save, two writers (in process and as separate processes) lose nothing,
//! and records of unknown roadmaps are kept. When it does not (unreadable,
//! failed or killed writes): `progress_store_failures.rs`.
//!
//! Several tests run the real binary, always against temporary paths.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::process::Stdio;
use std::sync::{Arc, Barrier};
use std::thread;

use trailmark::progress::{Mode, Progress, ProjectStatus, Status, Store};

#[path = "support/store_files.rs"]
mod store_files;
use store_files::*;

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
