//! The study timer on screen: the header's flag while it runs, and the
//! question about a timer left running when the app last closed.

use chrono::{DateTime, Local, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::inner;
use super::overlay::popup_block;
use super::text::{clean, wrap};
use crate::progress::{MAX_SESSION_MINUTES, Minutes};
use crate::tui::app::{App, minutes_between};
use crate::tui::layout::popup;

/// Elapsed time as a clock: `4:05`, `1:02:05`.
fn clock(seconds: i64) -> String {
    let s = seconds.max(0);
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The header's flag for a running timer (` timer 12:05 HTTP `), the
/// longest that fits in `room` columns, or `None` without a timer.
pub fn header_flag(app: &App, room: usize) -> Option<String> {
    let timer = app.timer()?;
    let time = clock((app.now - timer.started).num_seconds());
    let title = clean(&app.timer_skill_title(timer));
    let plain = format!(" timer {time} ");
    let title_room = room.saturating_sub(super::text::width(&plain) + 1);
    if title_room >= 6 {
        let title = super::text::truncate(&title, title_room);
        Some(format!(" timer {time} · {title} "))
    } else {
        Some(plain)
    }
}

/// A wall time in the learner's zone, `2026-11-30 14:02`.
fn local(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// Asks whether to keep (log) or drop the timer left running.
pub fn render_timer_left(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(timer) = app.timer_left() else {
        return;
    };
    let theme = app.theme;
    let cols = 64.min(area.width.saturating_sub(2));
    let text_cols = usize::from(cols.saturating_sub(2));
    let title = clean(&app.timer_skill_title(timer));
    let until = timer.closed.unwrap_or(app.now);
    let ran = minutes_between(timer.started, until).max(0);
    let logged = Minutes(
        u64::try_from(ran)
            .unwrap_or(0)
            .min(u64::from(MAX_SESSION_MINUTES)),
    );
    let when = match timer.closed {
        Some(closed) => format!(
            "It started {} and trailmark closed {}: {}.",
            local(timer.started),
            local(closed),
            Minutes(u64::try_from(ran).unwrap_or(0))
        ),
        None => format!(
            "It started {}; trailmark ended without saying when (killed?), so keeping it counts until now: {}.",
            local(timer.started),
            Minutes(u64::try_from(ran).unwrap_or(0))
        ),
    };
    let mut lines: Vec<Line> = Vec::new();
    let intro = format!(
        "A study timer on “{title}” ({}) was still running when trailmark closed.",
        clean(&timer.roadmap)
    );
    for text in [intro, when] {
        lines.extend(wrap(&text, text_cols).into_iter().map(Line::raw));
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("k", theme.key()),
        Span::raw(format!(" keep: log {logged}   ")),
        Span::styled("d", theme.key()),
        Span::raw(" drop it"),
    ]));
    let rows = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let outer = popup(area, cols, rows);
    Clear.render(outer, buf);
    popup_block(app, " Study timer ".to_owned()).render(outer, buf);
    Paragraph::new(lines).render(inner(outer), buf);
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_clock_reads_minutes_and_seconds_then_hours() {
        assert_eq!(super::clock(0), "0:00");
        assert_eq!(super::clock(245), "4:05");
        assert_eq!(super::clock(3725), "1:02:05");
        assert_eq!(super::clock(-5), "0:00");
    }
}
