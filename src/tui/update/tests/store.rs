//! The progress file and the catalog as the app meets them: quitting, an
//! unreadable file, a read-only store, and the rest of the catalog arriving
//! after the first frame.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{ch, now, opened, press, press_with, status, today};
use crate::catalog::{Catalog, Sources};
use crate::progress::{ProgressError, Status, Store};
use crate::tui::Launch;
use crate::tui::action::Effect;
use crate::tui::app::{App, Overlay};
use crate::tui::keys;
use crate::tui::theme::Theme;

#[test]
fn quit_keeps_the_place_and_leaves_the_progress_alone() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'j');
    press(app, KeyCode::Tab);
    assert_eq!(ch(app, 'q'), Effect::Quit);
    let place = &app.places.roadmaps["backend-burger"];
    assert_eq!(place.phase.as_deref(), Some("foundations"));
    assert_eq!(place.focus, Some(crate::state::Focus::Skills));
    assert_eq!(*app.store.progress(), crate::progress::Progress::default());
    ch(app, 'n');
    assert_eq!(
        press_with(app, KeyCode::Char('c'), KeyModifiers::CONTROL),
        Effect::Quit,
        "Ctrl-c quits from the editor too"
    );
}

#[test]
fn an_unreadable_progress_file_asks_before_moving_it_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    std::fs::write(&path, "version: 1\nskills: [").unwrap();
    let store = Store::open(path.clone());
    assert!(matches!(store, Err(ProgressError::Corrupt { .. })));
    let launch = Launch {
        catalog: Catalog::load(&Sources::bundled_only()),
        store,
        data_path: path.clone(),
        places: None,
    };
    let mut app = App::new(launch, now(), today(), Theme::COLOR);
    assert!(matches!(app.overlay, Overlay::ConfirmRecover));
    assert!(app.read_only_reason().is_some());
    assert_eq!(ch(&mut app, 'n'), Effect::None);
    assert!(
        matches!(app.overlay, Overlay::Switcher(_)),
        "then the picker"
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    ch(&mut app, ' ');
    assert_eq!(ch(&mut app, 'R'), Effect::None);
    assert!(matches!(app.overlay, Overlay::ConfirmRecover));
    assert_eq!(press(&mut app, KeyCode::Esc), Effect::None);
    ch(&mut app, 'R');
    assert_eq!(ch(&mut app, 'y'), Effect::Recover);
    // What the loop does for Effect::Recover:
    let aside = Store::recover(&path).unwrap();
    let fresh = Store::open(path.clone()).unwrap();
    assert!(
        app.recovered(fresh, &aside),
        "the tick made meanwhile must be saved"
    );
    assert!(app.progress_problem.is_none());
    assert_eq!(app.read_only_reason(), None);
    assert_eq!(status(&app), Status::Done, "kept across the recovery");
    app.store.save().unwrap();
    assert!(
        std::fs::read_to_string(aside)
            .unwrap()
            .contains("skills: [")
    );
    let r = KeyEvent::new(KeyCode::Char('R'), KeyModifiers::SHIFT);
    assert_eq!(keys::lookup(app.ctx(), r), None, "nothing left to recover");
}

#[test]
fn saving_fails_loudly_on_a_read_only_store() {
    let mut f = opened();
    let app = &mut f.app;
    let catalog = std::mem::take(&mut app.catalog);
    let launch = Launch {
        catalog,
        store: Ok(Store::in_memory(
            "/nonexistent/progress.yaml".into(),
            "a test".into(),
        )),
        data_path: "/nonexistent/progress.yaml".into(),
        places: None,
    };
    let mut app = App::new(launch, now(), today(), Theme::COLOR);
    press(&mut app, KeyCode::Enter);
    ch(&mut app, ' ');
    let err = app.store.save().unwrap_err();
    app.save_failed(&err);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("Not saved: ")
    );
    assert!(app.pending.is_some(), "the change is pending");
    assert_eq!(ch(&mut app, 'q'), Effect::Quit);
}

