//! The pure layout maths every part of the TUI agrees on: where the header,
//! banner, panes, message and footer go at a size, how wide each pane is,
//! which rows of a list are in view, and where each popup sits. `update`
//! uses it for paging, scrolling and mouse hits; `ui` draws into it.
//! [`split`] divides a rectangle (see `layout/split.rs` for why it is not
//! ratatui's `Layout`).

use ratatui::layout::{Direction, Margin, Position, Rect, Size};

mod split;
pub use split::{Part, split};

use super::app::{App, Pane, PlanView};
use super::content::banner;
use crate::text::{clean, width};

/// Below this the screen shows only a short message.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 8;
/// From this width two panes show: a list of readable width beside the
/// details (three when both lists stay readable, see [`pane_areas`]).
/// Narrower, the focused pane alone, rather than titles cut to a word.
pub const TWO_PANES: u16 = READABLE_LIST + 34;
const HEADER_ROWS: u16 = 2;
const FOOTER_ROWS: u16 = 1;
/// Rows the panes keep however much the banner and messages want.
const MIN_BODY_ROWS: u16 = 5;

/// Where each part of the screen goes at a given size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub too_small: bool,
    pub header: Rect,
    pub banner: Rect,
    pub body: Rect,
    /// Phases, skills, details; `None` when folded away on a narrow screen.
    pub panes: [Option<Rect>; 3],
    pub message: Rect,
    pub footer: Rect,
}

impl Areas {
    /// Rows inside a pane's border; 0 when the pane is not shown.
    pub fn list_rows(&self, pane: Pane) -> usize {
        self.panes[pane.index()].map_or(0, |r| usize::from(inner(r).height))
    }

    /// The width the details text wraps to (the body's, when folded away).
    pub fn details_width(&self) -> usize {
        let area = self.panes[Pane::Details.index()].unwrap_or(self.body);
        usize::from(inner(area).width)
    }

    pub fn pane_at(&self, at: Position) -> Option<Pane> {
        Pane::ALL
            .into_iter()
            .find(|p| self.panes[p.index()].is_some_and(|r| r.contains(at)))
    }

    /// The row under `at` inside a pane's border.
    pub fn row_in(&self, pane: Pane, at: Position) -> Option<usize> {
        let area = inner(self.panes[pane.index()]?);
        area.contains(at).then(|| usize::from(at.y - area.y))
    }
}

/// The inside of a bordered block.
pub fn inner(area: Rect) -> Rect {
    area.inner(Margin::new(1, 1))
}

/// Whether the screen is too small to show anything but that it is.
pub fn too_small(size: Size) -> bool {
    size.width < MIN_WIDTH || size.height < MIN_HEIGHT
}

/// Splits the screen. Narrow terminals fold the three panes to two (the
/// focused list and the details), then to the focused one alone.
pub fn layout(app: &App, area: Rect) -> Areas {
    if too_small(area.as_size()) {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let spare = area.height - HEADER_ROWS - FOOTER_ROWS - MIN_BODY_ROWS;
    let message_rows = banner::message_rows(app, area.width).min(spare);
    let banner_rows =
        banner::banner_rows(app, area.width).min((spare - message_rows).min(area.height / 3));
    let [header, banner, body, message, footer] = split(
        area,
        Direction::Vertical,
        [
            Part::Cells(HEADER_ROWS),
            Part::Cells(banner_rows),
            Part::Rest,
            Part::Cells(message_rows),
            Part::Cells(FOOTER_ROWS),
        ],
    );
    let panes = pane_areas(app, body);
    Areas {
        too_small: false,
        header,
        banner,
        body,
        panes,
        message,
        footer,
    }
}

/// Cells a phase row needs besides its title: border, highlight, mark,
/// percent and time columns.
const PHASE_EXTRA: u16 = 20;
/// Cells a skill row needs besides its title: border, highlight, marks, time.
const SKILL_EXTRA: u16 = 16;
/// Below this a list pane cuts titles too short to read.
const READABLE_LIST: u16 = 36;
/// The details pane's least width beside the two lists.
const MIN_DETAILS: u16 = 40;

/// The width a list pane wants: its longest title plus `extra`.
fn wanted<'a>(titles: impl Iterator<Item = &'a str>, extra: u16) -> u16 {
    let longest = titles.map(|t| width(&clean(t))).max().unwrap_or(0);
    u16::try_from(longest)
        .unwrap_or(u16::MAX)
        .saturating_add(extra)
        .max(24)
}

