//! Changes to the progress from the main screen: a skill's status, a
//! project idea's, and undo and redo, each recorded so it can be taken back.

use super::moved;
use crate::progress::Status;
use crate::tui::action::Effect;
use crate::tui::app::App;
use crate::tui::undo::{Change, Edit, Place};

/// Records and applies a change to the open roadmap, as one undo step.
pub(super) fn change(app: &mut App, place: Place, change: Change) -> Effect {
    let edit = Edit { place, change };
    edit.apply(&app.catalog, app.store.progress_mut(), app.now);
    if let Some(record) = edit.counted_record(&app.catalog) {
        let times = matches!(edit.change, Change::Estimate { .. });
        app.refresh_record(&record, times);
    }
    app.history.record(edit);
    app.remember_place();
    Effect::Save
}

pub(super) fn set_status(app: &mut App, to: Status) -> Effect {
    let (Some(place), Some(roadmap), Some(skill)) =
        (app.skill_place(), app.roadmap(), app.current_skill())
    else {
        return Effect::None;
    };
    let from = app.store.progress().status(&roadmap.id, skill);
    let title = skill.title.clone();
    let shared = app.is_shared(skill);
    if from == to {
        app.info(format!("“{title}” is already {to}"));
        return Effect::None;
    }
    let effect = change(app, place, Change::Status { from, to });
    let also = if shared {
        " (in every roadmap that shares it)"
    } else {
        ""
    };
    app.info(format!("“{title}”: {from} → {to}{also}"));
    effect
}

pub(super) fn choose_project(app: &mut App, delta: isize) -> Effect {
    let count = app.current_phase().map_or(0, |p| p.projects.len());
    if count == 0 {
        app.info("This phase has no project ideas");
        return Effect::None;
    }
    app.project = moved(app.project, delta, count);
    app.show_project();
    Effect::None
}

pub(super) fn cycle_project(app: &mut App) -> Effect {
    let (Some(place), Some(roadmap), Some(project)) =
        (app.project_place(), app.roadmap(), app.current_project())
    else {
        app.info("This phase has no project ideas");
        return Effect::None;
    };
    let from = app.store.progress().project_status(&roadmap.id, project);
    let to = from.next();
    let title = project.title.clone();
    let effect = change(app, place, Change::Project { from, to });
    app.show_project();
    app.info(format!("Project “{title}”: {from} → {to}"));
    effect
}

pub(super) fn undo(app: &mut App) -> Effect {
    let Some(edit) = app.history.undo() else {
        app.info("Nothing to undo");
        return Effect::None;
    };
    replay(app, &edit, "Undone")
}

pub(super) fn redo(app: &mut App) -> Effect {
    let Some(edit) = app.history.redo() else {
        app.info("Nothing to redo");
        return Effect::None;
    };
    replay(app, &edit, "Redone")
}

/// Applies an undo or redo step and brings its skill or project into view.
pub(super) fn replay(app: &mut App, edit: &Edit, verb: &str) -> Effect {
    if let Some(now) = edit.changed_since(&app.catalog, app.store.progress()) {
        // Never silently undo what another copy or a script did since.
        app.error(format!(
            "Not {}: it was changed elsewhere since (now {now}); change it again by hand if you meant to",
            verb.to_lowercase()
        ));
        return Effect::None;
    }
    edit.apply(&app.catalog, app.store.progress_mut(), app.now);
    let place = edit.place;
    let is_project = matches!(edit.change, Change::Project { .. });
    let roadmap = &app.catalog.entries[place.roadmap].roadmap;
    let phase = &roadmap.phases[place.phase];
    let name = if is_project {
        phase.projects[place.item].title.clone()
    } else {
        phase.skills[place.item].title.clone()
    };
    let elsewhere = (app.current != Some(place.roadmap)).then(|| roadmap.title.clone());
    if elsewhere.is_none() {
        app.select_phase(place.phase);
        if is_project {
            app.project = place.item;
        } else {
            app.select_skill(place.item);
        }
    }
    app.remember_place();
    if let Some(record) = edit.counted_record(&app.catalog) {
        let times = matches!(edit.change, Change::Estimate { .. });
        app.refresh_record(&record, times);
    }
    if is_project {
        app.show_project();
    }
    let place_note = elsewhere.map(|t| format!(" in “{t}”")).unwrap_or_default();
    app.info(format!("{verb}: “{name}”{place_note}: {}", edit.describe()));
    Effect::Save
}
