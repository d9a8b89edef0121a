//! The switcher and first-run picker, the search, the help, the info view,
//! the stats screen and the banner of broken files.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{ch, fresh, highlight, opened, press, press_with, typed, update};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{Overlay, Pane};
use crate::tui::keys;

#[test]
fn switcher_switches_and_keeps_the_place_per_roadmap() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'j');
    press(app, KeyCode::Tab);
    ch(app, 'j');
    assert_eq!((app.phase, app.skill), (1, 1));
    ch(app, 'r');
    let Overlay::Switcher(s) = &app.overlay else {
        panic!("no switcher")
    };
    assert_eq!(s.chosen(), Some(0), "starts on the open roadmap");
    assert_eq!(s.rows.len(), app.catalog.entries.len());
    let order = s.order.clone();
    highlight(app, order[0]);
    press(app, KeyCode::Down);
    ch(app, 'j');
    ch(app, 'k');
    assert_eq!(press(app, KeyCode::Enter), Effect::KeepPlace);
    assert_eq!(app.current, Some(order[1]));
    assert_eq!((app.phase, app.skill), (0, 0));
    assert_eq!(
        app.places.last_roadmap.as_deref(),
        Some(app.roadmap().unwrap().id.as_str())
    );
    assert_eq!(app.store.progress().legacy.last_roadmap, None);
    // Back to the first: the place is restored.
    ch(app, 'r');
    highlight(app, 0);
    press(app, KeyCode::Enter);
    assert_eq!((app.current, app.phase, app.skill), (Some(0), 1, 1));
    // Closing without switching.
    ch(app, 'r');
    ch(app, 'G');
    press(app, KeyCode::PageUp);
    press(app, KeyCode::PageDown);
    press(app, KeyCode::Esc);
    assert_eq!(app.current, Some(0));
    ch(app, 'r');
    ch(app, 'q');
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn switcher_counts_skills_covered_through_shared_keys() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'j');
    press(app, KeyCode::Enter);
    ch(app, ' '); // programming-language, shared
    ch(app, 'r');
    let Overlay::Switcher(s) = &app.overlay else {
        panic!("no switcher")
    };
    let ten = app.catalog.position("backend-ten-steps").unwrap();
    assert_eq!(s.rows[ten].covered, 1);
    assert!(s.rows[ten].percent > 0.0);
    let burger = s.rows[0];
    assert_eq!(burger.covered, 1);
}

#[test]
fn on_the_first_run_picker_only_q_quits_and_help_opens() {
    let mut f = fresh();
    let app = &mut f.app;
    let Overlay::Switcher(s) = &app.overlay else {
        panic!("no picker")
    };
    let six = app.catalog.position("backend-six-phases");
    assert_eq!(s.chosen(), six, "the most complete roadmap is highlighted");
    assert!(keys::lookup(app.ctx(), KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)).is_none());
    assert_eq!(update(app, Action::Cancel), Effect::None);
    assert!(
        matches!(app.overlay, Overlay::Switcher(_)),
        "Esc does nothing"
    );
    assert!(
        keys::lookup(
            app.ctx(),
            KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE)
        )
        .is_none()
    );
    ch(app, '?');
    assert!(matches!(app.overlay, Overlay::Help { .. }));
    press(app, KeyCode::Esc);
    assert!(
        matches!(app.overlay, Overlay::Switcher(_)),
        "closing the help goes back to the picker"
    );
    assert_eq!(ch(app, 'q'), Effect::Quit);
    // Enter opens the highlighted one: weeks and a finish date.
    let mut f = fresh();
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.current, six);
    assert!(f.app.view.summary.overall.remaining.weeks.is_some());
}

