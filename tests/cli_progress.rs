//! The progress commands run as a user would: `status`, `mark`, `export`,
//! `pace` and `reset`, always against temporary files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

const SIX: &str = "backend-six-phases";
const TODAY: &str = "2026-03-16";

/// The binary with a clean environment: no real config, roadmaps or data.
fn trailmark(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trailmark"));
    cmd.env("TRAILMARK_CONFIG_DIR", dir.join("config"))
        .env("TRAILMARK_DATA", data_file(dir))
        .env("TRAILMARK_STATE", dir.join("state/state.yaml"))
        .env("TRAILMARK_TODAY", TODAY)
        .env_remove("TRAILMARK_ROADMAPS")
        .stdin(Stdio::null());
    cmd
}

fn data_file(dir: &Path) -> PathBuf {
    dir.join("data/progress.yaml")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    trailmark(dir).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs and expects success; returns stdout.
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}\n{}",
        stderr(&out),
        stdout(&out)
    );
    stdout(&out)
}

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).unwrap()
}

fn weeks(n: f64) -> Value {
    json!({ "min": n, "max": n })
}

const COUNT_KEYS: [&str; 11] = [
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

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

fn sorted(extra: &[&str]) -> Vec<String> {
    let mut k: Vec<String> = COUNT_KEYS
        .iter()
        .chain(extra)
        .map(|s| (*s).to_owned())
        .collect();
    k.sort();
    k
}

#[test]
fn status_json_has_every_key_and_counts_marks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fresh = json(d, &["status", SIX, "--json"]);
    assert_eq!(
        keys(&fresh),
        sorted(&[
            "roadmap",
            "finish_date_by_pace",
            "finish_date_by_history",
            "hours_logged",
            "hours_per_week_measured",
            "finish_date_by_measured_pace",
            "orphan_records",
            "phases",
            "weekly",
            "target_date",
            "hours_per_week_needed",
            "on_track"
        ])
    );
    assert_eq!(fresh["roadmap"], SIX);
    assert_eq!(fresh["skills_total"], 36);
    assert_eq!(fresh["todo"], 36);
    assert_eq!(fresh["percent_done"], 0.0);
    assert_eq!(fresh["weeks_total"], weeks(24.0));
    assert_eq!(fresh["weeks_remaining"], weeks(24.0));
    assert_eq!(fresh["unestimated_skills"], 0);
    assert_eq!(fresh["finish_date_by_pace"], Value::Null);
    assert_eq!(fresh["finish_date_by_history"], Value::Null);
    assert_eq!(fresh["orphan_records"], json!([]));
    assert_eq!(fresh["weekly"], json!([]));
    let phases = fresh["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 6);
    let phase_weeks: Vec<&Value> = phases.iter().map(|p| &p["weeks_total"]).collect();
    assert_eq!(
        phase_weeks,
        [4.0, 4.0, 4.0, 2.0, 4.0, 6.0]
            .map(weeks)
            .iter()
            .collect::<Vec<_>>()
    );
    for p in phases {
        assert_eq!(keys(p), sorted(&["id", "title"]));
        assert_eq!(p["skills_total"], 6);
    }
    assert_eq!(phases[0]["id"], "fundamentals");
    assert_eq!(phases[0]["title"], "Programming fundamentals");

    ok(d, &["mark", SIX, "http", "done"]);
    ok(d, &["mark", SIX, "variables", "doing"]);
    ok(d, &["mark", SIX, "functions", "skip"]);
    let after = json(d, &["status", SIX, "--json"]);
    assert_eq!(after["done"], 1);
    assert_eq!(after["doing"], 1);
    assert_eq!(after["skipped"], 1);
    assert_eq!(after["todo"], 33);
    // done ÷ (all − skipped) = 1/35
    assert_eq!(after["percent_done"], 2.9);
    assert_eq!(after["weeks_total"], weeks(24.0));
    // Each skill of a 4-week phase of 6 is 2/3 week: done and skipped need
    // none of it, doing half.
    assert_eq!(after["weeks_remaining"], weeks(22.333));
    let p0 = &after["phases"][0];
    assert_eq!(
        (&p0["done"], &p0["doing"], &p0["skipped"], &p0["todo"]),
        (&json!(0), &json!(1), &json!(1), &json!(4))
    );
    assert_eq!(p0["weeks_remaining"], weeks(3.0));
    assert_eq!(after["phases"][1]["done"], 1);
    assert_eq!(after["phases"][1]["percent_done"], 16.7);
    let weekly = after["weekly"].as_array().unwrap();
    assert!(!weekly.is_empty());
    for w in weekly {
        assert_eq!(keys(w), ["completed", "week_start", "weeks_remaining"]);
    }
}

#[test]
fn status_gives_estimates_in_the_articles_unit() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = ok(d, &["status", "backend-three-stages"]);
    assert!(
        text.contains("\nRemaining: 39–47.7 weeks of 9–11 months (≈39–47.7 weeks)\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\n 1 Beginner      0/4     0%  13–17.3 weeks of 3–4 months (≈13–17.3 weeks)\n"
        ),
        "{text}"
    );
    // Progress lowers what remains; the stage's estimate stays as written.
    let r = "backend-three-stages";
    ok(d, &["mark", r, "scaling", "done"]);
    let text = ok(d, &["status", r]);
    assert!(
        text.contains("\n 3 Advanced      1/6    17%  8.7 weeks of 3 months (≈13 weeks)\n"),
        "{text}"
    );
}

