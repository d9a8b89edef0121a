//! A week-by-week plan: the skills still to do laid onto calendar weeks from
//! this week, at the learner's pace.
//!
//! Rules (also in the README):
//! - Skills being done come first, then the rest in roadmap order. Each needs
//!   its remaining time (see [`super::summary`]: phase shares and own
//!   estimates, half for a skill being done), in estimated weeks.
//! - The pace is the measured one when there is one, else the one the learner
//!   set, else the roadmap's (see [`plan_pace`]). A calendar week holds
//!   `pace ÷ roadmap pace` estimated weeks of work; this week only what is left
//!   of it, counting today.
//! - The skills run one after another from today, without gaps: nobody
//!   leaves a third of a week idle because the next skill does not fit in it.
//!   Each is listed once, in the week it starts: what to start this week. A
//!   week's hours are the work planned in it, never more than it holds; a
//!   skill longer than a week runs on through weeks that start nothing new
//!   (and are left out).
//! - The finish is the day the last estimated skill ends: the finish date by
//!   pace that `status` shows, at the same pace.
//! - Unestimated skills cannot be placed in time: they come last, in a week
//!   of their own after the finish, flagged.

use chrono::{Datelike, Days, NaiveDate};

use super::days::week_start;
use super::index::Index;
use super::summary::remaining_share;
use crate::progress::{Progress, Status, skill_record_id};
use crate::roadmap::Roadmap;

/// Float noise allowed when a skill fills a week exactly.
const EPS: f64 = 1e-9;

/// Where a plan's pace comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PaceSource {
    /// Measured from the learner's logged study time.
    Measured,
    /// Set by the learner (`trailmark pace`).
    Set,
    /// The pace the roadmap's estimates assume.
    Roadmap,
}

/// The weekly hours a plan is laid out at, and where they come from.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct PlanPace {
    /// Study hours per calendar week, more than 0 (JSON: to two decimals).
    #[serde(serialize_with = "two_decimals")]
    pub hours_per_week: f64,
    /// Which pace it is: measured, set, or the roadmap's.
    pub source: PaceSource,
}

impl PlanPace {
    /// The hours as a learner reads them: `10`, `9.1` (one decimal at most).
    pub fn hours(&self) -> String {
        crate::numbers::hours(self.hours_per_week)
    }
}

/// A measured pace is a quotient (`9.068888888888889`): JSON gives it to
/// the hundredth, as `status --json` does.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes fields by reference
fn two_decimals<S: serde::Serializer>(h: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((h * 100.0).round() / 100.0)
}

/// The learner's pace for planning: `measured` hours per week when there is
/// a measurement, else the pace they `set`, else the `roadmap`'s. `None` when
/// none is known (or none is above zero).
pub fn plan_pace(
    measured: Option<f64>,
    set: Option<f64>,
    roadmap: Option<f64>,
) -> Option<PlanPace> {
    [
        (measured, PaceSource::Measured),
        (set, PaceSource::Set),
        (roadmap, PaceSource::Roadmap),
    ]
    .into_iter()
    .find_map(|(h, source)| {
        h.filter(|h| h.is_finite() && *h > 0.0)
            .map(|hours_per_week| PlanPace {
                hours_per_week,
                source,
            })
    })
}

/// The learner's measured weekly hours on `roadmap` as of `today`, from the
/// study time they logged ([`super::measured::hours_per_week_measured`]):
/// the first choice of [`plan_pace`]. `None` until two weeks of logs, and
/// when nothing was logged in the window (a plan cannot run at 0 h/week).
pub fn measured_hours_per_week(
    roadmap: &Roadmap,
    progress: &Progress,
    today: NaiveDate,
) -> Option<f64> {
    super::measured::hours_per_week_measured(progress, roadmap, today).filter(|h| *h > 0.0)
}

/// Whether the week starting `week_start` ends after `target`: the plan's
/// target line is drawn before it and its work is behind. A week whose
/// Sunday is the target is the last one on time.
pub fn after_target(target: NaiveDate, week_start: NaiveDate) -> bool {
    week_start
        .checked_add_days(Days::new(6))
        .is_none_or(|sunday| target < sunday)
}

