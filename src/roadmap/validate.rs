//! Turns the raw serde shape into the model, collecting every problem instead
//! of stopping at the first. Problems carry a document path; positions are
//! looked up afterwards, and only when there is something to report.
//!
//! This file holds the entry point and the roadmap's own fields (its source,
//! tips and phase list). The per-entry checks live beside it: `fields` (the
//! checks every kind of field shares: titles, ids, lists, estimates),
//! `phase` (a phase and its project ideas), `skill` (a skill and its
//! resources), `across` (collisions between skills), `place` (where a
//! problem is) and `rules` (value syntax: ids, web addresses).

mod across;
mod fields;
mod phase;
mod place;
mod rules;
mod skill;

use std::collections::HashMap;

use super::raw::{Field, RawRoadmap, RawSource, Text};
use super::strict;
use super::{Phase, Roadmap, Source};
pub(crate) use place::{At, Pending, Where, label, phase_label};
pub(crate) use rules::did_you_mean;
pub use rules::is_valid_id;
use rules::{suggest_id, url_problem};

/// Checks one roadmap, pushing each problem to `out` as it goes.
struct Validator<'o> {
    out: &'o mut Vec<Pending>,
    /// Each phase's place in words, for naming the first of two skills with one id.
    phase_places: Vec<String>,
    /// Whether to check at all: `false` only builds the model, for a bundled
    /// roadmap's first frame (see [`convert_unchecked`]).
    checks: bool,
}

impl Validator<'_> {
    fn source(&mut self, at: &At, raw: Field<RawSource>) -> Source {
        let raw = match raw {
            Some(Some(raw)) => raw,
            Some(None) => {
                self.push(at.key("source").key_problem(
                    "`source` has no value; under `source:` give the `title`, `author`, `published` date or `url` of where the roadmap comes from, or write `source: {}` if it has none",
                ));
                return Source::default();
            }
            None => {
                self.push(at.missing(
                    "source",
                    "missing `source`; add `source:` with the `title`, `author` and `published` date of where the roadmap comes from (or `source: {}` if it has none)",
                ));
                return Source::default();
            }
        };
        let at = at.key("source");
        let mut line = |field: &str, value: Option<Text>| {
            value
                .map(String::from)
                .filter(|v| self.line_ok(|| at.key(field), v))
        };
        let title = line("title", raw.title);
        let author = line("author", raw.author);
        let url = line("url", raw.url);
        let published = line("published", raw.published).and_then(|d| {
            let date = strict::parse_date(&d);
            if date.is_none() {
                self.push(at.key("published").problem(strict::date_problem(&d)));
            }
            date
        });
        if let Some(msg) = url.as_deref().filter(|_| self.checks).and_then(url_problem) {
            self.push(at.key("url").problem(msg));
        }
        Source {
            title: title.filter(|s| !s.trim().is_empty()),
            author: author.filter(|s| !s.trim().is_empty()),
            published,
            url,
        }
    }

    fn roadmap(&mut self, raw: RawRoadmap) -> Roadmap {
        let root = At::root();
        let id = self.id(&root, &raw.id, "roadmap", "my-roadmap");
        let title = self.title(&root, "title", raw.title, "roadmap");
        let source = self.source(&root, raw.source);
        let pace = raw.pace_hours_per_week.filter(|p| {
            let ok = p.is_finite() && *p > 0.0 && *p <= 168.0;
            if !ok {
                self.push(root.key("pace_hours_per_week").problem(format!(
                    "`{p}` is not a weekly pace; give the hours of study per week that the estimates assume, more than 0 and at most 168 (e.g. `10`)"
                )));
            }
            ok
        });
        let tips = self.tips(&root, raw.tips);
        let raw_phases = self.list(
            &root,
            "phases",
            raw.phases,
            "add `phases:` with at least one phase (each with `id`, `title` and `skills`)",
            "a roadmap needs at least one phase (with `id`, `title` and `skills`)",
        );
        let mut phase_ids: HashMap<String, usize> = HashMap::new();
        let mut skill_ids: HashMap<String, (usize, usize)> = HashMap::new();
        let mut project_ids: HashMap<String, String> = HashMap::new();
        let mut pending_refs: Vec<(At, Vec<String>)> = Vec::new();
        let mut phases = Vec::with_capacity(raw_phases.len());
        for (pi, rp) in raw_phases.into_iter().enumerate() {
            let at = root.item("phases", pi, &phase_label(pi, field_str(rp.id.as_ref())));
            if self.checks {
                self.phase_places.push(at.place.clone());
            }
            phases.push(self.phase(
                &at,
                rp,
                &mut phase_ids,
                pi,
                &mut skill_ids,
                &mut project_ids,
                &mut pending_refs,
            ));
        }
        if self.checks {
            self.project_skills(pending_refs, &skill_ids, &phases);
        }
        Roadmap {
            id,
            title,
            summary: self.prose(|| root.key("summary"), raw.summary),
            source,
            pace_hours_per_week: pace,
            tips,
            phases,
        }
    }

    /// Every skill a project idea names must be a skill of the roadmap.
    /// Checked once all phases are read, because a project may name a skill
    /// of a later phase; `refs` holds each project's place and skill ids.
    fn project_skills(
        &mut self,
        refs: Vec<(At, Vec<String>)>,
        skill_ids: &HashMap<String, (usize, usize)>,
        phases: &[Phase],
    ) {
        for (at, refs) in refs {
            for (i, r) in refs.iter().enumerate() {
                if !r.is_empty() && !skill_ids.contains_key(r) {
                    let hint = did_you_mean(r, skill_ids.keys().map(String::as_str))
                        .map_or_else(|| known_skills(phases), |s| format!("did you mean `{s}`?"));
                    self.push(
                        at.key("skills")
                            .index(i)
                            .problem(format!("no skill has the id `{r}`; {hint}")),
                    );
                }
            }
        }
    }

    /// The roadmap's tips: each one line of text, so that every front end
    /// can show it as one list item. Surrounding blanks (the line break `>`
    /// leaves at the end) are trimmed; a break inside is refused rather than
    /// joined, because only the author knows whether it starts a new tip.
    fn tips(&mut self, root: &At, raw: Option<Vec<Text>>) -> Vec<String> {
        let tips: Vec<String> = raw
            .unwrap_or_default()
            .into_iter()
            .map(|Text(t)| t.trim().to_owned())
            .collect();
        for (i, tip) in tips.iter().enumerate() {
            let at = root.key("tips").index(i);
            if tip.is_empty() {
                self.push(at.problem("the tip is empty; write the tip or remove the entry"));
            } else if tip.contains(['\n', '\r']) {
                self.push(at.problem(
                    "a tip is one line of text, but this one spans several; make it one tip per `- ` entry, or fold a long tip with `>-` (which joins its lines)",
                ));
            }
        }
        tips
    }
}

