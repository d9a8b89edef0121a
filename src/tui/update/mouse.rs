//! The mouse: a click selects the pane and row under it (or the project
//! idea in the details, or a roadmap in the switcher); the wheel scrolls.

use ratatui::layout::Position;

use super::search::switch_to;
use super::{moved, step};
use crate::tui::action::Effect;
use crate::tui::app::{App, Overlay, Pane};
use crate::tui::content;
use crate::tui::layout;

/// A click focuses the pane under it and selects the row (in the switcher,
/// clicking the chosen row again opens it).
pub(super) fn click(app: &mut App, at: Position) -> Effect {
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
pub(super) fn scroll(app: &mut App, at: Position, down: bool) -> Effect {
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
