//! The numbers under the charts: the streak and the finish dates (at the
//! roadmap's pace, at the rate of finished skills, at the measured study
//! time), each with how it is computed.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::section;
use crate::forecast::measured::MEASURED_WINDOW_WEEKS;
use crate::forecast::{HISTORY_WINDOW_WEEKS, PaceSource};
use crate::roadmap::Roadmap;
use crate::text::{width, wrap};
use crate::tui::app::{App, StatsData};
use crate::tui::layout::inner;

pub(super) fn render_numbers(app: &App, data: &StatsData, area: Rect, buf: &mut Buffer) {
    let block = section(app, "Streak and finish dates");
    let inside = inner(area);
    block.render(area, buf);
    let cols = usize::from(inside.width);
    // The full explanations where they fit, the short ones where not (80×24).
    let mut lines = number_lines(app, data, cols, false);
    if lines.len() > usize::from(inside.height) {
        lines = number_lines(app, data, cols, true);
    }
    Paragraph::new(lines).render(inside, buf);
}

/// The streak and both finish dates with how each is computed, wrapped to
/// `cols`; `short` words every explanation in a few words.
fn number_lines(app: &App, data: &StatsData, cols: usize, short: bool) -> Vec<Line<'static>> {
    let Some(roadmap) = app.roadmap() else {
        return Vec::new();
    };
    let theme = app.theme;
    let f = &app.view.forecast;
    let streak = streak_text(data.streak, short);
    let pace_how = pace_how(roadmap.pace_hours_per_week, f.pace, short);
    let rate_how = rate_how(f.rate, short);
    let shown = |day: Option<NaiveDate>| day.map_or_else(|| "—".to_owned(), |day| day.to_string());
    let mut lines = Vec::new();
    let mut entry = |head: &str, value: String, how: Option<String>| {
        let indent = width(head);
        for (i, part) in wrap(&value, cols.saturating_sub(indent).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                head.to_owned()
            } else {
                " ".repeat(indent)
            };
            lines.push(Line::from(vec![
                Span::styled(lead, theme.heading()),
                Span::styled(part, theme.bold()),
            ]));
        }
        for part in how
            .map(|h| wrap(&h, cols.saturating_sub(2).max(1)))
            .unwrap_or_default()
        {
            lines.push(Line::styled(format!("  {part}"), theme.muted()));
        }
    };
    let (pace_head, rate_head) = if short {
        ("By pace  ", "By rate  ")
    } else {
        ("Finish by pace  ", "Finish at your rate  ")
    };
    entry("Streak  ", streak, None);
    entry(pace_head, shown(f.by_pace), Some(pace_how));
    entry(rate_head, shown(f.by_history), Some(rate_how));
    let m = &app.view.measured;
    let measured_how = measured_how(app, roadmap, short);
    let measured_head = if short {
        "By study time  "
    } else {
        "Finish at measured pace  "
    };
    entry(measured_head, shown(m.finish), Some(measured_how));
    lines
}

/// The streak in words, in a few words when `short`.
fn streak_text(streak: usize, short: bool) -> String {
    match (streak, short) {
        (0, false) => "no streak: finish a skill this week to start one".to_owned(),
        (0, true) => "none yet".to_owned(),
        (1, false) => "1 week in a row with a finished skill".to_owned(),
        (1, true) => "1 week in a row".to_owned(),
        (n, false) => format!("{n} weeks in a row with a finished skill"),
        (n, true) => format!("{n} weeks in a row"),
    }
}

/// How the finish date by pace is worked out (the roadmap's pace until you
/// set or log one), in full or `short`.
fn pace_how(
    roadmap_pace: Option<f64>,
    pace: Option<crate::forecast::PlanPace>,
    short: bool,
) -> String {
    let pace = pace.map(|p| (p.source, p.hours()));
    match (roadmap_pace, pace, short) {
        (None, _, false) => {
            "the roadmap states no weekly hours, so its weeks count as they are".to_owned()
        }
        (None, _, true) => "the roadmap's weeks as they are".to_owned(),
        (Some(theirs), Some((PaceSource::Roadmap, _)) | None, false) => {
            format!("the roadmap's weeks at its {theirs} h/week; P sets yours")
        }
        (Some(_), Some((PaceSource::Roadmap, _)) | None, true) => {
            "at the roadmap's pace (P sets yours)".to_owned()
        }
        (Some(theirs), Some((source, mine)), false) => {
            let whose = if source == PaceSource::Measured {
                "the"
            } else {
                "your"
            };
            let logged = if source == PaceSource::Measured {
                " you logged"
            } else {
                ""
            };
            format!(
                "remaining weeks × the roadmap's {theirs} h/week ÷ {whose} {mine} h/week{logged}"
            )
        }
        (Some(theirs), Some((_, mine)), true) => format!("weeks left × {theirs} h ÷ {mine} h/week"),
    }
}

/// How the finish date at the rate of finished skills is computed, or what it needs.
fn rate_how(rate: Option<f64>, short: bool) -> String {
    match (rate, short) {
        (Some(rate), false) => format!(
            "remaining weeks ÷ the {rate:.1} estimated weeks you finished per week over the last {HISTORY_WINDOW_WEEKS} weeks"
        ),
        (Some(rate), true) => format!("weeks left ÷ {rate:.1} finished per week"),
        (None, false) => "needs finished skills in two different weeks".to_owned(),
        (None, true) => "needs two weeks with finished skills".to_owned(),
    }
}

/// How the finish date at the measured study time is computed, or what it needs.
fn measured_how(app: &App, roadmap: &Roadmap, short: bool) -> String {
    let m = &app.view.measured;
    match (m.hours_per_week, roadmap.pace_hours_per_week, short) {
        (Some(h), Some(theirs), false) => format!(
            "remaining weeks × the roadmap's {theirs} h/week ÷ the {h:.1} h/week you logged over the last {MEASURED_WINDOW_WEEKS} weeks"
        ),
        (Some(h), Some(theirs), true) => format!("weeks left × {theirs} h ÷ {h:.1} h/week logged"),
        (None, _, false) => {
            "needs two weeks of study logged (T times a skill; `trailmark log` adds time)"
                .to_owned()
        }
        (None, _, true) => "needs two weeks of logged study (T)".to_owned(),
        (Some(_), None, false) => {
            "needs a pace in the roadmap file, which this one does not give".to_owned()
        }
        (Some(_), None, true) => "the roadmap gives no pace".to_owned(),
    }
}
