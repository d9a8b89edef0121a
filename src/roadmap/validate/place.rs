//! Where a problem is: [`At`], a place in the document both as a path for
//! the locator and as words for people, and [`Pending`], a problem built at
//! a place before its line and column are known. Shared by the validator,
//! the shape check and the vocabulary warnings, so kept apart from any one
//! of them.

use super::super::locate::{Anchor, Pos, Seg};

/// A problem before its position is known.
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    pub path: Vec<Seg>,
    pub anchor: Anchor,
    pub place: String,
    pub message: String,
    /// The problem is an absent field; `path` is the field's own path, which
    /// the source lacks, so the locator points at the enclosing mapping.
    pub missing: bool,
    /// A position known in advance (a repeated key, which the locator, keeping
    /// the first occurrence, cannot find).
    pub pos: Option<Pos>,
    /// The problem is an empty value; these words name what it should be
    /// (``the skill's title``). When the source wrote a null word there
    /// (`~`, `null`) that the field would accept as text (the function
    /// says), the message says to quote that word instead.
    pub if_null: Option<IfNull>,
    /// The problem is this character in the value: when it stands in the
    /// source as itself (not as an escape), the position moves onto it.
    pub culprit: Option<char>,
}

/// For an empty value: what belongs there, in words (``the skill's
/// title``), and whether a given null word would be fine there as text.
#[derive(Debug, Clone)]
pub(crate) struct IfNull {
    pub what: String,
    pub fits: fn(&str) -> bool,
}

/// A place in the document, as a path for the locator and as words for people.
#[derive(Debug, Clone, Default)]
pub(crate) struct At {
    pub path: Vec<Seg>,
    pub place: String,
}

impl At {
    pub fn root() -> Self {
        Self::default()
    }

    pub fn key(&self, key: &str) -> Self {
        let mut path = self.path.clone();
        path.push(Seg::Key(key.to_owned()));
        Self {
            path,
            place: self.join(key),
        }
    }

    /// The `index`th entry of list `key`, described as `label` (e.g. "phase 3 `db`").
    pub fn item(&self, key: &str, index: usize, label: &str) -> Self {
        let mut path = self.path.clone();
        path.push(Seg::Key(key.to_owned()));
        path.push(Seg::Index(index));
        Self {
            path,
            place: self.join(label),
        }
    }

    fn join(&self, part: &str) -> String {
        if self.place.is_empty() {
            part.to_owned()
        } else {
            format!("{} › {part}", self.place)
        }
    }

    /// Entry `index` of this list, counted from 1 for people: `topics #3`.
    pub fn index(&self, index: usize) -> Self {
        let mut path = self.path.clone();
        path.push(Seg::Index(index));
        Self {
            path,
            place: format!("{} #{}", self.place, index + 1),
        }
    }

    pub fn problem(&self, message: impl Into<String>) -> Pending {
        Pending {
            path: self.path.clone(),
            anchor: Anchor::Value,
            place: self.place.clone(),
            message: message.into(),
            missing: false,
            pos: None,
            if_null: None,
            culprit: None,
        }
    }

    /// Field `field` of this mapping is absent.
    pub fn missing(&self, field: &str, message: impl Into<String>) -> Pending {
        Pending {
            path: self.key(field).path,
            missing: true,
            ..self.problem(message)
        }
    }

    pub fn key_problem(&self, message: impl Into<String>) -> Pending {
        Pending {
            anchor: Anchor::Key,
            ..self.problem(message)
        }
    }

    /// The value holds character `c`, which it must not.
    pub fn culprit(&self, c: char, message: impl Into<String>) -> Pending {
        Pending {
            culprit: Some(c),
            ..self.problem(message)
        }
    }

    /// This value is empty (`title:`); `what` names what belongs there, and
    /// `fits` says whether a null word would be a fine value once quoted.
    pub fn empty_problem(
        &self,
        message: impl Into<String>,
        what: impl Into<String>,
        fits: fn(&str) -> bool,
    ) -> Pending {
        Pending {
            if_null: Some(IfNull {
                what: what.into(),
                fits,
            }),
            ..self.key_problem(message)
        }
    }
}

/// Something that can say where in the document it is: an [`At`], or a
/// closure that builds one only when a problem needs it. Building the place
/// of every skill up front (a path and two strings) was the largest cost of
/// validating a large file that has no problems at all.
pub(crate) trait Where {
    fn at(&self) -> At;
}

impl Where for At {
    fn at(&self) -> At {
        self.clone()
    }
}

impl<F: Fn() -> At> Where for F {
    fn at(&self) -> At {
        self()
    }
}

/// Words for a list entry: ``skill `jwt` `` when it has a usable id, else `skill 4`.
pub(crate) fn label(kind: &str, index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) if names(id) => format!("{kind} `{id}`"),
        _ => format!("{kind} {}", index + 1),
    }
}

/// Whether `id` can name its entry in a place: not blank, and holding no
/// control character (that is reported, and would garble the place).
fn names(id: &str) -> bool {
    !id.trim().is_empty() && !id.chars().any(crate::text::is_control)
}

pub(crate) fn phase_label(index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) if names(id) => format!("phase {} `{id}`", index + 1),
        _ => format!("phase {}", index + 1),
    }
}
