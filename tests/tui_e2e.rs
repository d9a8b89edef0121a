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
    input: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
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
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_trailmark"));
        cmd.env("TRAILMARK_DATA", dir.join("data/progress.yaml"));
        cmd.env("TRAILMARK_CONFIG_DIR", dir.join("config"));
        cmd.env_remove("TRAILMARK_ROADMAPS");
        cmd.env("TERM", "xterm-256color");
        cmd.cwd(dir);
        let child = pty.slave.spawn_command(cmd).expect("start trailmark");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(ROWS).unwrap(),
            NonZeroU16::new(COLS).unwrap(),
            0,
        )));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let input = pty.master.take_writer().unwrap();
        // The master must outlive the child; leaking it for the test's
        // length is simplest.
        std::mem::forget(pty.master);
        Session {
            screen,
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
        progress.skills["backend-burger/know-your-why"].status,
        Status::Done
    );
    assert_eq!(
        progress.last_roadmap.as_deref(),
        Some("backend-learning-path")
    );
    assert_eq!(
        progress.cursors["backend-burger"].skill.as_deref(),
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
    assert_eq!(record.note.as_deref(), Some("read chapter 3 ss"));
    assert_eq!(record.status, Status::Todo, "no key in a paste ran");
    assert!(
        progress.skills.values().all(|r| r.status == Status::Todo),
        "nothing was ticked or skipped"
    );
}
