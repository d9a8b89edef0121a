//! The estimate syntax of roadmap files: `3`, `1 week`, `4-6 weeks`,
//! `2–3 months`, and why a text is not an estimate.

use super::{Estimate, MAX_WEEKS, MAX_YEARS, Unit, Weeks, fmt_num};

/// Why an estimate could not be read. Each message ends with what to write instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EstimateError {
    #[error("the estimate is empty; write a number of weeks (`3`) or text like `2-3 weeks`")]
    Empty,
    #[error(
        "cannot read `{0}` as an estimate; write a number of weeks (`3`) or text like `1 week`, `4-6 weeks`, `2–3 months`"
    )]
    Unparsable(String),
    #[error("unknown unit `{0}` in the estimate; use `week`/`weeks` or `month`/`months`")]
    UnknownUnit(String),
    #[error(
        "the estimate is zero; give the time it takes, e.g. `1 week`, or leave `estimate` out if the source gives none"
    )]
    Zero,
    #[error(
        "the estimate `{0}` is negative; an estimate is an amount of time, so write it without the minus sign"
    )]
    Negative(String),
    #[error("the range `{0}` runs backwards; write the smaller number first, e.g. `{1}`")]
    Backwards(String, String),
    #[error("the estimate `{0}` is not a finite number; write a number of weeks such as `3`")]
    NotFinite(String),
    #[error(
        "the estimate is over {MAX_YEARS} years ({MAX_WEEKS} weeks), the longest an estimate may be; give the time it really takes, e.g. `6 months`, or leave it out"
    )]
    TooLong,
}

/// Reads a number of weeks given as a YAML number.
pub fn from_number(n: f64) -> Result<Weeks, EstimateError> {
    check(n, n, &fmt_num(n))
}

/// Reads an estimate given as text: `1 week`, `4-6 weeks`, `2–3 months`,
/// or a bare number of weeks.
///
/// ```
/// use trailmark::estimate::{parse, Weeks};
///
/// assert_eq!(parse("4-6 weeks"), Ok(Weeks::range(4.0, 6.0)));
/// assert_eq!(parse("3 months").map(|w| w.min), Ok(13.0));
/// assert!(parse("a few weeks").is_err());
/// ```
pub fn parse(text: &str) -> Result<Weeks, EstimateError> {
    with_unit(text).map(|e| e.weeks)
}

pub(super) fn with_unit(text: &str) -> Result<Estimate, EstimateError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(EstimateError::Empty);
    }
    let split = t.find(|c: char| c.is_alphabetic()).unwrap_or(t.len());
    let (amount, unit) = (t[..split].trim(), t[split..].trim().to_lowercase());
    let written = match unit.as_str() {
        "" | "w" | "wk" | "wks" | "week" | "weeks" => Unit::Weeks,
        "month" | "months" | "mo" => Unit::Months,
        _ if amount.is_empty() => return Err(EstimateError::Unparsable(t.to_owned())),
        other => return Err(EstimateError::UnknownUnit(other.to_owned())),
    };
    let (lo, hi) = split_range(amount).ok_or_else(|| EstimateError::Unparsable(t.to_owned()))?;
    if lo > hi {
        let fixed = format!("{}-{} {}", fmt_num(hi), fmt_num(lo), unit);
        return Err(EstimateError::Backwards(
            t.to_owned(),
            fixed.trim().to_owned(),
        ));
    }
    let per_unit = written.in_weeks();
    check(lo * per_unit, hi * per_unit, t).map(|weeks| Estimate {
        weeks,
        unit: written,
    })
}

/// `4`, `4-6`, `4–6`, `4 - 6`; a leading `-` is a negative number, not a range.
fn split_range(amount: &str) -> Option<(f64, f64)> {
    let num = |s: &str| s.trim().parse::<f64>().ok();
    if let Some(single) = num(amount) {
        return Some((single, single));
    }
    let body = amount.strip_prefix('-').unwrap_or(amount);
    let sign = if body.len() < amount.len() { -1.0 } else { 1.0 };
    let (a, b) = body.split_once(['-', '–', '—'])?;
    Some((sign * num(a)?, num(b)?))
}

