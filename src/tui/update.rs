//! `update`: the one place the app's state changes. It is pure: it edits the
//! state and the in-memory progress and returns an [`Effect`] (save, quit,
//! recover) for the event loop to carry out, so every binding is tested here
//! without a terminal.

use ratatui::layout::{Position, Size};

use super::action::{Action, Effect};
use super::app::{App, EditKind, Editor, Overlay, Pane};
use super::content;
use super::editor::LineEditor;
use super::layout;
use super::search::Search;
use super::undo::{Change, Edit, Place};
use crate::estimate;
use crate::progress::Status;
pub use plan::parse_target;
pub use popups::parse_pace;
use popups::{choose_resource, open_pace_editor, open_resource, save_pace};
use popups::{confirm, help, info, open_help, stats};
use quit::{confirm_quit, quit};

/// Applies one action to the state and says what the loop must do next.
pub fn update(app: &mut App, action: Action) -> Effect {
    let effect = match action {
        Action::Resize { width, height } => {
            app.size = Size::new(width, height);
            Effect::None
        }
        Action::Click { column, row } => click(app, Position::new(column, row)),
        Action::Scroll { column, row, down } => scroll(app, Position::new(column, row), down),
        Action::Quit => quit(app),
        Action::Suspend => Effect::Suspend,
        // Nothing is on screen but "too small": a key must not act unseen.
        _ if layout::too_small(app.size) => Effect::None,
        _ => {
            // A key press dismisses the previous message.
            app.message = None;
            match &app.overlay {
                Overlay::None => main(app, &action),
                Overlay::Switcher(_) => switcher(app, &action),
                Overlay::Help { .. } => help(app, &action),
                Overlay::Info { .. } => info(app, &action),
                Overlay::Search(_) => search(app, action),
                Overlay::Editor(_) => editor(app, action),
                Overlay::ConfirmRecover => confirm(app, &action),
                Overlay::ConfirmQuit => confirm_quit(app, &action),
                Overlay::Stats(_) => stats(app, &action),
                Overlay::TimerLeft => timer::left(app, &action),
                Overlay::Plan(_) => plan::plan(app, action),
            }
        }
    };
    app.follow();
    effect
}

/// The keys of the main screen.
fn main(app: &mut App, action: &Action) -> Effect {
    if app.current.is_none() {
        return Effect::None;
    }
    let skill_key = matches!(
        action,
        Action::ToggleDone | Action::SetStatus(_) | Action::EditNote | Action::EditEstimate
    );
    if skill_key && !skill_on_screen(app) {
        // One pane, the phases: the selected skill is not on screen, so a
        // key must not change it unseen.
        app.info("Open the phase first (Enter): its skills are not on screen");
        return Effect::None;
    }
    match action {
        Action::Up => step(app, -1),
        Action::Down => step(app, 1),
        Action::PageUp => page(app, -1),
        Action::PageDown => page(app, 1),
        Action::Top => step(app, isize::MIN),
        Action::Bottom => step(app, isize::MAX),
        Action::FocusLeft => focus(app, app.focus.index().saturating_sub(1)),
        Action::FocusRight => focus(app, (app.focus.index() + 1).min(2)),
        Action::FocusNext => focus(app, (app.focus.index() + 1) % 3),
        Action::FocusPrev => focus(app, (app.focus.index() + 2) % 3),
        Action::OpenPhase => open_phase(app),
        Action::ToggleDone => {
            let done = app
                .current_skill()
                .zip(app.roadmap())
                .is_some_and(|(s, r)| app.store.progress().status(&r.id, s) == Status::Done);
            set_status(app, if done { Status::Todo } else { Status::Done })
        }
        Action::SetStatus(status) => set_status(app, *status),
        Action::PrevProject => choose_project(app, -1),
        Action::NextProject => choose_project(app, 1),
        Action::CycleProject => cycle_project(app),
        Action::Undo => undo(app),
        Action::Redo => redo(app),
        Action::OpenSwitcher => {
            app.overlay = Overlay::Switcher(app.switcher());
            Effect::None
        }
        Action::OpenSearch => {
            app.overlay = Overlay::Search(Search::default());
            Effect::None
        }
        Action::OpenHelp => open_help(app),
        Action::OpenInfo => {
            app.overlay = Overlay::Info { scroll: 0 };
            Effect::None
        }
        Action::EditPace => open_pace_editor(app),
        Action::PrevResource => choose_resource(app, -1),
        Action::NextResource => choose_resource(app, 1),
        Action::OpenResource => open_resource(app),
        Action::DismissBanner => {
            if app.load_errors.is_empty() || app.banner_dismissed {
                app.info("No banner to dismiss");
            } else {
                app.banner_dismissed = true;
            }
            Effect::None
        }
        Action::OpenPlan => plan::open_plan(app),
        Action::OpenStats => {
            app.overlay = Overlay::Stats(Box::new(app.stats()));
            Effect::None
        }
        Action::ToggleTimer => timer::toggle(app),
        Action::EditNote => open_editor(app, EditKind::Note),
        Action::EditEstimate => open_editor(app, EditKind::Estimate),
        Action::AskRecover => {
            if app.progress_problem.as_ref().is_some_and(|p| p.recoverable) {
                app.overlay = Overlay::ConfirmRecover;
            }
            Effect::None
        }
        _ => Effect::None,
    }
}

