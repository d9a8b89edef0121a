//! The plan view (`w`): the week-by-week plan of the open roadmap, the
//! current week highlighted, weeks after the target date marked behind, the
//! target date's line where it falls, and the target date editor over it.
//! The rows come from [`crate::tui::app::PlanView`]; this file only draws them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::inner;
use super::text::{clean, truncate, width};
use crate::tui::app::{App, PlanRow, PlanView};
use crate::tui::layout::{PLAN_HEAD_ROWS, plan_max_scroll};

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn row_line<'a>(app: &App, row: &'a PlanRow, cols: usize) -> Line<'a> {
    let theme = app.theme;
    match row {
        PlanRow::Week {
            label,
            hours,
            current,
            late,
        } => {
            let hours = hours.map(|h| format!(" · {h:.1} h")).unwrap_or_default();
            let mark = if *current { "› " } else { "  " };
            let text = truncate(&format!("{mark}{}{hours}", capitalized(label)), cols);
            let style = if *current {
                theme.selected(true)
            } else {
                theme.heading()
            };
            let mut spans = vec![Span::styled(text.clone(), style)];
            let behind = "  behind the target";
            if *late && width(&text) + width(behind) <= cols {
                spans.push(Span::styled(behind, theme.warning()));
            }
            Line::from(spans)
        }
        PlanRow::Skill { title, unestimated } => {
            let flag = if *unestimated { "  (no estimate)" } else { "" };
            let title = truncate(
                &format!("    • {}", clean(title)),
                cols.saturating_sub(width(flag)),
            );
            Line::from(vec![
                Span::styled(title, theme.plain()),
                Span::styled(flag, theme.muted()),
            ])
        }
        PlanRow::Target(date) => {
            let text = format!("── target date {date} ");
            let fill = "─".repeat(cols.saturating_sub(width(&text)));
            Line::styled(
                truncate(&format!("{text}{fill}"), cols),
                theme.warning().add_modifier(Modifier::BOLD),
            )
        }
    }
}

pub fn render_plan(app: &App, view: &PlanView, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let title = app.roadmap().map(|r| clean(&r.title)).unwrap_or_default();
    Block::bordered()
        .border_style(theme.border(true))
        .title(Line::styled(
            format!(" Plan · {title} "),
            theme.border(true),
        ))
        .title(Line::styled(" d target date · Esc closes ", theme.muted()).right_aligned())
        .render(area, buf);
    let inside = inner(area);
    if inside.is_empty() {
        return;
    }
    let cols = usize::from(inside.width);
    let verdict_style = if view.behind {
        theme.warning()
    } else {
        theme.info()
    };
    let mut lines = vec![
        Line::styled(truncate(&view.heading, cols), theme.title()),
        Line::styled(truncate(&view.verdict, cols), verdict_style),
        Line::default(),
    ];
    if view.rows.is_empty() {
        lines.push(Line::styled("Nothing left to do.", theme.muted()));
    }
    let rows = usize::from(inside.height).saturating_sub(PLAN_HEAD_ROWS);
    let scroll = view.scroll.min(plan_max_scroll(view, area));
    lines.extend(
        view.rows
            .iter()
            .skip(scroll)
            .take(rows)
            .map(|r| row_line(app, r, cols)),
    );
    Paragraph::new(lines).render(inside, buf);
    if let Some(editor) = &view.editor {
        super::overlay::render_editor(app, editor, app.area(), buf);
    }
}
