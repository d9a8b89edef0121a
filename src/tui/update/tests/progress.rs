//! Changing progress from the main screen: statuses (shared skills too),
//! project ideas, and undo and redo.

use crossterm::event::{KeyCode, KeyModifiers};

use super::{ch, now, opened, press, press_with, status};
use crate::progress::{ProjectStatus, Status};
use crate::tui::action::Effect;
use crate::tui::app::Pane;

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
