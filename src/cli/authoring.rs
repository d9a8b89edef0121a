//! `new`, `schema`, `completions` and `man`: the commands that help people
//! write roadmaps and install trailmark, rather than use it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::CommandFactory as _;

use super::Cli;
use crate::roadmap::{is_valid_id, scaffold, schema};

/// The id given to `trailmark new` cannot be a roadmap id (a usage error).
#[derive(Debug, thiserror::Error)]
#[error(
    "`{id}` is not a valid roadmap id; ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit (e.g. `my-roadmap`)"
)]
pub struct BadId {
    id: String,
}

/// Writes the starter roadmap to `output` (default `ID.yaml`), refusing to
/// replace anything: the file is created with `create_new`, so even a file
/// that appears between a check and the write is never overwritten.
pub(super) fn new(
    id: &str,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    if !is_valid_id(id) {
        return Err(BadId { id: id.to_owned() }.into());
    }
    let path = output.map_or_else(|| PathBuf::from(format!("{id}.yaml")), Path::to_path_buf);
    let text = scaffold(id, super::tracking::today());
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let mut file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && path.is_dir() => anyhow::bail!(
            "{} is a folder, not a file; give the new file's path, e.g. `--output {}`",
            path.display(),
            path.join(format!("{id}.yaml")).display()
        ),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => anyhow::bail!(
            "{} already exists; `trailmark new` never overwrites a file: choose another path with `--output PATH`, or move the file away first",
            path.display()
        ),
        Err(e) => {
            return Err(e).with_context(|| {
                format!(
                    "cannot create {}; check that its folder exists and that you may write there",
                    path.display()
                )
            });
        }
    };
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    let shown = path.display();
    writeln!(out, "wrote {shown}: a starter roadmap `{id}`")?;
    writeln!(
        out,
        "next: edit it, then check it with `trailmark validate {shown}`"
    )?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if !dir
        .unwrap_or(Path::new("."))
        .join("roadmap.schema.json")
        .exists()
    {
        let target = dir.map_or_else(
            || "roadmap.schema.json".to_owned(),
            |d| d.join("roadmap.schema.json").display().to_string(),
        );
        writeln!(
            out,
            "for completion in your editor: `trailmark schema > {target}` (see roadmaps/README.md)"
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON Schema, exactly the text of `roadmaps/roadmap.schema.json`.
pub(super) fn schema(out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    out.write_all(schema::text().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn completions(
    shell: clap_complete::Shell,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command();
    // clap_complete panics when its writer fails (`| head` closes the pipe),
    // so the script is built in memory and written here, where a failed
    // write is an ordinary error.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "trailmark", &mut script);
    out.write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// The man page (roff) on `out`: synopsis, global options, and every
/// subcommand with its description, from the same clap definitions as
/// `--help`. With `dir`, the pages it refers to as well, one per command
/// (`trailmark-list.1`, …), written there (replacing older copies).
pub(super) fn man(dir: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let cmd = Cli::command().disable_help_subcommand(true);
    let Some(dir) = dir else {
        clap_mangen::Man::new(cmd).render(out)?;
        return Ok(ExitCode::SUCCESS);
    };
    clap_mangen::generate_to(cmd, dir).with_context(|| {
        format!(
            "cannot write the man pages into {}; check that the folder exists and that you may write there",
            dir.display()
        )
    })?;
    writeln!(
        out,
        "wrote trailmark.1 and a trailmark-COMMAND.1 per command into {}",
        dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
