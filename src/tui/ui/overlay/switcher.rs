//! The roadmap switcher (`r`), also the first-run picker: the list with
//! each roadmap's progress and shared-key coverage, the highlighted one's
//! details beside it, and the legend or the files that did not load.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::popup_block;
use crate::text::{clean, truncate, truncate_middle, width};
use crate::tui::app::{App, Switcher};
use crate::tui::content::SHARED_MARK;
use crate::tui::layout::{switcher_area, switcher_parts, window};
use crate::tui::ui::rows::{HIGHLIGHT_WIDTH, Row, Rows};

pub fn render_switcher(app: &App, s: &Switcher, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let len = s.order.len();
    let outer = switcher_area(area, len);
    Clear.render(outer, buf);
    let title = if app.current.is_none() {
        " Pick a roadmap "
    } else {
        " Roadmaps "
    };
    popup_block(app, title.to_owned())
        .title(Line::styled(format!(" {}/{len} ", s.selected + 1), theme.muted()).right_aligned())
        .render(outer, buf);
    let parts = switcher_parts(area, len);
    // A banner dismissed in the main screen stays dismissed here too.
    let broken = !app.load_errors.is_empty() && !app.banner_dismissed;
    // A message (the roadmap opened last is gone) shows whole on the
    // message line under the picker, which stops above it.
    if let (true, Some(legend)) = (broken, parts.legend) {
        let line = broken_files_line(app, usize::from(legend.width));
        // Files that did not load matter more than the legend: a first run
        // shows no banner under the picker, so the picker says it.
        line.render(legend, buf);
    } else if let Some(legend) = parts.legend {
        legend_line(app, usize::from(legend.width)).render(legend, buf);
    }
    if len == 0 {
        Line::styled(" No roadmap loaded.", theme.error()).render(parts.list, buf);
        return;
    }
    render_switcher_list(app, s, parts.list, buf);
    if let Some(i) = s.chosen() {
        let roadmap = &app.catalog.entries[i].roadmap;
        let details = Rect {
            x: parts.details.x + 1,
            width: parts.details.width.saturating_sub(2),
            ..parts.details
        };
        let cols = usize::from(details.width);
        let mut lines = crate::tui::content::info::roadmap_lines(app, roadmap, None, cols);
        let title_rows = crate::text::wrap(&roadmap.title, cols.max(1)).len();
        shorten_summary(&mut lines, title_rows, usize::from(details.height));
        let more = lines.len() > usize::from(details.height);
        let mut lines: Vec<Line> = lines
            .into_iter()
            .take(usize::from(details.height))
            .collect();
        if more && let Some(last) = lines.last_mut() {
            *last = Line::styled("… (i shows it all once open)", theme.muted());
        }
        Paragraph::new(lines).render(details, buf);
    }
}

/// When the details do not fit `rows`, the summary (the lines after the
/// `title_rows` title lines, up to the first empty one) gives up lines
/// first, ending in `…`, so the source, contents, total and pace stay.
fn shorten_summary(lines: &mut Vec<Line<'static>>, title_rows: usize, rows: usize) {
    let over = lines.len().saturating_sub(rows);
    let summary_end = lines
        .iter()
        .skip(title_rows)
        .position(|l| l.width() == 0)
        .map_or(title_rows, |i| title_rows + i);
    let summary = summary_end - title_rows;
    if over == 0 || summary <= over {
        return;
    }
    lines.drain(summary_end - over..summary_end);
    if let Some(last) = lines.get_mut(summary_end - over - 1) {
        last.spans.push(Span::raw(" …"));
    }
}

/// The legend of the list's columns, in as many words as fit `cols`.
fn legend_line(app: &App, cols: usize) -> Line<'static> {
    let legends = [
        format!(
            " % done · {SHARED_MARK} n/m: n of the m skills already finished through shared keys"
        ),
        format!(" {SHARED_MARK} n/m: skills finished through shared keys"),
        format!(" {SHARED_MARK} finished through shared keys"),
    ];
    let text = legends
        .into_iter()
        .find(|l| width(l) <= cols)
        .unwrap_or_default();
    Line::styled(text, app.theme.muted())
}

/// One line on the roadmap files that did not load, at most `cols` wide:
/// how many, the first one's file name and place, and what says why.
fn broken_files_line(app: &App, cols: usize) -> Line<'static> {
    let n = app.load_errors.len();
    let first = app.load_errors[0].lines().next().unwrap_or_default();
    let place = first.split(": ").next().unwrap_or(first);
    let name = place.rsplit('/').next().unwrap_or(place);
    let what = if n == 1 {
        "A roadmap file did not load".to_owned()
    } else {
        format!("{n} roadmap files did not load, first")
    };
    let long = format!(" ⚠ {what}: {} (`trailmark validate` says why)", clean(name));
    let short = format!(" ⚠ {what}: {}", clean(name));
    let text = if width(&long) <= cols {
        long
    } else {
        truncate(&short, cols)
    };
    Line::styled(text, app.theme.error())
}

fn render_switcher_list(app: &App, s: &Switcher, list_area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let len = s.order.len();
    let rows = usize::from(list_area.height);
    let offset = window(s.offset, s.selected, rows, len);
    let rows = s
        .order
        .iter()
        .skip(offset)
        .take(rows)
        .map(|&i| {
            let row = s.rows[i];
            let title = clean(&app.catalog.entries[i].roadmap.title);
            let open = if app.current == Some(i) {
                " (open)"
            } else {
                ""
            };
            let right = format!(
                "  {:>4}%  {SHARED_MARK} {:>3}/{:<3}",
                crate::numbers::round_percent(row.percent),
                row.covered,
                row.skills
            );
            // Cut in the middle so similar titles stay apart.
            let room = usize::from(list_area.width)
                .saturating_sub(usize::from(HIGHLIGHT_WIDTH) + width(&right) + width(open));
            Row {
                left: Vec::new(),
                title: format!("{}{open}", truncate_middle(&title, room)).into(),
                title_style: theme.bold(),
                right: vec![Span::raw(right)],
                style: theme.plain(),
            }
        })
        .collect();
    Rows {
        rows,
        selected: s.selected.checked_sub(offset),
        highlight: theme.selected(true),
    }
    .render(list_area, buf);
}
