//! The search (`/`) and the roadmap switcher (`r`): typing, moving through
//! the matches or roadmaps, and jumping to the one chosen.

use super::editing::edit_text;
use super::moved;
use super::popups::open_help;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Overlay, Pane};
use crate::tui::layout;

pub(super) fn search(app: &mut App, action: Action) -> Effect {
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

pub(super) fn switcher(app: &mut App, action: &Action) -> Effect {
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
pub(super) fn switch_to(app: &mut App) -> Effect {
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
