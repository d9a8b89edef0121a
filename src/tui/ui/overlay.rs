//! Popups drawn over the panes: the roadmap switcher (also the first-run
//! picker), the help generated from the key table, the search, the note and
//! estimate editor, and the prompt to move an unreadable progress file aside.
//!
//! Where each popup sits is in [`crate::tui::layout`] and the help's text in
//! [`crate::tui::content::help`], which `update` uses for paging and clicks.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::rows::{HIGHLIGHT_WIDTH, Row, Rows};
use super::text::{clean, truncate, truncate_middle, width, wrap};
use super::{inner, window};
use crate::tui::app::{App, EditKind, Editor, Switcher};
use crate::tui::content::{SHARED_MARK, help, status_mark};
use crate::tui::editor::LineEditor;
use crate::tui::layout::{help_area, popup, search_area, switcher_area, switcher_parts};
use crate::tui::search::{self, Field, Search};

pub(super) fn popup_block<'a>(app: &App, title: String) -> Block<'a> {
    Block::bordered()
        .border_style(app.theme.border(true))
        .title(Line::styled(title, app.theme.border(true)))
}

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
    let broken = !app.load_errors.is_empty();
    if let (true, Some(legend)) = (broken, parts.legend) {
        let line = broken_files_line(app, usize::from(legend.width));
        // Files that did not load matter more than the legend: a first run
        // shows no banner under the picker, so the picker says it.
        line.render(legend, buf);
    } else if let Some(legend) = parts.legend {
        let legends = [
            format!(
                " % done · {SHARED_MARK} n/m: n of the m skills already finished through shared keys"
            ),
            format!(" {SHARED_MARK} n/m: skills finished through shared keys"),
            format!(" {SHARED_MARK} finished through shared keys"),
        ];
        let cols = usize::from(legend.width);
        let text = legends
            .into_iter()
            .find(|l| width(l) <= cols)
            .unwrap_or_default();
        Line::styled(text, theme.muted()).render(legend, buf);
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
        let lines = crate::tui::content::info::roadmap_lines(
            app,
            roadmap,
            None,
            usize::from(details.width),
        );
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

pub fn render_help(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let outer = help_area(area);
    Clear.render(outer, buf);
    let inside = inner(outer);
    let lines = help::lines(app.theme, usize::from(inside.width));
    let rows = usize::from(inside.height);
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    let position = format!(
        " {}–{}/{} ",
        scroll + 1,
        (scroll + rows).min(lines.len()),
        lines.len()
    );
    popup_block(app, " Help ".to_owned())
        .title(Line::styled(position, app.theme.muted()).right_aligned())
        .render(outer, buf);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(rows).collect();
    Paragraph::new(visible).render(inside, buf);
}

/// A text field with a visible cursor, scrolled so the cursor stays in view.
fn input_line(app: &App, prompt: &str, input: &LineEditor, cols: usize) -> Line<'static> {
    let theme = app.theme;
    let (before, under, after) = input.split();
    let room = cols.saturating_sub(width(prompt) + 1);
    let mut shown_before = before.to_owned();
    if width(&shown_before) >= room {
        // Keep the end of the text before the cursor, marked as cut.
        let mut chars: Vec<char> = shown_before.chars().collect();
        while !chars.is_empty() && width(&chars.iter().collect::<String>()) + 1 >= room {
            chars.remove(0);
        }
        shown_before = std::iter::once('…').chain(chars).collect();
    }
    let cursor = under.map_or_else(|| " ".to_owned(), |c| c.to_string());
    Line::from(vec![
        Span::styled(prompt.to_owned(), theme.key()),
        Span::raw(shown_before),
        Span::styled(cursor, theme.cursor()),
        Span::raw(after.to_owned()),
    ])
}

pub fn render_search(app: &App, s: &Search, area: Rect, buf: &mut Buffer) {
    let Some(roadmap) = app.roadmap() else {
        return;
    };
    let theme = app.theme;
    let outer = search_area(area, s.matches.len());
    Clear.render(outer, buf);
    let count = match s.matches.len() {
        0 => String::new(),
        1 => " 1 match ".to_owned(),
        n => format!(" {n} matches "),
    };
    popup_block(app, " Search titles, topics, keys, notes ".to_owned())
        .title(Line::styled(count, theme.muted()).right_aligned())
        .render(outer, buf);
    let inside = inner(outer);
    let [field, results] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inside);
    input_line(app, "/ ", &s.input, usize::from(field.width)).render(field, buf);
    if s.matches.is_empty() {
        let hint = if s.input.text().trim().is_empty() {
            " Type to search; Enter jumps, Esc clears."
        } else {
            " No skill matches."
        };
        Line::styled(hint, theme.muted()).render(results, buf);
        return;
    }
    let rows = usize::from(results.height);
    let offset = window(s.offset, s.selected, rows, s.matches.len());
    let query = s.input.text();
    let half = usize::from(results.width) / 2;
    let rows = s
        .matches
        .iter()
        .skip(offset)
        .take(rows)
        .map(|m| {
            let phase = &roadmap.phases[m.phase];
            let skill = &phase.skills[m.skill];
            let why = match m.field {
                Field::Title => String::new(),
                Field::Topic(t) => format!("topic “{}” · ", clean(&skill.topics[t])),
                Field::Key => format!("key {} · ", clean(skill.key.as_deref().unwrap_or_default())),
                Field::Note => "your note · ".to_owned(),
            };
            let right = truncate(&format!("  {why}{}", clean(&phase.title)), half);
            // A title match is shown with the matched part marked.
            let room = usize::from(results.width).saturating_sub(2 + width(&right));
            let shown = truncate(&clean(&skill.title), room);
            // Each hit shows its status, as the skills pane does.
            let status = app.store.progress().status(&roadmap.id, skill);
            let mark = vec![
                Span::styled(status_mark(status), theme.status(status)),
                Span::raw(" "),
            ];
            let room = room.saturating_sub(4);
            let shown = truncate(&shown, room);
            let (left, title) = match highlighted(&shown, query, m.field == Field::Title, app) {
                Some(spans) => ([mark, spans].concat(), "".into()),
                None => (mark, skill.title.as_str().into()),
            };
            Row {
                left,
                title,
                right: vec![Span::styled(right, theme.muted())],
                ..Row::default()
            }
        })
        .collect();
    Rows {
        rows,
        selected: s.selected.checked_sub(offset),
        highlight: theme.selected(true),
    }
    .render(results, buf);
}

