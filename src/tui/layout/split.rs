//! Dividing a rectangle into rows or columns: fixed sizes plus parts that
//! take the rest.
//!
//! Why not ratatui's `Layout`: it runs a constraint solver (kasuari), and
//! before the first frame that solver was about a fifth of trailmark's CPU
//! time (`perf record` over 300 starts of the main screen; the first frame
//! finds nothing in `Layout`'s cache). Every split the main screen, the
//! header, the roadmap picker and the search make is fixed sizes plus one
//! part that takes the rest, which is plain arithmetic. The stats screen,
//! which splits by percentages, keeps `Layout`.

use ratatui::layout::{Direction, Rect};

/// One part of a [`split`]: a number of cells, or what the others leave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Cells(u16),
    Rest,
}

/// Splits `area` along `direction` (horizontal: columns, vertical: rows)
/// into the parts, in order. Sized parts get their cells while there is
/// room, the first ones first; the `Rest` parts share what the sized ones
/// leave (the first ones get an odd cell). The parts never overlap or leave
/// `area`, however little room there is.
pub fn split<const N: usize>(area: Rect, direction: Direction, parts: [Part; N]) -> [Rect; N] {
    let total = match direction {
        Direction::Horizontal => area.width,
        Direction::Vertical => area.height,
    };
    let sized: u16 = parts
        .iter()
        .map(|p| match p {
            Part::Cells(n) => *n,
            Part::Rest => 0,
        })
        .fold(0, u16::saturating_add);
    let rests = parts.iter().filter(|p| **p == Part::Rest).count() as u16;
    let left_over = total.saturating_sub(sized);
    let share = left_over.checked_div(rests).unwrap_or(0);
    let mut odd = left_over.checked_rem(rests).unwrap_or(0);
    let mut left = total;
    let mut at = 0;
    parts.map(|part| {
        let wanted = match part {
            Part::Cells(n) => n,
            Part::Rest => {
                let extra = u16::from(odd > 0);
                odd = odd.saturating_sub(1);
                share + extra
            }
        };
        let size = wanted.min(left);
        let rect = match direction {
            Direction::Horizontal => Rect::new(area.x + at, area.y, size, area.height),
            Direction::Vertical => Rect::new(area.x, area.y + at, area.width, size),
        };
        left -= size;
        at += size;
        rect
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: Rect = Rect::new(2, 3, 20, 10);

    #[test]
    fn sized_parts_get_their_cells_and_the_rest_takes_what_is_left() {
        let rows = split(
            AREA,
            Direction::Vertical,
            [Part::Cells(2), Part::Rest, Part::Cells(1)],
        );
        assert_eq!(
            rows,
            [
                Rect::new(2, 3, 20, 2),
                Rect::new(2, 5, 20, 7),
                Rect::new(2, 12, 20, 1)
            ]
        );
        let columns = split(AREA, Direction::Horizontal, [Part::Cells(6), Part::Rest]);
        assert_eq!(columns, [Rect::new(2, 3, 6, 10), Rect::new(8, 3, 14, 10)]);
    }

    #[test]
    fn without_room_the_first_sized_parts_win_and_nothing_leaves_the_area() {
        let [rest, a, b] = split(
            AREA,
            Direction::Horizontal,
            [Part::Rest, Part::Cells(15), Part::Cells(15)],
        );
        assert_eq!(rest.width, 0);
        assert_eq!(a, Rect::new(2, 3, 15, 10));
        assert_eq!(b, Rect::new(17, 3, 5, 10));
        let [x, y] = split(
            Rect::new(0, 0, 0, 0),
            Direction::Vertical,
            [Part::Cells(3), Part::Rest],
        );
        assert_eq!((x.height, y.height), (0, 0));
        let [big] = split(AREA, Direction::Vertical, [Part::Cells(u16::MAX)]);
        assert_eq!(big, AREA);
    }

    #[test]
    fn several_rest_parts_share_the_spare_cells_the_first_getting_odd_ones() {
        let [a, b, c] = split(
            AREA,
            Direction::Horizontal,
            [Part::Rest, Part::Cells(3), Part::Rest],
        );
        assert_eq!((a.width, b.width, c.width), (9, 3, 8));
        assert_eq!((a.x, b.x, c.x), (2, 11, 14));
    }

    #[test]
    fn agrees_with_ratatui_layout_when_the_sizes_fit() {
        use ratatui::layout::{Constraint, Layout};
        for height in 0..30 {
            let area = Rect::new(0, 1, 80, height);
            let fixed = [2, height / 4, 1, 1];
            let ours = split(
                area,
                Direction::Vertical,
                [
                    Part::Cells(fixed[0]),
                    Part::Cells(fixed[1]),
                    Part::Rest,
                    Part::Cells(fixed[2]),
                    Part::Cells(fixed[3]),
                ],
            );
            if fixed.iter().sum::<u16>() > height {
                continue;
            }
            let theirs: [Rect; 5] = Layout::vertical([
                Constraint::Length(fixed[0]),
                Constraint::Length(fixed[1]),
                Constraint::Fill(1),
                Constraint::Length(fixed[2]),
                Constraint::Length(fixed[3]),
            ])
            .areas(area);
            assert_eq!(ours, theirs, "height {height}");
        }
    }
}
