//! Shared by the bundled-roadmap tests: the bundled ids, the vocabulary and
//! README they must agree with, loading, and asserting estimates as the
//! articles write them (a month is 52/12 weeks).

#![allow(dead_code)] // each test file uses only some of these

use std::collections::BTreeMap;

use serde::Deserialize;
use trailmark::catalog::BUNDLED;
use trailmark::estimate::{Estimate, Weeks};
use trailmark::roadmap::Roadmap;

pub const MONTH: f64 = 52.0 / 12.0;
pub const EPS: f64 = 1e-9;

pub const VOCABULARY: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/roadmaps/vocabulary/skill-keys.yaml"
));
pub const README: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/roadmaps/README.md"));

/// The bundled variants, one or more per source article.
pub const IDS: [&str; 8] = [
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
pub struct Vocabulary {
    pub keys: Vec<VocabularyEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VocabularyEntry {
    pub key: String,
    pub title: String,
    #[allow(dead_code)]
    pub note: Option<String>,
    #[allow(dead_code)]
    pub docs: Option<String>,
}

pub fn vocabulary() -> Vocabulary {
    serde_yaml::from_str(VOCABULARY)
        .unwrap_or_else(|e| panic!("roadmaps/vocabulary/skill-keys.yaml: {e}"))
}

pub fn all() -> Vec<Roadmap> {
    BUNDLED
        .iter()
        .map(|f| Roadmap::from_yaml_str(f.text, f.name).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

pub fn load(id: &str) -> Roadmap {
    let name = format!("{id}.yaml");
    let file = BUNDLED
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no bundled file {name}"));
    Roadmap::from_yaml_str(file.text, file.name).unwrap_or_else(|e| panic!("{e}"))
}

pub fn weeks(min: f64, max: f64) -> Weeks {
    Weeks { min, max }
}

pub fn assert_weeks(got: Option<Weeks>, want: Option<Weeks>, what: &str) {
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
pub fn assert_estimate(got: Option<Estimate>, want: Option<&str>, what: &str) {
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

pub fn phase_ids(r: &Roadmap) -> Vec<&str> {
    r.phases.iter().map(|p| p.id.as_str()).collect()
}

pub fn phase_titles(r: &Roadmap) -> Vec<&str> {
    r.phases.iter().map(|p| p.title.as_str()).collect()
}

/// Project titles in roadmap order, with the index of the phase holding each.
pub fn projects(r: &Roadmap) -> Vec<(usize, &str)> {
    r.phases
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| p.projects.iter().map(move |j| (pi, j.title.as_str())))
        .collect()
}

pub fn skill<'a>(r: &'a Roadmap, id: &str) -> &'a trailmark::roadmap::Skill {
    let (pi, si) = r
        .find_skill(id)
        .unwrap_or_else(|| panic!("{}: no skill `{id}`", r.id));
    &r.phases[pi].skills[si]
}

pub fn skill_ids_of_phase<'a>(r: &'a Roadmap, phase: &str) -> Vec<&'a str> {
    let p = r
        .phases
        .iter()
        .find(|p| p.id == phase)
        .unwrap_or_else(|| panic!("no phase `{phase}`"));
    p.skills.iter().map(|s| s.id.as_str()).collect()
}

pub fn keys_of(r: &Roadmap) -> BTreeMap<&str, &str> {
    r.skills()
        .filter_map(|(_, s)| s.key.as_deref().map(|k| (s.id.as_str(), k)))
        .collect()
}

/// No skill of the roadmap has an estimate, and no phase has one either.
pub fn assert_unestimated(r: &Roadmap) {
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

// ---------------------------------------------------------------- 004

pub const LINKEDIN_PAGE: &str = "Learning Path for Aspiring Backend Developers";

pub fn assert_page_source(r: &Roadmap) {
    assert_eq!(r.source.title.as_deref(), Some(LINKEDIN_PAGE), "{}", r.id);
    assert_eq!(
        r.source.author, None,
        "{}: the posts are not attributed",
        r.id
    );
    assert_eq!(r.source.published, None, "{}", r.id);
    assert_eq!(r.pace_hours_per_week, None, "{}", r.id);
}