/// The most weeks a plan lists (two centuries): a pace of minutes a week
/// would otherwise list millions.
pub const MAX_WEEKS: usize = 52 * 200;

/// One calendar week of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanWeek {
    /// The week's Monday.
    pub week_start: NaiveDate,
    /// The skills that start this week, by skill id, in plan order.
    pub skills: Vec<String>,
    /// The estimated weeks (at the roadmap's pace) of work planned this week.
    pub weeks: f64,
    /// The skills among `skills` that have no estimate at all.
    pub unestimated: Vec<String>,
    /// The skill still under way when the week starts (begun in an earlier
    /// week), if any: a week with work but no skill starting says which.
    pub continuing: Option<String>,
}

/// The skills still to do, week by week.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// Every calendar week with work in it, in date order: weeks where
    /// skills start, and weeks a long skill runs on through (no skill
    /// starts; `continuing` names it). At most [`MAX_WEEKS`] weeks.
    pub weeks: Vec<PlanWeek>,
    /// The day the last estimated skill is done; `None` when no estimated
    /// skill is left, or past two centuries.
    pub finish: Option<NaiveDate>,
    /// The learner's target date for the roadmap, if set.
    pub target_date: Option<NaiveDate>,
    /// The pace the plan is laid out at, if any is known.
    pub pace: Option<PlanPace>,
    /// Hours in one estimated week: the roadmap's assumed pace, else the
    /// plan's own; `None` when no pace is known.
    pub hours_per_estimated_week: Option<f64>,
    /// Estimated weeks a whole calendar week holds at the plan's pace.
    pub capacity: f64,
}

impl Plan {
    /// A week's hours: its estimated weeks at the roadmap's pace.
    pub fn hours(&self, week: &PlanWeek) -> Option<f64> {
        self.hours_per_estimated_week.map(|h| week.weeks * h)
    }
}

/// The remaining skills of a roadmap in plan order: skills being done, then
/// roadmap order. Each with its remaining estimated weeks (`None` when
/// unestimated). Done and skipped skills are left out.
pub fn plan_order(
    roadmap: &Roadmap,
    progress: &Progress,
    index: &Index,
) -> Vec<(String, Option<f64>)> {
    let mut doing = Vec::new();
    let mut todo = Vec::new();
    for (phase, times) in roadmap.phases.iter().zip(&index.times) {
        for (skill, time) in phase.skills.iter().zip(times) {
            let status = progress
                .skills
                .get(&skill_record_id(&roadmap.id, skill))
                .map_or(Status::Todo, crate::progress::SkillRecord::status);
            let left = time.map(|t| t.mid() * remaining_share(status));
            match status {
                Status::Doing => doing.push((skill.id.clone(), left)),
                Status::Todo => todo.push((skill.id.clone(), left)),
                Status::Done | Status::Skipped => {}
            }
        }
    }
    doing.extend(todo);
    doing
}

/// Lays the roadmap's remaining skills onto weeks from `today`'s, at
/// [`plan_pace`] with `measured` hours per week when the learner's logged
/// time gives one. See the module rules.
pub fn plan(
    roadmap: &Roadmap,
    progress: &Progress,
    index: &Index,
    today: NaiveDate,
    measured: Option<f64>,
) -> Plan {
    // As [`super::your_pace`]: no pace applies to a roadmap that states no
    // weekly hours; its weeks are laid out as they are.
    let pace = roadmap.pace_hours_per_week.and_then(|_| {
        plan_pace(
            measured,
            progress.pace_hours_per_week(),
            roadmap.pace_hours_per_week,
        )
    });
    let base = roadmap
        .pace_hours_per_week
        .or(pace.map(|p| p.hours_per_week));
    let capacity = match (pace, base) {
        (Some(p), Some(b)) if b > 0.0 => p.hours_per_week / b,
        _ => 1.0,
    };
    let mut out = lay_out(&plan_order(roadmap, progress, index), today, capacity);
    out.target_date = progress.target_date(&roadmap.id);
    out.pace = pace;
    out.hours_per_estimated_week = base;
    out
}

