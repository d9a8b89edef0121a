//! `status`, `mark`, `export`, `pace` and `reset`: the commands about the
//! learner's progress.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::output::{plural, warn, write_json};
use crate::catalog::Catalog;
use crate::estimate::Weeks;
use crate::forecast::{self, Counts, Index, Summary, WeekPoint};
use crate::progress::{self, Progress, Status, Store};
use crate::roadmap::{Roadmap, did_you_mean};
use crate::state::{self, Places};
use crate::text::{cell, inert, width};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

/// A skill id the roadmap does not have.
#[derive(Debug, thiserror::Error)]
#[error(
    "roadmap `{roadmap}` has no skill `{skill}`; {hint} (`trailmark show {roadmap}` lists the skill ids)"
)]
pub struct UnknownSkill {
    roadmap: String,
    skill: String,
    hint: String,
}

/// No roadmap named and none opened before.
#[derive(Debug, thiserror::Error)]
#[error("no roadmap given and none opened yet; name one of: {}", known.join(", "))]
pub struct NoRoadmap {
    known: Vec<String>,
}

/// `TRAILMARK_TODAY` when set, else the learner's local date (see
/// [`forecast::today`]). A value that is not a date is reported rather than
/// silently ignored: the dates printed would otherwise not be the ones the
/// user asked for.
pub fn today() -> NaiveDate {
    forecast::today().unwrap_or_else(|bad| {
        warn(&format!("warning: {bad}"));
        bad.today
    })
}

/// The named roadmap, else the one last open.
pub(super) fn pick<'a>(
    catalog: &'a Catalog,
    store: &Store,
    id: Option<&str>,
) -> anyhow::Result<&'a Roadmap> {
    let last = last_roadmap(store);
    let id = id.or(last.as_deref()).ok_or_else(|| NoRoadmap {
        known: catalog.ids().map(str::to_owned).collect(),
    })?;
    Ok(&catalog.require(id)?.roadmap)
}

/// The places kept for this progress file: the state file's entry, else
/// what a version-1 progress file kept itself. A state file that cannot be
/// read counts as empty: it is only browsing state.
fn places(store: &Store) -> Places {
    let kept = state::default_path().and_then(|file| {
        let (places, warning) = state::places_for(&file, store.path());
        if let Some(warning) = warning {
            eprintln!("warning: {warning}");
        }
        places
    });
    kept.unwrap_or_else(|| Places::from_progress(store.progress()))
}

/// The roadmap opened last with this progress file (by the app or `mark`).
fn last_roadmap(store: &Store) -> Option<String> {
    places(store).last_roadmap
}

/// Makes `id` the roadmap opened last, in the state file (never in the
/// progress file). Failing to is a warning: the progress change is saved.
fn remember_roadmap(store: &Store, id: &str) {
    let Some(file) = state::default_path() else {
        return;
    };
    let mut places = places(store);
    if places.last_roadmap.as_deref() == Some(id) {
        return;
    }
    places.last_roadmap = Some(id.to_owned());
    if let Err(err) = state::save_places(&file, store.path(), &places) {
        eprintln!("warning: {err}");
    }
}

#[derive(Serialize)]
struct CountsJson {
    skills_total: usize,
    done: usize,
    doing: usize,
    skipped: usize,
    todo: usize,
    percent_done: f64,
    weeks_total: Option<Weeks>,
    weeks_remaining: Option<Weeks>,
    unestimated_skills: usize,
}

impl From<&Summary> for CountsJson {
    fn from(s: &Summary) -> Self {
        let c = s.counts;
        Self {
            skills_total: c.total,
            done: c.done,
            doing: c.doing,
            skipped: c.skipped,
            todo: c.todo,
            percent_done: (c.percent_done() * 10.0).round() / 10.0,
            weeks_total: s.total.weeks.map(round_weeks),
            weeks_remaining: s.remaining.weeks.map(round_weeks),
            unestimated_skills: s.remaining.unestimated,
        }
    }
}

/// Weeks to three decimals for JSON: a phase's time split over its skills and
/// summed again comes back as `23.999999999999996`, which should read `24`.
fn round_weeks(w: Weeks) -> Weeks {
    let r = |x: f64| (x * 1000.0).round() / 1000.0;
    Weeks::range(r(w.min), r(w.max))
}

#[derive(Serialize)]
struct PhaseJson<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(flatten)]
    counts: CountsJson,
}

#[derive(Serialize)]
struct StatusJson<'a> {
    roadmap: &'a str,
    #[serde(flatten)]
    counts: CountsJson,
    finish_date_by_pace: Option<NaiveDate>,
    finish_date_by_history: Option<NaiveDate>,
    #[serde(flatten)]
    target: super::plan::TargetJson,
    orphan_records: Vec<String>,
    phases: Vec<PhaseJson<'a>>,
    weekly: Vec<WeekPoint>,
}

