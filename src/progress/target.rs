//! Target dates: the day a learner means to finish a roadmap by, one per
//! roadmap. Each is a last-writer-wins [`Register`] ordered by the hybrid
//! logical clock, like every other field, so copies that set and cleared it
//! on two machines merge to the later change. A cleared target is a register
//! holding `None` with its own stamp, so the clearing wins over older copies.
//!
//! The file keeps them under `targets:`, by roadmap id:
//!
//! ```yaml
//! targets:
//!   backend-six-phases:
//!     date: 2026-06-30
//!     date_at: 2026-11-30T14:08:06.114Z
//! ```
//!
//! Setting a target is a plan, not progress: it adds no history entry (the
//! history feeds the weekly series and the burndown, which it does not move).

use std::cmp::Ordering;

use chrono::{DateTime, NaiveDate, Utc};

use super::Progress;
use super::record::{Register, RegisterValue};

impl RegisterValue for Option<NaiveDate> {
    fn tie_break(&self, other: &Self) -> Ordering {
        self.cmp(other)
    }
}

impl Progress {
    /// The day the learner means to finish `roadmap_id` by, if set.
    pub fn target_date(&self, roadmap_id: &str) -> Option<NaiveDate> {
        self.targets.get(roadmap_id).and_then(|r| r.value)
    }

    /// Sets (or with `None`, clears) the target date of `roadmap_id`, stamped
    /// with the clock's next stamp for wall time `at`. Returns whether it
    /// changed: setting the date it already has changes nothing.
    pub fn set_target_date(
        &mut self,
        roadmap_id: &str,
        date: Option<NaiveDate>,
        at: DateTime<Utc>,
    ) -> bool {
        let current = self.targets.get(roadmap_id);
        if current.is_some_and(|r| r.value == date) || (current.is_none() && date.is_none()) {
            return false;
        }
        let stamp = self.tick(at);
        self.targets
            .insert(roadmap_id.to_owned(), Register::new(date, stamp));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{merge, now, parse, parse_with_serde, render};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_target_is_set_cleared_and_written_back() {
        let mut p = Progress::default();
        assert!(!p.set_target_date("r", None, now()), "nothing to clear");
        assert!(p.set_target_date("r", Some(date(2026, 6, 30)), now()));
        assert!(!p.set_target_date("r", Some(date(2026, 6, 30)), now()));
        assert_eq!(p.target_date("r"), Some(date(2026, 6, 30)));
        assert_eq!(p.target_date("other"), None);
        let text = render(&p);
        assert!(
            text.contains("targets:\n  r:\n    date: \"2026-06-30\"\n    date_at: "),
            "{text}"
        );
        let path = std::path::Path::new("progress.yaml");
        assert_eq!(parse(text.as_bytes(), path).unwrap(), p);
        assert_eq!(parse_with_serde(text.as_bytes(), path).unwrap(), p);
        assert!(p.set_target_date("r", None, now()));
        let text = render(&p);
        assert!(!text.contains("date: 2026"), "{text}");
        let back = parse(text.as_bytes(), path).unwrap();
        assert_eq!(back.target_date("r"), None);
        assert!(back.targets["r"].is_set(), "the clearing is kept, stamped");
    }

    #[test]
    fn the_later_change_wins_when_copies_merge() {
        let base = Progress::default();
        let mut a = base.clone();
        a.set_target_date("r", Some(date(2026, 6, 30)), now());
        let mut b = a.clone();
        b.set_target_date("r", None, now());
        a.set_target_date("s", Some(date(2027, 1, 1)), now());
        let m = merge(&a, &b);
        assert_eq!(m.target_date("r"), None, "b cleared it after a set it");
        assert_eq!(m.target_date("s"), Some(date(2027, 1, 1)));
        assert_eq!(m, merge(&b, &a));
    }
}
