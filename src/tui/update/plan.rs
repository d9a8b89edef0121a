//! The plan view's keys (`w`): scrolling, and the target date editor (`d`)
//! that sets or clears the open roadmap's target date, saved like any change.

use super::edit_text;
use super::popups::open_help;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, EditKind, Editor, Overlay};
use crate::tui::editor::LineEditor;
use crate::tui::layout;

/// `w`: opens the plan of the open roadmap.
pub(super) fn open_plan(app: &mut App) -> Effect {
    app.overlay = Overlay::Plan(Box::new(app.plan_view()));
    Effect::None
}

/// Reads a target date as `trailmark target` does: YYYY-MM-DD.
pub fn parse_target(text: &str) -> Result<chrono::NaiveDate, String> {
    crate::roadmap::parse_date(text.trim()).ok_or_else(|| {
        format!(
            "“{}” is not a date; write the day to finish by as YYYY-MM-DD, e.g. 2027-06-30",
            text.trim()
        )
    })
}

pub(super) fn plan(app: &mut App, action: Action) -> Effect {
    let page = layout::help_rows(app.area()).max(1);
    let target = app
        .roadmap()
        .and_then(|r| app.store.progress().target_date(&r.id));
    let Overlay::Plan(view) = &mut app.overlay else {
        return Effect::None;
    };
    if let Some(ed) = &mut view.editor {
        match action {
            Action::Cancel => view.editor = None,
            Action::Confirm => return save_target(app),
            other => {
                if edit_text(&mut ed.input, other) {
                    ed.error = None;
                }
            }
        }
        return Effect::None;
    }
    match action {
        Action::Up => view.scroll = view.scroll.saturating_sub(1),
        Action::Down => view.scroll += 1,
        Action::PageUp => view.scroll = view.scroll.saturating_sub(page),
        Action::PageDown => view.scroll += page,
        Action::Top => view.scroll = 0,
        Action::Bottom => view.scroll = usize::MAX,
        Action::Cancel => app.overlay = Overlay::None,
        Action::OpenHelp => return open_help(app),
        Action::EditTarget => {
            // A date already set is offered for editing; else an empty field
            // (a prefilled today would take typing after it, and Enter at
            // once would set a target of today).
            let text = target.map(|t| t.to_string()).unwrap_or_default();
            view.editor = Some(Editor {
                kind: EditKind::Target,
                place: None,
                input: LineEditor::new(&text),
                error: None,
            });
        }
        _ => {}
    }
    Effect::None
}

/// Enter in the target date editor: sets (or, when empty, clears) the date
/// and shows the plan again with it.
fn save_target(app: &mut App) -> Effect {
    let Overlay::Plan(view) = &mut app.overlay else {
        return Effect::None;
    };
    let Some(ed) = &mut view.editor else {
        return Effect::None;
    };
    let text = ed.input.text().trim().to_owned();
    let to = if text.is_empty() {
        None
    } else {
        match parse_target(&text) {
            Ok(d) => Some(d),
            Err(err) => {
                ed.error = Some(err);
                return Effect::None;
            }
        }
    };
    let Some(id) = app.roadmap().map(|r| r.id.clone()) else {
        return Effect::None;
    };
    let now = app.now;
    let changed = app.store.progress_mut().set_target_date(&id, to, now);
    let scroll = match &app.overlay {
        Overlay::Plan(v) => v.scroll,
        _ => 0,
    };
    let mut view = app.plan_view();
    view.scroll = scroll;
    app.overlay = Overlay::Plan(Box::new(view));
    if !changed {
        app.info("Nothing changed");
        return Effect::None;
    }
    match to {
        Some(d) => app.info(format!("Target date: {d}")),
        None => app.info("The target date is cleared"),
    }
    Effect::Save
}
