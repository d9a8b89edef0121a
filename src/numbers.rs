//! Numbers said one way everywhere: the app, `status`, `export` and the
//! pace editor all go through these, so the same question gets the same
//! figure from every place that shows it.

use crate::forecast::Counts;

/// A percentage for people: rounded half up (1 of 8 is 13%, not the 12% of
/// Rust's round-half-to-even `{:.0}`), as a whole number 0–100. Only a
/// finished whole says 100: 199 of 200 is 99%, not a rounded-up 100%.
pub fn round_percent(percent: f64) -> u32 {
    if !percent.is_finite() || percent <= 0.0 {
        return 0;
    }
    // A tiny allowance, so that 12.5 computed as 12.499999999 rounds up too.
    let rounded = (percent + 0.5 + 1e-9).floor().min(100.0) as u32;
    if percent < 100.0 - 1e-9 {
        rounded.min(99)
    } else {
        rounded
    }
}

/// The skills that count towards the percent: all but the skipped ones.
/// Skipping a skill takes it out of what there is to learn, so `1 of 5`
/// when 2 of 7 are skipped.
pub fn wanted(c: &Counts) -> usize {
    c.total - c.skipped
}

/// The percent done, rounded half up, on the same base as [`wanted`].
pub fn percent_done(c: &Counts) -> u32 {
    round_percent(c.percent_done())
}

/// `1/5`: done of the skills that count, as the app's header and the phase
/// rows say it.
pub fn done_of(c: &Counts) -> String {
    format!("{}/{}", c.done, wanted(c))
}

/// Weekly hours as a learner reads them: one decimal at most, none when
/// whole (`10`, `9.1`, `0.5`).
pub fn hours(h: f64) -> String {
    let tenths = (h * 10.0).round() / 10.0;
    if (tenths - tenths.round()).abs() < 1e-9 {
        format!("{tenths:.0}")
    } else {
        format!("{tenths:.1}")
    }
}

/// Reads a weekly pace in hours, as the app's pace editor and `trailmark
/// pace` take it: a number more than 0 and at most 168.
pub fn parse_pace(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(h) if h.is_finite() && h > 0.0 && h <= 168.0 => Ok(h),
        _ => Err(format!(
            "“{}” is not a weekly pace; give the hours you study per week, more than 0 and at most 168 (e.g. 10)",
            crate::text::inert(text.trim())
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_as_a_learner_writes_them() {
        assert_eq!(hours(9.068_888_888_888_889), "9.1");
        assert_eq!(hours(10.0), "10");
        assert_eq!(hours(9.96), "10");
        assert_eq!(hours(0.5), "0.5");
    }

    #[test]
    fn percentages_round_half_up() {
        assert_eq!(round_percent(100.0 / 8.0), 13);
        assert_eq!(round_percent(37.5), 38);
        assert_eq!(round_percent(12.49), 12);
        assert_eq!(round_percent(0.0), 0);
        assert_eq!(round_percent(100.0), 100);
        assert_eq!(round_percent(99.5), 99);
        assert_eq!(round_percent(f64::NAN), 0);
    }

    #[test]
    fn count_and_percent_share_one_base() {
        let c = Counts {
            total: 7,
            done: 1,
            skipped: 2,
            todo: 4,
            doing: 0,
        };
        assert_eq!(done_of(&c), "1/5");
        assert_eq!(percent_done(&c), 20);
    }

    #[test]
    fn a_pace_is_more_than_zero_and_at_most_a_week() {
        assert_eq!(parse_pace(" 10 "), Ok(10.0));
        for bad in ["0", "-3", "abc", "169", "NaN"] {
            assert!(parse_pace(bad).is_err(), "{bad}");
        }
    }
}
