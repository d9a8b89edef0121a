//! The header: roadmap title, variant i of n, a gauge of the overall percent,
//! the remaining weeks and the finish date, and a running study timer.

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Widget};

use super::text::{clean, truncate, width};
use crate::forecast::PaceSource;
use crate::tui::app::App;
use crate::tui::layout::{Part, split};

/// The gauge's least width: its ` 100%` label and a bar of 11 cells.
const GAUGE_MIN: u16 = 16;
/// Narrower still when that lets one more piece of text (the weeks left,
/// the finish date) fit: the label and a bar of 3 cells.
const GAUGE_LEAST: u16 = 9;

pub fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let [top, bottom] = split(area, Direction::Vertical, [Part::Cells(1), Part::Cells(1)]);
    let title_area = render_flags(app, top, buf);
    let (Some(index), Some(roadmap)) = (app.current, app.roadmap()) else {
        Line::from(vec![
            Span::styled(" trailmark", theme.title()),
            Span::styled("  pick a roadmap to start", theme.muted()),
        ])
        .render(title_area, buf);
        return;
    };
    // The variant's place in the switcher's order, so the two agree.
    let order = app.catalog.display_order();
    let position = order.iter().position(|&i| i == index).unwrap_or(index) + 1;
    let count = order.len();
    let cols = usize::from(title_area.width);
    let long = format!("  variant {position} of {count}");
    let short = format!("  {position}/{count}");
    let title = clean(&roadmap.title);
    let variant = [long, short, String::new()]
        .into_iter()
        .find(|v| width(&title) + 1 + width(v) <= cols)
        .unwrap_or_default();
    let title = truncate(&title, cols.saturating_sub(1 + width(&variant)));
    Line::from(vec![
        Span::styled(format!(" {title}"), theme.title()),
        Span::styled(variant, theme.muted()),
    ])
    .render(title_area, buf);
    render_progress(app, bottom, buf);
}

/// The top line's right end: the saving flag and a running study timer.
/// Returns what is left for the title.
fn render_flags(app: &App, top: Rect, buf: &mut Buffer) -> Rect {
    let theme = app.theme;
    // Changes a failed save left in memory are marked until a save works;
    // read-only mode says so instead, as retrying there cannot help.
    let read_only = app.read_only_reason().is_some();
    let flag = if read_only {
        Some(" read-only, not saving ")
    } else {
        app.pending
            .as_ref()
            .map(|_| " not saved, retrying with next change ")
    };
    let flag_width = flag.map_or(0, |f| width(f) as u16);
    // A running study timer, beside the title: as long as leaves the title
    // half the line.
    let room = usize::from(top.width.saturating_sub(flag_width) / 2);
    let timer = super::timer::header_flag(app, room).filter(|t| width(t) <= room);
    let timer_width = timer.as_ref().map_or(0, |t| width(t) as u16);
    let [title_area, timer_area, flag_area] = split(
        top,
        Direction::Horizontal,
        [
            Part::Rest,
            Part::Cells(timer_width),
            Part::Cells(flag_width),
        ],
    );
    if let Some(flag) = flag {
        Line::styled(flag, theme.warning().reversed()).render(flag_area, buf);
    }
    if let Some(timer) = timer {
        Line::styled(timer, theme.info().reversed()).render(timer_area, buf);
    }
    title_area
}

/// The bottom line: the gauge of the overall percent, then as much of the
/// done count, the remaining time and the finish date as fits.
fn render_progress(app: &App, bottom: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let summary = &app.view.summary.overall;
    let percent = summary.counts.percent_done();
    // The text first, as long as fits beside a gauge of at least 10 cells;
    // the gauge then takes all the width the text leaves.
    let counts = &summary.counts;
    let pieces = [
        vec![format!("{} done", crate::numbers::done_of(counts))],
        left_texts(app),
        finish_texts(app),
    ];
    // The pieces come before gauge cells: as many pieces as fit beside the
    // narrowest gauge, in the wordings that leave the gauge widest.
    let room = |gauge: u16| usize::from(bottom.width.saturating_sub(gauge + 2));
    let most = fitting(&pieces, room(GAUGE_LEAST)).len();
    let chosen = (GAUGE_LEAST..=GAUGE_MIN)
        .rev()
        .map(|gauge| fitting(&pieces, room(gauge)))
        .find(|fit| fit.len() == most)
        .unwrap_or_default();
    let mut spans = Vec::new();
    for (i, piece) in chosen.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.muted()));
        }
        spans.push(Span::raw(piece));
    }
    let text = Line::from(spans);
    let text_width = u16::try_from(text.width()).unwrap_or(u16::MAX);
    let gauge_width = bottom.width.saturating_sub(text_width + 3).max(GAUGE_LEAST);
    let [gauge_area, _, text_area] = split(
        bottom,
        Direction::Horizontal,
        [Part::Cells(gauge_width), Part::Cells(2), Part::Rest],
    );
    let label = format!(" {:>3}%", crate::numbers::round_percent(percent));
    // Any progress fills at least one cell of the bar (after the label and a space).
    let bar = f64::from(gauge_width.saturating_sub(width(&label) as u16 + 1).max(1));
    let mut ratio = (percent / 100.0).clamp(0.0, 1.0);
    if percent > 0.0 {
        ratio = ratio.max(1.0 / bar);
    }
    LineGauge::default()
        .ratio(ratio)
        .label(Span::styled(label, theme.bold()))
        .filled_symbol("█")
        .unfilled_symbol("░")
        .filled_style(theme.gauge_filled())
        .unfilled_style(theme.gauge_empty())
        .render(gauge_area, buf);
    text.render(text_area, buf);
}

