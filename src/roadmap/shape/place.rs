//! The place (path and words) of a node of the tree, labelled as the shape
//! check labels it: the slow path uses it for problems found outside the
//! walk, such as a key given twice.

use serde_yaml::Value;

use super::super::locate::Seg;
use super::super::validate::{At, label, phase_label};
use super::{Kind, ROADMAP};

/// The place (path and words) of `path` in the document, labelled from the
/// tree as the checks above label it.
pub(crate) fn at_of(doc: &Value, path: &[Seg]) -> At {
    let mut at = At::root();
    let mut node = Some(doc);
    let mut schema = Some(&ROADMAP);
    let mut i = 0;
    while i < path.len() {
        let kind = match &path[i] {
            Seg::Key(k) => schema.and_then(|s| s.fields.iter().find(|(n, _)| n == k)),
            Seg::Index(_) => None,
        }
        .map(|(_, kind)| *kind);
        match (&path[i], path.get(i + 1), kind) {
            (Seg::Key(k), Some(Seg::Index(n)), Some(Kind::MapList(item_schema))) => {
                let item = node.and_then(|v| v.get(k.as_str())).and_then(|v| v.get(*n));
                let id = item.and_then(|v| v.get("id")).and_then(Value::as_str);
                at = item_at(&at.key(k), Some(&path[i]), *n, item_schema.what, id);
                node = item;
                schema = Some(item_schema);
                i += 2;
            }
            (Seg::Key(k), _, kind) => {
                at = at.key(k);
                node = node.and_then(|v| v.get(k.as_str()));
                schema = match kind {
                    Some(Kind::Map(s)) => Some(s),
                    _ => None,
                };
                i += 1;
            }
            (Seg::Index(n), _, _) => {
                at = at.index(*n);
                node = node.and_then(|v| v.get(*n));
                schema = None;
                i += 1;
            }
        }
    }
    at
}

pub(super) fn item_at(list: &At, key: Option<&Seg>, i: usize, what: &str, id: Option<&str>) -> At {
    let name = match key {
        Some(Seg::Key(k)) => k.clone(),
        _ => String::new(),
    };
    let parent = At {
        path: list.path[..list.path.len().saturating_sub(1)].to_vec(),
        place: list
            .place
            .rsplit_once(" › ")
            .map_or(String::new(), |(p, _)| p.to_owned()),
    };
    let words = if what == "phase" {
        phase_label(i, id)
    } else {
        label(what, i, id)
    };
    parent.item(&name, i, &words)
}
