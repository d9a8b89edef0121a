//! The slow path's first step: checks a parsed YAML tree against the roadmap
//! schema, reports every unknown field and wrongly typed value, and strips
//! them so the rest of the file can still be validated.

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
/// structs must list the same names; a test checks they agree.
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
        ("phases", Kind::MapList(&PHASE)),
    ],
};

/// Checks the whole document. Returns the tree with every offending entry
/// removed, or `None` when the top level is not a mapping at all.
pub(crate) fn check(mut doc: Value, out: &mut Vec<Pending>) -> Option<Value> {
    let root = At::root();
    match &mut doc {
        Value::Mapping(map) => {
            check_map(map, &ROADMAP, &root, out);
            Some(doc)
        }
        other => {
            out.push(root.problem(format!(
                "the top level of a roadmap must be a mapping with `id`, `title`, `source` and `phases`; found {}",
                describe(other)
            )));
            None
        }
    }
}

fn check_map(map: &mut Mapping, schema: &Schema, at: &At, out: &mut Vec<Pending>) {
    let mut remove = Vec::new();
    for (k, v) in map.iter_mut() {
        let Some(name) = k.as_str() else {
            out.push(at.problem(format!(
                "a field name must be text, found {}; field names are words like `title`",
                describe(k)
            )));
            remove.push(k.clone());
            continue;
        };
        match schema.fields.iter().find(|(n, _)| *n == name) {
            None => {
                let names = schema.fields.iter().map(|(n, _)| *n);
                let hint = did_you_mean(name, names.clone()).map_or_else(
                    || {
                        format!(
                            "a {} may have: {}",
                            schema.what,
                            names
                                .map(|n| format!("`{n}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    },
                    |s| format!("did you mean `{s}`?"),
                );
                out.push(at.key(name).key_problem(format!(
                    "unknown field `{name}` in the {}; {hint}",
                    schema.what
                )));
                remove.push(k.clone());
            }
            Some((_, kind)) => {
                if !check_value(v, *kind, &at.key(name), out) {
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
fn check_value(v: &mut Value, kind: Kind, at: &At, out: &mut Vec<Pending>) -> bool {
    if v.is_null() {
        return true;
    }
    if let Value::Tagged(_) = v {
        out.push(
            at.problem("YAML tags (`!name`) have no meaning in a roadmap file; remove the tag"),
        );
        return false;
    }
    let fits = match kind {
        Kind::Text => v.is_string(),
        Kind::Number => v.is_number(),
        Kind::Estimate => v.is_string() || v.is_number(),
        Kind::TextList => {
            if let Value::Sequence(items) = v {
                let mut i = 0;
                items.retain(|item| {
                    let ok = item.is_string();
                    if !ok {
                        out.push(at.index(i).problem(format!(
                            "expected text, found {}; {}",
                            describe(item),
                            quote_hint(item)
                        )));
                    }
                    i += 1;
                    ok
                });
            }
            v.is_sequence()
        }
        Kind::Map(schema) => {
            if let Value::Mapping(m) = v {
                check_map(m, schema, at, out);
            }
            v.is_mapping()
        }
        Kind::MapList(schema) => {
            if let Value::Sequence(items) = v {
                let list_key = at.path.last().cloned();
                let mut i = 0;
                items.retain_mut(|item| {
                    let id = item.get("id").and_then(Value::as_str).map(str::to_owned);
                    let item_at = item_at(at, list_key.as_ref(), i, schema.what, id.as_deref());
                    i += 1;
                    if let Value::Mapping(m) = item {
                        check_map(m, schema, &item_at, out);
                        true
                    } else {
                        out.push(item_at.problem(format!(
                            "expected a {} (a mapping with `id`, `title`, …), found {}",
                            schema.what,
                            describe(item)
                        )));
                        false
                    }
                });
            }
            v.is_sequence()
        }
    };
    if !fits {
        let wanted = match kind {
            Kind::Text => "text",
            Kind::Number => "a number",
            Kind::Estimate => "an estimate (a number of weeks or text like `4-6 weeks`)",
            Kind::TextList => "a list of text",
            Kind::Map(_) => "a mapping",
            Kind::MapList(_) => "a list",
        };
        let hint = if matches!(kind, Kind::Text) {
            format!("; {}", quote_hint(v))
        } else {
            String::new()
        };
        out.push(at.problem(format!("expected {wanted}, found {}{hint}", describe(v))));
    }
    fits
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

fn quote_hint(v: &Value) -> String {
    match v {
        Value::Number(n) => format!("put it in quotes: `\"{n}\"`"),
        Value::Bool(b) => format!("YAML reads it as {b}; put the word in quotes"),
        _ => "write it as plain text".to_owned(),
    }
}

/// A value in words, for "found …".
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "nothing".into(),
        Value::Bool(b) => format!("`{b}` (true/false)"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::String(s) => format!("the text `{s}`"),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping".into(),
        Value::Tagged(_) => "a tagged value".into(),
    }
}