pub(super) fn status(
    catalog: &Catalog,
    store: &mut Store,
    id: Option<&str>,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let roadmap = pick(catalog, store, id)?;
    let prog = store.progress();
    if let progress::Mode::ReadOnly(reason) = store.mode() {
        warn(&format!(
            "note: {}: progress is read-only ({reason}); showing it, but changes cannot be saved",
            store.path().display()
        ));
    }
    let today = today();
    let index = Index::new(roadmap, prog);
    let summary = forecast::summarize_timed(roadmap, prog, &index.times);
    let fc = forecast::forecast(roadmap, prog, &index, &summary, today);
    let orphans = prog.orphans(catalog.entries.iter().map(|e| &e.roadmap));
    let target = super::plan::target_check(roadmap, prog, &summary.overall, today);
    if json {
        let doc = StatusJson {
            roadmap: &roadmap.id,
            counts: (&summary.overall).into(),
            finish_date_by_pace: fc.by_pace,
            finish_date_by_history: fc.by_history,
            target: super::plan::TargetJson::from(target.as_ref()),
            orphan_records: orphans,
            phases: roadmap
                .phases
                .iter()
                .zip(&summary.phases)
                .map(|(ph, s)| PhaseJson {
                    id: &ph.id,
                    title: &ph.title,
                    counts: s.into(),
                })
                .collect(),
            weekly: forecast::weekly_series(roadmap, prog, &index, today, usize::MAX)
                .into_iter()
                .map(|point| WeekPoint {
                    weeks_remaining: point.weeks_remaining.map(round_weeks),
                    ..point
                })
                .collect(),
        };
        write_json(out, &doc)?;
        return Ok(ExitCode::SUCCESS);
    }
    let overall = &summary.overall;
    writeln!(out, "{} ({})", roadmap.title, roadmap.id)?;
    writeln!(out, "Progress:  {}", counts_line(&overall.counts))?;
    writeln!(out, "Remaining: {}", remaining_line(overall))?;
    writeln!(
        out,
        "Finish:    {}",
        pace_line(roadmap, prog, overall, fc.by_pace)
    )?;
    writeln!(
        out,
        "           {}",
        history_line(overall, fc.by_history, fc.rate)
    )?;
    if let Some(check) = &target {
        writeln!(out, "Target:    {}", super::plan::target_line(check))?;
    }
    writeln!(out)?;
    // In display cells: `第一阶段` is 4 characters but 8 cells.
    let title_w = roadmap
        .phases
        .iter()
        .map(|ph| width(&inert(&ph.title)))
        .max()
        .unwrap_or(5)
        .clamp(5, 40);
    writeln!(
        out,
        "   {}  {:>7}  {:>5}  REMAINING",
        cell("PHASE", title_w),
        "DONE",
        "%"
    )?;
    for (i, (ph, s)) in roadmap.phases.iter().zip(&summary.phases).enumerate() {
        writeln!(
            out,
            "{:>2} {}  {:>7}  {:>4.0}%  {}",
            i + 1,
            cell(&ph.title, title_w),
            format!("{}/{}", s.counts.done, s.counts.total - s.counts.skipped),
            s.counts.percent_done(),
            remaining_short(s)
        )?;
    }
    write_orphans(out, &orphans)?;
    Ok(ExitCode::SUCCESS)
}

/// Records no loaded roadmap mentions, if any, and why they are kept.
fn write_orphans(out: &mut dyn Write, orphans: &[String]) -> anyhow::Result<()> {
    if !orphans.is_empty() {
        writeln!(out)?;
        let n = orphans.len();
        let (records, belong, are) = if n == 1 {
            ("record", "belongs", "is")
        } else {
            ("records", "belong", "are")
        };
        writeln!(
            out,
            "{n} {records} {belong} to no loaded roadmap and {are} kept untouched: {}",
            orphans.join(", ")
        )?;
        writeln!(
            out,
            "(progress from a roadmap file that was removed or renamed; it counts again once that roadmap loads)"
        )?;
    }
    Ok(())
}

pub(super) fn counts_line(c: &Counts) -> String {
    format!(
        "{} of {} skills done ({:.0}%), {} doing, {} skipped, {} to do",
        c.done,
        c.total,
        c.percent_done(),
        c.doing,
        c.skipped,
        c.todo
    )
}

