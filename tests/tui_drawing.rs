//! What drawing the TUI must never do, whatever the screen: panic at any
//! size from 1x1 up, put a roadmap's escape sequences on the terminal, or
//! use colour under `NO_COLOR`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use trailmark::catalog::{Catalog, Sources};
use trailmark::progress::Store;
use trailmark::roadmap::Roadmap;
use trailmark::tui::Launch;
use trailmark::tui::action::Action;
use trailmark::tui::app::App;
use trailmark::tui::theme::Theme;
use trailmark::tui::update::update;

#[path = "support/tui_app.rs"]
mod tui_app;
use tui_app::*;

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
    add(&|a| {
        press(a, KeyCode::Enter);
        keys(a, "nsome note");
    });
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
