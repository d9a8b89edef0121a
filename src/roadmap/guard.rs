//! Cheap refusals of hostile input, before any parse that builds something in
//! memory. First `flow` makes sure that flow collections (`[…]`, `{…}`) are
//! neither deep nor long, which both parsers handle badly. Then one pass of
//! saphyr's streaming parser, stopping at the first sign of trouble:
//!
//! - **Aliases** (`*name`) repeat an anchored value (`&name`) without copying
//!   it in the source, so a small file can stand for gigabytes: nested aliases
//!   (the "billion laughs"), or a long anchored string aliased a thousand
//!   times. `serde_yaml` limits how often aliases are followed, not how much
//!   they copy; this pass adds up what every alias would copy.
//! - **Nesting**: `serde_yaml`'s depth limit only applies after the whole file
//!   is parsed into events; block nesting (`- - - - …`) is refused here, where
//!   it is met.
//! - **Size in values**: a file of millions of one-character values parses
//!   into a gigabyte of events and trees, far beyond what the byte cap suggests.
//!
//! A syntax error stops the pass; the caller then lets libyaml (which words its
//! errors better) parse the file only up to that error (see [`parse_limit`]),
//! so nothing after it escapes these checks.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScanError};

use super::flow::{self, Trouble};
use super::locate::{Pos, position_of};

/// How deeply lists and mappings may nest. A roadmap uses seven levels
/// (roadmap › phases › phase › skills › skill › resources › resource).
pub(crate) const MAX_DEPTH: usize = 32;

/// How many values (texts, numbers, lists, mappings) a file may hold. The
/// bundled roadmaps hold a few hundred each; a 50,000-skill roadmap about
/// 400,000, which must still load.
pub(crate) const MAX_VALUES: usize = 1_000_000;

/// The most that aliases may add to a file, in the units below.
pub(crate) const ALIAS_BUDGET: u64 = super::MAX_FILE_BYTES;

/// What a parsed value costs beyond its text, roughly in bytes.
const NODE_COST: u64 = 32;

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Nothing suspicious.
    Fine,
    /// The file is refused: where, and why (with what to do).
    Refused(Pos, String),
    /// saphyr met a syntax error here; see [`parse_limit`].
    SyntaxError { pos: Pos, message: String },
}

/// Looks the file over for the troubles above, stopping at the first.
pub(crate) fn check(source: &str) -> Verdict {
    match check_flow(source) {
        Verdict::Fine => check_events(source),
        refused => refused,
    }
}

/// The byte-level pass only: deep or long flow collections. Cheap enough
/// for every load.
pub(crate) fn check_flow(source: &str) -> Verdict {
    match flow::scan(source, MAX_DEPTH) {
        None => {}
        Some(Trouble::TooDeep(at)) => return Verdict::Refused(position_of(source, at), too_deep()),
        Some(Trouble::TooLong(at)) => {
            return Verdict::Refused(
                position_of(source, at),
                format!(
                    "this `[` or `{{` opens a collection that runs on for more than {} KiB; close it, or write a long list in block style, one `- item` per line",
                    flow::MAX_FLOW_BYTES / 1024
                ),
            );
        }
    }
    Verdict::Fine
}

/// The saphyr pass: aliases, block nesting, value count. A full parse, so the
/// loader runs it only where serde could be hurt: when the file has an anchor
/// (without one there is no alias to follow), or after serde has failed and
/// the slow path is about to build a tree.
pub(crate) fn check_events(source: &str) -> Verdict {
    // Cost of each finished anchored value, by saphyr anchor id (0 = none).
    let mut cost: HashMap<usize, u64> = HashMap::new();
    // Open lists and mappings: their anchor id and cost so far.
    let mut open: Vec<(usize, u64)> = Vec::new();
    let mut copied: u64 = 0;
    let mut values = 0usize;
    for item in Parser::new_from_str(source) {
        let (event, span) = match item {
            Ok(ok) => ok,
            Err(e) => return scan_error(&e),
        };
        let pos = (span.start.line(), span.start.col() + 1);
        if matches!(
            event,
            Event::Scalar(..)
                | Event::Alias(..)
                | Event::SequenceStart(..)
                | Event::MappingStart(..)
        ) {
            values += 1;
            if values > MAX_VALUES {
                return Verdict::Refused(pos, too_many_values());
            }
        }
        let done = match event {
            Event::Scalar(text, _, anchor, _) => Some((anchor, text.len() as u64 + NODE_COST)),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                open.push((anchor, NODE_COST));
                if open.len() > MAX_DEPTH {
                    return Verdict::Refused(pos, too_deep());
                }
                None
            }
            Event::SequenceEnd | Event::MappingEnd => open.pop(),
            Event::Alias(anchor) => {
                let c = cost.get(&anchor).copied().unwrap_or(0);
                copied = copied.saturating_add(c);
                if copied > ALIAS_BUDGET {
                    return Verdict::Refused(pos, too_much_copied());
                }
                Some((0, c))
            }
            _ => None,
        };
        if let Some((anchor, c)) = done {
            if anchor != 0 {
                cost.insert(anchor, c);
            }
            if let Some(parent) = open.last_mut() {
                parent.1 = parent.1.saturating_add(c);
            }
        }
    }
    Verdict::Fine
}