fn check(min: f64, max: f64, shown: &str) -> Result<Weeks, EstimateError> {
    if !min.is_finite() || !max.is_finite() {
        return Err(EstimateError::NotFinite(shown.to_owned()));
    }
    if min < 0.0 || max < 0.0 {
        return Err(EstimateError::Negative(shown.to_owned()));
    }
    if max == 0.0 {
        return Err(EstimateError::Zero);
    }
    // A hair of slack, so that `120 months` (520.0000000000001 weeks) is 10 years.
    if max > MAX_WEEKS * (1.0 + 1e-12) {
        return Err(EstimateError::TooLong);
    }
    Ok(Weeks { min, max })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::WEEKS_PER_MONTH;

    #[test]
    fn parses_units_and_ranges() {
        assert_eq!(parse("1 week"), Ok(Weeks::exact(1.0)));
        assert_eq!(parse("4-6 weeks"), Ok(Weeks::range(4.0, 6.0)));
        assert_eq!(parse("4 – 6 weeks"), Ok(Weeks::range(4.0, 6.0)));
        assert_eq!(parse("3"), Ok(Weeks::exact(3.0)));
        let m = parse("2–3 months").unwrap();
        assert!((m.min - 2.0 * 52.0 / 12.0).abs() < 1e-9);
        assert!((m.max - 13.0).abs() < 1e-9);
        assert!((parse("1 Month").unwrap().min - WEEKS_PER_MONTH).abs() < 1e-12);
    }

    #[test]
    fn rejects_bad_estimates_with_a_reason() {
        assert_eq!(parse(""), Err(EstimateError::Empty));
        assert_eq!(parse("0 weeks"), Err(EstimateError::Zero));
        assert_eq!(
            parse("-2 weeks"),
            Err(EstimateError::Negative("-2 weeks".into()))
        );
        assert_eq!(
            parse("6-4 weeks"),
            Err(EstimateError::Backwards(
                "6-4 weeks".into(),
                "4-6 weeks".into()
            ))
        );
        assert_eq!(
            parse("3 days"),
            Err(EstimateError::UnknownUnit("days".into()))
        );
        assert_eq!(parse("soon"), Err(EstimateError::Unparsable("soon".into())));
        assert_eq!(
            parse("a few weeks"),
            Err(EstimateError::Unparsable("a few weeks".into()))
        );
        assert!(from_number(f64::NAN).is_err());
        assert!(from_number(-1.0).is_err());
    }

    #[test]
    fn estimates_stop_at_ten_years() {
        assert!((MAX_WEEKS - f64::from(MAX_YEARS) * 52.0).abs() < f64::EPSILON);
        assert_eq!(parse("520 weeks"), Ok(Weeks::exact(520.0)));
        assert!(parse("120 months").is_ok());
        assert!(parse("10-120 months").is_ok());
        assert_eq!(
            parse("99999999999999999999 weeks"),
            Err(EstimateError::TooLong)
        );
        assert_eq!(parse("4-521 weeks"), Err(EstimateError::TooLong));
        assert_eq!(parse("121 months"), Err(EstimateError::TooLong));
        assert_eq!(from_number(1e20), Err(EstimateError::TooLong));
        // The message quotes no number: YAML may have read one other than
        // the author wrote (`99999999999999999999` is read as 1e20).
        assert_eq!(
            EstimateError::TooLong.to_string(),
            "the estimate is over 10 years (520 weeks), the longest an estimate may be; give the time it really takes, e.g. `6 months`, or leave it out"
        );
    }

    #[test]
    fn accepts_the_documented_units_and_no_others() {
        // roadmaps/README.md lists exactly these.
        for unit in ["", "w", "wk", "wks", "week", "weeks", "WEEKS", "Wk"] {
            assert_eq!(parse(&format!("2 {unit}")), Ok(Weeks::exact(2.0)), "{unit}");
        }
        for unit in ["mo", "month", "months", "Months", "MO"] {
            assert_eq!(
                parse(&format!("3 {unit}")),
                Ok(Weeks::exact(13.0)),
                "{unit}"
            );
        }
        for unit in [
            "d", "days", "y", "years", "h", "hours", "weeks.", "mos", "m",
        ] {
            assert!(
                matches!(
                    parse(&format!("2 {unit}")),
                    Err(EstimateError::UnknownUnit(_))
                ),
                "{unit}"
            );
        }
        for range in ["4-6 weeks", "4–6 weeks", "4—6 weeks", "4 - 6 weeks", "4–6w"] {
            assert_eq!(parse(range), Ok(Weeks::range(4.0, 6.0)), "{range}");
        }
        assert_eq!(parse("1.5 weeks"), Ok(Weeks::exact(1.5)));
    }
}
