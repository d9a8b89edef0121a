//! The real binary in a pseudo-terminal, for what must survive other
//! programs and signals: browsing leaves the progress file byte-identical,
//! another copy's change and an edited roadmap file show up without a key
//! press, SIGTERM and Ctrl-z give the terminal back (and SIGTERM saves what
//! is pending), and quitting with a failed save asks first.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/pty.rs"]
mod pty;

use std::time::{Duration, Instant};

use pty::{Session, TIMEOUT, line_with, progress_bytes, second_copy, signal, wait_until};
use trailmark::progress::{Status, Store};

#[test]
fn browsing_leaves_the_progress_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    second_copy(d, &["mark", "backend-six-phases", "variables", "done"]);
    let before = progress_bytes(d);
    let mut s = Session::start(d);
    s.wait_for("Backend Developer in Six Phases");
    // Move in every pane, switch roadmaps and back, open and close popups.
    s.keys("jj\tjj\tj");
    s.keys("r");
    s.wait_for("Roadmaps");
    s.keys("j\r");
    s.wait_for("Opened");
    s.keys("j\tj");
    s.keys("r");
    s.wait_for("Roadmaps");
    s.keys("k\r");
    s.wait_for("Opened “Backend Developer in Six Phases”");
    s.keys("t");
    s.wait_for("Stats ·");
    s.keys("q");
    s.wait_for("┌ Phases");
    s.keys("q");
    assert!(s.wait_exit().success());
    assert_eq!(
        progress_bytes(d),
        before,
        "browsing never writes the progress"
    );
    let state = std::fs::read_to_string(d.join("state/state.yaml")).unwrap();
    assert!(
        state.contains(r#""last_roadmap": "backend-six-phases""#),
        "{state}"
    );

    // The place and the focused pane come back.
    let mut s = Session::start(d);
    let screen = s.wait_for("Structuring tables");
    assert!(
        line_with(&screen, "│› [ ] Databases").contains("Database design"),
        "{screen}"
    );
    s.keys("q");
    assert!(s.wait_exit().success());
    assert_eq!(progress_bytes(d), before);
}

#[test]
fn a_second_copy_shows_up_without_a_key_press() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    second_copy(d, &["mark", "backend-six-phases", "variables", "done"]);
    let mut s = Session::start(d);
    s.wait_for("Backend Developer in Six Phases");
    // At 110 columns the phases share the screen with the details; Enter
    // brings the first phase's skills up.
    s.keys("\r");
    let screen = s.wait_for("Control flow");
    assert!(
        line_with(&screen, "Control flow").contains("[ ]"),
        "{screen}"
    );
    second_copy(d, &["mark", "backend-six-phases", "control-flow", "done"]);
    // A bounded wait for the screen to change; no keys are sent.
    let start = Instant::now();
    while !line_with(&s.text(), "Control flow").contains("[x]") {
        assert!(
            start.elapsed() < TIMEOUT,
            "the app never showed the other copy's tick:\n{}",
            s.text()
        );
        std::thread::sleep(Duration::from_millis(25));
    }
    s.keys("q");
    assert!(s.wait_exit().success());
}

/// What giving the terminal back writes, each with what it undoes.
const RESTORED: [(&str, &str); 4] = [
    ("\x1b[?1049l", "leaves the alternate screen"),
    ("\x1b[?25h", "shows the cursor"),
    ("\x1b[?1000l", "turns mouse reporting off"),
    ("\x1b[?2004l", "turns bracketed paste off"),
];

