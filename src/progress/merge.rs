//! Merging two copies of the progress file, so two trailmark processes (or
//! two synced machines) never lose each other's ticks.
//!
//! Records (skills, projects) carry a timestamp: the newest wins. Settings
//! (last roadmap, pace, cursors) carry none, so they merge three-way against
//! the copy this process last read: what this process changed wins, the rest
//! comes from disk. History is a union.

use std::collections::BTreeMap;

use super::Progress;

/// Merges `mine` (this process, which started from `base`) with `disk`.
pub fn merge(base: &Progress, mine: &Progress, disk: &Progress) -> Progress {
    Progress {
        version: mine.version.max(disk.version),
        last_roadmap: three_way(&base.last_roadmap, &mine.last_roadmap, &disk.last_roadmap),
        pace_hours_per_week: three_way(&base.pace_hours_per_week, &mine.pace_hours_per_week, &disk.pace_hours_per_week),
        cursors: {
            let mut out = disk.cursors.clone();
            for key in base.cursors.keys().chain(mine.cursors.keys()) {
                let pick = three_way(&base.cursors.get(key), &mine.cursors.get(key), &disk.cursors.get(key));
                match pick {
                    Some(c) => out.insert(key.clone(), c.clone()),
                    None => out.remove(key),
                };
            }
            out
        },
        skills: newest(&mine.skills, &disk.skills, |r| r.changed),
        projects: newest(&mine.projects, &disk.projects, |r| r.changed),
        history: {
            let mut all = disk.history.clone();
            for change in &mine.history {
                if !all.contains(change) {
                    all.push(change.clone());
                }
            }
            all.sort_by_key(|c| c.at);
            all
        },
    }
}

fn three_way<T: PartialEq + Clone>(base: &T, mine: &T, disk: &T) -> T {
    if mine == base { disk.clone() } else { mine.clone() }
}

/// Per key, the record with the newest timestamp; ties go to `mine`.
fn newest<T: Clone, K: Ord>(
    mine: &BTreeMap<String, T>,
    disk: &BTreeMap<String, T>,
    stamp: impl Fn(&T) -> K,
) -> BTreeMap<String, T> {
    let mut out = disk.clone();
    for (id, record) in mine {
        match out.get(id) {
            Some(theirs) if stamp(theirs) > stamp(record) => {}
            _ => {
                out.insert(id.clone(), record.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::*;
    use crate::progress::{Cursor, SkillRecord, Status};

    fn rec(status: Status, secs: i64) -> SkillRecord {
        SkillRecord {
            status,
            changed: Utc.timestamp_opt(1_700_000_000, 0).unwrap() + Duration::seconds(secs),
            note: None,
            estimate: None,
        }
    }

    #[test]
    fn newest_record_wins_and_both_writers_survive() {
        let base = Progress::default();
        let mut mine = base.clone();
        let mut disk = base.clone();
        mine.skills.insert("git".into(), rec(Status::Done, 10));
        mine.skills.insert("a/x".into(), rec(Status::Doing, 5));
        disk.skills.insert("git".into(), rec(Status::Skipped, 20));
        disk.skills.insert("a/y".into(), rec(Status::Done, 1));
        let m = merge(&base, &mine, &disk);
        assert_eq!(m.skills["git"].status, Status::Skipped);
        assert_eq!(m.skills["a/x"].status, Status::Doing);
        assert_eq!(m.skills["a/y"].status, Status::Done);
    }

    #[test]
    fn settings_merge_three_way() {
        let mut base = Progress::default();
        base.last_roadmap = Some("a".into());
        base.pace_hours_per_week = Some(5.0);
        let mut mine = base.clone();
        let mut disk = base.clone();
        mine.last_roadmap = Some("b".into());
        disk.pace_hours_per_week = Some(10.0);
        disk.cursors.insert("a".into(), Cursor { phase: Some("p".into()), skill: None });
        let m = merge(&base, &mine, &disk);
        assert_eq!(m.last_roadmap.as_deref(), Some("b"));
        assert_eq!(m.pace_hours_per_week, Some(10.0));
        assert!(m.cursors.contains_key("a"));
    }
}
