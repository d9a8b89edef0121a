//! Saving, the quit prompt, the place in each roadmap and the live view, as
//! the app's state sees them (the event loop's side is in `tests/tui_e2e.rs`).

use crossterm::event::{KeyCode, KeyModifiers};

use super::{ch, fresh, now, opened, press, press_with, today};
use crate::catalog::{BUNDLED, Catalog, Sources};
use crate::progress::{ProgressError, Status, Store};
use crate::roadmap::{LoadError, Problem, Roadmap};
use crate::state::{Focus, Places};
use crate::tui::Launch;
use crate::tui::action::Effect;
use crate::tui::app::{App, Overlay, Pane, Pending};
use crate::tui::keys::Ctx;
use crate::tui::theme::Theme;

fn failed() -> ProgressError {
    ProgressError::Io {
        path: "/x/progress.yaml".into(),
        action: "replace the progress file",
        source: std::io::Error::other("disk full"),
    }
}

#[test]
fn a_failed_save_is_pending_until_a_save_succeeds() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Tab);
    assert_eq!(ch(app, ' '), Effect::Save);
    app.save_failed(&failed());
    let pending = app.pending.clone().unwrap();
    assert!(pending.reason.contains("disk full"), "{pending:?}");
    assert!(!pending.recoverable);
    let text = &app.message.as_ref().unwrap().text;
    assert!(text.starts_with("Not saved: "), "{text}");
    assert!(text.contains("saved again with your next change"), "{text}");
    // The change stays in memory.
    let r = app.roadmap().unwrap();
    let s = app.current_skill().unwrap();
    assert_eq!(app.store.progress().status(&r.id, s), Status::Done);
    app.saved();
    assert_eq!(app.pending, None);
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Saved the changes that were pending"
    );
}

#[test]
fn the_quit_prompt_never_drops_changes_by_accident() {
    let mut f = opened();
    let app = &mut f.app;
    app.save_failed(&failed());
    app.ask_quit();
    assert_eq!(app.ctx(), Ctx::QUIT);
    assert_eq!(
        super::update(app, crate::tui::action::Action::Quit),
        Effect::None,
        "quitting again does not drop them"
    );
    assert_eq!(
        press_with(app, KeyCode::Char('c'), KeyModifiers::CONTROL),
        Effect::None
    );
    assert!(matches!(app.overlay, Overlay::ConfirmQuit));
    assert_eq!(ch(app, 'm'), Effect::None, "moving aside cannot help here");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("would not help")
    );
    assert_eq!(press(app, KeyCode::Esc), Effect::None);
    assert!(matches!(app.overlay, Overlay::None));
    assert!(app.pending.is_some(), "still pending after Esc");
    app.ask_quit();
    assert_eq!(ch(app, 'r'), Effect::Quit);
    app.ask_quit();
    assert_eq!(ch(app, 'd'), Effect::QuitUnsaved);
    app.pending = Some(Pending {
        reason: "corrupt".into(),
        recoverable: true,
    });
    app.ask_quit();
    assert_eq!(ch(app, 'm'), Effect::RecoverThenQuit);
}

#[test]
fn ctrl_z_suspends() {
    let mut f = opened();
    assert_eq!(
        press_with(&mut f.app, KeyCode::Char('z'), KeyModifiers::CONTROL),
        Effect::Suspend
    );
}

#[test]
fn each_roadmap_keeps_its_phase_skill_and_pane() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'j');
    press(app, KeyCode::Tab);
    ch(app, 'j');
    ch(app, 'r');
    ch(app, 'j');
    assert_eq!(press(app, KeyCode::Enter), Effect::KeepPlace);
    assert_eq!(
        app.focus,
        Pane::Phases,
        "a roadmap never opened starts at the phases"
    );
    ch(app, 'r');
    ch(app, 'k');
    press(app, KeyCode::Enter);
    assert_eq!((app.phase, app.skill, app.focus), (1, 1, Pane::Skills));
    let place = &app.places.roadmaps["backend-burger"];
    assert_eq!(place.focus, Some(Focus::Skills));
}

fn launch_with(places: Places) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let launch = Launch {
        catalog: Catalog::load(&Sources::bundled_only()),
        store: Store::open(path.clone()),
        data_path: path,
        places: Some(places),
    };
    (dir, App::new(launch, now(), today(), Theme::COLOR))
}

