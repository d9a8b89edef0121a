//! The help's text (`?`): the marks, then every binding of the key table by
//! section, then the mouse and paste, laid out side by side when wide enough.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{NOTE_MARK, SHARED_MARK};
use crate::text::{fill, width, wrap};
use crate::tui::keys;
use crate::tui::layout::{help_area, inner};
use crate::tui::theme::Theme;

/// The help text at a width: every binding of the key table, by section.
///
/// Reason for the length: the help's sections in the order they show, all
/// laid out by the one `add` closure so the columns line up.
pub fn lines(theme: Theme, cols: usize) -> Vec<Line<'static>> {
    let sections = keys::help_sections();
    let label_width = sections
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|b| width(b.label)))
        .max()
        .unwrap_or(0)
        + 1;
    let side_by_side = cols >= label_width + 40;
    let mut lines = Vec::new();
    let add = |label: &str, text: &str, lines: &mut Vec<Line<'static>>| {
        if side_by_side {
            for (i, part) in wrap(text, cols - label_width - 2).into_iter().enumerate() {
                let lead = if i == 0 { label } else { "" };
                lines.push(Line::from(vec![
                    Span::styled(
                        format!(" {lead}{}", fill(width(lead), label_width)),
                        theme.key(),
                    ),
                    Span::raw(format!(" {part}")),
                ]));
            }
        } else {
            lines.push(Line::styled(format!(" {label}"), theme.key()));
            for part in wrap(text, cols.saturating_sub(4)) {
                lines.push(Line::raw(format!("    {part}")));
            }
        }
    };
    lines.push(Line::styled(" Marks", theme.heading()));
    add(
        "[ ] [~] [x] [-]",
        "todo, doing, done, skipped (a phase: [~] started, [x] all finished)",
        &mut lines,
    );
    add(
        SHARED_MARK,
        "the skill's key is used by another roadmap too: progress on it counts in both",
        &mut lines,
    );
    add(
        NOTE_MARK,
        "you wrote a note on the skill (n edits it; / finds notes too)",
        &mut lines,
    );
    add(
        "?",
        "in the time columns: skills with no estimate",
        &mut lines,
    );
    for (title, rows) in sections {
        lines.push(Line::default());
        lines.push(Line::styled(format!(" {title}"), theme.heading()));
        for b in rows {
            add(b.label, b.help, &mut lines);
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(" Mouse", theme.heading()));
    add("click, wheel", keys::MOUSE_HELP, &mut lines);
    lines.push(Line::default());
    lines.push(Line::styled(" Paste", theme.heading()));
    add("paste", keys::PASTE_HELP, &mut lines);
    lines
}

/// The most the help scrolls on a screen of `area`.
pub fn max_scroll(area: Rect) -> usize {
    let inside = inner(help_area(area));
    let count = lines(Theme::NO_COLOR, usize::from(inside.width)).len();
    count.saturating_sub(usize::from(inside.height))
}
