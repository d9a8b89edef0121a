//! Properties of the progress file and the forecasts: saving and loading
//! any progress gives it back unchanged; marking a skill done never makes the
//! remaining time grow; progress on a shared key shows in every roadmap.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;

#[path = "support/edits.rs"]
mod edits;
use edits::Op;
use trailmark::estimate::{Estimate, Weeks};
use trailmark::forecast::summarize;
use trailmark::progress::{Progress, ProjectStatus, Status, Store};
use trailmark::roadmap::{Phase, Roadmap, Skill, Source};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
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
fn id() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        4 => "[a-z0-9][a-z0-9-]{0,10}(/[a-z0-9][a-z0-9_-]{0,10})?",
        1 => any::<String>(),
        1 => "[\\x00-\\x20\\x7f-\\u{a0}\\u{2028}\\u{2029}\\u{feff}\\u{fffe}\\u{ffff}a-z:#\"'-]{1,8}",
        1 => prop::sample::select(vec![
            "null", "~", "true", "no", "yes", "1", "0x1f", "1e3", "-", ".inf", "2026-03-02",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Free text as a learner would type it, and then some.
fn text() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        3 => "[a-zA-Zé€🦀 0-9:#'\"\\\\,\\[\\]{}&*!|>%@`\n\t-]{1,40}",
        2 => any::<String>(),
        1 => "[\\x00-\\x20\\x7f-\\u{a0}\\u{2028}\\u{2029}\\u{feff}\\u{fffe}\\u{ffff}a-z:#\"'-]{1,12}",
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

/// Every pace the reader accepts: more than 0, at most 168 hours a week.
fn pace() -> impl Strategy<Value = f64> {
    prop_oneof![
        half_weeks(),
        (f64::MIN_POSITIVE..=168.0),
        Just(168.0),
        Just(1e-300),
        Just(7.0),
    ]
}

fn op(ids: impl Strategy<Value = String> + Clone) -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (ids.clone(), status()).prop_map(|(id, s)| Op::Status(id, s)),
        1 => (ids.clone(), project_status()).prop_map(|(id, s)| Op::Project(id, s)),
        2 => (ids.clone(), prop::option::of(text())).prop_map(|(id, n)| Op::Note(id, n)),
        1 => (ids.clone(), prop::option::of(weeks())).prop_map(|(id, w)| Op::Estimate(id, w)),
        1 => (ids.clone(), prop::option::of(weeks()))
            .prop_map(|(skill, w)| Op::OwnEstimate("q".into(), skill, w)),
        1 => prop::option::of(pace()).prop_map(Op::Pace),
        1 => (ids.clone(), 0_i32..3000, 1_u32..=trailmark::progress::MAX_SESSION_MINUTES).prop_map(|(id, d, m)| {
            let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(d as u64);
            Op::Study(id, date, m)
        }),
        // A roadmap id as odd as a record id, and any day of four centuries.
        1 => (ids, prop::option::of(0_u64..146_097)).prop_map(|(id, d)| {
            let day = d.map(|d| chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(d));
            Op::Target(id, day)
        }),
    ]
}

/// Applies changes at the given wall times (any order: clocks may be off).
fn apply(p: &mut Progress, ops: &[(Op, DateTime<Utc>)]) {
    for (op, at) in ops {
        edits::apply(p, op, *at);
    }
}

fn progress() -> impl Strategy<Value = Progress> {
    prop::collection::vec((op(id()), time()), 0..16).prop_map(|ops| {
        let mut p = Progress::default();
        apply(&mut p, &ops);
        p
    })
}

proptest! {
    #![proptest_config(config())]

    /// The fast reader of trailmark's own files and the full `serde_yaml`
    /// reader agree on everything the writer writes.
    #[test]
    fn both_readers_agree_on_what_the_writer_writes(p in progress()) {
        let text = trailmark::progress::render(&p);
        let path = std::path::Path::new("progress.yaml");
        let fast = trailmark::progress::parse(text.as_bytes(), path);
        let full = trailmark::progress::parse_with_serde(text.as_bytes(), path);
        prop_assert!(full.is_ok(), "{:?}\n{}", full.err(), text);
        prop_assert_eq!(fast.ok(), full.ok(), "{}", text);
    }

    /// The real writer and reader, over arbitrary Unicode in every text field
    /// and every pace and estimate the reader accepts.
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
        estimate: estimate.map(Estimate::in_weeks),
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
            tips: vec![],
            phases: phases
                .into_iter()
                .enumerate()
                .map(|(pi, (estimate, skills))| Phase {
                    id: format!("p{pi}"),
                    title: format!("P{pi}"),
                    summary: String::new(),
                    estimate: estimate.map(Estimate::in_weeks),
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