#[test]
fn a_roadmap_opened_last_that_is_gone_is_named() {
    let (_dir, app) = launch_with(Places {
        last_roadmap: Some("my-own-roadmap".into()),
        ..Places::default()
    });
    assert_eq!(app.current, None);
    assert!(matches!(app.overlay, Overlay::Switcher(_)));
    let text = &app.message.as_ref().unwrap().text;
    assert!(
        text.contains("“my-own-roadmap”, the roadmap open last, is gone"),
        "{text}"
    );
    // The picker covers the message line, so it says it itself.
    let mut app = app;
    crate::tui::update::update(
        &mut app,
        crate::tui::action::Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let area = app.area();
    let mut buf = ratatui::buffer::Buffer::empty(area);
    ratatui::widgets::Widget::render(&app, area, &mut buf);
    // Every row as text, the rows joined by spaces as wrapped lines read.
    let rows: Vec<String> = (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim()
                .to_owned()
        })
        .collect();
    let text = rows.join(" ");
    // Whole, on the message line under the picker (not cut to its legend).
    assert!(
        text.contains(
            "“my-own-roadmap”, the roadmap open last, is gone (its file was removed, renamed or broken); pick one"
        ),
        "{}",
        rows.join("\n")
    );
    assert!(
        rows[rows.len() - 1].contains("q quit"),
        "{}",
        rows.join("\n")
    );
}

#[test]
fn the_state_file_wins_over_a_version_1_place() {
    let mut places = Places {
        last_roadmap: Some("backend-ten-steps".into()),
        ..Places::default()
    };
    places.roadmaps.insert(
        "backend-ten-steps".into(),
        crate::state::Place {
            phase: None,
            skill: None,
            focus: Some(Focus::Details),
        },
    );
    let (_dir, app) = launch_with(places);
    assert_eq!(app.roadmap().unwrap().id, "backend-ten-steps");
    assert_eq!(app.focus, Pane::Details);
    assert_eq!(app.message, None);
}

#[test]
fn an_edited_roadmap_reloads_and_a_broken_one_keeps_the_last_good_model() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'j');
    let text = BUNDLED[0].text;
    let title = Roadmap::from_yaml_str(text, "x").unwrap().title;
    let file = app.catalog.entries[0].file.clone();
    let broken = LoadError::Invalid {
        file: file.clone(),
        problems: vec![Problem {
            line: Some(3),
            column: Some(1),
            place: String::new(),
            message: "a test".into(),
        }],
    };
    assert!(app.roadmap_reloaded(0, Err(broken)));
    assert_eq!(app.load_errors.len(), 1);
    assert!(app.load_errors[0].starts_with(&format!("{file}:3:1")));
    assert!(app.load_errors[0].contains("still showing the version loaded before"));
    assert_eq!(app.roadmap().unwrap().title, title);
    assert_eq!(app.phase, 1);

    let edited = text.replacen(&title, "Renamed roadmap", 1);
    let roadmap = Roadmap::from_yaml_str(&edited, &file).unwrap();
    assert!(app.roadmap_reloaded(0, Ok(roadmap)));
    assert!(
        app.load_errors.is_empty(),
        "the fixed file clears its banner"
    );
    assert_eq!(app.roadmap().unwrap().title, "Renamed roadmap");
    assert_eq!(app.phase, 1, "the place is kept");
}

#[test]
fn another_copys_changes_are_shown_and_a_broken_file_is_said() {
    let mut f = fresh();
    press(&mut f.app, KeyCode::Enter);
    let app = &mut f.app;
    let path = app.store.path().to_owned();
    let mut other = Store::open(path.clone()).unwrap();
    let id = app.roadmap().unwrap().id.clone();
    let skill = app.current_skill().unwrap().clone();
    other
        .update(|p| p.set_status(&id, &skill, Status::Done, now()))
        .unwrap();
    let result = app.store.refresh();
    assert!(app.progress_reloaded(result));
    assert_eq!(app.view.summary.overall.counts.done, 1);
    std::fs::write(&path, "skills: [").unwrap();
    let result = app.store.refresh();
    assert!(app.progress_reloaded(result));
    let text = &app.message.as_ref().unwrap().text;
    assert!(text.contains("cannot be read now"), "{text}");
    assert_eq!(app.view.summary.overall.counts.done, 1, "the view is kept");
}
