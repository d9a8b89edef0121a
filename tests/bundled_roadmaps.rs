//! The bundled roadmaps: every file loads, uses only vocabulary keys, shares
//! those keys across variants, and keeps the shape of the article it follows
//! (phases in order, time estimates exactly as published, project ideas).
//!
//! Estimates are pinned as the articles write them (`1 month`, `4–6 weeks`):
//! the unit and the weeks both; a month is 52/12 weeks. The tests carry the
//! facts themselves and never read the articles.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use trailmark::catalog::BUNDLED;
use trailmark::estimate::{Estimate, Unit, Weeks};
use trailmark::forecast::skill_times;
use trailmark::progress::Progress;
use trailmark::roadmap::Roadmap;

const MONTH: f64 = 52.0 / 12.0;
const EPS: f64 = 1e-9;

const VOCABULARY: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/roadmaps/vocabulary/skill-keys.yaml"
));
const README: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/roadmaps/README.md"));

/// The bundled variants, one or more per source article.
const IDS: [&str; 8] = [
    "backend-burger",
    "backend-eleven-points",
    "backend-learning-path",
    "backend-path-2025",
    "backend-six-phases",
    "backend-skills-timeline",
    "backend-ten-steps",
    "backend-three-stages",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vocabulary {
    keys: Vec<VocabularyEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularyEntry {
    key: String,
    title: String,
    #[allow(dead_code)]
    note: Option<String>,
    #[allow(dead_code)]
    docs: Option<String>,
}

fn vocabulary() -> Vocabulary {
    serde_yaml::from_str(VOCABULARY)
        .unwrap_or_else(|e| panic!("roadmaps/vocabulary/skill-keys.yaml: {e}"))
}

fn all() -> Vec<Roadmap> {
    BUNDLED
        .iter()
        .map(|f| Roadmap::from_yaml_str(f.text, f.name).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn load(id: &str) -> Roadmap {
    let name = format!("{id}.yaml");
    let file = BUNDLED
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no bundled file {name}"));
    Roadmap::from_yaml_str(file.text, file.name).unwrap_or_else(|e| panic!("{e}"))
}

fn weeks(min: f64, max: f64) -> Weeks {
    Weeks { min, max }
}

fn assert_weeks(got: Option<Weeks>, want: Option<Weeks>, what: &str) {
    match (got, want) {
        (Some(g), Some(w)) => assert!(
            (g.min - w.min).abs() < EPS && (g.max - w.max).abs() < EPS,
            "{what}: got {}–{} weeks, want {}–{} weeks",
            g.min,
            g.max,
            w.min,
            w.max
        ),
        (None, None) => {}
        _ => panic!("{what}: got {got:?}, want {want:?}"),
    }
}

/// An estimate equals the article's text, unit included: `1 month` is not
/// `4.33 weeks`.
fn assert_estimate(got: Option<Estimate>, want: Option<&str>, what: &str) {
    let want = want.map(|t| Estimate::parse(t).unwrap_or_else(|e| panic!("{what}: {e}")));
    match (got, want) {
        (Some(g), Some(w)) => {
            assert_eq!(g.unit, w.unit, "{what}: unit");
            assert_weeks(Some(g.weeks), Some(w.weeks), what);
        }
        (None, None) => {}
        _ => panic!("{what}: got {got:?}, want {want:?}"),
    }
}

fn phase_ids(r: &Roadmap) -> Vec<&str> {
    r.phases.iter().map(|p| p.id.as_str()).collect()
}

fn phase_titles(r: &Roadmap) -> Vec<&str> {
    r.phases.iter().map(|p| p.title.as_str()).collect()
}

/// Project titles in roadmap order, with the index of the phase holding each.
fn projects(r: &Roadmap) -> Vec<(usize, &str)> {
    r.phases
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| p.projects.iter().map(move |j| (pi, j.title.as_str())))
        .collect()
}

fn skill<'a>(r: &'a Roadmap, id: &str) -> &'a trailmark::roadmap::Skill {
    let (pi, si) = r
        .find_skill(id)
        .unwrap_or_else(|| panic!("{}: no skill `{id}`", r.id));
    &r.phases[pi].skills[si]
}

fn skill_ids_of_phase<'a>(r: &'a Roadmap, phase: &str) -> Vec<&'a str> {
    let p = r
        .phases
        .iter()
        .find(|p| p.id == phase)
        .unwrap_or_else(|| panic!("no phase `{phase}`"));
    p.skills.iter().map(|s| s.id.as_str()).collect()
}

