//! Every binding, driven through the key table into `update`, on a real
//! progress store in a temporary directory and a fixed clock.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::update;
use crate::catalog::{Catalog, Sources};
use crate::estimate::Weeks;
use crate::progress::{ProgressError, ProjectStatus, Status, Store};
use crate::tui::Launch;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, EditKind, Overlay, Pane};
use crate::tui::keys;
use crate::tui::theme::Theme;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    app: App,
}

/// A fresh app on the bundled roadmaps with an empty progress file.
fn fresh() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let launch = Launch {
        catalog: Catalog::load(&Sources::bundled_only()),
        store: Store::open(path.clone()),
        data_path: path,
        places: None,
    };
    let mut app = App::new(launch, now(), today(), Theme::COLOR);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    Fixture { _dir: dir, app }
}

/// Moves the picker's highlight to a catalog index with the arrow keys.
fn highlight(app: &mut App, index: usize) {
    ch(app, 'g');
    for _ in 0..app.catalog.entries.len() {
        if matches!(&app.overlay, Overlay::Switcher(s) if s.chosen() == Some(index)) {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("roadmap {index} is not in the picker");
}

/// A fresh app with the first roadmap (The Backend Burger) open.
fn opened() -> Fixture {
    let mut f = fresh();
    assert!(
        matches!(f.app.overlay, Overlay::Switcher(_)),
        "first run opens the picker"
    );
    highlight(&mut f.app, 0);
    assert_eq!(press(&mut f.app, KeyCode::Enter), Effect::KeepPlace);
    assert_eq!(f.app.current, Some(0));
    f
}

fn press_with(app: &mut App, code: KeyCode, mods: KeyModifiers) -> Effect {
    let action = keys::lookup(app.ctx(), KeyEvent::new(code, mods))
        .unwrap_or_else(|| panic!("{code:?} is not bound in {:?}", app.ctx()));
    update(app, action)
}

fn press(app: &mut App, code: KeyCode) -> Effect {
    press_with(app, code, KeyModifiers::NONE)
}

fn ch(app: &mut App, c: char) -> Effect {
    press(app, KeyCode::Char(c))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

fn status(app: &App) -> Status {
    let (r, s) = (app.roadmap().unwrap(), app.current_skill().unwrap());
    app.store.progress().status(&r.id, s)
}

#[test]
fn lists_move_with_arrows_vim_keys_ends_and_pages() {
    let mut f = opened();
    let app = &mut f.app;
    assert_eq!(app.focus, Pane::Phases);
    press(app, KeyCode::Down);
    ch(app, 'j');
    assert_eq!(app.phase, 2);
    ch(app, 'k');
    assert_eq!(app.phase, 1);
    press(app, KeyCode::Up);
    press(app, KeyCode::Up);
    assert_eq!(app.phase, 0, "stops at the top");
    ch(app, 'G');
    assert_eq!(app.phase, app.roadmap().unwrap().phases.len() - 1);
    ch(app, 'g');
    assert_eq!(app.phase, 0);
    press(app, KeyCode::PageDown);
    assert_eq!(
        app.phase,
        app.roadmap().unwrap().phases.len() - 1,
        "a page is taller than 8 phases"
    );
    press(app, KeyCode::PageUp);
    assert_eq!(app.phase, 0);
    press(app, KeyCode::End);
    press(app, KeyCode::Home);
    assert_eq!(app.phase, 0);
    // Skills of the second phase.
    ch(app, 'j');
    press(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Skills);
    ch(app, 'j');
    assert_eq!(app.skill, 1);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Left);
    ch(app, 'k');
    assert_eq!(app.skill, 0);
    // Changing phase starts at its first skill.
    press(app, KeyCode::Char('j'));
    ch(app, 'h');
    ch(app, 'j');
    assert_eq!((app.phase, app.skill), (2, 0));
}

#[test]
fn focus_moves_between_panes() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Right);
    assert_eq!(app.focus, Pane::Skills);
    ch(app, 'l');
    ch(app, 'l');
    assert_eq!(app.focus, Pane::Details, "stops at the right edge");
    press(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Phases, "Tab wraps");
    press_with(app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(app.focus, Pane::Details);
    press(app, KeyCode::Left);
    ch(app, 'h');
    ch(app, 'h');
    assert_eq!(app.focus, Pane::Phases);
}

#[test]
fn status_keys_change_the_selected_skill_and_save() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Tab);
    assert_eq!(ch(app, ' '), Effect::Save);
    assert_eq!(status(app), Status::Done);
    assert_eq!(press(app, KeyCode::Enter), Effect::Save);
    assert_eq!(status(app), Status::Todo, "toggles back");
    assert_eq!(ch(app, 'd'), Effect::Save);
    assert_eq!(status(app), Status::Doing);
    assert_eq!(ch(app, 's'), Effect::Save);
    assert_eq!(status(app), Status::Skipped);
    assert_eq!(ch(app, 'x'), Effect::Save);
    assert_eq!(status(app), Status::Todo);
    assert_eq!(ch(app, 'x'), Effect::None, "already todo: nothing to save");
    assert!(app.message.as_ref().unwrap().text.contains("already todo"));
    assert_eq!(app.store.progress().history.len(), 5);
    assert!(
        app.store
            .progress()
            .history
            .iter()
            .all(|c| c.time() == now())
    );
    // The numbers follow at once.
    ch(app, ' ');
    assert_eq!(app.view.summary.overall.counts.done, 1);
    // The place is kept as browsing state, never in the progress.
    let place = &app.places.roadmaps["backend-burger"];
    assert_eq!(place.skill.as_deref(), Some("know-your-why"));
    assert!(app.store.progress().legacy.cursors.is_empty());
}