#[test]
fn status_text_shows_progress_remaining_and_phases() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["mark", SIX, "http", "done"]);
    let text = ok(d, &["status", SIX]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Backend Developer in Six Phases (backend-six-phases)"
    );
    assert_eq!(
        lines[1],
        "Progress:  1 of 36 skills done (3%), 0 doing, 35 to do"
    );
    assert_eq!(lines[2], "Remaining: 23.3 weeks of 24 weeks");
    assert_eq!(
        lines[3],
        "Finish:    by pace: set your weekly hours with `trailmark pace HOURS`"
    );
    assert!(
        lines[4].contains("by history: needs skills marked done in at least two different weeks")
    );
    assert!(
        text.contains(" 2 Backend basics                   1/6    17%  3.3 weeks of 4 weeks\n"),
        "{text}"
    );
}

#[test]
fn mark_reports_the_change_and_refuses_unknown_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        ok(d, &["mark", SIX, "http", "done"]),
        "backend-six-phases › The HTTP protocol: todo → done\n\
         shared skill `http`: also counts in backend-learning-path, backend-path-2025, backend-ten-steps\n"
    );
    assert_eq!(
        ok(d, &["mark", SIX, "variables", "DOING"]),
        "backend-six-phases › Variables, data types and operators: todo → doing\n"
    );
    assert!(
        ok(d, &["mark", SIX, "http", "done"])
            .starts_with("backend-six-phases › The HTTP protocol: already done\n")
    );
    assert!(ok(d, &["mark", SIX, "variables", "skipped"]).contains(": doing → skipped"));
    let before = fs::read(data_file(d)).unwrap();

    let cases: [(&[&str], &[&str]); 4] = [
        (
            &["mark", "backend-six", "http", "done"],
            &[
                "no roadmap has the id `backend-six`",
                "backend-six-phases",
                "backend-burger",
            ],
        ),
        (
            &["mark", SIX, "htp", "done"],
            &[
                "roadmap `backend-six-phases` has no skill `htp`",
                "did you mean `http`?",
                "trailmark show backend-six-phases",
            ],
        ),
        (
            &["mark", SIX, "zzzzzz", "done"],
            &["has no skill `zzzzzz`", "check the spelling"],
        ),
        (
            &["mark", SIX, "http", "finished"],
            &["`finished` is not a status", "todo, doing, done, skip"],
        ),
    ];
    for (args, wanted) in cases {
        let out = run(d, args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(err.starts_with("trailmark: "), "{err}");
        for w in wanted {
            assert!(err.contains(w), "{args:?}: wanted {w:?} in {err}");
        }
        assert_eq!(fs::read(data_file(d)).unwrap(), before, "{args:?}");
    }
    // A usage error (missing argument) is clap's exit 2 too.
    assert_eq!(run(d, &["mark", SIX]).status.code(), Some(2));
}

