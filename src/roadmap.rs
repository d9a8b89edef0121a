//! The roadmap domain model: phases, skills, estimates and project ideas, and
//! how a YAML file becomes one. Nothing here knows about the terminal.
//!
//! Loading has two paths. The fast one is plain serde into `raw` structs plus
//! a cheap validation pass. Only when something is wrong does the slow path
//! run: it re-reads the file as a tree to report every problem, not just the
//! first, and asks a span-aware parser where each one is.

mod error;
mod locate;
mod raw;
mod shape;
mod validate;

use std::path::Path;

use chrono::NaiveDate;

pub use error::{LoadError, Problem};
pub use validate::is_valid_id;

use crate::estimate::{Total, Weeks};
use validate::Pending;

/// Roadmap files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct Roadmap {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub source: Source,
    /// The weekly hours the roadmap's estimates assume, when the source says.
    pub pace_hours_per_week: Option<f64>,
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
    /// The phase's own time as the source states it; overrides the sum of its skills.
    pub estimate: Option<Weeks>,
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
    pub summary: String,
    pub topics: Vec<String>,
    pub resources: Vec<Resource>,
    pub estimate: Option<Weeks>,
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
        if let Some(w) = self.estimate {
            return Total {
                weeks: Some(w),
                unestimated: 0,
            };
        }
        let mut total = Total::default();
        for s in &self.skills {
            match s.estimate {
                Some(w) => total.add_weeks(w),
                None => total.unestimated += 1,
            }
        }
        total
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

    /// Reads a roadmap file, refusing oversized files before reading them.
    pub fn load_file(path: &Path) -> Result<Self, LoadError> {
        let name = path.display().to_string();
        let io = |source| LoadError::Io {
            path: path.to_owned(),
            source,
        };
        let size = std::fs::metadata(path).map_err(io)?.len();
        if size > MAX_FILE_BYTES {
            return Err(LoadError::TooLarge { file: name, size });
        }
        let bytes = std::fs::read(path).map_err(io)?;
        Self::from_yaml_bytes(&bytes, &name)
    }

    /// Parses a roadmap from bytes that should be UTF-8 YAML.
    pub fn from_yaml_bytes(bytes: &[u8], file: &str) -> Result<Self, LoadError> {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(LoadError::TooLarge {
                file: file.to_owned(),
                size: bytes.len() as u64,
            });
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Self::from_yaml_str(text, file),
            Err(e) => {
                let good = &bytes[..e.valid_up_to()];
                let line = good.split(|b| *b == b'\n').count();
                let col = good.iter().rev().take_while(|b| **b != b'\n').count() + 1;
                Err(single(
                    file,
                    Some((line, col)),
                    format!(
                        "the file is not UTF-8 text (byte 0x{:02x} cannot start a character); a roadmap must be a UTF-8 YAML text file — is this the right file?",
                        bytes[e.valid_up_to()]
                    ),
                ))
            }
        }
    }

    /// Parses and validates a roadmap. `file` names it in error messages.
    pub fn from_yaml_str(text: &str, file: &str) -> Result<Self, LoadError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(LoadError::TooLarge {
                file: file.to_owned(),
                size: text.len() as u64,
            });
        }
        if is_blank(text) {
            return Err(single(
                file,
                None,
                "the file is empty (or only comments); a roadmap needs `id`, `title`, `source` and `phases` — see roadmaps/README.md for a full example".to_owned(),
            ));
        }
        match serde_yaml::from_str::<raw::RawRoadmap>(text) {
            Ok(raw) => {
                let mut pending = Vec::new();
                let roadmap = validate::validate(raw, &mut pending);
                if pending.is_empty() {
                    Ok(roadmap)
                } else {
                    Err(finish(text, file, pending))
                }
            }
            Err(first) => Err(slow_path(text, file, &first)),
        }
    }
}

/// Whether the text holds nothing but blank lines and comments.
fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

/// serde gave up at the first problem; find them all.
fn slow_path(text: &str, file: &str, first: &serde_yaml::Error) -> LoadError {
    let doc: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => return yaml_error(file, &e),
    };
    let mut pending = Vec::new();
    if let Some(stripped) = shape::check(doc, &mut pending)
        && let Ok(raw) = serde_yaml::from_value::<raw::RawRoadmap>(stripped) {
            validate::validate(raw, &mut pending);
        }
    if pending.is_empty() {
        // The tree looked fine but serde still refused: report its words.
        return yaml_error(file, first);
    }
    finish(text, file, pending)
}

/// Positions every pending problem and sorts them in file order.
fn finish(text: &str, file: &str, pending: Vec<Pending>) -> LoadError {
    let targets: Vec<_> = pending.iter().map(|p| (p.path.clone(), p.anchor)).collect();
    let positions = locate::locate(text, &targets);
    let mut problems: Vec<Problem> = pending
        .into_iter()
        .zip(positions)
        .map(|(p, pos)| Problem {
            line: pos.map(|(l, _)| l),
            column: pos.map(|(_, c)| c),
            place: p.place,
            message: p.message,
        })
        .collect();
    problems.sort_by_key(|p| (p.line.unwrap_or(0), p.column.unwrap_or(0)));
    LoadError::Invalid {
        file: file.to_owned(),
        problems,
    }
}

fn single(file: &str, pos: Option<(usize, usize)>, message: String) -> LoadError {
    LoadError::Invalid {
        file: file.to_owned(),
        problems: vec![Problem {
            line: pos.map(|(l, _)| l),
            column: pos.map(|(_, c)| c),
            place: String::new(),
            message,
        }],
    }
}

/// A YAML-level error (syntax, alias bomb, nesting) in an author's words.
fn yaml_error(file: &str, e: &serde_yaml::Error) -> LoadError {
    let raw = e.to_string();
    let pos = e.location().map(|l| (l.line(), l.column()));
    // serde_yaml appends "at line L column C"; the position goes in front instead.
    let text = match pos {
        Some((l, c)) => raw.replacen(&format!(" at line {l} column {c}"), "", 1),
        None => raw.clone(),
    };
    let hint = if raw.contains("repetition limit") || raw.contains("alias") {
        "the file expands aliases (`*name`) too many times; write the values out instead of nesting aliases"
    } else if raw.contains("recursion limit") {
        "the file nests lists or mappings too deeply; a roadmap needs only a few levels (phases › skills › resources)"
    } else if raw.contains("more than one document") {
        "put one roadmap per file (remove the extra `---`)"
    } else if raw.contains("duplicate entry") {
        "a field appears twice in the same mapping; keep one"
    } else {
        "check the indentation and quoting on this line and the one above"
    };
    single(file, pos, format!("YAML error: {text}; {hint}"))
}