fn keys_of(r: &Roadmap) -> BTreeMap<&str, &str> {
    r.skills()
        .filter_map(|(_, s)| s.key.as_deref().map(|k| (s.id.as_str(), k)))
        .collect()
}

/// No skill of the roadmap has an estimate, and no phase has one either.
fn assert_unestimated(r: &Roadmap) {
    assert!(
        r.phases.iter().all(|p| p.estimate.is_none()),
        "{}: a phase estimate was invented",
        r.id
    );
    assert!(
        r.skills().all(|(_, s)| s.estimate.is_none()),
        "{}: a skill estimate was invented",
        r.id
    );
    let total = r.total();
    assert_eq!(total.weeks, None, "{}", r.id);
    assert_eq!(total.unestimated, r.skill_count(), "{}", r.id);
}

// ---------------------------------------------------------------- all files

#[test]
fn every_bundled_file_validates_and_is_named_after_its_id() {
    assert_eq!(
        BUNDLED.len(),
        IDS.len(),
        "bundled files: {:?}",
        BUNDLED.iter().map(|f| f.name).collect::<Vec<_>>()
    );
    let mut seen = BTreeSet::new();
    for file in BUNDLED {
        let r = Roadmap::from_yaml_str(file.text, file.name).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.name, format!("{}.yaml", r.id));
        assert!(seen.insert(r.id.clone()), "duplicate id {}", r.id);
        assert!(!r.summary.trim().is_empty(), "{}: no summary", r.id);
        assert!(
            r.skills().all(|(_, s)| !s.summary.trim().is_empty()),
            "{}: a skill has no summary",
            r.id
        );
        assert!(
            r.phases.iter().all(|p| !p.summary.trim().is_empty()),
            "{}: a phase has no summary",
            r.id
        );
        assert!(
            r.phases
                .iter()
                .flat_map(|p| &p.projects)
                .all(|j| !j.description.trim().is_empty() && !j.skills.is_empty()),
            "{}: a project has no description or no skills",
            r.id
        );
        // Only the articles with a URL may give one, and none of these does.
        assert_eq!(r.source.url, None, "{}", r.id);
        assert!(r.skills().all(|(_, s)| s.resources.is_empty()), "{}", r.id);
    }
    assert_eq!(seen.iter().map(String::as_str).collect::<Vec<_>>(), IDS);
}

#[test]
fn readme_lists_every_bundled_variant() {
    for id in IDS {
        assert!(
            README.contains(&format!("| `{id}` |")),
            "roadmaps/README.md has no table row for {id}"
        );
    }
}

// ---------------------------------------------------------------- keys

/// The README's key table (`| `git` | meaning | 6 |`) lists every vocabulary
/// key with the number of bundled roadmaps that use it.
#[test]
fn readme_key_table_matches_the_roadmaps() {
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for r in all() {
        for (_, s) in r.skills() {
            if let Some(k) = &s.key {
                *by_key.entry(k.clone()).or_default() += 1;
            }
        }
    }
    let table: BTreeMap<String, usize> = README
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            // `| key | meaning | count |` splits into 5 cells, the outer two empty.
            let key = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let count = cells.get(3)?.parse().ok()?;
            (cells.len() == 5).then(|| (key.to_owned(), count))
        })
        .collect();
    assert_eq!(
        table, by_key,
        "roadmaps/README.md key table vs. the roadmaps"
    );
    let vocab: BTreeSet<String> = vocabulary().keys.into_iter().map(|e| e.key).collect();
    assert_eq!(table.keys().cloned().collect::<BTreeSet<_>>(), vocab);
}

