//! What the shape check found, in words, and how to fix it: a value
//! described as the author wrote it, and the hint that turns it into what
//! the field wants.

use serde_yaml::Value;

use super::Kind;

pub(super) const TAG_MESSAGE: &str = "YAML tags (`!name`) have no meaning in a roadmap file; remove the tag, and put the value in quotes if it starts with `!`";

/// What is wrong with a value that does not fit `kind`; `written` is the
/// value as the author wrote it, when it is a plain scalar.
pub(super) fn wrong_kind(v: &Value, kind: Kind, written: Option<&str>) -> String {
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
    format!("expected {wanted}, found {}{hint}", describe(v, written))
}

/// What is wrong with an entry of a list of text that is not text;
/// `written` is the entry as the author wrote it, when it is a plain scalar.
pub(super) fn text_item_problem(item: &Value, written: Option<&str>) -> String {
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
