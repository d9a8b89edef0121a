//! The progress file is a state-based CRDT: the merge is commutative,
//! associative and idempotent over random edits on random fields with random
//! (also skewed) clocks, and no field clobbers another. The cases that show
//! it on real files (a stamp from the future, records written twice,
//! version 1 files) are in `progress_merge.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

#[path = "support/edits.rs"]
mod edits;
use edits::Op;
use trailmark::estimate::Weeks;
use trailmark::progress::{Progress, ProjectStatus, Status, merge, moves_for, parse, render};
use trailmark::roadmap::Roadmap;

/// A small pool of record ids, so that edits meet on the same record.
fn id() -> impl Strategy<Value = String> + Clone {
    prop::sample::select(vec!["git", "r/a", "r/b", "null"]).prop_map(str::to_owned)
}

fn weeks() -> impl Strategy<Value = Weeks> + Clone {
    (1_u32..8).prop_map(|n| Weeks::exact(f64::from(n)))
}

/// A roadmap skill an own estimate is for: `git-skill` (key `git`) is in
/// both roadmaps `r` and `q`, `a` only in `r`.
fn own_place() -> impl Strategy<Value = (String, String)> + Clone {
    prop::sample::select(vec![("r", "git-skill"), ("q", "git-skill"), ("r", "a")])
        .prop_map(|(r, s)| (r.to_owned(), s.to_owned()))
}

/// Roadmaps `r` and `q` sharing the skill `git-skill` by the key `git`.
fn two_roadmaps() -> Vec<Roadmap> {
    let yaml = |id: &str, extra: &str| {
        format!(
            "id: {id}\ntitle: {id}\nsource: {{author: me}}\nphases:\n  - id: p\n    title: P\n    skills:\n      - {{id: git-skill, title: Git, key: git}}\n{extra}"
        )
    };
    vec![
        Roadmap::from_yaml_str(
            &yaml(
                "r",
                "      - {id: a, title: A}\n      - {id: b, title: B}\n",
            ),
            "r.yaml",
        )
        .unwrap(),
        Roadmap::from_yaml_str(&yaml("q", ""), "q.yaml").unwrap(),
    ]
}

/// `p` as a reader sees it with both roadmaps loaded (records moved home,
/// estimates kept on the shared key by older builds migrated).
fn settled(mut p: Progress) -> Progress {
    p.relocate(&moves_for(&two_roadmaps()));
    p
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (id(), status()).prop_map(|(i, s)| Op::Status(i, s)),
        1 => (id(), prop::sample::select(vec![ProjectStatus::Idea, ProjectStatus::Building, ProjectStatus::Built]))
            .prop_map(|(i, s)| Op::Project(i, s)),
        2 => (id(), prop::option::of("[a-z ]{1,6}")).prop_map(|(i, n)| Op::Note(i, n)),
        1 => (id(), prop::option::of(weeks()))
            .prop_map(|(i, w)| Op::Estimate(i, w)),
        2 => (own_place(), prop::option::of(weeks()))
            .prop_map(|((r, s), w)| Op::OwnEstimate(r, s, w)),
        1 => prop::option::of(prop::sample::select(vec![5.0, 10.0, 14.0])).prop_map(Op::Pace),
        2 => (id(), 0_u64..3, prop::sample::select(vec![30_u32, 90]))
            .prop_map(|(i, d, m)| Op::Study(i, base_time().date_naive() + chrono::Days::new(d), m)),
        1 => (
            prop::sample::select(vec!["r", "s"]),
            prop::option::of((0_u64..3).prop_map(|n| {
                NaiveDate::from_ymd_opt(2026, 6, 1).unwrap() + chrono::Days::new(n)
            })),
        )
            .prop_map(|(r, d)| Op::Target(r.to_owned(), d)),
    ]
}

/// A machine's clock: a few seconds apart from the others, or years ahead or
/// behind; coarse enough that stamps often tie.
fn skew() -> impl Strategy<Value = i64> {
    prop_oneof![3 => -3_i64..3, 1 => Just(3 * 365 * 86_400), 1 => Just(-2 * 365 * 86_400)]
}

fn base_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 10, 0, 0).unwrap()
}

fn apply(p: &mut Progress, ops: &[Op], skew: i64) {
    for (i, op) in (0_i64..).zip(ops) {
        let at = base_time() + Duration::seconds(skew + i / 2);
        edits::apply(p, op, at);
    }
}

/// A copy that started from `base`, then made its own edits on its own clock.
fn replica(base: Progress) -> impl Strategy<Value = Progress> {
    (prop::collection::vec(op(), 0..10), skew()).prop_map(move |(ops, skew)| {
        let mut p = base.clone();
        apply(&mut p, &ops, skew);
        p
    })
}

