//! The records the progress file holds, each field a last-writer-wins
//! register ordered by its own [`Stamp`], so that two copies that changed
//! different fields of one record both keep their change.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};

use super::hlc::Stamp;
use super::{ProjectStatus, Status};
use crate::estimate::Weeks;

/// A value with the stamp of the change that set it. Merging two registers
/// keeps the one with the later stamp; an exact tie (two copies that made
/// different changes at the same stamp) is broken by the value, so that every
/// copy picks the same one and the merge stays commutative.
#[derive(Debug, Clone, PartialEq)]
pub struct Register<T> {
    /// The current value.
    pub value: T,
    /// When it was set; [`Stamp::ZERO`] for a field never set.
    pub at: Stamp,
}

impl<T: Default> Default for Register<T> {
    fn default() -> Self {
        Self {
            value: T::default(),
            at: Stamp::ZERO,
        }
    }
}

impl<T: RegisterValue> Register<T> {
    /// A register set to `value` by the change stamped `at`.
    pub fn new(value: T, at: Stamp) -> Self {
        Self { value, at }
    }

    /// Keeps whichever of the two the merge order puts last.
    pub fn join(&mut self, other: &Self) {
        let later = match other.at.cmp(&self.at) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => other.value.tie_break(&self.value) == Ordering::Greater,
        };
        if later {
            self.clone_from(other);
        }
    }
}

impl<T> Register<T> {
    /// Whether the field was ever set.
    pub fn is_set(&self) -> bool {
        !self.at.is_zero()
    }
}

/// A value a [`Register`] can hold: it needs a total order to break ties.
pub trait RegisterValue: Clone + PartialEq {
    /// Any fixed total order over the values.
    fn tie_break(&self, other: &Self) -> Ordering;
}

impl RegisterValue for Status {
    fn tie_break(&self, other: &Self) -> Ordering {
        (*self as u8).cmp(&(*other as u8))
    }
}

impl RegisterValue for ProjectStatus {
    fn tie_break(&self, other: &Self) -> Ordering {
        (*self as u8).cmp(&(*other as u8))
    }
}

impl RegisterValue for Option<String> {
    fn tie_break(&self, other: &Self) -> Ordering {
        self.cmp(other)
    }
}

impl RegisterValue for Option<Weeks> {
    fn tie_break(&self, other: &Self) -> Ordering {
        let key = |w: &Option<Weeks>| w.map(|w| (w.min, w.max));
        match (key(self), key(other)) {
            (Some(a), Some(b)) => a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)),
            (a, b) => a.is_some().cmp(&b.is_some()),
        }
    }
}

impl RegisterValue for Option<f64> {
    fn tie_break(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Some(a), Some(b)) => a.total_cmp(b),
            (a, b) => a.is_some().cmp(&b.is_some()),
        }
    }
}

/// A skill's progress: its status, the learner's note and own estimate,
/// each merged on its own.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SkillRecord {
    /// todo / doing / done / skipped.
    pub status: Register<Status>,
    /// The learner's note, one paragraph of free text; `None` when cleared.
    pub note: Register<Option<String>>,
    /// The learner's own estimate in weeks, overriding the roadmap's.
    pub estimate: Register<Option<Weeks>>,
}

impl SkillRecord {
    /// The skill's status.
    pub fn status(&self) -> Status {
        self.status.value
    }

    /// The learner's note, if any.
    pub fn note(&self) -> Option<&str> {
        self.note.value.as_deref()
    }

    /// The learner's own estimate (weeks), if any.
    pub fn estimate(&self) -> Option<Weeks> {
        self.estimate.value
    }

    /// When the record last changed, by the wall clock of the change (UTC).
    pub fn changed(&self) -> DateTime<Utc> {
        self.latest().time()
    }

    /// The latest stamp of any field.
    pub fn latest(&self) -> Stamp {
        self.status.at.max(self.note.at).max(self.estimate.at)
    }

    /// Field by field, the later change wins.
    pub fn join(&mut self, other: &Self) {
        self.status.join(&other.status);
        self.note.join(&other.note);
        self.estimate.join(&other.estimate);
    }
}

/// A project idea's progress.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProjectRecord {
    /// idea / building / built.
    pub status: Register<ProjectStatus>,
}

impl ProjectRecord {
    /// The project's status.
    pub fn status(&self) -> ProjectStatus {
        self.status.value
    }

    /// When the record last changed, by the wall clock of the change (UTC).
    pub fn changed(&self) -> DateTime<Utc> {
        self.status.at.time()
    }

    /// The later change wins.
    pub fn join(&mut self, other: &Self) {
        self.status.join(&other.status);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_merge_on_their_own() {
        let t = |ms| Stamp::at(chrono::DateTime::from_timestamp_millis(ms).unwrap());
        let mut a = SkillRecord {
            status: Register::new(Status::Done, t(10)),
            ..SkillRecord::default()
        };
        let b = SkillRecord {
            status: Register::new(Status::Todo, t(5)),
            note: Register::new(Some("read chapter 3".into()), t(20)),
            ..SkillRecord::default()
        };
        a.join(&b);
        assert_eq!(a.status(), Status::Done);
        assert_eq!(a.note(), Some("read chapter 3"));
        assert!(!a.estimate.is_set());
    }

    #[test]
    fn exact_ties_pick_the_same_value_either_way() {
        let at = Stamp::at(chrono::DateTime::from_timestamp_millis(7).unwrap());
        let x = Register::new(Some("a".to_owned()), at);
        let y = Register::new(Some("b".to_owned()), at);
        let (mut xy, mut yx) = (x.clone(), y.clone());
        xy.join(&y);
        yx.join(&x);
        assert_eq!(xy, yx);
    }
}
