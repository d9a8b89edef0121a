//! Forecasts: what is left, when it will be done, and how it went. Pure
//! functions of a roadmap, the learner's progress and today's date; the app,
//! `status` and the exports all read the same numbers.
//!
//! - [`summary`]: counts, each skill's time and the weeks remaining.
//! - [`index`]: the times and dated history of one roadmap, gathered once.
//! - [`finish`]: finish dates by pace and by the measured rate.
//! - [`weekly`]: the weekly series, the burndown, the planned line and the streak.
//! - [`plan`]: the remaining skills laid onto calendar weeks.
//! - [`target`]: a target date: on track or not, and the hours it needs.
//! - [`days`]: the learner's local days and weeks.

pub mod calendar;
pub mod days;
pub mod finish;
pub mod index;
pub mod measured;
pub mod plan;
pub mod summary;
pub mod target;
pub mod weekly;

pub use days::{TODAY_ENV, local_day, today, week_start};
pub use finish::{
    Forecast, HISTORY_WINDOW_WEEKS, add_weeks, finish_by_history, finish_by_pace, forecast,
    history_rate, weeks_at_pace, your_pace,
};
pub use index::{Dated, Index};
pub use plan::{PaceSource, Plan, PlanPace, PlanWeek, measured_hours_per_week, plan, plan_pace};
pub use summary::{
    Counts, DOING_REMAINING, RoadmapSummary, Summary, remaining_share, skill_times, summarize,
    summarize_phase, summarize_timed, summarize_timed_phase,
};
pub use target::{TargetCheck, check_target};
pub use weekly::{WeekPoint, planned_line, streak, weekly_series};
