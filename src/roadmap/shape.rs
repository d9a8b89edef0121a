//! The slow path's first step: checks a parsed YAML tree against the roadmap
//! schema, reports every unknown field and wrongly typed value, and strips
//! them so the rest of the file can still be validated.
//!
//! Stripping leaves holes the validator would complain about again ("missing
//! `title`" right after "`title`: expected text"). [`Stripped`] remembers
//! them so those echoes are dropped. Bad list entries are blanked rather than
//! removed, so that the entries after them keep their index and position.
//!
//! This file walks the tree. `fields` lists what each mapping may hold,
//! `place` names a path of the tree as the walk names it, and `words` says
//! in words what was found and how to fix it.

mod fields;
mod place;
mod words;

use std::collections::HashMap;

use serde_yaml::{Mapping, Value};

use super::locate::Seg;
use super::validate::{At, Pending, did_you_mean};
pub(crate) use fields::{Kind, ROADMAP, Schema};
pub(crate) use place::at_of;
use place::item_at;
use words::{TAG_MESSAGE, describe, text_item_problem, wrong_kind};

/// What the shape check took out of the tree, so that the validator's
/// complaints about the holes are not reported as second problems.
#[derive(Debug, Default)]
pub(crate) struct Stripped {
    /// Values removed or blanked: any problem at or under these paths is an echo.
    removed: Vec<Vec<Seg>>,
    /// Fields that an unknown field was probably meant to be (`titel` for
    /// `title`): a "missing" problem for one of them is an echo.
    suggested: Vec<Vec<Seg>>,
}

impl Stripped {
    /// Whether `p` only restates a problem the shape check already reported.
    pub(crate) fn is_echo(&self, p: &Pending) -> bool {
        self.removed.iter().any(|r| p.path.starts_with(r))
            || (p.missing && self.suggested.contains(&p.path))
    }
}

/// What shape checking needs to carry around.
struct Ctx<'a> {
    out: &'a mut Vec<Pending>,
    stripped: Stripped,
    /// Plain scalars as the author wrote them (see `locate::plain_scalars`).
    written: &'a HashMap<Vec<Seg>, String>,
}

impl Ctx<'_> {
    fn written(&self, at: &At) -> Option<&str> {
        self.written.get(&at.path).map(String::as_str)
    }
}

/// Checks the whole document. Returns the tree with every offending entry
/// stripped, or `None` when the top level is not a mapping at all. `written`
/// holds the plain scalars as written, which hints quote.
pub(crate) fn check(
    mut doc: Value,
    written: &HashMap<Vec<Seg>, String>,
    out: &mut Vec<Pending>,
) -> (Option<Value>, Stripped) {
    let root = At::root();
    let mut cx = Ctx {
        out,
        stripped: Stripped::default(),
        written,
    };
    let doc = match &mut doc {
        Value::Mapping(map) => {
            check_map(map, &ROADMAP, &root, &mut cx);
            Some(doc)
        }
        other => {
            let hint = if other.is_sequence() {
                "; a file holds one roadmap, so start it with `id:` at the left margin, not with `- `"
            } else {
                ""
            };
            cx.out.push(root.problem(format!(
                "the top level of a roadmap must be a mapping with `id`, `title`, `source` and `phases`; found {}{hint}",
                describe(other, None)
            )));
            None
        }
    };
    (doc, cx.stripped)
}

/// Field names people reach for that mean one of ours.
const SYNONYMS: &[(&str, &str)] = &[
    ("name", "title"),
    ("link", "url"),
    ("href", "url"),
    ("description", "summary"),
    ("duration", "estimate"),
    ("time", "estimate"),
    ("weeks", "estimate"),
    ("tags", "topics"),
    ("steps", "skills"),
    ("stages", "phases"),
    ("date", "published"),
];

/// The field an unknown name was probably meant to be.
fn suggestion(name: &str, schema: &Schema) -> Option<&'static str> {
    let names = schema.fields.iter().map(|(n, _)| *n);
    did_you_mean(name, names.clone()).or_else(|| {
        let lower = name.to_lowercase();
        names.clone().find(|n| *n == lower).or_else(|| {
            SYNONYMS
                .iter()
                .find(|(from, _)| *from == lower)
                .and_then(|(_, to)| names.clone().find(|n| n == to))
        })
    })
}