/// `text` split around the part matching `query`, that part in the match
/// style; `None` when the match was not in this text.
fn highlighted(text: &str, query: &str, matched: bool, app: &App) -> Option<Vec<Span<'static>>> {
    let (start, end) = if matched {
        search::highlight(text, query)?
    } else {
        return None;
    };
    let chars: Vec<char> = text.chars().collect();
    Some(vec![
        Span::raw(chars[..start].iter().collect::<String>()),
        Span::styled(
            chars[start..end].iter().collect::<String>(),
            app.theme.matched(),
        ),
        Span::raw(chars[end..].iter().collect::<String>()),
    ])
}

pub fn render_editor(app: &App, e: &Editor, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let skill = match (e.kind, e.place.and_then(|p| app.skill_at(p))) {
        (EditKind::Target, _) => app.roadmap().map_or_else(String::new, |r| clean(&r.title)),
        (_, Some((_, s))) => clean(&s.title),
        (_, None) => "hours per week".to_owned(),
    };
    // An own estimate counts in this roadmap only (a shared skill can be a
    // week's share here and a whole stage elsewhere), so the editor says so.
    let roadmap = e
        .place
        .and_then(|p| app.skill_at(p))
        .map_or_else(String::new, |(r, _)| clean(&r.id));
    let (what, hint) = match e.kind {
        EditKind::Note => (
            "Note",
            "Enter saves · Esc cancels · empty clears the note".to_owned(),
        ),
        EditKind::Estimate => (
            "Your estimate",
            format!(
                "for {roadmap} only · e.g. 3, 2-4 weeks, 1 month · Enter saves · Esc cancels · empty clears"
            ),
        ),
        EditKind::Pace => (
            "Your pace",
            "the hours you study per week, e.g. 10 · Enter saves · Esc cancels · empty clears"
                .to_owned(),
        ),
        EditKind::Target => (
            "Target date",
            "the day to finish by, YYYY-MM-DD · Enter saves · Esc cancels · empty clears"
                .to_owned(),
        ),
    };
    let cols = 72.min(area.width.saturating_sub(2));
    let text_cols = usize::from(cols.saturating_sub(2));
    let error = e
        .error
        .as_deref()
        .map(|err| wrap(err, text_cols))
        .unwrap_or_default();
    let hint_lines = wrap(&hint, text_cols);
    let rows = 3 + error.len() + hint_lines.len();
    let outer = popup(area, cols, u16::try_from(rows).unwrap_or(u16::MAX));
    Clear.render(outer, buf);
    let title = truncate(
        &format!(" {what} · {skill} "),
        usize::from(cols.saturating_sub(2)),
    );
    popup_block(app, title).render(outer, buf);
    let inside = inner(outer);
    let mut lines = vec![input_line(app, "> ", &e.input, usize::from(inside.width))];
    lines.extend(error.into_iter().map(|l| Line::styled(l, theme.error())));
    lines.extend(
        hint_lines
            .into_iter()
            .map(|l| Line::styled(l, theme.muted())),
    );
    Paragraph::new(lines).render(inside, buf);
}

pub fn render_confirm(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let cols = 76.min(area.width.saturating_sub(2));
    let text_cols = usize::from(cols.saturating_sub(2));
    let problem = app
        .progress_problem
        .as_ref()
        .map(|p| p.message.as_str())
        .unwrap_or_default();
    let mut lines: Vec<Line> = wrap(problem, text_cols)
        .into_iter()
        .map(|l| Line::styled(l, theme.error()))
        .collect();
    lines.push(Line::default());
    for l in wrap(
        "Move it aside (renamed to <name>.corrupt-<time>, nothing is deleted) and start afresh? Until then nothing you change is saved.",
        text_cols,
    ) {
        lines.push(Line::raw(l));
    }
    lines.push(Line::from(vec![
        Span::styled("y", theme.key()),
        Span::raw(" move it aside   "),
        Span::styled("n", theme.key()),
        Span::raw(" keep it, run without saving"),
    ]));
    let rows = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let outer = popup(area, cols, rows);
    Clear.render(outer, buf);
    popup_block(app, " The progress file cannot be read ".to_owned()).render(outer, buf);
    Paragraph::new(lines).render(inner(outer), buf);
}
