//! The YAML shape of a roadmap file, exactly as serde reads it.
//!
//! Every field is optional here so that a missing field becomes a validation
//! problem with a position and a fix, not serde's first-error-and-stop.
//! `deny_unknown_fields` keeps the fast path honest: a file with a typo never
//! loads silently; it falls through to the slow path, which reports it. For
//! the same reason text fields are [`Text`], which refuses numbers, booleans
//! and tagged values instead of quietly turning them into strings: the fast
//! path accepts exactly what the slow path's shape check accepts.
//!
//! Required fields are [`Field`]s, so that `title:` with nothing after it is
//! reported as an empty title, not as a missing one.
//!
//! These structs are also where the JSON Schema of the format comes from
//! (`schemars`, see [`super::schema`]): the properties it lists are the fields
//! serde reads, so the two cannot drift. The doc comments on fields are the
//! descriptions an editor shows on hover; the `schemars` attributes add what
//! the validator checks beyond types (required fields, id and date patterns,
//! estimate forms). `#[serde(default)]` on each struct changes nothing for
//! serde (every field already defaults to `None`) but tells `schemars` that
//! absence is fine, so that only the `required` lists decide.

use schemars::JsonSchema;
use serde::Deserialize;

use super::schema;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// A required field: `None` when the key is absent, `Some(None)` when it is
/// present with no value (`title:`), `Some(Some(v))` otherwise.
pub(crate) type Field<T> = Option<Option<T>>;

/// Deserializes a present key into `Some`, so that absence stays `None`.
fn present<'de, D, T>(d: D) -> Result<Field<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// A roadmap: a learning path of ordered phases, each with skills to learn.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(
    title = "trailmark roadmap",
    extend("required" = ["id", "title", "source", "phases"])
)]
pub(crate) struct RawRoadmap {
    /// The roadmap's id: lowercase letters, digits, `-` and `_`, starting with a letter or digit. A file with a bundled roadmap's id replaces that roadmap.
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::id")]
    pub id: Field<Text>,
    /// The roadmap's title, as shown in the app.
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::title")]
    pub title: Field<Text>,
    /// One or two sentences about the roadmap.
    pub summary: Option<Text>,
    /// Where the roadmap comes from; every field is optional, so `source: {}` is valid.
    #[serde(deserialize_with = "present")]
    #[schemars(with = "RawSource")]
    pub source: Field<RawSource>,
    /// The study hours per week that the source's estimates assume ("2 hours daily" is 14): more than 0, at most 168.
    #[schemars(schema_with = "schema::pace")]
    pub pace_hours_per_week: Option<f64>,
    /// Advice from the source for following the roadmap, one line each.
    pub tips: Option<Vec<Text>>,
    /// The phases, in order; at least one.
    #[serde(deserialize_with = "present")]
    #[schemars(with = "Vec<RawPhase>", length(min = 1))]
    pub phases: Field<Vec<RawPhase>>,
}

/// Where a roadmap comes from: the article, book or course it follows.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(rename = "Source")]
pub(crate) struct RawSource {
    /// The title of the article, book or course.
    pub title: Option<Text>,
    /// Who wrote it.
    pub author: Option<Text>,
    /// When it was published, as YYYY-MM-DD.
    #[schemars(schema_with = "schema::date")]
    pub published: Option<Text>,
    /// A link to it: a full `http://` or `https://` address.
    #[schemars(schema_with = "schema::url")]
    pub url: Option<Text>,
}

/// A phase of the roadmap: skills to learn together, and project ideas that use them.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(rename = "Phase", extend("required" = ["id", "title", "skills"]))]
pub(crate) struct RawPhase {
    /// The phase's id, unique among the phases of this roadmap.
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::id")]
    pub id: Field<Text>,
    /// The phase's title.
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::title")]
    pub title: Field<Text>,
    /// What the phase is about.
    pub summary: Option<Text>,
    /// The phase's own time as the source states it; when given, the skills' estimates are not added on top.
    pub estimate: Option<RawEstimate>,
    /// The skills of the phase, in order; at least one.
    #[serde(deserialize_with = "present")]
    #[schemars(with = "Vec<RawSkill>", length(min = 1))]
    pub skills: Field<Vec<RawSkill>>,
    /// Things to build that use the skills (optional).
    pub projects: Option<Vec<RawProject>>,
}

/// A skill to learn.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(rename = "Skill", extend("required" = ["id", "title"]))]
pub(crate) struct RawSkill {
    /// The skill's id, unique across the whole roadmap (projects refer to skills by it).
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::id")]
    pub id: Field<Text>,
    /// The skill's title.
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::title")]
    pub title: Field<Text>,
    /// A shared key from roadmaps/vocabulary/skill-keys.yaml (such as `git` or `postgresql`): progress on it is shared with every roadmap that has a skill with the same key.
    #[schemars(schema_with = "schema::key")]
    pub key: Option<Text>,
    /// Former ids of this skill, after a rename: progress recorded under them counts for this skill.
    #[schemars(schema_with = "schema::aliases")]
    pub aliases: Option<Vec<Text>>,
    /// What the skill is and why it matters.
    pub summary: Option<Text>,
    /// The sub-items to cover.
    #[schemars(schema_with = "schema::topics")]
    pub topics: Option<Vec<Text>>,
    /// Links for learning the skill.
    pub resources: Option<Vec<RawResource>>,
    /// The time this skill takes.
    pub estimate: Option<RawEstimate>,
}

/// A link for learning a skill.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(rename = "Resource", extend("required" = ["title", "url"]))]
pub(crate) struct RawResource {
    /// What the link is.
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::title")]
    pub title: Field<Text>,
    /// A full `http://` or `https://` address.
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::required_url")]
    pub url: Field<Text>,
}

/// A project idea: something to build that exercises some of the skills.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(rename = "Project", extend("required" = ["id", "title"]))]
pub(crate) struct RawProject {
    /// The project's id, unique among the projects of this roadmap.
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::id")]
    pub id: Field<Text>,
    /// The project's title.
    #[serde(deserialize_with = "present")]
    #[schemars(schema_with = "schema::title")]
    pub title: Field<Text>,
    /// What to build.
    pub description: Option<Text>,
    /// Ids of the skills (from any phase of this roadmap) the project uses.
    #[schemars(schema_with = "schema::skill_refs")]
    pub skills: Option<Vec<Text>>,
}

/// A YAML string and nothing else. `title: 2025` or `title: true` would
/// otherwise load as the text `2025` or `true`, and a tag (`!x foo`) would be
/// dropped silently; refusing them sends the file to the slow path, which
/// says to quote the value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Text(pub String);

impl JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string" })
    }
}

impl From<Text> for String {
    fn from(t: Text) -> Self {
        t.0
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// `estimate: 3` or `estimate: 4-6 weeks`. A hand-written visitor instead of
/// `#[serde(untagged)]`, which would buffer every value first.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawEstimate {
    Number(f64),
    Text(String),
}

impl JsonSchema for RawEstimate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Estimate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schema::estimate()
    }
}

impl<'de> Deserialize<'de> for RawEstimate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawEstimate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number of weeks or text like `4-6 weeks`")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawEstimate, E> {
                Ok(RawEstimate::Number(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawEstimate, E> {
                Ok(RawEstimate::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawEstimate, E> {
                Ok(RawEstimate::Number(v as f64))
            }
            // Past `u64`: far over the longest estimate, which says so.
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<RawEstimate, E> {
                Ok(RawEstimate::Number(v as f64))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<RawEstimate, E> {
                Ok(RawEstimate::Number(v as f64))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawEstimate, E> {
                Ok(RawEstimate::Text(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}
