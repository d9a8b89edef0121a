//! Finds where a document path (`phases[2].skills[0].estimate`) stands in the
//! YAML source. serde keeps no spans, so this runs only on the error path, as a
//! single pass of saphyr's span-aware event parser over the file. The same
//! walk finds repeated keys, which serde's tree can only name, not place.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle};

/// One step of a document path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// Where to point: at the value of the node, or at its key (for unknown fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Anchor {
    Value = 0,
    Key = 1,
}

/// 1-based line and column.
pub(crate) type Pos = (usize, usize);

enum Frame {
    Map { key: Option<String> },
    Seq { next: usize },
}

/// Positions for each requested path, in the same order. A path that is not in
/// the source (it came through an alias, say) falls back to its deepest
/// ancestor that is, so every problem still points somewhere useful.
pub(crate) fn locate(source: &str, targets: &[(Vec<Seg>, Anchor)]) -> Vec<Option<Pos>> {
    // Per path: the position of its value and of its key. Keyed by the path
    // alone so that the walk can look up a borrowed slice without allocating.
    let mut wanted: HashMap<Vec<Seg>, [Option<Pos>; 2]> = HashMap::new();
    for (path, _) in targets {
        for len in 0..=path.len() {
            wanted.entry(path[..len].to_vec()).or_default();
        }
    }
    walk(source, |path, anchor, pos, _| {
        if let Some(slots) = wanted.get_mut(path) {
            slots[anchor as usize].get_or_insert(pos);
        }
    });
    let found = |path: &[Seg], anchor: Anchor| wanted.get(path).and_then(|s| s[anchor as usize]);
    targets
        .iter()
        .map(|(path, anchor)| {
            found(path, *anchor).or_else(|| {
                (0..path.len())
                    .rev()
                    .find_map(|len| found(&path[..len], Anchor::Value))
            })
        })
        .collect()
}

/// Every key that repeats an earlier key of the same mapping, in source
/// order: its path, its position, and the position of the first one. A
/// repeat inside the value of a repeated key is left out; its parent says it.
pub(crate) fn duplicate_keys(source: &str) -> Vec<(Vec<Seg>, Pos, Pos)> {
    let mut seen: HashMap<Vec<Seg>, Pos> = HashMap::new();
    let mut dups: Vec<(Vec<Seg>, Pos, Pos)> = Vec::new();
    walk(source, |path, anchor, pos, _| {
        if anchor != Anchor::Key {
            return;
        }
        if let Some(first) = seen.get(path) {
            if !dups.iter().any(|(d, ..)| path.starts_with(d)) {
                dups.push((path.to_vec(), pos, *first));
            }
        } else {
            seen.insert(path.to_vec(), pos);
        }
    });
    dups
}

/// The source text of every plain (unquoted) scalar value, by path: what
/// the author wrote, before YAML read `3.10` as the number 3.1 or `~` as
/// no value. Hints quote these, so that applying them keeps the text.
pub(crate) fn plain_scalars(source: &str) -> HashMap<Vec<Seg>, String> {
    let mut found = HashMap::new();
    walk(source, |path, anchor, _, plain| {
        if let (Anchor::Value, Some(text)) = (anchor, plain) {
            found
                .entry(path.to_vec())
                .or_insert_with(|| text.to_owned());
        }
    });
    found
}

/// Where the second YAML document of the source starts, if there is one.
pub(crate) fn second_document(source: &str) -> Option<Pos> {
    let mut documents = 0;
    for item in Parser::new_from_str(source) {
        let Ok((event, span)) = item else { break };
        if let Event::DocumentStart(_) = event {
            documents += 1;
            if documents == 2 {
                return Some((span.start.line(), span.start.col() + 1));
            }
        }
    }
    None
}

