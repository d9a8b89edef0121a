//! Synthetic roadmaps for the benchmarks: realistic field mix (summaries,
//! topics, estimates, keys, project ideas), generated so no large data is
//! committed; and the plain structs of the `serde_yaml`-alone floor. Shared
//! by the benches and the examples.

use std::fmt::Write as _;

/// A valid roadmap YAML with `skills` skills in phases of 20. About 150
/// bytes a skill, so 50,000 skills stay under the 8 MiB file cap.
pub fn roadmap_yaml(skills: usize) -> String {
    let mut s = String::with_capacity(skills * 260);
    let _ = write!(
        s,
        "id: synthetic-{skills}\ntitle: Synthetic roadmap with {skills} skills\nsummary: Generated for benchmarks.\nsource:\n  title: trailmark benches\n  author: trailmark\n  published: 2026-01-01\npace_hours_per_week: 10\nphases:\n"
    );
    let per_phase = 20;
    let phases = skills.div_ceil(per_phase);
    for p in 0..phases {
        let _ = write!(
            s,
            "  - id: phase-{p}\n    title: Phase {p}\n    summary: Everything about topic {p}, in order.\n"
        );
        if p % 3 == 0 {
            let _ = writeln!(s, "    estimate: {}-{} weeks", 2 + p % 4, 4 + p % 4);
        }
        s.push_str("    skills:\n");
        for k in 0..per_phase.min(skills - p * per_phase) {
            let i = p * per_phase + k;
            let _ = write!(
                s,
                "      - id: skill-{i}\n        title: Skill number {i}\n        summary: Why skill {i} matters.\n"
            );
            if i % 3 == 0 {
                let _ = writeln!(s, "        topics: [topic {i}, another topic]");
            }
            if i % 7 == 0 {
                // Unique: two skills of one roadmap may not share a key.
                let _ = writeln!(s, "        key: shared-{i}");
            }
            if i % 2 == 0 {
                let _ = writeln!(s, "        estimate: {}-{} weeks", 1 + i % 3, 2 + i % 3);
            }
            if i % 10 == 0 {
                let _ = writeln!(
                    s,
                    "        resources:\n          - title: Docs {i}\n            url: https://example.com/docs/{i}"
                );
            }
        }
        let _ = write!(
            s,
            "    projects:\n      - id: project-{p}\n        title: Project {p}\n        description: Build something with phase {p}.\n        skills: [skill-{}]\n",
            p * per_phase
        );
    }
    s
}

/// The floor: the same file deserialized by `serde_yaml` alone into plain
/// structs, with no validation and no model building.
#[allow(dead_code)]
pub mod plain {
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct Roadmap {
        pub id: String,
        pub title: String,
        pub summary: String,
        pub source: Source,
        pub pace_hours_per_week: Option<f64>,
        pub phases: Vec<Phase>,
    }
    #[derive(Deserialize)]
    pub struct Source {
        pub title: Option<String>,
        pub author: Option<String>,
        pub published: Option<String>,
        pub url: Option<String>,
    }
    #[derive(Deserialize)]
    pub struct Phase {
        pub id: String,
        pub title: String,
        pub summary: String,
        pub estimate: Option<String>,
        pub skills: Vec<Skill>,
        pub projects: Vec<Project>,
    }
    #[derive(Deserialize)]
    pub struct Skill {
        pub id: String,
        pub title: String,
        pub key: Option<String>,
        pub summary: String,
        #[serde(default)]
        pub topics: Vec<String>,
        #[serde(default)]
        pub resources: Vec<Resource>,
        pub estimate: Option<String>,
    }
    #[derive(Deserialize)]
    pub struct Resource {
        pub title: String,
        pub url: String,
    }
    #[derive(Deserialize)]
    pub struct Project {
        pub id: String,
        pub title: String,
        pub description: String,
        pub skills: Vec<String>,
    }
}
