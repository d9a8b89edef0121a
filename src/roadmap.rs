//! The roadmap domain model: phases, skills, estimates and project ideas, and
//! how a YAML file becomes one. Nothing here knows about the terminal.
//!
//! Loading has two paths. The fast one is plain serde into `raw` structs plus
//! a cheap validation pass. Only when something is wrong does the slow path
//! run: it re-reads the file as a tree to report every problem, not just the
//! first, and asks a span-aware parser where each one is.
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
pub(crate) mod locate;
mod raw;
mod scaffold;
pub mod schema;
mod shape;
mod strict;
mod syntax;
mod tree;
mod validate;
pub mod vocabulary;

use std::path::Path;

use chrono::NaiveDate;

pub use check::{Checked, check_file, declared_twice};
pub use error::{LoadError, Problem};
pub use scaffold::scaffold;
pub use strict::parse_date;
pub(crate) use validate::did_you_mean;
pub use validate::is_valid_id;

use crate::estimate::{Estimate, Total};
use syntax::{syntax_error, yaml_error};
use validate::Pending;

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

    /// Reads a roadmap file, refusing oversized files before reading them.
    pub fn load_file(path: &Path) -> Result<Self, LoadError> {
        let bytes = read_capped(path)?;
        Self::from_yaml_bytes(&bytes, &path.display().to_string())
    }

    /// Parses a roadmap from bytes that should be UTF-8 YAML.
    pub fn from_yaml_bytes(bytes: &[u8], file: &str) -> Result<Self, LoadError> {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(LoadError::TooLarge {
                file: file.to_owned(),
                size: bytes.len() as u64,
            });
        }
        // Positions count from after a byte order mark, as `from_yaml_str`'s do.
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Self::from_yaml_str(text, file),
            Err(e) => {
                let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
                let line = good.split('\n').count();
                let col = good.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                Err(single(
                    file,
                    Some((line, col)),
                    format!(
                        "the file is not UTF-8 text (byte 0x{:02x} cannot start a character); a roadmap must be a UTF-8 YAML text file — is this the right file? (if it is, save it with UTF-8 encoding)",
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
        // Aliases need an anchor; without a `&` anywhere, serde meets none, and
        // the fast path pays only for the byte-level flow scan.
        let anchored = text.contains('&');
        guard_verdict(
            text,
            file,
            if anchored {
                guard::check(text)
            } else {
                guard::check_flow(text)
            },
        )?;
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
            Err(first) => {
                if !anchored {
                    guard_verdict(text, file, guard::check_events(text))?;
                }
                Err(slow_path(text, file, &first))
            }
        }
    }
}

/// The bytes of a roadmap file, refusing oversized files before reading them.
fn read_capped(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: path.display().to_string(),
            size,
        });
    }
    std::fs::read(path).map_err(io)
}

