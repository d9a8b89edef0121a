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

use serde::Deserialize;
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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRoadmap {
    #[serde(default, deserialize_with = "present")]
    pub id: Field<Text>,
    #[serde(default, deserialize_with = "present")]
    pub title: Field<Text>,
    pub summary: Option<Text>,
    #[serde(default, deserialize_with = "present")]
    pub source: Field<RawSource>,
    pub pace_hours_per_week: Option<f64>,
    pub tips: Option<Vec<Text>>,
    #[serde(default, deserialize_with = "present")]
    pub phases: Field<Vec<RawPhase>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub title: Option<Text>,
    pub author: Option<Text>,
    pub published: Option<Text>,
    pub url: Option<Text>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPhase {
    #[serde(default, deserialize_with = "present")]
    pub id: Field<Text>,
    #[serde(default, deserialize_with = "present")]
    pub title: Field<Text>,
    pub summary: Option<Text>,
    pub estimate: Option<RawEstimate>,
    #[serde(default, deserialize_with = "present")]
    pub skills: Field<Vec<RawSkill>>,
    pub projects: Option<Vec<RawProject>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSkill {
    #[serde(default, deserialize_with = "present")]
    pub id: Field<Text>,
    #[serde(default, deserialize_with = "present")]
    pub title: Field<Text>,
    pub key: Option<Text>,
    pub summary: Option<Text>,
    pub topics: Option<Vec<Text>>,
    pub resources: Option<Vec<RawResource>>,
    pub estimate: Option<RawEstimate>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawResource {
    #[serde(default, deserialize_with = "present")]
    pub title: Field<Text>,
    #[serde(default, deserialize_with = "present")]
    pub url: Field<Text>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProject {
    #[serde(default, deserialize_with = "present")]
    pub id: Field<Text>,
    #[serde(default, deserialize_with = "present")]
    pub title: Field<Text>,
    pub description: Option<Text>,
    pub skills: Option<Vec<Text>>,
}

/// A YAML string and nothing else. `title: 2025` or `title: true` would
/// otherwise load as the text `2025` or `true`, and a tag (`!x foo`) would be
/// dropped silently; refusing them sends the file to the slow path, which
/// says to quote the value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Text(pub String);

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
