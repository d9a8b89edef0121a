//! Counts and remaining weeks of a phase or a roadmap, and each skill's time.
//!
//! Rules (also in the README):
//! - A skill's time is the learner's personal estimate if set, else its share
//!   of the phase: in a phase with its own estimate, the phase time is split
//!   over its skills (in proportion to their estimates when all have one;
//!   when some have one and leave part of the phase's time over, the others
//!   split that part evenly; evenly otherwise); in a phase without, it is the
//!   skill's own estimate.
//! - Done and skipped skills need no more time; a `doing` skill needs half of
//!   its time; a `todo` skill all of it.
//! - Skills with no time at all are counted as unestimated, never as zero.
//! - Percent done is done ÷ (all − skipped): skipping a skill takes it out of
//!   what there is to learn.

use crate::estimate::{Total, Weeks};
use crate::progress::{Progress, Status};
use crate::roadmap::{Phase, Roadmap, Skill};

/// Share of a `doing` skill's time still to go.
pub const DOING_REMAINING: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub total: usize,
    pub todo: usize,
    pub doing: usize,
    pub done: usize,
    pub skipped: usize,
}

impl Counts {
    fn add(&mut self, status: Status) {
        self.total += 1;
        match status {
            Status::Todo => self.todo += 1,
            Status::Doing => self.doing += 1,
            Status::Done => self.done += 1,
            Status::Skipped => self.skipped += 1,
        }
    }

    /// Done ÷ (all − skipped), 0–100. All skipped counts as complete.
    pub fn percent_done(&self) -> f64 {
        let wanted = self.total - self.skipped;
        if wanted == 0 {
            if self.total == 0 { 0.0 } else { 100.0 }
        } else {
            100.0 * self.done as f64 / wanted as f64
        }
    }

    pub fn finished(&self) -> usize {
        self.done + self.skipped
    }
}

/// Counts and weeks for a phase or a whole roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Summary {
    pub counts: Counts,
    pub total: Total,
    pub remaining: Total,
}

