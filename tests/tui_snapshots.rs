//! Snapshots of every TUI screen, drawn with ratatui's `TestBackend` on a
//! fixed date and fixed timestamps, plus a sweep over terminal sizes that
//! checks nothing panics.
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

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

/// Noon UTC: the same local day from UTC−11 to UTC+11, so the stats
/// screen's calendar (which dates ticks by the local day) draws the same in
/// every time zone a developer is likely to be in.
fn at(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).unwrap())
}

fn days_ago(n: u64) -> DateTime<Utc> {
    at(today() - Days::new(n))
}

/// The app on the bundled roadmaps, with a progress file in a temp dir.
struct Fixture {
    _dir: tempfile::TempDir,
    app: App,
}

fn fixture(setup: impl FnOnce(&Catalog, &mut Progress)) -> Fixture {
    fixture_on(Catalog::load(&Sources::bundled_only()), setup)
}

/// The app on a given catalog.
fn fixture_on(catalog: Catalog, setup: impl FnOnce(&Catalog, &mut Progress)) -> Fixture {
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

fn roadmap<'a>(catalog: &'a Catalog, id: &str) -> &'a Roadmap {
    &catalog.get(id).unwrap().roadmap
}

/// Sets a skill's status at a time, by roadmap and skill id.
fn tick(
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
fn some_progress(catalog: &Catalog, p: &mut Progress) {
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

fn press(app: &mut App, code: KeyCode) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let action = keys::map_event(app.ctx(), &event).unwrap_or_else(|| panic!("{code:?} unbound"));
    update(app, action);
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
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

/// The three sizes every changed screen is checked at: the most common
/// terminal, a medium one and a large one.
const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (140, 40)];

/// Snapshots a screen at each of [`SIZES`], named `name_WxH`.
fn at_sizes(app: &mut App, name: &str) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(app, w, h));
    }
}

#[test]
fn sized_picker_with_details_of_the_most_complete_roadmap() {
    let mut f = fixture(|_, _| {});
    at_sizes(&mut f.app, "picker");
}

#[test]
fn sized_main_screen_skills() {
    let mut f = fixture(some_progress);
    press(&mut f.app, KeyCode::Tab);
    keys(&mut f.app, "jjj");
    at_sizes(&mut f.app, "main_skills");
}

#[test]
fn sized_main_screen_phases_show_the_phase_summary() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "j");
    at_sizes(&mut f.app, "main_phases");
}

#[test]
fn sized_details_with_links_and_a_note_mark() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "jj");
    press(&mut f.app, KeyCode::Enter);
    keys(&mut f.app, "j");
    at_sizes(&mut f.app, "details_links");
}

#[test]
fn sized_info_view() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "i");
    at_sizes(&mut f.app, "info");
}

#[test]
fn sized_help_leaves_the_footer() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "?");
    at_sizes(&mut f.app, "help");
}

#[test]
fn sized_pace_editor() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "P");
    at_sizes(&mut f.app, "pace_editor");
}

#[test]
fn sized_search_shows_status_and_finds_notes() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "/big-o");
    at_sizes(&mut f.app, "search_notes");
}

#[test]
fn sized_stats() {
    let mut f = fixture(|c, p| {
        some_progress(c, p);
        long_history(c, p);
    });
    keys(&mut f.app, "t");
    at_sizes(&mut f.app, "stats");
}

#[test]
fn first_run_opens_the_picker() {
    let mut f = fixture(|_, _| {});
    insta::assert_snapshot!(screen(&mut f.app, 100, 24));
}

#[test]
fn main_screen() {
    let mut f = fixture(some_progress);
    press(&mut f.app, KeyCode::Tab);
    keys(&mut f.app, "jjj");
    insta::assert_snapshot!(screen(&mut f.app, 120, 36));
}

