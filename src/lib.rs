//! trailmark: a terminal tracker for learning roadmaps.
//!
//! Module map (domain first, then the edges):
//! - [`estimate`]: week ranges, the `4-6 weeks` syntax, and estimates that
//!   keep the unit they were written in (`1 month (≈4.3 weeks)`).
//! - [`roadmap`]: the roadmap model and the YAML loader with its validation.
//! - [`catalog`]: where roadmaps come from (bundled, user dirs, `--roadmap`).
//! - [`progress`]: the learner's progress and the data file that keeps it safe.
//! - [`state`]: app state that is not progress (the place in each roadmap).
//! - [`forecast`]: remaining weeks, finish dates, the plan, the weekly series, the calendar and streak.
//! - [`numbers`]: percentages and counts said one way in the app and the CLI.
//! - [`text`]: inert text (control characters shown, never emitted) and display widths.
//! - [`vocabulary`]: the shared skill keys and their documentation links.
//! - [`tui`]: the interactive terminal UI that bare `trailmark` opens.
//! - [`cli`]: the command line, the only place that prints.

pub mod catalog;
pub mod cli;
pub mod estimate;
pub mod forecast;
pub mod numbers;
pub mod progress;
pub mod roadmap;
pub mod state;
pub mod text;
pub mod tui;
pub mod vocabulary;
