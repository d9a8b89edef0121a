//! The editors: notes, own estimates (a shared skill's stays in its
//! roadmap), the pace, and pasted text.

use crossterm::event::{KeyCode, KeyModifiers};

use super::{ch, highlight, opened, press, press_with, typed, update};
use crate::estimate::Weeks;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{EditKind, Overlay};
use crate::tui::keys;

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
