//! Time estimates: the `4-6 weeks` / `2–3 months` text of roadmap files and
//! the week ranges every calculation works in.
//!
//! Everything is a range because the sources give ranges; collapsing them to
//! a midpoint would claim a precision the authors never did. For the same
//! reason an [`Estimate`] keeps the unit its source wrote it in: an article's
//! "1 month" is shown as `1 month (≈4.3 weeks)`, never as a bare `4.3 weeks`.
//! Every calculation still works in [`Weeks`]; the unit only says how to show
//! them, and [`Estimate`]'s `Display` is the one place that does.

use std::fmt;
use std::ops::{Add, AddAssign};

use serde::{Deserialize, Serialize};

mod own;
mod parse;

pub use own::{OwnEstimateError, parse_own, parse_own_estimate};
pub use parse::{EstimateError, from_number, parse};

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

/// The unit an estimate is written in. Only display uses it; every
/// calculation works in weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// `week`/`weeks`, and a bare number.
    #[default]
    Weeks,
    /// `month`/`months`: 52/12 weeks each.
    Months,
}

impl Unit {
    /// Weeks in one of this unit: 1, or 52/12 for a month.
    pub fn in_weeks(self) -> f64 {
        match self {
            Unit::Weeks => 1.0,
            Unit::Months => WEEKS_PER_MONTH,
        }
    }

    fn name(self, one: bool) -> &'static str {
        match (self, one) {
            (Unit::Weeks, true) => "week",
            (Unit::Weeks, false) => "weeks",
            (Unit::Months, true) => "month",
            (Unit::Months, false) => "months",
        }
    }
}

/// An estimate as its source states it: the span in weeks that every
/// calculation uses, and the unit it was written in, so that it is shown the
/// way the source wrote it (`2–3 months (≈8.7–13 weeks)`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub weeks: Weeks,
    /// The unit of the text it was read from; a bare number is in weeks.
    pub unit: Unit,
}

impl Estimate {
    /// An estimate written in weeks.
    pub fn in_weeks(weeks: Weeks) -> Self {
        Self {
            weeks,
            unit: Unit::Weeks,
        }
    }

    /// Reads an estimate given as text, keeping its unit: `2–3 months` is
    /// 8.67–13 weeks shown in months. See [`parse`] for the syntax.
    ///
    /// ```
    /// use trailmark::estimate::{Estimate, Unit};
    ///
    /// let e = Estimate::parse("1 month").unwrap();
    /// assert_eq!(e.unit, Unit::Months);
    /// assert_eq!(e.to_string(), "1 month (≈4.3 weeks)");
    /// ```
    pub fn parse(text: &str) -> Result<Self, EstimateError> {
        parse::with_unit(text)
    }
}

impl Serialize for Estimate {
    /// `{"min": 2, "max": 3, "unit": "months"}`: the amount in the unit it
    /// was written in, to three decimals (months are stored as weeks).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let per = self.unit.in_weeks();
        let amount = |w: f64| (w / per * 1000.0).round() / 1000.0;
        let mut out = s.serialize_struct("Estimate", 3)?;
        out.serialize_field("min", &amount(self.weeks.min))?;
        out.serialize_field("max", &amount(self.weeks.max))?;
        out.serialize_field("unit", &self.unit)?;
        out.end()
    }
}

impl fmt::Display for Estimate {
    /// `4–6 weeks`, `1 week`; other units with their weeks after them:
    /// `1 month (≈4.3 weeks)`, `9–11 months (≈39–47.7 weeks)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.unit == Unit::Weeks {
            return write!(f, "{}", self.weeks);
        }
        let per = self.unit.in_weeks();
        let (lo, hi) = (fmt_num(self.weeks.min / per), fmt_num(self.weeks.max / per));
        let unit = self.unit.name(hi == "1");
        if lo == hi {
            write!(f, "{lo} {unit} (≈{})", self.weeks)
        } else {
            write!(f, "{lo}–{hi} {unit} (≈{})", self.weeks)
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
    /// The unit all the estimates summed were written in (`3–4 months` and
    /// `3 months` total `6–7 months`); weeks as soon as units are mixed or
    /// plain week counts (such as remaining time) are added.
    pub unit: Unit,
}