/// A panic gives the terminal back before its message is printed, so the
/// message is readable on the learner's own screen.
#[test]
fn a_panic_restores_the_terminal_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start_with(dir.path(), &[("TRAILMARK_DEBUG_PANIC", "1")]);
    let status = s.wait_exit();
    assert!(!status.success(), "{status:?}");
    let out = String::from_utf8_lossy(&s.bytes.lock().unwrap()).into_owned();
    let message = out
        .find("TRAILMARK_DEBUG_PANIC is set")
        .expect("the panic message");
    let entered = out
        .find("\x1b[?1049h")
        .expect("entered the alternate screen");
    for (seq, what) in RESTORED {
        let at = out[entered..]
            .find(seq)
            .map_or_else(|| panic!("{what}: {out:?}"), |at| entered + at);
        assert!(at < message, "{what} before the message: {out:?}");
    }
    assert!(!s.screen.lock().unwrap().screen().alternate_screen());
}

/// A progress file another copy broke makes saves fail: the change stays,
/// marked pending; SIGTERM then saves it (the file was fixed meanwhile) and
/// gives the terminal back.
#[test]
fn sigterm_restores_the_terminal_and_saves_what_is_pending() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    second_copy(d, &["mark", "backend-six-phases", "variables", "done"]);
    let mut s = Session::start(d);
    s.wait_for("Backend Developer in Six Phases");
    std::fs::write(d.join("data/progress.yaml"), "version: 1\nskills: [\n").unwrap();
    s.wait_for("cannot be read now");
    s.keys("\tj ");
    s.wait_for("not saved, retrying with next change");
    std::fs::write(d.join("data/progress.yaml"), "version: 1\n").unwrap();
    let mark = s.bytes.lock().unwrap().len();
    signal(&s, "TERM");
    let status = s.wait_exit();
    assert!(!status.success(), "ended by a signal: {status:?}");
    let after = s.bytes.lock().unwrap()[mark..].to_vec();
    let after = String::from_utf8_lossy(&after);
    for (seq, what) in RESTORED {
        assert!(after.contains(seq), "{what}: {after:?}");
    }
    assert!(!s.screen.lock().unwrap().screen().alternate_screen());
    let store = Store::open(d.join("data/progress.yaml")).unwrap();
    let skills = &store.progress().skills;
    assert_eq!(
        skills["backend-six-phases/control-flow"].status(),
        Status::Done,
        "{skills:?}"
    );
}

#[test]
fn quitting_with_a_failed_save_asks_and_can_move_the_file_aside() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    second_copy(d, &["mark", "backend-six-phases", "variables", "done"]);
    let mut s = Session::start(d);
    s.wait_for("Backend Developer in Six Phases");
    let junk = "version: 1\nskills: [\n";
    std::fs::write(d.join("data/progress.yaml"), junk).unwrap();
    s.wait_for("cannot be read now");
    s.keys("\tj ");
    s.wait_for("not saved, retrying with next change");
    s.keys("q");
    let screen = s.wait_for("Unsaved changes");
    assert!(screen.contains("quit without them"), "{screen}");
    assert!(s.child.try_wait().unwrap().is_none(), "it did not quit");
    s.keys("m");
    assert!(s.wait_exit().success());
    let store = Store::open(d.join("data/progress.yaml")).unwrap();
    let skills = &store.progress().skills;
    assert_eq!(
        skills["backend-six-phases/control-flow"].status(),
        Status::Done
    );
    let aside: Vec<_> = std::fs::read_dir(d.join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("progress.yaml.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read_to_string(d.join("data").join(&aside[0])).unwrap(),
        junk
    );
}

