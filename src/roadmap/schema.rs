//! The JSON Schema of the roadmap format, for editors that check and complete
//! YAML as it is typed (yaml-language-server in VS Code, Neovim, Helix).
//!
//! It is generated with `schemars` from the structs serde reads roadmap files
//! with (`raw.rs`), so its list of fields cannot drift from the loader's. What
//! the types cannot say (id and date patterns, the estimate forms, non-empty
//! titles and lists) comes from the functions below, named by `schemars`
//! attributes on those structs. Checks that need the whole file (unique ids,
//! project references, backwards ranges) stay with `trailmark validate`.
//!
//! Optional fields accept `null` (`summary:` with nothing after it), because
//! the loader does; required ones do not.
//!
//! `trailmark schema` prints [`text`]; `roadmaps/roadmap.schema.json` holds
//! the same text, and a test keeps the two equal.

use schemars::{Schema, SchemaGenerator, generate::SchemaSettings, json_schema};

use super::raw::RawRoadmap;

/// The id syntax (see [`super::is_valid_id`]), as a JSON Schema (ECMA 262) regex.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9_-]*$";

/// What `estimate::parse` reads: a number or a range (`-`, `–` or `—`) with an
/// optional unit (`week(s)`, `w`, `wk(s)`, `month(s)`, `mo`, any case), and a
/// non-zero digit somewhere, since an estimate of zero is refused.
const ESTIMATE_PATTERN: &str = r"^(?=.*[1-9])\s*(\d+(\.\d*)?|\.\d+)(\s*[-–—]\s*(\d+(\.\d*)?|\.\d+))?\s*([Ww]([Ee][Ee][Kk][Ss]?|[Kk][Ss]?)?|[Mm]([Oo][Nn][Tt][Hh][Ss]?|[Oo]))?\s*$";

/// A `YYYY-MM-DD` date, spaces around it allowed (the loader trims them).
const DATE_PATTERN: &str = r"^\s*\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\s*$";

/// What `url_problem` accepts: http(s), a host with a dot (or `localhost`),
/// no spaces.
const URL_PATTERN: &str = r"^https?://([^\s/?#]*@)?([A-Za-z0-9-][A-Za-z0-9.-]*\.[A-Za-z0-9.-]*[A-Za-z0-9-]|localhost)(:[^\s/?#]*)?([/?#]\S*)?$";

/// The schema as a value: draft 7, the version editors support most widely.
pub fn json_schema() -> Schema {
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<RawRoadmap>()
}

/// The schema as pretty-printed JSON with a final newline: exactly what
/// `trailmark schema` prints and `roadmaps/roadmap.schema.json` holds.
pub fn text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema())
        .unwrap_or_else(|e| unreachable!("a JSON value always serializes: {e}"));
    text.push('\n');
    text
}

/// A required id (roadmap, phase, skill, project).
/// One line of visible text: something besides blanks, and no C0 or C1
/// control, DEL, or bidirectional override or isolate (the loader refuses
/// them: they could drive the terminal the text is shown on).
const ONE_LINE_PATTERN: &str = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069][^\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$";

pub(crate) fn id(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": ID_PATTERN })
}

/// Required text that is not empty or only spaces.
pub(crate) fn title(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": ONE_LINE_PATTERN })
}

/// An optional shared skill key: the id syntax.
pub(crate) fn key(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "null"], "pattern": ID_PATTERN })
}

/// The optional `source.published` date.
pub(crate) fn date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "null"], "pattern": DATE_PATTERN })
}

/// An optional web address (`source.url`).
pub(crate) fn url(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "null"], "pattern": URL_PATTERN })
}

/// A required web address (a resource's `url`).
pub(crate) fn required_url(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": URL_PATTERN })
}

/// The optional weekly hours: above 0, at most a week's 168.
pub(crate) fn pace(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["number", "null"], "exclusiveMinimum": 0, "maximum": 168 })
}

/// A skill's former ids: ids, each listed once (collisions with other skills need the whole file).
pub(crate) fn aliases(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["array", "null"],
        "items": { "type": "string", "pattern": ID_PATTERN },
        "uniqueItems": true
    })
}

/// A skill's topics: non-empty text each.
pub(crate) fn topics(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["array", "null"], "items": { "type": "string", "pattern": ONE_LINE_PATTERN } })
}

/// A project's skill ids; whether each names a skill needs the whole file.
pub(crate) fn skill_refs(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["array", "null"], "items": { "type": "string" } })
}

/// An estimate: a number of weeks, or text with a unit.
pub(crate) fn estimate() -> Schema {
    json_schema!({
        "description": "A number of weeks (`3`), or text with a unit: `1 week`, `4-6 weeks`, `4–6 weeks`, `1 month`, `2–3 months` (a month is 52/12 weeks). More than zero; a range runs from the smaller number to the larger.",
        "anyOf": [
            { "type": "number", "exclusiveMinimum": 0 },
            { "type": "string", "pattern": ESTIMATE_PATTERN }
        ],
        "examples": [3, "1 week", "4-6 weeks", "2–3 months"]
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::super::shape::{self, Kind};

    /// The slow path's field tables (`shape.rs`) and the serde structs the
    /// schema is generated from name the same fields, mapping by mapping.
    #[test]
    fn the_shape_tables_list_the_schemas_fields() {
        let schema = serde_json::to_value(super::json_schema()).unwrap_or_default();
        let mut todo = vec![&shape::ROADMAP];
        let mut seen = 0;
        while let Some(table) = todo.pop() {
            seen += 1;
            let node = match table.what {
                "roadmap" => &schema,
                what => {
                    let mut name = what.to_owned();
                    name[..1].make_ascii_uppercase();
                    &schema["definitions"][name]
                }
            };
            let props: BTreeSet<&str> = node["properties"]
                .as_object()
                .map(|m| m.keys().map(String::as_str).collect())
                .unwrap_or_default();
            let fields: BTreeSet<&str> = table.fields.iter().map(|(n, _)| *n).collect();
            assert_eq!(props, fields, "the fields of a {}", table.what);
            assert_eq!(node["additionalProperties"], Value::Bool(false));
            for (_, kind) in table.fields {
                if let Kind::Map(t) | Kind::MapList(t) = kind {
                    todo.push(t);
                }
            }
        }
        assert_eq!(seen, 6);
    }
}