/// The panes' rectangles. Widths follow the content: each list gets what
/// its longest title needs before the details grow. When the lists cannot
/// both stay readable beside the details, the screen folds to two panes
/// (the focused list and the details), then to the focused one alone.
fn pane_areas(app: &App, body: Rect) -> [Option<Rect>; 3] {
    // The phases' time column is as wide as its widest value (`12.9–17.2w`
    // takes ten cells): the pane makes room for it beside the titles.
    let left_width = app
        .view
        .summary
        .phases
        .iter()
        .map(|s| width(&crate::tui::content::left_short(s)))
        .max()
        .unwrap_or(0);
    let phase_extra = PHASE_EXTRA.max(u16::try_from(left_width).unwrap_or(u16::MAX) + 14);
    // Likewise the skills' time column, at most as wide as a skill's whole time.
    let time_width = app
        .view
        .times
        .get(app.phase)
        .into_iter()
        .flatten()
        .map(|t| t.map_or(1, |w| width(&w.short())))
        .max()
        .unwrap_or(0);
    let skill_extra = SKILL_EXTRA.max(u16::try_from(time_width).unwrap_or(u16::MAX) + 12);
    let (phases_want, skills_want) = match app.roadmap() {
        Some(r) => (
            // At least what the panes need to show the column at all
            // (`render_phases`: 16 cells and the column inside border and
            // highlight; `render_skills`: 18).
            wanted(r.phases.iter().map(|p| p.title.as_str()), phase_extra)
                .max(20 + u16::try_from(left_width).unwrap_or(0)),
            wanted(
                app.current_phase()
                    .into_iter()
                    .flat_map(|p| p.skills.iter().map(|s| s.title.as_str())),
                skill_extra,
            )
            .max(22 + u16::try_from(time_width).unwrap_or(0)),
        ),
        None => (40, 40),
    };
    let width = body.width;
    let phases_min = phases_want.min(READABLE_LIST);
    let skills_min = skills_want.min(READABLE_LIST);
    let mut panes = [None; 3];
    if width >= phases_min + skills_min + MIN_DETAILS {
        // The lists grow to what they want first, then the details.
        let mut spare = width - phases_min - skills_min - MIN_DETAILS;
        let phases = phases_min + (phases_want - phases_min).min(spare);
        spare -= phases - phases_min;
        let skills = skills_min + (skills_want - skills_min).min(spare);
        let [a, b, c] = split(
            body,
            Direction::Horizontal,
            [Part::Cells(phases), Part::Cells(skills), Part::Rest],
        );
        panes = [Some(a), Some(b), Some(c)];
    } else if width >= TWO_PANES {
        // The focused list beside the details, which say what the phase or
        // skill under the cursor is (a phase's summary, its projects).
        let (first, want) = if app.focus == Pane::Phases {
            (0, phases_want)
        } else {
            (1, skills_want)
        };
        // The list gets what it wants while the details keep 34 cells.
        let left = want.min(width.saturating_sub(34)).max(width / 3);
        let [a, b] = split(body, Direction::Horizontal, [Part::Cells(left), Part::Rest]);
        panes[first] = Some(a);
        panes[2] = Some(b);
    } else {
        panes[app.focus.index()] = Some(body);
    }
    panes
}

/// The first row to show so that `selected` is visible in `rows` rows,
/// moving the previous `offset` as little as possible.
pub fn window(offset: usize, selected: usize, rows: usize, len: usize) -> usize {
    if rows == 0 {
        return offset.min(len.saturating_sub(1));
    }
    let mut offset = offset.min(len.saturating_sub(rows));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + rows {
        offset = selected + 1 - rows;
    }
    offset
}