#[test]
fn a_failed_mark_creates_no_progress_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        run(d, &["mark", SIX, "nope", "done"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(d, &["mark", SIX, "http", "nope"]).status.code(),
        Some(2)
    );
    assert!(!data_file(d).exists());
}

#[test]
fn a_shared_key_ticked_in_one_roadmap_is_done_in_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["mark", SIX, "http", "done"]);
    for other in [
        "backend-learning-path",
        "backend-path-2025",
        "backend-ten-steps",
    ] {
        let s = json(d, &["status", other, "--json"]);
        assert_eq!(s["done"], 1, "{other}");
        let e = json(d, &["export", other, "--format", "json"]);
        let http: Vec<&Value> = e["phases"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["skills"].as_array().unwrap())
            .filter(|s| s["key"] == "http")
            .collect();
        assert_eq!(http.len(), 1, "{other}");
        assert_eq!(http[0]["status"], "done", "{other}");
    }
    // A skill without a key stays in its roadmap.
    ok(d, &["mark", SIX, "variables", "done"]);
    assert_eq!(
        json(d, &["status", "backend-learning-path", "--json"])["done"],
        1
    );
    // Un-ticking it elsewhere un-ticks it here.
    ok(
        d,
        &[
            "mark",
            "backend-ten-steps",
            &http_id(d, "backend-ten-steps"),
            "todo",
        ],
    );
    assert_eq!(json(d, &["status", SIX, "--json"])["done"], 1);
}

/// The id a roadmap gives the skill with key `http`.
fn http_id(d: &Path, roadmap: &str) -> String {
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

const TINY: &str = "\
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
const TINY_PROGRESS: &str = r#"version: 1
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

fn tiny(d: &Path) -> String {
    let roadmap = d.join("tiny.yaml");
    fs::write(&roadmap, TINY).unwrap();
    fs::create_dir_all(data_file(d).parent().unwrap()).unwrap();
    fs::write(data_file(d), TINY_PROGRESS).unwrap();
    roadmap.display().to_string()
}

#[test]
fn export_markdown_is_a_checklist_per_phase() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let roadmap = tiny(d);
    let text = ok(d, &["--roadmap", &roadmap, "export", "tiny-path"]);
    assert_eq!(
        text,
        "\
# A Tiny Path

Source: Test notes — Tester, 2025-05-01

Progress: 1 of 4 skills done (25%), 1 doing, 2 to do, 1 skipped (not counted). Remaining: 1.5 weeks of 5–6 weeks (+1 unestimated skill not counted).

Finish: by pace: set your weekly hours with \\`trailmark pace HOURS\\`; by history: needs skills marked done in at least two different weeks, some of them within the last 8 weeks; at measured pace: needs two weeks of study logged (\\`trailmark log\\`, or T in the app).

## 1. Web basics (1/2 done, 50%)

- [x] HTTP (done 2026-03-02)
- [ ] HTML \\*and\\* CSS (doing since 2026-03-05)

## 2. Build it (0/2 done, 0%)

- [ ] ~~REST API design~~ (skipped 2026-03-09)
- [ ] SQL
  - Note: Read \"SQL\" \\# ch. 1-3 then practice
- [ ] Extras

Project ideas:

- [ ] To-do API (building)
"
    );
    // `--format markdown` is the default, and exporting writes nothing.
    assert_eq!(
        ok(
            d,
            &[
                "--roadmap",
                &roadmap,
                "export",
                "tiny-path",
                "--format",
                "markdown"
            ]
        ),
        text
    );
    assert_eq!(fs::read_to_string(data_file(d)).unwrap(), TINY_PROGRESS);
}

