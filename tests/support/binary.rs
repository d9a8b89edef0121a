//! The real binary in a sandbox folder on a fixed day: the command, and the
//! run / must-succeed / JSON helpers the command-line test files share.
//! Progress, state and config live in the test's own folder, so the user's
//! files are never read or written.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// `trailmark` with its files in `dir` and `TRAILMARK_TODAY` at `today`.
pub fn trailmark_on(dir: &Path, today: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trailmark"));
    cmd.env("TRAILMARK_CONFIG_DIR", dir.join("config"))
        .env("TRAILMARK_DATA", dir.join("data/progress.yaml"))
        .env("TRAILMARK_STATE", dir.join("state/state.yaml"))
        .env("TRAILMARK_TODAY", today)
        .env("TZ", "UTC")
        .env_remove("TRAILMARK_ROADMAPS")
        .stdin(Stdio::null());
    cmd
}

/// Runs `args` and returns what happened.
pub fn run_on(dir: &Path, today: &str, args: &[&str]) -> Output {
    trailmark_on(dir, today).args(args).output().unwrap()
}

/// stdout of a command that must succeed.
pub fn ok_on(dir: &Path, today: &str, args: &[&str]) -> String {
    let out = run_on(dir, today, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The JSON a command that must succeed prints.
pub fn json_on(dir: &Path, today: &str, args: &[&str]) -> Value {
    serde_json::from_str(&ok_on(dir, today, args)).unwrap()
}
