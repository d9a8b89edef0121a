//! Snapshots of the screens about saving and the place in each roadmap: the
//! pending marker after a failed save, the quit prompt, and the note when the
//! roadmap opened last is gone. Drawn with `TestBackend` on a fixed clock.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use trailmark::catalog::{Catalog, Sources};
use trailmark::progress::{ProgressError, Store};
use trailmark::state::Places;
use trailmark::tui::Launch;
use trailmark::tui::action::Action;
use trailmark::tui::app::{App, Pending};
use trailmark::tui::theme::Theme;
use trailmark::tui::update::update;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 18, 30, 0).unwrap()
}

fn app(dir: &tempfile::TempDir, last: &str) -> App {
    let path = dir.path().join("progress.yaml");
    let launch = Launch {
        catalog: Catalog::load(&Sources::bundled_only()),
        store: Store::open(path.clone()),
        data_path: path,
        places: Some(Places {
            last_roadmap: Some(last.to_owned()),
            ..Places::default()
        }),
    };
    App::new(launch, now(), today(), Theme::COLOR)
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    update(app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&*app, frame.area()))
        .unwrap();
    terminal.backend().to_string()
}

fn failed_save(app: &mut App) {
    let err = ProgressError::Corrupt {
        path: "/home/me/progress.yaml".into(),
        line: Some(2),
        column: Some(9),
        message: "did not find expected node content".into(),
    };
    app.save_failed(&err);
}

#[test]
fn a_failed_save_is_marked_pending() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&dir, "backend-six-phases");
    failed_save(&mut app);
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("not saved, retrying with next change"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn quitting_with_unsaved_changes_asks() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&dir, "backend-six-phases");
    failed_save(&mut app);
    app.ask_quit();
    insta::assert_snapshot!("quit_prompt_80x24", screen(&mut app, 80, 24));
    insta::assert_snapshot!("quit_prompt_120x40", screen(&mut app, 120, 40));
    app.pending = Some(Pending {
        reason: "/home/me/progress.yaml: cannot replace the progress file: disk full".into(),
        recoverable: false,
    });
    let text = screen(&mut app, 80, 24);
    assert!(!text.contains("move the file aside"), "{text}");
    assert!(text.contains("quit without them"), "{text}");
}

#[test]
fn a_roadmap_opened_last_that_is_gone_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&dir, "my-own-roadmap");
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn the_prompts_fit_every_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&dir, "backend-six-phases");
    failed_save(&mut app);
    app.ask_quit();
    for width in [1, 10, 30, 60, 200] {
        for height in [1, 5, 12, 24, 60] {
            screen(&mut app, width, height);
        }
    }
}
