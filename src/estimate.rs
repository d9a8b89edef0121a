//! Time estimates: the `4-6 weeks` / `2–3 months` text of roadmap files and
//! the week ranges every calculation works in.
//!
//! Everything is a range because the sources give ranges; collapsing them to
//! a midpoint would claim a precision the authors never did.

use std::fmt;
use std::ops::{Add, AddAssign};

use serde::{Deserialize, Serialize};

/// Weeks in a month, as the roadmap format defines it (52 weeks / 12 months).
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// The longest estimate accepted, in years: far beyond any learning path, and
/// small enough that totals and finish dates stay ordinary numbers (before
/// it, `99999999999999999999 weeks` loaded and a phase showed 10^11 weeks).
pub const MAX_YEARS: u32 = 10;

/// [`MAX_YEARS`] in weeks (52 weeks a year, as months are 52/12 weeks).
pub const MAX_WEEKS: f64 = 520.0;

/// A span of time in weeks, `min <= max`, both finite and non-negative.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Weeks {
    pub min: f64,
    pub max: f64,
}

impl Weeks {
    pub const ZERO: Self = Self { min: 0.0, max: 0.0 };

    pub fn exact(weeks: f64) -> Self {
        Self {
            min: weeks,
            max: weeks,
        }
    }

    pub fn range(min: f64, max: f64) -> Self {
        Self { min, max }
    }

    pub fn is_zero(self) -> bool {
        self.max <= f64::EPSILON
    }

    /// Multiplies both ends, e.g. to scale by a pace ratio or a share of a phase.
    #[must_use]
    pub fn scale(self, factor: f64) -> Self {
        Self {
            min: self.min * factor,
            max: self.max * factor,
        }
    }

    /// The midpoint, for places that need one number (charts, forecasts).
    pub fn mid(self) -> f64 {
        f64::midpoint(self.min, self.max)
    }
}

impl Add for Weeks {
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        Self {
            min: self.min + rhs.min,
            max: self.max + rhs.max,
        }
    }
}

impl AddAssign for Weeks {
    fn add_assign(&mut self, rhs: Self) {
        *self = *self + rhs;
    }
}

/// Formats a week count without noise: `4`, `4.3`, `0.5`.
fn fmt_num(n: f64) -> String {
    if n.abs() >= 1e15 || !n.is_finite() {
        // Past what an `i64` of tenths holds; only error messages show these.
        return format!("{n}");
    }
    let rounded = (n * 10.0).round() / 10.0;
    if (rounded - rounded.round()).abs() < 1e-9 {
        format!("{}", rounded.round() as i64)
    } else {
        format!("{rounded:.1}")
    }
}

impl fmt::Display for Weeks {
    /// `4 weeks`, `4–6 weeks`, `1 week`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (lo, hi) = (fmt_num(self.min), fmt_num(self.max));
        let unit = if hi == "1" { "week" } else { "weeks" };
        if lo == hi {
            write!(f, "{lo} {unit}")
        } else {
            write!(f, "{lo}–{hi} {unit}")
        }
    }
}

impl Weeks {
    /// Compact form for narrow columns: `4w`, `4–6w`.
    pub fn short(&self) -> String {
        let (lo, hi) = (fmt_num(self.min), fmt_num(self.max));
        if lo == hi {
            format!("{lo}w")
        } else {
            format!("{lo}–{hi}w")
        }
    }
}

/// A total over several skills: the estimated part plus how many skills had
/// no estimate, so a sum is never silently presented as complete.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Total {
    /// `None` when nothing at all was estimated.
    pub weeks: Option<Weeks>,
    pub unestimated: usize,
}

impl Total {
    pub fn add_weeks(&mut self, weeks: Weeks) {
        self.weeks = Some(self.weeks.unwrap_or(Weeks::ZERO) + weeks);
    }

    /// Adds another total: weeks sum, unestimated counts add up.
    pub fn absorb(&mut self, other: Total) {
        if let Some(w) = other.weeks {
            self.add_weeks(w);
        }
        self.unestimated += other.unestimated;
    }
}

impl fmt::Display for Total {
    /// `24 weeks`, `4–6 weeks +3 unestimated`, `unestimated (3 skills)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.weeks, self.unestimated) {
            (Some(w), 0) => write!(f, "{w}"),
            (Some(w), n) => write!(f, "{w} +{n} unestimated"),
            (None, 0) => write!(f, "nothing to do"),
            (None, n) => write!(f, "unestimated ({n} skill{})", plural(n)),
        }
    }
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

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
    let t = text.trim();
    if t.is_empty() {
        return Err(EstimateError::Empty);
    }
    let split = t.find(|c: char| c.is_alphabetic()).unwrap_or(t.len());
    let (amount, unit) = (t[..split].trim(), t[split..].trim().to_lowercase());
    let per_unit = match unit.as_str() {
        "" | "w" | "wk" | "wks" | "week" | "weeks" => 1.0,
        "month" | "months" | "mo" => WEEKS_PER_MONTH,
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
    check(lo * per_unit, hi * per_unit, t)
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

    #[test]
    fn displays_compactly() {
        assert_eq!(Weeks::exact(24.0).to_string(), "24 weeks");
        assert_eq!(Weeks::exact(1.0).to_string(), "1 week");
        assert_eq!(Weeks::range(4.0, 6.0).to_string(), "4–6 weeks");
        assert_eq!(Weeks::range(8.666_666, 13.0).short(), "8.7–13w");
        let t = Total {
            weeks: Some(Weeks::exact(2.0)),
            unestimated: 3,
        };
        assert_eq!(t.to_string(), "2 weeks +3 unestimated");
    }
}
