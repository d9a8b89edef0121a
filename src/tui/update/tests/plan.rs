//! The plan view (`w`) and its target date editor (`d`).

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyModifiers};

use super::{ch, opened, press, press_with, typed};
use crate::tui::action::Effect;
use crate::tui::app::{Overlay, PlanRow};
use crate::tui::keys::Ctx;

fn target(app: &crate::tui::app::App) -> Option<NaiveDate> {
    let id = &app.roadmap().unwrap().id;
    app.store.progress().target_date(id)
}

#[test]
fn w_opens_the_plan_and_esc_or_w_closes_it() {
    let mut f = opened();
    let app = &mut f.app;
    assert_eq!(ch(app, 'w'), Effect::None);
    assert_eq!(app.ctx(), Ctx::PLAN);
    let Overlay::Plan(view) = &app.overlay else {
        panic!("no plan view");
    };
    // The Backend Burger gives no estimates: every skill is flagged, this week.
    assert!(
        matches!(&view.rows[0], PlanRow::Week { label, current: true, .. } if label == "then, unestimated (not placed in time)"),
        "{:?}",
        view.rows[0]
    );
    assert!(matches!(
        &view.rows[1],
        PlanRow::Skill {
            unestimated: true,
            ..
        }
    ));
    assert_eq!(view.verdict, "No target date · d sets one");
    ch(app, 'j');
    ch(app, 'G');
    press(app, KeyCode::Esc);
    assert!(matches!(app.overlay, Overlay::None));
    ch(app, 'w');
    ch(app, 'w');
    assert!(matches!(app.overlay, Overlay::None), "w closes it too");
}

#[test]
fn d_sets_and_clears_the_target_date_from_the_plan() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'w');
    ch(app, 'd');
    assert_eq!(app.ctx(), Ctx::EDITOR);
    // No date yet: an empty field, so what is typed is the date, and Enter
    // at once sets nothing.
    let Overlay::Plan(view) = &app.overlay else {
        panic!("no plan view");
    };
    assert_eq!(view.editor.as_ref().map(|e| e.input.text()), Some(""));
    assert_eq!(press(app, KeyCode::Enter), Effect::None, "nothing to clear");
    assert_eq!(target(app), None);
    ch(app, 'd');
    typed(app, "2026-02-30");
    assert_eq!(press(app, KeyCode::Enter), Effect::None);
    let Overlay::Plan(view) = &app.overlay else {
        panic!("no plan view");
    };
    assert_eq!(
        view.editor.as_ref().and_then(|e| e.error.as_deref()),
        Some(
            "“2026-02-30” is not a date; write the day to finish by as YYYY-MM-DD, e.g. 2027-06-30"
        )
    );
    assert_eq!(target(app), None);
    press_with(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typed(app, "2026-12-31");
    assert_eq!(press(app, KeyCode::Enter), Effect::Save);
    assert_eq!(target(app), NaiveDate::from_ymd_opt(2026, 12, 31));
    assert_eq!(app.ctx(), Ctx::PLAN, "back on the plan, which shows it");
    let Overlay::Plan(view) = &app.overlay else {
        panic!("no plan view");
    };
    assert!(
        view.verdict.starts_with("Target 2026-12-31: "),
        "{}",
        view.verdict
    );
    // Esc drops an edit and stays on the plan; an empty date clears it.
    ch(app, 'd');
    press(app, KeyCode::Esc);
    assert_eq!(app.ctx(), Ctx::PLAN);
    ch(app, 'd');
    press_with(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(press(app, KeyCode::Enter), Effect::Save);
    assert_eq!(target(app), None);
    ch(app, 'd');
    press_with(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(press(app, KeyCode::Enter), Effect::None, "nothing to clear");
}

#[test]
fn an_open_plan_follows_a_change_from_elsewhere() {
    let mut f = opened();
    let app = &mut f.app;
    ch(app, 'w');
    ch(app, 'j');
    // Another copy sets the date; the live reload refreshes the app.
    let id = app.roadmap().unwrap().id.clone();
    let (date, now) = (NaiveDate::from_ymd_opt(2027, 1, 31), app.now);
    app.store.progress_mut().set_target_date(&id, date, now);
    app.refresh();
    let Overlay::Plan(view) = &app.overlay else {
        panic!("the plan closed");
    };
    assert_eq!(
        view.verdict,
        "Target 2027-01-31: not known: no skill left has an estimate"
    );
    assert!(view.rows.contains(&PlanRow::Target(date.unwrap())));
}

#[test]
fn the_wheel_scrolls_the_plan_and_a_click_changes_nothing_under_it() {
    let mut f = super::fresh();
    let app = &mut f.app;
    let six = app.catalog.position("backend-six-phases").unwrap();
    super::highlight(app, six);
    press(app, KeyCode::Enter);
    ch(app, 'w');
    let before = app.store.progress().clone();
    let wheel = |down| crate::tui::action::Action::Scroll {
        column: 10,
        row: 10,
        down,
    };
    super::update(app, wheel(true));
    let Overlay::Plan(view) = &app.overlay else {
        panic!("no plan view");
    };
    assert_eq!(view.scroll, 3);
    super::update(app, wheel(false));
    let click = crate::tui::action::Action::Click { column: 10, row: 8 };
    assert_eq!(super::update(app, click), Effect::None);
    let Overlay::Plan(view) = &app.overlay else {
        panic!("no plan view");
    };
    assert_eq!(view.scroll, 0);
    assert_eq!(app.store.progress(), &before);
}