/// The laying out itself (see the module rules), for skills in order with
/// their estimated weeks, `capacity` estimated weeks to a calendar week.
///
/// Time runs in days from this week's Monday, starting at today; each skill
/// takes `weeks ÷ capacity × 7` days after the one before it.
pub fn lay_out(skills: &[(String, Option<f64>)], today: NaiveDate, capacity: f64) -> Plan {
    let capacity = if capacity.is_finite() && capacity > 0.0 {
        capacity
    } else {
        1.0
    };
    let start = week_start(today);
    let first_day = f64::from(today.weekday().num_days_from_monday());
    let monday = |k: u64| {
        k.checked_mul(7)
            .and_then(|d| start.checked_add_days(Days::new(d)))
            .unwrap_or(NaiveDate::MAX)
    };
    // The week a day falls in; far-off days all land in the last week there is.
    let week_of = |day: f64| (day / 7.0).floor().clamp(0.0, 1e15) as u64;
    let estimated: f64 = skills.iter().filter_map(|(_, w)| *w).sum();
    let end = first_day + estimated / capacity * 7.0;
    // Estimated weeks worked in week `k`: the time is one unbroken run.
    let worked = |k: u64| {
        let (from, to) = (k as f64 * 7.0, (k as f64 + 1.0) * 7.0);
        ((end.min(to) - first_day.max(from)).max(0.0) / 7.0 * capacity).min(capacity)
    };
    let mut weeks: Vec<PlanWeek> = Vec::new();
    let mut at = first_day;
    // The skill under way, and the last week listed.
    let mut running: Option<&String> = None;
    let mut listed: Option<u64> = None;
    let run_on = |weeks: &mut Vec<PlanWeek>, from: u64, to: u64, running: Option<&String>| {
        for k in from..to.min(from.saturating_add(MAX_WEEKS as u64)) {
            if weeks.len() >= MAX_WEEKS {
                break;
            }
            weeks.push(PlanWeek {
                week_start: monday(k),
                skills: Vec::new(),
                weeks: worked(k),
                unestimated: Vec::new(),
                continuing: running.cloned(),
            });
        }
    };
    for (id, left) in skills {
        let Some(w) = *left else { continue };
        let days = w / capacity * 7.0;
        // Float sums must not pull a start on Monday back into Sunday.
        let k = week_of(at + 1e-6);
        at += days;
        if let Some(last) = listed
            && k > last + 1
        {
            run_on(&mut weeks, last + 1, k, running);
        }
        let full = weeks.len() >= MAX_WEEKS;
        match weeks.last_mut() {
            Some(last) if last.week_start == monday(k) => last.skills.push(id.clone()),
            _ if full => {}
            _ => weeks.push(PlanWeek {
                week_start: monday(k),
                skills: vec![id.clone()],
                weeks: worked(k),
                unestimated: Vec::new(),
                continuing: running
                    .filter(|_| at - days > k as f64 * 7.0 + 1e-6)
                    .cloned(),
            }),
        }
        listed = Some(k);
        running = Some(id);
    }
    if let Some(last) = listed {
        run_on(&mut weeks, last + 1, week_of(end - EPS) + 1, running);
    }
    let any_estimated = skills.iter().any(|(_, w)| w.is_some());
    let finish = any_estimated
        .then(|| super::add_weeks(today, estimated / capacity))
        .flatten();
    let after = if any_estimated {
        week_of(end - EPS) + 1
    } else {
        0
    };
    weeks.extend(unestimated_week(skills, monday(after)));
    Plan {
        weeks,
        finish,
        capacity,
        ..Plan::default()
    }
}

