//! The one-line editor popup (note, estimate, pace, target date) and the
//! text field with its cursor that the search uses too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::popup_block;
use crate::text::{clean, truncate, width, wrap};
use crate::tui::app::{App, EditKind, Editor};
use crate::tui::editor::LineEditor;
use crate::tui::layout::{inner, popup};

/// A text field with a visible cursor, scrolled so the cursor stays in view.
pub(super) fn input_line(
    app: &App,
    prompt: &str,
    input: &LineEditor,
    cols: usize,
) -> Line<'static> {
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

/// The editor popup: what is edited and for which skill, the field, the
/// last error and the hint.
///
/// Reason for the length: the wording per kind of edit is one match, and
/// the popup is sized from the wrapped lines it then draws.
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