#[test]
fn export_json_holds_statuses_dates_notes_and_estimates() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let roadmap = tiny(d);
    let mut doc = json(
        d,
        &[
            "--roadmap",
            &roadmap,
            "export",
            "tiny-path",
            "--format",
            "json",
        ],
    );
    let exported = doc.as_object_mut().unwrap().remove("exported_at").unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(exported.as_str().unwrap()).is_ok(),
        "{exported}"
    );
    // The figures are status's own, overall and per phase; then the skills.
    let status = json(d, &["--roadmap", &roadmap, "status", "tiny-path", "--json"]);
    let figures = |v: &mut Value| -> Vec<Value> {
        let object = v.as_object_mut().unwrap();
        COUNT_KEYS
            .iter()
            .chain(&[
                "finish_date_by_pace",
                "finish_date_by_history",
                "hours_logged",
                "hours_per_week_measured",
                "finish_date_by_measured_pace",
                "target_date",
                "hours_per_week_needed",
                "on_track",
            ])
            .filter_map(|k| object.remove(*k))
            .collect()
    };
    let mut status = status;
    assert_eq!(figures(&mut doc), figures(&mut status));
    assert_eq!(doc["percent"], Value::Null);
    for (phase, of_status) in doc["phases"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .zip(status["phases"].as_array_mut().unwrap())
    {
        let (a, b) = (figures(phase), figures(of_status));
        assert_eq!(a.len(), COUNT_KEYS.len());
        assert_eq!(a, b);
    }
    let skill = |id: &str,
                 title: &str,
                 key: Value,
                 status: &str,
                 changed: Value,
                 note: Value,
                 est: Value| {
        json!({"id": id, "title": title, "key": key, "status": status,
               "changed": changed, "note": note, "estimate_weeks": est})
    };
    let null = Value::Null;
    let wanted = json!({
        "roadmap": "tiny-path",
        "title": "A Tiny Path",
        "phases": [
            {"id": "basics", "title": "Web basics", "projects": [], "skills": [
                // The phase's 2 weeks shared over its two skills.
                skill("http", "HTTP", json!("http"), "done",
                      json!("2026-03-02T10:00:00Z"), null.clone(), weeks(1.0)),
                skill("html", "HTML *and* CSS", null.clone(), "doing",
                      json!("2026-03-05T10:00:00Z"), null.clone(), weeks(1.0)),
            ]},
            {"id": "build", "title": "Build it",
             "projects": [{"id": "todo-api", "title": "To-do API", "status": "building"}],
             "skills": [
                skill("rest-api", "REST API design", null.clone(), "skipped",
                      json!("2026-03-09T23:30:00Z"), null.clone(), json!({"min": 2.0, "max": 3.0})),
                skill("sql", "SQL", null.clone(), "todo", json!("2026-03-10T10:00:00Z"),
                      json!("Read \"SQL\" # ch. 1-3\nthen practice"), weeks(1.0)),
                skill("extras", "Extras", null.clone(), "todo", null.clone(), null.clone(), null.clone()),
            ]},
        ]
    });
    assert_eq!(doc, wanted);
}

#[test]
fn status_of_a_user_roadmap_counts_unestimated_skills() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let roadmap = tiny(d);
    let s = json(d, &["--roadmap", &roadmap, "status", "tiny-path", "--json"]);
    assert_eq!(s["weeks_total"], json!({"min": 5.0, "max": 6.0}));
    assert_eq!(s["weeks_remaining"], weeks(1.5));
    assert_eq!(s["unestimated_skills"], 1);
    assert_eq!(s["percent_done"], 25.0);
    assert_eq!(s["phases"][1]["unestimated_skills"], 1);
    assert_eq!(s["phases"][0]["unestimated_skills"], 0);
    let text = ok(d, &["--roadmap", &roadmap, "status", "tiny-path"]);
    assert!(
        text.contains("Remaining: 1.5 weeks of 5–6 weeks (+1 unestimated skill not counted)\n"),
        "{text}"
    );
    assert!(text.contains("1 week +1 unestimated"), "{text}");
}

