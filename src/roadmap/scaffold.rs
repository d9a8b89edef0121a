//! The starter roadmap that `trailmark new` writes: every field of the
//! format used once, each with a short comment, so an author edits a file
//! that already loads instead of starting from a blank page.

use chrono::NaiveDate;

/// A starter roadmap with this id, its source dated `published`. The text is
/// a valid roadmap for any `id` that passes [`super::is_valid_id`] (a test
/// loads it); `published` is usually today, since the author is the source.
pub fn scaffold(id: &str, published: NaiveDate) -> String {
    format!(
        r"# yaml-language-server: $schema=roadmap.schema.json
# A trailmark roadmap. Every field is used once below; delete what you do not need.
# The format and its rules: roadmaps/README.md. Check this file: trailmark validate FILE
id: {id}                      # lowercase letters, digits and `-`; unique among your roadmaps
title: {title}
summary: One or two sentences about where this path leads.   # optional
source:                       # where the path comes from; `source: {{}}` if nowhere
  title: My own notes         # title of the article, book or course
  author: Your Name
  published: {published}        # YYYY-MM-DD
  url: https://example.org/my-notes   # a full http(s) address
pace_hours_per_week: 10       # the study hours per week the estimates assume (optional)
phases:                       # in order; at least one
  - id: basics
    title: The basics
    summary: What to learn first.
    estimate: 2 weeks         # the phase's own time: its skills' estimates are not added on top
    skills:                   # at least one
      - id: version-control
        title: Version control with Git
        key: git              # a shared key (roadmaps/vocabulary/skill-keys.yaml): ticks are shared across roadmaps
        aliases: [git-basics] # former ids of this skill, so a rename keeps its progress (optional)
        summary: Commits, branches and merging.
        topics: [commits, branches, merging]
        resources:
          - title: Pro Git
            url: https://git-scm.com/book
        estimate: 1-2 weeks   # a number of weeks (`3`), or `1 week`, `4-6 weeks`, `2–3 months`
    projects:                 # optional ideas to build with the skills
      - id: first-project
        title: A first project
        description: Something small that uses the skills above.
        skills: [version-control]   # skill ids from any phase of this roadmap
",
        title = title_of(id),
    )
}

/// `my-roadmap` → `My Roadmap`: a readable first title, to be replaced.
fn title_of(id: &str) -> String {
    id.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::Roadmap;

    #[test]
    fn the_scaffold_loads_and_uses_its_id() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap_or_default();
        let text = scaffold("my-path_2", date);
        let r = Roadmap::from_yaml_str(&text, "my-path_2.yaml")
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(
            (r.id.as_str(), r.title.as_str()),
            ("my-path_2", "My Path 2")
        );
        assert_eq!(r.source.published, Some(date));
        let skill = &r.phases[0].skills[0];
        assert_eq!(skill.aliases, ["git-basics"]);
        assert!(r.phases[0].estimate.is_some() && skill.estimate.is_some());
    }
}
