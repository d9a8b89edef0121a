//! The real binary in a pseudo-terminal: first run, pick a roadmap, tick a
//! skill, switch variant, quit; then the screen and the progress file are
//! checked.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/pty.rs"]
mod pty;

use pty::Session;
use trailmark::progress::{Status, Store};

#[test]
fn pick_tick_switch_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path());

    s.wait_for("Pick a roadmap");
    assert!(s.screen.lock().unwrap().screen().alternate_screen());
    s.keys("\r");
    s.wait_for("variant 1 of 8");
    s.wait_for("Understand your why");

    // Focus the skills and tick the first one.
    s.keys("\t ");
    let screen = s.wait_for("todo → done");
    assert!(screen.contains("[x]   Knowing your goal"), "{screen}");
    assert!(screen.contains("1/12 done"), "{screen}");

    // Switch to the next variant.
    s.keys("r");
    s.wait_for("Roadmaps");
    s.keys("j\r");
    let screen = s.wait_for("variant 2 of 8");
    assert!(
        screen.contains("Comprehensive Backend Roadmap in Eleven Points"),
        "{screen}"
    );

    s.keys("q");
    assert!(s.wait_exit().success());
    assert!(
        !s.screen.lock().unwrap().screen().alternate_screen(),
        "the terminal is restored"
    );

    let store = Store::open(dir.path().join("data/progress.yaml")).unwrap();
    let progress = store.progress();
    assert_eq!(
        progress.skills["backend-burger/know-your-why"].status(),
        Status::Done
    );
    // The place is browsing state, kept in the state file.
    assert_eq!(progress.legacy.last_roadmap, None);
    assert!(progress.legacy.cursors.is_empty());
    let (places, warning) = trailmark::state::places_for(
        &dir.path().join("state/state.yaml"),
        &dir.path().join("data/progress.yaml"),
    );
    assert!(warning.is_none());
    let places = places.unwrap();
    assert_eq!(
        places.last_roadmap.as_deref(),
        Some("backend-eleven-points")
    );
    assert_eq!(
        places.roadmaps["backend-burger"].skill.as_deref(),
        Some("know-your-why")
    );
    let text = std::fs::read_to_string(dir.path().join("data/progress.yaml")).unwrap();
    assert!(
        text.contains("backend-burger/know-your-why:\n    status: done"),
        "{text}"
    );
}
