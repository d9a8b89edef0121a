//! `status`, `export` and `pace`: the commands about the learner's
//! progress (`mark`, `estimate`, `note` are in `skills`, `reset` in `reset`).

use std::io::Write;
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::output::{warn, write_json};
use crate::catalog::Catalog;
use crate::estimate::Weeks;
use crate::forecast::{self, Counts, Summary};
use crate::progress::{self, Progress, Status, Store};
use crate::roadmap::Roadmap;
use crate::state::{self, Places};
use crate::stats::{self, WeekPoint};
use crate::text::{cell, inert, width};

/// Environment variable that fixes "today" (YYYY-MM-DD), for reproducible output in tests.
pub const TODAY_ENV: &str = "TRAILMARK_TODAY";

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

/// No roadmap named and none opened before.
#[derive(Debug, thiserror::Error)]
#[error("no roadmap given and none opened yet; name one of: {}", known.join(", "))]
pub struct NoRoadmap {
    known: Vec<String>,
}

/// `TRAILMARK_TODAY` when set, else the local date. A value that is not a
/// date is reported rather than silently ignored: the dates printed would
/// otherwise not be the ones the user asked for.
pub fn today() -> NaiveDate {
    match std::env::var(TODAY_ENV) {
        Ok(s) if !s.is_empty() => match crate::roadmap::parse_date(&s) {
            Some(d) => return d,
            None => warn(&format!(
                "warning: {TODAY_ENV}=`{}` is not a date written YYYY-MM-DD; using today's date instead",
                inert(&s)
            )),
        },
        _ => {}
    }
    chrono::Local::now().date_naive()
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
pub(super) fn remember_roadmap(store: &Store, id: &str) {
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
    /// The percent as every screen says it: rounded half up, whole.
    percent: u32,
    /// The skills the percent counts: all but the skipped ones.
    skills_counted: usize,
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
            percent: crate::numbers::percent_done(&c),
            skills_counted: crate::numbers::wanted(&c),
            weeks_total: s.total.weeks.map(round_weeks),
            weeks_remaining: s.remaining.weeks.map(round_weeks),
            unestimated_skills: s.remaining.unestimated,
        }
    }
}

