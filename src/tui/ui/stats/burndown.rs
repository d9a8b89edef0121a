//! The burndown: the remaining estimated weeks per week (two lines when
//! the estimates are ranges) beside the planned line, with its legend.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget, Wrap};

use super::section;
use crate::tui::app::{App, StatsData};
use crate::tui::layout::inner;

/// The burndown chart with its legend.
///
/// Over 60 lines on purpose: the data sets, the y-axis range and the date
/// labels come from the same series and must agree, so the chart is set up
/// in one place.
pub(super) fn render_burndown(app: &App, data: &StatsData, area: Rect, buf: &mut Buffer) {
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
