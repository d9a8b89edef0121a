//! `status`: where the learner stands on one roadmap (counts, time left,
//! the finish dates, study time, the target, each phase), as text or JSON,
//! and the wording of those figures (see [`super::figures`], which `export`
//! shares).

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use super::figures::{Figures, FiguresJson, Lines};
use super::output::{plural, warn, write_json};
use super::tracking::{CountsJson, pick, round_weeks};
use crate::catalog::Catalog;
use crate::estimate::Weeks;
use crate::forecast::{self, Counts, PaceSource, PlanPace, Summary, WeekPoint};
use crate::progress::{self, Store};
use crate::roadmap::Roadmap;
use crate::text::{cell, inert, width};

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
    figures: FiguresJson,
    orphan_records: Vec<String>,
    phases: Vec<PhaseJson<'a>>,
    weekly: Vec<WeekPoint>,
}

/// `trailmark status [ROADMAP] [--json]`.
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
    let figures = Figures::new(catalog, roadmap, prog, json);
    if json {
        status_json(roadmap, figures, out)?;
    } else {
        status_text(roadmap, &figures, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn status_json(roadmap: &Roadmap, f: Figures, out: &mut dyn Write) -> anyhow::Result<()> {
    let doc = StatusJson {
        roadmap: &roadmap.id,
        figures: (&f).into(),
        orphan_records: f.orphans,
        phases: roadmap
            .phases
            .iter()
            .zip(&f.summary.phases)
            .map(|(ph, s)| PhaseJson {
                id: &ph.id,
                title: &ph.title,
                counts: s.into(),
            })
            .collect(),
        weekly: f
            .weekly
            .into_iter()
            .map(|point| WeekPoint {
                weeks_remaining: point.weeks_remaining.map(round_weeks),
                ..point
            })
            .collect(),
    };
    write_json(out, &doc)?;
    Ok(())
}

fn status_text(roadmap: &Roadmap, f: &Figures, out: &mut dyn Write) -> anyhow::Result<()> {
    let lines = Lines::new(roadmap, f);
    writeln!(out, "{} ({})", roadmap.title, roadmap.id)?;
    writeln!(out, "Progress:  {}", lines.progress)?;
    writeln!(out, "Remaining: {}", lines.remaining)?;
    let [pace, history, measured] = &lines.finish;
    writeln!(out, "Finish:    {pace}")?;
    writeln!(out, "           {history}")?;
    writeln!(out, "           {measured}")?;
    if let Some(studied) = &lines.studied {
        writeln!(out, "Studied:   {studied}")?;
    }
    if let Some(target) = &lines.target {
        writeln!(out, "Target:    {target}")?;
    }
    writeln!(out)?;
    phase_table(roadmap, &f.summary, out)?;
    write_orphans(&f.orphans, out)?;
    Ok(())
}

/// The table of phases: title, done, percent, time remaining.
fn phase_table(
    roadmap: &Roadmap,
    summary: &forecast::RoadmapSummary,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
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
    Ok(())
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

/// The remaining time at the learner's pace, as the app's header gives it
/// (` (46.6 weeks at your pace)`), when it differs from the roadmap's own.
pub(super) fn at_your_pace(r: &Roadmap, pace: Option<PlanPace>, s: &Summary) -> String {
    let Some(pace) = pace.filter(|p| p.source != PaceSource::Roadmap) else {
        return String::new();
    };
    s.remaining
        .weeks
        .filter(|w| !w.is_zero())
        .and_then(|w| forecast::weeks_at_pace(w, r.pace_hours_per_week, Some(pace.hours_per_week)))
        .map_or_else(String::new, |mine| {
            let unknown = if s.remaining.unestimated > 0 {
                "+?"
            } else {
                ""
            };
            format!(" ({mine}{unknown} {})", pace_words(pace.source))
        })
}

/// How the pace in use is named: `at your pace`, `at your measured pace`.
pub(super) fn pace_words(source: PaceSource) -> &'static str {
    match source {
        PaceSource::Measured => "at your measured pace",
        PaceSource::Set => "at your pace",
        PaceSource::Roadmap => "at the roadmap's pace",
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

/// The finish date at the learner's pace ([`forecast::your_pace`]: logged,
/// else set, else the roadmap's), and what it rests on.
pub(super) fn pace_line(
    r: &Roadmap,
    pace: Option<PlanPace>,
    s: &Summary,
    date: Option<NaiveDate>,
) -> String {
    if let Some(why) = no_date_reason(s) {
        return format!("by pace: {why}");
    }
    let Some(d) = date else {
        return "by pace: no date (the remaining time is out of range)".to_owned();
    };
    let Some(assumed) = r.pace_hours_per_week else {
        return format!(
            "{d}: the roadmap does not say what weekly hours its weeks assume, so they count as they are"
        );
    };
    let roadmap_says = format!("the roadmap assumes {assumed} h/week");
    match pace {
        Some(p) if p.source == PaceSource::Measured => format!(
            "{d} at your measured pace ({:.1} h/week logged over the last {} weeks; {roadmap_says})",
            p.hours_per_week,
            forecast::measured::MEASURED_WINDOW_WEEKS
        ),
        Some(p) if p.source == PaceSource::Set => {
            format!("{d} at your pace ({} h/week; {roadmap_says})", p.hours())
        }
        Some(p) => format!(
            "{d} at the roadmap's pace ({} h/week; set yours with `trailmark pace HOURS`)",
            p.hours()
        ),
        None => format!("{d}: {roadmap_says}"),
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

#[cfg(test)]
mod tests;
