//! Merging two copies of the progress file: the join of a state-based CRDT.
//!
//! Every field of every record is a register: the change with the later
//! stamp wins, field by field. Records present in one copy only are kept.
//! The history is a set: the union. So the merge is commutative,
//! associative and idempotent, and two copies that have seen the same
//! changes hold the same progress, whatever order they merged in.

use std::collections::BTreeMap;

use super::history::Change;
use super::{FORMAT_VERSION, Legacy, Progress};

/// The join of two copies of the progress.
pub fn merge(a: &Progress, b: &Progress) -> Progress {
    merge_owned(a.clone(), b.clone())
}

/// The three-way merge git's merge driver needs: the join of `ours` and
/// `theirs`, less the records one side removed while the other left them
/// as they were in `base`. Fields need no base: a cleared note or a reset is
/// a change with its own stamp, so the join already keeps it. Records do:
/// only the base tells a record one side removed (trailmark removes a record
/// when it moves to a skill's new key) from one the other side added.
pub fn merge3(base: &Progress, ours: &Progress, theirs: &Progress) -> Progress {
    let mut out = merge(ours, theirs);
    for (id, old) in &base.skills {
        let removed = |a: &Progress, b: &Progress| {
            !a.skills.contains_key(id) && b.skills.get(id) == Some(old)
        };
        if removed(ours, theirs) || removed(theirs, ours) {
            out.skills.remove(id);
        }
    }
    for (id, old) in &base.projects {
        let removed = |a: &Progress, b: &Progress| {
            !a.projects.contains_key(id) && b.projects.get(id) == Some(old)
        };
        if removed(ours, theirs) || removed(theirs, ours) {
            out.projects.remove(id);
        }
    }
    out
}

/// [`merge`] for copies the caller no longer needs: the same join, moving
/// entries instead of cloning them. A save after another copy wrote and a
/// live reload merge whole files, where cloning every history entry was most
/// of the merge's time.
pub fn merge_owned(a: Progress, b: Progress) -> Progress {
    let mut clock = a.clock();
    if let Some(last) = b.clock().last() {
        clock.observe(last);
    }
    let legacy = join_legacy(&a.legacy, &b.legacy);
    let mut pace = a.pace;
    pace.join(&b.pace);
    let mut out = Progress {
        version: FORMAT_VERSION,
        pace,
        skills: join_maps(a.skills, b.skills, super::SkillRecord::join),
        projects: join_maps(a.projects, b.projects, super::ProjectRecord::join),
        targets: join_maps(a.targets, b.targets, super::Register::join),
        history: union_owned(a.history, b.history),
        legacy,
        ..Progress::default()
    };
    if let Some(last) = clock.last() {
        out.observe(last);
    }
    out
}

/// The union of two sorted, repeat-free histories, moving their entries.
fn union_owned(a: Vec<Change>, b: Vec<Change>) -> Vec<Change> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => match x.cmp(y) {
                std::cmp::Ordering::Less => a.next(),
                std::cmp::Ordering::Greater => b.next(),
                std::cmp::Ordering::Equal => {
                    b.next();
                    a.next()
                }
            },
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (None, None) => break,
        };
        out.extend(next);
    }
    out
}

/// Per record id, the two records joined; a record in one copy only is kept.
fn join_maps<T>(
    mut a: BTreeMap<String, T>,
    b: BTreeMap<String, T>,
    join: impl Fn(&mut T, &T),
) -> BTreeMap<String, T> {
    for (id, theirs) in b {
        match a.get_mut(&id) {
            Some(mine) => join(mine, &theirs),
            None => {
                a.insert(id, theirs);
            }
        }
    }
    a
}

/// Browsing state from version 1 files carries no stamps; any fixed choice
/// keeps the merge commutative, and the larger value is one.
fn join_legacy(a: &Legacy, b: &Legacy) -> Legacy {
    let mut cursors = a.cursors.clone();
    for (id, c) in &b.cursors {
        let keep = cursors.get(id).is_some_and(|mine| mine >= c);
        if !keep {
            cursors.insert(id.clone(), c.clone());
        }
    }
    Legacy {
        last_roadmap: a.last_roadmap.clone().max(b.last_roadmap.clone()),
        cursors,
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::*;
    use crate::progress::{Status, now};
    use crate::roadmap::fixture::skill;

    #[test]
    fn a_note_from_a_copy_that_never_saw_the_tick_keeps_the_tick() {
        let s = skill("control-flow", None);
        let base = Progress::default();
        let mut script = base.clone();
        script.set_status("r", &s, Status::Done, now());
        let mut app = base.clone();
        app.set_note(
            "r",
            &s,
            Some("read chapter 3".into()),
            now() + Duration::seconds(1),
        );
        let m = merge(&app, &script);
        let r = m.skill_record("r", &s).unwrap();
        assert_eq!(r.status(), Status::Done);
        assert_eq!(r.note(), Some("read chapter 3"));
        assert_eq!(m.history.len(), 2);
    }

    #[test]
    fn three_way_keeps_a_removal_the_other_side_did_not_touch() {
        let s = skill("docker", None);
        let mut base = Progress::default();
        base.set_status("r", &s, Status::Done, now());
        let mut ours = base.clone();
        ours.relocate(&[crate::progress::Move {
            from: "r/docker".into(),
            to: "docker".into(),
            estimate_to: "r/docker".into(),
            roadmap: "r".into(),
        }]);
        let theirs = base.clone();
        let m = merge3(&base, &ours, &theirs);
        assert!(!m.skills.contains_key("r/docker"));
        assert_eq!(m.skills["docker"].status(), Status::Done);
        // Changed on the other side meanwhile: kept, never lost.
        let mut theirs = base.clone();
        theirs.set_note("r", &s, Some("kept".into()), now() + Duration::seconds(5));
        let m = merge3(&base, &ours, &theirs);
        assert_eq!(m.skills["r/docker"].note(), Some("kept"));
    }

    #[test]
    fn a_change_made_after_reading_a_future_stamp_wins() {
        let s = skill("x", None);
        let mut skewed = Progress::default();
        let future = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
        skewed.set_status("r", &s, Status::Done, future);
        let mut mine = merge(&Progress::default(), &skewed);
        mine.set_status("r", &s, Status::Todo, now());
        let m = merge(&skewed, &mine);
        assert_eq!(m.status("r", &s), Status::Todo);
        assert_eq!(
            m.history.last().unwrap().time().date_naive(),
            now().date_naive()
        );
    }
}