#[test]
fn vocabulary_keys_are_unique_well_formed_and_all_used() {
    let vocab = vocabulary();
    let mut keys = BTreeSet::new();
    for entry in &vocab.keys {
        assert!(
            keys.insert(entry.key.as_str()),
            "key `{}` listed twice",
            entry.key
        );
        assert!(
            !entry.key.is_empty()
                && entry
                    .key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "bad key syntax `{}`",
            entry.key
        );
        assert!(
            !entry.title.trim().is_empty(),
            "key `{}` has no title",
            entry.key
        );
    }
    let used: BTreeSet<String> = all()
        .iter()
        .flat_map(|r| {
            r.skills()
                .filter_map(|(_, s)| s.key.clone())
                .collect::<Vec<_>>()
        })
        .collect();
    for key in &keys {
        assert!(
            used.contains(*key),
            "vocabulary key `{key}` is used by no bundled roadmap"
        );
    }
}

#[test]
fn every_key_used_is_in_the_vocabulary_and_used_once_per_roadmap() {
    let vocab = vocabulary();
    let keys: BTreeSet<&str> = vocab.keys.iter().map(|e| e.key.as_str()).collect();
    for r in all() {
        let mut in_this = BTreeSet::new();
        for (_, s) in r.skills() {
            if let Some(k) = &s.key {
                assert!(
                    keys.contains(k.as_str()),
                    "{} › {}: key `{k}` is not in the vocabulary",
                    r.id,
                    s.id
                );
                assert!(
                    in_this.insert(k.clone()),
                    "{}: key `{k}` on two skills",
                    r.id
                );
            }
        }
    }
}

#[test]
fn common_skills_are_shared_across_variants() {
    let mut by_key: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in all() {
        for (_, s) in r.skills() {
            if let Some(k) = &s.key {
                by_key.entry(k.clone()).or_default().insert(r.id.clone());
            }
        }
    }
    let count = |k: &str| by_key.get(k).map_or(0, BTreeSet::len);
    let expected = [
        ("programming-language", 5),
        ("git", 6),
        ("apis", 5),
        ("docker", 5),
        ("http", 4),
        ("databases", 3),
        ("backend-framework", 4),
        ("caching", 4),
        ("web-security", 4),
        ("deployment", 4),
        ("message-queues", 4),
        ("programming-basics", 4),
        ("postgresql", 3),
        ("testing", 3),
        ("unit-testing", 3),
        ("ci-cd", 3),
        ("relational-databases", 2),
        ("nosql-databases", 2),
        ("web-servers", 2),
        ("real-time", 2),
    ];
    for (key, n) in expected {
        assert_eq!(count(key), n, "`{key}` is used by {:?}", by_key.get(key));
    }
    assert!(count("git") >= 3);
}

// ---------------------------------------------------------------- 000

