//! One progress, every place that shows it: `status`, `status --json`,
//! `export --format json`, the Markdown export and the app's header and
//! phase list must give the same figures. The roadmap is built so that the
//! figures are easy to get wrong: a phase where 1 of 8 is 12.5% (rounds
//! half up to 13%), a phase where 2 of 7 skills are skipped (1 of 5, 20%),
//! and a done phase with no estimate (no time left, said the same way).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::Value;
use trailmark::catalog::{Catalog, Sources};
use trailmark::progress::{Progress, Status, Store, skill_record_id};
use trailmark::state::Places;
use trailmark::tui::Launch;
use trailmark::tui::action::Action;
use trailmark::tui::app::App;
use trailmark::tui::theme::Theme;
use trailmark::tui::update::update;

const ROADMAP: &str = "\
id: numbers
title: Numbers
summary: Figures that are easy to get wrong.
source: {author: Tester}
pace_hours_per_week: 10
phases:
  - id: eight
    title: Eight
    estimate: 8 weeks
    skills:
      - {id: s1, title: S1}
      - {id: s2, title: S2}
      - {id: s3, title: S3}
      - {id: s4, title: S4}
      - {id: s5, title: S5}
      - {id: s6, title: S6}
      - {id: s7, title: S7}
      - {id: s8, title: S8}
  - id: seven
    title: Seven
    skills:
      - {id: t1, title: T1, estimate: 1 week}
      - {id: t2, title: T2, estimate: 1 week}
      - {id: t3, title: T3, estimate: 1 week}
      - {id: t4, title: T4, estimate: 1 week}
      - {id: t5, title: T5, estimate: 1 week}
      - {id: t6, title: T6, estimate: 1 week}
      - {id: t7, title: T7, estimate: 1 week}
  - id: plain
    title: Plain
    skills:
      - {id: u1, title: U1}
      - {id: u2, title: U2}
";

const TODAY: &str = "2026-03-16";

fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

fn days_ago(n: u64) -> DateTime<Utc> {
    Utc.from_utc_datetime(&(today() - Days::new(n)).and_hms_opt(12, 0, 0).unwrap())
}

/// The progress: done in two different weeks (so both finish dates
/// exist), two skipped, one in progress, and a pace of 5 hours a week.
fn record(catalog: &Catalog, p: &mut Progress) {
    let r = &catalog.get("numbers").unwrap().roadmap;
    let mut set = |id: &str, to: Status, days: u64| {
        let (pi, si) = r.find_skill(id).unwrap();
        p.set_status(&r.id, &r.phases[pi].skills[si], to, days_ago(days));
    };
    set("s1", Status::Done, 20);
    set("u1", Status::Done, 12);
    set("u2", Status::Done, 12);
    set("t2", Status::Skipped, 9);
    set("t3", Status::Skipped, 9);
    set("t1", Status::Done, 6);
    set("t4", Status::Doing, 2);
    p.set_pace(Some(5.0), None, days_ago(1));
    // Study in three different weeks (a measured pace and its finish date),
    // and a target date (the hours it needs, and whether it is on track).
    for (id, days, minutes) in [("s2", 20, 90), ("t4", 9, 150), ("t4", 2, 45)] {
        let (pi, si) = r.find_skill(id).unwrap();
        let record = skill_record_id(&r.id, &r.phases[pi].skills[si]);
        let day = today() - Days::new(days);
        p.log_study(&r.id, &record, day, minutes, days_ago(days));
    }
    p.set_target_date(&r.id, Some(today() + Days::new(70)), days_ago(1));
}

fn cli(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_trailmark"))
        .env("TRAILMARK_CONFIG_DIR", dir.join("config"))
        .env("TRAILMARK_STATE", dir.join("state.yaml"))
        .env("TRAILMARK_TODAY", TODAY)
        .env_remove("TRAILMARK_ROADMAPS")
        .arg("--roadmap")
        .arg(dir.join("numbers.yaml"))
        .arg("--data-file")
        .arg(dir.join("progress.yaml"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The app's screen, opened on the roadmap, as the learner sees it.
fn app_screen(dir: &Path, catalog: Catalog) -> String {
    let store = Store::open(dir.join("progress.yaml")).unwrap();
    let places = Places {
        last_roadmap: Some("numbers".into()),
        ..Places::default()
    };
    let launch = Launch {
        catalog,
        store: Ok(store),
        data_path: dir.join("progress.yaml"),
        places: Some(places),
    };
    let mut app = App::new(launch, days_ago(0), today(), Theme::COLOR);
    update(
        &mut app,
        Action::Resize {
            width: 160,
            height: 30,
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(160, 30)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&app, frame.area()))
        .unwrap();
    terminal.backend().to_string()
}

/// The screen row that holds `text`.
fn row<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no row with {text:?} in\n{screen}"))
}

/// `text` between `before` and the next `after`.
fn between<'a>(text: &'a str, before: &str, after: &str) -> &'a str {
    let start = text
        .find(before)
        .unwrap_or_else(|| panic!("no {before:?} in {text}"))
        + before.len();
    let rest = &text[start..];
    &rest[..rest.find(after).unwrap_or(rest.len())]
}