/// The verdict on a syntax error saphyr met before the checks could finish.
fn scan_error(e: &ScanError) -> Verdict {
    let pos = (e.marker().line(), e.marker().col() + 1);
    // saphyr's scanner caps flow nesting (at 255) a little ahead of its events.
    if e.info().contains("recursion limit") {
        return Verdict::Refused(pos, too_deep());
    }
    Verdict::SyntaxError {
        pos,
        message: e.info().to_owned(),
    }
}

fn too_many_values() -> String {
    format!(
        "the file holds more than {MAX_VALUES} values (texts, numbers, lists and mappings) by here; a roadmap needs far fewer, so split it into several roadmaps"
    )
}

fn too_much_copied() -> String {
    format!(
        "YAML aliases (`*name`) expand the file to more than {} MiB by here; write the values out instead of repeating aliases (roadmap files need no aliases)",
        ALIAS_BUDGET / (1024 * 1024)
    )
}

fn too_deep() -> String {
    format!(
        "lists and mappings nest more than {MAX_DEPTH} levels deep here; a roadmap needs only a few levels (phases › skills › resources), so look for a `[` or `{{` that is never closed"
    )
}

/// How much of the source libyaml may read after saphyr met a syntax error at
/// `pos`: through the end of that line, where libyaml's message is most
/// likely to match, unless the rest of the line is long or bracket-heavy
/// enough to be costly; then only up to the error.
pub(crate) fn parse_limit(source: &str, (line, col): Pos) -> &str {
    let line_start: usize = source
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest_of_file = &source[line_start..];
    let line_len = rest_of_file
        .find('\n')
        .map_or(rest_of_file.len(), |i| i + 1);
    let this_line = &rest_of_file[..line_len];
    let error_at = this_line
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line_len, |(i, _)| i);
    let after = &this_line[error_at..];
    let brackets = after.matches(['[', '{']).count();
    if after.len() <= 4096 && brackets <= MAX_DEPTH {
        &source[..line_start + line_len]
    } else {
        &source[..line_start + error_at]
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    fn refused_line(src: &str) -> Option<usize> {
        match check(src) {
            Verdict::Refused((line, _), _) => Some(line),
            _ => None,
        }
    }

    #[test]
    fn ordinary_files_and_modest_reuse_are_fine() {
        assert_eq!(check("a: &t [x, y]\nb: *t\nc: *t\n"), Verdict::Fine);
        assert_eq!(check("a: [[[[1]]]]\n"), Verdict::Fine);
    }

    #[test]
    fn nested_aliases_are_refused_where_they_blow_up() {
        let mut src = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
        {
            let refs = vec![format!("*{prev}"); 9].join(", ");
            writeln!(src, "{name}: &{name} [{refs}]").unwrap();
        }
        let line = refused_line(&src).unwrap();
        assert!((6..=9).contains(&line), "{line}");
    }

    #[test]
    fn one_big_string_aliased_many_times_is_refused() {
        let big = "x".repeat(100_000);
        let refs = vec!["*a"; 100].join(", ");
        let src = format!("a: &a \"{big}\"\nb: [{refs}]\n");
        assert_eq!(refused_line(&src), Some(2));
    }

    #[test]
    fn deep_nesting_is_refused_where_it_gets_too_deep() {
        let src = format!("a: 1\nb: {}\n", "[".repeat(100_000));
        // saphyr's scanner looks ahead of its events, so the flow case is
        // caught by its own cap, a little further on.
        assert_eq!(refused_line(&src), Some(2));
        assert!(check_msg(&src).contains("never closed"));
        let closed = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        assert_eq!(refused_line(&closed), Some(1));
        let mut block = String::new();
        for depth in 0..100 {
            writeln!(block, "{}k:", " ".repeat(depth)).unwrap();
        }
        assert_eq!(
            check(&block),
            Verdict::Refused((MAX_DEPTH + 1, MAX_DEPTH + 1), check_msg(&block))
        );
        let dashes = format!("{}x\n", "- ".repeat(1000));
        assert_eq!(refused_line(&dashes), Some(1));
    }

    fn check_msg(src: &str) -> String {
        match check(src) {
            Verdict::Refused(_, m) => m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn too_many_values_are_refused() {
        let src = format!("a: [{}]\n", vec!["1"; MAX_VALUES + 10].join(","));
        assert_eq!(refused_line(&src), Some(1));
    }

    #[test]
    fn syntax_errors_name_their_line() {
        let Verdict::SyntaxError { pos, .. } = check("a: 1\nb: [x\nc: d\n") else {
            panic!("no syntax error")
        };
        assert_eq!(pos.0, 3);
        assert_eq!(parse_limit("a\r\nb: c\r\nd\r\n", (2, 2)), "a\r\nb: c\r\n");
        assert_eq!(parse_limit("a\nb", (5, 1)), "a\nb");
        let brackets = format!("a\nb: é {}\nc\n", "[".repeat(100));
        assert_eq!(parse_limit(&brackets, (2, 4)), "a\nb: ");
        assert_eq!(parse_limit(&brackets, (2, 5)), "a\nb: é");
    }
}
