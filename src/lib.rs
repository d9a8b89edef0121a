//! trailmark: a terminal tracker for learning roadmaps.
//!
//! Module map (domain first, then the edges):
//! - [`estimate`]: week ranges and the `4-6 weeks` syntax.
//! - [`roadmap`]: the roadmap model and the YAML loader with its validation.
//! - [`catalog`]: where roadmaps come from (bundled, user dirs, `--roadmap`).
//! - [`progress`]: the learner's progress and the data file that keeps it safe.
//! - [`forecast`]: remaining weeks and finish dates, as pure functions.
//! - [`stats`]: weekly series, burndown and streak from the history.
//! - [`vocabulary`]: the shared skill keys and their documentation links.
//! - [`tui`]: the interactive terminal UI that bare `trailmark` opens.
//! - [`cli`]: the command line, the only place that prints.

pub mod catalog;
pub mod cli;
pub mod estimate;
pub mod forecast;
pub mod progress;
pub mod roadmap;
pub mod stats;
pub mod tui;
pub mod vocabulary;
