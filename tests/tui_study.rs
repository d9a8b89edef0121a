//! Snapshots of what study time looks like in the app: the calendar of
//! study days on the stats screen, time studied in the details, the timer
//! in the header; at 80×24 and larger. Sessions carry local dates, so these
//! screens do not depend on the machine's time zone.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use trailmark::catalog::{Catalog, Sources};
use trailmark::progress::{Progress, Status, Store};
use trailmark::state::{Places, StudyTimer};
use trailmark::tui::Launch;
use trailmark::tui::action::Action;
use trailmark::tui::app::App;
use trailmark::tui::keys;
use trailmark::tui::theme::Theme;
use trailmark::tui::update::update;

const SIX: &str = "backend-six-phases";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.from_utc_datetime(&today().and_hms_opt(12, 0, 0).unwrap())
}

/// Three weeks of evenings on the six-phase roadmap, a long weekend in
/// December, and two skills finished (at noon UTC: the same local day in
/// any likely time zone).
fn studied(p: &mut Progress) {
    for (days_ago, skill) in [(10, "variables"), (3, "control-flow")] {
        let noon = Utc.from_utc_datetime(
            &(today() - Days::new(days_ago))
                .and_hms_opt(12, 0, 0)
                .unwrap(),
        );
        p.set_status_by_id(SIX, &format!("{SIX}/{skill}"), Status::Done, noon);
    }
    let log = [
        (0, "http", 25),
        (1, "http", 50),
        (2, "http", 95),
        (3, "rest-api-design", 200),
        (6, "variables", 45),
        (8, "variables", 30),
        (13, "variables", 120),
        (15, "control-flow", 60),
        (20, "control-flow", 15),
        (88, "functions", 240),
        (89, "functions", 180),
    ];
    for (days_ago, skill, minutes) in log {
        let record = if skill == "http" || skill == "rest-api-design" {
            // Keyed skills are stored under their key.
            if skill == "http" { "http" } else { "rest-api" }.to_owned()
        } else {
            format!("{SIX}/{skill}")
        };
        let date = today() - Days::new(days_ago);
        p.log_study(SIX, &record, date, minutes, now());
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    app: App,
}

fn fixture(timer: Option<StudyTimer>) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let mut store = Store::open(path.clone()).unwrap();
    studied(store.progress_mut());
    store.save().unwrap();
    let places = Places {
        last_roadmap: Some(SIX.into()),
        timer,
        ..Places::default()
    };
    let launch = Launch {
        catalog: Catalog::load(&Sources::bundled_only()),
        store: Ok(store),
        data_path: path,
        places: Some(places),
    };
    let app = App::new(launch, now(), today(), Theme::NO_COLOR);
    Fixture { _dir: dir, app }
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        let action = keys::map_event(app.ctx(), &event).unwrap();
        update(app, action);
    }
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    update(app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&*app, frame.area()))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_calendar_of_study_days() {
    let mut f = fixture(None);
    keys(&mut f.app, "t");
    let small = screen(&mut f.app, 80, 24);
    assert!(small.contains("Study days"), "{small}");
    insta::assert_snapshot!("study_calendar_80x24", small);
    insta::assert_snapshot!("study_calendar_140x40", screen(&mut f.app, 140, 40));
}

#[test]
fn time_studied_in_the_details_and_the_timer_in_the_header() {
    let mut f = fixture(None);
    // Backend basics, HTTP: the details show the time against the estimate.
    keys(&mut f.app, "jl");
    let s = screen(&mut f.app, 80, 24);
    assert!(s.contains("Studied 2h 50m of ≈"), "{s}");
    // Started on HTTP, 12 minutes 5 seconds ago.
    keys(&mut f.app, "T");
    let app = &mut f.app;
    assert_eq!(app.timer().unwrap().record, "http");
    app.set_clock(now() + chrono::Duration::seconds(12 * 60 + 5), today());
    insta::assert_snapshot!("study_details_timer_80x24", screen(app, 80, 24));
    insta::assert_snapshot!("study_details_timer_120x30", screen(app, 120, 30));
}

#[test]
fn a_timer_left_running_is_offered_at_start() {
    let closed = now() - chrono::Duration::hours(1);
    let timer = StudyTimer {
        roadmap: SIX.into(),
        skill: "http".into(),
        record: "http".into(),
        started: closed - chrono::Duration::minutes(75),
        closed: Some(closed),
    };
    let mut f = fixture(Some(timer));
    let s = screen(&mut f.app, 80, 24);
    assert!(s.contains(" Study timer "), "{s}");
    assert!(s.contains("A study timer on “The HTTP protocol”"), "{s}");
    assert!(s.contains("k keep: log 1h 15m"), "{s}");
    assert!(s.contains("d drop it"), "{s}");
    assert!(s.contains(" k keep "), "the footer names the keys: {s}");
}