#[test]
fn main_screen_on_the_details_with_projects() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "j");
    press(&mut f.app, KeyCode::Tab);
    press(&mut f.app, KeyCode::Tab);
    insta::assert_snapshot!(screen(&mut f.app, 120, 36));
}

/// An article's "1 month" stays in months in the details, with the share of
/// the stage's time that the forecasts count for it.
#[test]
fn details_keep_the_articles_unit() {
    let mut f = fixture(|_, p| p.legacy.last_roadmap = Some("backend-three-stages".to_owned()));
    keys(&mut f.app, "j");
    press(&mut f.app, KeyCode::Tab);
    let text = screen(&mut f.app, 120, 30);
    assert!(
        text.contains("Estimate 1 month (≈4.3 weeks); counted as"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn switcher() {
    let mut f = fixture(|c, p| {
        some_progress(c, p);
        tick(c, p, "backend-burger", "git", Status::Done, days_ago(1));
    });
    keys(&mut f.app, "rj");
    insta::assert_snapshot!(screen(&mut f.app, 120, 30));
}

#[test]
fn help_overlay() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "?");
    insta::assert_snapshot!(screen(&mut f.app, 110, 60));
}

#[test]
fn help_overlay_narrow_and_scrolled() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "?jjjjj");
    insta::assert_snapshot!(screen(&mut f.app, 60, 20));
}

#[test]
fn search() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "/test");
    press(&mut f.app, KeyCode::Down);
    insta::assert_snapshot!(screen(&mut f.app, 100, 30));
}

#[test]
fn note_editor() {
    let mut f = fixture(some_progress);
    press(&mut f.app, KeyCode::Tab);
    keys(&mut f.app, "jjjn more: heaps");
    press(&mut f.app, KeyCode::Left);
    insta::assert_snapshot!(screen(&mut f.app, 100, 30));
}

#[test]
fn estimate_editor_with_an_invalid_estimate() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "e3 days");
    press(&mut f.app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&mut f.app, 100, 30));
}

/// The estimate editor names the roadmap the estimate is for, and refuses
/// a zero with advice for the learner typing (not for a roadmap file).
#[test]
fn estimate_editor_names_its_roadmap_and_refuses_zero_in_a_learners_words() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "e0");
    press(&mut f.app, KeyCode::Enter);
    let text = screen(&mut f.app, 80, 24);
    assert!(text.contains("for backend-six-phases only"), "{text}");
    assert!(!text.contains("leave `estimate` out"), "{text}");
    insta::assert_snapshot!(text);
}

