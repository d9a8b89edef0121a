//! One change a learner could make, for the property tests that build
//! progress by editing it (each test file picks its own ids, values and
//! clocks).

use chrono::{DateTime, NaiveDate, Utc};
use trailmark::estimate::Weeks;
use trailmark::progress::{Progress, ProjectStatus, Status};

/// A change to one field of one record (in roadmap `r`, but for own
/// estimates, which name their roadmap), the pace, a study session, or a
/// roadmap's target date.
#[derive(Debug, Clone)]
pub enum Op {
    Status(String, Status),
    Project(String, ProjectStatus),
    Note(String, Option<String>),
    Estimate(String, Option<Weeks>),
    /// An own estimate of skill `.1` in roadmap `.0` (stored per roadmap).
    OwnEstimate(String, String, Option<Weeks>),
    Pace(Option<f64>),
    /// A study session: the skill's record id, the local date, the minutes.
    Study(String, NaiveDate, u32),
    /// A roadmap's target date, by roadmap id, set or cleared.
    Target(String, Option<NaiveDate>),
}

/// Makes the change through the public edit API, at wall time `at`.
pub fn apply(p: &mut Progress, op: &Op, at: DateTime<Utc>) {
    match op {
        Op::Status(id, s) => drop(p.set_status_by_id("r", id, *s, at)),
        Op::Project(id, s) => drop(p.set_project_status_by_id("r", id, *s, at)),
        Op::Note(id, n) => drop(p.set_note_by_id("r", id, n.clone(), at)),
        Op::Estimate(id, w) => drop(p.set_estimate_by_id("r", id, *w, at)),
        Op::OwnEstimate(roadmap, skill, w) => drop(p.set_own_estimate(roadmap, skill, *w, at)),
        Op::Pace(h) => drop(p.set_pace(*h, None, at)),
        Op::Study(id, date, minutes) => drop(p.log_study("r", id, *date, *minutes, at)),
        Op::Target(roadmap, d) => drop(p.set_target_date(roadmap, *d, at)),
    }
}
