//! Merging two copies of the progress file, so two trailmark processes (or
//! two synced machines) never lose each other's ticks.
//!
//! Records (skills, projects) carry a timestamp: the newest wins. Settings
//! (last roadmap, pace, cursors) carry none, so they merge three-way against
//! the copy this process last read: what this process changed wins, the rest
//! comes from disk. History is a union.

use std::collections::{BTreeMap, HashSet};

use super::{Change, FORMAT_VERSION, Progress};

/// Merges `mine` (this process, which started from `base`) with `disk`.
pub fn merge(base: &Progress, mine: &Progress, disk: &Progress) -> Progress {
    Progress {
        // What is written is always this build's format, whatever was read.
        version: mine.version.max(disk.version).max(FORMAT_VERSION),
        last_roadmap: three_way(&base.last_roadmap, &mine.last_roadmap, &disk.last_roadmap),
        pace_hours_per_week: three_way(
            &base.pace_hours_per_week,
            &mine.pace_hours_per_week,
            &disk.pace_hours_per_week,
        ),
        cursors: {
            let mut out = disk.cursors.clone();
            for key in base.cursors.keys().chain(mine.cursors.keys()) {
                let pick = three_way(
                    &base.cursors.get(key),
                    &mine.cursors.get(key),
                    &disk.cursors.get(key),
                );
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
            let on_disk: HashSet<_> = disk.history.iter().map(identity).collect();
            let mut all = disk.history.clone();
            all.extend(
                mine.history
                    .iter()
                    .filter(|c| !on_disk.contains(&identity(c)))
                    .cloned(),
            );
            all.sort_by_key(|c| c.at);
            all
        },
    }
}

type ChangeId<'a> = (
    chrono::DateTime<chrono::Utc>,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    &'a str,
    &'a str,
);

/// Every field of a change, for finding it in a long history in O(1): the
/// history grows for years, and a linear search per entry made saves O(n²).
fn identity(c: &Change) -> ChangeId<'_> {
    (
        c.at,
        &c.roadmap,
        c.skill.as_deref(),
        c.project.as_deref(),
        &c.from,
        &c.to,
    )
}

fn three_way<T: PartialEq + Clone>(base: &T, mine: &T, disk: &T) -> T {
    if mine == base {
        disk.clone()
    } else {
        mine.clone()
    }
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
    fn the_current_format_version_is_written() {
        let old = Progress {
            version: 0,
            ..Progress::default()
        };
        assert_eq!(merge(&old, &old, &old).version, FORMAT_VERSION);
    }

    #[test]
    fn settings_merge_three_way() {
        let base = Progress {
            last_roadmap: Some("a".into()),
            pace_hours_per_week: Some(5.0),
            ..Progress::default()
        };
        let mut mine = base.clone();
        let mut disk = base.clone();
        mine.last_roadmap = Some("b".into());
        disk.pace_hours_per_week = Some(10.0);
        disk.cursors.insert(
            "a".into(),
            Cursor {
                phase: Some("p".into()),
                skill: None,
            },
        );
        let m = merge(&base, &mine, &disk);
        assert_eq!(m.last_roadmap.as_deref(), Some("b"));
        assert_eq!(m.pace_hours_per_week, Some(10.0));
        assert!(m.cursors.contains_key("a"));
    }
}