impl Total {
    /// Adds a span of weeks, such as a computed remaining time.
    pub fn add_weeks(&mut self, weeks: Weeks) {
        self.add(Estimate::in_weeks(weeks));
    }

    /// Adds an estimate; the total keeps its unit while every part shares it.
    pub fn add(&mut self, estimate: Estimate) {
        self.unit = match self.weeks {
            None => estimate.unit,
            Some(_) if self.unit == estimate.unit => self.unit,
            Some(_) => Unit::Weeks,
        };
        self.weeks = Some(self.weeks.unwrap_or(Weeks::ZERO) + estimate.weeks);
    }

    /// Adds another total: weeks sum, unestimated counts add up.
    pub fn absorb(&mut self, other: Total) {
        if let Some(weeks) = other.weeks {
            self.add(Estimate {
                weeks,
                unit: other.unit,
            });
        }
        self.unestimated += other.unestimated;
    }

    /// The estimated part in its unit, for display.
    pub fn estimate(&self) -> Option<Estimate> {
        self.weeks.map(|weeks| Estimate {
            weeks,
            unit: self.unit,
        })
    }
}

impl fmt::Display for Total {
    /// `24 weeks`, `4–6 weeks +3 unestimated`, `9–11 months (≈39–47.7 weeks)`,
    /// `unestimated (3 skills)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.estimate(), self.unestimated) {
            (Some(w), 0) => write!(f, "{w}"),
            (Some(w), n) => write!(f, "{w} +{n} unestimated"),
            (None, 0) => write!(f, "nothing to do"),
            (None, n) => write!(f, "unestimated ({n} skill{})", plural(n)),
        }
    }
}

/// `skill` or `skills`, for [`Total`]'s text.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_compactly() {
        assert_eq!(Weeks::exact(24.0).to_string(), "24 weeks");
        assert_eq!(Weeks::exact(1.0).to_string(), "1 week");
        assert_eq!(Weeks::range(4.0, 6.0).to_string(), "4–6 weeks");
        assert_eq!(Weeks::range(8.666_666, 13.0).short(), "8.7–13w");
        let t = Total {
            weeks: Some(Weeks::exact(2.0)),
            unestimated: 3,
            unit: Unit::Weeks,
        };
        assert_eq!(t.to_string(), "2 weeks +3 unestimated");
    }

    #[test]
    fn an_estimate_is_shown_in_the_unit_it_was_written_in() {
        let shown = |text: &str| Estimate::parse(text).unwrap().to_string();
        assert_eq!(shown("1 month"), "1 month (≈4.3 weeks)");
        assert_eq!(shown("2–3 months"), "2–3 months (≈8.7–13 weeks)");
        assert_eq!(shown("3 months"), "3 months (≈13 weeks)");
        assert_eq!(shown("4-6 weeks"), "4–6 weeks");
        assert_eq!(shown("3"), "3 weeks");
        assert_eq!(
            Estimate::parse("1 mo").map(|e| e.unit),
            Ok(Unit::Months),
            "every spelling of a month keeps the unit"
        );
    }

    #[test]
    fn a_total_keeps_a_unit_its_parts_share_and_drops_a_mixed_one() {
        let month = |text: &str| Estimate::parse(text).unwrap();
        let mut stages = Total::default();
        for text in ["3–4 months", "3–4 months", "3 months"] {
            stages.add(month(text));
        }
        assert_eq!(stages.to_string(), "9–11 months (≈39–47.7 weeks)");
        let mut mixed = stages;
        mixed.add(month("2 weeks"));
        assert_eq!(mixed.unit, Unit::Weeks);
        assert_eq!(mixed.to_string(), "41–49.7 weeks");
        // A computed span of weeks (remaining time) is in weeks.
        let mut left = Total::default();
        left.absorb(stages);
        left.add_weeks(Weeks::exact(1.0));
        assert_eq!(left.unit, Unit::Weeks);
        // An empty total takes the unit of what is absorbed first.
        let mut all = Total::default();
        all.absorb(Total {
            weeks: None,
            unestimated: 2,
            unit: Unit::Weeks,
        });
        all.absorb(stages);
        assert_eq!(
            all.to_string(),
            "9–11 months (≈39–47.7 weeks) +2 unestimated"
        );
    }
}
