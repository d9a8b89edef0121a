//! Finds where a document path (`phases[2].skills[0].estimate`) stands in the
//! YAML source. serde keeps no spans, so this runs only on the error path, as a
//! single pass of saphyr's span-aware event parser over the file.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

/// One step of a document path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// Where to point: at the value of the node, or at its key (for unknown fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Anchor {
    Value,
    Key,
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
    let mut wanted: HashMap<(Vec<Seg>, Anchor), Option<Pos>> = HashMap::new();
    for (path, anchor) in targets {
        wanted.insert((path.clone(), *anchor), None);
        for len in 0..path.len() {
            wanted.insert((path[..len].to_vec(), Anchor::Value), None);
        }
    }
    scan(source, &mut wanted);
    targets
        .iter()
        .map(|(path, anchor)| {
            if let Some(Some(pos)) = wanted.get(&(path.clone(), *anchor)) {
                return Some(*pos);
            }
            (0..path.len()).rev().find_map(|len| {
                wanted
                    .get(&(path[..len].to_vec(), Anchor::Value))
                    .copied()
                    .flatten()
            })
        })
        .collect()
}

fn scan(source: &str, wanted: &mut HashMap<(Vec<Seg>, Anchor), Option<Pos>>) {
    let mut stack: Vec<Frame> = Vec::new();
    let mut path: Vec<Seg> = Vec::new();
    // Depth inside a complex (non-scalar) mapping key, which has no path of its own.
    let mut skip = 0usize;
    let mut record =
        |path: &mut Vec<Seg>, seg: Option<Seg>, anchor: Anchor, line: usize, col: usize| {
            if let Some(seg) = seg.clone() {
                path.push(seg);
            }
            if let Some(slot) = wanted.get_mut(&(path.clone(), anchor)) {
                slot.get_or_insert((line, col + 1));
            }
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
                && let Some(Frame::Map { key }) = stack.last_mut() {
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
                    && key.is_none() {
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
                            line,
                            col,
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
                record(&mut path, seg.clone(), Anchor::Value, line, col);
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
        assert_eq!(
            got,
            vec![Some((1, 5)), Some((5, 29)), Some((7, 9)), Some((6, 9))]
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
}
