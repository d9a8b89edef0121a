//! Shared by the progress store tests: the real binary against temporary
//! paths, fixed stamps, and progress with every field set.

#![allow(dead_code)] // each test file uses only some of these
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::{DateTime, TimeZone, Utc};
use trailmark::estimate::Weeks;
use trailmark::progress::{Progress, ProjectStatus, Register, SkillRecord, Stamp, Status};

pub const ROADMAP: &str = "backend-six-phases";

/// The binary with a clean environment: no real config, roadmaps or data.
pub fn trailmark(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trailmark"));
    cmd.env("TRAILMARK_CONFIG_DIR", dir.join("config"))
        .env("TRAILMARK_DATA", dir.join("data/progress.yaml"))
        .env("TRAILMARK_STATE", dir.join("state/state.yaml"))
        .env("TRAILMARK_TODAY", "2026-03-16")
        .env_remove("TRAILMARK_ROADMAPS")
        .stdin(Stdio::null());
    cmd
}

pub fn run(dir: &Path, args: &[&str]) -> Output {
    trailmark(dir).args(args).output().unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn data_file(dir: &Path) -> PathBuf {
    dir.join("data/progress.yaml")
}

pub fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
}

pub fn record(status: Status, changed: DateTime<Utc>) -> SkillRecord {
    SkillRecord {
        status: Register::new(status, Stamp::at(changed)),
        ..SkillRecord::default()
    }
}

/// The skill ids of the bundled roadmap, in order.
pub fn skill_ids(dir: &Path) -> Vec<String> {
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

pub fn full_progress() -> Progress {
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
