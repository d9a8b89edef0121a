#![allow(clippy::expect_used, clippy::unwrap_used)]
//! Time from process start to the first frame on screen, in a pseudo-terminal
//! of 120×40, for a bare ratatui program (`bare_frame`) and for trailmark on
//! its first run (the picker) and with a roadmap open (the main screen).
//! Runs alternate, back to back, so a noisy machine's drift cancels out;
//! medians and the ratio to the bare program are printed (budget: 1.5×).
//!
//! `cargo build --release --examples --bins && cargo run --release --example first_frame [RUNS]`

use std::io::Read;
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;

/// Starts `program` in a fresh pty and returns the time until the screen
/// shows `sentinel`.
fn time_to(program: &Path, env: &[(&str, &Path)], sentinel: &str) -> Duration {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(program);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.env("TERM", "xterm-256color");
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("start the program");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 16384];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen = vt100::Parser::new(
        NonZeroU16::new(ROWS).expect("rows"),
        NonZeroU16::new(COLS).expect("cols"),
        0,
    );
    let elapsed = loop {
        let bytes = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the first frame within 10 s");
        screen.process(&bytes);
        if screen.screen().contents().contains(sentinel) {
            break start.elapsed();
        }
    };
    // SIGKILL, not portable-pty's `kill`: that sends a hang-up and sleeps
    // 50 ms waiting for the exit, so every run would start on an idle CPU
    // (slower by 2–3× on the VM measured, and by more for the bigger
    // program), and trailmark would save its place on the hang-up, a
    // write that lands in the next run's time.
    let pid = child
        .process_id()
        .and_then(|p| rustix::process::Pid::from_raw(p.cast_signed()));
    if let Some(pid) = pid {
        let _ = rustix::process::kill_process(pid, rustix::process::Signal::KILL);
    }
    let _ = child.wait();
    elapsed
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn release_binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("own path");
    let dir = exe.parent().and_then(Path::parent).expect("target/release");
    dir.join(name)
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(21);
    let bare = release_binary("examples/bare_frame");
    let trailmark = release_binary("trailmark");
    let tmp = tempfile::tempdir().expect("temp dir");
    let fresh = tmp.path().join("fresh/progress.yaml");
    let opened = tmp.path().join("opened/progress.yaml");
    let state = tmp.path().join("state.yaml");
    let config = tmp.path().join("config");
    // The state file names the roadmap opened last, as after any first run
    // (written by trailmark itself, so in the form it writes).
    std::fs::create_dir_all(opened.parent().expect("folder")).expect("folder");
    std::fs::write(&opened, "version: 2\n").expect("progress");
    let places = trailmark::state::Places {
        last_roadmap: Some("backend-six-phases".to_owned()),
        ..trailmark::state::Places::default()
    };
    trailmark::state::save_places(&state, &opened, &places).expect("state file");
    let (mut b, mut p, mut m) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        b.push(time_to(&bare, &[], "bare ratatui frame"));
        // The picker of a first run: a fresh data file every time.
        let _ = std::fs::remove_file(&fresh);
        p.push(time_to(
            &trailmark,
            &[
                ("TRAILMARK_DATA", &fresh),
                ("TRAILMARK_CONFIG_DIR", &config),
                ("TRAILMARK_STATE", &state),
            ],
            "Pick a roadmap",
        ));
        m.push(time_to(
            &trailmark,
            &[
                ("TRAILMARK_DATA", &opened),
                ("TRAILMARK_CONFIG_DIR", &config),
                ("TRAILMARK_STATE", &state),
            ],
            "Programming fundamentals",
        ));
    }
    let (b, p, m) = (median(b), median(p), median(m));
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("{runs} alternating runs in a {COLS}×{ROWS} pty, medians:");
    println!("  bare ratatui frame        {:.2} ms", ms(b));
    println!(
        "  trailmark, first-run picker {:.2} ms ({:.2}×)",
        ms(p),
        ms(p) / ms(b)
    );
    println!(
        "  trailmark, roadmap open     {:.2} ms ({:.2}×)",
        ms(m),
        ms(m) / ms(b)
    );
}
