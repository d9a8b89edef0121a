//! Snapshots of the TUI's screens and states at one size each, drawn with
//! ratatui's `TestBackend` on a fixed date and fixed timestamps: the first
//! run, the main screen, overlays and editors, broken files, narrow and
//! tiny terminals, and the stats screen with no, one day's and years of
//! history.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossterm::event::KeyCode;
use trailmark::catalog::{Catalog, Sources};
use trailmark::progress::Status;
use trailmark::roadmap::Roadmap;

#[path = "support/tui_app.rs"]
mod tui_app;
use tui_app::*;

#[test]
fn first_run_opens_the_picker() {
    let mut f = fixture(|_, _| {});
    insta::assert_snapshot!(screen(&mut f.app, 100, 24));
}

#[test]
fn help_over_the_first_run_picker_shows_nothing_of_what_is_behind_the_picker() {
    for (width, height) in [(80, 24), (140, 40), (200, 60)] {
        let mut f = fixture(|_, _| {});
        keys(&mut f.app, "?");
        let text = screen(&mut f.app, width, height);
        assert!(text.contains("Help"), "{text}");
        assert!(!text.contains("Welcome"), "{width}×{height}:\n{text}");
    }
}

#[test]
fn a_roadmap_without_a_pace_never_claims_one() {
    let mut f = fixture(|_, p| p.legacy.last_roadmap = Some("backend-three-stages".into()));
    let text = screen(&mut f.app, 200, 30);
    assert!(text.contains("(the roadmap's)"), "{text}");
    assert!(!text.contains("at its pace"), "{text}");
    keys(&mut f.app, "i");
    let text = screen(&mut f.app, 120, 30);
    assert!(
        text.contains("Pace not stated (its weeks count as they are)"),
        "{text}"
    );
    assert!(!text.contains("no finish date"), "{text}");
}

#[test]
fn main_screen() {
    let mut f = fixture(some_progress);
    press(&mut f.app, KeyCode::Tab);
    keys(&mut f.app, "jjj");
    insta::assert_snapshot!(screen(&mut f.app, 120, 36));
}

#[test]
fn main_screen_on_the_details_with_projects() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "j");
    press(&mut f.app, KeyCode::Tab);
    press(&mut f.app, KeyCode::Tab);
    insta::assert_snapshot!(screen(&mut f.app, 120, 36));
}

/// An article's "1 month" stays in months in the details, with the share of
/// the stage's time that the forecasts count for it.
#[test]
fn details_keep_the_articles_unit() {
    let mut f = fixture(|_, p| p.legacy.last_roadmap = Some("backend-three-stages".to_owned()));
    keys(&mut f.app, "j");
    press(&mut f.app, KeyCode::Tab);
    let text = screen(&mut f.app, 120, 30);
    assert!(
        text.contains("Estimate 1 month (≈4.3 weeks); counted as"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn switcher() {
    let mut f = fixture(|c, p| {
        some_progress(c, p);
        tick(c, p, "backend-burger", "git", Status::Done, days_ago(1));
    });
    keys(&mut f.app, "rj");
    insta::assert_snapshot!(screen(&mut f.app, 120, 30));
}

#[test]
fn help_overlay() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "?");
    insta::assert_snapshot!(screen(&mut f.app, 110, 60));
}

#[test]
fn help_overlay_narrow_and_scrolled() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "?jjjjj");
    insta::assert_snapshot!(screen(&mut f.app, 60, 20));
}

#[test]
fn search() {
    let mut f = fixture(some_progress);
    keys(&mut f.app, "/test");
    press(&mut f.app, KeyCode::Down);
    insta::assert_snapshot!(screen(&mut f.app, 100, 30));
}

#[test]
fn note_editor() {
    let mut f = fixture(some_progress);
    press(&mut f.app, KeyCode::Tab);
    keys(&mut f.app, "jjjn more: heaps");
    press(&mut f.app, KeyCode::Left);
    insta::assert_snapshot!(screen(&mut f.app, 100, 30));
}

