//! The study timer: `T` starts and stops it, stopping logs a session, and a
//! timer left running when the app closed is offered at the next start.

use chrono::Duration;
use crossterm::event::KeyCode;

use super::{ch, now, opened, press, today};
use crate::catalog::{Catalog, Sources};
use crate::forecast::local_day;
use crate::progress::Store;
use crate::state::{Places, StudyTimer};
use crate::tui::Launch;
use crate::tui::action::Effect;
use crate::tui::app::{App, Overlay};
use crate::tui::keys::Ctx;
use crate::tui::theme::Theme;

fn sessions(app: &App) -> Vec<(String, chrono::NaiveDate, u32)> {
    app.store
        .progress()
        .study_sessions()
        .map(|(id, d, m)| (id.to_owned(), d, m))
        .collect()
}

#[test]
fn t_starts_a_timer_on_the_selected_skill_and_t_again_logs_it() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Tab);
    let skill = app.current_skill().unwrap().clone();
    assert_eq!(ch(app, 'T'), Effect::KeepPlace, "the state file keeps it");
    let timer = app.timer().unwrap().clone();
    assert_eq!(
        (timer.roadmap.as_str(), timer.started),
        ("backend-burger", now())
    );
    assert_eq!(timer.skill, skill.id);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("Timer started on “")
    );
    // Moving elsewhere does not stop it; 95 minutes later, T logs them.
    press(app, KeyCode::Down);
    app.now = now() + Duration::minutes(95) + Duration::seconds(10);
    assert_eq!(ch(app, 'T'), Effect::SaveThenKeepPlace);
    assert_eq!(app.timer(), None);
    assert_eq!(
        sessions(app),
        [(timer.record.clone(), local_day(now()), 95)]
    );
    let text = &app.message.as_ref().unwrap().text;
    assert_eq!(
        text,
        &format!("Timer stopped: logged 1h 35m on “{}”", skill.title)
    );
    assert!((app.view.measured.hours_logged - 95.0 / 60.0).abs() < 1e-9);
}

#[test]
fn under_a_minute_logs_nothing_and_a_day_is_the_most() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Tab);
    ch(app, 'T');
    app.now = now() + Duration::seconds(20);
    assert_eq!(ch(app, 'T'), Effect::KeepPlace);
    assert!(sessions(app).is_empty());
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .ends_with("under a minute: nothing logged")
    );
    ch(app, 'T');
    app.now += Duration::hours(30);
    assert_eq!(ch(app, 'T'), Effect::SaveThenKeepPlace);
    assert_eq!(sessions(app)[0].2, 24 * 60);
}

#[test]
fn the_timer_logs_only_what_fits_in_its_day_over_every_roadmap() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Tab);
    // 23 hours already logged that day, on another roadmap's skill.
    app.store.progress_mut().log_study(
        "backend-six-phases",
        "http",
        local_day(now()),
        23 * 60,
        now(),
    );
    ch(app, 'T');
    app.now = now() + Duration::hours(2);
    assert_eq!(ch(app, 'T'), Effect::SaveThenKeepPlace);
    assert_eq!(sessions(app)[1].2, 60);
    let title = app.current_skill().unwrap().title.clone();
    assert_eq!(
        app.message.as_ref().unwrap().text,
        format!(
            "Timer stopped: logged 1h on “{title}”, all that fits in its day (a day holds 24h of study)"
        )
    );
    // A full day (the one the next timer starts on, whatever the time
    // zone) takes nothing more.
    let day = local_day(app.now);
    let room = 24 * 60 - u32::try_from(app.store.progress().minutes_studied_on(day)).unwrap();
    if room > 0 {
        let at = app.now;
        app.store
            .progress_mut()
            .log_study("backend-six-phases", "http", day, room, at);
    }
    let before = sessions(app).len();
    ch(app, 'T');
    app.now += Duration::minutes(30);
    assert_eq!(ch(app, 'T'), Effect::KeepPlace);
    assert_eq!(sessions(app).len(), before);
    assert_eq!(
        app.message.as_ref().unwrap().text,
        format!("Timer on “{title}” stopped: nothing logged, its day already holds 24h of study")
    );
}

