//! Turns the raw serde shape into the model, collecting every problem instead
//! of stopping at the first. Problems carry a document path; positions are
//! looked up afterwards, and only when there is something to report.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::locate::{Anchor, Seg};
use super::raw::{RawEstimate, RawPhase, RawProject, RawResource, RawRoadmap, RawSkill, RawSource};
use super::{Phase, Project, Resource, Roadmap, Skill, Source};
use crate::estimate::{self, Weeks};

/// A problem before its position is known.
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    pub path: Vec<Seg>,
    pub anchor: Anchor,
    pub place: String,
    pub message: String,
}

/// A place in the document, as a path for the locator and as words for people.
#[derive(Debug, Clone, Default)]
pub(crate) struct At {
    pub path: Vec<Seg>,
    pub place: String,
}

impl At {
    pub fn root() -> Self {
        Self::default()
    }

    pub fn key(&self, key: &str) -> Self {
        let mut path = self.path.clone();
        path.push(Seg::Key(key.to_owned()));
        Self {
            path,
            place: self.join(key),
        }
    }

    /// The `index`th entry of list `key`, described as `label` (e.g. "phase 3 `db`").
    pub fn item(&self, key: &str, index: usize, label: &str) -> Self {
        let mut path = self.path.clone();
        path.push(Seg::Key(key.to_owned()));
        path.push(Seg::Index(index));
        Self {
            path,
            place: self.join(label),
        }
    }

    fn join(&self, part: &str) -> String {
        if self.place.is_empty() {
            part.to_owned()
        } else {
            format!("{} › {part}", self.place)
        }
    }

    /// Entry `index` of this list, counted from 1 for people.
    pub fn index(&self, index: usize) -> Self {
        let mut path = self.path.clone();
        path.push(Seg::Index(index));
        Self {
            path,
            place: format!("{} {}", self.place, index + 1),
        }
    }

    pub fn problem(&self, message: impl Into<String>) -> Pending {
        Pending {
            path: self.path.clone(),
            anchor: Anchor::Value,
            place: self.place.clone(),
            message: message.into(),
        }
    }

    pub fn key_problem(&self, message: impl Into<String>) -> Pending {
        Pending {
            anchor: Anchor::Key,
            ..self.problem(message)
        }
    }
}

/// Words for a list entry: ``skill `jwt` `` when it has a usable id, else `skill 4`.
pub(crate) fn label(kind: &str, index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) if !id.trim().is_empty() => format!("{kind} `{id}`"),
        _ => format!("{kind} {}", index + 1),
    }
}

pub(crate) fn phase_label(index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) if !id.trim().is_empty() => format!("phase {} `{id}`", index + 1),
        _ => format!("phase {}", index + 1),
    }
}