#[test]
fn suspend_gives_the_terminal_back_and_continue_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    second_copy(d, &["mark", "backend-six-phases", "variables", "done"]);
    let mut s = Session::start(d);
    s.wait_for("Backend Developer in Six Phases");
    let mark = s.bytes.lock().unwrap().len();
    signal(&s, "TSTP");
    let start = Instant::now();
    while s.screen.lock().unwrap().screen().alternate_screen() {
        assert!(start.elapsed() < TIMEOUT, "the terminal was not given back");
        std::thread::sleep(Duration::from_millis(25));
    }
    let after = String::from_utf8_lossy(&s.bytes.lock().unwrap()[mark..]).into_owned();
    assert!(after.contains("\x1b[?25h"), "{after:?}");
    assert!(after.contains("\x1b[?1000l"), "{after:?}");
    signal(&s, "CONT");
    let start = Instant::now();
    while !s.screen.lock().unwrap().screen().alternate_screen() {
        assert!(start.elapsed() < TIMEOUT, "the app did not come back");
        std::thread::sleep(Duration::from_millis(25));
    }
    s.wait_for("Backend Developer in Six Phases");
    // Ctrl-z arrives as a key in raw mode and does the same.
    s.keys("\x1a");
    wait_until(&s, "left the alternate screen on Ctrl-z", |_| {
        !s.screen.lock().unwrap().screen().alternate_screen()
    });
    signal(&s, "CONT");
    wait_until(&s, "came back after Ctrl-z", |t| {
        s.screen.lock().unwrap().screen().alternate_screen()
            && t.contains("Backend Developer in Six Phases")
    });
    s.keys("q");
    assert!(s.wait_exit().success());
}

const MINE: &str = "id: mine
title: My own roadmap
source: {author: me}
phases:
  - id: basics
    title: Basics
    estimate: 2 weeks
    skills:
      - {id: git, title: Git}
      - {id: http, title: HTTP}
";

/// Editors save by writing a new file and renaming it over the old one, so
/// the watcher never reads half a file (a plain `fs::write` truncates first).
fn save_as_an_editor_does(path: &std::path::Path, text: &str) {
    let tmp = path.with_extension("yaml.swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn an_edited_roadmap_file_shows_up_and_a_broken_one_keeps_the_last_good_model() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("config/roadmaps")).unwrap();
    std::fs::create_dir_all(d.join("data")).unwrap();
    let file = d.join("config/roadmaps/mine.yaml");
    std::fs::write(&file, MINE).unwrap();
    // A version-1 progress file kept the roadmap opened last itself.
    std::fs::write(
        d.join("data/progress.yaml"),
        "version: 1\nlast_roadmap: mine\n",
    )
    .unwrap();
    let mut s = Session::start(d);
    s.wait_for("My own roadmap");
    save_as_an_editor_does(&file, &MINE.replace("HTTP", "HTTP and REST"));
    wait_until(&s, "showed the edited skill", |t| {
        t.contains("HTTP and REST")
    });
    save_as_an_editor_does(&file, &MINE.replace("phases:", "phases: ["));
    let screen = wait_until(&s, "showed the broken file", |t| {
        t.contains("A roadmap file did not load")
    });
    assert!(screen.contains("HTTP and REST"), "{screen}");
    assert!(screen.contains("mine.yaml:"), "{screen}");
    save_as_an_editor_does(&file, MINE);
    wait_until(&s, "cleared the banner", |t| {
        !t.contains("A roadmap file did not load") && !t.contains("HTTP and REST")
    });
    s.keys("q");
    assert!(s.wait_exit().success());
    // The place taken over from the version-1 file now lives in the state file.
    let state = std::fs::read_to_string(d.join("state/state.yaml")).unwrap();
    assert!(state.contains(r#""last_roadmap": "mine""#), "{state}");
}

#[test]
fn every_termination_signal_restores_the_terminal() {
    for (name, number) in [("HUP", 1), ("INT", 2), ("QUIT", 3), ("TERM", 15)] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        second_copy(d, &["mark", "backend-six-phases", "variables", "done"]);
        let mut s = Session::start(d);
        s.wait_for("Backend Developer in Six Phases");
        let mark = s.bytes.lock().unwrap().len();
        signal(&s, name);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{name}");
        let after = String::from_utf8_lossy(&s.bytes.lock().unwrap()[mark..]).into_owned();
        assert!(after.contains("\x1b[?1049l"), "SIG{name}: {after:?}");
        assert!(after.contains("\x1b[?25h"), "SIG{name}: {after:?}");
    }
}