/// One wording of each piece, so that they fit in `room` with ` · `
/// between: as many pieces as fit (from the first), then the longest
/// wordings that still fit, so the finish date never gives way to a longer
/// wording of the weeks left. (At most three pieces of three wordings: all
/// the combinations are tried.)
fn fitting(pieces: &[Vec<String>], room: usize) -> Vec<String> {
    let mut best: Option<(usize, usize, Vec<&String>)> = None;
    let mut choice = vec![0usize; pieces.len()];
    loop {
        for shown in 1..=pieces.len() {
            let chosen: Vec<&String> = (0..shown).map(|i| &pieces[i][choice[i]]).collect();
            let total = chosen.iter().map(|t| width(t)).sum::<usize>() + 3 * (shown - 1);
            let better = best
                .as_ref()
                .is_none_or(|(n, w, _)| (shown, total) > (*n, *w));
            if total <= room && better {
                best = Some((shown, total, chosen));
            }
        }
        // The next combination, like counting with a digit per piece.
        let Some(i) = (0..pieces.len()).find(|&i| choice[i] + 1 < pieces[i].len()) else {
            break;
        };
        choice[i] += 1;
        for c in &mut choice[..i] {
            *c = 0;
        }
    }
    best.map(|(_, _, chosen)| chosen.into_iter().cloned().collect())
        .unwrap_or_default()
}

/// How the header names the pace its numbers are at.
fn pace_label(source: PaceSource) -> (&'static str, &'static str) {
    match source {
        PaceSource::Measured => ("at your measured pace", "(measured)"),
        PaceSource::Set => ("at your pace", "(your pace)"),
        PaceSource::Roadmap => ("at the roadmap's pace", ""),
    }
}

/// The remaining time, longest wording first: at the learner's pace (the
/// one the finish date beside it is at: measured, else set) when there is
/// one, else as the roadmap states it. The roadmap's own figure stays in
/// details and stats.
fn left_texts(app: &App) -> Vec<String> {
    let remaining = &app.view.summary.overall.remaining;
    let pace = app
        .view
        .forecast
        .pace
        .filter(|p| p.source != PaceSource::Roadmap);
    let yours = app.roadmap().zip(pace).and_then(|(r, p)| {
        crate::forecast::weeks_at_pace(
            remaining.weeks?,
            r.pace_hours_per_week,
            Some(p.hours_per_week),
        )
        .map(|w| (w, p.source))
    });
    let unknown = if remaining.unestimated > 0 { "+?" } else { "" };
    match (remaining.weeks, yours) {
        (None, _) if remaining.unestimated == 0 => vec!["nothing left".to_owned()],
        (Some(w), _) if w.is_zero() && remaining.unestimated == 0 => {
            vec!["nothing left".to_owned()]
        }
        (_, Some((mine, source))) => {
            let (long, short) = pace_label(source);
            vec![
                format!("left: {mine}{unknown} {long}"),
                format!("left: {}{unknown} {short}", mine.short()),
                format!("left: {}{unknown}", mine.short()),
            ]
        }
        (Some(w), None) if remaining.unestimated > 0 => vec![
            format!("left: {remaining}"),
            format!("left: {}+?", w.short()),
        ],
        (Some(w), None) => vec![format!("left: {remaining}"), format!("left: {}", w.short())],
        _ => vec![format!("left: {remaining}")],
    }
}

/// The finish dates, longest wording first: both dates when known, else
/// what the remaining work is waiting on.
fn finish_texts(app: &App) -> Vec<String> {
    let f = &app.view.forecast;
    let left = app.view.summary.overall.remaining;
    let nothing_left =
        left.unestimated == 0 && left.weeks.is_none_or(crate::estimate::Weeks::is_zero);
    match (f.by_pace, f.by_history) {
        _ if nothing_left => vec!["finished".to_owned()],
        (Some(p), Some(h)) => vec![
            format!("finish {p} (pace), {h} (rate)"),
            format!("finish {p} (pace)"),
        ],
        (Some(p), None) => match f.pace.map(|p| pace_label(p.source).0) {
            Some(label) => vec![format!("finish {p} {label}"), format!("finish {p}")],
            None => vec![format!("finish {p}")],
        },
        (None, Some(h)) => vec![format!("finish {h} at your rate"), format!("finish {h}")],
        (None, None) => match app.view.measured.finish {
            Some(m) => vec![
                format!("finish {m} at your measured pace"),
                format!("finish {m}"),
            ],
            None => vec!["no finish date yet".to_owned()],
        },
    }
}
