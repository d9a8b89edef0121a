//! `list` and `show`: the commands that present the loaded roadmaps
//! (`validate` lives in `validate.rs`).

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::output::write_json;
use crate::catalog::{Catalog, Origin};
use crate::estimate::{Estimate, Total, Weeks};
use crate::roadmap::{Phase, Roadmap, Skill};
use crate::text::{cell, inert, width};

#[derive(Serialize)]
struct ListItem<'a> {
    id: &'a str,
    title: &'a str,
    phase_count: usize,
    skill_count: usize,
    project_count: usize,
    weeks_total: Option<Weeks>,
    /// The same total in the unit its estimates share (months, weeks).
    total: Option<Estimate>,
    unestimated_skills: usize,
    origin: Origin,
}

pub(super) fn list(catalog: &Catalog, out: &mut dyn Write, json: bool) -> anyhow::Result<ExitCode> {
    if json {
        list_json(catalog, out)?;
    } else {
        list_table(catalog, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `list --json`: one [`ListItem`] per roadmap.
fn list_json(catalog: &Catalog, out: &mut dyn Write) -> anyhow::Result<()> {
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
                total: total.estimate(),
                unestimated_skills: total.unestimated,
                origin: e.origin,
            }
        })
        .collect();
    write_json(out, &items)?;
    Ok(())
}

/// `list`: a table of id, title, phases, skills and total estimate, with
/// where each user file came from.
fn list_table(catalog: &Catalog, out: &mut dyn Write) -> anyhow::Result<()> {
    // Columns are measured in display cells: `宽字符` is 3 characters but 6 cells.
    let id_w = catalog
        .ids()
        .map(|i| width(&inert(i)))
        .max()
        .unwrap_or(2)
        .max(2);
    let title_w = catalog
        .entries
        .iter()
        .map(|e| width(&inert(&e.roadmap.title)))
        .max()
        .unwrap_or(5)
        .clamp(5, 48);
    writeln!(
        out,
        "{}  {}  {:>6}  {:>6}  ESTIMATE",
        cell("ID", id_w),
        cell("TITLE", title_w),
        "PHASES",
        "SKILLS"
    )?;
    for e in &catalog.entries {
        let r = &e.roadmap;
        let origin = match (e.origin, &e.replaced) {
            (_, Some(old)) => format!("  [{} replaces {}]", inert(&e.file), inert(old)),
            (Origin::Bundled, None) => String::new(),
            (_, None) => format!("  [{}]", inert(&e.file)),
        };
        let line = format!(
            "{}  {}  {:>6}  {:>6}  {}{origin}",
            cell(&r.id, id_w),
            cell(&r.title, title_w),
            r.phases.len(),
            r.skill_count(),
            r.total()
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    if catalog.entries.is_empty() {
        writeln!(out, "(no roadmaps loaded)")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct ShowRoadmap<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    source: ShowSource<'a>,
    pace_hours_per_week: Option<f64>,
    tips: &'a [String],
    weeks_total: Option<Weeks>,
    total: Option<Estimate>,
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
    /// As the source wrote it: `{"min": 3, "max": 4, "unit": "months"}`.
    estimate: Option<Estimate>,
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
    summary: &'a str,
    estimate: Option<Estimate>,
    estimate_weeks: Option<Weeks>,
    /// The weeks the forecasts count for the skill: its own estimate, or
    /// its share of the phase's (before any estimate of the learner's).
    time_weeks: Option<Weeks>,
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
        pace_hours_per_week: r.pace_hours_per_week,
        tips: &r.tips,
        weeks_total: r.total().weeks,
        total: r.total().estimate(),
        phases: r.phases.iter().map(show_phase).collect(),
    }
}

fn show_phase(p: &Phase) -> ShowPhase<'_> {
    ShowPhase {
        id: &p.id,
        title: &p.title,
        summary: &p.summary,
        estimate: p.estimate,
        estimate_weeks: p.estimate.map(|e| e.weeks),
        weeks_total: p.total().weeks,
        skills: p
            .skills
            .iter()
            .zip(shares(p))
            .map(|(s, time)| ShowSkill {
                id: &s.id,
                key: s.key.as_deref(),
                title: &s.title,
                summary: &s.summary,
                estimate: s.estimate,
                estimate_weeks: s.estimate.map(|e| e.weeks),
                time_weeks: time.map(super::tracking::round_weeks),
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

/// `trailmark show [ROADMAP] [--json]`: the named roadmap, else the one
/// opened last with the progress file `store` opens (only opened then, so a
/// named roadmap shows whatever state the progress file is in).
pub(super) fn show(
    catalog: &Catalog,
    id: Option<&str>,
    store: impl FnOnce() -> anyhow::Result<crate::progress::Store>,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let r = match id {
        Some(id) => &catalog.require(id)?.roadmap,
        None => super::tracking::pick(catalog, &store()?, None)?,
    };
    if json {
        write_json(out, &show_json(r))?;
        return Ok(ExitCode::SUCCESS);
    }
    show_text(r, out)?;
    Ok(ExitCode::SUCCESS)
}

/// The tree: the roadmap's source, summary, pace and total; each phase with
/// its time and summary, its skills and project ideas; then the tips.
/// Estimates keep the unit the source wrote them in.
fn show_text(r: &Roadmap, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} ({})", r.title, r.id)?;
    if let Some(source) = source_line(r) {
        writeln!(out, "Source: {source}")?;
    }
    if !r.summary.trim().is_empty() {
        writeln!(out, "{}", r.summary.trim())?;
    }
    writeln!(out, "Pace: {}", pace_text(r.pace_hours_per_week))?;
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
        for (s, share) in p.skills.iter().zip(shares(p)) {
            let key = s
                .key
                .as_deref()
                .map(|k| format!(" key={k}"))
                .unwrap_or_default();
            writeln!(
                out,
                "   • {} [{}{key}] — {}",
                s.title,
                s.id,
                skill_time(p, s, share)
            )?;
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
    if !r.tips.is_empty() {
        writeln!(out)?;
        writeln!(out, "Tips from the source:")?;
        for tip in &r.tips {
            writeln!(out, "   • {tip}")?;
        }
    }
    Ok(())
}

/// The weekly hours the estimates assume, or that the source gives none.
fn pace_text(hours: Option<f64>) -> String {
    match hours {
        Some(h) => format!("{h} hours of study a week"),
        None => "not stated by the source".to_owned(),
    }
}

fn phase_time(p: &Phase) -> String {
    let total: Total = p.total();
    if p.estimate.is_some() {
        format!("phase estimate: {total}")
    } else {
        total.to_string()
    }
}

/// Each skill's time as the forecasts count it, before the learner's own
/// estimates: a `show` knows the roadmap, not anyone's progress.
fn shares(p: &Phase) -> Vec<Option<Weeks>> {
    crate::forecast::skill_times("", p, &crate::progress::Progress::default())
}

/// A skill's time as the app's details say it: its own estimate, or its
/// share of the phase's (`0.7 weeks`), and both when the phase's time makes
/// it count for other than its own (the phase's time is in its header).
fn skill_time(p: &Phase, s: &Skill, share: Option<Weeks>) -> String {
    match (s.estimate, share, p.estimate) {
        (Some(e), Some(t), Some(_)) if t != e.weeks => {
            format!("{e} (counts as {t}, its share of the phase's time)")
        }
        (Some(e), _, _) => e.to_string(),
        (None, Some(t), _) => format!("{t} (a share of the phase's time)"),
        (None, None, _) => "unestimated".to_owned(),
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
