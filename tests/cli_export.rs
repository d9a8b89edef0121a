//! `export` run as a user would: a Markdown checklist per phase, JSON with
//! statuses, dates, notes and estimates, and a closed pipe that is no
//! error, always against temporary files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::process::Stdio;

use serde_json::{Value, json};

#[path = "support/progress_cli.rs"]
mod progress_cli;
use progress_cli::*;

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

Finish: 2026-03-27 at the roadmap's pace (10 h/week; set yours with `trailmark pace HOURS`); by history: needs skills marked done in at least two different weeks, some of them within the last 8 weeks; at measured pace: needs two weeks of study logged (`trailmark log`, or T in the app).

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
// Over 60 lines on purpose: it pins the whole exported JSON document of one run, field by
// field; split, each part would repeat the same setup and run.
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
                "weeks_remaining_at_your_pace",
                "pace",
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
