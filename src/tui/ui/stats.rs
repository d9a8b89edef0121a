//! The stats screen (`t`): the burndown of remaining estimated weeks beside
//! the planned line, skills completed per week, a bar per phase, the streak,
//! the finish dates with how each is computed, and the calendar of study
//! days ([`super::calendar`]). The series come from
//! [`crate::forecast::weekly`]; this file only draws them.

use chrono::{Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, Block, Chart, Dataset, GraphType, Paragraph, Widget, Wrap,
};

use super::text::{clean, fill, truncate, width, wrap};
use super::{calendar, inner};
use crate::forecast::measured::MEASURED_WINDOW_WEEKS;
use crate::forecast::{HISTORY_WINDOW_WEEKS, PaceSource};
use crate::tui::app::{App, StatsData};

/// How many weeks of history the burndown covers at most (ten years).
pub const WEEKS_SHOWN: usize = 520;
/// The per-week bars cover at least this many weeks, at most [`BARS_MAX`].
const BARS_MIN: usize = 12;
const BARS_MAX: usize = 26;

pub fn render_stats(app: &App, data: &StatsData, area: Rect, buf: &mut Buffer) {
    let Some(roadmap) = app.roadmap() else {
        return;
    };
    let theme = app.theme;
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::styled(
            format!(" Stats · {} ", clean(&roadmap.title)),
            theme.border(true),
        ));
    let inside = inner(area);
    block.render(area, buf);
    if inside.is_empty() {
        return;
    }
    let wide = inside.width >= 90;
    let text_rows = 9;
    if data.series.is_empty() {
        let cols = usize::from(inside.width);
        let mut message: Vec<Line> = vec![Line::styled("No history yet.", theme.heading())];
        let why = "The burndown and the weekly bars start with your first finished skill.";
        message.extend(wrap(why, cols).into_iter().map(Line::raw));
        let message_rows = u16::try_from(message.len()).unwrap_or(u16::MAX);
        let phase_rows = u16::try_from(roadmap.phases.len() + 2).unwrap_or(u16::MAX);
        let phase_rows = phase_rows.min(inside.height.saturating_sub(message_rows + text_rows));
        let [message_area, phases, text, _] = Layout::vertical([
            Constraint::Length(message_rows),
            Constraint::Length(phase_rows),
            Constraint::Length(text_rows),
            Constraint::Fill(1),
        ])
        .areas(inside);
        Paragraph::new(message).render(message_area, buf);
        render_phase_bars(app, phases, buf);
        // Study time logged before any finished skill shows beside the numbers.
        let (text, cal) = calendar::beside(text, CALENDAR_COLUMNS, 40);
        if let Some(text) = text {
            render_numbers(app, data, text, buf);
        }
        render_study_days(app, data, cal, buf);
        return;
    }
    if wide || inside.height < 30 {
        // Two charts over the phase bars and the numbers. Short (80×24, the
        // most common terminal): the bottom row gets what every phase bar
        // needs, so none is cut.
        let bottom = if wide {
            Constraint::Percentage(45)
        } else {
            let phase_rows = u16::try_from(roadmap.phases.len() + 2).unwrap_or(u16::MAX);
            Constraint::Length(phase_rows.max(text_rows).min(inside.height / 2))
        };
        let [top, bottom] = Layout::vertical([Constraint::Fill(1), bottom]).areas(inside);
        let [burn, bars] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(top);
        let [phases, text] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(bottom);
        render_burndown(app, data, burn, buf);
        render_weekly_and_days(app, data, bars, buf);
        render_phase_bars(app, phases, buf);
        render_numbers(app, data, text, buf);
    } else {
        let phase_rows = u16::try_from(roadmap.phases.len() + 2).unwrap_or(u16::MAX);
        let [burn, bars, phases, text] = Layout::vertical([
            Constraint::Fill(3),
            Constraint::Fill(2),
            Constraint::Length(phase_rows.min(inside.height / 3)),
            Constraint::Length(text_rows),
        ])
        .areas(inside);
        render_burndown(app, data, burn, buf);
        render_weekly_and_days(app, data, bars, buf);
        render_phase_bars(app, phases, buf);
        render_numbers(app, data, text, buf);
    }
}

/// The weeks the calendar of study days shows.
const CALENDAR_COLUMNS: u16 = crate::forecast::calendar::CALENDAR_WEEKS as u16;

