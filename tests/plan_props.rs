//! Properties of the week-by-week plan over the bundled roadmaps with random
//! statuses, own estimates, paces and days: every remaining skill exactly
//! once and in order, no week holding more than it can, and the finish the
//! one `status` gives at the same pace.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use trailmark::catalog::{Catalog, Sources};
use trailmark::estimate::Weeks;
use trailmark::forecast::{self, Index};
use trailmark::progress::{Progress, Status};
use trailmark::roadmap::Roadmap;

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog::load(&Sources::bundled_only()));

/// A roadmap, a status and maybe an own estimate (weeks) for each of its
/// skills (by position), the learner's pace, and today.
type Case = (usize, Vec<(Status, Option<f64>)>, Option<f64>, NaiveDate);

fn case() -> impl Strategy<Value = Case> {
    let n = CATALOG.entries.len();
    (
        0..n,
        prop::collection::vec(
            (
                prop::sample::select(Status::ALL.to_vec()),
                prop::option::weighted(0.2, prop::sample::select(vec![0.1, 0.5, 1.0, 2.5, 9.0])),
            ),
            80,
        ),
        prop::option::of(prop::sample::select(vec![0.5, 3.0, 10.0, 14.0, 40.0])),
        (0_u64..800).prop_map(|d| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::new(d)),
    )
}

fn progress(r: &Roadmap, marks: &[(Status, Option<f64>)], pace: Option<f64>) -> Progress {
    let mut p = Progress::default();
    let at = Utc.with_ymd_and_hms(2025, 12, 1, 12, 0, 0).unwrap();
    for ((_, skill), (status, own)) in r.skills().zip(marks.iter().cycle()) {
        p.set_status(&r.id, skill, *status, at);
        if let Some(w) = own {
            p.set_estimate(&r.id, skill, Some(Weeks::exact(*w)), at);
        }
    }
    p.set_pace(pace, None, at);
    p
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_remaining_skill_once_in_order_within_capacity((i, marks, pace, today) in case()) {
        let r = &CATALOG.entries[i].roadmap;
        let p = progress(r, &marks, pace);
        let index = Index::new(r, &p);
        let plan = forecast::plan(r, &p, &index, today, None);

        // Doing first, then roadmap order; the unestimated after all the rest.
        let summary_times: Vec<_> = index.times.iter().flatten().collect();
        let mut doing = Vec::new();
        let mut todo = Vec::new();
        for ((_, skill), time) in r.skills().zip(summary_times) {
            let status = p.status(&r.id, skill);
            let entry = (skill.id.clone(), time.is_some());
            match status {
                Status::Doing => doing.push(entry),
                Status::Todo => todo.push(entry),
                _ => {}
            }
        }
        doing.extend(todo);
        let want: Vec<String> = doing.iter().filter(|(_, t)| *t)
            .chain(doing.iter().filter(|(_, t)| !*t))
            .map(|(id, _)| id.clone())
            .collect();
        let got: Vec<String> = plan.weeks.iter().flat_map(|w| w.skills.clone()).collect();
        prop_assert_eq!(&got, &want);

        // Mondays, in order, from this week on; no week over what it holds.
        let this_week = forecast::week_start(today);
        let days_left = f64::from(7 - today.weekday().num_days_from_monday());
        for (n, w) in plan.weeks.iter().enumerate() {
            prop_assert_eq!(w.week_start.weekday(), chrono::Weekday::Mon);
            prop_assert!(w.week_start >= this_week);
            if n > 0 {
                prop_assert!(w.week_start > plan.weeks[n - 1].week_start);
            }
            let room = if w.week_start == this_week {
                plan.capacity * days_left / 7.0
            } else {
                plan.capacity
            };
            prop_assert!(w.weeks <= room + 1e-9, "{} holds {} of {}", w.week_start, w.weeks, room);
            prop_assert!(w.unestimated.iter().all(|id| w.skills.contains(id)));
        }

        // The finish is status's finish date by pace, at the same pace.
        let summary = forecast::summarize_timed(r, &p, &index.times);
        let fc = forecast::forecast(r, &p, &index, &summary, today);
        let estimated_left = doing.iter().any(|(_, t)| *t);
        if pace.is_some() && r.pace_hours_per_week.is_some() && estimated_left {
            prop_assert_eq!(plan.finish, fc.by_pace);
        }
        if !estimated_left {
            prop_assert_eq!(plan.finish, None);
        }
    }
}