/// What to say when a project names no skill of the roadmap: the skill ids,
/// when there are few enough to list.
fn known_skills(phases: &[Phase]) -> String {
    const LIST_UP_TO: usize = 12;
    let ids: Vec<String> = phases
        .iter()
        .flat_map(|p| &p.skills)
        .filter(|s| !s.id.is_empty())
        .map(|s| format!("`{}`", s.id))
        .collect();
    if ids.is_empty() || ids.len() > LIST_UP_TO {
        "use the `id` of a skill in this roadmap".to_owned()
    } else {
        format!("use the id of a skill in this roadmap: {}", ids.join(", "))
    }
}

/// The text of a present, non-null field.
fn field_str(f: Option<&Option<Text>>) -> Option<&str> {
    f.and_then(Option::as_ref).map(|t| t.0.as_str())
}

/// Validates `raw` into a roadmap, appending every problem to `out`. The
/// roadmap is only meaningful when `out` stayed empty.
pub(crate) fn validate(raw: RawRoadmap, out: &mut Vec<Pending>) -> Roadmap {
    let roadmap = Validator {
        out,
        phase_places: Vec::new(),
        checks: true,
    }
    .roadmap(raw);
    across::check(&roadmap.phases, out);
    roadmap
}

/// The model of `raw` without any of the checks: for a bundled roadmap's
/// first frame only, which the checked load replaces right after (see
/// `Catalog::load_bundled_first`). The checks are most of reading a bundled
/// roadmap, and bundled files pass them (a test compares both results for
/// each). On a file with problems the result is unspecified but never a
/// panic.
pub(crate) fn convert_unchecked(raw: RawRoadmap) -> Roadmap {
    Validator {
        out: &mut Vec::new(),
        phase_places: Vec::new(),
        checks: false,
    }
    .roadmap(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::Skill;

    #[test]
    fn lists_skill_ids_only_when_few() {
        let skill = |id: &str| Skill {
            id: id.into(),
            title: "T".into(),
            key: None,
            aliases: Vec::new(),
            summary: String::new(),
            topics: Vec::new(),
            resources: Vec::new(),
            estimate: None,
        };
        let phase = |n: usize| Phase {
            id: "p".into(),
            title: "P".into(),
            summary: String::new(),
            estimate: None,
            skills: (0..n).map(|i| skill(&format!("s{i}"))).collect(),
            projects: Vec::new(),
        };
        assert_eq!(
            known_skills(&[phase(2)]),
            "use the id of a skill in this roadmap: `s0`, `s1`"
        );
        assert_eq!(
            known_skills(&[phase(13)]),
            "use the `id` of a skill in this roadmap"
        );
    }

    #[test]
    fn tips_are_trimmed_and_a_folded_tip_is_one_line() {
        let text = "id: r\ntitle: R\nsource: {}\ntips:\n  - >-\n    Build projects,\n    not only tutorials.\n  - >\n    Read the docs.\n  - \"  Stay consistent.  \"\nphases:\n  - id: p\n    title: P\n    skills:\n      - id: s\n        title: S\n";
        let r = Roadmap::from_yaml_str(text, "f.yaml").unwrap();
        assert_eq!(
            r.tips,
            [
                "Build projects, not only tutorials.",
                "Read the docs.",
                "Stay consistent."
            ]
        );
        let none = Roadmap::from_yaml_str(&text.replace("tips:", "tipz:"), "f.yaml");
        assert!(none.is_err(), "an unknown field is still refused");
    }
}