#[test]
fn a_shared_skill_is_ticked_in_every_roadmap_with_its_key() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'j'); // foundations: programming-language, key shared by six roadmaps
    press(app, KeyCode::Enter);
    ch(app, ' ');
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("every roadmap that shares it")
    );
    let other = app.catalog.position("backend-ten-steps").unwrap();
    let roadmap = &app.catalog.entries[other].roadmap;
    let (_, skill) = roadmap
        .skills()
        .find(|(_, s)| s.key.as_deref() == Some("programming-language"))
        .unwrap();
    assert_eq!(
        app.store.progress().status(&roadmap.id, skill),
        Status::Done
    );
}

#[test]
fn projects_are_chosen_and_cycled() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'p');
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("no project ideas")
    );
    ch(app, '[');
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("no project ideas")
    );
    // The learning path's last phase has three project ideas.
    ch(app, 'r');
    ch(app, 'j');
    ch(app, 'j');
    press(app, KeyCode::Enter);
    assert_eq!(app.roadmap().unwrap().id, "backend-learning-path");
    ch(app, 'G');
    let projects = app.current_phase().unwrap().projects.len();
    assert!(projects >= 2, "{projects}");
    ch(app, ']');
    assert_eq!(app.project, 1);
    ch(app, ']');
    ch(app, ']');
    assert_eq!(app.project, projects - 1, "stops at the last");
    ch(app, '[');
    ch(app, '[');
    ch(app, '[');
    assert_eq!(app.project, 0);
    assert_eq!(ch(app, 'p'), Effect::Save);
    let (r, p) = (app.roadmap().unwrap(), app.current_project().unwrap());
    assert_eq!(
        app.store.progress().project_status(&r.id, p),
        ProjectStatus::Building
    );
    ch(app, 'p');
    ch(app, 'p');
    let (r, p) = (app.roadmap().unwrap(), app.current_project().unwrap());
    assert_eq!(
        app.store.progress().project_status(&r.id, p),
        ProjectStatus::Idea
    );
    // In the details pane the arrows choose projects.
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Details);
    ch(app, 'j');
    assert_eq!(app.project, 1);
    press(app, KeyCode::Up);
    assert_eq!(app.project, 0);
}

#[test]
fn details_scroll_when_the_phase_has_no_projects() {
    let mut f = opened();
    let app = &mut f.app;
    update(
        app,
        Action::Resize {
            width: 120,
            height: 10,
        },
    );
    ch(app, 'j'); // foundations: no projects
    app.focus = Pane::Details;
    ch(app, 'G');
    let bottom = app.offsets.details;
    assert!(bottom > 0, "the details are taller than 10 rows");
    ch(app, 'g');
    assert_eq!(app.offsets.details, 0);
    ch(app, 'j');
    assert_eq!(app.offsets.details, 1);
    press(app, KeyCode::PageDown);
    assert!(app.offsets.details > 1, "a page is more than a row");
    for _ in 0..20 {
        press(app, KeyCode::PageDown);
    }
    assert_eq!(app.offsets.details, bottom, "clamped at the bottom");
    press(app, KeyCode::PageUp);
    assert!(app.offsets.details < bottom);
}