/// Three copies of one file that went their own ways.
fn replicas() -> impl Strategy<Value = (Progress, Progress, Progress)> {
    (prop::collection::vec(op(), 0..6), skew()).prop_flat_map(|(ops, skew)| {
        let mut base = Progress::default();
        apply(&mut base, &ops, skew);
        (replica(base.clone()), replica(base.clone()), replica(base))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn merge_is_commutative((a, b, _) in replicas()) {
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
    }

    #[test]
    fn merge_is_associative((a, b, c) in replicas()) {
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
    }

    #[test]
    fn merge_is_idempotent((a, b, _) in replicas()) {
        prop_assert_eq!(merge(&a, &a), a.clone());
        let ab = merge(&a, &b);
        prop_assert_eq!(merge(&ab, &b), ab.clone());
        prop_assert_eq!(merge(&ab, &a), ab);
    }

    /// Whatever the clocks said, a copy that has read the others and then
    /// changes a field has the last word on it.
    #[test]
    fn a_change_made_after_reading_every_copy_wins(
        (a, b, c) in replicas(),
        (id, to) in (id(), status()),
        skew in skew(),
    ) {
        let mut mine = merge(&merge(&a, &b), &c);
        apply(&mut mine, &[Op::Status(id.clone(), to)], skew);
        let all = merge(&merge(&c, &mine), &merge(&a, &b));
        prop_assert_eq!(all.skills.get(&id).map_or(Status::Todo, trailmark::progress::SkillRecord::status), to);
    }

    /// Moving estimates kept on a shared key (by older builds) to their
    /// roadmap is itself a CRDT step: copies that migrated on their own and
    /// copies that did not merge to what migrating the merge gives, and
    /// migrating twice changes nothing.
    #[test]
    fn migrating_own_estimates_commutes_with_merge((a, b, _) in replicas()) {
        let whole = settled(merge(&a, &b));
        prop_assert_eq!(settled(merge(&settled(a.clone()), &b)), whole.clone());
        prop_assert_eq!(settled(merge(&settled(a), &settled(b))), whole.clone());
        prop_assert_eq!(settled(whole.clone()), whole);
    }

    /// An own estimate set in roadmap `q` is the only one `q` sees: neither
    /// estimates set in `r` (by this build, or by an older one on the key)
    /// nor merges change it.
    #[test]
    fn an_own_estimate_stays_in_its_roadmap((a, b, _) in replicas(), w in weeks(), skew in skew()) {
        let mut mine = merge(&a, &b);
        apply(&mut mine, &[Op::OwnEstimate("q".into(), "git-skill".into(), Some(w))], skew);
        // The other copy keeps changing `r`'s estimate, on the key too.
        let mut theirs = b.clone();
        apply(&mut theirs, &[Op::Estimate("git".into(), Some(Weeks::exact(9.0))),
                             Op::OwnEstimate("r".into(), "git-skill".into(), Some(Weeks::exact(11.0)))], skew);
        let all = settled(merge(&theirs, &mine));
        let roadmaps = two_roadmaps();
        let git_in = |r: &Roadmap| all.own_estimate(&r.id, &r.phases[0].skills[0]);
        prop_assert_eq!(git_in(&roadmaps[1]), Some(w));
        // Every estimate an older build kept on the key found its roadmap.
        prop_assert!(all.skills.get("git").is_none_or(|k| k.estimate().is_none()));
    }

    /// Study sessions are a grow-only set: the merge holds every session
    /// either copy logged, each once, so no time is lost or counted twice.
    #[test]
    fn study_sessions_only_add_up((a, b, _) in replicas()) {
        let minutes = |p: &Progress| -> u64 {
            p.study_sessions().map(|(_, _, m)| u64::from(m)).sum()
        };
        let sessions = |p: &Progress| -> std::collections::BTreeSet<_> {
            p.history.iter().filter(|c| c.study().is_some()).cloned().collect()
        };
        let m = merge(&a, &b);
        let (sa, sb) = (sessions(&a), sessions(&b));
        let union: std::collections::BTreeSet<_> = sa.union(&sb).cloned().collect();
        prop_assert_eq!(sessions(&m), union.clone());
        prop_assert!(minutes(&m) >= minutes(&a).max(minutes(&b)));
        prop_assert_eq!(m.study_sessions().count(), union.len());
    }

    /// The same for a roadmap's target date, set or cleared.
    #[test]
    fn a_target_date_set_after_reading_every_copy_wins(
        (a, b, c) in replicas(),
        to in prop::option::of((0_u64..3).prop_map(|n| NaiveDate::from_ymd_opt(2026, 6, 1).unwrap() + chrono::Days::new(n))),
        skew in skew(),
    ) {
        let mut mine = merge(&merge(&a, &b), &c);
        apply(&mut mine, &[Op::Target("r".to_owned(), to)], skew);
        let all = merge(&merge(&c, &mine), &merge(&a, &b));
        prop_assert_eq!(all.target_date("r"), to);
    }

    /// The merge survives the file: merging what two copies wrote gives what
    /// merging them in memory gives.
    #[test]
    fn merged_files_read_back((a, b, _) in replicas()) {
        let path = Path::new("progress.yaml");
        let ra = parse(render(&a).as_bytes(), path).unwrap();
        let rb = parse(render(&b).as_bytes(), path).unwrap();
        prop_assert_eq!(merge(&ra, &rb), merge(&a, &b));
    }
}
