//! Unit tests of the status lines: why there is no finish date, the phase
//! column, and JSON weeks.

use super::*;
use crate::estimate::Total;

fn summary(weeks: Option<f64>, unestimated: usize) -> Summary {
    Summary {
        counts: Counts::default(),
        total: Total {
            weeks: weeks.map(|_| Weeks::exact(10.0)),
            unestimated,
            ..Total::default()
        },
        remaining: Total {
            weeks: weeks.map(Weeks::exact),
            unestimated,
            ..Total::default()
        },
    }
}

#[test]
fn no_finish_date_says_why() {
    assert_eq!(
        no_date_reason(&summary(None, 3)),
        Some("no time estimates to go on")
    );
    assert_eq!(
        no_date_reason(&summary(Some(0.0), 0)),
        Some("nothing left to do")
    );
    assert_eq!(no_date_reason(&summary(Some(0.0), 1)), None);
    assert_eq!(no_date_reason(&summary(Some(2.0), 0)), None);
}

#[test]
fn the_phase_column_never_shows_a_bare_dash_with_skills_left() {
    assert_eq!(remaining_short(&summary(None, 1)), "unestimated (1 skill)");
    assert_eq!(
        remaining_short(&summary(Some(2.0), 2)),
        "2 weeks +2 unestimated"
    );
    assert_eq!(
        remaining_short(&summary(Some(1.0), 0)),
        "1 week of 10 weeks"
    );
    // Nothing left and nothing estimated: no time to go, as the app says.
    assert_eq!(remaining_short(&summary(None, 0)), "0 weeks");
}

#[test]
fn json_weeks_drop_float_noise() {
    let w = round_weeks(Weeks::range(23.999_999_999_999_996, 8.0 / 3.0));
    assert_eq!((w.min, w.max), (24.0, 2.667));
}
