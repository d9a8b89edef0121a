//! The YAML shape of a roadmap file, exactly as serde reads it.
//!
//! Every field is optional here so that a missing field becomes a validation
//! problem with a position and a fix, not serde's first-error-and-stop.
//! `deny_unknown_fields` keeps the fast path honest: a file with a typo never
//! loads silently; it falls through to the slow path, which reports it.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRoadmap {
    pub id: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub source: Option<RawSource>,
    pub pace_hours_per_week: Option<f64>,
    pub phases: Option<Vec<RawPhase>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPhase {
    pub id: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub estimate: Option<RawEstimate>,
    pub skills: Option<Vec<RawSkill>>,
    pub projects: Option<Vec<RawProject>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSkill {
    pub id: Option<String>,
    pub title: Option<String>,
    pub key: Option<String>,
    pub summary: Option<String>,
    pub topics: Option<Vec<String>>,
    pub resources: Option<Vec<RawResource>>,
    pub estimate: Option<RawEstimate>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawResource {
    pub title: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProject {
    pub id: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub skills: Option<Vec<String>>,
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
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawEstimate, E> {
                Ok(RawEstimate::Text(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}
