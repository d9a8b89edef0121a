//! Snapshots of every changed TUI screen at the three sizes a learner is
//! likely to use (80x24, 100x30, 140x40), drawn with ratatui's
//! `TestBackend` on a fixed date and fixed timestamps. The other screens'
//! snapshots are in `tui_screens.rs`; the size sweep that checks nothing
//! panics, control sequences and `NO_COLOR` in `tui_drawing.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use trailmark::tui::action::Action;
use trailmark::tui::app::App;
use trailmark::tui::keys;
use trailmark::tui::update::update;

#[path = "support/tui_app.rs"]
mod tui_app;
use tui_app::*;

/// The three sizes every changed screen is checked at: the most common
/// terminal, a medium one and a large one.
const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (140, 40)];

/// Snapshots a screen at each of [`SIZES`], named `name_WxH`.
fn at_sizes(app: &mut App, name: &str) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(app, w, h));
    }
}

#[test]
fn sized_picker_with_details_of_the_most_complete_roadmap() {
    let mut f = fixture(|_, _| {});
    at_sizes(&mut f.app, "picker");
}

#[test]
fn sized_main_screen_skills() {
    let mut f = fixture(some_progress);
    press(&mut f.app, KeyCode::Tab);
    keys(&mut f.app, "jjj");
    at_sizes(&mut f.app, "main_skills");
}

#[test]
fn sized_main_screen_phases_show_the_phase_summary() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "j");
    at_sizes(&mut f.app, "main_phases");
}

#[test]
fn sized_details_with_links_and_a_note_mark() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "jj");
    press(&mut f.app, KeyCode::Enter);
    keys(&mut f.app, "j");
    at_sizes(&mut f.app, "details_links");
}

#[test]
fn sized_info_view() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "i");
    at_sizes(&mut f.app, "info");
}

#[test]
fn sized_help_leaves_the_footer() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "?");
    at_sizes(&mut f.app, "help");
}

#[test]
fn sized_pace_editor() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "P");
    at_sizes(&mut f.app, "pace_editor");
}

#[test]
fn sized_search_shows_status_and_finds_notes() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "/big-o");
    at_sizes(&mut f.app, "search_notes");
}

#[test]
fn sized_stats() {
    let mut f = fixture(|c, p| {
        some_progress(c, p);
        long_history(c, p);
    });
    keys(&mut f.app, "t");
    at_sizes(&mut f.app, "stats");
}

/// The plan view (`w`): this week highlighted, the weeks at the learner's 10
/// h/week, the target date's line where it falls and the weeks after it
/// marked behind.
#[test]
fn sized_plan_with_a_target_date() {
    let mut f = fixture(|c, p| {
        some_progress(c, p);
        p.set_target_date(
            "backend-six-phases",
            NaiveDate::from_ymd_opt(2026, 5, 31),
            days_ago(1),
        );
    });
    keys(&mut f.app, "w");
    at_sizes(&mut f.app, "plan");
    // Scrolled to the end: the last weeks, after the target.
    update(
        &mut f.app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    press(&mut f.app, KeyCode::End);
    insta::assert_snapshot!("plan_scrolled_to_the_end", screen(&mut f.app, 80, 24));
}

/// The target date editor over the plan, refusing a date that is not one.
#[test]
fn plan_target_editor_with_a_bad_date() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "wd");
    let clear = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    let action = keys::map_event(f.app.ctx(), &clear).unwrap();
    update(&mut f.app, action);
    keys(&mut f.app, "30/06/2026");
    press(&mut f.app, KeyCode::Enter);
    insta::assert_snapshot!("plan_target_editor_80x24", screen(&mut f.app, 80, 24));
}
