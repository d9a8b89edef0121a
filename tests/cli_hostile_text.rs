//! Text from files never drives the terminal and tables line up with any
//! script: the real binary, run against a roadmap and a progress file full
//! of control characters (ESC, BEL, C1, bidi overrides and isolates), with
//! a file name holding them too. A closed pipe: `cli_closed_pipe.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/hostile.rs"]
mod hostile;
use hostile::*;

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