/// The 1-based line and column (in characters) of a byte offset.
pub(crate) fn position_of(source: &str, offset: usize) -> Pos {
    let mut end = offset.min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let before = &source[..end];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Moves a position past the end of the text (parsers report the end of the
/// stream on a line after the last one) back onto the last line.
pub(crate) fn clamp(source: &str, (line, col): Pos) -> Pos {
    let lines = source.lines().count();
    if line <= lines.max(1) {
        return (line, col);
    }
    let last = source.lines().last().unwrap_or("");
    (lines.max(1), last.chars().count() + 1)
}

/// Calls `visit` with the path, the anchor and the 1-based position of every
/// mapping key and every value of the first document, in source order, and
/// for a plain scalar value its text as written.
// Over 60 lines on purpose: one pass over the parser's events, where every
// branch reads and writes the same state (the open frames, the path to the
// current node, the depth inside a complex key); split up, each part would
// take all of it, and the order of the branches is the algorithm.
fn walk(source: &str, mut visit: impl FnMut(&[Seg], Anchor, Pos, Option<&str>)) {
    let mut stack: Vec<Frame> = Vec::new();
    let mut path: Vec<Seg> = Vec::new();
    // Depth inside a complex (non-scalar) mapping key, which has no path of its own.
    let mut skip = 0usize;
    let mut record = |path: &mut Vec<Seg>,
                      seg: Option<Seg>,
                      anchor: Anchor,
                      (line, col): (usize, usize),
                      plain: Option<&str>| {
        if let Some(seg) = seg.clone() {
            path.push(seg);
        }
        visit(path, anchor, (line, col + 1), plain);
        if seg.is_some() {
            path.pop();
        }
    };
    for item in Parser::new_from_str(source) {
        let Ok((event, span)) = item else { break };
        let (line, col) = (span.start.line(), span.start.col());
        let starts = matches!(event, Event::MappingStart(..) | Event::SequenceStart(..));
        let ends = matches!(event, Event::MappingEnd | Event::SequenceEnd);
        if skip > 0 {
            if starts {
                skip += 1;
            } else if ends {
                skip -= 1;
            }
            if skip == 0
                && let Some(Frame::Map { key }) = stack.last_mut()
            {
                *key = Some(String::new());
            }
            continue;
        }
        match event {
            Event::DocumentEnd | Event::StreamEnd => break,
            Event::Scalar(..)
            | Event::Alias(..)
            | Event::MappingStart(..)
            | Event::SequenceStart(..) => {
                // A node is either a mapping key or a value.
                if let Some(Frame::Map { key }) = stack.last_mut()
                    && key.is_none()
                {
                    if starts {
                        skip = 1;
                        continue;
                    }
                    let text = match &event {
                        Event::Scalar(v, ..) => v.to_string(),
                        _ => String::new(),
                    };
                    record(
                        &mut path,
                        Some(Seg::Key(text.clone())),
                        Anchor::Key,
                        (line, col),
                        None,
                    );
                    *key = Some(text);
                    continue;
                }
                let seg = match stack.last_mut() {
                    Some(Frame::Map { key }) => key.take().map(Seg::Key),
                    Some(Frame::Seq { next }) => {
                        *next += 1;
                        Some(Seg::Index(*next - 1))
                    }
                    None => None,
                };
                let plain = match &event {
                    Event::Scalar(v, ScalarStyle::Plain, _, None) => Some(v.as_ref()),
                    _ => None,
                };
                record(&mut path, seg.clone(), Anchor::Value, (line, col), plain);
                if starts {
                    // Only the root has no segment, and the root frame pops no segment.
                    if let Some(seg) = seg {
                        path.push(seg);
                    }
                    stack.push(match event {
                        Event::MappingStart(..) => Frame::Map { key: None },
                        _ => Frame::Seq { next: 0 },
                    });
                }
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                if !stack.is_empty() {
                    path.pop();
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Seg {
        Seg::Key(s.into())
    }

    #[test]
    fn finds_values_and_keys_in_block_and_flow_style() {
        let src = "id: x\nphases:\n  - id: a\n    skills:\n      - {id: s1, estimate: soon}\n      - id: s2\n        summry: hi\n";
        let targets = vec![
            (vec![k("id")], Anchor::Value),
            (
                vec![
                    k("phases"),
                    Seg::Index(0),
                    k("skills"),
                    Seg::Index(0),
                    k("estimate"),
                ],
                Anchor::Value,
            ),
            (
                vec![
                    k("phases"),
                    Seg::Index(0),
                    k("skills"),
                    Seg::Index(1),
                    k("summry"),
                ],
                Anchor::Key,
            ),
            (
                vec![k("phases"), Seg::Index(0), k("skills"), Seg::Index(1)],
                Anchor::Value,
            ),
        ];
        let got = locate(src, &targets);
        // `soon` starts at column 28: six spaces, `- `, `{id: s1, estimate: `.
        assert_eq!(
            got,
            vec![Some((1, 5)), Some((5, 28)), Some((7, 9)), Some((6, 9))]
        );
    }

    #[test]
    fn missing_paths_fall_back_to_the_nearest_ancestor() {
        let src = "phases:\n  - id: a\n";
        let got = locate(
            src,
            &[(vec![k("phases"), Seg::Index(0), k("title")], Anchor::Value)],
        );
        assert_eq!(got, vec![Some((2, 5))]);
    }

    #[test]
    fn counts_columns_in_characters_and_crlf_as_one_break() {
        let src = "title: \"é\"\r\nid: \"x\"\r\n";
        let got = locate(src, &[(vec![k("id")], Anchor::Value)]);
        assert_eq!(got, vec![Some((2, 5))]);
        let src = "title: é, id: x";
        let got = locate(src, &[(vec![k("title")], Anchor::Value)]);
        assert_eq!(got, vec![Some((1, 8))]);
    }

    #[test]
    fn finds_repeated_keys_but_not_their_children() {
        let src = "a: 1\nb:\n  c: 1\n  c: 2\na: 2\nd: {x: 1}\nd: {x: 2}\n";
        let got = duplicate_keys(src);
        assert_eq!(
            got,
            vec![
                (vec![k("b"), k("c")], (4, 3), (3, 3)),
                (vec![k("a")], (5, 1), (1, 1)),
                (vec![k("d")], (7, 1), (6, 1)),
            ]
        );
    }

    #[test]
    fn keeps_plain_scalars_as_written() {
        let got = plain_scalars("a: 3.10\nb: [0x1F, \"q\", ~]\nc: 'x'\nd:\n");
        assert_eq!(got.get(&vec![k("a")]).map(String::as_str), Some("3.10"));
        assert_eq!(
            got.get(&vec![k("b"), Seg::Index(0)]).map(String::as_str),
            Some("0x1F")
        );
        assert_eq!(got.get(&vec![k("b"), Seg::Index(1)]), None);
        assert_eq!(
            got.get(&vec![k("b"), Seg::Index(2)]).map(String::as_str),
            Some("~")
        );
        assert_eq!(got.get(&vec![k("c")]), None);
        assert_eq!(got.get(&vec![k("d")]).map(String::as_str), Some(""));
    }

    #[test]
    fn finds_the_second_document() {
        assert_eq!(second_document("a: 1\n---\nb: 2\n"), Some((2, 1)));
        assert_eq!(second_document("---\na: 1\n"), None);
    }

    #[test]
    fn clamps_positions_past_the_end() {
        assert_eq!(clamp("id: [", (2, 1)), (1, 6));
        assert_eq!(clamp("a\nbc\n", (3, 1)), (2, 3));
        assert_eq!(clamp("a\nbc\n", (2, 2)), (2, 2));
        assert_eq!(clamp("", (2, 1)), (1, 1));
    }
}