fn check_map(map: &mut Mapping, schema: &Schema, at: &At, cx: &mut Ctx<'_>) {
    let mut remove = Vec::new();
    for (k, v) in map.iter_mut() {
        let Some(name) = k.as_str() else {
            cx.out.push(at.problem(format!(
                "a field name must be text, found {}; field names are words like `title`",
                describe(k, None)
            )));
            remove.push(k.clone());
            continue;
        };
        match schema.fields.iter().find(|(n, _)| *n == name) {
            None => {
                let hint = if let Some(s) = suggestion(name, schema) {
                    cx.stripped.suggested.push(at.key(s).path);
                    format!("did you mean `{s}`?")
                } else {
                    format!(
                        "a {} may have: {}",
                        schema.what,
                        schema
                            .fields
                            .iter()
                            .map(|(n, _)| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                cx.out.push(at.key(name).key_problem(format!(
                    "unknown field `{name}` in the {}; {hint}",
                    schema.what
                )));
                remove.push(k.clone());
            }
            Some((_, kind)) => {
                let field_at = at.key(name);
                if !check_value(v, *kind, &field_at, cx) {
                    cx.stripped.removed.push(field_at.path);
                    remove.push(k.clone());
                }
            }
        }
    }
    for k in remove {
        map.remove(&k);
    }
}

/// Whether `v` fits `kind` (after stripping what inside it does not).
fn check_value(v: &mut Value, kind: Kind, at: &At, cx: &mut Ctx<'_>) -> bool {
    if v.is_null() {
        return true;
    }
    if let Value::Tagged(_) = v {
        cx.out.push(at.problem(TAG_MESSAGE));
        return false;
    }
    let fits = match kind {
        Kind::Text => v.is_string(),
        Kind::Number => v.is_number(),
        Kind::Estimate => v.is_string() || v.is_number(),
        Kind::TextList => {
            if let Value::Sequence(items) = v {
                check_text_items(items, at, cx);
            }
            v.is_sequence()
        }
        Kind::Map(schema) => {
            if let Value::Mapping(m) = v {
                check_map(m, schema, at, cx);
            }
            v.is_mapping()
        }
        Kind::MapList(schema) => {
            if let Value::Sequence(items) = v {
                check_map_items(items, schema, at, cx);
            }
            v.is_sequence()
        }
    };
    if !fits {
        let written = cx.written(at);
        cx.out.push(at.problem(wrong_kind(v, kind, written)));
    }
    fits
}

/// Reports each entry of a list of text that is not text, and blanks it.
fn check_text_items(items: &mut [Value], at: &At, cx: &mut Ctx<'_>) {
    for (i, item) in items.iter_mut().enumerate() {
        if item.is_string() {
            continue;
        }
        let item_at = at.index(i);
        let written = cx.written(&item_at).filter(|w| !w.is_empty());
        cx.out
            .push(item_at.problem(text_item_problem(item, written)));
        // Blank, not removed: later entries keep their index.
        *item = Value::String(String::new());
        cx.stripped.removed.push(item_at.path);
    }
}

/// Checks each entry of a list of mappings against `schema`; an entry that
/// is not a mapping is reported and blanked.
fn check_map_items(items: &mut [Value], schema: &Schema, at: &At, cx: &mut Ctx<'_>) {
    let list_key = at.path.last().cloned();
    for (i, item) in items.iter_mut().enumerate() {
        let id = item.get("id").and_then(Value::as_str).map(str::to_owned);
        let item_at = item_at(at, list_key.as_ref(), i, schema.what, id.as_deref());
        if let Value::Mapping(m) = item {
            check_map(m, schema, &item_at, cx);
            continue;
        }
        cx.out.push(item_at.problem(match item {
            Value::Tagged(_) => TAG_MESSAGE.to_owned(),
            Value::Null => format!(
                "the entry is empty; write the {} (`id:`, `title:`, …) after the `-`, or remove the `-`",
                schema.what
            ),
            _ => format!(
                "expected a {} (a mapping with `id:`, `title:`, …), found {}; write each {} as `- id: …` with its fields indented under it",
                schema.what,
                describe(item, cx.written(&item_at)),
                schema.what
            ),
        }));
        // Blank, not removed: later entries keep their index.
        *item = Value::Mapping(Mapping::new());
        cx.stripped.removed.push(item_at.path);
    }
}
