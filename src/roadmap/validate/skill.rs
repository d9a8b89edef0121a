//! A skill and its resources: the entries a learner ticks off, and the
//! links they study from.

use std::collections::HashMap;

use super::super::raw::{Field, RawResource, RawSkill, Text};
use super::super::{Resource, Skill};
use super::{Validator, Where, is_valid_id, label, suggest_id, url_problem};

impl Validator<'_> {
    /// A skill; `raw_id` was taken out of `rs` so that the lazy place `at`
    /// can name the skill by it.
    #[allow(clippy::ref_option)]
    pub(super) fn skill(
        &mut self,
        at: &impl Where,
        raw_id: &Field<Text>,
        rs: RawSkill,
        (pi, si): (usize, usize),
        ids: &mut HashMap<String, (usize, usize)>,
    ) -> Skill {
        let id = self.id(at, raw_id, "skill", "git-basics");
        if self.checks
            && !id.is_empty()
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
        let key = self.key(at, rs.key);
        let topics = self.topics(at, rs.topics);
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

    /// A skill's `key` (the name that shares progress across roadmaps),
    /// which must be a valid id.
    fn key(&mut self, at: &impl Where, raw: Option<Text>) -> Option<String> {
        let key = raw.map(String::from);
        if let Some(key) = key.as_deref()
            && self.checks
            && self.line_ok(|| at.at().key("key"), key)
            && !is_valid_id(key)
        {
            self.push(at.at().key("key").problem(format!(
                    "`{key}` is not a valid key; keys use lowercase letters, digits and `-`, like `git` or `ci-cd` (try `{}`)",
                    suggest_id(key)
                )));
        }
        key
    }

    /// A skill's topics: one line of text each, none empty.
    fn topics(&mut self, at: &impl Where, raw: Option<Vec<Text>>) -> Vec<String> {
        let topics: Vec<String> = raw
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
        topics
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
                if self.checks
                    && self.line_ok(|| at.at().key("url"), &u)
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
}