pub(super) fn remaining_line(s: &Summary) -> String {
    let n = s.remaining.unestimated;
    let extra = match n {
        0 => String::new(),
        n => format!(" (+{n} unestimated skill{} not counted)", plural(n)),
    };
    match (s.remaining.weeks, s.total.estimate()) {
        (Some(rem), Some(total)) => format!("{rem} of {total}{extra}"),
        (None, _) if n > 0 => format!(
            "unknown: the source gives no time estimates ({n} skill{} left)",
            plural(n)
        ),
        _ => "nothing left to do".to_owned(),
    }
}

/// A phase's remaining time; with the phase's estimate (in the roadmap's
/// unit, `3–4 months (≈13–17.3 weeks)`) when every skill is estimated.
fn remaining_short(s: &Summary) -> String {
    let n = s.remaining.unestimated;
    match s.remaining.weeks {
        Some(w) if n > 0 => format!("{w} +{n} unestimated"),
        Some(w) => match s.total.estimate() {
            Some(total) if s.total.unestimated == 0 => format!("{w} of {total}"),
            _ => w.to_string(),
        },
        None if n > 0 => format!("unestimated ({n} skill{})", plural(n)),
        None => "–".to_owned(),
    }
}

/// Why no finish date can be given whatever the pace or history, if so.
fn no_date_reason(s: &Summary) -> Option<&'static str> {
    let left = s.remaining;
    match left.weeks {
        None if left.unestimated > 0 => Some("no time estimates to go on"),
        None => Some("nothing left to do"),
        Some(w) if w.is_zero() && left.unestimated == 0 => Some("nothing left to do"),
        Some(_) => None,
    }
}

fn pace_line(r: &Roadmap, p: &Progress, s: &Summary, date: Option<NaiveDate>) -> String {
    if let Some(why) = no_date_reason(s) {
        return format!("by pace: {why}");
    }
    match (date, r.pace_hours_per_week, p.pace_hours_per_week()) {
        (Some(d), Some(assumed), Some(mine)) => {
            format!("{d} at your pace ({mine} h/week; the roadmap assumes {assumed} h/week)")
        }
        (_, None, _) => {
            "by pace: the roadmap does not say what weekly hours its estimates assume".to_owned()
        }
        (_, Some(_), None) => {
            "by pace: set your weekly hours with `trailmark pace HOURS`".to_owned()
        }
        (None, Some(_), Some(_)) => {
            "by pace: no date (the remaining time is out of range)".to_owned()
        }
    }
}

fn history_line(s: &Summary, date: Option<NaiveDate>, rate: Option<f64>) -> String {
    if let Some(why) = no_date_reason(s) {
        return format!("by history: {why}");
    }
    match (date, rate) {
        (Some(d), Some(rate)) => format!(
            "{d} at your recent rate ({rate:.1} estimated weeks done per week, last 8 weeks)"
        ),
        _ => "by history: needs skills marked done in at least two different weeks, some of them within the last 8 weeks".to_owned(),
    }
}

