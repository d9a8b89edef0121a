//! Shared by the progress command tests: the binary in a clean environment
//! (temporary config, data and state, a fixed today), running it and
//! reading its output, and a tiny user roadmap.

#![allow(dead_code)] // each test file uses only some of these
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

pub const SIX: &str = "backend-six-phases";
pub const TODAY: &str = "2026-03-16";

/// The binary with a clean environment: no real config, roadmaps or data.
pub fn trailmark(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trailmark"));
    cmd.env("TRAILMARK_CONFIG_DIR", dir.join("config"))
        .env("TRAILMARK_DATA", data_file(dir))
        .env("TRAILMARK_STATE", dir.join("state/state.yaml"))
        .env("TRAILMARK_TODAY", TODAY)
        .env_remove("TRAILMARK_ROADMAPS")
        .stdin(Stdio::null());
    cmd
}

pub fn data_file(dir: &Path) -> PathBuf {
    dir.join("data/progress.yaml")
}

pub fn run(dir: &Path, args: &[&str]) -> Output {
    trailmark(dir).args(args).output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs and expects success; returns stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}\n{}",
        stderr(&out),
        stdout(&out)
    );
    stdout(&out)
}

pub fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).unwrap()
}

pub fn weeks(n: f64) -> Value {
    json!({ "min": n, "max": n })
}

pub const COUNT_KEYS: [&str; 11] = [
    "skills_total",
    "done",
    "doing",
    "skipped",
    "todo",
    "percent_done",
    "percent",
    "skills_counted",
    "weeks_total",
    "weeks_remaining",
    "unestimated_skills",
];

pub fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

pub fn sorted(extra: &[&str]) -> Vec<String> {
    let mut k: Vec<String> = COUNT_KEYS
        .iter()
        .chain(extra)
        .map(|s| (*s).to_owned())
        .collect();
    k.sort();
    k
}

/// The id a roadmap gives the skill with key `http`.
pub fn http_id(d: &Path, roadmap: &str) -> String {
    let shown = json(d, &["show", roadmap, "--json"]);
    shown["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["skills"].as_array().unwrap())
        .find(|s| s["key"] == "http")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

pub const TINY: &str = "\
id: tiny-path
title: A Tiny Path
summary: Two phases for the export test.
source:
  title: Test notes
  author: Tester
  published: 2025-05-01
  url: https://example.org/tiny_path
pace_hours_per_week: 10
phases:
  - id: basics
    title: Web basics
    estimate: 2 weeks
    skills:
      - id: http
        title: HTTP
        key: http
      - id: html
        title: HTML *and* CSS
  - id: build
    title: Build it
    skills:
      - id: rest-api
        title: REST API design
        estimate: 2-3 weeks
      - id: sql
        title: SQL
        estimate: 1 week
      - id: extras
        title: Extras
    projects:
      - id: todo-api
        title: To-do API
        description: A small API.
        skills: [http, rest-api]
";

/// Progress with fixed times, written as a user's file would be.
pub const TINY_PROGRESS: &str = r#"version: 1
skills:
  http: {status: done, changed: 2026-03-02T10:00:00Z}
  tiny-path/html: {status: doing, changed: 2026-03-05T10:00:00Z}
  tiny-path/rest-api: {status: skipped, changed: 2026-03-09T23:30:00Z}
  tiny-path/sql:
    status: todo
    changed: 2026-03-10T10:00:00Z
    note: "Read \"SQL\" # ch. 1-3\nthen practice"
projects:
  tiny-path/todo-api: {status: building, changed: 2026-03-06T10:00:00Z}
history:
- {at: 2026-03-02T10:00:00Z, roadmap: tiny-path, skill: http, from: todo, to: done}
- {at: 2026-03-05T10:00:00Z, roadmap: tiny-path, skill: tiny-path/html, from: todo, to: doing}
- {at: 2026-03-09T23:30:00Z, roadmap: tiny-path, skill: tiny-path/rest-api, from: todo, to: skipped}
"#;

pub fn tiny(d: &Path) -> String {
    let roadmap = d.join("tiny.yaml");
    fs::write(&roadmap, TINY).unwrap();
    fs::create_dir_all(data_file(d).parent().unwrap()).unwrap();
    fs::write(data_file(d), TINY_PROGRESS).unwrap();
    roadmap.display().to_string()
}
