//! The command line: argument parsing and the commands. This is the binary's
//! edge, so it speaks `anyhow`, prints, and chooses exit codes.

mod roadmaps;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::catalog::{Catalog, Sources, UnknownRoadmap};

/// A terminal tracker for learning roadmaps.
#[derive(Debug, Parser)]
#[command(name = "trailmark", version, about, long_about = None)]
pub struct Cli {
    /// Also load the roadmap file, or every *.yaml/*.yml in the directory (repeatable).
    #[arg(long = "roadmap", value_name = "PATH", global = true)]
    pub roadmaps: Vec<PathBuf>,

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
        /// The roadmap id (see `trailmark list`).
        roadmap: String,
        #[arg(long)]
        json: bool,
    },
    /// Check roadmap files and report every problem as <file:line:col>.
    Validate {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// Runs the command line and maps failures to exit codes: 2 for an unknown
/// roadmap or bad usage, 1 for everything else.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    match run(&cli, &mut out) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = out.flush();
            eprintln!("trailmark: {err:#}");
            if err.downcast_ref::<UnknownRoadmap>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

pub fn run(cli: &Cli, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let load = || {
        let catalog = Catalog::load(&Sources::standard(cli.roadmaps.clone()));
        report_broken(&catalog);
        catalog
    };
    match &cli.command {
        None | Some(Command::List { json: false }) => roadmaps::list(&load(), out, false),
        Some(Command::List { json: true }) => roadmaps::list(&load(), out, true),
        Some(Command::Show { roadmap, json }) => roadmaps::show(&load(), roadmap, *json, out),
        Some(Command::Validate { files }) => roadmaps::validate(files, out),
    }
}

/// `trailmark list | head` closes the pipe early; that is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Broken roadmap files go to stderr, so they never corrupt `--json` output.
fn report_broken(catalog: &Catalog) {
    for err in &catalog.errors {
        eprintln!("warning: a roadmap file did not load and was skipped:\n{err}");
    }
}