/// The weekly bars and the calendar of study days: side by side when both
/// fit, else the calendar alone (it shows the finished skills by day, the
/// bars' data and more), else the bars alone.
fn render_weekly_and_days(app: &App, data: &StatsData, area: Rect, buf: &mut Buffer) {
    let (bars, cal) = calendar::beside(area, CALENDAR_COLUMNS, 30);
    if let Some(bars) = bars {
        render_weekly(app, data, bars, buf);
    }
    render_study_days(app, data, cal, buf);
}

fn render_study_days(app: &App, data: &StatsData, area: Option<Rect>, buf: &mut Buffer) {
    if let (Some(area), Some(days)) = (area, &data.calendar) {
        calendar::render_calendar(days, app.theme, area, buf);
    }
}

fn section<'a>(app: &App, title: &str) -> Block<'a> {
    Block::bordered()
        .border_style(app.theme.muted())
        .title(Line::styled(format!(" {title} "), app.theme.heading()))
}

fn render_burndown(app: &App, data: &StatsData, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let block = section(app, "Remaining estimated weeks");
    let inside = inner(area);
    block.render(area, buf);
    let actual: Vec<(f64, f64)> = data
        .series
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.weeks_remaining.map(|w| (i as f64, w.mid())))
        .collect();
    if actual.len() < 2 {
        render_no_burndown(app, actual.first().map(|(_, w)| *w), inside, buf);
        return;
    }
    let planned: Vec<(f64, f64)> = data
        .planned
        .iter()
        .enumerate()
        .map(|(i, w)| (i as f64, *w))
        .collect();
    // A range stays a range: the low and the high end of the remaining
    // weeks are drawn as two lines when they differ.
    let low: Vec<(f64, f64)> = series_by(data, |w| w.min);
    let high: Vec<(f64, f64)> = series_by(data, |w| w.max);
    let ranged = low.iter().zip(&high).any(|(a, b)| (a.1 - b.1).abs() > 1e-9);
    let values = || {
        actual
            .iter()
            .chain(&planned)
            .chain(&low)
            .chain(&high)
            .map(|(_, w)| *w)
    };
    // The y-axis spans the data's own range, not 0 to its top.
    let (bottom, top) = y_range(
        values().fold(f64::MAX, f64::min),
        values().fold(0.0, f64::max),
    );
    let last = (actual.len() - 1) as f64;
    let week = |i: usize| {
        data.series[i.min(data.series.len() - 1)]
            .week_start
            .to_string()
    };
    let mut datasets = vec![
        Dataset::default()
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .style(theme.chart_planned())
            .data(&planned),
    ];
    if ranged {
        for line in [&low, &high] {
            datasets.push(
                Dataset::default()
                    .marker(Marker::Braille)
                    .graph_type(GraphType::Line)
                    .style(theme.chart_actual())
                    .data(line),
            );
        }
    } else {
        datasets.push(
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.chart_actual())
                .data(&actual),
        );
    }
    // The legend sits outside the plot, on the line under it.
    let [plot, legend] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inside);
    render_legend(app, ranged, legend, buf);
    // A middle date only where three dates (ten columns each, one of them
    // under the y-axis labels) fit with room between them.
    let ends = [0, data.series.len() - 1];
    let labels: Vec<String> = if inside.width >= 56 {
        vec![week(0), week(data.series.len() / 2), week(ends[1])]
    } else {
        ends.into_iter().map(week).collect()
    };
    Chart::new(datasets)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([0.0, last])
                .labels(labels)
                .style(theme.muted()),
        )
        .y_axis(
            Axis::default()
                .bounds([bottom, top])
                .labels([
                    fmt_weeks(bottom),
                    fmt_weeks(f64::midpoint(bottom, top)),
                    fmt_weeks(top),
                ])
                .style(theme.muted()),
        )
        .render(plot, buf);
}

/// Before two weeks of history: the remaining time now, and why no line.
fn render_no_burndown(app: &App, now: Option<f64>, area: Rect, buf: &mut Buffer) {
    // Said as every other figure of weeks is (`2.3 weeks`, rounded half up).
    let now = now.map_or_else(
        || "unknown".to_owned(),
        |w| crate::estimate::Weeks::exact(w).to_string(),
    );
    Paragraph::new(vec![
        Line::raw(format!("Remaining now: {now}.")),
        Line::styled(
            "The burndown draws once there are two weeks of history.",
            app.theme.muted(),
        ),
    ])
    .wrap(Wrap { trim: true })
    .render(area, buf);
}

