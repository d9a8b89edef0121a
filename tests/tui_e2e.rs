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
        cmd.env("TRAILMARK_STATE", dir.join("state/state.yaml"));
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
    assert_eq!(places.last_roadmap.as_deref(), Some("backend-eleven-points"));
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