/// Weeks to three decimals for JSON: a phase's time split over its skills and
/// summed again comes back as `23.999999999999996`, which should read `24`.
pub(super) fn round_weeks(w: Weeks) -> Weeks {
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
    /// Hours of study logged on this roadmap's skills, all time.
    hours_logged: f64,
    /// Weekly hours logged over the last 8 weeks; null with under two weeks of logs.
    hours_per_week_measured: Option<f64>,
    finish_date_by_measured_pace: Option<NaiveDate>,
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
    let summary = forecast::summarize(roadmap, prog);
    let fc = forecast::forecast(roadmap, prog, &summary, today);
    let measured =
        forecast::measured::measured(roadmap, prog, summary.overall.remaining.weeks, today);
    let orphans = prog.orphans(catalog.entries.iter().map(|e| &e.roadmap));
    if json {
        let doc = StatusJson {
            roadmap: &roadmap.id,
            counts: (&summary.overall).into(),
            finish_date_by_pace: fc.by_pace,
            finish_date_by_history: fc.by_history,
            hours_logged: super::study::round_hours(measured.hours_logged),
            hours_per_week_measured: measured.hours_per_week.map(super::study::round_hours),
            finish_date_by_measured_pace: measured.finish,
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
            weekly: stats::weekly_series(roadmap, prog, today, usize::MAX)
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
    writeln!(
        out,
        "Remaining: {}{}",
        remaining_line(overall),
        at_your_pace(roadmap, prog, overall)
    )?;
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
    writeln!(
        out,
        "           {}",
        super::study::measured_line(overall, &measured, roadmap.pace_hours_per_week)
    )?;
    if measured.hours_logged > 0.0 {
        writeln!(
            out,
            "Studied:   {} logged",
            crate::progress::Minutes((measured.hours_logged * 60.0).round() as u64)
        )?;
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
            "{:>2} {}  {:>7}  {:>4}%  {}",
            i + 1,
            cell(&ph.title, title_w),
            crate::numbers::done_of(&s.counts),
            crate::numbers::percent_done(&s.counts),
            remaining_short(s)
        )?;
    }
    write_orphans(&orphans, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Records no loaded roadmap mentions: kept, and said so.
fn write_orphans(orphans: &[String], out: &mut dyn Write) -> std::io::Result<()> {
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

/// `1 of 5 skills done (20%), …`: the count and the percent on one base,
/// the skills that are not skipped (as the app's `1/5`).
pub(super) fn counts_line(c: &Counts) -> String {
    let skipped = match c.skipped {
        0 => String::new(),
        n => format!(", {n} skipped (not counted)"),
    };
    format!(
        "{} of {} skills done ({}%), {} doing, {} to do{skipped}",
        c.done,
        crate::numbers::wanted(c),
        crate::numbers::percent_done(c),
        c.doing,
        c.todo
    )
}

pub(super) fn remaining_line(s: &Summary) -> String {
    let n = s.remaining.unestimated;
    let extra = match n {
        0 => String::new(),
        n => format!(
            " (+{n} unestimated skill{} not counted)",
            crate::estimate::plural(n)
        ),
    };
    match (s.remaining.weeks, s.total.estimate()) {
        (Some(rem), Some(total)) => format!("{rem} of {total}{extra}"),
        (None, _) if n > 0 => format!(
            "unknown: the source gives no time estimates ({n} skill{} left)",
            crate::estimate::plural(n)
        ),
        _ => "nothing left to do".to_owned(),
    }
}

/// The remaining time at the learner's pace, as the app's header gives it
/// (` (46.6 weeks at your pace)`), when both paces are known.
pub(super) fn at_your_pace(r: &Roadmap, p: &Progress, s: &Summary) -> String {
    s.remaining
        .weeks
        .filter(|w| !w.is_zero())
        .and_then(|w| forecast::weeks_at_pace(w, r.pace_hours_per_week, p.pace_hours_per_week()))
        .map_or_else(String::new, |mine| {
            let unknown = if s.remaining.unestimated > 0 {
                "+?"
            } else {
                ""
            };
            format!(" ({mine}{unknown} at your pace)")
        })
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
        None if n > 0 => format!("unestimated ({n} skill{})", crate::estimate::plural(n)),
        // Nothing left, and nothing was estimated: no time to go, said as
        // the app's phase column says it (`0w`).
        None => Weeks::exact(0.0).to_string(),
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

pub(super) fn pace_line(r: &Roadmap, p: &Progress, s: &Summary, date: Option<NaiveDate>) -> String {
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

pub(super) fn history_line(s: &Summary, date: Option<NaiveDate>, rate: Option<f64>) -> String {
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

/// The export: the roadmap's figures as `status --json` gives them (counts,
/// percent, weeks, both finish dates), then every skill and project.
#[derive(Serialize)]
struct ExportJson<'a> {
    roadmap: &'a str,
    title: &'a str,
    exported_at: DateTime<Utc>,
    #[serde(flatten)]
    counts: CountsJson,
    finish_date_by_pace: Option<NaiveDate>,
    finish_date_by_history: Option<NaiveDate>,
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
    let summary = forecast::summarize(r, p);
    let fc = forecast::forecast(r, p, &summary, today());
    match format {
        ExportFormat::Json => {
            let doc = ExportJson {
                roadmap: &r.id,
                title: &r.title,
                exported_at: progress::now(),
                counts: (&summary.overall).into(),
                finish_date_by_pace: fc.by_pace,
                finish_date_by_history: fc.by_history,
                phases: r
                    .phases
                    .iter()
                    .zip(&summary.phases)
                    .map(|(ph, sum)| ExportPhase {
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
                    })
                    .collect(),
            };
            write_json(out, &doc)?;
        }
        ExportFormat::Markdown => {
            let finish = format!(
                "{}; {}",
                pace_line(r, p, &summary.overall, fc.by_pace),
                history_line(&summary.overall, fc.by_history, fc.rate)
            );
            let remaining = format!(
                "{}{}",
                remaining_line(&summary.overall),
                at_your_pace(r, p, &summary.overall)
            );
            write!(
                out,
                "{}",
                super::markdown::checklist(r, p, &remaining, &finish)
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn pace(
    catalog: &Catalog,
    store: &mut Store,
    hours: Option<&str>,
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
    let hours = crate::numbers::parse_pace(hours).map_err(super::Usage)?;
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
        // Nothing left and nothing estimated: no time to go, as the app says.
        assert_eq!(remaining_short(&summary(None, 0)), "0 weeks");
    }

    #[test]
    fn json_weeks_drop_float_noise() {
        let w = round_weeks(Weeks::range(23.999_999_999_999_996, 8.0 / 3.0));
        assert_eq!((w.min, w.max), (24.0, 2.667));
    }
}
