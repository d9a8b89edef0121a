//! The real binary in a pseudo-terminal: first run, pick a roadmap, tick a
//! skill, switch variant, quit; then the screen and the progress file are
//! checked.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/pty.rs"]
mod pty;

use pty::Session;
use trailmark::progress::{Status, Store};

#[test]
// Over 60 lines on purpose: one session in a pseudo-terminal, step by step; every step
// depends on the screen the one before left.
fn pick_tick_switch_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path());

    s.wait_for("Pick a roadmap");
    assert!(s.screen.lock().unwrap().screen().alternate_screen());
    // The picker starts on the most complete roadmap; the Burger is
    // second to last in its order.
    s.keys("Gk\r");
    s.wait_for("variant 7 of 8");
    s.wait_for("Understand your why");

    // Focus the skills and tick the first one.
    s.keys("\t ");
    let screen = s.wait_for("todo → done");
    assert!(screen.contains("[x]    Knowing your goal"), "{screen}");
    assert!(screen.contains("1/12 done"), "{screen}");

    // Switch to the next variant.
    s.keys("r");
    s.wait_for("Roadmaps");
    s.keys("j\r");
    let screen = s.wait_for("variant 8 of 8");
    assert!(
        screen.contains("Learning Path for Aspiring Backend Developers"),
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
        Some("backend-learning-path")
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

/// Keys that never surprise: Enter on a phase only moves the focus, a paste
/// into the note editor is text (its newline does not save, its `ss` does
/// not skip), and a paste outside an editor does nothing.
#[test]
fn enter_on_a_phase_and_bracketed_paste() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path());
    s.wait_for("Pick a roadmap");
    s.keys("\r");
    s.wait_for("Backend Developer in Six Phases");
    s.wait_for("Enter skills");
    // Enter on a phase focuses its skills and changes nothing.
    s.keys("\r");
    s.wait_for("Space done");
    // A paste outside an editor is ignored: `ss` would skip twice.
    s.keys("\x1b[200~ss\x1b[201~");
    s.keys("n");
    s.wait_for("Enter saves");
    s.keys("\x1b[200~read chapter 3\nss\x1b[201~");
    let screen = s.wait_for("read chapter 3 ss");
    assert!(
        screen.contains("Enter saves"),
        "the editor stays open:\n{screen}"
    );
    s.keys("\r");
    s.wait_for("note");
    s.keys("q");
    assert!(s.wait_exit().success());

    let store = Store::open(dir.path().join("data/progress.yaml")).unwrap();
    let progress = store.progress();
    let record = &progress.skills["backend-six-phases/variables"];
    assert_eq!(record.note(), Some("read chapter 3 ss"));
    assert_eq!(record.status(), Status::Todo, "no key in a paste ran");
    assert!(
        progress.skills.values().all(|r| r.status() == Status::Todo),
        "nothing was ticked or skipped"
    );
}