#[test]
fn skills_timeline_follows_the_per_skill_timelines() {
    let r = load("backend-skills-timeline");
    assert_eq!(r.source.author.as_deref(), Some("ali durul"));
    assert_eq!(
        r.source.published,
        chrono::NaiveDate::from_ymd_opt(2025, 3, 18)
    );
    assert_eq!(r.source.title, None);
    assert_eq!(r.pace_hours_per_week, None);
    assert_eq!(phase_ids(&r), ["essential-skills"]);
    assert_eq!(phase_titles(&r), ["Essential skills"]);
    assert_eq!(
        r.phases[0].estimate, None,
        "the article gives per-skill times only"
    );

    // The browser/server paragraph appears twice in the article: one skill.
    // "4 weeks to learning and practicing each database", for relational and
    // non-relational databases: one skill per kind, 4 weeks each.
    let want: [(&str, Option<&str>); 9] = [
        ("browser-server-basics", Some("1 week")),
        ("programming-language", Some("4–6 weeks")),
        ("language-ecosystem", Some("2–4 weeks")),
        ("git", Some("1–2 weeks")),
        ("relational-databases", Some("4 weeks")),
        ("non-relational-databases", Some("4 weeks")),
        ("apis", Some("3–4 weeks")),
        ("protocols-beyond-http", Some("1 week")),
        ("security", None), // the article stops at this heading
    ];
    let got: Vec<_> = r.skills().map(|(_, s)| s.id.as_str()).collect();
    assert_eq!(got, want.map(|(id, _)| id));
    for (id, est) in want {
        assert_estimate(skill(&r, id).estimate, est, id);
    }
    assert_eq!(
        skill(&r, "git").topics,
        ["commit", "push", "pull", "branch", "merge"]
    );
    assert!(
        skill(&r, "language-ecosystem")
            .topics
            .iter()
            .any(|t| t == "TypeScript")
    );
    assert_eq!(skill(&r, "protocols-beyond-http").topics, ["WebSockets"]);

    // 1 + 4–6 + 2–4 + 1–2 + 4 + 4 + 3–4 + 1, and security unestimated.
    let total = r.total();
    assert_weeks(total.weeks, Some(weeks(20.0, 26.0)), "total");
    assert_eq!(total.unestimated, 1);
    assert_eq!(total.to_string(), "20–26 weeks +1 unestimated");
    // "implementing one of them (like Websockets) in an existing API".
    assert_eq!(
        projects(&r),
        [(0, "Add a protocol such as WebSockets to an existing API")]
    );
    assert_eq!(
        r.phases[0].projects[0].skills,
        ["protocols-beyond-http", "apis"]
    );
    assert!(r.tips.is_empty(), "the article gives no general tips");
    assert_eq!(
        keys_of(&r),
        BTreeMap::from([
            ("browser-server-basics", "internet-basics"),
            ("programming-language", "programming-language"),
            ("git", "git"),
            ("relational-databases", "relational-databases"),
            ("non-relational-databases", "nosql-databases"),
            ("apis", "apis"),
            ("security", "web-security"),
        ])
    );
}

// ---------------------------------------------------------------- 001

