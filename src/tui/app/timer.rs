//! The study timer (`T`): started on the selected skill, shown in the
//! header while it runs, and logged as a study session when it stops. It is
//! kept in the per-machine state file ([`Places::timer`](crate::state::Places))
//! while it runs, so a timer still running when the app closed is offered
//! at the next start: kept (logged from its start until the app closed) or
//! dropped.

use chrono::{DateTime, Utc};

use super::{App, Overlay};
use crate::forecast::local_day;
use crate::progress::{MAX_SESSION_MINUTES, Minutes};
use crate::state::StudyTimer;

/// What stopping a timer came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Logged {
    /// Under a minute: nothing logged.
    Nothing,
    /// These minutes were logged.
    Minutes(u32),
    /// More than a day: a day was logged (the most one entry takes).
    Capped,
    /// The day it started already held study: only these minutes fitted
    /// into its 24 hours (over every roadmap), and were logged; 0 for none.
    DayFull(u32),
}

/// Whole minutes from `started` to `until`, rounded to the nearest.
pub fn minutes_between(started: DateTime<Utc>, until: DateTime<Utc>) -> i64 {
    ((until - started).num_seconds() + 30).div_euclid(60)
}

impl App {
    /// The running timer, if any.
    pub fn timer(&self) -> Option<&StudyTimer> {
        self.places.timer.as_ref()
    }

    /// The timer left running when the app last closed, while the app asks
    /// what to do with it.
    pub fn timer_left(&self) -> Option<&StudyTimer> {
        self.timer_left.as_ref()
    }

    /// The title of the timer's skill when its roadmap is loaded, else its id.
    pub fn timer_skill_title(&self, timer: &StudyTimer) -> String {
        self.catalog
            .get(&timer.roadmap)
            .and_then(|e| {
                let (pi, si) = e.roadmap.find_skill(&timer.skill)?;
                Some(e.roadmap.phases[pi].skills[si].title.clone())
            })
            .unwrap_or_else(|| timer.skill.clone())
    }

    /// Starts a timer on the selected skill now. Returns whether it started.
    pub fn start_timer(&mut self) -> bool {
        let (Some(roadmap), Some(skill)) = (self.roadmap(), self.current_skill()) else {
            return false;
        };
        let timer = StudyTimer {
            roadmap: roadmap.id.clone(),
            skill: skill.id.clone(),
            record: crate::progress::skill_record_id(&roadmap.id, skill),
            started: self.now,
            closed: None,
        };
        self.places.timer = Some(timer);
        true
    }

    /// Stops the running timer and logs its time until now. `None` when no
    /// timer runs.
    pub fn stop_timer(&mut self) -> Option<(StudyTimer, Logged)> {
        let timer = self.places.timer.take()?;
        let logged = self.log_timer(&timer, self.now);
        Some((timer, logged))
    }

    /// Logs a timer's time from its start until `until` as a study session
    /// on the local day it started.
    fn log_timer(&mut self, timer: &StudyTimer, until: DateTime<Utc>) -> Logged {
        let minutes = minutes_between(timer.started, until);
        if minutes < 1 {
            return Logged::Nothing;
        }
        let (mut minutes, mut logged) = match u32::try_from(minutes) {
            Ok(m) if m <= MAX_SESSION_MINUTES => (m, Logged::Minutes(m)),
            _ => (MAX_SESSION_MINUTES, Logged::Capped),
        };
        let date = local_day(timer.started);
        // A day holds 24 hours of study over every roadmap, as `trailmark
        // log` checks: what does not fit is not logged.
        let before = self.store.progress().minutes_studied_on(date);
        let room =
            u32::try_from(u64::from(MAX_SESSION_MINUTES).saturating_sub(before)).unwrap_or(0);
        if minutes > room {
            if room == 0 {
                return Logged::DayFull(0);
            }
            (minutes, logged) = (room, Logged::DayFull(room));
        }
        let now = self.now;
        self.store
            .progress_mut()
            .log_study(&timer.roadmap, &timer.record, date, minutes, now);
        self.refresh();
        logged
    }

    /// At start: a timer the state file kept from the last run is set aside
    /// and the app asks whether to keep it.
    pub(super) fn offer_timer_left(&mut self) {
        if let Some(timer) = self.places.timer.take() {
            if self.timer_was_logged(&timer) {
                return;
            }
            self.timer_left = Some(timer);
            if matches!(self.overlay, Overlay::None | Overlay::Switcher(_)) {
                self.overlay = Overlay::TimerLeft;
            }
        }
    }

    /// Whether this timer's session is in the progress already: the app
    /// stopped it and saved the session, then ended before it could clear
    /// the state file. Offering it again would count the time twice. Told by
    /// the session's skill, and minutes that match its stamp.
    fn timer_was_logged(&self, timer: &StudyTimer) -> bool {
        self.store.progress().history.iter().any(|c| {
            c.study().is_some_and(|(id, _, minutes)| {
                let ran = minutes_between(timer.started, c.time());
                id == timer.record
                    && c.time() >= timer.started
                    && i64::from(minutes) == ran.clamp(1, i64::from(MAX_SESSION_MINUTES))
            })
        })
    }

    /// Answers the question about the timer left running: `keep` logs it
    /// until the app closed (or until now, when the app could not say when it
    /// closed), else it is dropped. Returns the message for the learner and
    /// whether a session was logged.
    pub fn settle_timer_left(&mut self, keep: bool) -> (String, bool) {
        self.overlay = Overlay::None;
        self.open_picker_if_needed();
        let Some(timer) = self.timer_left.take() else {
            return (String::new(), false);
        };
        let title = crate::text::clean(&self.timer_skill_title(&timer));
        if !keep {
            return (
                format!("Dropped the timer on “{title}”: nothing logged"),
                false,
            );
        }
        let until = timer.closed.unwrap_or(self.now);
        match self.log_timer(&timer, until) {
            Logged::Nothing => (
                format!("The timer on “{title}” ran under a minute: nothing logged"),
                false,
            ),
            Logged::Minutes(m) => (
                format!("Logged {} on “{title}”", Minutes(u64::from(m))),
                true,
            ),
            Logged::Capped => (
                format!(
                    "Logged 24h on “{title}”, the most one session takes (`trailmark log` adds more)"
                ),
                true,
            ),
            Logged::DayFull(0) => (
                format!(
                    "The timer on “{title}”: nothing logged, its day already holds 24h of study"
                ),
                false,
            ),
            Logged::DayFull(m) => (
                format!(
                    "Logged {} on “{title}”, all that fits in its day (a day holds 24h of study)",
                    Minutes(u64::from(m))
                ),
                true,
            ),
        }
    }

    /// The app is closing: a running timer notes when, so the next start can
    /// offer to log it until then; an unanswered question is asked again.
    pub fn timer_on_exit(&mut self, now: DateTime<Utc>) {
        if let Some(timer) = &mut self.places.timer {
            timer.closed.get_or_insert(now);
        } else if let Some(timer) = self.timer_left.take() {
            self.places.timer = Some(timer);
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn minutes_round_to_the_nearest() {
        let t = |s: i64| Utc.timestamp_opt(1_800_000_000 + s, 0).unwrap();
        assert_eq!(minutes_between(t(0), t(29)), 0);
        assert_eq!(minutes_between(t(0), t(30)), 1);
        assert_eq!(minutes_between(t(0), t(5400)), 90);
        assert_eq!(minutes_between(t(100), t(0)), -2);
    }
}