/// Whether the selected skill is on screen: the skills pane shows, or the
/// focus is on the skills or the details.
fn skill_on_screen(app: &App) -> bool {
    app.focus != Pane::Phases
        || layout::layout(app, app.area()).panes[Pane::Skills.index()].is_some()
}

/// Enter or Space on a phase: its skills get the focus. Never a status
/// change: on a narrow screen the skill it would change is not on screen.
fn open_phase(app: &mut App) -> Effect {
    if app.current_phase().is_some_and(|p| p.skills.is_empty()) {
        app.info("This phase has no skills");
        return Effect::None;
    }
    app.focus = Pane::Skills;
    Effect::None
}

fn focus(app: &mut App, index: usize) -> Effect {
    app.focus = Pane::ALL[index];
    Effect::None
}

/// Moves the focused pane's selection by `delta` rows, clamped at the ends
/// (`isize::MIN`/`MAX` jump to the first/last row).
fn step(app: &mut App, delta: isize) -> Effect {
    let Some(roadmap) = app.roadmap() else {
        return Effect::None;
    };
    let phases = roadmap.phases.len();
    let skills = app.current_phase().map_or(0, |p| p.skills.len());
    let projects = app.current_phase().map_or(0, |p| p.projects.len());
    match app.focus {
        Pane::Phases => {
            app.select_phase(moved(app.phase, delta, phases));
        }
        Pane::Skills => {
            app.select_skill(moved(app.skill, delta, skills));
        }
        Pane::Details => match delta {
            isize::MIN => app.offsets.details = 0,
            isize::MAX => app.offsets.details = usize::MAX,
            _ if projects > 0 => {
                app.project = moved(app.project, delta, projects);
                app.show_project();
            }
            _ => app.offsets.details = app.offsets.details.saturating_add_signed(delta),
        },
    }
    Effect::None
}

fn moved(from: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    from.saturating_add_signed(delta).min(len - 1)
}

/// PgUp/PgDn: a list moves by its height; the details scroll by theirs.
fn page(app: &mut App, direction: isize) -> Effect {
    let areas = layout::layout(app, app.area());
    let rows = isize::try_from(areas.list_rows(app.focus).max(1)).unwrap_or(isize::MAX);
    if app.focus == Pane::Details {
        app.offsets.details = app
            .offsets
            .details
            .saturating_add_signed(direction.saturating_mul(rows));
        return Effect::None;
    }
    step(app, direction.saturating_mul(rows))
}

