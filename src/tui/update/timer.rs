//! `T`, the study timer, and the question about a timer left running when
//! the app last closed.

use crate::progress::Minutes;
use crate::text::clean;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Logged};

/// `T`: stops the running timer (logging its time), else starts one on the
/// selected skill. Starting writes the state file at once, so a timer
/// outlives a crash.
pub(super) fn toggle(app: &mut App) -> Effect {
    if let Some((timer, logged)) = app.stop_timer() {
        let title = clean(&app.timer_skill_title(&timer));
        return match logged {
            Logged::Nothing => {
                app.info(format!(
                    "Timer on “{title}” stopped under a minute: nothing logged"
                ));
                Effect::KeepPlace
            }
            Logged::Minutes(m) => {
                app.info(format!(
                    "Timer stopped: logged {} on “{title}”",
                    Minutes(u64::from(m))
                ));
                Effect::SaveThenKeepPlace
            }
            Logged::Capped => {
                app.info(format!(
                    "Timer stopped: logged 24h on “{title}”, the most one session takes"
                ));
                Effect::SaveThenKeepPlace
            }
            Logged::DayFull(0) => {
                app.info(format!(
                    "Timer on “{title}” stopped: nothing logged, its day already holds 24h of study"
                ));
                Effect::KeepPlace
            }
            Logged::DayFull(m) => {
                app.info(format!(
                    "Timer stopped: logged {} on “{title}”, all that fits in its day (a day holds 24h of study)",
                    Minutes(u64::from(m))
                ));
                Effect::SaveThenKeepPlace
            }
        };
    }
    if !app.skill_on_screen() {
        app.info("Open the phase first (Enter): the timer runs on the selected skill");
        return Effect::None;
    }
    if !app.start_timer() {
        return Effect::None;
    }
    let title = app
        .timer()
        .map(|t| clean(&app.timer_skill_title(t)))
        .unwrap_or_default();
    app.info(format!(
        "Timer started on “{title}”; T stops it and logs the time"
    ));
    Effect::KeepPlace
}

/// The question about a timer left running: `k` keeps it, `d` drops it.
pub(super) fn left(app: &mut App, action: &Action) -> Effect {
    let keep = match action {
        Action::Yes => true,
        Action::No => false,
        _ => return Effect::None,
    };
    let (message, logged) = app.settle_timer_left(keep);
    app.info(message);
    if logged {
        Effect::SaveThenKeepPlace
    } else {
        Effect::KeepPlace
    }
}
