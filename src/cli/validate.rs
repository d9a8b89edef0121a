//! `validate`: checks roadmap files and says, per file, what is wrong or
//! what the file holds.
//!
//! Beyond what loading checks, it warns about skill keys outside the shared
//! vocabulary, and refuses two files that declare one roadmap id (which the
//! catalog would refuse too); a file with a bundled roadmap's id is fine, and
//! its line says it replaces that roadmap.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::output::plural;
use crate::catalog::{BUNDLED, BundledFile};
use crate::roadmap::{Problem, Roadmap, check_file, declared_twice};

/// What the files held, for the closing line.
#[derive(Default)]
struct Tally {
    files: usize,
    bad_files: usize,
    problems: usize,
    warnings: usize,
}

/// Checks each file; a directory stands for every roadmap file in it.
pub(super) fn validate(paths: &[PathBuf], out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let files = expand(paths)?;
    let mut tally = Tally {
        files: files.len(),
        ..Tally::default()
    };
    // Which file declared each roadmap id first.
    let mut declared: HashMap<String, String> = HashMap::new();
    let bundled: Vec<(String, &BundledFile)> = BUNDLED
        .iter()
        .filter_map(|b| Some((Roadmap::from_yaml_str(b.text, b.name).ok()?.id, b)))
        .collect();
    for file in &files {
        let name = file.display().to_string();
        let checked = match check_file(file) {
            Ok(c) => c,
            Err(e) => {
                tally.bad_files += 1;
                tally.problems += e.problems().len();
                writeln!(out, "{e}")?;
                continue;
            }
        };
        let r = &checked.roadmap;
        if let Some(first) = declared.get(&r.id) {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            tally.bad_files += 1;
            tally.problems += 1;
            writeln!(out, "{}", declared_twice(&name, &text, &r.id, first))?;
            continue;
        }
        declared.insert(r.id.clone(), name.clone());
        for w in &checked.warnings {
            tally.warnings += 1;
            writeln!(out, "{}", warning_line(&name, w))?;
        }
        writeln!(
            out,
            "{name}: ok: {}{}",
            summary(r),
            replaces(file, r, &bundled)
        )?;
    }
    closing(&tally, out)
}

/// The files named, a directory standing for its `*.yaml`/`*.yml` files;
/// a file named twice (or also through its directory) is checked once.
fn expand(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let found = crate::catalog::roadmap_files(path).map_err(|e| {
                anyhow::anyhow!("{}: cannot list the directory: {e}", path.display())
            })?;
            if found.is_empty() {
                anyhow::bail!(
                    "{}: the directory holds no *.yaml or *.yml files",
                    path.display()
                );
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut seen = Vec::new();
    files.retain(|f| {
        let real = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
        let new = !seen.contains(&real);
        seen.push(real);
        new
    });
    Ok(files)
}

/// `` `id` "Title", 6 phases, 36 skills, 24 weeks, pace 14 h/week ``.
fn summary(r: &Roadmap) -> String {
    let phases = r.phases.len();
    let skills = r.skill_count();
    let pace = r.pace_hours_per_week.map_or_else(
        || "pace not stated".to_owned(),
        |h| format!("pace {h} h/week"),
    );
    // The title is the file's text: no control character reaches the terminal.
    let title: String = r
        .title
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    format!(
        "`{}` \"{title}\", {phases} phase{}, {skills} skill{}, {}, {pace}",
        r.id,
        plural(phases),
        plural(skills),
        r.total()
    )
}

/// A note when the file would replace a bundled roadmap; nothing when it is
/// that bundled file itself (as in `trailmark validate roadmaps`).
fn replaces(file: &Path, r: &Roadmap, bundled: &[(String, &BundledFile)]) -> String {
    let Some((_, bundled)) = bundled.iter().find(|(id, _)| *id == r.id) else {
        return String::new();
    };
    let same = std::fs::read_to_string(file).is_ok_and(|t| t == bundled.text);
    if same {
        String::new()
    } else {
        format!(" (replaces the bundled roadmaps/{})", bundled.name)
    }
}

/// `file:line:col: warning: place: message`.
fn warning_line(file: &str, w: &Problem) -> String {
    let at = match (w.line, w.column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        (Some(l), None) => format!("{file}:{l}"),
        _ => file.to_owned(),
    };
    format!("{at}: warning: {}: {}", w.place, w.message)
}

fn closing(t: &Tally, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let n = t.files;
    let warned = match t.warnings {
        0 => String::new(),
        w => format!(", {w} warning{}", plural(w)),
    };
    if t.bad_files == 0 {
        writeln!(out, "{n} roadmap file{} valid{warned}", plural(n))?;
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(
            out,
            "{} of {n} file{} invalid, {} problem{}{warned}",
            t.bad_files,
            plural(n),
            t.problems,
            plural(t.problems)
        )?;
        Ok(ExitCode::FAILURE)
    }
}