#[test]
fn three_stages_keeps_stage_and_step_estimates() {
    let r = load("backend-three-stages");
    assert_eq!(r.source.title, None);
    assert_eq!(r.source.author, None);
    assert_eq!(r.source.published, None);
    assert_eq!(r.pace_hours_per_week, None);
    assert_eq!(phase_ids(&r), ["beginner", "medium", "advanced"]);
    assert_eq!(phase_titles(&r), ["Beginner", "Medium", "Advanced"]);
    // Beginner (3–4 Months), Medium (3–4 Months), Advanced (3 Months).
    for (phase, est) in r
        .phases
        .iter()
        .zip(["3–4 months", "3–4 months", "3 months"])
    {
        assert_estimate(phase.estimate, Some(est), &phase.id);
    }

    // "More (1 month)" holds four items: one skill each, with no estimate of
    // their own (the article gives none per item).
    let want: [(&str, &str, Option<&str>); 15] = [
        ("beginner", "internet", Some("1–2 weeks")),
        ("beginner", "programming-language", Some("2–3 months")),
        ("beginner", "version-control", Some("1–2 weeks")),
        ("beginner", "databases", Some("2–3 weeks")),
        ("medium", "apis", Some("1 month")),
        ("medium", "caching", Some("2 weeks")),
        ("medium", "security", Some("1 month")),
        ("medium", "testing", Some("1 month")),
        ("medium", "ci-cd", Some("2 weeks")),
        ("advanced", "scaling", Some("1 month")),
        ("advanced", "containerization", Some("1 month")),
        ("advanced", "message-brokers", None),
        ("advanced", "elasticsearch", None),
        ("advanced", "web-servers", None),
        ("advanced", "real-time-data", None),
    ];
    assert_eq!(
        r.skills().map(|(_, s)| s.id.as_str()).collect::<Vec<_>>(),
        want.map(|(_, id, _)| id)
    );
    for (phase, id, est) in want {
        let (pi, _) = r.find_skill(id).unwrap_or_else(|| panic!("no skill {id}"));
        assert_eq!(r.phases[pi].id, phase, "{id}");
        assert_estimate(skill(&r, id).estimate, est, id);
    }
    // The heading is kept in each item's title, and the four share its month:
    // the stage's 3 months less the two 1-month steps.
    let advanced = &r.phases[2];
    let times = skill_times(&r.id, advanced, &Progress::default());
    for (s, t) in advanced.skills.iter().zip(&times).skip(2) {
        assert!(s.title.starts_with("More: "), "{}", s.title);
        assert_weeks(*t, Some(weeks(MONTH / 4.0, MONTH / 4.0)), &s.id);
    }
    assert_weeks(times[0], Some(weeks(MONTH, MONTH)), "scaling");
    assert_eq!(skill(&r, "message-brokers").topics, ["Kafka", "RabbitMQ"]);
    assert_eq!(skill(&r, "web-servers").topics, ["Nginx", "Apache"]);
    assert_eq!(
        skill(&r, "real-time-data").topics,
        ["WebSockets", "polling"]
    );
    assert_eq!(
        skill(&r, "programming-language").topics,
        [
            "Python",
            "JavaScript (Node.js)",
            "Java",
            "Golang",
            "PHP",
            "Rust"
        ]
    );
    assert_eq!(skill(&r, "caching").topics, ["Redis", "Memcached"]);
    assert_eq!(
        skill(&r, "ci-cd").topics,
        ["Jenkins", "GitHub Actions", "GitLab CI", "CircleCI"]
    );

    // Stage lengths win over the sums of their steps: 9–11 months in all,
    // shown in months.
    let total = r.total();
    assert_weeks(total.weeks, Some(weeks(9.0 * MONTH, 11.0 * MONTH)), "total");
    assert_eq!(total.unestimated, 0);
    assert_eq!(total.unit, Unit::Months);
    assert_eq!(total.to_string(), "9–11 months (≈39–47.7 weeks)");
    assert!(
        projects(&r).is_empty(),
        "the article names no project ideas"
    );
    // The closing advice: basics, then real projects, then advanced topics.
    assert_eq!(r.tips.len(), 1);
    assert!(r.tips[0].contains("real projects"), "{}", r.tips[0]);
    assert_eq!(
        keys_of(&r),
        BTreeMap::from([
            ("internet", "internet-basics"),
            ("programming-language", "programming-language"),
            ("version-control", "git"),
            ("databases", "databases"),
            ("apis", "apis"),
            ("caching", "caching"),
            ("security", "web-security"),
            ("testing", "testing"),
            ("ci-cd", "ci-cd"),
            ("containerization", "docker"),
            ("message-brokers", "message-queues"),
            ("web-servers", "web-servers"),
            ("real-time-data", "real-time"),
        ])
    );
}

// ---------------------------------------------------------------- 002

#[test]
fn ten_steps_has_ten_unestimated_steps() {
    let r = load("backend-ten-steps");
    assert_eq!(
        r.source.title.as_deref(),
        Some("Roadmap to Becoming a Backend Developer")
    );
    assert_eq!(r.source.author, None);
    assert_eq!(r.source.published, None);
    assert_eq!(r.pace_hours_per_week, None);
    assert_eq!(
        phase_ids(&r),
        [
            "programming-foundations",
            "version-control",
            "databases",
            "server-networking-apis",
            "backend-frameworks",
            "auth-security",
            "testing-debugging",
            "deployment-devops",
            "scalability-advanced",
            "soft-skills-career",
        ]
    );
    assert_eq!(
        phase_titles(&r),
        [
            "Foundations of programming",
            "Version control",
            "Databases",
            "Server, networking and APIs",
            "Backend frameworks",
            "Authentication and security",
            "Testing and debugging",
            "Deployment and DevOps basics",
            "Scalability and advanced topics",
            "Soft skills and career preparation",
        ]
    );
    assert_eq!(r.skill_count(), 30);
    assert_unestimated(&r);
    assert_eq!(
        skill_ids_of_phase(&r, "databases"),
        ["relational-databases", "nosql-databases", "database-design"]
    );
    assert_eq!(
        skill_ids_of_phase(&r, "scalability-advanced"),
        [
            "caching",
            "message-queues",
            "microservices",
            "cloud-computing"
        ]
    );
    assert_eq!(
        skill(&r, "programming-language").topics,
        ["Python", "JavaScript (Node.js)", "Java", "Go", "PHP"]
    );
    assert_eq!(
        skill(&r, "unit-testing").topics,
        ["JUnit", "PyTest", "Mocha", "Jest"]
    );
    assert_eq!(
        skill(&r, "deployment").topics,
        ["Heroku", "Vercel", "Netlify", "AWS", "DigitalOcean"]
    );
    assert_eq!(projects(&r), [(9, "A strong portfolio")]);
    assert!(r.tips.is_empty(), "the article gives no general tips");
    let keys = keys_of(&r);
    assert_eq!(
        keys.get("relational-databases"),
        Some(&"relational-databases")
    );
    assert_eq!(keys.get("nosql-databases"), Some(&"nosql-databases"));
}

