//! The stats screen (`t`): the burndown of remaining estimated weeks beside
//! the planned line, skills completed per week, a bar per phase, the streak,
//! the finish dates with how each is computed, and the calendar of study
//! days ([`super::calendar`]). The series come from
//! [`crate::forecast::weekly`]; this file only draws them.
//!
//! Here: how the screen is divided at each size. `burndown`: the burndown
//! chart; `weekly`: the weekly and per-phase bars; `numbers`: the streak and
//! the finish dates.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::text::{clean, wrap};
use super::{calendar, inner};
use crate::tui::app::{App, StatsData};

/// Rows the streak and finish dates take under the charts.
const TEXT_ROWS: u16 = 9;

mod burndown;
mod numbers;
mod weekly;

use burndown::render_burndown;
use numbers::render_numbers;
use weekly::{render_phase_bars, render_weekly};

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
    let text_rows = TEXT_ROWS;
    if data.series.is_empty() {
        render_no_history(app, data, inside, buf);
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

/// Before the first finished skill: why there are no charts, the phase
/// bars, and the numbers beside the calendar (study time can be logged
/// before anything is finished).
fn render_no_history(app: &App, data: &StatsData, inside: Rect, buf: &mut Buffer) {
    let Some(roadmap) = app.roadmap() else {
        return;
    };
    let theme = app.theme;
    let text_rows = TEXT_ROWS;
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
