//! A learner's own estimate, typed in the app's estimate editor or given to
//! `trailmark estimate`: the roadmap syntax, with messages that advise the
//! learner (a roadmap file's advice, "leave `estimate` out", would not fit).

use super::{Estimate, EstimateError, MAX_WEEKS, MAX_YEARS, Weeks};

/// Why a learner's own estimate cannot be used; the message says what to
/// type instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct OwnEstimateError(pub String);

/// Reads the learner's own estimate: `3`, `2-4 weeks`, `1 month`.
pub fn parse_own(text: &str) -> Result<Weeks, OwnEstimateError> {
    parse_own_estimate(text).map(|e| e.weeks)
}

/// As [`parse_own`], keeping the unit it was written in, to answer in it
/// (`1 month (≈4.3 weeks)`); progress keeps only the weeks.
pub fn parse_own_estimate(text: &str) -> Result<Estimate, OwnEstimateError> {
    // What shows as `0 weeks` or `0 months` (under 0.05 of the unit) is as
    // useless as 0, and refused alike. Only typed estimates are: a progress
    // file holding one from an older trailmark still loads.
    let shows_as_zero = |e: &Estimate| super::fmt_num(e.weeks.max / e.unit.in_weeks()) == "0";
    let parsed = Estimate::parse(text).and_then(|e| {
        if shows_as_zero(&e) {
            Err(EstimateError::Zero)
        } else {
            Ok(e)
        }
    });
    parsed.map_err(advice)
}

/// The parser's error, with advice for a learner rather than a roadmap author.
fn advice(err: EstimateError) -> OwnEstimateError {
    OwnEstimateError(match err {
        EstimateError::Empty => "the estimate is empty; type the time this skill will take you, e.g. `3` (weeks) or `2-4 weeks`, or clear your estimate to use the roadmap's again".to_owned(),
        EstimateError::Zero => "the estimate is zero; type the time this skill will take you, e.g. `1 week` or `2-4 weeks` (a skill you do not need: mark it skipped instead)".to_owned(),
        EstimateError::TooLong => format!("the estimate is over {MAX_YEARS} years ({MAX_WEEKS} weeks), the longest an estimate may be; type the time this skill will take you, e.g. `6 months`"),
        other => other.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_advice_fits_a_learner_not_a_roadmap_file() {
        let zero = parse_own("0").unwrap_err().to_string();
        assert!(
            zero.starts_with("the estimate is zero; type the time"),
            "{zero}"
        );
        assert!(!zero.contains("leave `estimate` out"), "{zero}");
        assert!(!parse_own("9999").unwrap_err().0.contains("leave it out"));
        assert_eq!(parse_own("2-4 weeks"), Ok(Weeks::range(2.0, 4.0)));
    }

    #[test]
    fn what_shows_as_zero_is_refused_as_zero() {
        let zero = parse_own("0").unwrap_err();
        for text in ["0.0001", "0.04", "0.0001 weeks", "0.01 months", "0-0.04"] {
            assert_eq!(parse_own(text), Err(zero.clone()), "{text}");
        }
        assert_eq!(parse_own("0.05"), Ok(Weeks::exact(0.05)));
        assert_eq!(parse_own("0-2"), Ok(Weeks::range(0.0, 2.0)));
        assert_eq!(
            parse_own_estimate("1 month").unwrap().to_string(),
            "1 month (≈4.3 weeks)"
        );
    }
}
