//! Properties of the progress file and the forecasts: saving and loading
//! any progress gives it back unchanged; marking a skill done never makes the
//! remaining time grow; progress on a shared key shows in every roadmap.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use trailmark::estimate::Weeks;
use trailmark::forecast::summarize;
use trailmark::progress::{
    Change, Cursor, Progress, ProjectRecord, ProjectStatus, SkillRecord, Status, Store,
};
use trailmark::roadmap::{Phase, Roadmap, Skill, Source};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    }
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn project_status() -> impl Strategy<Value = ProjectStatus> {
    prop::sample::select(vec![
        ProjectStatus::Idea,
        ProjectStatus::Building,
        ProjectStatus::Built,
    ])
}

/// Times between 2000 and 2100 at millisecond precision.
fn time() -> impl Strategy<Value = DateTime<Utc>> {
    (946_684_800_000_i64..4_102_444_800_000).prop_map(|ms| Utc.timestamp_millis_opt(ms).unwrap())
}

/// Ids and keys, including words YAML would read as something else if left bare.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z0-9][a-z0-9-]{0,10}(/[a-z0-9][a-z0-9_-]{0,10})?",
        1 => prop::sample::select(vec![
            "null", "~", "true", "no", "yes", "1", "0x1f", "1e3", "-", ".inf", "2026-03-02",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Free text as a learner would type it, and then some.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Zé€🦀 0-9:#'\"\\\\,\\[\\]{}&*!|>%@`\n\t-]{1,40}",
        1 => any::<String>(),
        1 => prop::sample::select(vec![
            "key: value", "# not a comment", "- item", "'", "\"", "a\nb\n", "  lead", "trail  ",
            "\n", "---", "...", "null", "|", "> folded",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Whole and half weeks, as a learner would estimate.
fn half_weeks() -> impl Strategy<Value = f64> {
    (1_u32..80).prop_map(|n| f64::from(n) / 2.0)
}

/// Mostly whole and half weeks; now and then any amount, such as a month
/// converted to weeks, which must survive the file just as well.
fn weeks() -> impl Strategy<Value = Weeks> {
    prop_oneof![
        4 => (half_weeks(), 0_u32..10)
            .prop_map(|(min, extra)| Weeks::range(min, min + f64::from(extra) / 2.0)),
        1 => (0.001_f64..60.0, 0.0_f64..20.0).prop_map(|(min, extra)| Weeks::range(min, min + extra)),
    ]
}

fn skill_record() -> impl Strategy<Value = SkillRecord> {
    (
        status(),
        time(),
        prop::option::of(text()),
        prop::option::of(weeks()),
    )
        .prop_map(|(status, changed, note, estimate)| SkillRecord {
            status,
            changed,
            note,
            estimate,
        })
}

fn change() -> impl Strategy<Value = Change> {
    (time(), id(), id(), any::<bool>(), status(), status()).prop_map(
        |(at, roadmap, record, is_skill, from, to)| Change {
            at,
            roadmap,
            skill: is_skill.then(|| record.clone()),
            project: (!is_skill).then_some(record),
            from: from.as_str().to_owned(),
            to: to.as_str().to_owned(),
        },
    )
}

fn progress() -> impl Strategy<Value = Progress> {
    (
        prop::option::of(id()),
        prop::option::of(prop_oneof![half_weeks(), (0.1_f64..168.0), Just(7.0),]),
        prop::collection::btree_map(
            id(),
            (prop::option::of(id()), prop::option::of(id()))
                .prop_map(|(phase, skill)| Cursor { phase, skill }),
            0..4,
        ),
        prop::collection::btree_map(id(), skill_record(), 0..8),
        prop::collection::btree_map(
            id(),
            (project_status(), time())
                .prop_map(|(status, changed)| ProjectRecord { status, changed }),
            0..4,
        ),
        prop::collection::vec(change(), 0..10),
    )
        .prop_map(
            |(last_roadmap, pace, cursors, skills, projects, mut history)| {
                // The history is append-only, so always in time order.
                history.sort_by_key(|c| c.at);
                Progress {
                    last_roadmap,
                    pace_hours_per_week: pace,
                    cursors,
                    skills,
                    projects,
                    history,
                    ..Progress::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn saving_then_loading_gives_the_same_progress(p in progress()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        let mut store = Store::open(path.clone()).unwrap();
        store.update(|q| *q = p.clone()).unwrap();
        prop_assert_eq!(store.progress(), &p);
        let text = std::fs::read_to_string(&path).unwrap();
        let loaded = Store::open(path.clone());
        prop_assert!(loaded.is_ok(), "{:?}\n{}", loaded.err(), text);
        let loaded = loaded.unwrap();
        prop_assert_eq!(loaded.progress(), &p, "{}", text);
        // A second save of the same progress writes the same bytes.
        Store::open(path.clone()).unwrap().update(|_| ()).unwrap();
        prop_assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
}

fn skill(id: String, key: Option<String>, estimate: Option<Weeks>) -> Skill {
    Skill {
        title: id.to_uppercase(),
        id,
        key,
        aliases: vec![],
        summary: String::new(),
        topics: vec![],
        resources: vec![],
        estimate,
    }
}

/// A small roadmap: 1–3 phases of 1–5 skills, phase and skill estimates
/// present or not, some skills under shared keys.
fn roadmap(rid: &'static str) -> impl Strategy<Value = Roadmap> {
    prop::collection::vec(
        (
            prop::option::of(weeks()),
            prop::collection::vec(
                (prop::option::of(weeks()), prop::option::of(0_usize..6)),
                1..6,
            ),
        ),
        1..4,
    )
    .prop_map(move |phases| {
        let mut used = std::collections::HashSet::new();
        Roadmap {
            id: rid.to_owned(),
            title: rid.to_uppercase(),
            summary: String::new(),
            source: Source::default(),
            pace_hours_per_week: Some(10.0),
            phases: phases
                .into_iter()
                .enumerate()
                .map(|(pi, (estimate, skills))| Phase {
                    id: format!("p{pi}"),
                    title: format!("P{pi}"),
                    summary: String::new(),
                    estimate,
                    skills: skills
                        .into_iter()
                        .enumerate()
                        .map(|(si, (est, key))| {
                            // A key at most once per roadmap, as the loader requires.
                            let key = key.filter(|k| used.insert(*k)).map(|k| format!("key-{k}"));
                            skill(format!("s{pi}-{si}"), key, est)
                        })
                        .collect(),
                    projects: vec![],
                })
                .collect(),
        }
    })
}

/// Statuses and personal estimates for every skill of the roadmap.
fn with_progress(r: Roadmap) -> impl Strategy<Value = (Roadmap, Progress, usize)> {
    let n = r.skill_count();
    (
        prop::collection::vec((status(), prop::option::of(weeks())), n),
        0..n,
    )
        .prop_map(move |(marks, pick)| {
            let mut p = Progress::default();
            let t = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
            for ((_, s), (st, est)) in r.skills().zip(marks) {
                p.set_status(&r.id, s, st, t);
                if est.is_some() {
                    p.set_estimate(&r.id, s, est, t);
                }
            }
            (r.clone(), p, pick)
        })
}

fn assert_not_more(before: Option<Weeks>, after: Option<Weeks>) -> Result<(), TestCaseError> {
    match (before, after) {
        (Some(b), Some(a)) => {
            prop_assert!(a.min <= b.min + 1e-9, "min rose: {} -> {}", b.min, a.min);
            prop_assert!(a.max <= b.max + 1e-9, "max rose: {} -> {}", b.max, a.max);
        }
        (None, None) => {}
        (b, a) => prop_assert!(false, "{b:?} -> {a:?}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn marking_a_skill_done_never_raises_what_remains(
        (r, mut p, pick) in roadmap("r").prop_flat_map(with_progress)
    ) {
        let before = summarize(&r, &p);
        let (pi, s) = r.skills().nth(pick).unwrap();
        let s = s.clone();
        p.set_status(&r.id, &s, Status::Done, Utc.with_ymd_and_hms(2026, 3, 9, 8, 0, 0).unwrap());
        let after = summarize(&r, &p);
        assert_not_more(before.overall.remaining.weeks, after.overall.remaining.weeks)?;
        prop_assert!(after.overall.remaining.unestimated <= before.overall.remaining.unestimated);
        prop_assert!(after.overall.counts.done >= before.overall.counts.done);
        prop_assert_eq!(after.overall.total, before.overall.total, "the total never moves");
        for (b, a) in before.phases.iter().zip(&after.phases) {
            assert_not_more(b.remaining.weeks, a.remaining.weeks)?;
            prop_assert!(a.remaining.unestimated <= b.remaining.unestimated);
        }
        // What remains never exceeds the total.
        if let (Some(rem), Some(total)) = (after.overall.remaining.weeks, after.overall.total.weeks) {
            prop_assert!(rem.max <= total.max + 1e-9);
        }
        prop_assert_eq!(after.phases[pi].counts.total, before.phases[pi].counts.total);
    }

    #[test]
    fn progress_on_a_shared_key_shows_in_every_roadmap(
        (a, b, marks) in (roadmap("alpha"), roadmap("beta")).prop_flat_map(|(a, b)| {
            let n = a.skill_count();
            (Just(a), Just(b), prop::collection::vec(status(), n))
        })
    ) {
        let mut p = Progress::default();
        let t = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        for ((_, s), st) in a.skills().zip(marks) {
            p.set_status(&a.id, s, st, t);
        }
        // Round trip through the file too: sharing must survive a save.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        Store::open(path.clone()).unwrap().update(|q| *q = p.clone()).unwrap();
        let p = Store::open(path).unwrap().progress().clone();
        let mut twins_done = 0;
        for (_, sb) in b.skills() {
            let twin = a.skills().map(|(_, s)| s).find(|sa| sa.key.is_some() && sa.key == sb.key);
            if let Some(sa) = twin {
                prop_assert_eq!(p.status(&b.id, sb), p.status(&a.id, sa), "{:?}", sb.key);
                twins_done += usize::from(p.status(&a.id, sa) == Status::Done);
            } else {
                // Neither a key `alpha` uses nor a skill of `beta`'s own: untouched.
                prop_assert_eq!(p.status(&b.id, sb), Status::Todo);
            }
        }
        // `beta`'s done count is exactly its shared skills done in `alpha`.
        prop_assert_eq!(summarize(&b, &p).overall.counts.done, twins_done);
    }
}

proptest! {
    #![proptest_config(config())]

    /// Two copies that both started empty: every record is the newer of the
    /// two (this process's on a tie) and the history holds both, in time order.
    #[test]
    fn a_merge_keeps_the_newest_record_and_every_change(mine in progress(), disk in progress()) {
        let merged = trailmark::progress::merge(&Progress::default(), &mine, &disk);
        let keys: std::collections::BTreeSet<&String> =
            mine.skills.keys().chain(disk.skills.keys()).collect();
        prop_assert_eq!(merged.skills.len(), keys.len());
        for k in keys {
            let wanted = match (mine.skills.get(k), disk.skills.get(k)) {
                (Some(m), Some(d)) => if d.changed > m.changed { d } else { m },
                (Some(m), None) => m,
                (None, Some(d)) => d,
                (None, None) => unreachable!(),
            };
            prop_assert_eq!(&merged.skills[k], wanted);
        }
        for c in mine.history.iter().chain(&disk.history) {
            prop_assert!(merged.history.contains(c));
        }
        prop_assert!(merged.history.windows(2).all(|w| w[0].at <= w[1].at));
        prop_assert!(merged.history.len() <= mine.history.len() + disk.history.len());
        // Settings this process changed win; the rest come from disk.
        let expected_pace = mine.pace_hours_per_week.or(disk.pace_hours_per_week);
        prop_assert_eq!(merged.pace_hours_per_week, expected_pace);
    }
}
