//! `merge-file` and `git-setup`: git as the way one learner's progress
//! travels between machines. `merge-file` is a git merge driver (`%O %A %B`)
//! doing a three-way merge of the progress file on top of its field-by-field
//! merge, so a pull never stops on a text conflict in it; `git-setup` wires
//! the driver into the repository that holds the file.

use std::fmt::Write as _;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::Context as _;

use crate::progress::{self, Progress};

/// `trailmark git-setup` was run where no git repository holds the file.
#[derive(Debug, thiserror::Error)]
#[error(
    "{} is not inside a git repository; run `git init` there (or clone your notes repository) first, or name the repository: `trailmark git-setup REPO`",
    .0.display()
)]
pub struct NotInRepo(pub PathBuf);

/// The progress file lies outside the repository named.
#[derive(Debug, thiserror::Error)]
#[error(
    "the progress file {} is not inside the repository {}; keep it there (pass --data-file or set TRAILMARK_DATA to a path inside the repository) and run `trailmark git-setup` again",
    .file.display(), .repo.display()
)]
pub struct OutsideRepo {
    /// The progress file.
    pub file: PathBuf,
    /// The repository's top folder.
    pub repo: PathBuf,
}

/// Reads one side of the merge; an empty or missing base is empty progress
/// (git gives an empty file when the two sides share no ancestor).
fn read_side(path: &Path) -> anyhow::Result<Progress> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e).with_context(|| format!("{}: cannot read it", path.display())),
    };
    Ok(progress::parse(&bytes, path)?)
}

/// `trailmark merge-file BASE OURS THEIRS`: writes the merge into OURS and
/// exits 0. If any side cannot be read, exits 1 and leaves OURS as it was,
/// so git reports a conflict and nothing is lost.
pub(super) fn merge_file(base: &Path, ours: &Path, theirs: &Path) -> anyhow::Result<ExitCode> {
    let sides = [base, ours, theirs].map(read_side);
    let [base_p, ours_p, theirs_p] = match sides {
        [Ok(b), Ok(o), Ok(t)] => [b, o, t],
        sides => {
            let mut why = String::new();
            for err in sides.into_iter().filter_map(Result::err) {
                let _ = writeln!(why, "  {err:#}");
            }
            anyhow::bail!(
                "cannot merge the progress file; {} was left as it was, so git reports a conflict:\n{}",
                ours.display(),
                why.trim_end()
            );
        }
    };
    let merged = progress::merge3(&base_p, &ours_p, &theirs_p);
    fs::write(ours, progress::render(&merged))
        .with_context(|| format!("{}: cannot write the merged progress", ours.display()))?;
    Ok(ExitCode::SUCCESS)
}

fn git(dir: &Path, args: &[&str]) -> anyhow::Result<std::process::Output> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .context("cannot run `git`; install git and make sure it is on PATH")
}

/// The file's real path: a dotfiles symlink is followed to the repository
/// it really lives in.
fn real_path(file: &Path) -> PathBuf {
    if let Ok(p) = fs::canonicalize(file) {
        return p;
    }
    match (file.parent(), file.file_name()) {
        (Some(dir), Some(name)) => fs::canonicalize(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
        .map_or_else(|_| file.to_owned(), |d| d.join(name)),
        _ => file.to_owned(),
    }
}

/// A `.gitattributes` pattern for exactly this path, from the repository's top.
fn attribute_pattern(rel: &Path) -> String {
    let rel = rel.to_string_lossy().replace('\\', "/");
    if rel.contains([' ', '"', '\t']) {
        format!("\"/{}\"", rel.replace('"', "\\\""))
    } else {
        format!("/{rel}")
    }
}

/// Shell quoting for the driver command git runs through `sh`.
fn shell_quote(path: &Path) -> String {
    format!("'{}'", path.to_string_lossy().replace('\'', "'\\''"))
}

/// `trailmark git-setup [REPO]`: `.gitattributes` names the progress file
/// `merge=trailmark` (once), and the repository's local config gets the
/// driver. Outside a git repository: [`NotInRepo`] (exit 2).
pub(super) fn git_setup(
    data: &Path,
    repo: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let file = real_path(data);
    let start = match repo {
        Some(r) => r.to_owned(),
        None => file
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_owned),
    };
    if !start.is_dir() {
        return Err(NotInRepo(start).into());
    }
    let top = git(&start, &["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        return Err(NotInRepo(start).into());
    }
    let top = PathBuf::from(String::from_utf8_lossy(&top.stdout).trim_end_matches(['\n', '\r']));
    let top = fs::canonicalize(&top).unwrap_or(top);
    let rel = file.strip_prefix(&top).map_err(|_| OutsideRepo {
        file: file.clone(),
        repo: top.clone(),
    })?;
    let line = format!("{} merge=trailmark", attribute_pattern(rel));
    add_attribute(&top, &line, out)?;
    set_driver(&top, out)?;
    writeln!(
        out,
        "Commit .gitattributes, and run `trailmark git-setup` once in every clone (git does not copy local config)."
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Adds `line` to the repository's `.gitattributes` unless it is there.
fn add_attribute(top: &Path, line: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    let attributes = top.join(".gitattributes");
    let existing = match fs::read_to_string(&attributes) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(e).with_context(|| format!("{}: cannot read it", attributes.display()));
        }
    };
    if existing.lines().any(|l| l.trim() == line) {
        writeln!(out, "{} already has `{line}`", attributes.display())?;
    } else {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(line);
        text.push('\n');
        fs::write(&attributes, text)
            .with_context(|| format!("{}: cannot write it", attributes.display()))?;
        writeln!(out, "added `{line}` to {}", attributes.display())?;
    }
    Ok(())
}

/// Sets the merge driver in the repository's local config: this binary's
/// `merge-file`, by its canonical path.
fn set_driver(top: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let exe = std::env::current_exe().context("cannot find the path of the running trailmark")?;
    let exe = fs::canonicalize(&exe).unwrap_or(exe);
    let driver = format!("{} merge-file %O %A %B", shell_quote(&exe));
    for (key, value) in [
        (
            "merge.trailmark.name",
            "trailmark progress: field-by-field merge",
        ),
        ("merge.trailmark.driver", driver.as_str()),
    ] {
        let set = git(top, &["config", "--local", key, value])?;
        if !set.status.success() {
            anyhow::bail!(
                "{}: `git config --local {key}` failed: {}",
                top.display(),
                String::from_utf8_lossy(&set.stderr).trim()
            );
        }
        writeln!(
            out,
            "set {key} = {value} in {}'s local config",
            top.display()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_anchored_and_quoted_when_needed() {
        assert_eq!(
            attribute_pattern(Path::new("progress.yaml")),
            "/progress.yaml"
        );
        assert_eq!(
            attribute_pattern(Path::new("my notes/progress.yaml")),
            "\"/my notes/progress.yaml\""
        );
        assert_eq!(shell_quote(Path::new("/a b/it's")), "'/a b/it'\\''s'");
    }
}
