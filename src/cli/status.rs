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
use crate::forecast::{self, Counts, Summary, WeekPoint};
use crate::progress::{self, Progress, Store};
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
        status_text(roadmap, prog, &figures, out)?;
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

fn status_text(
    roadmap: &Roadmap,
    prog: &Progress,
    f: &Figures,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let lines = Lines::new(roadmap, prog, f);
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