#[test]
fn undo_and_redo_go_many_levels_and_are_saved_as_changes() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Tab);
    ch(app, ' ');
    ch(app, 'j'); // wraps nothing: the first phase has one skill
    press(app, KeyCode::Left);
    ch(app, 'j');
    press(app, KeyCode::Right);
    ch(app, 'd');
    ch(app, 's');
    assert_eq!(app.history.undo_len(), 3);
    assert_eq!(ch(app, 'u'), Effect::Save);
    assert_eq!(status(app), Status::Doing);
    ch(app, 'u');
    assert_eq!(status(app), Status::Todo);
    ch(app, 'u');
    assert_eq!(
        (app.phase, app.skill),
        (0, 0),
        "undo shows the skill it changed"
    );
    assert_eq!(status(app), Status::Todo);
    assert_eq!(ch(app, 'u'), Effect::None);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing to undo")
    );
    // Each undo is itself a change in the history.
    assert_eq!(app.store.progress().history.len(), 6);
    assert_eq!(
        press_with(app, KeyCode::Char('r'), KeyModifiers::CONTROL),
        Effect::Save
    );
    assert_eq!(status(app), Status::Done);
    press_with(app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(app.phase, 1);
    assert_eq!(status(app), Status::Doing);
    // A new change drops what could be redone.
    ch(app, 'x');
    assert_eq!(
        press_with(app, KeyCode::Char('r'), KeyModifiers::CONTROL),
        Effect::None
    );
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing to redo")
    );
}

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
fn enter_and_space_on_a_phase_focus_its_skills_and_change_nothing() {
    let mut f = opened();
    let app = &mut f.app;
    let before = app.store.progress().clone();
    assert_eq!(press(app, KeyCode::Enter), Effect::None);
    assert_eq!(app.focus, Pane::Skills);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Phases);
    assert_eq!(ch(app, ' '), Effect::None);
    assert_eq!(app.focus, Pane::Skills);
    assert_eq!(*app.store.progress(), before, "no status changed");
    // The same at 40×12, where only one pane shows.
    update(
        app,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Phases);
    assert_eq!(press(app, KeyCode::Enter), Effect::None);
    assert_eq!(*app.store.progress(), before);
    // Nor does any other status key while the skill is off screen.
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Phases);
    for c in ['d', 's', 'x', 'n', 'e'] {
        assert_eq!(ch(app, c), Effect::None, "{c}");
        assert!(
            app.message
                .as_ref()
                .unwrap()
                .text
                .contains("Open the phase first")
        );
    }
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(*app.store.progress(), before);
}

#[test]
fn a_paste_is_text_in_an_editor_and_ignored_elsewhere() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Tab);
    let paste = crossterm::event::Event::Paste("read chapter 3\nss".to_owned());
    assert_eq!(
        keys::map_event(app.ctx(), &paste),
        None,
        "ignored outside editors"
    );
    let before = app.store.progress().clone();
    ch(app, 'n');
    let action = keys::map_event(app.ctx(), &paste).expect("a paste in the editor");
    assert_eq!(update(app, action), Effect::None);
    let Overlay::Editor(e) = &app.overlay else {
        panic!("the editor closed on the pasted newline")
    };
    assert_eq!(e.input.text(), "read chapter 3 ss");
    assert_eq!(*app.store.progress(), before, "no key in the paste ran");
    update(app, Action::Paste("\r\n\tx\u{1b}[A".to_owned()));
    let Overlay::Editor(e) = &app.overlay else {
        panic!("no editor")
    };
    assert_eq!(e.input.text(), "read chapter 3 ss  x[A");
}

