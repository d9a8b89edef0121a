//! Turns the raw serde shape into the model, collecting every problem instead
//! of stopping at the first. Problems carry a document path; positions are
//! looked up afterwards, and only when there is something to report.

mod across;

use std::collections::HashMap;

use super::locate::{Anchor, Pos, Seg};
use super::raw::{
    Field, RawEstimate, RawPhase, RawProject, RawResource, RawRoadmap, RawSkill, RawSource, Text,
};
use super::strict::{self, line_problem, prose_problem};
use super::{Phase, Project, Resource, Roadmap, Skill, Source};
use crate::estimate::{self, Estimate};

/// A problem before its position is known.
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    pub path: Vec<Seg>,
    pub anchor: Anchor,
    pub place: String,
    pub message: String,
    /// The problem is an absent field; `path` is the field's own path, which
    /// the source lacks, so the locator points at the enclosing mapping.
    pub missing: bool,
    /// A position known in advance (a repeated key, which the locator, keeping
    /// the first occurrence, cannot find).
    pub pos: Option<Pos>,
    /// The problem is an empty value; these words name what it should be
    /// (``the skill's title``). When the source wrote a null word there
    /// (`~`, `null`) that the field would accept as text (the function
    /// says), the message says to quote that word instead.
    pub if_null: Option<IfNull>,
    /// The problem is this character in the value: when it stands in the
    /// source as itself (not as an escape), the position moves onto it.
    pub culprit: Option<char>,
}

/// For an empty value: what belongs there, in words (``the skill's
/// title``), and whether a given null word would be fine there as text.
#[derive(Debug, Clone)]
pub(crate) struct IfNull {
    pub what: String,
    pub fits: fn(&str) -> bool,
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

    /// Entry `index` of this list, counted from 1 for people: `topics #3`.
    pub fn index(&self, index: usize) -> Self {
        let mut path = self.path.clone();
        path.push(Seg::Index(index));
        Self {
            path,
            place: format!("{} #{}", self.place, index + 1),
        }
    }

    pub fn problem(&self, message: impl Into<String>) -> Pending {
        Pending {
            path: self.path.clone(),
            anchor: Anchor::Value,
            place: self.place.clone(),
            message: message.into(),
            missing: false,
            pos: None,
            if_null: None,
            culprit: None,
        }
    }

    /// Field `field` of this mapping is absent.
    pub fn missing(&self, field: &str, message: impl Into<String>) -> Pending {
        Pending {
            path: self.key(field).path,
            missing: true,
            ..self.problem(message)
        }
    }

    pub fn key_problem(&self, message: impl Into<String>) -> Pending {
        Pending {
            anchor: Anchor::Key,
            ..self.problem(message)
        }
    }

    /// The value holds character `c`, which it must not.
    pub fn culprit(&self, c: char, message: impl Into<String>) -> Pending {
        Pending {
            culprit: Some(c),
            ..self.problem(message)
        }
    }

    /// This value is empty (`title:`); `what` names what belongs there, and
    /// `fits` says whether a null word would be a fine value once quoted.
    pub fn empty_problem(
        &self,
        message: impl Into<String>,
        what: impl Into<String>,
        fits: fn(&str) -> bool,
    ) -> Pending {
        Pending {
            if_null: Some(IfNull {
                what: what.into(),
                fits,
            }),
            ..self.key_problem(message)
        }
    }
}

/// Something that can say where in the document it is: an [`At`], or a
/// closure that builds one only when a problem needs it. Building the place
/// of every skill up front (a path and two strings) was the largest cost of
/// validating a large file that has no problems at all.
pub(crate) trait Where {
    fn at(&self) -> At;
}

impl Where for At {
    fn at(&self) -> At {
        self.clone()
    }
}

impl<F: Fn() -> At> Where for F {
    fn at(&self) -> At {
        self()
    }
}

/// Words for a list entry: ``skill `jwt` `` when it has a usable id, else `skill 4`.
pub(crate) fn label(kind: &str, index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) if names(id) => format!("{kind} `{id}`"),
        _ => format!("{kind} {}", index + 1),
    }
}

