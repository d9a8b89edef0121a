//! The roadmap commands as a user runs them: `--help`, `--version`, `list`,
//! a near-miss id, and where roadmaps come from (`--roadmap`, the user's
//! roadmap directory), with their exit codes. `show` is in `cli_show.rs`,
//! `validate` in `cli_validate.rs`.
//!
//! Every run gets its own config and data locations in a temporary
//! directory (see `support/roadmaps_cli.rs`), so the real home is never read.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use trailmark::catalog::BUNDLED;

#[path = "support/roadmaps_cli.rs"]
mod roadmaps_cli;
use roadmaps_cli::*;

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