#[test]
fn pace_sets_the_finish_date() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        ok(d, &["pace"]),
        "No pace set; set it with `trailmark pace HOURS_PER_WEEK`\n"
    );
    let out = ok(d, &["pace", "7"]);
    assert!(
        out.starts_with("Your pace is now 7 hours per week.\n"),
        "{out}"
    );
    assert!(
        out.contains("  backend-six-phases assumes 14 h/week: its estimates take 2.00× as long at your pace\n"),
        "{out}"
    );
    assert_eq!(ok(d, &["pace"]), "Your pace: 7 hours per week\n");
    // Every value that is not a pace is a usage error, as clap's own are.
    for bad in ["0", "-3", "169", "nan", "inf", "fast"] {
        let out = run(d, &["pace", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&out).contains("is not a weekly pace"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(ok(d, &["pace"]), "Your pace: 7 hours per week\n");

    // 24 weeks at the roadmap's 14 h/week take 48 weeks at 7: 336 days.
    let s = json(d, &["status", SIX, "--json"]);
    assert_eq!(s["finish_date_by_pace"], "2027-02-15");
    ok(d, &["mark", SIX, "http", "done"]);
    ok(d, &["mark", SIX, "variables", "doing"]);
    // 23 weeks remain: 46 weeks, 322 days from 2026-03-16.
    let s = json(d, &["status", SIX, "--json"]);
    assert_eq!(s["weeks_remaining"], weeks(23.0));
    assert_eq!(s["finish_date_by_pace"], "2027-02-01");
    let text = ok(d, &["status", SIX]);
    assert!(
        text.contains(
            "Finish:    2027-02-01 at your pace (7 h/week; the roadmap assumes 14 h/week)\n"
        ),
        "{text}"
    );
    // A roadmap that does not say what pace it assumes gets no date.
    let s = json(d, &["status", "backend-three-stages", "--json"]);
    assert_eq!(s["finish_date_by_pace"], Value::Null);
    ok(d, &["pace", "14"]);
    assert_eq!(
        json(d, &["status", SIX, "--json"])["finish_date_by_pace"],
        "2026-08-24"
    );
}

#[test]
fn the_history_forecast_needs_ticks_in_two_weeks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(data_file(d).parent().unwrap()).unwrap();
    fs::write(
        data_file(d),
        "version: 1
skills:
  http: {status: done, changed: 2026-03-02T10:00:00Z}
  backend-six-phases/variables: {status: done, changed: 2026-03-09T10:00:00Z}
history:
- {at: 2026-03-02T10:00:00Z, roadmap: backend-six-phases, skill: http, from: todo, to: done}
- {at: 2026-03-09T10:00:00Z, roadmap: backend-six-phases, skill: backend-six-phases/variables, from: todo, to: done}
",
    )
    .unwrap();
    let s = json(d, &["status", SIX, "--json"]);
    // 4/3 estimated weeks done over the two weeks since the first tick; the
    // 22 2/3 weeks left take 34 weeks at that rate: 238 days.
    assert_eq!(s["finish_date_by_history"], "2026-11-09");
    assert_eq!(
        s["weekly"],
        json!([
            {"week_start": "2026-03-02", "completed": 1, "weeks_remaining": weeks(23.333)},
            {"week_start": "2026-03-09", "completed": 1, "weeks_remaining": weeks(22.667)},
            {"week_start": "2026-03-16", "completed": 0, "weeks_remaining": weeks(22.667)},
        ])
    );
    let text = ok(d, &["status", SIX]);
    assert!(
        text.contains("           2026-11-09 at your recent rate (0.7 estimated weeks done per week, last 8 weeks)\n"),
        "{text}"
    );
}

/// `reset` with its answer on stdin: (exit code, stdout, the question).
fn reset_answering(d: &Path, args: &[&str], answer: &str) -> (Option<i32>, String, String) {
    let mut child = trailmark(d)
        .arg("reset")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answer.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code(), stdout(&out), stderr(&out))
}

