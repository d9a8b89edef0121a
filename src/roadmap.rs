//! The roadmap domain model: phases, skills, estimates and project ideas, and
//! how a YAML file becomes one. Nothing here knows about the terminal.
//!
//! Loading has two paths. The fast one is plain serde into `raw` structs plus
//! a cheap validation pass. Only when something is wrong does the slow path
//! run: it re-reads the file as a tree to report every problem, not just the
//! first, and asks a span-aware parser where each one is. `load` holds the
//! entry points and the fast path, `report` the slow path; this file holds
//! the model itself.
//!
//! Before either, hostile input is refused cheaply: files over
//! [`MAX_FILE_BYTES`], bytes that are not UTF-8, and (see `guard`) aliases
//! that would expand the file in memory, deep nesting, and files of millions
//! of values.

mod check;
mod error;
#[cfg(test)]
pub(crate) mod fixture;
mod flow;
mod guard;
mod load;
pub(crate) mod locate;
mod raw;
mod report;
mod scaffold;
pub mod schema;
mod shape;
mod strict;
mod syntax;
mod tree;
mod validate;
pub mod vocabulary;

use chrono::NaiveDate;

pub use check::{Checked, check_file, declared_twice};
pub use error::{LoadError, Problem};
// `check` reads a file as loading does.
use load::read_capped;
pub(crate) use report::single;
pub use scaffold::scaffold;
pub use strict::parse_date;
pub(crate) use validate::did_you_mean;
pub use validate::is_valid_id;

use crate::estimate::{Estimate, Total};

/// Roadmap files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// One learning path: its phases in order, where it comes from, and the
/// source's own advice.
#[derive(Debug, Clone, PartialEq)]
pub struct Roadmap {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub source: Source,
    /// The weekly hours the roadmap's estimates assume, when the source says.
    pub pace_hours_per_week: Option<f64>,
    /// The source's general advice for the whole path ("build projects, not
    /// just tutorials"), in file order. Each tip is one line of text (the
    /// loader refuses line breaks), so every front end can show it as one
    /// list item; empty when the source gives none.
    pub tips: Vec<String>,
    pub phases: Vec<Phase>,
}

/// Where a roadmap comes from: the article or post it follows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The phase's own time as the source states it, in the source's unit;
    /// overrides the sum of its skills.
    pub estimate: Option<Estimate>,
    pub skills: Vec<Skill>,
    pub projects: Vec<Project>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    /// Unique within the roadmap.
    pub id: String,
    pub title: String,
    /// Names the same skill across roadmaps, so progress on it is shared.
    pub key: Option<String>,
    /// Ids this skill had before a rename (`aliases:` in the file), so that
    /// progress recorded under one of them still belongs to this skill (the
    /// progress store moves it to the new id). The loader guarantees they are valid ids, distinct from
    /// each other and from every skill id of the roadmap.
    pub aliases: Vec<String>,
    pub summary: String,
    pub topics: Vec<String>,
    pub resources: Vec<Resource>,
    /// The skill's time as the source states it, in the source's unit.
    pub estimate: Option<Estimate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    pub title: String,
    pub url: String,
}

/// A project idea: something to build that exercises some of the skills.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Ids of skills in the same roadmap.
    pub skills: Vec<String>,
}

impl Phase {
    /// The phase's time: its own estimate when given, else the sum of its skills'.
    pub fn total(&self) -> Total {
        let mut total = Total::default();
        if let Some(e) = self.estimate {
            total.add(e);
            return total;
        }
        for s in &self.skills {
            match s.estimate {
                Some(e) => total.add(e),
                None => total.unestimated += 1,
            }
        }
        total
    }
}

impl Skill {
    /// The ids this skill was known by before, in file order (see [`Skill::aliases`]).
    pub fn old_ids(&self) -> impl Iterator<Item = &str> {
        self.aliases.iter().map(String::as_str)
    }
}

impl Roadmap {
    /// The sum of the phases' times.
    pub fn total(&self) -> Total {
        let mut total = Total::default();
        for p in &self.phases {
            total.absorb(p.total());
        }
        total
    }

    pub fn skill_count(&self) -> usize {
        self.phases.iter().map(|p| p.skills.len()).sum()
    }

    pub fn project_count(&self) -> usize {
        self.phases.iter().map(|p| p.projects.len()).sum()
    }

    /// Every skill with the index of its phase, in roadmap order.
    pub fn skills(&self) -> impl Iterator<Item = (usize, &Skill)> {
        self.phases
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| p.skills.iter().map(move |s| (pi, s)))
    }

    /// Phase and skill index of the skill with this id.
    pub fn find_skill(&self, id: &str) -> Option<(usize, usize)> {
        self.phases
            .iter()
            .enumerate()
            .find_map(|(pi, p)| p.skills.iter().position(|s| s.id == id).map(|si| (pi, si)))
    }

    /// Phase and skill index of the skill that lists `old_id` among its
    /// [`aliases`](Skill::aliases): where a renamed skill lives now.
    pub fn find_renamed_skill(&self, old_id: &str) -> Option<(usize, usize)> {
        self.phases.iter().enumerate().find_map(|(pi, p)| {
            p.skills
                .iter()
                .position(|s| s.old_ids().any(|a| a == old_id))
                .map(|si| (pi, si))
        })
    }
}
