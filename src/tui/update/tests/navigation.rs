//! Moving around: the lists with keys, pages and ends, the focus between
//! panes, the mouse, resizing, the details' scrolling and links, and a
//! terminal too small to show anything.

use crossterm::event::{KeyCode, KeyModifiers};

use super::{ch, opened, press, press_with, typed, update};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{Overlay, Pane};

#[test]
fn lists_move_with_arrows_vim_keys_ends_and_pages() {
    let mut f = opened();
    let app = &mut f.app;
    assert_eq!(app.focus, Pane::Phases);
    press(app, KeyCode::Down);
    ch(app, 'j');
    assert_eq!(app.phase, 2);
    ch(app, 'k');
    assert_eq!(app.phase, 1);
    press(app, KeyCode::Up);
    press(app, KeyCode::Up);
    assert_eq!(app.phase, 0, "stops at the top");
    ch(app, 'G');
    assert_eq!(app.phase, app.roadmap().unwrap().phases.len() - 1);
    ch(app, 'g');
    assert_eq!(app.phase, 0);
    press(app, KeyCode::PageDown);
    assert_eq!(
        app.phase,
        app.roadmap().unwrap().phases.len() - 1,
        "a page is taller than 8 phases"
    );
    press(app, KeyCode::PageUp);
    assert_eq!(app.phase, 0);
    press(app, KeyCode::End);
    press(app, KeyCode::Home);
    assert_eq!(app.phase, 0);
    // Skills of the second phase.
    ch(app, 'j');
    press(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Skills);
    ch(app, 'j');
    assert_eq!(app.skill, 1);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Left);
    ch(app, 'k');
    assert_eq!(app.skill, 0);
    // Changing phase starts at its first skill.
    press(app, KeyCode::Char('j'));
    ch(app, 'h');
    ch(app, 'j');
    assert_eq!((app.phase, app.skill), (2, 0));
}

#[test]
fn focus_moves_between_panes() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Right);
    assert_eq!(app.focus, Pane::Skills);
    ch(app, 'l');
    ch(app, 'l');
    assert_eq!(app.focus, Pane::Details, "stops at the right edge");
    press(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Phases, "Tab wraps");
    press_with(app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(app.focus, Pane::Details);
    press(app, KeyCode::Left);
    ch(app, 'h');
    ch(app, 'h');
    assert_eq!(app.focus, Pane::Phases);
}

#[test]
fn details_scroll_when_the_phase_has_no_projects() {
    let mut f = opened();
    let app = &mut f.app;
    update(
        app,
        Action::Resize {
            width: 120,
            height: 10,
        },
    );
    ch(app, 'j'); // foundations: no projects
    app.focus = Pane::Details;
    ch(app, 'G');
    let bottom = app.offsets.details;
    assert!(bottom > 0, "the details are taller than 10 rows");
    ch(app, 'g');
    assert_eq!(app.offsets.details, 0);
    ch(app, 'j');
    assert_eq!(app.offsets.details, 1);
    press(app, KeyCode::PageDown);
    assert!(app.offsets.details > 1, "a page is more than a row");
    for _ in 0..20 {
        press(app, KeyCode::PageDown);
    }
    assert_eq!(app.offsets.details, bottom, "clamped at the bottom");
    press(app, KeyCode::PageUp);
    assert!(app.offsets.details < bottom);
}

#[test]
fn enter_and_space_on_a_phase_focus_its_skills_and_change_nothing() {
    let mut f = opened();
    let app = &mut f.app;
    let before = app.store.progress().clone();
    assert_eq!(press(app, KeyCode::Enter), Effect::None);
    assert_eq!(app.focus, Pane::Skills);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Phases);
    assert_eq!(ch(app, ' '), Effect::None);
    assert_eq!(app.focus, Pane::Skills);
    assert_eq!(*app.store.progress(), before, "no status changed");
    // The same at 40×12, where only one pane shows.
    update(
        app,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Phases);
    assert_eq!(press(app, KeyCode::Enter), Effect::None);
    assert_eq!(*app.store.progress(), before);
    // Nor does any other status key while the skill is off screen.
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Phases);
    for c in ['d', 's', 'x', 'n', 'e'] {
        assert_eq!(ch(app, c), Effect::None, "{c}");
        assert!(
            app.message
                .as_ref()
                .unwrap()
                .text
                .contains("Open the phase first")
        );
    }
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(*app.store.progress(), before);
}

