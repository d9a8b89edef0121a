//! The roadmap commands as a user runs them: `--help`, `--version`, `list`,
//! `show`, `validate`, and where roadmaps come from (`--roadmap`, the user's
//! roadmap directory), with their exit codes.
//!
//! Every run gets its own config and data locations in a temporary
//! directory, and `TRAILMARK_ROADMAPS` removed, so the real home is never read.
//! Expected numbers come from the library's own reading of the bundled files,
//! so these tests follow the bundled roadmaps as they change.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;
use trailmark::catalog::BUNDLED;
use trailmark::estimate::Weeks;
use trailmark::roadmap::Roadmap;

const BIN: &str = env!("CARGO_BIN_EXE_trailmark");
const SIX: &str = "backend-six-phases";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// A private home for one test.
struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    /// The user's roadmap directory, created.
    fn user_roadmaps(&self) -> PathBuf {
        let dir = self.config().join("roadmaps");
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn run(&self, args: &[&str]) -> Run {
        let home = self.dir.path().join("home");
        let out = Command::new(BIN)
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("TRAILMARK_CONFIG_DIR", self.config())
            .env("TRAILMARK_DATA", self.dir.path().join("data/progress.yaml"))
            .env("TRAILMARK_STATE", self.dir.path().join("state/state.yaml"))
            .env_remove("TRAILMARK_ROADMAPS")
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap(),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }
}

fn bundled() -> Vec<Roadmap> {
    BUNDLED
        .iter()
        .map(|f| Roadmap::from_yaml_str(f.text, f.name).unwrap())
        .collect()
}

fn bundled_ids() -> Vec<String> {
    bundled().into_iter().map(|r| r.id).collect()
}

/// The line `validate` gives a valid file, from the library's own reading.
fn ok_line(file: &str, r: &Roadmap) -> String {
    let n =
        |count: usize, what: &str| format!("{count} {what}{}", if count == 1 { "" } else { "s" });
    let pace = r.pace_hours_per_week.map_or_else(
        || "pace not stated".to_owned(),
        |h| format!("pace {h} h/week"),
    );
    format!(
        "{file}: ok: `{}` \"{}\", {}, {}, {}, {pace}\n",
        r.id,
        r.title,
        n(r.phases.len(), "phase"),
        n(r.skill_count(), "skill"),
        r.total()
    )
}

/// Every bundled file's `validate` line, in file-name order.
fn bundled_ok_lines() -> String {
    BUNDLED
        .iter()
        .zip(bundled())
        .map(|(f, r)| ok_line(&format!("roadmaps/{}", f.name), &r))
        .collect()
}