/// The skills with no estimate, in a week of their own starting `monday`.
fn unestimated_week(skills: &[(String, Option<f64>)], monday: NaiveDate) -> Option<PlanWeek> {
    let unestimated: Vec<String> = skills
        .iter()
        .filter(|(_, left)| left.is_none())
        .map(|(id, _)| id.clone())
        .collect();
    (!unestimated.is_empty()).then(|| PlanWeek {
        week_start: monday,
        skills: unestimated.clone(),
        weeks: 0.0,
        unestimated,
        continuing: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn skills(weeks: &[Option<f64>]) -> Vec<(String, Option<f64>)> {
        weeks
            .iter()
            .enumerate()
            .map(|(i, w)| (format!("s{i}"), *w))
            .collect()
    }

    fn ids(plan: &Plan) -> Vec<(NaiveDate, Vec<&str>)> {
        plan.weeks
            .iter()
            .map(|w| (w.week_start, w.skills.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn the_pace_is_measured_then_set_then_the_roadmaps() {
        let p = |m, s, r| plan_pace(m, s, r).map(|p| (p.hours_per_week, p.source));
        assert_eq!(
            p(Some(6.0), Some(8.0), Some(10.0)),
            Some((6.0, PaceSource::Measured))
        );
        assert_eq!(p(None, Some(8.0), Some(10.0)), Some((8.0, PaceSource::Set)));
        assert_eq!(p(None, None, Some(10.0)), Some((10.0, PaceSource::Roadmap)));
        assert_eq!(p(Some(0.0), None, None), None, "no pace at zero");
    }

    #[test]
    fn skills_run_on_without_gaps_each_in_the_week_it_starts() {
        // A Monday: this week is whole.
        let monday = date(2026, 11, 30);
        let plan = lay_out(
            &skills(&[
                Some(0.5),
                Some(0.5),
                Some(0.75),
                Some(2.5),
                Some(0.25),
                None,
            ]),
            monday,
            1.0,
        );
        assert_eq!(
            ids(&plan),
            vec![
                (date(2026, 11, 30), vec!["s0", "s1"]),
                // 7–12.25 days in, then 12.25–29.75: the weeks of 21 and
                // 28 December only go on with the long one.
                (date(2026, 12, 7), vec!["s2", "s3"]),
                (date(2026, 12, 14), vec![]),
                (date(2026, 12, 21), vec![]),
                (date(2026, 12, 28), vec!["s4"]),
                (date(2027, 1, 4), vec!["s5"]),
            ]
        );
        let worked: Vec<f64> = plan.weeks.iter().map(|w| w.weeks).collect();
        assert_eq!(worked, vec![1.0, 1.0, 1.0, 1.0, 0.5, 0.0]);
        assert_eq!(plan.weeks[5].unestimated, vec!["s5"]);
        // The weeks between say which skill runs on through them; the week
        // of the 28th starts with it still going, then s4 begins.
        let going: Vec<Option<&str>> = plan.weeks.iter().map(|w| w.continuing.as_deref()).collect();
        assert_eq!(
            going,
            vec![None, None, Some("s3"), Some("s3"), Some("s3"), None]
        );
        // 4.5 weeks of work from Monday 30 November: 31.5 days, counted up
        // to whole days as `status` counts them.
        assert_eq!(plan.finish, Some(date(2027, 1, 1)));
    }

    #[test]
    fn this_week_holds_only_the_days_left_of_it() {
        // Friday: three days left, 3/7 of a week at 1 estimated week a week.
        let friday = date(2026, 12, 4);
        let plan = lay_out(&skills(&[Some(0.25), Some(0.25), Some(0.5)]), friday, 1.0);
        assert_eq!(
            ids(&plan),
            vec![
                (date(2026, 11, 30), vec!["s0", "s1"]),
                // s1 starts on Saturday evening and runs into Monday.
                (date(2026, 12, 7), vec!["s2"])
            ]
        );
        assert!((plan.weeks[0].weeks - 3.0 / 7.0).abs() < 1e-9);
        assert!((plan.weeks[1].weeks - (1.0 - 3.0 / 7.0)).abs() < 1e-9);
        assert_eq!(plan.finish, Some(date(2026, 12, 11)), "a week from Friday");
        // Twice the roadmap's pace: half the days.
        let plan = lay_out(&skills(&[Some(0.25), Some(0.25)]), friday, 2.0);
        assert_eq!(ids(&plan), vec![(date(2026, 11, 30), vec!["s0", "s1"])]);
        assert_eq!(
            plan.finish,
            Some(date(2026, 12, 6)),
            "1.75 days from Friday"
        );
    }

    #[test]
    fn nothing_estimated_gives_no_finish_and_the_skills_this_week() {
        let plan = lay_out(&skills(&[None, None]), date(2026, 12, 2), 1.0);
        assert_eq!(plan.finish, None);
        assert_eq!(ids(&plan), vec![(date(2026, 11, 30), vec!["s0", "s1"])]);
        assert!(lay_out(&[], date(2026, 12, 2), 1.0).weeks.is_empty());
    }
}
