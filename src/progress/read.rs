//! Reads the progress file: this format (version 3), version 2 (the same
//! shape with fewer kinds of data) and version 1, which it
//! migrates.
//!
//! serde reads the file into loose raw types first (`read/raw.rs`); the
//! checks that make them progress (stamps, estimates, paces, history
//! entries) run in `read/reader.rs` and `read/records.rs`, and
//! place every problem at its line and column with the same position finder
//! the roadmap loader uses. A record written twice (a git union merge, or
//! "accept both" in a conflict, leaves that) is two copies of one record:
//! they merge field by field, and a [`Notice`] says which lines.

mod fast;
mod raw;
mod reader;
mod records;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{FORMAT_VERSION, Progress, ProgressError};
use crate::roadmap::locate::{Anchor, Seg, locate};
use raw::RawFile;
use reader::Reader;

/// Something worth telling the learner about a file that did read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The file it is about.
    pub path: PathBuf,
    /// What happened, in one line.
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Parses the file's bytes; see [`parse_with_notices`].
pub fn parse(bytes: &[u8], path: &Path) -> Result<Progress, ProgressError> {
    parse_with_notices(bytes, path).map(|(p, _)| p)
}

/// Parses the file's bytes into progress, with notices about what was
/// merged on the way. An empty or comment-only file is empty progress.
///
/// Errors: [`ProgressError::Corrupt`] with the line and column of the
/// problem, [`ProgressError::TooNew`] for a newer format.
pub fn parse_with_notices(
    bytes: &[u8],
    path: &Path,
) -> Result<(Progress, Vec<Notice>), ProgressError> {
    read(bytes, path, true)
}

/// [`parse`] without the fast reader for trailmark's own files: every file
/// through `serde_yaml`. For tests that check the two readers agree.
#[doc(hidden)]
pub fn parse_with_serde(bytes: &[u8], path: &Path) -> Result<Progress, ProgressError> {
    read(bytes, path, false).map(|(p, _)| p)
}

fn read(bytes: &[u8], path: &Path, fast: bool) -> Result<(Progress, Vec<Notice>), ProgressError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.split(|b| *b == b'\n').count();
        let col = good.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        corrupt(path, Some((line, col)), "it is not UTF-8 text".to_owned())
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Ok((Progress::default(), Vec::new()));
    }
    let quick = if fast { fast::parse(text) } else { None };
    let raw = match quick.map_or_else(|| serde_yaml::from_str::<RawFile>(text), Ok) {
        Ok(raw) if raw.version > FORMAT_VERSION => {
            return Err(ProgressError::TooNew {
                path: path.to_owned(),
                found: raw.version,
            });
        }
        Ok(raw) => raw,
        Err(e) => return Err(serde_error(&e, text, path)),
    };
    let mut reader = Reader {
        text,
        path,
        v1: raw.version < 2,
    };
    let mut notices = Vec::new();
    let progress = reader.build(raw, &mut notices)?;
    Ok((progress, notices))
}

fn corrupt(path: &Path, pos: Option<(usize, usize)>, message: String) -> ProgressError {
    ProgressError::Corrupt {
        path: path.to_owned(),
        line: pos.map(|p| p.0),
        column: pos.map(|p| p.1),
        message,
    }
}

/// Just the format version, read from a file the full parse refused.
#[derive(Deserialize)]
struct Probe {
    version: Option<u32>,
}

fn serde_error(e: &serde_yaml::Error, text: &str, path: &Path) -> ProgressError {
    if let Ok(Probe {
        version: Some(found),
    }) = serde_yaml::from_str::<Probe>(text)
        && found > FORMAT_VERSION
    {
        return ProgressError::TooNew {
            path: path.to_owned(),
            found,
        };
    }
    let mut message = e.to_string();
    let mut pos = e.location().map(|l| (l.line(), l.column()));
    if let Some((l, c)) = pos {
        message = message.replacen(&format!(" at line {l} column {c}"), "", 1);
    }
    // serde names the place (`skills.git.status: …`); the position finder
    // knows where that is, which beats a scanner error's 1:1.
    if let Some((place, _)) = message.split_once(": ")
        && !place.contains(' ')
    {
        let segs: Vec<Seg> = place
            .split('.')
            .map(
                |s| match s.strip_suffix(']').and_then(|s| s.split_once('[')) {
                    Some((k, i)) => match i.parse() {
                        Ok(i) if k.is_empty() => Seg::Index(i),
                        _ => Seg::Key(s.to_owned()),
                    },
                    None => Seg::Key(s.to_owned()),
                },
            )
            .collect();
        if pos.is_none_or(|p| p == (1, 1))
            && let Some(found) = locate(text, &[(segs, Anchor::Value)])[0]
        {
            pos = Some(found);
        }
    }
    corrupt(path, pos, explain(&message))
}

/// serde's words with the Rust type names replaced by what the file should hold.
fn explain(message: &str) -> String {
    const WORDS: [(&str, &str); 8] = [
        (
            "expected struct RawFile",
            "expected the progress mapping (`version: 2`, then `skills:` and the rest)",
        ),
        (
            "expected struct RawSkill",
            "expected a skill record with `status:` and `status_at:`",
        ),
        (
            "expected struct RawProject",
            "expected a project record with `status:` and `status_at:`",
        ),
        (
            "expected struct Cursor",
            "expected a cursor with `phase:` and `skill:`",
        ),
        (
            "expected struct RawChange",
            "expected a history entry with `at`, `roadmap`, `skill` or `project`, `field`, `from` and `to`",
        ),
        ("expected u32", "expected a whole number"),
        ("expected f64", "expected a number"),
        (
            "expected a map",
            "expected a mapping of `name: value` lines",
        ),
    ];
    let mut out = message.to_owned();
    for (from, to) in WORDS {
        out = out.replace(from, to);
    }
    let field = out.split_once(": ").map_or("", |(f, _)| f);
    if field.ends_with(".changed") || field.ends_with("_at") || field.ends_with("].at") {
        out.push_str("; times are written in RFC 3339, like 2026-03-02T12:00:00Z");
    }
    out
}
