//! A closed pipe ends every printing command quietly, with success: the
//! real binary writing into a pipe whose reader is gone, or into `head`,
//! with roadmaps and progress full of hostile text.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Stdio;

#[path = "support/hostile.rs"]
mod hostile;
use hostile::*;

/// A pipe whose reading end is already closed: every write to it fails
/// with EPIPE, as when `| head -1` has read its line and gone.
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer
}

#[test]
fn a_closed_pipe_ends_every_printing_command_quietly() {
    let home = Home::new().with_wide();
    std::fs::write(home.data(), hostile_progress()).unwrap();
    let six = "backend-six-phases";
    let wide = home.roadmaps().join("wide.yaml");
    let commands: &[&[&str]] = &[
        &[],
        &["list"],
        &["list", "--json"],
        &["show", six],
        &["show", six, "--json"],
        &["status", WIDE],
        &["status", WIDE, "--json"],
        &["export", WIDE],
        &["export", WIDE, "--format", "json"],
        &["validate", wide.to_str().unwrap()],
        &["pace"],
        &["mark", WIDE, "build", "done"],
    ];
    for args in commands {
        let out = home
            .command(args)
            .stdout(closed_pipe())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(
            (out.status.code(), text(&out.stderr)),
            (Some(0), String::new()),
            "{args:?}"
        );
    }
}

/// As a user types it: `trailmark show … --json | head -1` prints one line,
/// and the shell sees success from trailmark.
#[test]
fn show_json_into_head_prints_one_line_and_succeeds() {
    let home = Home::new();
    let mut child = home
        .command(&["show", "backend-six-phases", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    {
        use std::io::BufRead as _;
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap());
        lines.read_line(&mut first).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(first, "{\n");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "");
}
