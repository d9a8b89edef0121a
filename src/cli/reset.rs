//! `reset ROADMAP`: puts one roadmap back to the start and nothing else.
//! Skills another loaded roadmap shares keep their status and note unless
//! `--shared` is given; then the question names what else changes. The
//! command ends by saying what it cleared.

use std::collections::HashSet;
use std::io::{BufRead, Write};
use std::process::ExitCode;

use super::output::plural;
use super::skills::shared_with;
use crate::catalog::Catalog;
use crate::progress::{self, Cleared, Progress, Status, Store};
use crate::roadmap::Roadmap;

/// The shared skills of `r` that hold progress, with the other roadmaps
/// that would see them change: (skill title, other roadmap ids).
fn shared_progress(catalog: &Catalog, r: &Roadmap, p: &Progress) -> Vec<(String, Vec<String>)> {
    r.skills()
        .map(|(_, s)| s)
        .filter(|s| {
            p.skill_record(&r.id, s)
                .is_some_and(|rec| rec.status() != Status::Todo || rec.note().is_some())
        })
        .filter_map(|s| {
            let others = shared_with(catalog, r, s);
            (!others.is_empty()).then(|| (s.title.clone(), others))
        })
        .collect()
}

/// Each shared skill with the number of other roadmaps it changes in:
/// `The HTTP protocol in 3 other roadmaps, Git in 1 other roadmap`.
fn also_clears(shared: &[(String, Vec<String>)]) -> String {
    shared
        .iter()
        .map(|(title, others)| {
            let n = others.len();
            format!("{title} in {n} other roadmap{}", plural(n))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn reset(
    catalog: &Catalog,
    store: &mut Store,
    id: &str,
    shared_too: bool,
    yes: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let r = &catalog.require(id)?.roadmap;
    let shared = shared_progress(catalog, r, store.progress());
    let keep: HashSet<String> = if shared_too {
        HashSet::new()
    } else {
        r.skills()
            .filter(|(_, s)| !shared_with(catalog, r, s).is_empty())
            .filter_map(|(_, s)| s.key.clone())
            .collect()
    };
    if !yes && !ask(r, &shared, shared_too)? {
        writeln!(out, "Nothing was reset (pass --yes to skip the question).")?;
        return Ok(ExitCode::FAILURE);
    }
    let cleared = store.update(|p| p.reset(r, &keep, progress::now()))?;
    write!(out, "{}", report(r, &cleared, &shared, shared_too))?;
    Ok(ExitCode::SUCCESS)
}

/// Asks on stderr; true when the answer is yes.
fn ask(r: &Roadmap, shared: &[(String, Vec<String>)], shared_too: bool) -> anyhow::Result<bool> {
    let mut err = std::io::stderr().lock();
    let also = if shared_too && !shared.is_empty() {
        format!(" This also clears {}.", also_clears(shared))
    } else if shared.is_empty() {
        String::new()
    } else {
        let names: Vec<&str> = shared.iter().map(|(t, _)| t.as_str()).collect();
        format!(
            " Skills other roadmaps share stay as they are: {} (--shared clears them too).",
            names.join(", ")
        )
    };
    write!(
        err,
        "Reset progress on {} ({} skills)? Its notes and your estimates for it go too.{also} [y/N] ",
        r.id,
        r.skill_count(),
    )?;
    err.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}

/// What the reset did, line by line.
fn report(
    r: &Roadmap,
    cleared: &Cleared,
    shared: &[(String, Vec<String>)],
    shared_too: bool,
) -> String {
    let title = |id: &str| {
        r.skills()
            .find(|(_, s)| s.id == id)
            .map_or_else(|| id.to_owned(), |(_, s)| s.title.clone())
    };
    let mut lines = vec![format!("Reset {}:", r.id)];
    let n = cleared.statuses.len();
    let names: Vec<String> = cleared.statuses.iter().map(|id| title(id)).collect();
    lines.push(match n {
        0 => "  no skill needed to go back to todo".to_owned(),
        _ => format!(
            "  {n} skill{} back to todo: {}",
            plural(n),
            names.join(", ")
        ),
    });
    let counted = [
        (cleared.notes, "note", "notes", "cleared"),
        (
            cleared.estimates,
            "estimate of yours",
            "estimates of yours",
            "cleared",
        ),
        (
            cleared.projects,
            "project idea",
            "project ideas",
            "back to idea",
        ),
    ];
    for (n, one, many, how) in counted {
        if n > 0 {
            lines.push(format!("  {n} {} {how}", if n == 1 { one } else { many }));
        }
    }
    if shared_too && !shared.is_empty() {
        lines.push(format!("  also cleared: {}", also_clears(shared)));
    }
    if !shared_too && !shared.is_empty() {
        let names: Vec<&str> = shared.iter().map(|(t, _)| t.as_str()).collect();
        lines.push(format!(
            "  kept {} shared skill{} other roadmaps use: {} (pass --shared to clear them too)",
            names.len(),
            plural(names.len()),
            names.join(", ")
        ));
    }
    lines.join("\n") + "\n"
}