// ---------------------------------------------------------------- 003

#[test]
fn six_phases_totals_exactly_24_weeks() {
    let r = load("backend-six-phases");
    assert_eq!(
        r.source.title.as_deref(),
        Some("The Complete Backend Developer Roadmap for 2025")
    );
    assert_eq!(r.source.author.as_deref(), Some("Hira Hasan"));
    assert_eq!(
        r.source.published,
        chrono::NaiveDate::from_ymd_opt(2025, 7, 2)
    );
    assert_eq!(r.pace_hours_per_week, Some(14.0), "2 hours daily");
    assert_eq!(
        phase_ids(&r),
        [
            "fundamentals",
            "backend-basics",
            "databases",
            "auth-security",
            "testing-devops",
            "advanced"
        ]
    );
    assert_eq!(
        phase_titles(&r),
        [
            "Programming fundamentals",
            "Backend basics",
            "Databases",
            "Authentication and security",
            "Testing and DevOps",
            "Advanced topics",
        ]
    );
    // Weeks 1-4, 5-8, 9-12, 13-14, 15-18, 19-24.
    for (phase, w) in r.phases.iter().zip([4.0, 4.0, 4.0, 2.0, 4.0, 6.0]) {
        assert_weeks(
            phase.estimate.map(|e| e.weeks),
            Some(weeks(w, w)),
            &phase.id,
        );
        assert_eq!(
            phase.estimate.map(|e| e.unit),
            Some(Unit::Weeks),
            "{}",
            phase.id
        );
        assert_eq!(phase.skills.len(), 6, "{}: six items per phase", phase.id);
    }
    assert!(
        r.skills().all(|(_, s)| s.estimate.is_none()),
        "the article times phases, not skills"
    );
    let total = r.total();
    assert_weeks(total.weeks, Some(weeks(24.0, 24.0)), "total");
    assert_eq!(total.unestimated, 0);

    assert_eq!(
        skill_ids_of_phase(&r, "auth-security"),
        [
            "password-hashing",
            "jwt",
            "oauth",
            "cors",
            "input-validation",
            "rate-limiting"
        ]
    );
    assert_eq!(
        skill_ids_of_phase(&r, "advanced"),
        [
            "system-design",
            "message-queues",
            "websockets",
            "graphql",
            "microservices",
            "monitoring"
        ]
    );
    assert_eq!(
        skill(&r, "sql-fundamentals").topics,
        ["SELECT", "INSERT", "UPDATE", "DELETE", "JOINs"]
    );
    assert_eq!(
        skill(&r, "cloud-deployment").topics,
        ["AWS", "DigitalOcean", "Railway"]
    );
}