/// A broken roadmap file and an unreadable progress file, at fixed paths
/// (nothing is written: the store is in memory).
fn broken() -> App {
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

/// A first run with a broken roadmap file of the learner's: the picker,
/// which covers the banner, says so itself.
#[test]
fn first_run_picker_names_a_roadmap_file_that_did_not_load() {
    let mut catalog = Catalog::load(&Sources::bundled_only());
    let bad = "id: mine\ntitle: Mine\nphases: [\n";
    catalog.errors.push(
        Roadmap::from_yaml_str(bad, "/home/learner/.config/trailmark/roadmaps/mine.yaml")
            .unwrap_err(),
    );
    let mut f = fixture_on(catalog, |_, _| {});
    let text = screen(&mut f.app, 80, 24);
    assert!(
        text.contains("⚠ A roadmap file did not load: mine.yaml:3:"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn corrupt_progress_asks_first() {
    let mut app = broken();
    insta::assert_snapshot!(screen(&mut app, 100, 30));
}

#[test]
fn error_banner() {
    let mut app = broken();
    keys(&mut app, "n");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, " ");
    insta::assert_snapshot!(screen(&mut app, 100, 30));
}

#[test]
fn narrow_terminal_folds_to_two_panes() {
    let mut f = fixture(some_progress);
    insta::assert_snapshot!("narrow_phases", screen(&mut f.app, 60, 20));
    press(&mut f.app, KeyCode::Tab);
    insta::assert_snapshot!("narrow_skills", screen(&mut f.app, 60, 20));
}

#[test]
fn very_narrow_terminal_shows_one_pane() {
    let mut f = fixture(some_progress);
    press(&mut f.app, KeyCode::Tab);
    insta::assert_snapshot!(screen(&mut f.app, 40, 16));
}

#[test]
fn tiny_terminal_says_so() {
    let mut f = fixture(some_progress);
    insta::assert_snapshot!(screen(&mut f.app, 10, 3));
}

#[test]
fn stats_with_no_history() {
    let mut f = fixture(|_, p| p.legacy.last_roadmap = Some("backend-six-phases".into()));
    keys(&mut f.app, "t");
    insta::assert_snapshot!(screen(&mut f.app, 120, 36));
}

#[test]
fn stats_with_one_day_of_history() {
    let mut f = fixture(|c, p| {
        p.legacy.last_roadmap = Some("backend-six-phases".into());
        tick(
            c,
            p,
            "backend-six-phases",
            "variables",
            Status::Done,
            days_ago(0),
        );
        tick(
            c,
            p,
            "backend-six-phases",
            "control-flow",
            Status::Done,
            days_ago(0),
        );
    });
    keys(&mut f.app, "t");
    insta::assert_snapshot!(screen(&mut f.app, 120, 36));
}

/// Two and a half years of a learner who ticks a skill every few weeks.
fn long_history(c: &Catalog, p: &mut Progress) {
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

#[test]
fn stats_with_years_of_history() {
    let mut f = fixture(long_history);
    keys(&mut f.app, "t");
    insta::assert_snapshot!("stats_long_wide", screen(&mut f.app, 120, 40));
    insta::assert_snapshot!("stats_long_narrow", screen(&mut f.app, 70, 40));
}

/// Draws straight into a buffer: the sweep below checks the app's drawing,
/// and a test terminal would only add its own cost.
fn draw(app: &mut App, width: u16, height: u16) {
    update(app, Action::Resize { width, height });
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let mut buffer = ratatui::buffer::Buffer::empty(area);
    ratatui::widgets::Widget::render(&*app, area, &mut buffer);
}

/// Every screen at every size from 1×1 up: drawing must never panic.
#[test]
fn no_size_panics() {
    let mut apps = Vec::new();
    let mut add = |setup: &dyn Fn(&mut App)| {
        let mut f = fixture(long_history);
        setup(&mut f.app);
        apps.push(f);
    };
    add(&|_| {});
    add(&|a| {
        press(a, KeyCode::Tab);
        press(a, KeyCode::Tab);
        keys(a, "jjj");
    });
    add(&|a| keys(a, "r"));
    add(&|a| keys(a, "?G"));
    add(&|a| keys(a, "/e"));
    add(&|a| keys(a, "nsome note"));
    add(&|a| keys(a, "t"));
    let mut first_run = fixture(|_, _| {});
    let mut broken = broken();
    // Small sizes, where off-by-ones live, around every layout threshold,
    // then a grid up to 300×100.
    let ws = [
        1, 2, 3, 4, 5, 8, 13, 20, 23, 24, 25, 30, 40, 59, 60, 61, 99, 100, 101,
    ];
    let hs = [1, 2, 3, 4, 5, 7, 8, 9, 12, 20];
    let small = ws
        .into_iter()
        .flat_map(move |w| hs.into_iter().map(move |h| (w, h)));
    let large = (50..=300u16)
        .step_by(50)
        .flat_map(|w| (10..=100u16).step_by(30).map(move |h| (w, h)));
    let edges = [(300, 100), (1, 100), (300, 1), (120, 40)];
    for (w, h) in small.chain(large).chain(edges) {
        for f in &mut apps {
            draw(&mut f.app, w, h);
        }
        draw(&mut first_run.app, w, h);
        draw(&mut broken, w, h);
    }
}

/// Text from a roadmap file cannot reach the terminal as control characters.
#[test]
fn escape_sequences_in_roadmap_text_are_not_drawn() {
    let text = "id: evil\ntitle: \"Evil\\e[2J\\ttitle\"\nsource: {author: me}\nphases:\n  - id: a\n    title: \"A\\e]0;pwned\\a\"\n    skills:\n      - {id: s, title: \"S\\e[31m\\tred\", summary: \"bell\\a\"}\n";
    let evil = Roadmap::from_yaml_str(text, "evil.yaml");
    let Ok(evil) = evil else {
        // The loader refusing control characters is fine too.
        return;
    };
    let mut catalog = Catalog::load(&Sources::bundled_only());
    catalog.entries.push(trailmark::catalog::Entry {
        roadmap: evil,
        origin: trailmark::catalog::Origin::Path,
        file: "evil.yaml".into(),
        replaced: None,
    });
    let mut f = fixture_on(catalog, |_, p| p.legacy.last_roadmap = Some("evil".into()));
    assert_eq!(f.app.roadmap().unwrap().id, "evil");
    let mut terminal = Terminal::new(TestBackend::new(100, 20)).unwrap();
    update(
        &mut f.app,
        Action::Resize {
            width: 100,
            height: 20,
        },
    );
    terminal
        .draw(|frame| frame.render_widget(&f.app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{:?}",
            cell.symbol()
        );
    }
    let shown = terminal.backend().to_string();
    assert!(shown.contains("Evil[2J title"), "{shown}");
}

/// Without colour, nothing on screen has a colour; the marks remain.
#[test]
fn no_color_draws_no_colour() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let mut store = Store::open(path.clone()).unwrap();
    let catalog = Catalog::load(&Sources::bundled_only());
    some_progress(&catalog, store.progress_mut());
    let launch = Launch {
        catalog,
        store: Ok(store),
        data_path: path,
        places: None,
    };
    let mut app = App::new(launch, at(today()), today(), Theme::NO_COLOR);
    for setup in ["", "r", "t", "?", "/a"] {
        keys(&mut app, setup);
        let mut terminal = Terminal::new(TestBackend::new(120, 36)).unwrap();
        update(
            &mut app,
            Action::Resize {
                width: 120,
                height: 36,
            },
        );
        terminal
            .draw(|frame| frame.render_widget(&app, frame.area()))
            .unwrap();
        for cell in terminal.backend().buffer().content() {
            assert_eq!(cell.fg, ratatui::style::Color::Reset, "{setup}: {cell:?}");
            assert_eq!(cell.bg, ratatui::style::Color::Reset, "{setup}: {cell:?}");
        }
        update(&mut app, Action::Cancel);
    }
}

/// The plan view (`w`): this week highlighted, the weeks at the learner's 10
/// h/week, the target date's line where it falls and the weeks after it
/// marked behind.
#[test]
fn sized_plan_with_a_target_date() {
    let mut f = fixture(|c, p| {
        some_progress(c, p);
        p.set_target_date(
            "backend-six-phases",
            NaiveDate::from_ymd_opt(2026, 5, 31),
            days_ago(1),
        );
    });
    keys(&mut f.app, "w");
    at_sizes(&mut f.app, "plan");
    // Scrolled to the end: the last weeks, after the target.
    update(
        &mut f.app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    press(&mut f.app, KeyCode::End);
    insta::assert_snapshot!("plan_scrolled_to_the_end", screen(&mut f.app, 80, 24));
}

/// The target date editor over the plan, refusing a date that is not one.
#[test]
fn plan_target_editor_with_a_bad_date() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "wd");
    let clear = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    let action = keys::map_event(f.app.ctx(), &clear).unwrap();
    update(&mut f.app, action);
    keys(&mut f.app, "30/06/2026");
    press(&mut f.app, KeyCode::Enter);
    insta::assert_snapshot!("plan_target_editor_80x24", screen(&mut f.app, 80, 24));
}
