//! Shared by the TUI screen tests: the app on the bundled roadmaps with a
//! progress file in a temp dir, on a fixed date and fixed timestamps (noon
//! UTC, so every likely time zone draws the same days), progress to start
//! from, key presses, and drawing a screen to text.

#![allow(dead_code)] // each test file uses only some of these
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use trailmark::catalog::{Catalog, Sources};
use trailmark::progress::{Progress, ProgressError, Status, Store};
use trailmark::roadmap::Roadmap;
use trailmark::tui::Launch;
use trailmark::tui::action::Action;
use trailmark::tui::app::App;
use trailmark::tui::keys;
use trailmark::tui::theme::Theme;
use trailmark::tui::update::update;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

/// Noon UTC: the same local day from UTC−11 to UTC+11, so the stats
/// screen's calendar (which dates ticks by the local day) draws the same in
/// every time zone a developer is likely to be in.
pub fn at(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).unwrap())
}

pub fn days_ago(n: u64) -> DateTime<Utc> {
    at(today() - Days::new(n))
}

/// The app on the bundled roadmaps, with a progress file in a temp dir.
pub struct Fixture {
    pub _dir: tempfile::TempDir,
    pub app: App,
}

pub fn fixture(setup: impl FnOnce(&Catalog, &mut Progress)) -> Fixture {
    fixture_on(Catalog::load(&Sources::bundled_only()), setup)
}

/// The app on a given catalog.
pub fn fixture_on(catalog: Catalog, setup: impl FnOnce(&Catalog, &mut Progress)) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let mut store = Store::open(path.clone()).unwrap();
    setup(&catalog, store.progress_mut());
    store.save().unwrap();
    let launch = Launch {
        catalog,
        store: Ok(store),
        data_path: path,
        places: None,
    };
    let app = App::new(launch, at(today()), today(), Theme::COLOR);
    Fixture { _dir: dir, app }
}

pub fn roadmap<'a>(catalog: &'a Catalog, id: &str) -> &'a Roadmap {
    &catalog.get(id).unwrap().roadmap
}

/// Sets a skill's status at a time, by roadmap and skill id.
pub fn tick(
    catalog: &Catalog,
    p: &mut Progress,
    roadmap_id: &str,
    skill: &str,
    to: Status,
    when: DateTime<Utc>,
) {
    let r = roadmap(catalog, roadmap_id);
    let (pi, si) = r.find_skill(skill).unwrap();
    p.set_status(&r.id, &r.phases[pi].skills[si], to, when);
}

/// Progress on the six-phase roadmap over a few weeks, with a pace.
pub fn some_progress(catalog: &Catalog, p: &mut Progress) {
    let id = "backend-six-phases";
    p.legacy.last_roadmap = Some(id.to_owned());
    p.set_pace(Some(10.0), None, trailmark::progress::now());
    tick(catalog, p, id, "variables", Status::Done, days_ago(23));
    tick(catalog, p, id, "control-flow", Status::Done, days_ago(20));
    tick(catalog, p, id, "functions", Status::Done, days_ago(13));
    tick(
        catalog,
        p,
        id,
        "data-structures",
        Status::Doing,
        days_ago(6),
    );
    tick(catalog, p, id, "oop", Status::Skipped, days_ago(5));
    tick(catalog, p, id, "http", Status::Done, days_ago(2));
    let r = roadmap(catalog, id);
    let (pi, si) = r.find_skill("data-structures").unwrap();
    let skill = &r.phases[pi].skills[si];
    p.set_note(
        id,
        skill,
        Some("Work through the\ttable of Big-O costs".into()),
        days_ago(6),
    );
}

pub fn press(app: &mut App, code: KeyCode) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let action = keys::map_event(app.ctx(), &event).unwrap_or_else(|| panic!("{code:?} unbound"));
    update(app, action);
}

pub fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    update(app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&*app, frame.area()))
        .unwrap();
    terminal.backend().to_string()
}

/// A broken roadmap file and an unreadable progress file, at fixed paths
/// (nothing is written: the store is in memory).
pub fn broken() -> App {
    let mut catalog = Catalog::load(&Sources::bundled_only());
    let bad = "id: mine\ntitle: Mine\nsource: {author: me}\nphases:\n  - id: a\n    title: A\n    skills:\n      - {id: s, title: S, estimate: soon}\n";
    catalog
        .errors
        .push(Roadmap::from_yaml_str(bad, "roadmaps/mine.yaml").unwrap_err());
    let path = std::path::PathBuf::from("/home/learner/.local/share/trailmark/progress.yaml");
    let launch = Launch {
        catalog,
        store: Err(ProgressError::Corrupt {
            path: path.clone(),
            line: Some(3),
            column: Some(9),
            message: "skills.git.status: unknown variant `finished`, expected one of `todo`, `doing`, `done`, `skipped`".into(),
        }),
        data_path: path,
        places: None,
    };
    App::new(launch, at(today()), today(), Theme::COLOR)
}

/// Two and a half years of a learner who ticks a skill every few weeks.
pub fn long_history(c: &Catalog, p: &mut Progress) {
    let id = "backend-six-phases";
    p.legacy.last_roadmap = Some(id.to_owned());
    p.set_pace(Some(7.0), None, trailmark::progress::now());
    let r = roadmap(c, id);
    let skills: Vec<String> = r.skills().map(|(_, s)| s.id.clone()).collect();
    let count = skills.len() - 4;
    for (i, skill) in skills.iter().take(count).enumerate() {
        let back = 7 * 130 - (i as u64 * 7 * 130 / count as u64);
        tick(c, p, id, skill, Status::Done, days_ago(back));
    }
}

/// Draws straight into a buffer: the sweep below checks the app's drawing,
/// and a test terminal would only add its own cost.
pub fn draw(app: &mut App, width: u16, height: u16) {
    update(app, Action::Resize { width, height });
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let mut buffer = ratatui::buffer::Buffer::empty(area);
    ratatui::widgets::Widget::render(&*app, area, &mut buffer);
}