#[test]
fn estimate_editor_with_an_invalid_estimate() {
    let mut f = fixture(some_progress);
    press(&mut f.app, KeyCode::Enter);
    keys(&mut f.app, "e3 days");
    press(&mut f.app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&mut f.app, 100, 30));
}

/// The estimate editor names the roadmap the estimate is for, and refuses
/// a zero with advice for the learner typing (not for a roadmap file).
#[test]
fn estimate_editor_names_its_roadmap_and_refuses_zero_in_a_learners_words() {
    let mut f = fixture(some_progress);
    press(&mut f.app, KeyCode::Enter);
    keys(&mut f.app, "e0");
    press(&mut f.app, KeyCode::Enter);
    let text = screen(&mut f.app, 80, 24);
    assert!(text.contains("for backend-six-phases only"), "{text}");
    assert!(!text.contains("leave `estimate` out"), "{text}");
    insta::assert_snapshot!(text);
}

/// A first run with a broken roadmap file of the learner's: the picker,
/// which covers the banner, says so itself.
#[test]
fn first_run_picker_names_a_roadmap_file_that_did_not_load() {
    let mut catalog = Catalog::load(&Sources::bundled_only());
    let bad = "id: mine\ntitle: Mine\nphases: [\n";
    catalog.errors.push(
        Roadmap::from_yaml_str(bad, "/home/learner/.config/trailmark/roadmaps/mine.yaml")
            .unwrap_err(),
    );
    let mut f = fixture_on(catalog, |_, _| {});
    let text = screen(&mut f.app, 80, 24);
    assert!(
        text.contains("⚠ A roadmap file did not load: mine.yaml:3:"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn corrupt_progress_asks_first() {
    let mut app = broken();
    insta::assert_snapshot!(screen(&mut app, 100, 30));
}

#[test]
fn error_banner() {
    let mut app = broken();
    keys(&mut app, "n");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, " ");
    insta::assert_snapshot!(screen(&mut app, 100, 30));
}

#[test]
fn narrow_terminal_folds_to_two_panes() {
    let mut f = fixture(some_progress);
    insta::assert_snapshot!("narrow_phases", screen(&mut f.app, 60, 20));
    press(&mut f.app, KeyCode::Tab);
    insta::assert_snapshot!("narrow_skills", screen(&mut f.app, 60, 20));
}

#[test]
fn very_narrow_terminal_shows_one_pane() {
    let mut f = fixture(some_progress);
    press(&mut f.app, KeyCode::Tab);
    insta::assert_snapshot!(screen(&mut f.app, 40, 16));
}

#[test]
fn tiny_terminal_says_so() {
    let mut f = fixture(some_progress);
    insta::assert_snapshot!(screen(&mut f.app, 10, 3));
}

#[test]
fn stats_with_no_history() {
    let mut f = fixture(|_, p| p.legacy.last_roadmap = Some("backend-six-phases".into()));
    keys(&mut f.app, "t");
    insta::assert_snapshot!(screen(&mut f.app, 120, 36));
}

#[test]
fn stats_with_one_day_of_history() {
    let mut f = fixture(|c, p| {
        p.legacy.last_roadmap = Some("backend-six-phases".into());
        tick(
            c,
            p,
            "backend-six-phases",
            "variables",
            Status::Done,
            days_ago(0),
        );
        tick(
            c,
            p,
            "backend-six-phases",
            "control-flow",
            Status::Done,
            days_ago(0),
        );
    });
    keys(&mut f.app, "t");
    insta::assert_snapshot!(screen(&mut f.app, 120, 36));
}

#[test]
fn stats_with_years_of_history() {
    let mut f = fixture(long_history);
    keys(&mut f.app, "t");
    insta::assert_snapshot!("stats_long_wide", screen(&mut f.app, 120, 40));
    insta::assert_snapshot!("stats_long_narrow", screen(&mut f.app, 70, 40));
}