#[test]
fn pace_is_set_in_the_app_and_saved() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'P');
    assert!(matches!(&app.overlay, Overlay::Editor(e) if e.kind == EditKind::Pace));
    typed(app, "0");
    assert_eq!(press(app, KeyCode::Enter), Effect::None);
    let Overlay::Editor(e) = &app.overlay else {
        panic!("an invalid pace keeps the editor open")
    };
    assert!(
        e.error
            .as_deref()
            .unwrap()
            .contains("more than 0 and at most 168")
    );
    press(app, KeyCode::Backspace);
    typed(app, "12.5");
    assert_eq!(press(app, KeyCode::Enter), Effect::Save);
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.store.progress().pace_hours_per_week(), Some(12.5));
    ch(app, 'P');
    press_with(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(press(app, KeyCode::Enter), Effect::Save);
    assert_eq!(app.store.progress().pace_hours_per_week(), None);
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
fn notes_are_edited_saved_cleared_and_cancelled() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'n');
    assert!(matches!(&app.overlay, Overlay::Editor(e) if e.kind == EditKind::Note));
    typed(app, "read the why q");
    press(app, KeyCode::Backspace);
    press(app, KeyCode::Backspace);
    press_with(app, KeyCode::Char('a'), KeyModifiers::CONTROL);
    press_with(app, KeyCode::Char('e'), KeyModifiers::CONTROL);
    assert_eq!(press(app, KeyCode::Enter), Effect::Save);
    let record = app
        .record(app.roadmap().unwrap(), app.current_skill().unwrap())
        .unwrap();
    assert_eq!(record.note(), Some("read the why"));
    // Esc drops the edit.
    ch(app, 'n');
    typed(app, " more");
    assert_eq!(press(app, KeyCode::Esc), Effect::None);
    let record = app
        .record(app.roadmap().unwrap(), app.current_skill().unwrap())
        .unwrap();
    assert_eq!(record.note(), Some("read the why"));
    // Empty clears; undo brings it back.
    ch(app, 'n');
    press_with(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(press(app, KeyCode::Enter), Effect::Save);
    let record = app
        .record(app.roadmap().unwrap(), app.current_skill().unwrap())
        .unwrap();
    assert_eq!(record.note(), None);
    ch(app, 'u');
    let record = app
        .record(app.roadmap().unwrap(), app.current_skill().unwrap())
        .unwrap();
    assert_eq!(record.note(), Some("read the why"));
}

#[test]
fn estimates_are_parsed_and_an_invalid_one_keeps_the_editor_open() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'e');
    typed(app, "soon");
    assert_eq!(press(app, KeyCode::Enter), Effect::None);
    let Overlay::Editor(e) = &app.overlay else {
        panic!("the editor closed")
    };
    assert!(e.error.as_ref().unwrap().contains("cannot read `soon`"));
    press_with(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    let Overlay::Editor(e) = &app.overlay else {
        panic!("the editor closed")
    };
    assert_eq!(e.error, None, "editing clears the error");
    typed(app, "2-3 weeks");
    assert_eq!(press(app, KeyCode::Enter), Effect::Save);
    assert_eq!(app.view.times[0][0], Some(Weeks::range(2.0, 3.0)));
    // Opening again shows the current value; empty clears it.
    ch(app, 'e');
    let Overlay::Editor(e) = &app.overlay else {
        panic!("no editor")
    };
    assert_eq!(e.input.text(), "2–3 weeks");
    press_with(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    press(app, KeyCode::Enter);
    assert_eq!(app.view.times[0][0], None);
    ch(app, 'e');
    assert_eq!(press(app, KeyCode::Enter), Effect::None);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing changed")
    );
}

