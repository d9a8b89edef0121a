//! The bundled roadmaps that follow a list article or a post
//! (`eleven-points`, `learning-path`, `path-2025`, `backend-burger`) keep
//! its points, projects and page source. The tests never read the articles.

#[path = "support/bundled.rs"]
mod bundled;
use bundled::*;

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
