//! What every forecast reads about one roadmap, gathered in one pass: each
//! skill's time, the times behind each progress record, and the roadmap's
//! status changes with the day each was made. Summaries, finish dates, the
//! weekly series and the plan all read it, so it is built once per roadmap and
//! progress instead of once per question.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::days::local_day;
use super::summary::skill_times;
use crate::estimate::Weeks;
use crate::progress::{Change, Progress, skill_record_id};
use crate::roadmap::Roadmap;

/// A status change of one of the roadmap's records and the day it was made.
#[derive(Debug, Clone, Copy)]
pub struct Dated<'p> {
    /// The learner's local day the change was made on.
    pub day: NaiveDate,
    /// The change itself, as the history holds it.
    pub change: &'p Change,
}

/// One roadmap's times and history, borrowed from its [`Progress`].
#[derive(Debug, Clone, Default)]
pub struct Index<'p> {
    /// Each skill's time in weeks (see [`skill_times`]), per phase, in
    /// roadmap order; `None` for an unestimated skill.
    pub times: Vec<Vec<Option<Weeks>>>,
    /// Each progress record's skills' times, in roadmap order: usually one,
    /// but a shared key may stand for several skills of one roadmap.
    pub records: HashMap<String, Vec<Option<Weeks>>>,
    /// The status changes that concern this roadmap's records (shared keys
    /// included, wherever they were ticked), oldest first by the time they
    /// were made, not by merge order.
    pub changes: Vec<Dated<'p>>,
}

impl<'p> Index<'p> {
    /// Reads the roadmap's times and its status changes from `progress`.
    pub fn new(roadmap: &Roadmap, progress: &'p Progress) -> Self {
        let times: Vec<Vec<Option<Weeks>>> = roadmap
            .phases
            .iter()
            .map(|p| skill_times(&roadmap.id, p, progress))
            .collect();
        let mut records: HashMap<String, Vec<Option<Weeks>>> = HashMap::new();
        for (phase, phase_times) in roadmap.phases.iter().zip(&times) {
            for (skill, t) in phase.skills.iter().zip(phase_times) {
                records
                    .entry(skill_record_id(&roadmap.id, skill))
                    .or_default()
                    .push(*t);
            }
        }
        let ids: HashSet<&str> = records.keys().map(String::as_str).collect();
        let mut changes: Vec<Dated<'p>> = progress
            .history
            .iter()
            .filter(|c| c.status_change().is_some_and(|(id, ..)| ids.contains(id)))
            .map(|change| Dated {
                day: local_day(change.time()),
                change,
            })
            .collect();
        // Days and weeks count by when a change was made, not by merge order.
        changes.sort_by_key(|c| c.change.time());
        Self {
            times,
            records,
            changes,
        }
    }
}
