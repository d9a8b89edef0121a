//! A learner's own estimate, typed in the app's estimate editor or given to
//! `trailmark estimate`: the roadmap syntax, with messages that advise the
//! learner (a roadmap file's advice, "leave `estimate` out", would not fit).

use super::{EstimateError, MAX_WEEKS, MAX_YEARS, Weeks, parse};

/// Why a learner's own estimate cannot be used; the message says what to
/// type instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct OwnEstimateError(pub String);

/// Reads the learner's own estimate: `3`, `2-4 weeks`, `1 month`.
pub fn parse_own(text: &str) -> Result<Weeks, OwnEstimateError> {
    parse(text).map_err(|err| {
        OwnEstimateError(match err {
            EstimateError::Empty => "the estimate is empty; type the time this skill will take you, e.g. `3` (weeks) or `2-4 weeks`, or clear your estimate to use the roadmap's again".to_owned(),
            EstimateError::Zero => "the estimate is zero; type the time this skill will take you, e.g. `1 week` or `2-4 weeks` (a skill you do not need: mark it skipped instead)".to_owned(),
            EstimateError::TooLong => format!("the estimate is over {MAX_YEARS} years ({MAX_WEEKS} weeks), the longest an estimate may be; type the time this skill will take you, e.g. `6 months`"),
            other => other.to_string(),
        })
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
}