impl Summary {
    /// The sum of several summaries, e.g. a roadmap's from its phases'.
    pub fn total_of(parts: &[Summary]) -> Summary {
        let mut all = Summary::default();
        for p in parts {
            let (c, o) = (&mut all.counts, &p.counts);
            c.total += o.total;
            c.todo += o.todo;
            c.doing += o.doing;
            c.done += o.done;
            c.skipped += o.skipped;
            all.total.absorb(p.total);
            all.remaining.absorb(p.remaining);
        }
        all
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoadmapSummary {
    pub overall: Summary,
    pub phases: Vec<Summary>,
}

/// Each skill's time in a phase (see the module rules), `None` if unestimated.
pub fn skill_times(roadmap_id: &str, phase: &Phase, progress: &Progress) -> Vec<Option<Weeks>> {
    let own: Vec<Option<Weeks>> = match phase.estimate {
        None => phase
            .skills
            .iter()
            .map(|s| s.estimate.map(|e| e.weeks))
            .collect(),
        Some(total) => phase_shares(total.weeks, &phase.skills)
            .into_iter()
            .map(Some)
            .collect(),
    };
    phase
        .skills
        .iter()
        .zip(own)
        .map(|(s, own)| progress.own_estimate(roadmap_id, s).or(own))
        .collect()
}

/// A phase's own time split over its skills. Skills with an estimate take a
/// share in proportion to it (their middles); when only some have one and
/// they leave part of the phase's time over, the others split that part
/// evenly. A source that times a stage and some of its steps ("Advanced (3
/// months)": scaling 1 month, containers 1 month, four more topics) gives
/// the untimed steps exactly what it leaves them. Otherwise: evenly.
fn phase_shares(total: Weeks, skills: &[Skill]) -> Vec<Weeks> {
    let n = skills.len();
    let timed: f64 = skills
        .iter()
        .filter_map(|s| s.estimate)
        .map(|e| e.weeks.mid())
        .sum();
    let untimed = skills.iter().filter(|s| s.estimate.is_none()).count();
    let whole = total.mid();
    // Each skill's fraction of the phase.
    let fraction = |s: &Skill| match s.estimate {
        Some(e) if untimed == 0 && timed > 0.0 => e.weeks.mid() / timed,
        Some(e) if untimed > 0 && timed > 0.0 && timed < whole => e.weeks.mid() / whole,
        None if untimed < n && timed > 0.0 && timed < whole => {
            (whole - timed) / whole / untimed as f64
        }
        _ => 1.0 / n as f64,
    };
    skills.iter().map(|s| total.scale(fraction(s))).collect()
}

/// The share of a skill's time still to go at this status.
pub fn remaining_share(status: Status) -> f64 {
    match status {
        Status::Todo => 1.0,
        Status::Doing => DOING_REMAINING,
        Status::Done | Status::Skipped => 0.0,
    }
}

/// A phase's counts and weeks, its skills' times worked out afresh.
pub fn summarize_phase(roadmap_id: &str, phase: &Phase, progress: &Progress) -> Summary {
    summarize_timed_phase(
        roadmap_id,
        phase,
        progress,
        &skill_times(roadmap_id, phase, progress),
    )
}

/// A phase's counts and weeks from its skills' `times` (as [`skill_times`] gives them).
pub fn summarize_timed_phase(
    roadmap_id: &str,
    phase: &Phase,
    progress: &Progress,
    times: &[Option<Weeks>],
) -> Summary {
    let mut s = Summary::default();
    for (skill, &time) in phase.skills.iter().zip(times) {
        let status = progress.status(roadmap_id, skill);
        s.counts.add(status);
        if let Some(w) = time {
            s.total.add_weeks(w);
            s.remaining.add_weeks(w.scale(remaining_share(status)));
        } else {
            s.total.unestimated += 1;
            if !status.is_finished() {
                s.remaining.unestimated += 1;
            }
        }
    }
    // A total that is still the source's own (no personal estimate changed
    // it) is shown in the source's unit: `3–4 months`, not `13–17.3 weeks`.
    let stated = phase.total();
    let same = |a: Weeks, b: Weeks| (a.min - b.min).abs() < 1e-6 && (a.max - b.max).abs() < 1e-6;
    if stated.unestimated == s.total.unestimated
        && stated
            .weeks
            .zip(s.total.weeks)
            .is_some_and(|(a, b)| same(a, b))
    {
        s.total.unit = stated.unit;
    }
    s
}

/// A roadmap's counts and weeks, overall and per phase.
pub fn summarize(roadmap: &Roadmap, progress: &Progress) -> RoadmapSummary {
    let times: Vec<_> = roadmap
        .phases
        .iter()
        .map(|p| skill_times(&roadmap.id, p, progress))
        .collect();
    summarize_timed(roadmap, progress, &times)
}

/// A roadmap's counts and weeks from each phase's skill `times`, e.g. an
/// [`Index`](super::Index)'s.
pub fn summarize_timed(
    roadmap: &Roadmap,
    progress: &Progress,
    times: &[Vec<Option<Weeks>>],
) -> RoadmapSummary {
    let phases: Vec<Summary> = roadmap
        .phases
        .iter()
        .zip(times)
        .map(|(p, t)| summarize_timed_phase(&roadmap.id, p, progress, t))
        .collect();
    RoadmapSummary {
        overall: Summary::total_of(&phases),
        phases,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::fixture::{paced_one_phase as roadmap, skill};

    #[test]
    fn done_skipped_and_doing_reduce_what_remains() {
        let r = roadmap(
            None,
            vec![
                skill("a", Some(2.0)),
                skill("b", Some(4.0)),
                skill("c", None),
                skill("d", Some(1.0)),
            ],
        );
        let mut p = Progress::default();
        let now = crate::progress::now();
        p.set_status("r", &r.phases[0].skills[0], Status::Done, now);
        p.set_status("r", &r.phases[0].skills[1], Status::Doing, now);
        p.set_status("r", &r.phases[0].skills[3], Status::Skipped, now);
        let s = summarize(&r, &p).overall;
        assert_eq!(s.total.weeks, Some(Weeks::exact(7.0)));
        assert_eq!(s.total.unestimated, 1);
        assert_eq!(s.remaining.weeks, Some(Weeks::exact(2.0)));
        assert_eq!(s.remaining.unestimated, 1);
        assert!((s.counts.percent_done() - 100.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_phase_estimate_is_shared_over_its_skills_and_personal_estimates_override() {
        let r = roadmap(
            Some(Weeks::exact(4.0)),
            vec![skill("a", None), skill("b", None)],
        );
        let mut p = Progress::default();
        assert_eq!(
            summarize(&r, &p).overall.total.weeks,
            Some(Weeks::exact(4.0))
        );
        p.set_estimate(
            "r",
            &r.phases[0].skills[0],
            Some(Weeks::exact(6.0)),
            crate::progress::now(),
        );
        let s = summarize(&r, &p).overall;
        assert_eq!(s.total.weeks, Some(Weeks::exact(8.0)));
        assert_eq!(s.total.unestimated, 0);
    }

    #[test]
    fn a_summary_keeps_the_sources_unit_until_a_personal_estimate_changes_it() {
        use crate::estimate::{Estimate, Unit};
        let mut r = roadmap(None, vec![skill("a", None), skill("b", None)]);
        r.phases[0].estimate = Estimate::parse("1 month").ok();
        let mut p = Progress::default();
        let total = summarize(&r, &p).overall.total;
        assert_eq!(total.unit, Unit::Months);
        assert_eq!(total.to_string(), "1 month (≈4.3 weeks)");
        p.set_estimate(
            "r",
            &r.phases[0].skills[0],
            Some(Weeks::exact(1.0)),
            crate::progress::now(),
        );
        let total = summarize(&r, &p).overall.total;
        assert_eq!(total.unit, Unit::Weeks, "no longer the source's month");
    }

    #[test]
    fn untimed_skills_share_what_the_timed_ones_leave_of_the_phase() {
        // "Advanced (3 months)": two 1-month steps, then four topics that
        // share the month left. Months of 52/12 weeks; 12 weeks keep it exact.
        let times = |phase: f64, skills: Vec<crate::roadmap::Skill>| {
            let r = roadmap(Some(Weeks::exact(phase)), skills);
            skill_times("r", &r.phases[0], &Progress::default())
        };
        let mut skills = vec![skill("a", Some(4.0)), skill("b", Some(4.0))];
        skills.extend(["c", "d", "e", "f"].map(|id| skill(id, None)));
        let got = times(12.0, skills);
        let want = [4.0, 4.0, 1.0, 1.0, 1.0, 1.0].map(|w| Some(Weeks::exact(w)));
        assert_eq!(got, want);
        // Timed skills that fill the phase already leave nothing: evenly.
        let got = times(4.0, vec![skill("a", Some(4.0)), skill("b", None)]);
        assert_eq!(got, [Some(Weeks::exact(2.0)); 2]);
        // All timed: in proportion, whatever their sum.
        let got = times(6.0, vec![skill("a", Some(1.0)), skill("b", Some(2.0))]);
        assert_eq!(got, [Some(Weeks::exact(2.0)), Some(Weeks::exact(4.0))]);
    }
}
