//! From problems to the error an author reads. When serde gives up at the
//! first problem, the slow path re-reads the file as a tree to find every
//! one; then each problem is placed in the file (line and column) and the
//! list sorted in file order. Kept apart from `load` because none of this
//! runs for a file that loads.

use super::syntax::yaml_error;
use super::validate::{self, Pending};
use super::{LoadError, Problem, locate, raw, shape, tree};

/// serde gave up at the first problem; find them all.
pub(super) fn slow_path(text: &str, file: &str, first: &serde_yaml::Error) -> LoadError {
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
pub(super) fn finish(text: &str, file: &str, mut pending: Vec<Pending>) -> LoadError {
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
    use crate::roadmap::fixture::{OK, messages};

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
}