/// Records and applies a change to the open roadmap, as one undo step.
fn change(app: &mut App, place: Place, change: Change) -> Effect {
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

fn set_status(app: &mut App, to: Status) -> Effect {
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

fn choose_project(app: &mut App, delta: isize) -> Effect {
    let count = app.current_phase().map_or(0, |p| p.projects.len());
    if count == 0 {
        app.info("This phase has no project ideas");
        return Effect::None;
    }
    app.project = moved(app.project, delta, count);
    app.show_project();
    Effect::None
}

fn cycle_project(app: &mut App) -> Effect {
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

fn undo(app: &mut App) -> Effect {
    let Some(edit) = app.history.undo() else {
        app.info("Nothing to undo");
        return Effect::None;
    };
    replay(app, &edit, "Undone")
}

fn redo(app: &mut App) -> Effect {
    let Some(edit) = app.history.redo() else {
        app.info("Nothing to redo");
        return Effect::None;
    };
    replay(app, &edit, "Redone")
}

/// Applies an undo or redo step and brings its skill or project into view.
fn replay(app: &mut App, edit: &Edit, verb: &str) -> Effect {
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

fn open_editor(app: &mut App, kind: EditKind) -> Effect {
    let (Some(place), Some(roadmap), Some(skill)) =
        (app.skill_place(), app.roadmap(), app.current_skill())
    else {
        return Effect::None;
    };
    let record = app.record(roadmap, skill);
    let text = match kind {
        EditKind::Note => record
            .and_then(|r| r.note.value.clone())
            .unwrap_or_default(),
        EditKind::Estimate => app
            .store
            .progress()
            .own_estimate(&roadmap.id, skill)
            .map(|w| w.to_string())
            .unwrap_or_default(),
        EditKind::Pace => return open_pace_editor(app),
        EditKind::Target => return plan::open_plan(app),
    };
    app.overlay = Overlay::Editor(Editor {
        kind,
        place: Some(place),
        input: LineEditor::new(&text),
        error: None,
    });
    Effect::None
}

/// Text keys shared by the search and the editors. Returns whether the text changed.
fn edit_text(input: &mut LineEditor, action: Action) -> bool {
    let before = input.text().to_owned();
    match action {
        Action::Insert(c) => input.insert(c),
        Action::Paste(text) => {
            // Pasted text is text: each line break (CRLF included) becomes
            // one space, tabs a space, other control characters are dropped,
            // and nothing in it runs as a key.
            let flat = text.replace("\r\n", " ");
            for c in flat.chars() {
                match c {
                    '\n' | '\r' | '\t' => input.insert(' '),
                    c if c.is_control() => {}
                    c => input.insert(c),
                }
            }
        }
        Action::Backspace => input.backspace(),
        Action::Delete => input.delete(),
        Action::CursorLeft => input.left(),
        Action::CursorRight => input.right(),
        Action::CursorHome => input.home(),
        Action::CursorEnd => input.end(),
        Action::ClearInput => input.clear(),
        _ => return false,
    }
    input.text() != before
}

fn editor(app: &mut App, action: Action) -> Effect {
    let Overlay::Editor(ed) = &mut app.overlay else {
        return Effect::None;
    };
    match action {
        Action::Cancel => {
            app.overlay = Overlay::None;
            Effect::None
        }
        Action::Confirm if ed.kind == EditKind::Pace => save_pace(app),
        Action::Confirm => save_edit(app),
        Action::OpenHelp => open_help(app),
        other => {
            if edit_text(&mut ed.input, other) {
                ed.error = None;
            }
            Effect::None
        }
    }
}

/// Enter in the editor: saves the note or estimate, or says why it cannot.
fn save_edit(app: &mut App) -> Effect {
    let Overlay::Editor(ed) = &mut app.overlay else {
        return Effect::None;
    };
    let (kind, place) = (ed.kind, ed.place);
    let text = ed.input.text().trim().to_owned();
    let Some((place, (roadmap, skill))) = place.and_then(|p| Some((p, app.skill_at(p)?))) else {
        app.overlay = Overlay::None;
        return Effect::None;
    };
    let record = app.store.progress().skill_record(&roadmap.id, skill);
    let title = skill.title.clone();
    let change_to = match kind {
        EditKind::Note => {
            let from = record.and_then(|r| r.note.value.clone());
            let to = (!text.is_empty()).then_some(text);
            (from != to).then_some(Change::Note { from, to })
        }
        EditKind::Estimate => {
            let from = app.store.progress().own_estimate(&roadmap.id, skill);
            let to = if text.is_empty() {
                None
            } else {
                match estimate::parse_own(&text) {
                    Ok(w) => Some(w),
                    Err(err) => {
                        if let Overlay::Editor(ed) = &mut app.overlay {
                            ed.error = Some(err.to_string());
                        }
                        return Effect::None;
                    }
                }
            };
            (from != to).then_some(Change::Estimate { from, to })
        }
        EditKind::Pace | EditKind::Target => None,
    };
    app.overlay = Overlay::None;
    let Some(c) = change_to else {
        app.info("Nothing changed");
        return Effect::None;
    };
    let what = Edit {
        place,
        change: c.clone(),
    }
    .describe();
    let effect = change(app, place, c);
    app.info(format!("“{title}”: {what}"));
    effect
}

fn search(app: &mut App, action: Action) -> Effect {
    if action == Action::OpenHelp {
        return open_help(app);
    }
    let Some(index) = app.current else {
        app.overlay = Overlay::None;
        return Effect::None;
    };
    let Overlay::Search(s) = &mut app.overlay else {
        return Effect::None;
    };
    match action {
        Action::Cancel => app.overlay = Overlay::None,
        Action::Up => s.selected = s.selected.saturating_sub(1),
        Action::Down => s.selected = (s.selected + 1).min(s.matches.len().saturating_sub(1)),
        Action::Confirm => {
            let Some(m) = s.matches.get(s.selected).copied() else {
                app.info("No match to jump to");
                return Effect::None;
            };
            app.overlay = Overlay::None;
            app.select_phase(m.phase);
            app.select_skill(m.skill);
            app.offsets.details = 0;
            app.focus = Pane::Skills;
        }
        other => {
            if edit_text(&mut s.input, other) {
                s.refresh(&app.catalog.entries[index].roadmap, app.store.progress());
            }
        }
    }
    Effect::None
}

fn switcher(app: &mut App, action: &Action) -> Effect {
    let area = app.area();
    let Overlay::Switcher(s) = &mut app.overlay else {
        return Effect::None;
    };
    let len = s.rows.len();
    let page = isize::try_from(layout::switcher_rows(area, len).max(1)).unwrap_or(isize::MAX);
    match action {
        Action::Up => s.selected = moved(s.selected, -1, len),
        Action::Down => s.selected = moved(s.selected, 1, len),
        Action::Top => s.selected = 0,
        Action::Bottom => s.selected = len.saturating_sub(1),
        Action::PageUp => s.selected = moved(s.selected, -page, len),
        Action::PageDown => s.selected = moved(s.selected, page, len),
        Action::Confirm => return switch_to(app),
        // On the first-run picker only `q` (Quit) leaves; Esc does nothing.
        Action::Cancel if app.current.is_some() => app.overlay = Overlay::None,
        Action::OpenHelp => return open_help(app),
        _ => {}
    }
    Effect::None
}

/// Opens the roadmap chosen in the switcher, keeping the place in the old one.
fn switch_to(app: &mut App) -> Effect {
    let Overlay::Switcher(s) = &app.overlay else {
        return Effect::None;
    };
    let Some(target) = s.chosen().filter(|&i| i < app.catalog.entries.len()) else {
        return Effect::None;
    };
    app.overlay = Overlay::None;
    app.remember_place();
    if app.current != Some(target) {
        app.open_roadmap(target);
    }
    app.remember_place();
    let title = app.catalog.entries[target].roadmap.title.clone();
    app.info(format!("Opened “{title}”"));
    Effect::KeepPlace
}

/// A click focuses the pane under it and selects the row (in the switcher,
/// clicking the chosen row again opens it).
fn click(app: &mut App, at: Position) -> Effect {
    let area = app.area();
    let areas = layout::layout(app, area);
    if let Overlay::Switcher(s) = &mut app.overlay {
        let list = layout::switcher_list_area(area, s.rows.len());
        if list.contains(at) {
            let row = s.offset + usize::from(at.y - list.y);
            if row < s.order.len() {
                if row == s.selected {
                    app.message = None;
                    return switch_to(app);
                }
                s.selected = row;
            }
        }
        return Effect::None;
    }
    if !matches!(app.overlay, Overlay::None) || app.current.is_none() {
        return Effect::None;
    }
    let Some(pane) = areas.pane_at(at) else {
        return Effect::None;
    };
    app.focus = pane;
    let Some(row) = areas.row_in(pane, at) else {
        return Effect::None;
    };
    match pane {
        Pane::Phases => {
            let len = app.roadmap().map_or(0, |r| r.phases.len());
            let index = app.offsets.phases + row;
            if index < len {
                app.select_phase(index);
            }
        }
        Pane::Skills => {
            let len = app.current_phase().map_or(0, |p| p.skills.len());
            let index = app.offsets.skills + row;
            if index < len {
                app.select_skill(index);
            }
        }
        Pane::Details => {
            let content = content::details::content(app, areas.details_width());
            let line = app.offsets.details + row;
            if let Some(p) = content
                .projects
                .iter()
                .position(|&(start, end)| (start..end).contains(&line))
            {
                app.project = p;
            }
        }
    }
    Effect::None
}

/// The wheel moves the selection of the list under the pointer, or scrolls
/// the details or the help.
fn scroll(app: &mut App, at: Position, down: bool) -> Effect {
    let delta: isize = if down { 1 } else { -1 };
    match &mut app.overlay {
        Overlay::Switcher(s) => s.selected = moved(s.selected, delta, s.rows.len()),
        Overlay::Search(s) => s.selected = moved(s.selected, delta, s.matches.len()),
        Overlay::Help { scroll, .. } | Overlay::Info { scroll } => {
            *scroll = scroll.saturating_add_signed(3 * delta);
        }
        Overlay::Plan(view) if view.editor.is_none() => {
            view.scroll = view.scroll.saturating_add_signed(3 * delta);
        }
        Overlay::None => {
            let areas = layout::layout(app, app.area());
            let Some(pane) = areas.pane_at(at) else {
                return Effect::None;
            };
            if pane == Pane::Details {
                app.offsets.details = app.offsets.details.saturating_add_signed(3 * delta);
            } else {
                let focus = app.focus;
                app.focus = pane;
                step(app, delta);
                app.focus = focus;
            }
        }
        _ => {}
    }
    Effect::None
}

mod plan;
mod popups;
mod quit;
#[cfg(test)]
mod tests;
mod timer;
