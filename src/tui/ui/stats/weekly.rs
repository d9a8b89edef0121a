//! The bar charts: skills finished per week, and a bar per phase with how
//! much of it is done.

use chrono::{Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Paragraph, Widget};

use super::section;
use crate::text::{clean, fill, truncate, width};
use crate::tui::app::{App, StatsData};
use crate::tui::layout::inner;

/// The per-week bars cover at least this many weeks, at most [`BARS_MAX`].
const BARS_MIN: usize = 12;

const BARS_MAX: usize = 26;

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

/// Skills finished per week as bars.
///
/// Over 60 lines on purpose: how many weeks fit, the bar width, the title
/// that fits the border and the bars' labels depend on one another, so they
/// are worked out together for the one chart.
pub(super) fn render_weekly(app: &App, data: &StatsData, area: Rect, buf: &mut Buffer) {
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
    // Bars too narrow for a date each: an axis line under them dates every
    // few bars instead.
    let axis = !labels && inside.height >= 4;
    let max = weeks.iter().map(|(_, c)| *c).max().unwrap_or(0);
    // Rows for the bars, under a row kept free for the value of the tallest.
    let label_rows = u16::from(labels || axis);
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
        .render(
            Rect {
                height: inside.height - u16::from(axis),
                ..inside
            },
            buf,
        );
    if axis {
        let step = 6usize.div_ceil(usize::from(bar_width) + 1);
        for (i, (week, _)) in weeks.iter().enumerate().step_by(step) {
            let x = inside.x + u16::try_from(i).unwrap_or(u16::MAX) * (bar_width + 1);
            if x.saturating_add(5) <= inside.right() {
                buf.set_string(
                    x,
                    inside.bottom() - 1,
                    week.format("%m-%d").to_string(),
                    theme.muted(),
                );
            }
        }
    }
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

pub(super) fn render_phase_bars(app: &App, area: Rect, buf: &mut Buffer) {
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
