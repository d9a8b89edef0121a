//! The real binary in a pseudo-terminal, for the end-to-end tests: a
//! session that parses the screen (vt100) and keeps every byte written, and
//! helpers to run a second copy, send signals and wait for a screen. The pty
//! gives the child a terminal even when the test runner has none (CI).

// Each test crate that includes this uses only a part of it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 110;
/// Generous: a loaded CI machine may be slow to start the binary.
pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the app wrote, to check the escape sequences themselves.
    pub bytes: Arc<Mutex<Vec<u8>>>,
    input: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
}

/// A test that fails half way must not leave the app running.
impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The binary with a clean environment in `dir` (data, state and config inside it).
pub fn trailmark_cmd(dir: &Path, program: &str) -> CommandBuilder {
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
    pub fn start(dir: &Path) -> Self {
        Self::start_with(dir, &[])
    }

    /// As [`Session::start`], with extra environment variables (`TZ`,
    /// `TRAILMARK_TODAY`).
    pub fn start_with(dir: &Path, env: &[(&str, &str)]) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = trailmark_cmd(dir, env!("CARGO_BIN_EXE_trailmark"));
        for (key, value) in env {
            cmd.env(key, value);
        }
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

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Polls the parsed screen until it shows `what`.
    /// Waits until the screen shows `what` and has settled (the same text
    /// twice in a row), so a frame caught half drawn is never returned.
    pub fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let text = self.text();
            if text.contains(what) && text == last {
                return text;
            }
            last.clone_from(&text);
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what:?}; the screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    pub fn keys(&mut self, bytes: &str) {
        self.input.write_all(bytes.as_bytes()).unwrap();
        self.input.flush().unwrap();
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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

/// Runs `trailmark ARGS` on the same files, as a second copy would.
pub fn second_copy(dir: &Path, args: &[&str]) {
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

pub fn progress_bytes(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("data/progress.yaml")).unwrap()
}

/// Sends a signal by name to the app.
pub fn signal(s: &Session, name: &str) {
    let pid = s.child.process_id().unwrap().to_string();
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid])
        .status()
        .unwrap();
    assert!(status.success());
}

/// The screen line showing a skill.
pub fn line_with(screen: &str, what: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(what))
        .unwrap_or_default()
        .to_owned()
}

/// The screen until `check` holds, with no key sent meanwhile.
pub fn wait_until(s: &Session, what: &str, check: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    let mut last = String::new();
    loop {
        let text = s.text();
        // Settled too: the same screen twice in a row.
        if check(&text) && text == last {
            return text;
        }
        last.clone_from(&text);
        assert!(start.elapsed() < TIMEOUT, "never {what}:\n{text}");
        std::thread::sleep(Duration::from_millis(25));
    }
}
