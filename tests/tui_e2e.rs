//! The real binary in a pseudo-terminal: first run, pick a roadmap, tick a
//! skill, switch variant, quit; then the screen and the progress file are
//! checked. The pty gives the child a terminal even when the test runner
//! has none (CI).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use trailmark::progress::{Status, Store};

const ROWS: u16 = 30;
const COLS: u16 = 110;
/// Generous: a loaded CI machine may be slow to start the binary.
const TIMEOUT: Duration = Duration::from_secs(30);

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the app wrote, to check the escape sequences themselves.
    bytes: Arc<Mutex<Vec<u8>>>,
    input: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
}

/// The binary with a clean environment in `dir` (data, state and config inside it).
fn trailmark_cmd(dir: &Path, program: &str) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.env("TRAILMARK_DATA", dir.join("data/progress.yaml"));
    cmd.env("TRAILMARK_STATE", dir.join("state/state.yaml"));
    cmd.env("TRAILMARK_CONFIG_DIR", dir.join("config"));
    cmd.env_remove("TRAILMARK_ROADMAPS");
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(dir);
    cmd
}

impl Session {
    fn start(dir: &Path) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let cmd = trailmark_cmd(dir, env!("CARGO_BIN_EXE_trailmark"));
        let child = pty.slave.spawn_command(cmd).expect("start trailmark");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(ROWS).unwrap(),
            NonZeroU16::new(COLS).unwrap(),
            0,
        )));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let raw = Arc::clone(&bytes);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                raw.lock().unwrap().extend_from_slice(&buf[..n]);
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let input = pty.master.take_writer().unwrap();
        // The master must outlive the child; leaking it for the test's
        // length is simplest.
        std::mem::forget(pty.master);
        Session {
            screen,
            bytes,
            input,
            child,
        }
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Polls the parsed screen until it shows `what`.
    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let text = self.text();
            if text.contains(what) {
                return text;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what:?}; the screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    fn keys(&mut self, bytes: &str) {
        self.input.write_all(bytes.as_bytes()).unwrap();
        self.input.flush().unwrap();
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "trailmark did not quit:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

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
        progress.skills["backend-burger/know-your-why"].status,
        Status::Done
    );
    // The place is browsing state, kept in the state file.
    assert_eq!(progress.last_roadmap, None);
    assert!(progress.cursors.is_empty());
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

/// Runs `trailmark ARGS` on the same files, as a second copy would.
fn second_copy(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_trailmark"))
        .args(args)
        .env("TRAILMARK_DATA", dir.join("data/progress.yaml"))
        .env("TRAILMARK_STATE", dir.join("state/state.yaml"))
        .env("TRAILMARK_CONFIG_DIR", dir.join("config"))
        .env_remove("TRAILMARK_ROADMAPS")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn progress_bytes(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("data/progress.yaml")).unwrap()
}

/// Sends a signal by name to the app.
fn signal(s: &Session, name: &str) {
    let pid = s.child.process_id().unwrap().to_string();
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid])
        .status()
        .unwrap();
    assert!(status.success());
}

/// The screen line showing a skill.
fn line_with(screen: &str, what: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(what))
        .unwrap_or_default()
        .to_owned()
}

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
        state.contains("last_roadmap: backend-six-phases"),
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
    let screen = s.wait_for("Backend Developer in Six Phases");
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
    for (seq, what) in [
        ("\x1b[?1049l", "leaves the alternate screen"),
        ("\x1b[?25h", "shows the cursor"),
        ("\x1b[?1000l", "turns mouse reporting off"),
    ] {
        assert!(after.contains(seq), "{what}: {after:?}");
    }
    assert!(!s.screen.lock().unwrap().screen().alternate_screen());
    let store = Store::open(d.join("data/progress.yaml")).unwrap();
    let skills = &store.progress().skills;
    assert_eq!(
        skills["backend-six-phases/control-flow"].status,
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
        skills["backend-six-phases/control-flow"].status,
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

/// The screen until `check` holds, with no key sent meanwhile.
fn wait_until(s: &Session, what: &str, check: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let text = s.text();
        if check(&text) {
            return text;
        }
        assert!(start.elapsed() < TIMEOUT, "never {what}:\n{text}");
        std::thread::sleep(Duration::from_millis(25));
    }
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
    std::fs::write(&file, MINE.replace("HTTP", "HTTP and REST")).unwrap();
    wait_until(&s, "showed the edited skill", |t| {
        t.contains("HTTP and REST")
    });
    std::fs::write(&file, MINE.replace("phases:", "phases: [")).unwrap();
    let screen = wait_until(&s, "showed the broken file", |t| {
        t.contains("A roadmap file did not load")
    });
    assert!(screen.contains("HTTP and REST"), "{screen}");
    assert!(screen.contains("mine.yaml:"), "{screen}");
    std::fs::write(&file, MINE).unwrap();
    wait_until(&s, "cleared the banner", |t| {
        !t.contains("A roadmap file did not load") && !t.contains("HTTP and REST")
    });
    s.keys("q");
    assert!(s.wait_exit().success());
}