#[test]
fn info_view_opens_and_o_asks_to_open_links() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'i');
    assert!(matches!(app.overlay, Overlay::Info { .. }));
    if let Some(url) = app.roadmap().unwrap().source.url.clone() {
        assert_eq!(ch(app, 'o'), Effect::Open(url));
    } else {
        assert_eq!(ch(app, 'o'), Effect::None);
        assert!(app.message.as_ref().unwrap().text.contains("no link"));
    }
    press(app, KeyCode::Esc);
    assert!(matches!(app.overlay, Overlay::None));
    // A skill with a shared key gets the vocabulary's documentation link.
    ch(app, '/');
    typed(app, "postgres");
    press(app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Skills);
    let own = app.current_skill().unwrap().resources.len();
    for _ in 0..own {
        ch(app, '.');
    }
    assert_eq!(
        ch(app, 'o'),
        Effect::Open("https://www.postgresql.org/docs/".to_owned())
    );
    ch(app, '.');
    assert_eq!(app.resource, own, "stops at the last link");
    ch(app, ',');
    ch(app, 'j');
    assert_eq!(app.resource, 0, "another skill starts at its first link");
}

#[test]
fn the_banner_of_broken_files_can_be_dismissed() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'D');
    assert!(app.message.as_ref().unwrap().text.contains("No banner"));
    app.load_errors.push("x.yaml:1:1: broken".to_owned());
    ch(app, 'D');
    assert!(app.banner_dismissed);
}

#[test]
fn search_matches_as_you_type_and_jumps() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, '/');
    typed(app, "mongo");
    let Overlay::Search(s) = &app.overlay else {
        panic!("no search")
    };
    assert_eq!(s.matches.len(), 1);
    press(app, KeyCode::Backspace);
    press(app, KeyCode::Left);
    press(app, KeyCode::Delete);
    press(app, KeyCode::Home);
    press(app, KeyCode::End);
    typed(app, "go");
    press(app, KeyCode::Right);
    press(app, KeyCode::Down);
    press(app, KeyCode::Up);
    press(app, KeyCode::Enter);
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.current_skill().unwrap().title, "MongoDB");
    assert_eq!(app.focus, Pane::Skills);
    // Esc clears; Ctrl-u empties the field; Enter with no match stays.
    ch(app, '/');
    typed(app, "zzz");
    press(app, KeyCode::Enter);
    assert!(matches!(app.overlay, Overlay::Search(_)));
    press_with(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    let Overlay::Search(s) = &app.overlay else {
        panic!("no search")
    };
    assert_eq!(s.input.text(), "");
    press(app, KeyCode::Esc);
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut f = opened();
    let app = &mut f.app;
    update(
        app,
        Action::Resize {
            width: 100,
            height: 20,
        },
    );
    ch(app, '?');
    ch(app, 'j');
    press(app, KeyCode::Down);
    assert!(matches!(app.overlay, Overlay::Help { scroll: 2, .. }));
    ch(app, 'k');
    press(app, KeyCode::Up);
    press(app, KeyCode::PageDown);
    ch(app, 'G');
    let Overlay::Help { scroll, .. } = app.overlay else {
        panic!("help closed")
    };
    assert!(
        scroll > 0 && scroll < usize::MAX,
        "clamped to the end: {scroll}"
    );
    press(app, KeyCode::PageUp);
    ch(app, 'g');
    assert!(matches!(app.overlay, Overlay::Help { scroll: 0, .. }));
    ch(app, '?');
    assert!(matches!(app.overlay, Overlay::None));
    ch(app, '?');
    ch(app, 'q');
    assert!(matches!(app.overlay, Overlay::None));
    ch(app, '?');
    press(app, KeyCode::Esc);
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn stats_open_and_close() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Tab);
    ch(app, ' ');
    ch(app, 't');
    let Overlay::Stats(data) = &app.overlay else {
        panic!("no stats")
    };
    assert_eq!(data.series.len(), 1);
    assert_eq!(data.streak, 1);
    ch(app, 't');
    assert!(matches!(app.overlay, Overlay::None));
    ch(app, 't');
    press(app, KeyCode::Esc);
    ch(app, 't');
    ch(app, 'q');
    assert!(matches!(app.overlay, Overlay::None));
}