#[test]
fn the_rest_of_the_catalog_arrives_after_the_first_frame() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let mut store = Store::open(path.clone()).unwrap();
    store.progress_mut().legacy.last_roadmap = Some("backend-ten-steps".to_owned());
    let launch = Launch {
        catalog: Catalog::load_bundled_first(Some("backend-ten-steps")).unwrap(),
        store: Ok(store),
        data_path: path,
        places: None,
    };
    let mut app = App::new(launch, now(), today(), Theme::COLOR);
    assert_eq!(app.current, Some(0));
    assert!(
        matches!(app.overlay, Overlay::None),
        "the main screen at once"
    );
    let skill = app
        .roadmap()
        .unwrap()
        .skills()
        .map(|(_, s)| s.clone())
        .find(|s| s.key.is_some())
        .unwrap();
    assert!(!app.is_shared(&skill), "alone, nothing is shared yet");
    let full = Catalog::load(&Sources::bundled_only());
    let ten = full.position("backend-ten-steps");
    app.catalog_loaded(full);
    assert_eq!(app.current, ten);
    assert_eq!(app.roadmap().unwrap().id, "backend-ten-steps");
    assert_eq!(app.catalog().entries.len(), 8);
    assert!(app.shared.values().any(|users| users.len() > 1));
    assert_eq!(app.view.roadmap, ten);
}

#[test]
fn a_first_run_picker_leaves_the_moves_to_the_checked_catalog_which_sets_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let launch = Launch {
        catalog: Catalog::load_bundled_first(None).unwrap(),
        store: Store::open(path.clone()),
        data_path: path.clone(),
        places: None,
    };
    let mut app = App::new(launch, now(), today(), Theme::COLOR);
    assert!(matches!(app.overlay, Overlay::Switcher(_)), "the picker");
    app.catalog_loaded(Catalog::load(&Sources::bundled_only()));
    // Another copy (an older build) ticked a keyed skill under its
    // `roadmap/skill` id: read again, the tick counts on the key.
    let six = app
        .catalog()
        .get("backend-six-phases")
        .unwrap()
        .roadmap
        .clone();
    let skill = six
        .skills()
        .map(|(_, s)| s)
        .find(|s| s.key.is_some())
        .unwrap();
    let mut other = Store::open(path).unwrap();
    let mut unkeyed = skill.clone();
    unkeyed.key = None;
    other
        .update(|p| p.set_status(&six.id, &unkeyed, Status::Done, now()))
        .unwrap();
    assert!(app.store.refresh().unwrap());
    assert_eq!(app.store.progress().status(&six.id, skill), Status::Done);
}

#[test]
fn the_picker_shows_another_copys_tick_once_it_is_read_and_keeps_its_highlight() {
    let mut f = super::fresh();
    let app = &mut f.app;
    press(app, KeyCode::Down);
    let selected = app.shown_switcher().unwrap().selected;
    let six = app.catalog().position("backend-six-phases").unwrap();
    assert!(app.shown_switcher().unwrap().rows[six].percent.abs() < 1e-9);
    let roadmap = app.catalog().entries[six].roadmap.clone();
    let (_, skill) = roadmap.skills().next().unwrap();
    let mut other = Store::open(app.store.path().to_owned()).unwrap();
    other
        .update(|p| p.set_status(&roadmap.id, skill, Status::Done, now()))
        .unwrap();
    let read = app.store.refresh();
    assert!(app.progress_reloaded(read));
    let switcher = app.shown_switcher().unwrap();
    assert!(switcher.rows[six].percent > 0.0);
    assert_eq!(switcher.selected, selected);
    // Under help too.
    ch(app, '?');
    other
        .update(|p| p.set_status(&roadmap.id, skill, Status::Todo, now()))
        .unwrap();
    let read = app.store.refresh();
    assert!(app.progress_reloaded(read));
    assert!(app.shown_switcher().unwrap().rows[six].percent.abs() < 1e-9);
}