/// The burndown's legend, on its own line under the plot.
fn render_legend(app: &App, ranged: bool, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let actual_name = if ranged {
        "⣀ remaining (low and high end of the range)"
    } else {
        "⣀ remaining"
    };
    Line::from(vec![
        Span::styled(actual_name, theme.chart_actual()),
        Span::raw("   "),
        Span::styled("• planned", theme.chart_planned()),
    ])
    .render(area, buf);
}

/// One end of the remaining-weeks range per week, as chart points.
fn series_by(data: &StatsData, end: impl Fn(crate::estimate::Weeks) -> f64) -> Vec<(f64, f64)> {
    data.series
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.weeks_remaining.map(|w| (i as f64, end(w))))
        .collect()
}

/// The y-axis bounds for values from `low` to `high`: whole weeks around
/// the data, at least one week apart.
fn y_range(low: f64, high: f64) -> (f64, f64) {
    let bottom = low.min(high).max(0.0).floor();
    let top = high.ceil().max(bottom + 1.0);
    (bottom, top)
}

fn fmt_weeks(w: f64) -> String {
    if (w - w.round()).abs() < 1e-9 {
        format!("{w:.0}")
    } else {
        format!("{w:.1}")
    }
}

/// The last weeks' completions, padded back to [`BARS_MIN`] weeks so a short
/// history does not look like a long one.
fn weekly_counts(data: &StatsData, fit: usize) -> Vec<(NaiveDate, u64)> {
    let n = fit.clamp(BARS_MIN, BARS_MAX);
    let mut weeks: Vec<(NaiveDate, u64)> = data
        .series
        .iter()
        .rev()
        .take(n)
        .map(|p| (p.week_start, p.completed as u64))
        .collect();
    while weeks.len() < n {
        let Some(&(earliest, _)) = weeks.last() else {
            break;
        };
        let Some(before) = earliest.checked_sub_days(Days::new(7)) else {
            break;
        };
        weeks.push((before, 0));
    }
    weeks.reverse();
    weeks
}

fn render_weekly(app: &App, data: &StatsData, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let inside = inner(area);
    // Each bar takes its width plus a gap of one.
    let fit = usize::from(inside.width / 3);
    let weeks = weekly_counts(data, fit);
    let n = weeks.len().max(1) as u16;
    let bar_width = (inside.width.saturating_sub(n - 1) / n).max(1);
    // The longest title that fits the border (two corners, two spaces).
    let room = usize::from(area.width).saturating_sub(4);
    let titles = match (weeks.first(), weeks.last()) {
        (Some((a, _)), Some((b, _))) => vec![
            format!("Skills done per week, {a} to {b}"),
            format!("Done per week, {a} to {b}"),
            format!("Done per week since {a}"),
        ],
        _ => Vec::new(),
    };
    let title = titles
        .into_iter()
        .find(|t| width(t) <= room)
        .unwrap_or_else(|| "Skills done per week".to_owned());
    let block = section(app, &title);
    block.render(area, buf);
    let labels = bar_width >= 5;
    let max = weeks.iter().map(|(_, c)| *c).max().unwrap_or(0);
    // Rows for the bars, under a row kept free for the value of the tallest.
    let label_rows = u16::from(labels);
    let bar_rows = u64::from(inside.height.saturating_sub(label_rows + 1).max(1));
    let bars: Vec<Bar> = weeks
        .iter()
        .map(|(week, count)| {
            // Values are written beside (above) the bars below, never over them.
            let bar = Bar::new(*count).text_value(String::new());
            if labels {
                bar.label(Line::raw(week.format("%m-%d").to_string()))
            } else {
                bar
            }
        })
        .collect();
    // Scale so the tallest bar leaves its value row free.
    let scale_max = (max * (bar_rows + 1)).div_ceil(bar_rows).max(1);
    BarChart::new(bars)
        .bar_width(bar_width)
        .bar_gap(1)
        .max(scale_max)
        .bar_style(theme.chart_actual())
        .value_style(theme.bar_value())
        .render(inside, buf);
    let base = inside.bottom().saturating_sub(label_rows);
    let all_rows = bar_rows + 1;
    for (i, (_, count)) in weeks.iter().enumerate() {
        if *count == 0 {
            continue;
        }
        let filled = (count * all_rows).div_ceil(scale_max).max(1);
        let y = base.saturating_sub(u16::try_from(filled).unwrap_or(u16::MAX) + 1);
        let x = inside.x + i as u16 * (bar_width + 1);
        if y >= inside.y && x < inside.right() {
            let text = count.to_string();
            let room = usize::from(inside.right() - x);
            buf.set_stringn(
                x,
                y,
                &text,
                room.min(usize::from(bar_width).max(text.len())),
                theme.bar_value(),
            );
        }
    }
}

