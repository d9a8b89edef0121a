//! Forecasts: what is left, when it will be done, and how it went. Pure
//! functions of a roadmap, the learner's progress and today's date; the app,
//! `status` and the exports all read the same numbers.
//!
//! - [`summary`]: counts, each skill's time and the weeks remaining.
//! - [`index`]: the times and dated history of one roadmap, gathered once.
//! - [`finish`]: finish dates by pace and by the measured rate.
//! - [`weekly`]: the weekly series, the burndown, the planned line and the streak.
//! - [`days`]: weeks as the calendar counts them.

pub mod days;
pub mod finish;
pub mod index;
pub mod summary;
pub mod weekly;

pub use days::{TODAY_ENV, local_day, today, week_start};
pub use finish::{
    Forecast, HISTORY_WINDOW_WEEKS, add_weeks, finish_by_history, finish_by_pace, forecast,
    history_rate, weeks_at_pace,
};
pub use index::{Dated, Index};
pub use summary::{
    Counts, DOING_REMAINING, RoadmapSummary, Summary, remaining_share, skill_times, summarize,
    summarize_phase, summarize_timed, summarize_timed_phase,
};
pub use weekly::{WeekPoint, planned_line, streak, weekly_series};
