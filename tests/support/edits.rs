//! One change a learner could make, for the property tests that build
//! progress by editing it (each test file picks its own ids, values and
//! clocks).

use chrono::{DateTime, NaiveDate, Utc};
use trailmark::estimate::Weeks;
use trailmark::progress::{Progress, ProjectStatus, Status};

/// A change to one field of one record (all in roadmap `r`), the pace, or a
/// roadmap's target date.
#[derive(Debug, Clone)]
pub enum Op {
    Status(String, Status),
    Project(String, ProjectStatus),
    Note(String, Option<String>),
    Estimate(String, Option<Weeks>),
    Pace(Option<f64>),
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
        Op::Pace(h) => drop(p.set_pace(*h, None, at)),
        Op::Target(roadmap, d) => drop(p.set_target_date(roadmap, *d, at)),
    }
}
