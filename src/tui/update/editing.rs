//! The one-line editor for a note or an own estimate: opening it on the
//! selected skill, typing, and saving what parses (or saying why not).

use super::edits::change;
use super::plan;
use super::popups::{open_help, open_pace_editor, save_pace};
use crate::estimate;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, EditKind, Editor, Overlay};
use crate::tui::editor::LineEditor;
use crate::tui::undo::{Change, Edit};

pub(super) fn open_editor(app: &mut App, kind: EditKind) -> Effect {
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
pub(super) fn edit_text(input: &mut LineEditor, action: Action) -> bool {
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

pub(super) fn editor(app: &mut App, action: Action) -> Effect {
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
pub(super) fn save_edit(app: &mut App) -> Effect {
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
