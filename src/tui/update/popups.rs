//! The popups' keys and the smaller things the main screen opens: help
//! (over whatever was open), roadmap info, stats, the recovery prompt, the
//! pace editor and the skill's links.

use super::moved;
use crate::forecast::PaceSource;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, EditKind, Editor, Overlay};
use crate::tui::editor::LineEditor;
use crate::tui::layout;

/// Opens the help over whatever is open, which comes back when it closes.
pub(super) fn open_help(app: &mut App) -> Effect {
    let under = std::mem::replace(&mut app.overlay, Overlay::None);
    let under = (!matches!(under, Overlay::None)).then(|| Box::new(under));
    app.overlay = Overlay::Help { scroll: 0, under };
    Effect::None
}

pub(super) fn choose_resource(app: &mut App, delta: isize) -> Effect {
    let count = app.skill_links().count();
    if count == 0 {
        app.info("This skill has no links");
        return Effect::None;
    }
    app.resource = moved(app.resource, delta, count);
    Effect::None
}

/// `o`: asks the loop to open the chosen link (never opened from here).
pub(super) fn open_resource(app: &mut App) -> Effect {
    let Some(url) = app.skill_links().nth(app.resource).map(str::to_owned) else {
        app.info("This skill has no links");
        return Effect::None;
    };
    app.info(format!("Opening {url}"));
    Effect::Open(url)
}

pub(super) fn open_pace_editor(app: &mut App) -> Effect {
    let text = app
        .store
        .progress()
        .pace_hours_per_week()
        .map(|h| h.to_string())
        .unwrap_or_default();
    app.overlay = Overlay::Editor(Editor {
        kind: EditKind::Pace,
        place: None,
        input: LineEditor::new(&text),
        error: None,
    });
    Effect::None
}

pub use crate::numbers::parse_pace;

/// Enter in the pace editor: sets (or, when empty, clears) the weekly
/// hours, saved like any change.
pub(super) fn save_pace(app: &mut App) -> Effect {
    let Overlay::Editor(ed) = &mut app.overlay else {
        return Effect::None;
    };
    let text = ed.input.text().trim().to_owned();
    let to = if text.is_empty() {
        None
    } else {
        match parse_pace(&text) {
            Ok(h) => Some(h),
            Err(err) => {
                ed.error = Some(err);
                return Effect::None;
            }
        }
    };
    app.overlay = Overlay::None;
    if app.store.progress().pace_hours_per_week() == to {
        app.info("Nothing changed");
        return Effect::None;
    }
    let (now, roadmap) = (app.now, app.roadmap().map(|r| r.id.clone()));
    app.store
        .progress_mut()
        .set_pace(to, roadmap.as_deref(), now);
    app.refresh();
    let measured = app
        .view
        .forecast
        .pace
        .filter(|p| p.source == PaceSource::Measured);
    match (to, measured) {
        (Some(h), Some(m)) => app.info(format!(
            "Your pace is now {h} hours per week; the {} h/week you logged lately counts first while there is one",
            m.hours()
        )),
        (Some(h), None) => app.info(format!(
            "Your pace is now {h} hours per week: weeks left and the finish date follow it"
        )),
        (None, _) => app.info("Your pace is cleared"),
    }
    Effect::Save
}

pub(super) fn help(app: &mut App, action: &Action) -> Effect {
    let page = layout::help_rows(app.area()).max(1);
    let Overlay::Help { scroll, under } = &mut app.overlay else {
        return Effect::None;
    };
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll += 1,
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::PageDown => *scroll += page,
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = usize::MAX,
        Action::Cancel => {
            app.overlay = under.take().map_or(Overlay::None, |o| *o);
        }
        _ => {}
    }
    Effect::None
}

pub(super) fn info(app: &mut App, action: &Action) -> Effect {
    let Overlay::Info { scroll } = &mut app.overlay else {
        return Effect::None;
    };
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll += 1,
        Action::Cancel => app.overlay = Overlay::None,
        Action::OpenHelp => return open_help(app),
        Action::OpenResource => {
            let Some(url) = app.roadmap().and_then(|r| r.source.url.clone()) else {
                app.info("The source gives no link");
                return Effect::None;
            };
            app.info(format!("Opening {url}"));
            return Effect::Open(url);
        }
        _ => {}
    }
    Effect::None
}

pub(super) fn stats(app: &mut App, action: &Action) -> Effect {
    match action {
        Action::Cancel => app.overlay = Overlay::None,
        Action::OpenHelp => return open_help(app),
        _ => {}
    }
    Effect::None
}

pub(super) fn confirm(app: &mut App, action: &Action) -> Effect {
    match action {
        Action::Yes => {
            app.overlay = Overlay::None;
            Effect::Recover
        }
        Action::No => {
            app.overlay = Overlay::None;
            app.info("The progress file was left alone; changes are not saved until it is fixed (R to move it aside)");
            app.open_picker_if_needed();
            Effect::None
        }
        _ => Effect::None,
    }
}