/// Turns the guard's verdict into the error a refused file gets.
fn guard_verdict(text: &str, file: &str, verdict: guard::Verdict) -> Result<(), LoadError> {
    match verdict {
        guard::Verdict::Fine => Ok(()),
        guard::Verdict::Refused(pos, message) => Err(single(file, Some(pos), message)),
        guard::Verdict::SyntaxError { pos, message } => {
            Err(syntax_error(text, file, pos, &message))
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
    let (doc, repeated) = match tree::parse(text) {
        Ok(v) => v,
        Err(e) => return yaml_error(text, file, &e),
    };
    let mut pending = Vec::new();
    let repeats = if repeated {
        locate::duplicate_keys(text)
    } else {
        Vec::new()
    };
    for (path, pos, first_pos) in repeats {
        let Some(locate::Seg::Key(key)) = path.last() else {
            continue;
        };
        let at = shape::at_of(&doc, &path);
        pending.push(validate::Pending {
            pos: Some(pos),
            ..at.key_problem(format!(
                "`{key}` is given twice in the same mapping (first on line {}); keep one and delete the other",
                first_pos.0
            ))
        });
    }
    let written = locate::plain_scalars(text);
    let (stripped_doc, stripped) = shape::check(doc, &written, &mut pending);
    if let Some(doc) = stripped_doc
        && let Ok(raw) = serde_yaml::from_value::<raw::RawRoadmap>(doc)
    {
        let mut found = Vec::new();
        validate::validate(raw, &mut found);
        pending.extend(found.into_iter().filter(|p| !stripped.is_echo(p)));
    }
    if pending.is_empty() {
        // The tree looked fine but serde still refused: report its words.
        return yaml_error(text, file, first);
    }
    finish(text, file, pending)
}

/// Positions every pending problem and sorts them in file order.
fn finish(text: &str, file: &str, mut pending: Vec<Pending>) -> LoadError {
    if pending.iter().any(|p| p.if_null.is_some()) {
        quote_null_words(text, &mut pending);
    }
    let targets: Vec<_> = pending.iter().map(|p| (p.path.clone(), p.anchor)).collect();
    let positions = locate::locate(text, &targets);
    let mut problems: Vec<Problem> = pending
        .into_iter()
        .zip(positions)
        .map(|(p, found)| {
            let pos = p.pos.or(found).map(|at| onto(text, at, p.culprit));
            Problem {
                line: pos.map(|(l, _)| l),
                column: pos.map(|(_, c)| c),
                place: p.place,
                message: p.message,
            }
        })
        .collect();
    problems.sort_by_key(|p| (p.line.unwrap_or(0), p.column.unwrap_or(0)));
    LoadError::Invalid {
        file: file.to_owned(),
        problems,
    }
}

/// Moves a value's position onto the character `culprit` when it stands
/// raw on the value's first line (a bidi override pasted into a title);
/// an escape (`"\e"`) leaves the position at the value.
fn onto(text: &str, (line, col): locate::Pos, culprit: Option<char>) -> locate::Pos {
    let found = culprit.and_then(|c| {
        let source = text.split('\n').nth(line.checked_sub(1)?)?;
        let skipped = col.saturating_sub(1);
        source
            .chars()
            .skip(skipped)
            .position(|x| x == c)
            .map(|i| skipped + i + 1)
    });
    (line, found.unwrap_or(col))
}

/// An empty value that the author wrote as a null word (`title: null`,
/// `id: ~`) may have meant that word: say so, and quote it exactly.
fn quote_null_words(text: &str, pending: &mut [Pending]) {
    let words = locate::plain_scalars(text);
    for p in pending {
        let (Some(if_null), Some(word)) = (&p.if_null, words.get(&p.path)) else {
            continue;
        };
        if word.is_empty() || !(if_null.fits)(word) {
            continue;
        }
        let what = &if_null.what;
        p.message = format!(
            "`{word}` is YAML for “no value”; if {what} is the text `{word}`, put it in quotes: `\"{word}\"`"
        );
        p.anchor = locate::Anchor::Value;
    }
}

pub(crate) fn single(file: &str, pos: Option<(usize, usize)>, message: String) -> LoadError {
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

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = "id: r\ntitle: R\nsource: {}\nphases:\n  - id: p\n    title: P\n    skills:\n      - id: s\n        title: S\n";

    fn messages(text: &str) -> Vec<String> {
        let err = Roadmap::from_yaml_str(text, "f.yaml").unwrap_err();
        err.to_string().lines().map(str::to_owned).collect()
    }

    #[test]
    fn a_valid_file_loads() {
        let r = Roadmap::from_yaml_str(OK, "f.yaml").unwrap();
        assert_eq!(r.skill_count(), 1);
    }

    #[test]
    fn numbers_and_tags_are_not_text_even_when_nothing_else_is_wrong() {
        // Before, serde read these as text on the fast path and the file loaded.
        assert_eq!(
            messages(&OK.replace("title: S", "title: 1984")),
            [
                "f.yaml:9:16: phase 1 `p` › skill `s` › title: expected text, found the number `1984`; put it in quotes: `\"1984\"`"
            ]
        );
        assert_eq!(
            messages(&OK.replace("title: R", "title: !x R")),
            [
                "f.yaml:2:8: title: YAML tags (`!name`) have no meaning in a roadmap file; remove the tag, and put the value in quotes if it starts with `!`"
            ]
        );
    }

    #[test]
    fn a_wrongly_typed_field_is_not_also_reported_missing() {
        assert_eq!(
            messages(&OK.replace("title: R", "title: [R]")),
            [
                "f.yaml:2:8: title: expected text, found a list; if the `[…]` is part of the text, put the whole text in quotes"
            ]
        );
        // Nor is a field that an unknown one was probably meant to be.
        assert_eq!(
            messages(&OK.replace("title: S", "titel: S")),
            [
                "f.yaml:9:9: phase 1 `p` › skill `s` › titel: unknown field `titel` in the skill; did you mean `title`?"
            ]
        );
    }

    #[test]
    fn a_bad_list_entry_keeps_the_later_entries_in_place() {
        let text = OK.replace(
            "      - id: s\n",
            "      - 42\n      - id: a\n        title: A\n        estimate: soon\n      - id: s\n",
        );
        assert_eq!(
            messages(&text),
            [
                "f.yaml:8:9: phase 1 `p` › skill 1: expected a skill (a mapping with `id:`, `title:`, …), found the number `42`; write each skill as `- id: …` with its fields indented under it",
                "f.yaml:11:19: phase 1 `p` › skill `a` › estimate: cannot read `soon` as an estimate; write a number of weeks (`3`) or text like `1 week`, `4-6 weeks`, `2–3 months`",
            ]
        );
    }

    #[test]
    fn an_empty_value_is_not_a_missing_field() {
        assert_eq!(
            messages(&OK.replace("title: S", "title:")),
            [
                "f.yaml:9:9: phase 1 `p` › skill `s` › title: `title` has no value; write the skill's title after `title:`"
            ]
        );
    }

    #[test]
    fn repeated_keys_are_placed_and_do_not_hide_other_problems() {
        let text = OK.replace(
            "title: S",
            "title: S\n        title: T\n        estimate: 0",
        );
        assert_eq!(
            messages(&text),
            [
                "f.yaml:10:9: phase 1 `p` › skill `s` › title: `title` is given twice in the same mapping (first on line 9); keep one and delete the other",
                "f.yaml:11:19: phase 1 `p` › skill `s` › estimate: the estimate is zero; give the time it takes, e.g. `1 week`, or leave `estimate` out if the source gives none",
            ]
        );
    }

    #[test]
    fn yaml_errors_point_inside_the_file() {
        // libyaml reports the end of the stream on a line after the last.
        assert_eq!(
            messages("id: ["),
            [
                "f.yaml:1:6: YAML error: did not find expected node content, while parsing a flow node; a value is missing here: a `[` or `{` is not closed, or a `-`, `,` or `:` has nothing after it; complete or remove it"
            ]
        );
        // An unclosed quote is reported where it opens.
        assert_eq!(
            messages("id: x\ntitle: \"R\nsource: {}\n"),
            [
                "f.yaml:2:8: YAML error: found unexpected end of stream while scanning a quoted scalar; the quote that opens here is never closed; add the matching closing quote"
            ]
        );
        assert_eq!(
            messages("id: x\u{0}\n"),
            [
                "f.yaml:1:6: YAML error: the file holds U+0000 (null), a control character YAML does not allow in a file; remove it (a roadmap file is plain text: is this the right file?)"
            ]
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_placed_in_characters_after_a_bom() {
        let err =
            Roadmap::from_yaml_bytes(b"\xef\xbb\xbfid: \xc3\xa9\xff\n", "f.yaml").unwrap_err();
        let p = &err.problems()[0];
        assert_eq!((p.line, p.column), (Some(1), Some(6)));
    }

    #[test]
    fn hostile_nesting_is_refused_before_parsing() {
        let text = format!("id: x\ntitle: {}\n", "[".repeat(1_000_000));
        let lines = messages(&text);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].starts_with("f.yaml:2:40: lists and mappings nest more than 32 levels"));
    }
}