#[test]
fn six_phases_keeps_at_least_its_tips_and_keys() {
    let r = load("backend-six-phases");
    let keys = keys_of(&r);
    for (id, key) in [
        ("oop", "oop"),
        ("http", "http"),
        ("rest-api-design", "rest-api"),
        ("postgresql", "postgresql"),
        ("mongodb", "mongodb"),
        ("redis", "redis"),
        ("jwt", "jwt"),
        ("oauth", "oauth"),
        ("docker", "docker"),
        ("ci-cd", "ci-cd"),
        ("graphql", "graphql"),
        ("nginx", "web-servers"),
        ("websockets", "real-time"),
    ] {
        assert_eq!(keys.get(id), Some(&key), "{id}");
    }
    // "Build at least 2-3 small API projects during this phase."
    assert_eq!(projects(&r), [(1, "At least 2-3 small API projects")]);
    assert!(r.phases[1].summary.contains("no fewer than two or three"));
    // "Tips for Success": five tips, the last the source of the pace.
    assert_eq!(r.tips.len(), 5);
    assert!(r.tips[0].contains("tutorial"), "{}", r.tips[0]);
    assert!(r.tips[4].contains("two hours daily"), "{}", r.tips[4]);
    assert!(
        r.summary.contains("tips"),
        "the pace is called the article's tip"
    );
}

// ---------------------------------------------------------------- 004

const LINKEDIN_PAGE: &str = "Learning Path for Aspiring Backend Developers";

fn assert_page_source(r: &Roadmap) {
    assert_eq!(r.source.title.as_deref(), Some(LINKEDIN_PAGE), "{}", r.id);
    assert_eq!(
        r.source.author, None,
        "{}: the posts are not attributed",
        r.id
    );
    assert_eq!(r.source.published, None, "{}", r.id);
    assert_eq!(r.pace_hours_per_week, None, "{}", r.id);
}

#[test]
fn eleven_points_keeps_all_eleven_points() {
    let r = load("backend-eleven-points");
    assert_page_source(&r);
    assert_eq!(
        phase_ids(&r),
        [
            "languages-frameworks",
            "web-basics",
            "databases",
            "api-development",
            "web-security",
            "caching",
            "version-control",
            "testing",
            "linux",
            "build-projects",
            "continuous-learning",
        ]
    );
    assert_eq!(r.phases[0].title, "Programming languages and frameworks");
    assert_eq!(
        r.phases[10].title,
        "Continuous learning and community engagement"
    );
    assert_eq!(r.skill_count(), 15);
    assert_unestimated(&r);
    assert_eq!(
        skill(&r, "second-language").topics,
        ["Python", "PHP", "Perl", "Ruby"]
    );
    assert_eq!(
        skill(&r, "databases").topics,
        ["MySQL", "PostgreSQL", "MongoDB"]
    );
    assert_eq!(skill(&r, "caching").topics, ["Redis", "Memcached"]);
    assert_eq!(projects(&r), [(9, "Portfolio for potential employers")]);
    // The closing advice: continuous learning and adaptability.
    assert_eq!(r.tips.len(), 1);
    assert!(r.tips[0].contains("learning"), "{}", r.tips[0]);
}

#[test]
fn learning_path_summary_names_its_three_projects() {
    let r = load("backend-learning-path");
    assert_page_source(&r);
    assert_eq!(
        phase_ids(&r),
        [
            "programming-fundamentals",
            "backend-essentials",
            "real-world-projects"
        ]
    );
    assert_eq!(r.skill_count(), 9);
    assert_unestimated(&r);
    assert_eq!(
        skill_ids_of_phase(&r, "backend-essentials"),
        ["http", "apis", "databases", "web-security"]
    );
    assert_eq!(
        skill_ids_of_phase(&r, "real-world-projects"),
        ["git", "docker", "cloud-deployment"]
    );
    assert_eq!(
        projects(&r),
        [(2, "Task manager"), (2, "Blog API"), (2, "Calculator")]
    );
    assert!(r.tips.is_empty(), "the page's summary gives no tips");
}