/// An own estimate of a shared skill counts in the roadmap it was set in:
/// the same skill in another roadmap keeps the roadmap's figure, and its
/// editor starts empty.
#[test]
fn an_estimate_of_a_shared_skill_stays_in_its_roadmap() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'j');
    press(app, KeyCode::Enter);
    assert_eq!(app.current_skill().unwrap().id, "programming-language");
    ch(app, 'e');
    typed(app, "5");
    assert_eq!(press(app, KeyCode::Enter), Effect::Save);
    let burger = app.roadmap().unwrap().id.clone();
    let skill = app.current_skill().unwrap().clone();
    let p = app.store.progress();
    assert_eq!(p.own_estimate(&burger, &skill), Some(Weeks::exact(5.0)));
    let ten = app.catalog.position("backend-ten-steps").unwrap();
    ch(app, 'r');
    highlight(app, ten);
    press(app, KeyCode::Enter);
    let r = app.roadmap().unwrap();
    let (pi, si) = r
        .phases
        .iter()
        .enumerate()
        .find_map(|(pi, p)| {
            let shared =
                |s: &crate::roadmap::Skill| s.key.as_deref() == Some("programming-language");
            p.skills.iter().position(shared).map(|si| (pi, si))
        })
        .unwrap();
    let there = &r.phases[pi].skills[si];
    assert_eq!(app.store.progress().own_estimate(&r.id, there), None);
    assert!(
        !app.view.times[pi]
            .iter()
            .flatten()
            .any(|w| *w == Weeks::exact(5.0))
    );
    let there_id = there.id.clone();
    // Its editor starts empty.
    for _ in 0..pi {
        ch(app, 'j');
    }
    press(app, KeyCode::Enter);
    for _ in 0..si {
        ch(app, 'j');
    }
    assert_eq!(app.current_skill().unwrap().id, there_id);
    ch(app, 'e');
    let Overlay::Editor(e) = &app.overlay else {
        panic!("no editor")
    };
    assert_eq!(e.input.text(), "");
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
fn clicks_select_panes_and_rows_and_the_wheel_scrolls() {
    let mut f = opened();
    let app = &mut f.app;
    let areas = crate::tui::layout::layout(app, app.area());
    let phases = crate::tui::layout::inner(areas.panes[0].unwrap());
    update(
        app,
        Action::Click {
            column: phases.x + 3,
            row: phases.y + 3,
        },
    );
    assert_eq!((app.focus, app.phase), (Pane::Phases, 3));
    let skills = crate::tui::layout::inner(areas.panes[1].unwrap());
    update(
        app,
        Action::Click {
            column: skills.x + 3,
            row: skills.y + 1,
        },
    );
    assert_eq!((app.focus, app.skill), (Pane::Skills, 1));
    update(
        app,
        Action::Scroll {
            column: phases.x + 1,
            row: phases.y,
            down: true,
        },
    );
    assert_eq!(
        (app.focus, app.phase, app.skill),
        (Pane::Skills, 4, 0),
        "the wheel does not move the focus"
    );
    update(
        app,
        Action::Scroll {
            column: phases.x + 1,
            row: phases.y,
            down: false,
        },
    );
    assert_eq!(app.phase, 3);
    let details = areas.panes[2].unwrap();
    update(
        app,
        Action::Click {
            column: details.x + 2,
            row: details.y + 2,
        },
    );
    assert_eq!(app.focus, Pane::Details);
    update(
        app,
        Action::Scroll {
            column: details.x + 2,
            row: details.y + 2,
            down: true,
        },
    );
    // Clicking in the switcher chooses, clicking the chosen row opens it.
    ch(app, 'r');
    let list = crate::tui::layout::switcher_list_area(app.area(), app.catalog.entries.len());
    update(
        app,
        Action::Click {
            column: list.x + 4,
            row: list.y + 2,
        },
    );
    assert!(matches!(&app.overlay, Overlay::Switcher(s) if s.selected == 2));
    assert_eq!(
        update(
            app,
            Action::Click {
                column: list.x + 4,
                row: list.y + 2
            }
        ),
        Effect::KeepPlace
    );
    let order = app.catalog.display_order();
    assert_eq!(app.current, Some(order[2]));
}

#[test]
fn resizing_keeps_the_selection_in_view() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'G');
    update(
        app,
        Action::Resize {
            width: 50,
            height: 8,
        },
    );
    let rows = crate::tui::layout::layout(app, app.area()).list_rows(Pane::Phases);
    assert!(app.phase >= app.offsets.phases && app.phase < app.offsets.phases + rows);
    assert_eq!(app.size.width, 50);
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

/// An app in the state where `ctx`'s keys apply.
fn in_context(ctx: keys::Ctx) -> Fixture {
    use keys::Ctx;
    if ctx == Ctx::CONFIRM || ctx == Ctx::RECOVER {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        std::fs::write(&path, "skills: [").unwrap();
        let launch = Launch {
            catalog: Catalog::load(&Sources::bundled_only()),
            store: Store::open(path.clone()),
            data_path: path,
            places: None,
        };
        let mut app = App::new(launch, now(), today(), Theme::COLOR);
        if ctx == Ctx::RECOVER {
            ch(&mut app, 'n');
            press(&mut app, KeyCode::Enter);
        }
        return Fixture { _dir: dir, app };
    }
    let mut f = opened();
    let app = &mut f.app;
    match ctx {
        Ctx::SKILLS => app.focus = Pane::Skills,
        Ctx::DETAILS => app.focus = Pane::Details,
        Ctx::SWITCHER => {
            ch(app, 'r');
        }
        Ctx::HELP => {
            ch(app, '?');
        }
        Ctx::SEARCH => typed(app, "/g"),
        Ctx::EDITOR => typed(app, "nsome"),
        Ctx::STATS => {
            ch(app, 't');
        }
        Ctx::QUIT => {
            app.pending = Some(crate::tui::app::Pending {
                reason: "a test".into(),
                recoverable: true,
            });
            app.ask_quit();
        }
        _ => {}
    }
    f
}

