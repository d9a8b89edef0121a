//! The bundled roadmaps built on timelines (`skills-timeline`,
//! `three-stages`) keep the shape of the article each follows: phases in
//! order and time estimates exactly as published (`1 month`, `4–6 weeks`),
//! the unit and the weeks both. The tests never read the articles.

use std::collections::BTreeMap;

use trailmark::estimate::Unit;
use trailmark::forecast::skill_times;
use trailmark::progress::Progress;

#[path = "support/bundled.rs"]
mod bundled;
use bundled::*;

// ---------------------------------------------------------------- 000

#[test]
// Over 60 lines on purpose: it pins the article's facts (every phase and estimate, as
// published) as one table, to read against the article.
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
// Over 60 lines on purpose: it pins the article's facts (every stage, step and estimate,
// as published) as one table, to read against the article.
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
