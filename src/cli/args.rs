//! The command line's shape: the global options ([`Cli`]) and one
//! [`Command`] per subcommand, as clap parses them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::{export, study};

/// A terminal tracker for learning roadmaps.
#[derive(Debug, Parser)]
#[command(name = "trailmark", version, about, long_about = None)]
pub struct Cli {
    /// Also load the roadmap file, or every *.yaml/*.yml in the directory (repeatable).
    #[arg(long = "roadmap", value_name = "PATH", global = true)]
    pub roadmaps: Vec<PathBuf>,

    /// The progress file to use [default: `TRAILMARK_DATA`, else `~/.local/share/trailmark/progress.yaml`].
    #[arg(long = "data-file", value_name = "PATH", global = true)]
    pub data_file: Option<PathBuf>,

    /// If the progress file cannot be read, move it aside (to progress.yaml.corrupt-<time>) and start afresh.
    #[arg(long, global = true)]
    pub recover: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every roadmap: id, title, phases, skills, total estimate.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one roadmap as a tree with estimates.
    Show {
        /// The roadmap id (see `trailmark list`) [default: the one last open].
        roadmap: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Check roadmap files (or every *.yaml/*.yml in a directory) and report every problem as `file:line:col`.
    Validate {
        #[arg(required = true, value_name = "FILE|DIR")]
        files: Vec<PathBuf>,
    },
    /// Progress, remaining weeks and finish dates, overall and per phase.
    Status {
        /// The roadmap id [default: the one last open].
        roadmap: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Set a skill's status: todo, doing, done or skip.
    #[command(override_usage = "trailmark mark [ROADMAP] SKILL STATUS")]
    Mark {
        /// [ROADMAP] SKILL STATUS: the roadmap id [default: the one last open], the skill's id or shared key (any case), and todo, doing, done or skip.
        #[arg(value_name = "ARGS", num_args = 2..=3, required = true)]
        args: Vec<String>,
    },
    /// Set your own estimate of a skill, for this roadmap only (as `e` in the app); --clear goes back to the roadmap's.
    #[command(
        override_usage = "trailmark estimate [ROADMAP] SKILL VALUE\n       trailmark estimate [ROADMAP] SKILL --clear"
    )]
    Estimate {
        /// [ROADMAP] SKILL VALUE: the roadmap id [default: the one last open], the skill's id or shared key (any case), and the time it takes you: `3` (weeks), `2-4 weeks`, `1 month`.
        #[arg(value_name = "ARGS", num_args = 1..=3, required = true, allow_negative_numbers = true)]
        args: Vec<String>,
        /// Remove your estimate, so the roadmap's counts again.
        #[arg(long)]
        clear: bool,
    },
    /// Set your note on a skill (as `n` in the app); --clear removes it.
    #[command(
        override_usage = "trailmark note [ROADMAP] SKILL TEXT\n       trailmark note [ROADMAP] SKILL --clear"
    )]
    Note {
        /// [ROADMAP] SKILL TEXT: the roadmap id [default: the one last open], the skill's id or shared key (any case), and the note (quote it).
        #[arg(value_name = "ARGS", num_args = 1..=3, required = true)]
        args: Vec<String>,
        /// Remove the note.
        #[arg(long)]
        clear: bool,
    },
    /// Log study time on a skill: 90m, 1.5h or 1h30m (at most 24 hours a day, over every roadmap).
    Log {
        /// The roadmap id (see `trailmark list`).
        roadmap: String,
        /// The skill's id (see `trailmark show ROADMAP`).
        skill: String,
        /// How long: 90m, 1.5h, 1h30m.
        #[arg(value_parser = study::duration_arg, allow_hyphen_values = true)]
        duration: u32,
        /// The local day studied, YYYY-MM-DD [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Export progress as a Markdown checklist (ready for a README) or JSON.
    Export {
        /// The roadmap id [default: the one last open].
        roadmap: Option<String>,
        #[arg(long, value_enum, default_value = "markdown")]
        format: export::ExportFormat,
    },
    /// Set your study pace in hours per week (prints it when no value is given; --clear removes it).
    Pace {
        /// More than 0 and at most 168.
        #[arg(value_name = "HOURS_PER_WEEK", allow_hyphen_values = true)]
        hours: Option<String>,
        /// Remove your pace (as an empty pace in the app's `P`).
        #[arg(long, conflicts_with = "hours")]
        clear: bool,
    },
    /// Set the date to finish a roadmap by (`--clear` removes it); `status` and `plan` say if you are on track.
    Target {
        roadmap: String,
        /// The day to finish by, YYYY-MM-DD.
        #[arg(required_unless_present = "clear", conflicts_with = "clear")]
        date: Option<String>,
        /// Remove the roadmap's target date.
        #[arg(long)]
        clear: bool,
    },
    /// The skills still to do, week by week from this week, at your pace.
    Plan {
        /// The roadmap id [default: the one last open].
        roadmap: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Clear the progress on one roadmap; skills other roadmaps share stay unless --shared. Asks first.
    Reset {
        roadmap: String,
        /// Also clear the skills this roadmap shares with other loaded roadmaps (they change there too).
        #[arg(long)]
        shared: bool,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
    },
    /// Git merge driver for the progress file (`%O %A %B`): merges THEIRS into OURS, field by field.
    MergeFile {
        /// The common ancestor (git's %O).
        base: PathBuf,
        /// This side (git's %A); the merge is written here.
        ours: PathBuf,
        /// The other side (git's %B).
        theirs: PathBuf,
    },
    /// Set up the git repository that holds the progress file to merge it with `merge-file`.
    GitSetup {
        /// The repository [default: the one holding the progress file].
        repo: Option<PathBuf>,
    },
    /// Write a starter roadmap that uses every field once, with comments; never overwrites a file.
    New {
        /// The new roadmap's id: lowercase letters, digits, `-` and `_`.
        id: String,
        /// Where to write it [default: ID.yaml in the current folder].
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of roadmap files, for editor completion and checking.
    Schema,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write a page per command into a folder.
    Man {
        /// Write trailmark.1 and a trailmark-COMMAND.1 per command into DIR (e.g. ~/.local/share/man/man1).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// The command line. Bare `trailmark` (no arguments at all) has nothing to
/// parse, so clap, which builds its whole command tree (0.25–0.3 ms, a
/// sixth of the first frame's budget), is skipped for it; everything else
/// goes through clap.
pub(super) fn parse_args() -> Cli {
    if std::env::args_os().len() <= 1 {
        return bare();
    }
    Cli::parse()
}

/// What clap makes of no arguments.
fn bare() -> Cli {
    Cli {
        roadmaps: Vec::new(),
        data_file: None,
        recover: false,
        command: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bare_shortcut_is_what_clap_makes_of_no_arguments() {
        let parsed = Cli::try_parse_from(["trailmark"]).unwrap();
        assert_eq!(format!("{:?}", bare()), format!("{parsed:?}"));
    }
}
