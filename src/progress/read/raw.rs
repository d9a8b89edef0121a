//! The progress file as serde reads it: loose types with every field
//! optional, checked afterwards by the reader (`reader.rs`, `records.rs`).
//! The fast reader (`fast.rs`) fills the same types.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

use crate::progress::{Cursor, ProjectStatus, Status};

/// The file as serde reads it: loose, checked by the reader.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    pub(super) version: u32,
    #[serde(default)]
    pub(super) last_roadmap: Option<String>,
    #[serde(default)]
    pub(super) cursors: BTreeMap<String, Cursor>,
    #[serde(default)]
    pub(super) pace_hours_per_week: Option<f64>,
    #[serde(default)]
    pub(super) pace_hours_per_week_at: Option<String>,
    #[serde(default)]
    pub(super) skills: Entries<RawSkill>,
    #[serde(default)]
    pub(super) projects: Entries<RawProject>,
    #[serde(default)]
    pub(super) targets: Entries<RawTarget>,
    #[serde(default)]
    pub(super) history: Vec<RawChange>,
}

impl RawFile {
    pub(super) fn empty() -> Self {
        RawFile {
            version: 0,
            last_roadmap: None,
            cursors: BTreeMap::new(),
            pace_hours_per_week: None,
            pace_hours_per_week_at: None,
            skills: Entries::default(),
            projects: Entries::default(),
            targets: Entries::default(),
            history: Vec::new(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSkill {
    pub(super) status: Option<Status>,
    pub(super) status_at: Option<String>,
    /// Version 1: one stamp for the whole record.
    pub(super) changed: Option<String>,
    pub(super) note: Option<String>,
    pub(super) note_at: Option<String>,
    pub(super) estimate: Option<String>,
    pub(super) estimate_at: Option<String>,
}

impl RawSkill {
    pub(super) fn empty() -> Self {
        RawSkill {
            status: None,
            status_at: None,
            changed: None,
            note: None,
            note_at: None,
            estimate: None,
            estimate_at: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProject {
    pub(super) status: Option<ProjectStatus>,
    pub(super) status_at: Option<String>,
    pub(super) changed: Option<String>,
}

impl RawProject {
    pub(super) fn empty() -> Self {
        RawProject {
            status: None,
            status_at: None,
            changed: None,
        }
    }
}

/// A roadmap's target date (see `progress/target.rs`).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTarget {
    pub(super) date: Option<String>,
    pub(super) date_at: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChange {
    pub(super) at: String,
    pub(super) roadmap: Option<String>,
    pub(super) skill: Option<String>,
    pub(super) project: Option<String>,
    /// Version 2: which field changed. Version 1 kept status changes only.
    pub(super) field: Option<String>,
    pub(super) from: Option<String>,
    pub(super) to: Option<String>,
    /// A study session's local date (`YYYY-MM-DD`).
    pub(super) date: Option<String>,
    /// A study session's length in minutes.
    pub(super) minutes: Option<String>,
}

impl RawChange {
    pub(super) fn at(at: String) -> Self {
        RawChange {
            at,
            roadmap: None,
            skill: None,
            project: None,
            field: None,
            from: None,
            to: None,
            date: None,
            minutes: None,
        }
    }
}

/// A mapping read as its entries in file order, repeats included, where a
/// map type would silently keep the last.
pub(super) struct Entries<T>(pub(super) Vec<(String, T)>);

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Entries(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry::<String, T>()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}