/// A centred rectangle of at most `cols`×`rows`, leaving a margin when it can.
pub fn popup(area: Rect, cols: u16, rows: u16) -> Rect {
    let w = cols
        .min(area.width.saturating_sub(2))
        .max(area.width.min(cols));
    let h = rows
        .min(area.height.saturating_sub(2))
        .max(area.height.min(rows));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A view of at most `cols` columns that takes the screen's height above
/// the footer, centred. Where it is narrower than the screen it starts
/// under the header, so the header is never cut by its border.
fn tall_view(area: Rect, cols: u16) -> Rect {
    let above_footer = Rect {
        height: area.height.saturating_sub(FOOTER_ROWS),
        ..area
    };
    let whole = popup(above_footer, cols, above_footer.height);
    if whole.width == area.width || above_footer.height <= HEADER_ROWS + MIN_BODY_ROWS {
        return whole;
    }
    let below_header = Rect {
        y: area.y + HEADER_ROWS,
        height: above_footer.height - HEADER_ROWS,
        ..area
    };
    popup(below_header, cols, below_header.height)
}

/// The switcher takes most of the screen: the list, and beside it (or
/// under it on a narrow screen) what the highlighted roadmap holds.
pub fn switcher_area(area: Rect, _len: usize) -> Rect {
    tall_view(area, SWITCHER_WIDTH)
}

/// The switcher's widest: list and details side by side, no wider.
const SWITCHER_WIDTH: u16 = 130;

/// Inside the switcher: the list, the highlighted roadmap's details and the
/// legend line.
pub struct SwitcherParts {
    pub list: Rect,
    pub details: Rect,
    pub legend: Option<Rect>,
}

/// From this inner width the details sit beside the list.
const SIDE_BY_SIDE: u16 = 90;

pub fn switcher_parts(area: Rect, len: usize) -> SwitcherParts {
    let inside = inner(switcher_area(area, len));
    let (body, legend) = if inside.height > 3 {
        let [body, legend] = split(inside, Direction::Vertical, [Part::Rest, Part::Cells(1)]);
        (body, Some(legend))
    } else {
        (inside, None)
    };
    let rows = u16::try_from(len).unwrap_or(u16::MAX);
    let (direction, list_size) = if body.width >= SIDE_BY_SIDE {
        // Room for a 46-character title and its columns, leaving the
        // details at least 34 cells.
        let width = body.width.saturating_sub(34).min(68);
        (Direction::Horizontal, width)
    } else {
        // Stacked: the whole list when it leaves the details 6 rows.
        let height = rows
            .min(body.height.saturating_sub(7))
            .max(body.height.min(3));
        (Direction::Vertical, height)
    };
    let [list, _, details] = split(
        body,
        direction,
        [Part::Cells(list_size), Part::Cells(1), Part::Rest],
    );
    SwitcherParts {
        list,
        details,
        legend,
    }
}

/// The switcher's list, inside its border.
pub fn switcher_list_area(area: Rect, len: usize) -> Rect {
    switcher_parts(area, len).list
}

pub fn switcher_rows(area: Rect, len: usize) -> usize {
    usize::from(switcher_list_area(area, len).height)
}

/// The help covers everything but the footer, whose keys stay readable.
pub fn help_area(area: Rect) -> Rect {
    tall_view(area, 100)
}

pub fn help_rows(area: Rect) -> usize {
    usize::from(inner(help_area(area)).height)
}

pub fn search_area(area: Rect, len: usize) -> Rect {
    let rows = u16::try_from(len).unwrap_or(u16::MAX).saturating_add(3);
    popup(area, 80, rows.clamp(5, 20))
}

/// Rows for matches under the search field.
pub fn search_rows(area: Rect, len: usize) -> usize {
    usize::from(inner(search_area(area, len)).height.saturating_sub(1))
}

/// The roadmap info view (`i`): at most 84 columns, centred, above the footer.
pub fn info_area(area: Rect) -> Rect {
    tall_view(area, 84)
}

/// Lines above the plan view's weeks: the heading, the verdict and a blank line.
pub const PLAN_HEAD_ROWS: usize = 3;

/// How far the plan view's weeks can scroll in a body of `area`.
pub fn plan_max_scroll(view: &PlanView, area: Rect) -> usize {
    let rows = usize::from(inner(area).height).saturating_sub(PLAN_HEAD_ROWS);
    view.rows.len().saturating_sub(rows)
}
