//! The hybrid logical clock (Kulkarni et al., "Logical Physical Clocks",
//! 2014) that orders every change in the progress file.
//!
//! Ordering merges by wall-clock time lets a machine whose clock runs ahead
//! win every merge, and a record stamped in the future could never be changed
//! again. A hybrid logical clock fixes both: each copy remembers the largest
//! stamp it has read, and a change made here is stamped after it, even when
//! that stamp came from a machine whose clock was years ahead.
//!
//! A [`Stamp`] carries two things: the logical part `(l, c)` that orders
//! merges, and the wall time at which the change was really made, which is
//! what the learner is shown (and what days, weeks and streaks count by).
//! When the local clock is ahead of everything seen (the usual case) the two
//! agree and the file holds one time; otherwise it holds both.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};

/// One change's place in the merge order, and the wall time it was made at.
///
/// Text form: `2026-11-30T10:00:00.123Z` when the logical part equals the
/// wall time, else `2026-11-30T10:00:00.123Z hlc 2030-01-01T00:00:00.000Z+4`
/// (the wall time, then the logical time and its counter). Times are UTC at
/// millisecond precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    /// Logical time, milliseconds since the Unix epoch: never behind any
    /// stamp this copy had seen when it made the change.
    l: i64,
    /// Orders changes made within one millisecond of logical time.
    c: u32,
    /// Wall time of the change, milliseconds since the Unix epoch (UTC).
    wall: i64,
}

impl Stamp {
    /// Before every real change: the stamp of a field never set.
    pub const ZERO: Stamp = Stamp {
        l: 0,
        c: 0,
        wall: 0,
    };

    /// The stamp given to a value a version 1 file held without one (the
    /// pace): set, but before any real change, so every later change wins.
    pub const LEGACY: Stamp = Stamp {
        l: 1,
        c: 0,
        wall: 1,
    };

    /// A stamp whose logical part is its wall time: what a change made at
    /// `time` gets when the clock has seen nothing later.
    pub fn at(time: DateTime<Utc>) -> Stamp {
        let ms = time.timestamp_millis();
        Stamp {
            l: ms,
            c: 0,
            wall: ms,
        }
    }

    /// The wall time the change was made at (UTC, milliseconds): what to show.
    pub fn time(self) -> DateTime<Utc> {
        millis(self.wall)
    }

    /// The logical time that orders merges (UTC, milliseconds).
    pub fn logical_time(self) -> DateTime<Utc> {
        millis(self.l)
    }

    /// Whether this is [`Stamp::ZERO`], the stamp of a field never set.
    pub fn is_zero(self) -> bool {
        self == Stamp::ZERO
    }
}

fn millis(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

impl Ord for Stamp {
    /// Logical time, then counter; the wall time only breaks exact ties, so
    /// that the order is total and every copy picks the same winner.
    fn cmp(&self, other: &Self) -> Ordering {
        (self.l, self.c, self.wall).cmp(&(other.l, other.c, other.wall))
    }
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn rfc3339(ms: i64) -> String {
    millis(ms).to_rfc3339_opts(SecondsFormat::Millis, true)
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&rfc3339(self.wall))?;
        if self.l != self.wall || self.c != 0 {
            write!(f, " hlc {}+{}", rfc3339(self.l), self.c)?;
        }
        Ok(())
    }
}

/// A stamp that is not `TIME` or `TIME hlc TIME+N`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a change stamp; write an RFC 3339 time like 2026-03-02T12:00:00Z, optionally followed by ` hlc 2026-03-02T12:00:00Z+1`"
)]
pub struct BadStamp(pub String);

fn parse_time(s: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc).timestamp_millis())
}

impl FromStr for Stamp {
    type Err = BadStamp;
    fn from_str(s: &str) -> Result<Self, BadStamp> {
        let bad = || BadStamp(s.to_owned());
        let (wall, logical) = match s.split_once(" hlc ") {
            Some((w, rest)) => (w, Some(rest)),
            None => (s, None),
        };
        let wall = parse_time(wall.trim()).ok_or_else(bad)?;
        let (l, c) = match logical {
            None => (wall, 0),
            Some(rest) => {
                let (l, c) = rest.trim().rsplit_once('+').ok_or_else(bad)?;
                (
                    parse_time(l).ok_or_else(bad)?,
                    c.parse::<u32>().map_err(|_| bad())?,
                )
            }
        };
        Ok(Stamp { l, c, wall })
    }
}

/// The clock of one copy: the largest stamp it has seen or made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clock {
    last: Option<Stamp>,
}

impl Clock {
    /// Remembers a stamp read from a file, so later changes order after it.
    pub fn observe(&mut self, stamp: Stamp) {
        if self.last.is_none_or(|last| stamp > last) {
            self.last = Some(stamp);
        }
    }

    /// The stamp for a change made now, at wall time `now`: after every stamp
    /// seen, even one from the future.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Stamp {
        let wall = now.timestamp_millis();
        let stamp = match self.last {
            Some(last) if last.l >= wall => Stamp {
                l: last.l,
                c: last.c.saturating_add(1),
                wall,
            },
            _ => Stamp {
                l: wall,
                c: 0,
                wall,
            },
        };
        self.last = Some(stamp);
        stamp
    }

    /// The largest stamp seen or made, if any.
    pub fn last(self) -> Option<Stamp> {
        self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_change_after_a_future_stamp_orders_after_it_and_keeps_its_wall_time() {
        let mut clock = Clock::default();
        let future = Stamp::at(t("2030-01-01T00:00:00Z"));
        clock.observe(future);
        let now = t("2026-11-30T10:00:00Z");
        let mine = clock.tick(now);
        assert!(mine > future);
        assert_eq!(mine.time(), now);
        assert_eq!(mine.logical_time(), future.time());
        let next = clock.tick(now);
        assert!(next > mine);
    }

    #[test]
    fn the_usual_stamp_is_its_wall_time() {
        let mut clock = Clock::default();
        clock.observe(Stamp::at(t("2026-11-29T10:00:00Z")));
        let s = clock.tick(t("2026-11-30T10:00:00.123Z"));
        assert_eq!(s, Stamp::at(t("2026-11-30T10:00:00.123Z")));
        assert_eq!(s.to_string(), "2026-11-30T10:00:00.123Z");
    }

    #[test]
    fn text_reads_back() {
        let mut clock = Clock::default();
        clock.observe(Stamp::at(t("2030-01-01T00:00:00Z")));
        let s = clock.tick(t("2026-11-30T10:00:00Z"));
        let text = s.to_string();
        assert_eq!(
            text,
            "2026-11-30T10:00:00.000Z hlc 2030-01-01T00:00:00.000Z+1"
        );
        assert_eq!(text.parse::<Stamp>(), Ok(s));
        assert_eq!("2026-03-02T12:00:00Z".parse::<Stamp>().unwrap().c, 0);
        assert!("yesterday".parse::<Stamp>().is_err());
        assert!("2026-03-02T12:00:00Z hlc soon".parse::<Stamp>().is_err());
    }
}