pub(super) fn mark(
    catalog: &Catalog,
    store: &mut Store,
    roadmap: &str,
    skill: &str,
    status: &str,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let r = &catalog.require(roadmap)?.roadmap;
    let to: Status = status.parse()?;
    let Some((pi, si)) = r.find_skill(skill) else {
        let hint = did_you_mean(skill, r.skills().map(|(_, s)| s.id.as_str())).map_or_else(
            || "check the spelling".to_owned(),
            |s| format!("did you mean `{s}`?"),
        );
        return Err(UnknownSkill {
            roadmap: roadmap.to_owned(),
            skill: skill.to_owned(),
            hint,
        }
        .into());
    };
    let s = &r.phases[pi].skills[si];
    let change = store.update(|p| p.set_status(&r.id, s, to, progress::now()))?;
    remember_roadmap(store, &r.id);
    match change {
        Some(c) => {
            let (_, from, to) = c.status_change().unwrap_or(("", to, to));
            writeln!(out, "{} › {}: {from} → {to}", r.id, s.title)?;
        }
        None => writeln!(out, "{} › {}: already {to}", r.id, s.title)?,
    }
    let shared = shared_with(catalog, r, s);
    if !shared.is_empty() {
        writeln!(
            out,
            "shared skill `{}`: also counts in {}",
            s.key.as_deref().unwrap_or(""),
            shared.join(", ")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Other roadmaps that use the same skill key.
fn shared_with(catalog: &Catalog, r: &Roadmap, s: &crate::roadmap::Skill) -> Vec<String> {
    let Some(key) = &s.key else { return Vec::new() };
    catalog
        .entries
        .iter()
        .filter(|e| {
            e.roadmap.id != r.id && e.roadmap.skills().any(|(_, o)| o.key.as_ref() == Some(key))
        })
        .map(|e| e.roadmap.id.clone())
        .collect()
}

#[derive(Serialize)]
struct ExportJson<'a> {
    roadmap: &'a str,
    title: &'a str,
    exported_at: DateTime<Utc>,
    phases: Vec<ExportPhase<'a>>,
}

#[derive(Serialize)]
struct ExportPhase<'a> {
    id: &'a str,
    title: &'a str,
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
    match format {
        ExportFormat::Json => {
            let doc = ExportJson {
                roadmap: &r.id,
                title: &r.title,
                exported_at: progress::now(),
                phases: r
                    .phases
                    .iter()
                    .map(|ph| ExportPhase {
                        id: &ph.id,
                        title: &ph.title,
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
                    })
                    .collect(),
            };
            write_json(out, &doc)?;
        }
        ExportFormat::Markdown => write!(out, "{}", super::markdown::checklist(r, p))?,
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn pace(
    catalog: &Catalog,
    store: &mut Store,
    hours: Option<f64>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let Some(hours) = hours else {
        match store.progress().pace_hours_per_week() {
            Some(h) => writeln!(out, "Your pace: {h} hours per week")?,
            None => writeln!(
                out,
                "No pace set; set it with `trailmark pace HOURS_PER_WEEK`"
            )?,
        }
        return Ok(ExitCode::SUCCESS);
    };
    if !(hours.is_finite() && hours > 0.0 && hours <= 168.0) {
        anyhow::bail!(
            "{hours} is not a weekly pace; give the hours you study per week, more than 0 and at most 168"
        );
    }
    store.update(|p| p.set_pace(Some(hours), None, progress::now()))?;
    writeln!(out, "Your pace is now {hours} hours per week.")?;
    for e in &catalog.entries {
        if let Some(assumed) = e.roadmap.pace_hours_per_week {
            writeln!(
                out,
                "  {} assumes {assumed} h/week: its estimates take {:.2}× as long at your pace",
                e.roadmap.id,
                assumed / hours
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn reset(
    catalog: &Catalog,
    store: &mut Store,
    id: &str,
    yes: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let r = &catalog.require(id)?.roadmap;
    let shared = r
        .skills()
        .filter(|(_, s)| !shared_with(catalog, r, s).is_empty())
        .count();
    if !yes {
        let mut err = std::io::stderr().lock();
        write!(
            err,
            "Reset all progress on {} ({} skills{})? Notes and personal estimates go too. [y/N] ",
            r.id,
            r.skill_count(),
            if shared > 0 {
                format!(", {shared} of them shared with other roadmaps")
            } else {
                String::new()
            }
        )?;
        err.flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
            writeln!(out, "Nothing was reset (pass --yes to skip the question).")?;
            return Ok(ExitCode::FAILURE);
        }
    }
    let n = store.update(|p| p.reset(r, progress::now()))?;
    writeln!(out, "Reset {}: {n} skill{} back to todo.", r.id, plural(n))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::Total;

    fn summary(weeks: Option<f64>, unestimated: usize) -> Summary {
        Summary {
            counts: Counts::default(),
            total: Total {
                weeks: weeks.map(|_| Weeks::exact(10.0)),
                unestimated,
                ..Total::default()
            },
            remaining: Total {
                weeks: weeks.map(Weeks::exact),
                unestimated,
                ..Total::default()
            },
        }
    }

    #[test]
    fn no_finish_date_says_why() {
        assert_eq!(
            no_date_reason(&summary(None, 3)),
            Some("no time estimates to go on")
        );
        assert_eq!(
            no_date_reason(&summary(Some(0.0), 0)),
            Some("nothing left to do")
        );
        assert_eq!(no_date_reason(&summary(Some(0.0), 1)), None);
        assert_eq!(no_date_reason(&summary(Some(2.0), 0)), None);
    }

    #[test]
    fn the_phase_column_never_shows_a_bare_dash_with_skills_left() {
        assert_eq!(remaining_short(&summary(None, 1)), "unestimated (1 skill)");
        assert_eq!(
            remaining_short(&summary(Some(2.0), 2)),
            "2 weeks +2 unestimated"
        );
        assert_eq!(
            remaining_short(&summary(Some(1.0), 0)),
            "1 week of 10 weeks"
        );
        assert_eq!(remaining_short(&summary(None, 0)), "–");
    }

    #[test]
    fn json_weeks_drop_float_noise() {
        let w = round_weeks(Weeks::range(23.999_999_999_999_996, 8.0 / 3.0));
        assert_eq!((w.min, w.max), (24.0, 2.667));
    }
}
