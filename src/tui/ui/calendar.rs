//! The calendar of study days on the stats screen: days by weeks (rows
//! Monday to Sunday, a column per week, today's week last), weekday labels
//! (Mon, Wed, Fri) and month labels, each day shaded by what happened, like
//! a contributions graph. Shades are glyphs (`·░▒▓█`), so the calendar
//! reads the same with `NO_COLOR`; colour only adds to them. The data comes
//! from [`crate::forecast::calendar`]; this file only draws it.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::inner;
use crate::forecast::calendar::Calendar;
use crate::progress::Minutes;
use crate::tui::theme::Theme;

/// Columns for the weekday labels (`Mon `).
const LABEL_WIDTH: u16 = 4;
/// Rows: the month labels, then the seven days.
const GRID_HEIGHT: u16 = 8;
/// A day's glyph per level (see [`crate::forecast::calendar::Day::level`]).
const SHADES: [char; 5] = ['·', '░', '▒', '▓', '█'];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The width the calendar wants for `weeks` weeks, borders included.
pub const fn width_for(weeks: u16) -> u16 {
    LABEL_WIDTH + weeks + 2
}

/// The height it wants: borders, month labels and seven days.
pub const HEIGHT: u16 = GRID_HEIGHT + 2;

/// Splits an area between another chart and the calendar: side by side when
/// both fit (the other keeps at least `other_min` columns), else the calendar
/// alone when it fits whole, else the other alone. A small terminal keeps
/// what it had before the calendar came.
pub fn beside(area: Rect, weeks: u16, other_min: u16) -> (Option<Rect>, Option<Rect>) {
    let want = width_for(weeks);
    // Borders and the seven days at least; the month labels may go.
    if area.height < GRID_HEIGHT + 1 || area.width < want {
        return (Some(area), None);
    }
    if area.width >= want + other_min {
        let other = Rect {
            width: area.width - want,
            ..area
        };
        let cal = Rect {
            x: area.x + other.width,
            width: want,
            ..area
        };
        (Some(other), Some(cal))
    } else {
        (None, Some(area))
    }
}

/// Draws the calendar in a bordered block. Narrower than it wants: the most
/// recent weeks that fit. Shorter: the month labels go first, then days from
/// the bottom. Taller: a legend and the totals under the days.
///
/// Reason for the length: what fits (weeks, month labels, legend) is
/// decided from one set of measures, and the parts are drawn in turn.
pub fn render_calendar(cal: &Calendar, theme: Theme, area: Rect, buf: &mut Buffer) {
    let inside = inner(area);
    let shown = usize::from(inside.width.saturating_sub(LABEL_WIDTH)).min(cal.weeks);
    let first = cal.weeks - shown;
    let months = inside.height > 7;
    // Without room for the month labels, the title names the months shown.
    let title = match (months, cal.date(first, 0)) {
        (false, Some(from)) if shown > 0 => format!(
            " Study days · {}–{} ",
            MONTHS[from.month0() as usize],
            MONTHS[cal.today.month0() as usize]
        ),
        _ => " Study days ".to_owned(),
    };
    Block::bordered()
        .border_style(theme.muted())
        .title(Line::styled(title, theme.heading()))
        .render(area, buf);
    if inside.width <= LABEL_WIDTH || inside.height == 0 {
        return;
    }
    let mut y = inside.y;
    if months {
        month_labels(
            cal,
            first,
            theme,
            Rect {
                height: 1,
                ..inside
            },
            buf,
        );
        y += 1;
    }
    let bottom = inside.y + inside.height;
    for weekday in 0..7 {
        if y >= bottom {
            return;
        }
        let label = match weekday {
            0 => "Mon",
            2 => "Wed",
            4 => "Fri",
            _ => "",
        };
        let mut spans = vec![Span::styled(format!("{label:<4}"), theme.muted())];
        for week in first..cal.weeks {
            spans.push(match cal.day(week, weekday) {
                None => Span::raw(" "),
                Some(day) => {
                    let level = day.level();
                    Span::styled(
                        SHADES[usize::from(level)].to_string(),
                        theme.calendar_shade(level),
                    )
                }
            });
        }
        Line::from(spans).render(Rect::new(inside.x, y, inside.width, 1), buf);
        y += 1;
    }
    let rest = [legend(theme), totals(cal, theme)];
    for line in rest {
        if y >= bottom {
            return;
        }
        line.render(Rect::new(inside.x, y, inside.width, 1), buf);
        y += 1;
    }
}