/// Whether `id` can name its entry in a place: not blank, and holding no
/// control character (that is reported, and would garble the place).
fn names(id: &str) -> bool {
    !id.trim().is_empty() && !id.chars().any(crate::text::is_control)
}

pub(crate) fn phase_label(index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) if names(id) => format!("phase {} `{id}`", index + 1),
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
    /// Each phase's place in words, for naming the first of two skills with one id.
    phase_places: Vec<String>,
}

impl Validator<'_> {
    fn push(&mut self, p: Pending) {
        self.out.push(p);
    }

    /// Whether one-line text at `at` holds no control character; reports one.
    fn line_ok(&mut self, at: impl FnOnce() -> At, text: &str) -> bool {
        line_problem(text)
            .map(|(c, m)| self.push(at().culprit(c, m)))
            .is_none()
    }

    /// Multi-line text (a summary, a description): newlines and tabs allowed.
    fn prose(&mut self, at: impl FnOnce() -> At, text: Option<Text>) -> String {
        let text = text.map(String::from).unwrap_or_default();
        if let Some((c, m)) = prose_problem(&text) {
            self.push(at().culprit(c, m));
        }
        text
    }

    /// A required, non-empty text field.
    fn title(&mut self, at: &impl Where, field: &str, value: Field<Text>, what: &str) -> String {
        match value {
            Some(Some(Text(v))) if !v.trim().is_empty() => {
                self.line_ok(|| at.at().key(field), &v);
                v
            }
            Some(Some(_)) => {
                self.push(
                    at.at()
                        .key(field)
                        .problem(format!("`{field}` is empty; give the {what} a {field}")),
                );
                String::new()
            }
            Some(None) => {
                self.push(at.at().key(field).empty_problem(
                    format!("`{field}` has no value; write the {what}'s {field} after `{field}:`"),
                    format!("the {what}'s {field}"),
                    |_| true,
                ));
                String::new()
            }
            None => {
                self.push(at.at().missing(
                    field,
                    format!("missing `{field}`; add `{field}:` with the {what}'s {field}"),
                ));
                String::new()
            }
        }
    }

    /// A required id with the id syntax. Borrowed, because a lazy place may
    /// be naming its entry by this very id.
    #[allow(clippy::ref_option)]
    fn id(&mut self, at: &impl Where, value: &Field<Text>, what: &str, example: &str) -> String {
        match value {
            Some(Some(Text(v))) if is_valid_id(v) => v.clone(),
            Some(Some(Text(v))) if !self.line_ok(|| at.at().key("id"), v) => v.clone(),
            Some(Some(Text(v))) if v.trim().is_empty() => {
                self.push(at.at().key("id").problem(format!(
                    "`id` is empty; give the {what} an id such as `{example}`"
                )));
                String::new()
            }
            Some(None) => {
                self.push(at.at().key("id").empty_problem(
                    format!("`id` has no value; give the {what} an id such as `id: {example}`"),
                    format!("the {what}'s id"),
                    is_valid_id,
                ));
                String::new()
            }
            Some(Some(Text(v))) => {
                let fixed = suggest_id(v);
                self.push(at.at().key("id").problem(format!(
                    "`{v}` is not a valid id; ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit (try `{fixed}`)"
                )));
                v.clone()
            }
            None => {
                self.push(at.at().missing(
                    "id",
                    format!(
                        "missing `id`; add `id: {example}` (lowercase letters, digits and `-`)"
                    ),
                ));
                String::new()
            }
        }
    }

    /// A required, non-empty list: its items, after reporting it absent or empty.
    fn list<T>(
        &mut self,
        at: &impl Where,
        field: &str,
        value: Field<Vec<T>>,
        missing: &str,
        empty: &str,
    ) -> Vec<T> {
        match value {
            None => {
                self.push(
                    at.at()
                        .missing(field, format!("missing `{field}`; {missing}")),
                );
                Vec::new()
            }
            Some(None) => {
                self.push(
                    at.at()
                        .key(field)
                        .key_problem(format!("`{field}` has no entries; {empty}")),
                );
                Vec::new()
            }
            Some(Some(items)) => {
                if items.is_empty() {
                    self.push(
                        at.at()
                            .key(field)
                            .problem(format!("`{field}` is empty; {empty}")),
                    );
                }
                items
            }
        }
    }

    /// An estimate, keeping the unit it is written in.
    fn estimate(&mut self, at: &impl Where, value: Option<RawEstimate>) -> Option<Estimate> {
        let parsed = match value? {
            RawEstimate::Number(n) => estimate::from_number(n).map(Estimate::in_weeks),
            RawEstimate::Text(t) if !self.line_ok(|| at.at().key("estimate"), &t) => return None,
            RawEstimate::Text(t) => Estimate::parse(&t),
        };
        parsed
            .map_err(|e| self.push(at.at().key("estimate").problem(e.to_string())))
            .ok()
    }

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
        if let Some(msg) = url.as_deref().and_then(url_problem) {
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
            self.phase_places.push(at.place.clone());
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
                if !r.is_empty() && !skill_ids.contains_key(r) {
                    let hint = did_you_mean(r, skill_ids.keys().map(String::as_str))
                        .map_or_else(|| known_skills(&phases), |s| format!("did you mean `{s}`?"));
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
            summary: self.prose(|| root.key("summary"), raw.summary),
            source,
            pace_hours_per_week: pace,
            tips,
            phases,
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

    #[allow(clippy::too_many_arguments)]
    fn phase(
        &mut self,
        at: &At,
        rp: RawPhase,
        phase_ids: &mut HashMap<String, usize>,
        pi: usize,
        skill_ids: &mut HashMap<String, (usize, usize)>,
        project_ids: &mut HashMap<String, String>,
        refs: &mut Vec<(At, Vec<String>)>,
    ) -> Phase {
        let id = self.id(at, &rp.id, "phase", "basics");
        if !id.is_empty()
            && let Some(first) = phase_ids.insert(id.clone(), pi)
        {
            self.push(at.key("id").problem(format!(
                "phase id `{id}` is already used by phase {}; give each phase its own id",
                first + 1
            )));
        }
        let title = self.title(at, "title", rp.title, "phase");
        let estimate = self.estimate(at, rp.estimate);
        let raw_skills = self.list(
            at,
            "skills",
            rp.skills,
            "add `skills:` with at least one skill (each with `id` and `title`)",
            "a phase needs at least one skill (with `id` and `title`)",
        );
        let skills = raw_skills
            .into_iter()
            .enumerate()
            .map(|(si, mut rs)| {
                let raw_id = rs.id.take();
                let sat = || {
                    at.item(
                        "skills",
                        si,
                        &label("skill", si, field_str(raw_id.as_ref())),
                    )
                };
                self.skill(&sat, &raw_id, rs, (pi, si), skill_ids)
            })
            .collect();
        let projects = rp
            .projects
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(ji, rj)| {
                let jat = at.item(
                    "projects",
                    ji,
                    &label("project", ji, field_str(rj.id.as_ref())),
                );
                self.project(&jat, rj, project_ids, refs)
            })
            .collect();
        Phase {
            id,
            title,
            summary: self.prose(|| at.key("summary"), rp.summary),
            estimate,
            skills,
            projects,
        }
    }

    /// A skill; `raw_id` was taken out of `rs` so that the lazy place `at`
    /// can name the skill by it.
    #[allow(clippy::ref_option)]
    fn skill(
        &mut self,
        at: &impl Where,
        raw_id: &Field<Text>,
        rs: RawSkill,
        (pi, si): (usize, usize),
        ids: &mut HashMap<String, (usize, usize)>,
    ) -> Skill {
        let id = self.id(at, raw_id, "skill", "git-basics");
        if !id.is_empty()
            && let Some((fp, fs)) = ids.insert(id.clone(), (pi, si))
        {
            let first = format!(
                "{} › {}",
                self.phase_places[fp],
                label("skill", fs, Some(&id))
            );
            self.push(at.at().key("id").problem(format!(
                    "skill id `{id}` is already used by {first}; skill ids must be unique in a roadmap (to share progress between roadmaps, give both the same `key`)"
                )));
        }
        let title = self.title(at, "title", rs.title, "skill");
        let key = rs.key.map(String::from);
        if let Some(key) = key.as_deref()
            && self.line_ok(|| at.at().key("key"), key)
            && !is_valid_id(key)
        {
            self.push(at.at().key("key").problem(format!(
                    "`{key}` is not a valid key; keys use lowercase letters, digits and `-`, like `git` or `ci-cd` (try `{}`)",
                    suggest_id(key)
                )));
        }
        let topics: Vec<String> = rs
            .topics
            .unwrap_or_default()
            .into_iter()
            .map(String::from)
            .collect();
        for (i, t) in topics.iter().enumerate() {
            if !self.line_ok(|| at.at().key("topics").index(i), t) {
                continue;
            }
            if t.trim().is_empty() {
                self.push(
                    at.at()
                        .key("topics")
                        .index(i)
                        .problem("the topic is empty; write the topic or remove the entry"),
                );
            }
        }
        let resources = rs
            .resources
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(ri, rr)| {
                let rat = || {
                    at.at()
                        .item("resources", ri, &format!("resource {}", ri + 1))
                };
                self.resource(&rat, rr)
            })
            .collect();
        let estimate = self.estimate(at, rs.estimate);
        Skill {
            id,
            title,
            key,
            aliases: rs
                .aliases
                .unwrap_or_default()
                .into_iter()
                .map(String::from)
                .collect(),
            summary: self.prose(|| at.at().key("summary"), rs.summary),
            topics,
            resources,
            estimate,
        }
    }

    fn resource(&mut self, at: &impl Where, rr: RawResource) -> Resource {
        let title = self.title(at, "title", rr.title, "resource");
        let url = match rr.url {
            Some(Some(Text(u))) if u.trim().is_empty() => {
                self.push(at.at().key("url").problem(
                    "`url` is empty; write the resource's web address, e.g. `https://example.com/guide`",
                ));
                u
            }
            Some(Some(Text(u))) => {
                if self.line_ok(|| at.at().key("url"), &u)
                    && let Some(msg) = url_problem(&u)
                {
                    self.push(at.at().key("url").problem(msg));
                }
                u
            }
            Some(None) => {
                self.push(at.at().key("url").key_problem(
                    "`url` has no value; write the resource's web address after `url:`, e.g. `https://example.com/guide`",
                ));
                String::new()
            }
            None => {
                self.push(at.at().missing(
                    "url",
                    "missing `url`; add `url:` with the resource's web address",
                ));
                String::new()
            }
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
        let id = self.id(at, &rj.id, "project", "blog-api");
        if !id.is_empty()
            && let Some(first) = ids.insert(id.clone(), at.place.clone())
        {
            self.push(at.key("id").problem(format!(
                "project id `{id}` is already used by {first}; give each project idea its own id"
            )));
        }
        let title = self.title(at, "title", rj.title, "project");
        let mut skills: Vec<String> = rj
            .skills
            .unwrap_or_default()
            .into_iter()
            .map(String::from)
            .collect();
        for (i, s) in skills.iter_mut().enumerate() {
            if !self.line_ok(|| at.key("skills").index(i), s) {
                // Reported here; the empty reference is not looked up again.
                s.clear();
            }
        }
        refs.push((at.clone(), skills.clone()));
        Project {
            id,
            title,
            description: self.prose(|| at.key("description"), rj.description),
            skills,
        }
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
    let roadmap = Validator {
        out,
        phase_places: Vec::new(),
    }
    .roadmap(raw);
    across::check(&roadmap.phases, out);
    roadmap
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

    #[test]
    fn suggests_close_names_only() {
        let fields = ["summary", "title", "topics"];
        assert_eq!(did_you_mean("summry", fields), Some("summary"));
        assert_eq!(did_you_mean("titel", fields), Some("title"));
        assert_eq!(did_you_mean("colour", fields), None);
    }
}