#[test]
fn reset_asks_first_and_keeps_what_other_roadmaps_share() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["mark", SIX, "http", "done"]);
    ok(d, &["mark", SIX, "variables", "doing"]);
    ok(d, &["note", SIX, "variables", "let and const"]);
    ok(d, &["estimate", SIX, "http", "2 weeks"]);
    let before = fs::read(data_file(d)).unwrap();
    for answer in ["n\n", "\n", "", "maybe\n"] {
        let (code, out, prompt) = reset_answering(d, &[SIX], answer);
        assert_eq!(code, Some(1), "{answer:?}");
        assert_eq!(
            out,
            "Nothing was reset (pass --yes to skip the question).\n"
        );
        assert_eq!(
            prompt,
            "Reset progress on backend-six-phases (36 skills)? Its notes and your estimates for it go too. \
             Skills other roadmaps share stay as they are: The HTTP protocol (--shared clears them too). [y/N] "
        );
        assert_eq!(fs::read(data_file(d)).unwrap(), before, "{answer:?}");
    }
    let (code, out, _) = reset_answering(d, &[SIX], "y\n");
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        "Reset backend-six-phases:\n  \
         1 skill back to todo: Variables, data types and operators\n  \
         1 note cleared\n  \
         1 estimate of yours cleared\n  \
         kept 1 shared skill other roadmaps use: The HTTP protocol (pass --shared to clear them too)\n"
    );
    // HTTP stays done here and in every roadmap that shares it.
    assert_eq!(json(d, &["status", SIX, "--json"])["done"], 1);
    assert_eq!(
        json(d, &["status", "backend-ten-steps", "--json"])["done"],
        1
    );

    // --shared: the question names what else changes, and it does.
    let (code, _, prompt) = reset_answering(d, &[SIX, "--shared"], "n\n");
    assert_eq!(code, Some(1));
    assert!(
        prompt.contains(" This also clears The HTTP protocol in 3 other roadmaps. [y/N] "),
        "{prompt}"
    );
    assert_eq!(
        ok(d, &["reset", SIX, "--shared", "--yes"]),
        "Reset backend-six-phases:\n  \
         1 skill back to todo: The HTTP protocol\n  \
         also cleared: The HTTP protocol in 3 other roadmaps\n"
    );
    assert_eq!(
        json(d, &["status", "backend-ten-steps", "--json"])["done"],
        0
    );
    assert_eq!(
        ok(d, &["reset", SIX, "--yes"]),
        "Reset backend-six-phases:\n  no skill needed to go back to todo\n"
    );
    let out = run(d, &["reset", "nope", "--yes"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn status_defaults_to_the_last_roadmap() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = run(d, &["status"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("no roadmap given and none opened yet"),
        "{err}"
    );
    assert!(err.contains("backend-six-phases"), "{err}");
    assert_eq!(run(d, &["export"]).status.code(), Some(2));

    ok(
        d,
        &[
            "mark",
            "backend-ten-steps",
            &http_id(d, "backend-ten-steps"),
            "doing",
        ],
    );
    assert_eq!(
        json(d, &["status", "--json"])["roadmap"],
        "backend-ten-steps"
    );
    assert!(ok(d, &["export"]).contains("(doing since "));
    ok(d, &["mark", SIX, "http", "done"]);
    assert_eq!(json(d, &["status", "--json"])["roadmap"], SIX);
    assert!(
        ok(d, &["status"]).starts_with("Backend Developer in Six Phases (backend-six-phases)\n")
    );
    // The roadmap last used is browsing state: kept in the state file, not
    // in the progress.
    let text = fs::read_to_string(data_file(d)).unwrap();
    assert!(!text.contains("last_roadmap"), "{text}");
    let state = fs::read_to_string(d.join("state/state.yaml")).unwrap();
    assert!(
        state.contains("last_roadmap: backend-six-phases"),
        "{state}"
    );
}

#[test]
fn a_version_1_last_roadmap_is_used_until_the_state_file_has_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("data")).unwrap();
    fs::write(
        data_file(d),
        "version: 1\nlast_roadmap: backend-ten-steps\ncursors:\n  backend-ten-steps:\n    phase: x\n",
    )
    .unwrap();
    assert_eq!(
        json(d, &["status", "--json"])["roadmap"],
        "backend-ten-steps"
    );
    ok(d, &["mark", SIX, "http", "done"]);
    assert_eq!(json(d, &["status", "--json"])["roadmap"], SIX);
    // A broken state file is only browsing state: progress still works.
    fs::write(d.join("state/state.yaml"), "files: [").unwrap();
    assert_eq!(json(d, &["status", SIX, "--json"])["done"], 1);
    let err = stderr(&run(d, &["status", SIX]));
    assert!(
        err.contains("state.yaml: the state file (the place in each roadmap) cannot be read"),
        "{err}"
    );
    // Browsing state never made it into the progress file.
    let text = fs::read_to_string(data_file(d)).unwrap();
    assert!(!text.contains("last_roadmap: backend-six-phases"), "{text}");
}