#[test]
// Over 60 lines on purpose: it gathers the same figures from every place that shows them
// (status, its JSON, both exports, the app) and compares them in one pass.
fn every_place_gives_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("numbers.yaml"), ROADMAP).unwrap();
    let sources = Sources {
        paths: vec![d.join("numbers.yaml")],
        ..Sources::bundled_only()
    };
    let catalog = Catalog::load(&sources);
    let mut store = Store::open(d.join("progress.yaml")).unwrap();
    record(&catalog, store.progress_mut());
    store.save().unwrap();

    let status = cli(d, &["status", "numbers"]);
    let json: Value = serde_json::from_str(&cli(d, &["status", "numbers", "--json"])).unwrap();
    let export: Value =
        serde_json::from_str(&cli(d, &["export", "numbers", "--format", "json"])).unwrap();
    let markdown = cli(d, &["export", "numbers"]);
    let screen = app_screen(d, catalog);

    // Overall: 4 done of the 15 not skipped, 26.7% → 27%.
    for doc in [&json, &export] {
        assert_eq!(
            (&doc["done"], &doc["skills_counted"], &doc["percent"]),
            (&Value::from(4), &Value::from(15), &Value::from(27)),
            "{doc}"
        );
    }
    let said = "4 of 15 skills done (27%), 1 doing, 10 to do, 2 skipped (not counted)";
    assert!(status.contains(&format!("Progress:  {said}\n")), "{status}");
    assert!(
        markdown.contains(&format!("Progress: {said}.")),
        "{markdown}"
    );
    let header = row(&screen, "done ·");
    assert!(
        header.contains(" 27%") && header.contains("4/15 done"),
        "{header}"
    );

    // Per phase: the same count, percent and time left everywhere.
    let phases = [
        ("Eight", "1/8", 13, "7 weeks of 8 weeks", "7w"),
        ("Seven", "1/5", 20, "3.5 weeks of 7 weeks", "3.5w"),
        ("Plain", "2/2", 100, "0 weeks", "0w"),
    ];
    for (i, (title, count, percent, left, short)) in phases.into_iter().enumerate() {
        for doc in [&json, &export] {
            assert_eq!(doc["phases"][i]["percent"], percent, "{title}");
            assert_eq!(
                doc["phases"][i]["weeks_remaining"],
                json["phases"][i]["weeks_remaining"]
            );
        }
        let line = row(&status, &format!(" {title} "));
        assert!(
            line.contains(&format!("{count}  "))
                && line.contains(&format!("{percent:>4}%  {left}")),
            "{line}"
        );
        let heading = format!("## {}. {title} ({count} done, {percent}%)", i + 1);
        assert!(markdown.contains(&heading), "{heading} in {markdown}");
        let app_row = row(&screen, &format!("] {title} "));
        assert!(
            app_row.contains(&format!("{percent:>3}% {short:>4}")),
            "{app_row}"
        );
    }

    // Time left at the learner's pace, and both finish dates.
    let at_pace = between(&status, "Remaining: ", "\n");
    // `23.3 weeks at your pace`, or `… at your measured pace` once logged
    // study gives one: the same words in every place.
    let mine = between(at_pace, "(", ")");
    assert!(mine.contains(" at your "), "{at_pace}");
    assert!(
        header.contains(&format!("left: {mine}")),
        "{header} / {at_pace}"
    );
    assert!(markdown.contains(&format!("({mine})")), "{markdown}");
    let (pace, history) = (
        json["finish_date_by_pace"].as_str().unwrap(),
        json["finish_date_by_history"].as_str().unwrap(),
    );
    assert_eq!(export["finish_date_by_pace"], pace);
    assert_eq!(export["finish_date_by_history"], history);
    assert!(
        header.contains(&format!("finish {pace} (pace), {history} (rate)")),
        "{header}"
    );
    for text in [&status, &markdown] {
        // At your measured pace here: study is logged over three weeks.
        assert!(
            text.contains(&format!("{pace} at your measured pace")),
            "{text}"
        );
        assert!(
            text.contains(&format!("{history} at your recent rate")),
            "{text}"
        );
    }
    export_has_every_status_figure(&json, &export);
    study_and_target_are_said_alike(&status, &json, &markdown);
}

/// Every figure `status --json` gives about the roadmap, the export gives
/// too, with the same value; the ones this progress makes known are known
/// (so the comparison is never of two nulls).
fn export_has_every_status_figure(json: &Value, export: &Value) {
    let figures = json.as_object().unwrap();
    for (key, value) in figures {
        if ["roadmap", "orphan_records", "phases", "weekly"].contains(&key.as_str()) {
            continue;
        }
        assert_eq!(&export[key], value, "export's {key}");
    }
    for key in [
        "hours_logged",
        "hours_per_week_measured",
        "finish_date_by_measured_pace",
        "target_date",
        "hours_per_week_needed",
        "on_track",
    ] {
        assert!(!json[key].is_null(), "{key} in {json}");
    }
    assert_eq!(json["hours_logged"], 4.75);
}

/// The study and target lines, and the finish at the measured pace, are
/// said in the Markdown export as `status` says them.
fn study_and_target_are_said_alike(status: &str, json: &Value, markdown: &str) {
    let measured = json["finish_date_by_measured_pace"].as_str().unwrap();
    let measured_line = between(status, &format!("{measured} at your measured pace"), "\n");
    for text in [status, markdown] {
        assert!(
            text.contains(&format!("{measured} at your measured pace{measured_line}")),
            "{text}"
        );
    }
    let studied = between(status, "Studied:   ", "\n");
    assert_eq!(studied, "4h 45m logged");
    assert!(
        markdown.contains(&format!("\nStudied: {studied}.\n")),
        "{markdown}"
    );
    let target = between(status, "Target:    ", "\n");
    assert!(
        target.starts_with(json["target_date"].as_str().unwrap()),
        "{target}"
    );
    assert!(
        markdown.contains(&format!("\nTarget: {target}.\n")),
        "{markdown}"
    );
}