/// Reason for the length: one walk through every pane and popup a click
/// or the wheel reaches, each step depending on the one before.
#[test]
fn clicks_select_panes_and_rows_and_the_wheel_scrolls() {
    let mut f = opened();
    let app = &mut f.app;
    let areas = crate::tui::layout::layout(app, app.area());
    let phases = crate::tui::layout::inner(areas.panes[0].unwrap());
    update(
        app,
        Action::Click {
            column: phases.x + 3,
            row: phases.y + 3,
        },
    );
    assert_eq!((app.focus, app.phase), (Pane::Phases, 3));
    let skills = crate::tui::layout::inner(areas.panes[1].unwrap());
    update(
        app,
        Action::Click {
            column: skills.x + 3,
            row: skills.y + 1,
        },
    );
    assert_eq!((app.focus, app.skill), (Pane::Skills, 1));
    update(
        app,
        Action::Scroll {
            column: phases.x + 1,
            row: phases.y,
            down: true,
        },
    );
    assert_eq!(
        (app.focus, app.phase, app.skill),
        (Pane::Skills, 4, 0),
        "the wheel does not move the focus"
    );
    update(
        app,
        Action::Scroll {
            column: phases.x + 1,
            row: phases.y,
            down: false,
        },
    );
    assert_eq!(app.phase, 3);
    let details = areas.panes[2].unwrap();
    update(
        app,
        Action::Click {
            column: details.x + 2,
            row: details.y + 2,
        },
    );
    assert_eq!(app.focus, Pane::Details);
    update(
        app,
        Action::Scroll {
            column: details.x + 2,
            row: details.y + 2,
            down: true,
        },
    );
    // Clicking in the switcher chooses, clicking the chosen row opens it.
    ch(app, 'r');
    let list = crate::tui::layout::switcher_list_area(app.area(), app.catalog.entries.len());
    update(
        app,
        Action::Click {
            column: list.x + 4,
            row: list.y + 2,
        },
    );
    assert!(matches!(&app.overlay, Overlay::Switcher(s) if s.selected == 2));
    assert_eq!(
        update(
            app,
            Action::Click {
                column: list.x + 4,
                row: list.y + 2
            }
        ),
        Effect::KeepPlace
    );
    let order = app.catalog.display_order();
    assert_eq!(app.current, Some(order[2]));
}

#[test]
fn resizing_keeps_the_selection_in_view() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'G');
    update(
        app,
        Action::Resize {
            width: 50,
            height: 8,
        },
    );
    let rows = crate::tui::layout::layout(app, app.area()).list_rows(Pane::Phases);
    assert!(app.phase >= app.offsets.phases && app.phase < app.offsets.phases + rows);
    assert_eq!(app.size.width, 50);
}

#[test]
fn visible_links_sit_where_their_text_is_drawn() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, '/');
    typed(app, "postgres");
    press(app, KeyCode::Enter);
    let links = crate::tui::ui::links::visible(app);
    let docs = links
        .iter()
        .find(|l| l.url == "https://www.postgresql.org/docs/")
        .expect("the vocabulary's link is on screen");
    let area = app.area();
    let mut buf = ratatui::buffer::Buffer::empty(area);
    ratatui::widgets::Widget::render(&*app, area, &mut buf);
    let drawn: String = (0..docs.text.chars().count() as u16)
        .map(|i| buf[(docs.x + i, docs.y)].symbol().to_owned())
        .collect();
    assert_eq!(drawn, docs.text);
    assert!(
        docs.osc8()
            .starts_with("\u{1b}]8;;https://www.postgresql.org/docs/\u{1b}\\")
    );
    // A popup covers the details: no links.
    ch(app, '?');
    assert!(crate::tui::ui::links::visible(app).is_empty());
}

/// While only "Terminal too small" shows, no key changes anything unseen.
#[test]
fn keys_do_nothing_while_the_terminal_is_too_small() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Tab);
    let before = app.store.progress().clone();
    update(
        app,
        Action::Resize {
            width: 20,
            height: 5,
        },
    );
    for c in [' ', 'd', 's', 'x', 'j'] {
        assert_eq!(ch(app, c), Effect::None, "{c}");
    }
    assert_eq!(app.store.progress(), &before);
    assert_eq!(ch(app, 'q'), Effect::Quit, "quitting still works");
}
