//! Small hand-built roadmaps for unit tests elsewhere in the crate, so each
//! test says only what matters to it.

use super::{Phase, Roadmap, Skill, Source};
use crate::estimate::{Estimate, Weeks};

/// A skill titled like its id, with an optional estimate in weeks.
pub(crate) fn skill(id: &str, weeks: Option<f64>) -> Skill {
    Skill {
        id: id.into(),
        title: id.into(),
        key: None,
        aliases: vec![],
        summary: String::new(),
        topics: vec![],
        resources: vec![],
        estimate: weeks.map(|w| Estimate::in_weeks(Weeks::exact(w))),
    }
}

/// The same, with a shared key.
pub(crate) fn keyed(id: &str, key: &str) -> Skill {
    Skill {
        key: Some(key.into()),
        ..skill(id, None)
    }
}

/// Roadmap `r` with one phase `p` holding `skills`.
pub(crate) fn one_phase(estimate: Option<Weeks>, skills: Vec<Skill>) -> Roadmap {
    Roadmap {
        id: "r".into(),
        title: "R".into(),
        summary: String::new(),
        source: Source::default(),
        pace_hours_per_week: None,
        tips: vec![],
        phases: vec![Phase {
            id: "p".into(),
            title: "P".into(),
            summary: String::new(),
            estimate: estimate.map(Estimate::in_weeks),
            skills,
            projects: vec![],
        }],
    }
}

/// The smallest valid roadmap file: roadmap `r`, phase `p`, skill `s`. Tests
/// of loading break it by replacing a piece of text.
pub(crate) const OK: &str = "id: r\ntitle: R\nsource: {}\nphases:\n  - id: p\n    title: P\n    skills:\n      - id: s\n        title: S\n";

/// The lines of the error loading `text` gives, each one problem.
pub(crate) fn messages(text: &str) -> Vec<String> {
    let err = Roadmap::from_yaml_str(text, "f.yaml").unwrap_err();
    err.to_string().lines().map(str::to_owned).collect()
}

/// [`one_phase`] in a roadmap that assumes 10 hours a week, for the
/// forecasts that convert its weeks to a learner's pace.
pub(crate) fn paced_one_phase(phase_estimate: Option<Weeks>, skills: Vec<Skill>) -> Roadmap {
    Roadmap {
        pace_hours_per_week: Some(10.0),
        ..one_phase(phase_estimate, skills)
    }
}
