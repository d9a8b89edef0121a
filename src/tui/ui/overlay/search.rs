//! The search popup (`/`): the field, and the matching skills with their
//! status, why each matched and the matched part marked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::editor::input_line;
use super::popup_block;
use crate::roadmap::Roadmap;
use crate::text::{clean, truncate, width};
use crate::tui::app::App;
use crate::tui::content::status_mark;
use crate::tui::layout::{Part, inner, search_area, split, window};
use crate::tui::search::{self, Field, Match, Search};
use crate::tui::ui::rows::{Row, Rows};

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
    let [field, results] = split(inside, Direction::Vertical, [Part::Cells(1), Part::Rest]);
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
    let rows = s
        .matches
        .iter()
        .skip(offset)
        .take(rows)
        .map(|m| match_row(app, roadmap, m, query, results.width))
        .collect();
    Rows {
        rows,
        selected: s.selected.checked_sub(offset),
        highlight: theme.selected(true),
    }
    .render(results, buf);
}

/// One match as a row: its status, the title (the matched part marked when
/// the title matched), and why it matched with the phase on the right.
fn match_row<'a>(app: &App, roadmap: &'a Roadmap, m: &Match, query: &str, cols: u16) -> Row<'a> {
    let theme = app.theme;
    let half = usize::from(cols) / 2;
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
    let room = usize::from(cols).saturating_sub(2 + width(&right));
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