fn render_phase_bars(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(roadmap) = app.roadmap() else {
        return;
    };
    let theme = app.theme;
    let block = section(app, "Phases, % done");
    let inside = inner(area);
    block.render(area, buf);
    let rows = usize::from(inside.height);
    let cols = usize::from(inside.width);
    // Names as wide as the longest needs, leaving the bar ten columns.
    let longest = roadmap
        .phases
        .iter()
        .map(|p| width(&clean(&p.title)))
        .max()
        .unwrap_or(0);
    let name_width = longest.min(cols.saturating_sub(6 + 10)).min(32);
    let bar_width = cols.saturating_sub(name_width + 6);
    let count = roadmap.phases.len();
    let shown = if count > rows {
        rows.saturating_sub(1)
    } else {
        count
    };
    let mut lines: Vec<Line> = roadmap
        .phases
        .iter()
        .zip(&app.view.summary.phases)
        .take(shown)
        .map(|(phase, summary)| {
            let percent = summary.counts.percent_done();
            let filled = ((percent / 100.0) * bar_width as f64).round() as usize;
            let name = truncate(&clean(&phase.title), name_width);
            Line::from(vec![
                Span::raw(format!("{name}{} ", fill(width(&name), name_width))),
                Span::styled("█".repeat(filled.min(bar_width)), theme.gauge_filled()),
                Span::styled(
                    "░".repeat(bar_width.saturating_sub(filled)),
                    theme.gauge_empty(),
                ),
                Span::raw(format!(" {:>3}%", crate::numbers::round_percent(percent))),
            ])
        })
        .collect();
    if shown < count {
        lines.push(Line::styled(
            format!("… {} more phases", count - shown),
            theme.muted(),
        ));
    }
    Paragraph::new(lines).render(inside, buf);
}

fn render_numbers(app: &App, data: &StatsData, area: Rect, buf: &mut Buffer) {
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

/// How the finish date at your pace is worked out, in full or `short`.
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

/// The streak and both finish dates with how each is computed, wrapped to
/// `cols`; `short` words every explanation in a few words.
fn number_lines(app: &App, data: &StatsData, cols: usize, short: bool) -> Vec<Line<'static>> {
    let Some(roadmap) = app.roadmap() else {
        return Vec::new();
    };
    let theme = app.theme;
    let f = &app.view.forecast;
    let streak = match (data.streak, short) {
        (0, false) => "no streak: finish a skill this week to start one".to_owned(),
        (0, true) => "none yet".to_owned(),
        (1, false) => "1 week in a row with a finished skill".to_owned(),
        (1, true) => "1 week in a row".to_owned(),
        (n, false) => format!("{n} weeks in a row with a finished skill"),
        (n, true) => format!("{n} weeks in a row"),
    };
    let pace_how = pace_how(roadmap.pace_hours_per_week, f.pace, short);
    let rate_how = match (f.rate, short) {
        (Some(rate), false) => format!(
            "remaining weeks ÷ the {rate:.1} estimated weeks you finished per week over the last {HISTORY_WINDOW_WEEKS} weeks"
        ),
        (Some(rate), true) => format!("weeks left ÷ {rate:.1} finished per week"),
        (None, false) => "needs finished skills in two different weeks".to_owned(),
        (None, true) => "needs two weeks with finished skills".to_owned(),
    };
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
        ("Finish at your pace  ", "Finish at your rate  ")
    };
    entry("Streak  ", streak, None);
    entry(pace_head, shown(f.by_pace), Some(pace_how));
    entry(rate_head, shown(f.by_history), Some(rate_how));
    let m = &app.view.measured;
    let measured_how = match (m.hours_per_week, roadmap.pace_hours_per_week, short) {
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
    };
    let measured_head = if short {
        "By study time  "
    } else {
        "Finish at measured pace  "
    };
    entry(measured_head, shown(m.finish), Some(measured_how));
    lines
}