/// `{min, max}` in JSON, or null.
fn weeks_json(w: Option<Weeks>) -> Value {
    w.map_or(
        Value::Null,
        |w| serde_json::json!({"min": w.min, "max": w.max}),
    )
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

/// A small roadmap in a file of its own.
fn mini(id: &str, title: &str) -> String {
    format!(
        "id: {id}\ntitle: {title}\nsource: {{author: me}}\nphases:\n  - id: only\n    title: Only\n    estimate: 2 weeks\n    skills:\n      - id: one\n        title: One\n"
    )
}

#[test]
fn help_lists_the_commands() {
    let run = Sandbox::new().run(&["--help"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("A terminal tracker for learning roadmaps")
    );
    assert!(run.stdout.contains("Usage: trailmark [OPTIONS] [COMMAND]"));
    for (command, words) in [
        ("list", "List every roadmap"),
        ("show", "Show one roadmap"),
        ("validate", "Check roadmap files"),
    ] {
        assert!(
            run.stdout
                .lines()
                .any(|l| l.trim_start().starts_with(command) && l.contains(words)),
            "no `{command}` in:\n{}",
            run.stdout
        );
    }
    assert!(run.stdout.contains("--roadmap <PATH>"));
    assert_eq!(run.stderr, "");
}

#[test]
fn version_prints_the_crate_version() {
    let run = Sandbox::new().run(&["--version"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        format!("trailmark {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn list_prints_a_line_per_bundled_roadmap() {
    let run = Sandbox::new().run(&["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let lines: Vec<&str> = run.stdout.lines().collect();
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(header, ["ID", "TITLE", "PHASES", "SKILLS", "ESTIMATE"]);
    let roadmaps = bundled();
    assert_eq!(lines.len(), 1 + roadmaps.len(), "{}", run.stdout);
    for r in &roadmaps {
        let line = lines[1..]
            .iter()
            .find(|l| l.split_whitespace().next() == Some(r.id.as_str()))
            .unwrap_or_else(|| panic!("no line for {}:\n{}", r.id, run.stdout));
        let total = r.total().to_string();
        assert!(line.ends_with(&total), "{line} does not end with {total}");
        let counts = format!("{}  {}", r.phases.len(), r.skill_count());
        let before_total: Vec<&str> = line[..line.len() - total.len()]
            .split_whitespace()
            .collect();
        let n = before_total.len();
        assert_eq!(
            before_total[n - 2..].join("  "),
            counts,
            "phases and skills in {line}"
        );
    }
    let six = lines.iter().find(|l| l.starts_with(SIX)).unwrap();
    assert!(six.ends_with("     6      36  24 weeks"), "{six}");
}

#[test]
fn list_json_describes_each_roadmap() {
    let run = Sandbox::new().run(&["list", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let items: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let roadmaps = bundled();
    assert_eq!(items.len(), roadmaps.len());
    for (item, r) in items.iter().zip(&roadmaps) {
        assert_eq!(
            keys(item),
            [
                "id",
                "origin",
                "phase_count",
                "project_count",
                "skill_count",
                "title",
                "total",
                "unestimated_skills",
                "weeks_total"
            ]
        );
        let total = r.total();
        assert_eq!(item["id"], r.id.as_str());
        assert_eq!(item["title"], r.title.as_str());
        assert_eq!(item["phase_count"], r.phases.len());
        assert_eq!(item["skill_count"], r.skill_count());
        assert_eq!(item["project_count"], r.project_count());
        assert_eq!(item["weeks_total"], weeks_json(total.weeks));
        assert_eq!(item["unestimated_skills"], total.unestimated);
        assert_eq!(item["origin"], "bundled");
    }
    let six = items.iter().find(|i| i["id"] == SIX).unwrap();
    assert_eq!(
        six["weeks_total"],
        serde_json::json!({"min": 24.0, "max": 24.0})
    );
    assert_eq!(six["phase_count"], 6);
    assert_eq!(
        six["total"],
        serde_json::json!({"min": 24.0, "max": 24.0, "unit": "weeks"})
    );
    // Three stages of months total months, in the unit the article uses.
    let three = items
        .iter()
        .find(|i| i["id"] == "backend-three-stages")
        .unwrap();
    assert_eq!(
        three["total"],
        serde_json::json!({"min": 9.0, "max": 11.0, "unit": "months"})
    );
}

#[test]
fn list_shows_a_total_in_the_articles_unit() {
    let run = Sandbox::new().run(&["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("backend-three-stages"))
        .unwrap();
    assert!(
        line.ends_with("3      15  9–11 months (≈39–47.7 weeks)"),
        "{line}"
    );
}

#[test]
fn show_keeps_the_articles_units_and_prints_pace_summaries_and_tips() {
    let run = Sandbox::new().run(&["show", "backend-three-stages"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    for want in [
        "Pace: not stated by the source",
        "Total: 9–11 months (≈39–47.7 weeks)",
        "1. Beginner [beginner] — phase estimate: 3–4 months (≈13–17.3 weeks)",
        // The source's own unit, then what the phase's time makes it count for.
        "   • One programming language [programming-language key=programming-language] — 2–3 months (≈8.7–13 weeks) (counts as 8.6–11.5 weeks, its share of the phase's time)",
        "   • How the internet works [internet key=internet-basics] — 1–2 weeks (counts as 1.2–1.6 weeks, its share of the phase's time)",
        "   • APIs [apis key=apis] — 1 month (≈4.3 weeks) (counts as 3.3–4.4 weeks, its share of the phase's time)",
        "3. Advanced [advanced] — phase estimate: 3 months (≈13 weeks)",
        "   • More: message brokers [message-brokers key=message-queues] — 1.1 weeks (a share of the phase's time)",
        "Tips from the source:",
    ] {
        assert!(lines.contains(&want), "no `{want}` in:\n{}", run.stdout);
    }
    let r = bundled()
        .into_iter()
        .find(|r| r.id == "backend-three-stages")
        .unwrap();
    for p in &r.phases {
        let summary = format!("   {}", p.summary);
        assert!(
            lines.contains(&summary.as_str()),
            "no phase summary `{summary}`"
        );
    }
    let tips = lines
        .iter()
        .position(|l| *l == "Tips from the source:")
        .unwrap();
    assert_eq!(lines[tips + 1], format!("   • {}", r.tips[0]));

    let six = Sandbox::new().run(&["show", SIX]);
    assert!(
        six.stdout
            .contains("\nPace: 14 hours of study a week\nTotal: 24 weeks\n"),
        "{}",
        six.stdout
    );
    assert!(
        six.stdout.contains(
            "   • Control flow [control-flow] — 0.7 weeks (a share of the phase's time)\n"
        ),
        "a skill in a timed phase says its share, as the app's details do"
    );
}

#[test]
fn show_prints_the_tree() {
    let run = Sandbox::new().run(&["show", SIX]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = bundled().into_iter().find(|r| r.id == SIX).unwrap();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], format!("{} ({SIX})", r.title));
    assert!(lines.contains(&"Total: 24 weeks"), "{}", run.stdout);
    assert_eq!(
        lines[2], r.summary,
        "the roadmap's summary follows the source"
    );
    for (i, p) in r.phases.iter().enumerate() {
        let heading = format!("{}. {} [{}] — ", i + 1, p.title, p.id);
        assert!(
            lines.iter().any(|l| l.starts_with(&heading)),
            "no `{heading}`"
        );
        for s in &p.skills {
            let bullet = format!("   • {} [{}", s.title, s.id);
            assert!(
                lines.iter().any(|l| l.starts_with(&bullet)),
                "no `{bullet}`"
            );
        }
    }
}

#[test]
fn show_json_has_phases_skills_and_projects() {
    let run = Sandbox::new().run(&["show", SIX, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let r = bundled().into_iter().find(|r| r.id == SIX).unwrap();
    assert_eq!(
        keys(&v),
        [
            "id",
            "pace_hours_per_week",
            "phases",
            "source",
            "summary",
            "tips",
            "title",
            "total",
            "weeks_total"
        ]
    );
    assert_eq!(v["pace_hours_per_week"], 14.0);
    assert_eq!(v["tips"], serde_json::json!(r.tips));
    assert_eq!(v["tips"].as_array().unwrap().len(), 5);
    assert_eq!(
        v["total"],
        serde_json::json!({"min": 24.0, "max": 24.0, "unit": "weeks"})
    );
    assert_eq!(v["id"], SIX);
    assert_eq!(v["title"], r.title.as_str());
    assert_eq!(v["summary"], r.summary.as_str());
    assert_eq!(
        v["weeks_total"],
        serde_json::json!({"min": 24.0, "max": 24.0})
    );
    assert_eq!(v["source"]["author"], "Hira Hasan");
    assert_eq!(v["source"]["published"], "2025-07-02");
    let phases = v["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 6);
    let mut skills = 0;
    for (p, rp) in phases.iter().zip(&r.phases) {
        assert_eq!(
            keys(p),
            [
                "estimate",
                "estimate_weeks",
                "id",
                "projects",
                "skills",
                "summary",
                "title",
                "weeks_total"
            ]
        );
        assert_eq!(p["id"], rp.id.as_str());
        assert_eq!(p["summary"], rp.summary.as_str());
        let w = rp.estimate.unwrap().weeks;
        assert_eq!(
            p["estimate"],
            serde_json::json!({"min": w.min, "max": w.max, "unit": "weeks"})
        );
        assert_eq!(
            p["estimate_weeks"],
            weeks_json(rp.estimate.map(|e| e.weeks))
        );
        assert!(
            !rp.summary.is_empty(),
            "the six-phase roadmap has phase summaries"
        );
        assert_eq!(p["weeks_total"], weeks_json(rp.total().weeks));
        for (s, rs) in p["skills"].as_array().unwrap().iter().zip(&rp.skills) {
            assert_eq!(
                keys(s),
                [
                    "estimate",
                    "estimate_weeks",
                    "id",
                    "key",
                    "summary",
                    "time_weeks",
                    "title",
                    "topics"
                ]
            );
            assert_eq!(s["summary"], rs.summary.as_str());
            assert_eq!(s["estimate"], Value::Null);
            assert_eq!(s["id"], rs.id.as_str());
            assert_eq!(s["key"], rs.key.as_deref().map_or(Value::Null, Value::from));
            assert_eq!(
                s["estimate_weeks"],
                weeks_json(rs.estimate.map(|e| e.weeks))
            );
            assert_eq!(s["topics"], serde_json::json!(rs.topics));
            skills += 1;
        }

        for (j, rj) in p["projects"].as_array().unwrap().iter().zip(&rp.projects) {
            assert_eq!(keys(j), ["id", "skills", "title"]);
            assert_eq!(j["id"], rj.id.as_str());
            assert_eq!(j["skills"], serde_json::json!(rj.skills));
        }
        assert_eq!(p["projects"].as_array().unwrap().len(), rp.projects.len());
    }
    assert_eq!(skills, 36);
}

/// `time_weeks` is what `show` says beside each skill: its share of a
/// timed phase, and the shares together make the phase's time.
#[test]
fn show_json_gives_each_skill_its_share_of_the_phase() {
    let run = Sandbox::new().run(&["show", SIX, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    for p in doc["phases"].as_array().unwrap() {
        let shares: Vec<f64> = p["skills"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["time_weeks"]["min"].as_f64().unwrap())
            .collect();
        let whole = p["weeks_total"]["min"].as_f64().unwrap();
        let sum: f64 = shares.iter().sum();
        assert!((sum - whole).abs() < 0.01, "{shares:?} of {whole}");
    }
    let first = &doc["phases"][0]["skills"][1];
    assert_eq!(
        first["time_weeks"],
        serde_json::json!({"min": 0.667, "max": 0.667})
    );
    assert_eq!(first["estimate_weeks"], Value::Null);
}

#[test]
fn show_json_gives_estimates_as_the_article_writes_them() {
    let run = Sandbox::new().run(&["show", "backend-three-stages", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["pace_hours_per_week"], Value::Null);
    assert_eq!(
        v["total"],
        serde_json::json!({"min": 9.0, "max": 11.0, "unit": "months"})
    );
    let beginner = &v["phases"][0];
    assert_eq!(
        beginner["estimate"],
        serde_json::json!({"min": 3.0, "max": 4.0, "unit": "months"})
    );
    assert_eq!(
        beginner["skills"][1]["estimate"],
        serde_json::json!({"min": 2.0, "max": 3.0, "unit": "months"})
    );
    assert_eq!(
        beginner["skills"][0]["estimate"],
        serde_json::json!({"min": 1.0, "max": 2.0, "unit": "weeks"})
    );
    // The weeks stay alongside, for calculations.
    let weeks = &beginner["skills"][1]["estimate_weeks"];
    assert!(
        (weeks["max"].as_f64().unwrap() - 13.0).abs() < 1e-9,
        "{weeks}"
    );
}

#[test]
fn show_of_an_unknown_id_lists_the_ids_and_exits_2() {
    let run = Sandbox::new().run(&["show", "nope"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "trailmark: no roadmap has the id `nope`; the roadmaps are: {}\n",
            bundled_ids().join(", ")
        )
    );
}

#[test]
fn validate_accepts_valid_files_with_a_summary() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&[
        "validate",
        "tests/fixtures/valid/crlf.yaml",
        "tests/fixtures/valid/bom.yaml",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "tests/fixtures/valid/crlf.yaml: ok: `fixture-crlf` \"A roadmap with Windows line endings\", 1 phase, 2 skills, 2–3 weeks, pace not stated\n\
         tests/fixtures/valid/bom.yaml: ok: `fixture-bom` \"A roadmap with a UTF-8 byte order mark\", 1 phase, 2 skills, 2–3 weeks, pace not stated\n\
         2 roadmap files valid\n"
    );
    assert_eq!(run.stderr, "");

    let one = sandbox.run(&["validate", "tests/fixtures/valid/crlf.yaml"]);
    assert_eq!(one.code, 0);
    assert!(
        one.stdout
            .ends_with("pace not stated\n1 roadmap file valid\n")
    );

    let mut args = vec!["validate".to_owned()];
    args.extend(BUNDLED.iter().map(|f| format!("roadmaps/{}", f.name)));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let all = sandbox.run(&args);
    assert_eq!(all.code, 0, "{}", all.stdout);
    assert_eq!(
        all.stdout,
        format!(
            "{}{} roadmap files valid\n",
            bundled_ok_lines(),
            BUNDLED.len()
        )
    );
}

#[test]
fn validate_reports_every_problem_and_exits_1() {
    let run = Sandbox::new().run(&[
        "validate",
        "tests/fixtures/invalid/two-problems.yaml",
        "tests/fixtures/valid/crlf.yaml",
        "tests/fixtures/invalid/empty.yaml",
    ]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "tests/fixtures/invalid/two-problems.yaml:10:19: phase 1 `basics` › skill `git` › estimate: cannot read `soon` as an estimate; write a number of weeks (`3`) or text like `1 week`, `4-6 weeks`, `2–3 months`\n\
         tests/fixtures/invalid/two-problems.yaml:13:9: phase 1 `basics` › skill `http` › sumary: unknown field `sumary` in the skill; did you mean `summary`?\n\
         tests/fixtures/valid/crlf.yaml: ok: `fixture-crlf` \"A roadmap with Windows line endings\", 1 phase, 2 skills, 2–3 weeks, pace not stated\n\
         tests/fixtures/invalid/empty.yaml: the file is empty (or only comments); a roadmap needs `id`, `title`, `source` and `phases` — see roadmaps/README.md for a full example\n\
         2 of 3 files invalid, 3 problems\n"
    );
    assert_eq!(run.stderr, "");
}

/// Every invalid fixture at once: each file's report, as the library renders
/// it, then the count; hostile files included.
#[test]
fn validate_reports_all_invalid_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let files: Vec<String> = names
        .iter()
        .map(|n| format!("tests/fixtures/invalid/{n}"))
        .collect();
    let mut expected = String::new();
    let mut problems = 0;
    for file in &files {
        let err = Roadmap::load_file(Path::new(file)).unwrap_err();
        problems += err.problems().len();
        writeln!(expected, "{err}").unwrap();
    }
    writeln!(
        expected,
        "{n} of {n} files invalid, {problems} problems",
        n = files.len()
    )
    .unwrap();
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let run = Sandbox::new().run(&args);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, expected);
    // Every line but the summary is `file:…`.
    for line in run.stdout.lines().take(problems) {
        assert!(line.starts_with("tests/fixtures/invalid/"), "{line}");
    }
}

#[test]
fn validate_names_a_missing_file() {
    let run = Sandbox::new().run(&["validate", "no-such.yaml"]);
    assert_eq!(run.code, 1);
    let first = run.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("no-such.yaml: cannot read the file ("),
        "{first}"
    );
    assert!(run.stdout.ends_with("1 of 1 file invalid, 1 problem\n"));
}

#[test]
fn validate_needs_a_file() {
    let run = Sandbox::new().run(&["validate"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("<FILE|DIR>"), "{}", run.stderr);
}

#[test]
fn validate_of_a_directory_checks_every_roadmap_file_in_it() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["validate", "roadmaps"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{}{} roadmap files valid\n",
            bundled_ok_lines(),
            BUNDLED.len()
        )
    );
    let dir = sandbox.config();
    std::fs::create_dir_all(&dir).unwrap();
    let empty = sandbox.run(&["validate", dir.to_str().unwrap()]);
    assert_eq!(empty.code, 1);
    assert!(
        empty
            .stderr
            .contains("the directory holds no *.yaml or *.yml files"),
        "{}",
        empty.stderr
    );
}

#[test]
fn a_near_miss_roadmap_id_gets_a_suggestion() {
    let run = Sandbox::new().run(&["show", "backend-six-phase"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "trailmark: no roadmap has the id `backend-six-phase`; did you mean `backend-six-phases`? the roadmaps are: "
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_roadmap_path_replaces_the_bundled_roadmap_with_its_id() {
    let sandbox = Sandbox::new();
    let mine = sandbox.write("mine.yaml", &mini(SIX, "My Six Phases"));
    let mine = mine.to_str().unwrap();

    let run = sandbox.run(&["--roadmap", mine, "list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with(SIX))
        .unwrap()
        .to_owned();
    assert!(line.contains("My Six Phases"), "{line}");
    assert!(
        line.ends_with(&format!("2 weeks  [{mine} replaces roadmaps/{SIX}.yaml]")),
        "{line}"
    );
    assert_eq!(run.stdout.lines().count(), 1 + BUNDLED.len());

    let json = sandbox.run(&["list", "--json", "--roadmap", mine]);
    let items: Vec<Value> = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(items.len(), BUNDLED.len());
    let six = items.iter().find(|i| i["id"] == SIX).unwrap();
    assert_eq!(six["origin"], "path");
    assert_eq!(six["title"], "My Six Phases");
    assert_eq!(six["phase_count"], 1);
    assert!(
        items
            .iter()
            .filter(|i| i["id"] != SIX)
            .all(|i| i["origin"] == "bundled")
    );

    let show = sandbox.run(&["show", SIX, "--roadmap", mine]);
    assert_eq!(show.code, 0);
    assert!(show.stdout.starts_with(&format!("My Six Phases ({SIX})\n")));
}

#[test]
fn a_roadmap_path_may_be_a_directory() {
    let sandbox = Sandbox::new();
    let dir = sandbox.dir.path().join("more");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.yaml"), mini("extra-a", "Extra A")).unwrap();
    std::fs::write(dir.join("b.yml"), mini("extra-b", "Extra B")).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a roadmap").unwrap();
    let run = sandbox.run(&["list", "--json", "--roadmap", dir.to_str().unwrap()]);
    let items: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let extra: Vec<(&str, &str)> = items
        .iter()
        .filter(|i| i["origin"] == "path")
        .map(|i| (i["id"].as_str().unwrap(), i["title"].as_str().unwrap()))
        .collect();
    assert_eq!(extra, [("extra-a", "Extra A"), ("extra-b", "Extra B")]);
}

#[test]
fn the_user_roadmap_directory_adds_roadmaps() {
    let sandbox = Sandbox::new();
    let file = sandbox.user_roadmaps().join("mine.yaml");
    std::fs::write(&file, mini("my-path", "My Path")).unwrap();

    let json = sandbox.run(&["list", "--json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let items: Vec<Value> = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(items.len(), BUNDLED.len() + 1);
    let mine = items.iter().find(|i| i["id"] == "my-path").unwrap();
    assert_eq!(mine["origin"], "user");
    assert_eq!(
        mine["weeks_total"],
        serde_json::json!({"min": 2.0, "max": 2.0})
    );

    let list = sandbox.run(&["list"]);
    let line = list
        .stdout
        .lines()
        .find(|l| l.starts_with("my-path"))
        .unwrap();
    assert!(
        line.ends_with(&format!("2 weeks  [{}]", file.display())),
        "{line}"
    );

    let show = sandbox.run(&["show", "my-path"]);
    assert_eq!(show.code, 0);
    assert!(show.stdout.starts_with("My Path (my-path)\n"));
}

#[test]
fn a_broken_user_file_is_reported_and_the_rest_still_list() {
    let sandbox = Sandbox::new();
    let dir = sandbox.user_roadmaps();
    std::fs::write(dir.join("good.yaml"), mini("my-path", "My Path")).unwrap();
    let broken = dir.join("broken.yaml");
    std::fs::write(&broken, mini("broken", "Broken").replace("2 weeks", "soon")).unwrap();

    let run = sandbox.run(&["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "warning: a roadmap file did not load and was skipped:\n{}:7:15: phase 1 `only` › estimate: cannot read `soon` as an estimate; write a number of weeks (`3`) or text like `1 week`, `4-6 weeks`, `2–3 months`\n",
            broken.display()
        )
    );
    assert_eq!(run.stdout.lines().count(), 1 + BUNDLED.len() + 1);
    assert!(run.stdout.lines().any(|l| l.starts_with("my-path")));
    assert!(!run.stdout.contains("broken"));

    // JSON output stays clean: the warning goes to stderr only.
    let json = sandbox.run(&["list", "--json"]);
    assert_eq!(json.code, 0);
    let items: Vec<Value> = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(items.len(), BUNDLED.len() + 1);
    assert!(json.stderr.contains("broken.yaml:7:15:"));

    // The bundled ones still show.
    let show = sandbox.run(&["show", SIX]);
    assert_eq!(show.code, 0);
    assert!(show.stderr.contains("broken.yaml:7:15:"));
}