/// Every key of every row of the table, pressed where it applies: it maps
/// to the row's action, and `update` takes it without panicking.
#[test]
fn every_binding_maps_and_runs_in_its_context() {
    use keys::{BINDINGS, Ctx, Trigger};
    let contexts = [
        Ctx::PHASES,
        Ctx::SKILLS,
        Ctx::DETAILS,
        Ctx::SWITCHER,
        Ctx::HELP,
        Ctx::SEARCH,
        Ctx::EDITOR,
        Ctx::CONFIRM,
        Ctx::STATS,
        Ctx::RECOVER,
        Ctx::QUIT,
    ];
    let mut pressed = 0;
    for ctx in contexts {
        for binding in BINDINGS.iter().filter(|b| b.ctx.intersects(ctx)) {
            for (trigger, action) in binding.keys {
                let mut f = in_context(ctx);
                assert!(f.app.ctx().intersects(ctx), "{ctx:?} not reached");
                let event = match *trigger {
                    Trigger::Key(code, mods) => KeyEvent::new(code, mods),
                    Trigger::Text => KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE),
                };
                let found = keys::lookup(f.app.ctx(), event);
                assert_eq!(
                    found,
                    Some(action.clone().with_char('a')),
                    "{} in {ctx:?}",
                    binding.label
                );
                update(&mut f.app, found.unwrap());
                pressed += 1;
            }
        }
    }
    assert!(pressed > 100, "{pressed}");
}

mod plan;
mod saving;
mod timer;
#[test]
fn the_rest_of_the_catalog_arrives_after_the_first_frame() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let mut store = Store::open(path.clone()).unwrap();
    store.progress_mut().legacy.last_roadmap = Some("backend-ten-steps".to_owned());
    let launch = Launch {
        catalog: Catalog::load_bundled_one("backend-ten-steps").unwrap(),
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
fn visible_links_sit_where_their_text_is_drawn() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, '/');
    typed(app, "postgres");
    press(app, KeyCode::Enter);
    let links = crate::tui::ui::links::visible(app);
    let docs = links
        .iter()
        .find(|l| l.url == "https://www.postgresql.org/docs/")
        .expect("the vocabulary's link is on screen");
    let area = app.area();
    let mut buf = ratatui::buffer::Buffer::empty(area);
    ratatui::widgets::Widget::render(&*app, area, &mut buf);
    let drawn: String = (0..docs.text.chars().count() as u16)
        .map(|i| buf[(docs.x + i, docs.y)].symbol().to_owned())
        .collect();
    assert_eq!(drawn, docs.text);
    assert!(
        docs.osc8()
            .starts_with("\u{1b}]8;;https://www.postgresql.org/docs/\u{1b}\\")
    );
    // A popup covers the details: no links.
    ch(app, '?');
    assert!(crate::tui::ui::links::visible(app).is_empty());
}

/// Undo never silently takes back what another copy or a script did since.
#[test]
fn undo_refuses_when_the_field_changed_elsewhere_since() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Tab);
    ch(app, ' ');
    assert_eq!(status(app), Status::Done);
    // Another copy sets the skill to doing; the live view merges it in.
    let (roadmap, skill) = (
        app.roadmap().unwrap().id.clone(),
        app.current_skill().unwrap().clone(),
    );
    app.store
        .progress_mut()
        .set_status(&roadmap, &skill, Status::Doing, now());
    assert_eq!(ch(app, 'u'), Effect::None);
    assert_eq!(status(app), Status::Doing, "the other copy's change stays");
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("changed elsewhere since (now doing)")),
        "{:?}",
        app.message
    );
}

/// While only "Terminal too small" shows, no key changes anything unseen.
#[test]
fn keys_do_nothing_while_the_terminal_is_too_small() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Tab);
    let before = app.store.progress().clone();
    update(
        app,
        Action::Resize {
            width: 20,
            height: 5,
        },
    );
    for c in [' ', 'd', 's', 'x', 'j'] {
        assert_eq!(ch(app, c), Effect::None, "{c}");
    }
    assert_eq!(app.store.progress(), &before);
    assert_eq!(ch(app, 'q'), Effect::Quit, "quitting still works");
}
