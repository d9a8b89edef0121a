//! The study timer in the real binary, in a pseudo-terminal: `T` starts it
//! and the header counts; quitting with it running keeps it in the state
//! file with the time the app closed; the next start offers it, and `k`
//! logs it into the progress file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/pty.rs"]
mod pty;

use pty::Session;
use trailmark::progress::Store;
use trailmark::state::{places_for, save_places};

#[test]
fn a_timer_runs_survives_a_quit_and_is_logged_when_kept() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state/state.yaml");
    let data = dir.path().join("data/progress.yaml");

    let mut s = Session::start(dir.path());
    s.wait_for("Pick a roadmap");
    s.keys("\r");
    s.wait_for("Enter skills");
    s.keys("\r");
    s.wait_for("Space done");
    s.keys("T");
    s.wait_for("Timer started on “Variables, data types and operators”");
    // The header counts without a key press.
    s.wait_for("timer 0:02");
    // Quit with it running: the state file keeps it, with when it closed.
    s.keys("q");
    assert!(s.wait_exit().success());
    let mut places = places_for(&state, &data).0.unwrap();
    let timer = places.timer.clone().expect("the timer is kept");
    assert_eq!(timer.record, "backend-six-phases/variables");
    let closed = timer.closed.expect("the close time is noted");
    assert!(closed >= timer.started);

    // Make it an hour and a half long, as if the learner had studied.
    let t = places.timer.as_mut().unwrap();
    t.started = closed - chrono::Duration::minutes(90);
    save_places(&state, &data, &places).unwrap();

    let mut s = Session::start(dir.path());
    let screen = s.wait_for(" Study timer ");
    assert!(screen.contains("k keep: log 1h 30m"), "{screen}");
    s.keys("k");
    s.wait_for("Logged 1h 30m on “Variables, data types and operators”");
    s.keys("q");
    assert!(s.wait_exit().success());

    let store = Store::open(data.clone()).unwrap();
    let sessions: Vec<_> = store.progress().study_sessions().collect();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].0, "backend-six-phases/variables");
    assert_eq!(sessions[0].2, 90);
    assert_eq!(
        places_for(&state, &data).0.unwrap().timer,
        None,
        "asked once"
    );
}

/// A terminal closed under the app (SIGHUP) or a `kill` (SIGTERM) ends it
/// the same way: the running timer notes when, for the next start.
#[test]
fn a_signal_keeps_the_timer_with_its_close_time() {
    for name in ["TERM", "HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::start(dir.path());
        s.wait_for("Pick a roadmap");
        s.keys("\r");
        s.wait_for("Enter skills");
        s.keys("\rT");
        s.wait_for("Timer started");
        pty::signal(&s, name);
        s.wait_exit();
        let (places, _) = places_for(
            &dir.path().join("state/state.yaml"),
            &dir.path().join("data/progress.yaml"),
        );
        let timer = places.and_then(|p| p.timer).expect(name);
        assert!(timer.closed.is_some(), "{name}: {timer:?}");
    }
}
