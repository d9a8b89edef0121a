//! The slow path's first step: checks a parsed YAML tree against the roadmap
//! schema, reports every unknown field and wrongly typed value, and strips
//! them so the rest of the file can still be validated.
//!
//! Stripping leaves holes the validator would complain about again ("missing
//! `title`" right after "`title`: expected text"). [`Stripped`] remembers
//! them so those echoes are dropped. Bad list entries are blanked rather than
//! removed, so that the entries after them keep their index and position.

use std::collections::HashMap;

use serde_yaml::{Mapping, Value};

use super::locate::Seg;
use super::validate::{At, Pending, did_you_mean, label, phase_label};

#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Text,
    Number,
    Estimate,
    TextList,
    Map(&'static Schema),
    MapList(&'static Schema),
}

/// The fields one kind of mapping may hold. Kept beside `raw.rs`, whose
/// structs must list the same names; a test in `schema.rs` checks they agree.
pub(crate) struct Schema {
    pub what: &'static str,
    pub fields: &'static [(&'static str, Kind)],
}

static RESOURCE: Schema = Schema {
    what: "resource",
    fields: &[("title", Kind::Text), ("url", Kind::Text)],
};
static SKILL: Schema = Schema {
    what: "skill",
    fields: &[
        ("id", Kind::Text),
        ("title", Kind::Text),
        ("key", Kind::Text),
        ("aliases", Kind::TextList),
        ("summary", Kind::Text),
        ("topics", Kind::TextList),
        ("resources", Kind::MapList(&RESOURCE)),
        ("estimate", Kind::Estimate),
    ],
};
static PROJECT: Schema = Schema {
    what: "project",
    fields: &[
        ("id", Kind::Text),
        ("title", Kind::Text),
        ("description", Kind::Text),
        ("skills", Kind::TextList),
    ],
};
static PHASE: Schema = Schema {
    what: "phase",
    fields: &[
        ("id", Kind::Text),
        ("title", Kind::Text),
        ("summary", Kind::Text),
        ("estimate", Kind::Estimate),
        ("skills", Kind::MapList(&SKILL)),
        ("projects", Kind::MapList(&PROJECT)),
    ],
};
static SOURCE: Schema = Schema {
    what: "source",
    fields: &[
        ("title", Kind::Text),
        ("author", Kind::Text),
        ("published", Kind::Text),
        ("url", Kind::Text),
    ],
};
pub(crate) static ROADMAP: Schema = Schema {
    what: "roadmap",
    fields: &[
        ("id", Kind::Text),
        ("title", Kind::Text),
        ("summary", Kind::Text),
        ("source", Kind::Map(&SOURCE)),
        ("pace_hours_per_week", Kind::Number),
        ("tips", Kind::TextList),
        ("phases", Kind::MapList(&PHASE)),
    ],
};

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

const TAG_MESSAGE: &str = "YAML tags (`!name`) have no meaning in a roadmap file; remove the tag, and put the value in quotes if it starts with `!`";

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
            v.is_sequence()
        }
    };
    if !fits {
        let written = cx.written(at);
        let (wanted, hint) = match kind {
            Kind::Text => ("text", format!("; {}", quote_hint(v, written))),
            Kind::Number => (
                "a number",
                "; write it without quotes, e.g. `10`".to_owned(),
            ),
            Kind::Estimate => (
                "an estimate",
                "; write a number of weeks (`3`) or text like `4-6 weeks`".to_owned(),
            ),
            Kind::TextList => (
                "a list of text",
                "; write it as `[first, second]`, or one `- item` per line".to_owned(),
            ),
            Kind::Map(_) => (
                "a mapping",
                "; indent its fields (`title: …`) under it".to_owned(),
            ),
            Kind::MapList(schema) => (
                "a list",
                format!(
                    "; start each {} with `- ` (e.g. `- id: …`), indented under the field",
                    schema.what
                ),
            ),
        };
        cx.out.push(at.problem(format!(
            "expected {wanted}, found {}{hint}",
            describe(v, written)
        )));
    }
    fits
}

/// What is wrong with an entry of a list of text that is not text;
/// `written` is the entry as the author wrote it, when it is a plain scalar.
fn text_item_problem(item: &Value, written: Option<&str>) -> String {
    match (item, written) {
        (Value::Tagged(_), _) => TAG_MESSAGE.to_owned(),
        (Value::Null, Some(w)) => format!(
            "`{w}` is YAML for “no value”; if the entry is the text `{w}`, put it in quotes: `\"{w}\"`; otherwise remove the entry"
        ),
        (Value::Null, None) => {
            "the entry is empty; write the text after the `-` or remove the entry".to_owned()
        }
        _ => format!(
            "expected text, found {}; {}",
            describe(item, written),
            quote_hint(item, written)
        ),
    }
}

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

fn item_at(list: &At, key: Option<&Seg>, i: usize, what: &str, id: Option<&str>) -> At {
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

/// How to make `v` text: quote what the author wrote (`written`, the plain
/// scalar's source), never YAML's reading of it, which may differ (`3.10`
/// reads as 3.1, `0x1F` as 31).
fn quote_hint(v: &Value, written: Option<&str>) -> String {
    match (v, written) {
        (Value::Number(_) | Value::Bool(_), Some(w)) => format!("put it in quotes: `\"{w}\"`"),
        (Value::Number(n), None) => format!("put it in quotes: `\"{n}\"`"),
        (Value::Bool(b), None) => format!("put it in quotes: `\"{b}\"`"),
        (Value::Sequence(_), _) => {
            "if the `[…]` is part of the text, put the whole text in quotes".to_owned()
        }
        (Value::Mapping(_), _) => {
            "if the `{…}` or `key: value` is part of the text, put the whole text in quotes"
                .to_owned()
        }
        _ => "write it as plain text".to_owned(),
    }
}

/// A value in words, for "found …", quoting a scalar as `written` when known.
pub(crate) fn describe(v: &Value, written: Option<&str>) -> String {
    match (v, written) {
        (Value::Null, _) => "nothing".into(),
        (Value::Bool(_), Some(w)) => format!("the yes/no value `{w}`"),
        (Value::Number(_), Some(w)) => format!("the number `{w}`"),
        (Value::Bool(b), None) => format!("the yes/no value `{b}`"),
        (Value::Number(n), None) => format!("the number `{n}`"),
        (Value::String(s), _) => format!("the text `{s}`"),
        (Value::Sequence(_), _) => "a list".into(),
        (Value::Mapping(_), _) => "a mapping".into(),
        (Value::Tagged(_), _) => "a tagged value".into(),
    }
}
