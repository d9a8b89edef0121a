//! Text from files never drives the terminal, tables line up with any
//! script, and a closed pipe ends a command quietly: the real binary, run
//! against a roadmap and a progress file full of control characters (ESC,
//! BEL, C1, bidi overrides and isolates), with a file name holding them too.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_trailmark");
/// Longer than any bundled id, so the ID column's width is this id's.
const WIDE: &str = "wide-text-roadmap-for-the-table-tests";
const PLAIN: &str = "plain-ascii-roadmap-for-table-tests";

/// A roadmap with CJK and emoji titles (valid: wide text is fine).
fn wide_roadmap() -> String {
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
fn plain_roadmap() -> String {
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
const HOSTILE_ROADMAP: &str = r#"id: "evil\e]0;PWNED\a"
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
fn hostile_progress() -> String {
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
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Self {
        let home = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir_all(home.roadmaps()).unwrap();
        std::fs::create_dir_all(home.data().parent().unwrap()).unwrap();
        home
    }

    fn roadmaps(&self) -> PathBuf {
        self.dir.path().join("config/roadmaps")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data/progress.yaml")
    }

    fn with_wide(self) -> Self {
        std::fs::write(self.roadmaps().join("wide.yaml"), wide_roadmap()).unwrap();
        std::fs::write(self.roadmaps().join("plain.yaml"), plain_roadmap()).unwrap();
        self
    }

    fn with_hostile(self) -> Self {
        let name = self.roadmaps().join("hostile\u{1b}[31m\u{202e}.yaml");
        std::fs::write(name, HOSTILE_ROADMAP).unwrap();
        std::fs::write(self.data(), hostile_progress()).unwrap();
        self
    }

    fn command(&self, args: &[&str]) -> Command {
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

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// A progress file path under a plain file, so it cannot be created
    /// (even by root); its name holds ESC and a bidi override.
    fn bad_data_file(&self) -> String {
        let file = self.dir.path().join("a-file");
        std::fs::write(&file, "").unwrap();
        file.join("\u{1b}[2J\u{202e}/p.yaml")
            .to_str()
            .unwrap()
            .to_owned()
    }

    /// The temporary directory's path replaced by `<tmp>`, for snapshots.
    fn anonymous(&self, text: &str) -> String {
        text.replace(&self.dir.path().display().to_string(), "<tmp>")
    }
}

/// The control characters in `text`, other than newlines.
fn controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c != '\n' && trailmark::text::is_control(c))
        .collect()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

/// Every command that prints, for the hostile home.
const COMMANDS: &[&[&str]] = &[
    &[],
    &["list"],
    &["list", "--json"],
    &["show", WIDE],
    &["show", WIDE, "--json"],
    &["status"],
    &["status", WIDE],
    &["status", WIDE, "--json"],
    &["export", WIDE],
    &["export", WIDE, "--format", "json"],
    &["mark", WIDE, "build", "doing"],
    &["mark", WIDE, "\u{1b}[2Jbuild\u{7}", "done"],
    &["mark", "\u{1b}]0;PWNED\u{7}", "x", "done"],
    &["mark", WIDE, "build", "\u{9b}31mdone"],
    &["pace"],
    &["pace", "12"],
    &["reset", WIDE, "--yes"],
    &["plan"],
    &["plan", WIDE],
    &["plan", WIDE, "--json"],
    &["target", WIDE, "2027-01-01"],
    &["target", WIDE, "\u{1b}]0;PWNED\u{7}2027-01-01"],
    &["show", "evil\u{1b}]0;PWNED\u{7}"],
    &["status", WIDE, "--data-file", BAD_DATA_FILE],
];

/// Stands for a progress file that cannot exist, its name full of controls.
const BAD_DATA_FILE: &str = "<bad data file>";

#[test]
fn no_command_emits_a_control_character_from_any_file() {
    for args in COMMANDS {
        let home = Home::new().with_wide().with_hostile();
        let bad = home.bad_data_file();
        let args: Vec<&str> = args
            .iter()
            .map(|a| if *a == BAD_DATA_FILE { bad.as_str() } else { a })
            .collect();
        let out = home.run(&args);
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(controls(&stdout), [], "{args:?} stdout:\n{stdout}");
        assert_eq!(controls(&stderr), [], "{args:?} stderr:\n{stderr}");
    }
    // `validate` on the hostile file itself, by its hostile name.
    let home = Home::new().with_hostile();
    let file = home.roadmaps().join("hostile\u{1b}[31m\u{202e}.yaml");
    let out = home.run(&["validate", file.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(controls(&stdout), [], "{stdout}");
    assert_eq!(controls(&text(&out.stderr)), []);
    assert!(stdout.contains("hostile^[[31m<U+202E>.yaml:1:5: id: holds U+001B (escape)"));
}

#[test]
fn the_hostile_roadmap_is_refused_with_each_character_named() {
    let home = Home::new().with_hostile();
    let out = home.run(&["list"]);
    assert!(out.status.success());
    let stderr = home.anonymous(&text(&out.stderr));
    let file = "<tmp>/config/roadmaps/hostile^[[31m<U+202E>.yaml";
    for line in [
        format!("{file}:1:5: id: holds U+001B (escape)"),
        format!("{file}:2:8: title: holds U+001B (escape)"),
        format!("{file}:6:12: phase 1 `p` › title: holds U+009B (control sequence introducer)"),
        format!("{file}:7:5: phase 1 `p` › col^[[2Jour: unknown field `col^[[2Jour` in the phase"),
        format!(
            "{file}:10:16: phase 1 `p` › skill `s` › title: holds U+202E (right-to-left override)"
        ),
        format!("{file}:11:18: phase 1 `p` › skill `s` › topics #1: holds U+0007 (bell)"),
        format!("{file}:11:30: phase 1 `p` › skill `s` › topics #2: holds U+007F (delete)"),
    ] {
        assert!(stderr.contains(&line), "no `{line}` in:\n{stderr}");
    }
}

#[test]
fn progress_text_is_shown_visibly_and_kept_exactly_in_json() {
    let home = Home::new().with_wide().with_hostile();
    let markdown = text(&home.run(&["export", WIDE]).stdout);
    assert!(
        markdown.contains(
            "  - Note: note ^\\[\\]0;PWNED^G^\\[\\[2J\\<U+009B\\>31m\\<U+202E\\>evil\\<U+2069\\> and a tab  and CRLF\n"
        ),
        "{markdown}"
    );
    let status = text(&home.run(&["status", WIDE]).stdout);
    assert!(
        status.contains("kept untouched: orphan^[]0;PWNED^G/skill<U+009B>"),
        "{status}"
    );
    let unknown = text(&home.run(&["status"]).stderr);
    assert!(unknown.contains("gone^[]0;PWNED^G"), "{unknown}");
    // JSON escapes the characters, so the data comes back exactly.
    let json: serde_json::Value =
        serde_json::from_slice(&home.run(&["export", WIDE, "--format", "json"]).stdout).unwrap();
    assert_eq!(
        json["phases"][0]["skills"][0]["note"],
        "note \u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}31m\u{202e}evil\u{2069} and\ta tab\r\nand CRLF"
    );
}

/// The table rows of `list` for the test's own roadmaps, under the header.
fn own_rows(list: &str) -> String {
    list.lines()
        .filter(|l| l.starts_with("ID ") || l.starts_with(WIDE) || l.starts_with(PLAIN))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The display cell where `token` ends on `line`.
fn end_cell(line: &str, token: &str) -> usize {
    trailmark::text::width(&line[..line.find(token).unwrap() + token.len()])
}

/// The display cell where the first run of digits (and `/`) ends.
fn number_end(line: &str) -> usize {
    let start = line.find(|c: char| c.is_ascii_digit()).unwrap();
    let len = line[start..]
        .find(|c: char| !c.is_ascii_digit() && c != '/')
        .unwrap_or(line.len() - start);
    trailmark::text::width(&line[..start + len])
}

#[test]
fn list_aligns_wide_text_by_display_width() {
    let home = Home::new().with_wide();
    let out = home.run(&["list"]);
    assert!(out.status.success());
    let rows = home.anonymous(&own_rows(&text(&out.stdout)));
    let lines: Vec<&str> = rows.lines().collect();
    assert_eq!(lines.len(), 3, "{rows}");
    // The PHASES column ends on the same cell in the header and each row
    // (neither the ids nor the titles hold digits).
    let header = end_cell(lines[0], "PHASES");
    for row in &lines[1..] {
        assert_eq!(number_end(row), header, "{rows}");
    }
    insta::assert_snapshot!(rows);
}

#[test]
fn status_aligns_wide_phase_titles_by_display_width() {
    let home = Home::new().with_wide();
    std::fs::write(home.data(), hostile_progress()).unwrap();
    let out = home.run(&["status", WIDE]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let table: Vec<&str> = stdout
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("PHASE"))
        .take(3)
        .collect();
    assert_eq!(table.len(), 3, "{stdout}");
    // The DONE column (`1/2`) ends where its header does; the row number
    // comes first, so look after it.
    let header = end_cell(table[0], "DONE");
    for row in &table[1..] {
        let (number, rest) = row.split_at(3);
        assert_eq!(number_end(rest) + number.len(), header, "{stdout}");
    }
    insta::assert_snapshot!(home.anonymous(&stdout));
}

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

#[test]
fn the_progress_file_path_is_named_once_and_inert() {
    let home = Home::new().with_wide();
    let bad = home.bad_data_file();
    let out = home.run(&["mark", WIDE, "build", "done", "--data-file", &bad]);
    let stderr = home.anonymous(&text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("<tmp>/a-file/^[[2J<U+202E>/p.yaml"),
        "{stderr}"
    );
    // The OS's reason is said once, not again after a colon.
    let reason = "Not a directory (os error 20)";
    assert_eq!(stderr.matches(reason).count(), 1, "{stderr}");
}

/// Own estimates in the progress file have the roadmap's bound too.
#[test]
fn an_own_estimate_over_ten_years_is_refused_naming_the_bound() {
    let home = Home::new().with_wide();
    let progress = format!(
        "version: 1\nskills:\n  {WIDE}/basics:\n    status: doing\n    changed: 2026-03-02T10:00:00Z\n    estimate: 99999999999999999999 weeks\n"
    );
    std::fs::write(home.data(), progress).unwrap();
    let out = home.run(&["status", WIDE]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr
            .contains("the estimate is over 10 years (520 weeks), the longest an estimate may be"),
        "{stderr}"
    );
}
