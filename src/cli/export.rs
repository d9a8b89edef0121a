//! `export`: the learner's progress on one roadmap as Markdown or JSON,
//! with every figure `status` gives, from the same [`Figures`].

use std::io::Write;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::figures::{Figures, FiguresJson, Lines};
use super::output::write_json;
use super::tracking::{CountsJson, pick, round_weeks};
use crate::catalog::Catalog;
use crate::estimate::Weeks;
use crate::forecast::{self, Summary};
use crate::progress::{self, Progress, Status, Store};
use crate::roadmap::{Phase, Roadmap};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

/// The export: the roadmap's figures as `status --json` gives them (counts,
/// percent, weeks, the three finish dates, study time, the target; the same
/// [`FiguresJson`]), then every skill and project.
#[derive(Serialize)]
struct ExportJson<'a> {
    roadmap: &'a str,
    title: &'a str,
    exported_at: DateTime<Utc>,
    #[serde(flatten)]
    figures: FiguresJson,
    phases: Vec<ExportPhase<'a>>,
}

#[derive(Serialize)]
struct ExportPhase<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(flatten)]
    counts: CountsJson,
    skills: Vec<ExportSkill<'a>>,
    projects: Vec<ExportProject<'a>>,
}

#[derive(Serialize)]
struct ExportSkill<'a> {
    id: &'a str,
    title: &'a str,
    key: Option<&'a str>,
    status: Status,
    changed: Option<DateTime<Utc>>,
    note: Option<&'a str>,
    /// The time the forecasts count for the skill.
    estimate_weeks: Option<Weeks>,
}

#[derive(Serialize)]
struct ExportProject<'a> {
    id: &'a str,
    title: &'a str,
    status: progress::ProjectStatus,
}

pub(super) fn export(
    catalog: &Catalog,
    store: &Store,
    id: Option<&str>,
    format: ExportFormat,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let r = pick(catalog, store, id)?;
    let p = store.progress();
    let figures = Figures::new(catalog, r, p, false);
    let summary = &figures.summary;
    match format {
        ExportFormat::Json => {
            let doc = ExportJson {
                roadmap: &r.id,
                title: &r.title,
                exported_at: progress::now(),
                figures: (&figures).into(),
                phases: r
                    .phases
                    .iter()
                    .zip(&summary.phases)
                    .map(|(ph, sum)| export_phase(r, p, ph, sum))
                    .collect(),
            };
            write_json(out, &doc)?;
        }
        ExportFormat::Markdown => {
            let lines = Lines::new(r, &figures);
            write!(out, "{}", super::markdown::checklist(r, p, summary, &lines))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One phase of the JSON export: its counts, each skill with its status,
/// note and the time the forecasts use, and its projects.
fn export_phase<'a>(
    r: &'a Roadmap,
    p: &'a Progress,
    ph: &'a Phase,
    sum: &Summary,
) -> ExportPhase<'a> {
    ExportPhase {
        id: &ph.id,
        title: &ph.title,
        counts: sum.into(),
        skills: ph
            .skills
            .iter()
            .zip(forecast::skill_times(&r.id, ph, p))
            .map(|(s, time)| {
                let rec = p.skill_record(&r.id, s);
                ExportSkill {
                    id: &s.id,
                    title: &s.title,
                    key: s.key.as_deref(),
                    status: p.status(&r.id, s),
                    changed: rec.map(crate::progress::SkillRecord::changed),
                    note: rec.and_then(|r| r.note()),
                    // The time the forecasts use: a personal
                    // estimate, else the skill's own or its
                    // share of the phase's.
                    estimate_weeks: time.map(round_weeks),
                }
            })
            .collect(),
        projects: ph
            .projects
            .iter()
            .map(|j| ExportProject {
                id: &j.id,
                title: &j.title,
                status: p.project_status(&r.id, j),
            })
            .collect(),
    }
}