/// Month names over the week where each month begins, and over the first
/// column the month it is in, unless the next name follows too closely; a
/// name that would run into the last is left out.
fn month_labels(cal: &Calendar, first: usize, theme: Theme, area: Rect, buf: &mut Buffer) {
    let mut labels: Vec<(usize, u32)> = cal
        .month_starts()
        .into_iter()
        .filter_map(|(week, month)| Some((week.checked_sub(first)?, month)))
        .collect();
    let next = labels.first().map_or(usize::MAX, |(column, _)| *column);
    if next >= 4
        && let Some(day) = cal.date(first, 0)
    {
        labels.insert(0, (0, day.month()));
    }
    let mut free_from = 0_u16;
    for (column, month) in labels {
        let x = LABEL_WIDTH.saturating_add(u16::try_from(column).unwrap_or(u16::MAX));
        let name = MONTHS[(month as usize + 11) % 12];
        if x < free_from || x.saturating_add(3) > area.width {
            continue;
        }
        buf.set_string(area.x + x, area.y, name, theme.muted());
        free_from = x + 4;
    }
}

fn legend(theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::styled("less ", theme.muted())];
    for (level, glyph) in (0_u8..).zip(SHADES) {
        spans.push(Span::styled(glyph.to_string(), theme.calendar_shade(level)));
    }
    spans.push(Span::styled(" more", theme.muted()));
    Line::from(spans)
}

fn totals(cal: &Calendar, theme: Theme) -> Line<'static> {
    let (days, minutes) = cal.totals();
    let days = match days {
        1 => "1 active day".to_owned(),
        n => format!("{n} active days"),
    };
    let text = match minutes {
        0 => days,
        m => format!("{days}, {} logged", Minutes(m)),
    };
    Line::styled(text, theme.muted())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::forecast::calendar::calendar;
    use crate::progress::Progress;
    use crate::roadmap::fixture::{one_phase, skill};

    fn sample() -> Calendar {
        let r = one_phase(None, vec![skill("a", Some(1.0))]);
        let mut p = Progress::default();
        let at = crate::progress::now();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(); // Thursday
        for (days_ago, minutes) in [(0, 20), (1, 45), (2, 100), (9, 200), (40, 10)] {
            p.log_study("r", "r/a", today - chrono::Days::new(days_ago), minutes, at);
        }
        calendar(&r, &p, today, 26)
    }

    fn draw(area: Rect) -> Vec<String> {
        let mut buf = Buffer::empty(area);
        render_calendar(&sample(), Theme::NO_COLOR, area, &mut buf);
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| buf[(x, y)].symbol().to_owned())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn days_by_weeks_with_labels_and_shades_by_glyph() {
        let rows = draw(Rect::new(0, 0, width_for(26), HEIGHT + 2));
        let want = [
            "┌ Study days ──────────────────┐",
            "│    Jun Jul Aug  Sep Oct Nov  │",
            "│Mon ··························│",
            "│    ························█▓│",
            "│Wed ·························▒│",
            "│    ·························░│",
            "│Fri ························· │",
            "│    ···················░····· │",
            "│    ························· │",
            "│less ·░▒▓█ more               │",
            "│5 active days, 6h 15m logged  │",
            "└──────────────────────────────┘",
        ];
        assert_eq!(rows, want);
    }

    #[test]
    fn narrow_shows_the_latest_weeks_and_short_drops_the_months() {
        let rows = draw(Rect::new(0, 0, 14, 9));
        assert_eq!(rows[0], "┌ Study days ┐", "the title is cut, not the frame");
        assert_eq!(
            draw(Rect::new(0, 0, 32, 9))[0],
            "┌ Study days · Jun–Nov ────────┐"
        );
        assert_eq!(rows[1], "│Mon ········│");
        assert_eq!(rows[2], "│    ······█▓│");
        assert_eq!(rows[5], "│Fri ······· │");
        for size in [(0, 0), (1, 1), (5, 3), (6, 12), (200, 2)] {
            draw(Rect::new(0, 0, size.0, size.1));
        }
    }

    #[test]
    fn the_calendar_goes_beside_a_chart_or_alone() {
        let area = Rect::new(0, 0, 70, 10);
        let (other, cal) = beside(area, 26, 30);
        assert_eq!(other.map(|r| r.width), Some(38));
        assert_eq!(cal.map(|r| (r.x, r.width)), Some((38, 32)));
        let (other, cal) = beside(Rect::new(0, 0, 40, 10), 26, 30);
        assert_eq!((other, cal.map(|r| r.width)), (None, Some(40)));
        let (other, cal) = beside(Rect::new(0, 0, 20, 10), 26, 30);
        assert_eq!((other.map(|r| r.width), cal), (Some(20), None));
    }
}
