//! Shared by the tests that run the real binary against hostile text: a
//! roadmap with wide script, a plain one, one full of control characters
//! (ESC, BEL, C1, bidi overrides and isolates), a progress file to match,
//! and a home directory whose names hold them too.

#![allow(dead_code)] // each test file uses only some of these
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_trailmark");
/// Longer than any bundled id, so the ID column's width is this id's.
pub const WIDE: &str = "wide-text-roadmap-for-the-table-tests";
pub const PLAIN: &str = "plain-ascii-roadmap-for-table-tests";

/// A roadmap with CJK and emoji titles (valid: wide text is fine).
pub fn wide_roadmap() -> String {
    format!(
        "id: {WIDE}
title: 宽字符 Roadmap 🚀
source: {{}}
pace_hours_per_week: 10
phases:
  - id: one
    title: 第一阶段 基础知识与概念
    estimate: 3 weeks
    skills:
      - id: basics
        title: 基础 Basics
      - id: tools
        title: Tools 🔧
  - id: two
    title: Second phase
    skills:
      - id: build
        title: Build something
        estimate: 2 weeks
"
    )
}

/// An ASCII roadmap whose title is over the 48-cell column, so the TITLE
/// column has that width whatever the bundled roadmaps are called.
pub fn plain_roadmap() -> String {
    format!(
        "id: {PLAIN}
title: A plain title that is long enough to be cut at the column's limit
source: {{}}
phases:
  - id: only
    title: Only
    skills:
      - id: one
        title: One
"
    )
}

/// A roadmap file that must be refused: control characters of every kind in
/// a title, an id, a field name and a topic. Its file name holds ESC too.
pub const HOSTILE_ROADMAP: &str = r#"id: "evil\e]0;PWNED\a"
title: "Roadmap \e]0;PWNED\a\e[2J\e[31mRED"
source: {}
phases:
  - id: p
    title: "P\x9b31m"
    "col\e[2Jour": x
    skills:
      - id: s
        title: "S\u202eevil\u2066"
        topics: ["\x07bell", "\x7fdel"]
"#;

/// A progress file written by hand, as one synced from a hostile machine
/// could be: control characters in notes, record ids, the last roadmap and
/// the history.
pub fn hostile_progress() -> String {
    format!(
        r#"version: 1
last_roadmap: "gone\e]0;PWNED\a"
pace_hours_per_week: 8
skills:
  {WIDE}/basics:
    status: done
    changed: 2026-03-02T10:00:00Z
    note: "note \e]0;PWNED\a\e[2J\x9b31m\u202eevil\u2069 and\ta tab\r\nand CRLF"
  {WIDE}/tools:
    status: doing
    changed: 2026-03-09T10:00:00Z
    note: "\e[31mred\e[0m"
  "orphan\e]0;PWNED\a/skill\x9b":
    status: done
    changed: 2026-03-03T10:00:00Z
    note: "\u202eorphan"
history:
- at: 2026-03-02T10:00:00Z
  roadmap: {WIDE}
  skill: {WIDE}/basics
  from: todo
  to: done
- at: 2026-03-03T10:00:00Z
  roadmap: "gone\e]0;PWNED\a"
  skill: "orphan\e]0;PWNED\a/skill\x9b"
  from: todo
  to: done
"#
    )
}

/// A private home: config, roadmaps and progress in a temporary directory.
pub struct Home {
    pub dir: TempDir,
}

impl Home {
    pub fn new() -> Self {
        let home = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir_all(home.roadmaps()).unwrap();
        std::fs::create_dir_all(home.data().parent().unwrap()).unwrap();
        home
    }

    pub fn roadmaps(&self) -> PathBuf {
        self.dir.path().join("config/roadmaps")
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data/progress.yaml")
    }

    pub fn with_wide(self) -> Self {
        std::fs::write(self.roadmaps().join("wide.yaml"), wide_roadmap()).unwrap();
        std::fs::write(self.roadmaps().join("plain.yaml"), plain_roadmap()).unwrap();
        self
    }

    pub fn with_hostile(self) -> Self {
        let name = self.roadmaps().join("hostile\u{1b}[31m\u{202e}.yaml");
        std::fs::write(name, HOSTILE_ROADMAP).unwrap();
        std::fs::write(self.data(), hostile_progress()).unwrap();
        self
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .env("TRAILMARK_CONFIG_DIR", self.dir.path().join("config"))
            .env("TRAILMARK_DATA", self.data())
            .env("TRAILMARK_TODAY", "2026-03-16")
            .env_remove("TRAILMARK_ROADMAPS")
            .env("HOME", self.dir.path().join("home"))
            .env("TRAILMARK_STATE", self.dir.path().join("state/state.yaml"))
            .stdin(Stdio::null());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// A progress file path under a plain file, so it cannot be created
    /// (even by root); its name holds ESC and a bidi override.
    pub fn bad_data_file(&self) -> String {
        let file = self.dir.path().join("a-file");
        std::fs::write(&file, "").unwrap();
        file.join("\u{1b}[2J\u{202e}/p.yaml")
            .to_str()
            .unwrap()
            .to_owned()
    }

    /// The temporary directory's path replaced by `<tmp>`, for snapshots.
    pub fn anonymous(&self, text: &str) -> String {
        text.replace(&self.dir.path().display().to_string(), "<tmp>")
    }
}

/// The control characters in `text`, other than newlines.
pub fn controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c != '\n' && trailmark::text::is_control(c))
        .collect()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}
