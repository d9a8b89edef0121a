//! The bundled roadmaps written as numbered steps or phases (`ten-steps`,
//! `six-phases`) keep the shape of the article each follows: steps in
//! order, estimates exactly as published (or none), tips and keys.
//! The tests never read the articles.

use trailmark::estimate::Unit;

#[path = "support/bundled.rs"]
mod bundled;
use bundled::*;

// ---------------------------------------------------------------- 002

#[test]
// Over 60 lines on purpose: it pins the article's facts (all ten steps, in order) as one
// table, to read against the article.
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
// Over 60 lines on purpose: it pins the article's facts (every phase and estimate, as
// published) as one table, to read against the article.
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
