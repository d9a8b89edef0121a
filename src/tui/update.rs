//! `update`: the one place the app's state changes. It is pure: it edits the
//! state and the in-memory progress and returns an [`Effect`] (save, quit,
//! recover) for the event loop to carry out, so every binding is tested here
//! without a terminal.
//!
//! - here: the dispatch by popup, the main screen's keys and moving in lists.
//! - `edits`: statuses, project ideas, undo and redo; `editing`: the note
//!   and estimate editor; `search`: the search and the switcher.
//! - `mouse`: clicks and the wheel; `popups`: help, info, stats, recovery,
//!   pace and resources; `plan`, `timer`, `quit`: their views and prompts.

use ratatui::layout::{Position, Size};

use super::action::{Action, Effect};
use super::app::{App, EditKind, Overlay, Pane};
use super::layout;
use super::search::Search;
use crate::progress::Status;
use editing::{edit_text, editor, open_editor};
use edits::{choose_project, cycle_project, redo, set_status, undo};
use mouse::{click, scroll};
pub use plan::parse_target;
pub use popups::parse_pace;
use popups::{choose_resource, open_pace_editor, open_resource};
use popups::{confirm, help, info, open_help, stats};
use quit::{confirm_quit, quit};
use search::{search, switcher};

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
///
/// Over 60 lines on purpose: one flat arm per main-screen action, so the
/// map from action to handler reads in one place; each arm is a call or a
/// line or two.
fn main(app: &mut App, action: &Action) -> Effect {
    if app.current.is_none() {
        return Effect::None;
    }
    let skill_key = matches!(
        action,
        Action::ToggleDone | Action::SetStatus(_) | Action::EditNote | Action::EditEstimate
    );
    if skill_key && !app.skill_on_screen() {
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

mod editing;
mod edits;
mod mouse;
mod plan;
mod popups;
mod quit;
mod search;
#[cfg(test)]
mod tests;
mod timer;