#[test]
fn path_2025_has_eight_steps_and_a_bonus() {
    let r = load("backend-path-2025");
    assert_page_source(&r);
    assert_eq!(
        phase_ids(&r),
        [
            "fundamentals",
            "how-the-web-works",
            "rest-apis",
            "database",
            "projects",
            "authentication",
            "testing",
            "deployment",
            "bonus",
        ]
    );
    assert_eq!(r.skill_count(), 11);
    assert_unestimated(&r);
    // "Learn programming fundamentals • Use Python": the fundamentals.
    let fundamentals = skill(&r, "programming-fundamentals");
    assert_eq!(fundamentals.key.as_deref(), Some("programming-basics"));
    assert_eq!(fundamentals.topics, ["Python"]);
    assert_eq!(skill(&r, "rest-apis").topics, ["FastAPI"]);
    assert_eq!(skill(&r, "postgresql").key.as_deref(), Some("postgresql"));
    assert_eq!(
        skill(&r, "authentication").topics,
        ["OAuth", "JWT", "session-based auth"]
    );
    assert_eq!(skill(&r, "testing").topics, ["unit", "e2e"]);
    assert_eq!(
        skill_ids_of_phase(&r, "bonus"),
        ["caching", "message-queues", "system-design"]
    );
    // Step 5: "Build 3+ backend projects".
    assert_eq!(
        projects(&r),
        [
            (4, "Blog API"),
            (4, "Task manager"),
            (4, "Advanced calculator"),
            (4, "Something you want to use or build"),
        ]
    );
    assert!(r.tips.is_empty(), "the post gives no general tips");
}

#[test]
fn backend_burger_has_eight_layers() {
    let r = load("backend-burger");
    assert_page_source(&r);
    assert!(
        r.summary.contains("Brij kishore Pandey"),
        "the visual is credited"
    );
    assert_eq!(
        phase_ids(&r),
        [
            "your-why",
            "foundations",
            "framework",
            "databases",
            "hands-on",
            "version-control",
            "docker",
            "testing"
        ]
    );
    assert_eq!(r.phases[0].title, "Understand your why");
    assert_eq!(r.phases[7].title, "Practice testing");
    assert_eq!(r.skill_count(), 12);
    assert_unestimated(&r);
    assert_eq!(
        skill_ids_of_phase(&r, "databases"),
        ["postgresql", "mongodb"]
    );
    assert_eq!(skill(&r, "unit-testing").topics, ["pytest"]);
    assert_eq!(
        projects(&r),
        [(4, "Simple CRUD app"), (5, "GitHub portfolio")]
    );
    // The opening and closing advice: not everything at once; stay
    // consistent and build practical projects.
    assert_eq!(r.tips.len(), 2);
    assert!(r.tips[1].contains("practical projects"), "{}", r.tips[1]);
}

// ---------------------------------------------------------------- own words

/// Phrases of the articles that summaries once followed too closely. The
/// facts stay; the sentences must be trailmark's own.
#[test]
fn summaries_do_not_echo_the_articles_sentences() {
    let echoes: [(&str, &str); 12] = [
        ("backend-six-phases", "master the basics"),
        ("backend-six-phases", "before any framework"),
        ("backend-six-phases", "type safety and ecosystem"),
        ("backend-six-phases", "learn it deeply"),
        ("backend-burger", "even a simple crud app"),
        ("backend-burger", "start small"),
        ("backend-burger", "ready for production"),
        ("backend-three-stages", "basic to advanced"),
        ("backend-three-stages", "storing the data in memory"),
        ("backend-three-stages", "before going live"),
        (
            "backend-eleven-points",
            "frequently accessed data in memory",
        ),
        ("backend-learning-path", "versatile"),
    ];
    for (id, phrase) in echoes {
        let r = load(id);
        let mut texts = vec![r.summary.clone()];
        texts.extend(r.tips.iter().cloned());
        for p in &r.phases {
            texts.push(p.summary.clone());
            texts.extend(p.skills.iter().map(|s| s.summary.clone()));
            texts.extend(p.projects.iter().map(|j| j.description.clone()));
        }
        for text in texts {
            assert!(
                !text.to_lowercase().contains(phrase),
                "{id}: `{text}` echoes the article (`{phrase}`)"
            );
        }
    }
}