#[test]
fn the_timer_waits_for_the_skills_to_be_on_screen() {
    let mut f = opened();
    let app = &mut f.app;
    app.size = ratatui::layout::Size::new(40, 20);
    assert_eq!(ch(app, 'T'), Effect::None);
    assert_eq!(app.timer(), None);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("Open the phase first")
    );
}

/// An app started with a timer the state file kept.
fn started_with(timer: StudyTimer) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let places = Places {
        last_roadmap: Some("backend-six-phases".into()),
        timer: Some(timer),
        ..Places::default()
    };
    let launch = Launch {
        catalog: Catalog::load(&Sources::bundled_only()),
        store: Store::open(path.clone()),
        data_path: path,
        places: Some(places),
    };
    (dir, App::new(launch, now(), today(), Theme::NO_COLOR))
}

fn left_timer(closed: Option<chrono::DateTime<chrono::Utc>>) -> StudyTimer {
    StudyTimer {
        roadmap: "backend-six-phases".into(),
        skill: "http".into(),
        record: "http".into(),
        started: now() - Duration::hours(3),
        closed,
    }
}

#[test]
fn a_timer_left_running_is_kept_until_the_app_closed() {
    let (_dir, mut app) = started_with(left_timer(Some(now() - Duration::minutes(100))));
    assert!(matches!(app.overlay, Overlay::TimerLeft));
    assert_eq!(app.ctx(), Ctx::TIMER);
    assert_eq!(app.timer(), None, "not running in this run");
    assert_eq!(ch(&mut app, 'k'), Effect::SaveThenKeepPlace);
    assert_eq!(
        sessions(&app),
        [("http".to_owned(), local_day(now() - Duration::hours(3)), 80)]
    );
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Logged 1h 20m on “The HTTP protocol”"
    );
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.places.timer, None, "the state file forgets it");
}

#[test]
fn a_timer_left_running_can_be_dropped_and_a_killed_one_counts_until_now() {
    let (_dir, mut app) = started_with(left_timer(None));
    assert_eq!(ch(&mut app, 'd'), Effect::KeepPlace);
    assert!(sessions(&app).is_empty());
    assert_eq!(app.places.timer, None);
    let (_dir, mut app) = started_with(left_timer(None));
    ch(&mut app, 'k');
    assert_eq!(sessions(&app)[0].2, 180);
}

#[test]
fn closing_notes_when_and_an_unanswered_question_is_asked_again() {
    let mut f = opened();
    let app = &mut f.app;
    press(app, KeyCode::Tab);
    ch(app, 'T');
    let later = now() + Duration::minutes(5);
    app.timer_on_exit(later);
    assert_eq!(app.places.timer.as_ref().unwrap().closed, Some(later));
    let (_dir, mut app) = started_with(left_timer(None));
    app.timer_on_exit(now());
    assert_eq!(
        app.places.timer,
        Some(left_timer(None)),
        "offered again next time"
    );
}

#[test]
fn a_timer_already_logged_is_not_offered_twice() {
    let (dir, mut app) = started_with(left_timer(None));
    ch(&mut app, 'k');
    app.store.save().unwrap();
    drop(app);
    // The state file still had it (the app ended between the two writes).
    let path = dir.path().join("progress.yaml");
    let places = Places {
        timer: Some(left_timer(None)),
        ..Places::default()
    };
    let launch = Launch {
        catalog: Catalog::load(&Sources::bundled_only()),
        store: Store::open(path.clone()),
        data_path: path,
        places: Some(places),
    };
    let app = App::new(launch, now(), today(), Theme::NO_COLOR);
    assert!(!matches!(app.overlay, Overlay::TimerLeft));
    assert_eq!(sessions(&app).len(), 1);
}
