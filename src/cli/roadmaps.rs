//! `list`, `show` and `validate`: the commands about roadmap files themselves.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use crate::catalog::{Catalog, Origin};
use crate::estimate::{Total, Weeks};
use crate::roadmap::{Phase, Roadmap};

#[derive(Serialize)]
struct ListItem<'a> {
    id: &'a str,
    title: &'a str,
    phase_count: usize,
    skill_count: usize,
    project_count: usize,
    weeks_total: Option<Weeks>,
    unestimated_skills: usize,
    origin: Origin,
}

pub(super) fn list(catalog: &Catalog, out: &mut dyn Write, json: bool) -> anyhow::Result<ExitCode> {
    if json {
        let items: Vec<_> = catalog
            .entries
            .iter()
            .map(|e| {
                let total = e.roadmap.total();
                ListItem {
                    id: &e.roadmap.id,
                    title: &e.roadmap.title,
                    phase_count: e.roadmap.phases.len(),
                    skill_count: e.roadmap.skill_count(),
                    project_count: e.roadmap.project_count(),
                    weeks_total: total.weeks,
                    unestimated_skills: total.unestimated,
                    origin: e.origin,
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &items)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let id_w = catalog
        .ids()
        .map(|i| i.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    let title_w = catalog
        .entries
        .iter()
        .map(|e| e.roadmap.title.chars().count())
        .max()
        .unwrap_or(5)
        .clamp(5, 48);
    writeln!(
        out,
        "{:id_w$}  {:title_w$}  {:>6}  {:>6}  ESTIMATE",
        "ID", "TITLE", "PHASES", "SKILLS"
    )?;
    for e in &catalog.entries {
        let r = &e.roadmap;
        let origin = match (e.origin, &e.replaced) {
            (_, Some(old)) => format!("  [{} replaces {old}]", e.file),
            (Origin::Bundled, None) => String::new(),
            (_, None) => format!("  [{}]", e.file),
        };
        let line = format!(
            "{:id_w$}  {:title_w$}  {:>6}  {:>6}  {}{origin}",
            r.id,
            truncate(&r.title, title_w),
            r.phases.len(),
            r.skill_count(),
            r.total()
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    if catalog.entries.is_empty() {
        writeln!(out, "(no roadmaps loaded)")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[derive(Serialize)]
struct ShowRoadmap<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    source: ShowSource<'a>,
    weeks_total: Option<Weeks>,
    phases: Vec<ShowPhase<'a>>,
}

#[derive(Serialize)]
struct ShowSource<'a> {
    title: Option<&'a str>,
    author: Option<&'a str>,
    published: Option<String>,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct ShowPhase<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    estimate_weeks: Option<Weeks>,
    weeks_total: Option<Weeks>,
    skills: Vec<ShowSkill<'a>>,
    projects: Vec<ShowProject<'a>>,
}

#[derive(Serialize)]
struct ShowSkill<'a> {
    id: &'a str,
    key: Option<&'a str>,
    title: &'a str,
    estimate_weeks: Option<Weeks>,
    topics: &'a [String],
}

#[derive(Serialize)]
struct ShowProject<'a> {
    id: &'a str,
    title: &'a str,
    skills: &'a [String],
}

fn show_json(r: &Roadmap) -> ShowRoadmap<'_> {
    ShowRoadmap {
        id: &r.id,
        title: &r.title,
        summary: &r.summary,
        source: ShowSource {
            title: r.source.title.as_deref(),
            author: r.source.author.as_deref(),
            published: r.source.published.map(|d| d.to_string()),
            url: r.source.url.as_deref(),
        },
        weeks_total: r.total().weeks,
        phases: r.phases.iter().map(show_phase).collect(),
    }
}

fn show_phase(p: &Phase) -> ShowPhase<'_> {
    ShowPhase {
        id: &p.id,
        title: &p.title,
        summary: &p.summary,
        estimate_weeks: p.estimate,
        weeks_total: p.total().weeks,
        skills: p
            .skills
            .iter()
            .map(|s| ShowSkill {
                id: &s.id,
                key: s.key.as_deref(),
                title: &s.title,
                estimate_weeks: s.estimate,
                topics: &s.topics,
            })
            .collect(),
        projects: p
            .projects
            .iter()
            .map(|j| ShowProject {
                id: &j.id,
                title: &j.title,
                skills: &j.skills,
            })
            .collect(),
    }
}

pub(super) fn show(
    catalog: &Catalog,
    id: &str,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let r = &catalog.require(id)?.roadmap;
    if json {
        serde_json::to_writer_pretty(&mut *out, &show_json(r))?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{} ({})", r.title, r.id)?;
    if let Some(source) = source_line(r) {
        writeln!(out, "Source: {source}")?;
    }
    writeln!(out, "Total: {}", r.total())?;
    for (pi, p) in r.phases.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "{}. {} [{}] — {}",
            pi + 1,
            p.title,
            p.id,
            phase_time(p)
        )?;
        if !p.summary.trim().is_empty() {
            writeln!(out, "   {}", p.summary.trim())?;
        }
        for s in &p.skills {
            let est = s
                .estimate
                .map_or_else(|| "unestimated".to_owned(), |w| w.to_string());
            let key = s
                .key
                .as_deref()
                .map(|k| format!(" key={k}"))
                .unwrap_or_default();
            writeln!(out, "   • {} [{}{key}] — {est}", s.title, s.id)?;
        }
        for j in &p.projects {
            writeln!(
                out,
                "   ◦ project: {} [{}] uses {}",
                j.title,
                j.id,
                j.skills.join(", ")
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn phase_time(p: &Phase) -> String {
    let total: Total = p.total();
    if p.estimate.is_some() {
        format!("{total} (phase estimate)")
    } else {
        total.to_string()
    }
}

/// `title — author, date`, from whatever the source gives.
pub(crate) fn source_line(r: &Roadmap) -> Option<String> {
    let s = &r.source;
    let mut parts = Vec::new();
    if let Some(t) = &s.title {
        parts.push(t.clone());
    }
    let by: Vec<String> = [s.author.clone(), s.published.map(|d| d.to_string())]
        .into_iter()
        .flatten()
        .collect();
    if !by.is_empty() {
        parts.push(by.join(", "));
    }
    (!parts.is_empty()).then(|| parts.join(" — "))
}

/// Checks each file; a directory stands for every roadmap file in it.
pub(super) fn validate(paths: &[PathBuf], out: &mut dyn Write) -> anyhow::Result<ExitCode> {
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
    let mut bad_files = 0;
    let mut problems = 0;
    for file in &files {
        match Roadmap::load_file(file) {
            Ok(_) => {}
            Err(e) => {
                bad_files += 1;
                problems += e.problems().len();
                writeln!(out, "{e}")?;
            }
        }
    }
    let n = files.len();
    let s = crate::estimate::plural(n);
    if bad_files == 0 {
        writeln!(out, "{n} roadmap file{s} valid")?;
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(
            out,
            "{bad_files} of {n} file{s} invalid, {problems} problem{}",
            crate::estimate::plural(problems)
        )?;
        Ok(ExitCode::FAILURE)
    }
}