#[test]
fn data_file_flag_overrides_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let flag = d.join("flag/progress.yaml");
    ok(
        d,
        &[
            "--data-file",
            flag.to_str().unwrap(),
            "mark",
            SIX,
            "http",
            "done",
        ],
    );
    assert!(flag.exists());
    assert!(!data_file(d).exists());
    assert_eq!(json(d, &["status", SIX, "--json"])["done"], 0);
    assert_eq!(
        json(
            d,
            &[
                "status",
                SIX,
                "--json",
                "--data-file",
                flag.to_str().unwrap()
            ]
        )["done"],
        1
    );
}

#[test]
fn a_missing_data_directory_is_created_on_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let deep = d.join("a/b/c/progress.yaml");
    let out = trailmark(d)
        .env("TRAILMARK_DATA", &deep)
        .args(["mark", SIX, "http", "done"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = fs::read_to_string(&deep).unwrap();
    assert!(text.contains("http:\n    status: done\n"), "{text}");
    // A relative path works too, from the working directory.
    let out = trailmark(d)
        .current_dir(d)
        .args(["--data-file", "rel/p.yaml", "pace", "5"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(d.join("rel/p.yaml").exists());
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for args in [
        &["status", SIX, "--json"][..],
        &["export", SIX, "--format", "json"],
        &["export", SIX],
    ] {
        let mut child = trailmark(d)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn a_roadmap_without_estimates_counts_skills_instead_of_weeks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["pace", "10"]);
    let s = json(d, &["status", "backend-burger", "--json"]);
    assert_eq!(s["weeks_total"], Value::Null);
    assert_eq!(s["weeks_remaining"], Value::Null);
    assert_eq!(s["unestimated_skills"], s["skills_total"]);
    assert_eq!(s["finish_date_by_pace"], Value::Null);
    let text = ok(d, &["status", "backend-burger"]);
    assert!(
        text.contains("Remaining: unknown: the source gives no time estimates (12 skills left)\n"),
        "{text}"
    );
    assert!(
        text.contains("Finish:    by pace: no time estimates to go on\n           by history: no time estimates to go on\n"),
        "{text}"
    );
    assert!(text.contains("unestimated (1 skill)\n"), "{text}");
}

#[test]
fn a_bad_today_override_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let out = trailmark(dir.path())
        .env("TRAILMARK_TODAY", "2026-13-01")
        .args(["status", SIX, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("TRAILMARK_TODAY=`2026-13-01` is not a date written YYYY-MM-DD"),
        "{err}"
    );
    // The JSON on stdout is untouched by the warning.
    let _: Value = serde_json::from_slice(&out.stdout).unwrap();
}
