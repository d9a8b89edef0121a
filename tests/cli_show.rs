//! `show` as a user runs it: the tree, the articles' units, pace summaries
//! and tips, the JSON document (phases, skills, projects, each skill's
//! share of its phase), and an unknown id, with exit codes. Runs in a
//! sandbox (see `support/roadmaps_cli.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;

#[path = "support/roadmaps_cli.rs"]
mod roadmaps_cli;
use roadmaps_cli::*;

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
// Over 60 lines on purpose: it pins the whole `show --json` document of one roadmap, key
// by key; split, each part would need the same run.
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
