//! The command line: argument parsing and the commands. This is the binary's
//! edge, so it speaks `anyhow`, prints, and chooses exit codes.

mod args;
mod authoring;
mod export;
mod figures;
mod markdown;
mod output;
mod plan;
mod reset;
mod roadmaps;
mod skills;
mod status;
mod study;
mod sync;
mod tracking;
mod validate;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::catalog::{Catalog, Sources, UnknownRoadmap};
use crate::progress::{self, BadStatus, Store};

use args::parse_args;
pub use args::{Cli, Command};

/// A value the command cannot take (a pace of 0, an estimate that is not
/// one, too many arguments): a usage error, exit 2 like clap's own.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Usage(pub String);

/// Runs the command line and maps failures to exit codes: 2 for an unknown
/// roadmap or bad usage, 1 for everything else.
pub fn main() -> ExitCode {
    let cli = parse_args();
    let mut out = output::Inert::new(std::io::stdout().lock());
    let result = run(&cli, &mut out).and_then(|code| {
        // Flushed here, so that a pipe closed while the last lines were still
        // buffered is seen (and forgiven) like one closed earlier.
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = out.flush();
            output::warn(&format!("trailmark: {}", output::report(&err)));
            if err.downcast_ref::<UnknownRoadmap>().is_some()
                || err.downcast_ref::<skills::UnknownSkill>().is_some()
                || err.downcast_ref::<Usage>().is_some()
                || err.downcast_ref::<tracking::NoRoadmap>().is_some()
                || err.downcast_ref::<BadStatus>().is_some()
                || err.downcast_ref::<study::BadStudyDate>().is_some()
                || err.downcast_ref::<sync::NotInRepo>().is_some()
                || err.downcast_ref::<authoring::BadId>().is_some()
                || err.downcast_ref::<plan::BadDate>().is_some()
            {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// Runs one parsed command line, writing its normal output to `out`.
///
/// Longer than 60 lines on purpose: one arm per command, a dispatch table
/// that reads best whole (which command loads what, and runs which module).
pub fn run(cli: &Cli, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let load = || {
        let catalog = Catalog::load(&Sources::standard(cli.roadmaps.clone()));
        report_broken(&catalog);
        catalog
    };
    match &cli.command {
        None => interactive(cli, out),
        Some(Command::List { json: false }) => roadmaps::list(&load(), out, false),
        Some(Command::List { json: true }) => roadmaps::list(&load(), out, true),
        Some(Command::Show { roadmap, json }) => {
            let catalog = load();
            let last = || open_store(cli, &catalog);
            roadmaps::show(&catalog, roadmap.as_deref(), last, *json, out)
        }
        Some(Command::Validate { files }) => validate::validate(files, out),
        Some(Command::Status { roadmap, json }) => {
            let catalog = load();
            let mut store = open_store(cli, &catalog)?;
            status::status(&catalog, &mut store, roadmap.as_deref(), *json, out)
        }
        Some(Command::Mark { args }) => {
            let catalog = load();
            let mut store = open_store(cli, &catalog)?;
            skills::mark(&catalog, &mut store, args, out)
        }
        Some(Command::Estimate { args, clear }) => {
            let catalog = load();
            let mut store = open_store(cli, &catalog)?;
            skills::estimate(&catalog, &mut store, args, *clear, out)
        }
        Some(Command::Note { args, clear }) => {
            let catalog = load();
            let mut store = open_store(cli, &catalog)?;
            skills::note(&catalog, &mut store, args, *clear, out)
        }
        Some(Command::Log {
            roadmap,
            skill,
            duration,
            date,
        }) => {
            let catalog = load();
            let mut store = open_store(cli, &catalog)?;
            study::log(
                &catalog,
                &mut store,
                roadmap,
                skill,
                *duration,
                date.as_deref(),
                out,
            )
        }
        Some(Command::Export { roadmap, format }) => {
            let catalog = load();
            let store = open_store(cli, &catalog)?;
            export::export(&catalog, &store, roadmap.as_deref(), *format, out)
        }
        Some(Command::Pace { hours, clear }) => {
            let catalog = load();
            let mut store = open_store(cli, &catalog)?;
            tracking::pace(&catalog, &mut store, hours.as_deref(), *clear, out)
        }
        Some(Command::Target {
            roadmap,
            date,
            clear: _,
        }) => {
            let catalog = load();
            let mut store = open_store(cli, &catalog)?;
            plan::target(&catalog, &mut store, roadmap, date.as_deref(), out)
        }
        Some(Command::Plan { roadmap, json }) => {
            let catalog = load();
            let store = open_store(cli, &catalog)?;
            plan::plan(&catalog, &store, roadmap.as_deref(), *json, out)
        }
        Some(Command::Reset {
            roadmap,
            shared,
            yes,
        }) => {
            let catalog = load();
            let mut store = open_store(cli, &catalog)?;
            reset::reset(&catalog, &mut store, roadmap, *shared, *yes, out)
        }
        Some(Command::MergeFile { base, ours, theirs }) => sync::merge_file(base, ours, theirs),
        Some(Command::GitSetup { repo }) => sync::git_setup(&data_path(cli)?, repo.as_deref(), out),
        Some(Command::New { id, output }) => authoring::new(id, output.as_deref(), out),
        Some(Command::Schema) => authoring::schema(out),
        Some(Command::Completions { shell }) => authoring::completions(*shell, out),
        Some(Command::Man { dir }) => authoring::man(dir.as_deref(), out),
    }
}

/// The progress file: `--data-file`, else `TRAILMARK_DATA`, else the platform's data directory.
pub fn data_path(cli: &Cli) -> anyhow::Result<PathBuf> {
    cli.data_file.clone().or_else(progress::default_path).ok_or_else(|| {
        anyhow::anyhow!("cannot find a home directory for the progress file; set TRAILMARK_DATA or pass --data-file PATH")
    })
}

/// Opens the progress store for the loaded roadmaps and says what reading
/// it merged; with `--recover`, moves an unreadable file aside first. A save
/// that waits for another trailmark says so once on stderr.
fn open_store(cli: &Cli, catalog: &Catalog) -> anyhow::Result<Store> {
    let mut store = open_or_recover(cli)?;
    store.set_roadmaps(catalog.entries.iter().map(|e| &e.roadmap));
    for notice in store.notices() {
        eprintln!("note: {notice}");
    }
    store.set_on_wait(|w| {
        if w.first {
            eprintln!(
                "waiting for another trailmark to finish saving {} (giving up after {} s)…",
                w.path.display(),
                w.limit.as_secs_f32().round()
            );
        }
    });
    Ok(store)
}

fn open_or_recover(cli: &Cli) -> anyhow::Result<Store> {
    let path = data_path(cli)?;
    match Store::open(path.clone()) {
        Err(e) if e.is_recoverable() && !cli.recover => Err(anyhow::anyhow!(
            "{e}. Fix it by hand, or run the command again with `--recover` (e.g. `trailmark status --recover`) to move it aside to {}.corrupt-<time> and start afresh",
            path.file_name()
                .map_or_else(|| "progress.yaml".into(), |n| n.to_string_lossy())
        )),
        Err(e) if e.is_recoverable() => {
            let aside = Store::recover(&path)?;
            output::warn(&format!(
                "moved the unreadable progress file aside to {}; starting afresh",
                aside.display()
            ));
            Ok(Store::open(path)?)
        }
        other => Ok(other?),
    }
}

/// Bare `trailmark`: the TUI. Broken roadmap files and an unreadable
/// progress file are shown inside it rather than refused here. When stdout
/// is not a terminal (a pipe, a file) it prints the list instead.
fn interactive(cli: &Cli, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal as _;
    let sources = Sources::standard(cli.roadmaps.clone());
    if !std::io::stdout().is_terminal() {
        let catalog = Catalog::load(&sources);
        report_broken(&catalog);
        return roadmaps::list(&catalog, out, false);
    }
    let data_path = data_path(cli)?;
    let store = if cli.recover {
        Ok(open_or_recover(cli)?)
    } else {
        Store::open(data_path.clone())
    };
    let state_file = crate::state::default_path();
    let (places, warning) = match &state_file {
        Some(file) => crate::state::places_for(file, &data_path),
        None => (None, None),
    };
    // A fast first frame: when no user file could replace a bundled
    // roadmap, the first frame is drawn from what it shows, read unchecked
    // (the roadmap last open, or for the first-run picker the one it
    // highlights and the others' heads); the checked catalog replaces it
    // right after (see `catalog/first.rs`).
    let last = places
        .as_ref()
        .and_then(|p| p.last_roadmap.clone())
        .or_else(|| {
            store
                .as_ref()
                .ok()
                .and_then(|s| s.progress().legacy.last_roadmap.clone())
        });
    let first = if sources.has_user_files() {
        None
    } else {
        Catalog::load_bundled_first(last.as_deref())
    };
    let (catalog, rest) = match first {
        Some(one) => (one, Some(sources)),
        None => (Catalog::load(&sources), None),
    };
    let outcome = crate::tui::run(
        crate::tui::Launch {
            catalog,
            store,
            data_path,
            places,
        },
        state_file,
        warning.map(|w| w.to_string()),
        rest.as_ref(),
    )?;
    for warning in &outcome.warnings {
        eprintln!("trailmark: {warning}");
    }
    Ok(match outcome.ending {
        crate::tui::terminal::Ending::Quit => ExitCode::SUCCESS,
        // The shell's convention for a process ended by signal n.
        crate::tui::terminal::Ending::Signal(n) => {
            ExitCode::from(u8::try_from(128 + n).unwrap_or(u8::MAX))
        }
    })
}

/// `trailmark list | head` closes the pipe early; that is not an error, so
/// the command ends quietly with success.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Broken roadmap files go to stderr, so they never corrupt `--json` output.
fn report_broken(catalog: &Catalog) {
    for err in &catalog.errors {
        output::warn(&format!(
            "warning: a roadmap file did not load and was skipped:\n{err}"
        ));
    }
}