/// Lowercase letters, digits, `-` and `_`, starting with a letter or digit.
/// Ids end up in progress keys (`roadmap/skill`) and on the command line.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// A suggestion for a mistyped name, when one is close enough to be a typo.
pub(crate) fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (wrong.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(wrong, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A plausible web address: http(s), a host, no spaces.
fn url_problem(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    let ok = host.is_some_and(|h| {
        let h = h.rsplit('@').next().unwrap_or(h);
        let name = h.split(':').next().unwrap_or(h);
        !name.is_empty()
            && (name.contains('.') || name == "localhost")
            && !name.starts_with('.')
            && !name.ends_with('.')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    }) && !url.chars().any(char::is_whitespace);
    (!ok).then(|| {
        format!(
            "`{url}` is not a web address; write a full URL such as `https://example.com/guide`"
        )
    })
}

struct Validator<'o> {
    out: &'o mut Vec<Pending>,
}

impl Validator<'_> {
    fn push(&mut self, p: Pending) {
        self.out.push(p);
    }

    /// A required, non-empty text field.
    fn title(&mut self, at: &At, field: &str, value: Option<String>, what: &str) -> String {
        match value {
            Some(v) if !v.trim().is_empty() => v,
            Some(_) => {
                self.push(
                    at.key(field)
                        .problem(format!("`{field}` is empty; give the {what} a {field}")),
                );
                String::new()
            }
            None => {
                self.push(at.problem(format!(
                    "missing `{field}`; add `{field}:` with the {what}'s {field}"
                )));
                String::new()
            }
        }
    }

    /// A required id with the id syntax.
    fn id(&mut self, at: &At, value: Option<String>, what: &str, example: &str) -> String {
        match value {
            Some(v) if is_valid_id(&v) => v,
            Some(v) if v.trim().is_empty() => {
                self.push(at.key("id").problem(format!(
                    "`id` is empty; give the {what} an id such as `{example}`"
                )));
                String::new()
            }
            Some(v) => {
                let fixed = suggest_id(&v);
                self.push(at.key("id").problem(format!(
                    "`{v}` is not a valid id; ids use lowercase letters, digits, `-` and `_` (try `{fixed}`)"
                )));
                v
            }
            None => {
                self.push(at.problem(format!(
                    "missing `id`; add `id: {example}` (lowercase letters, digits, `-`)"
                )));
                String::new()
            }
        }
    }

    fn estimate(&mut self, at: &At, value: Option<RawEstimate>) -> Option<Weeks> {
        let parsed = match value? {
            RawEstimate::Number(n) => estimate::from_number(n),
            RawEstimate::Text(t) => estimate::parse(&t),
        };
        parsed
            .map_err(|e| self.push(at.key("estimate").problem(e.to_string())))
            .ok()
    }

    fn source(&mut self, at: &At, raw: Option<RawSource>) -> Source {
        let Some(raw) = raw else {
            self.push(at.problem(
                "missing `source`; add `source:` with the `title`, `author` and `published` date of where the roadmap comes from",
            ));
            return Source::default();
        };
        let at = at.key("source");
        let published = raw.published.and_then(|d| {
            NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                .map_err(|_| {
                    self.push(at.key("published").problem(format!(
                        "`{d}` is not a date; write it as YYYY-MM-DD, e.g. `2025-03-18`"
                    )));
                })
                .ok()
        });
        if let Some(msg) = raw.url.as_deref().and_then(url_problem) {
            self.push(at.key("url").problem(msg));
        }
        Source {
            title: raw.title.filter(|s| !s.trim().is_empty()),
            author: raw.author.filter(|s| !s.trim().is_empty()),
            published,
            url: raw.url,
        }
    }

    fn roadmap(&mut self, raw: RawRoadmap) -> Roadmap {
        let root = At::root();
        let id = self.id(&root, raw.id, "roadmap", "my-roadmap");
        let title = self.title(&root, "title", raw.title, "roadmap");
        let source = self.source(&root, raw.source);
        let pace = raw.pace_hours_per_week.filter(|p| {
            let ok = p.is_finite() && *p > 0.0 && *p <= 168.0;
            if !ok {
                self.push(root.key("pace_hours_per_week").problem(format!(
                    "{p} is not a weekly pace; give the hours per week the estimates assume, between 0 and 168"
                )));
            }
            ok
        });
        let at = if raw.phases.is_some() {
            root.key("phases")
        } else {
            root.clone()
        };
        let raw_phases = raw.phases.unwrap_or_default();
        if raw_phases.is_empty() {
            self.push(at.problem(
                "the roadmap has no phases; add `phases:` with at least one phase holding one skill",
            ));
        }
        let mut phase_ids: HashMap<String, usize> = HashMap::new();
        let mut skill_ids: HashMap<String, String> = HashMap::new();
        let mut project_ids: HashMap<String, String> = HashMap::new();
        let mut pending_refs: Vec<(At, Vec<String>)> = Vec::new();
        let mut phases = Vec::with_capacity(raw_phases.len());
        for (pi, rp) in raw_phases.into_iter().enumerate() {
            let at = root.item("phases", pi, &phase_label(pi, rp.id.as_deref()));
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
        for (at, refs) in pending_refs {
            for (i, r) in refs.iter().enumerate() {
                if !skill_ids.contains_key(r) {
                    let hint = did_you_mean(r, skill_ids.keys().map(String::as_str)).map_or_else(
                        || "use the id of a skill in this roadmap".to_owned(),
                        |s| format!("did you mean `{s}`?"),
                    );
                    self.push(
                        at.key("skills")
                            .index(i)
                            .problem(format!("no skill has the id `{r}`; {hint}")),
                    );
                }
            }
        }
        Roadmap {
            id,
            title,
            summary: raw.summary.unwrap_or_default(),
            source,
            pace_hours_per_week: pace,
            phases,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn phase(
        &mut self,
        at: &At,
        rp: RawPhase,
        phase_ids: &mut HashMap<String, usize>,
        pi: usize,
        skill_ids: &mut HashMap<String, String>,
        project_ids: &mut HashMap<String, String>,
        refs: &mut Vec<(At, Vec<String>)>,
    ) -> Phase {
        let id = self.id(at, rp.id, "phase", "basics");
        if !id.is_empty()
            && let Some(first) = phase_ids.insert(id.clone(), pi) {
                self.push(at.key("id").problem(format!(
                    "phase id `{id}` is already used by phase {}; give each phase its own id",
                    first + 1
                )));
            }
        let title = self.title(at, "title", rp.title, "phase");
        let estimate = self.estimate(at, rp.estimate);
        let raw_skills = rp.skills.unwrap_or_default();
        if raw_skills.is_empty() {
            self.push(at.problem("the phase has no skills; list at least one under `skills:`"));
        }
        let skills = raw_skills
            .into_iter()
            .enumerate()
            .map(|(si, rs)| {
                let sat = at.item("skills", si, &label("skill", si, rs.id.as_deref()));
                self.skill(&sat, rs, skill_ids)
            })
            .collect();
        let projects = rp
            .projects
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(ji, rj)| {
                let jat = at.item("projects", ji, &label("project", ji, rj.id.as_deref()));
                self.project(&jat, rj, project_ids, refs)
            })
            .collect();
        Phase {
            id,
            title,
            summary: rp.summary.unwrap_or_default(),
            estimate,
            skills,
            projects,
        }
    }

    fn skill(&mut self, at: &At, rs: RawSkill, ids: &mut HashMap<String, String>) -> Skill {
        let id = self.id(at, rs.id, "skill", "git-basics");
        if !id.is_empty()
            && let Some(first) = ids.insert(id.clone(), at.place.clone()) {
                self.push(at.key("id").problem(format!(
                    "skill id `{id}` is already used by {first}; skill ids must be unique in a roadmap (to share progress between roadmaps, give both the same `key`)"
                )));
            }
        let title = self.title(at, "title", rs.title, "skill");
        if let Some(key) = rs.key.as_deref()
            && !is_valid_id(key) {
                self.push(at.key("key").problem(format!(
                    "`{key}` is not a valid key; keys use lowercase letters, digits and `-`, like `git` or `ci-cd` (try `{}`)",
                    suggest_id(key)
                )));
            }
        let topics = rs.topics.unwrap_or_default();
        for (i, t) in topics.iter().enumerate() {
            if t.trim().is_empty() {
                self.push(
                    at.key("topics")
                        .index(i)
                        .problem("the topic is empty; write the topic or remove the line"),
                );
            }
        }
        let resources = rs
            .resources
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(ri, rr)| {
                self.resource(
                    &at.item("resources", ri, &format!("resource {}", ri + 1)),
                    rr,
                )
            })
            .collect();
        let estimate = self.estimate(at, rs.estimate);
        Skill {
            id,
            title,
            key: rs.key,
            summary: rs.summary.unwrap_or_default(),
            topics,
            resources,
            estimate,
        }
    }

    fn resource(&mut self, at: &At, rr: RawResource) -> Resource {
        let title = self.title(at, "title", rr.title, "resource");
        let url = if let Some(u) = rr.url {
            if let Some(msg) = url_problem(&u) {
                self.push(at.key("url").problem(msg));
            }
            u
        } else {
            self.push(at.problem("missing `url`; add `url:` with the resource's web address"));
            String::new()
        };
        Resource { title, url }
    }

    fn project(
        &mut self,
        at: &At,
        rj: RawProject,
        ids: &mut HashMap<String, String>,
        refs: &mut Vec<(At, Vec<String>)>,
    ) -> Project {
        let id = self.id(at, rj.id, "project", "blog-api");
        if !id.is_empty()
            && let Some(first) = ids.insert(id.clone(), at.place.clone()) {
                self.push(at.key("id").problem(format!(
                    "project id `{id}` is already used by {first}; give each project idea its own id"
                )));
            }
        let title = self.title(at, "title", rj.title, "project");
        let skills = rj.skills.unwrap_or_default();
        refs.push((at.clone(), skills.clone()));
        Project {
            id,
            title,
            description: rj.description.unwrap_or_default(),
            skills,
        }
    }
}

/// Turns `Git Basics!` into `git-basics` for the "try …" hint.
fn suggest_id(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "my-id".to_owned()
    } else {
        out
    }
}

/// Validates `raw` into a roadmap, appending every problem to `out`. The
/// roadmap is only meaningful when `out` stayed empty.
pub(crate) fn validate(raw: RawRoadmap, out: &mut Vec<Pending>) -> Roadmap {
    Validator { out }.roadmap(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_urls() {
        assert!(is_valid_id("backend-six-phases"));
        assert!(is_valid_id("c_2"));
        assert!(!is_valid_id("Git"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("a/b"));
        assert_eq!(suggest_id("Git Basics!"), "git-basics");
        assert!(url_problem("https://example.com/x?y#z").is_none());
        assert!(url_problem("http://localhost:8080/").is_none());
        assert!(url_problem("htps://example.com").is_some());
        assert!(url_problem("https://exa mple.com").is_some());
        assert!(url_problem("https://").is_some());
        assert!(url_problem("example.com").is_some());
    }

    #[test]
    fn suggests_close_names_only() {
        let fields = ["summary", "title", "topics"];
        assert_eq!(did_you_mean("summry", fields), Some("summary"));
        assert_eq!(did_you_mean("titel", fields), Some("title"));
        assert_eq!(did_you_mean("colour", fields), None);
    }
}
