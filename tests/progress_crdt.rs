//! The progress file is a state-based CRDT: the merge is commutative,
//! associative and idempotent over random edits on random fields with random
//! (also skewed) clocks; no field clobbers another; a change made after
//! reading a stamp from the future still wins; records written twice merge;
//! version 1 files migrate. Several tests run the real binary beside an
//! in-process copy, as the app and a script would be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

#[path = "support/edits.rs"]
mod edits;
use edits::Op;
use trailmark::estimate::Weeks;
use trailmark::progress::{
    Edit, Progress, ProjectStatus, Status, Store, merge, moves_for, now, parse, parse_with_notices,
    render,
};
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

fn trailmark(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trailmark"));
    cmd.env("TRAILMARK_CONFIG_DIR", dir.join("config"))
        .env("TRAILMARK_DATA", dir.join("progress.yaml"))
        .env("TRAILMARK_STATE", dir.join("state.yaml"))
        .env_remove("TRAILMARK_ROADMAPS")
        .stdin(Stdio::null());
    cmd
}

fn mark(dir: &Path, skill: &str, status: &str) {
    let out = trailmark(dir)
        .args(["mark", "backend-six-phases", skill, status])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The app is open on a skill; a script ticks it; the app writes a note.
/// The tick stays, and the note lands.
#[test]
fn a_note_written_in_a_copy_that_never_saw_the_tick_keeps_the_tick() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let mut app = Store::open(path.clone()).unwrap();
    mark(dir.path(), "control-flow", "done");
    app.update(|p| {
        p.set_note_by_id(
            "backend-six-phases",
            "backend-six-phases/control-flow",
            Some("read chapter 3".into()),
            now(),
        )
    })
    .unwrap();
    let p = Store::open(path.clone()).unwrap().progress().clone();
    let r = &p.skills["backend-six-phases/control-flow"];
    assert_eq!(r.status(), Status::Done);
    assert_eq!(r.note(), Some("read chapter 3"));
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("status: done"), "{text}");
}

/// A file from a machine whose clock ran years ahead: un-ticking the skill
/// after another copy wrote still sticks, and shows today's time.
#[test]
fn a_record_stamped_in_the_future_can_still_be_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    fs::write(
        &path,
        "version: 1\nskills:\n  backend-six-phases/control-flow:\n    status: done\n    changed: 2030-01-01T00:00:00Z\n",
    )
    .unwrap();
    let mut app = Store::open(path.clone()).unwrap();
    mark(dir.path(), "variables", "doing");
    app.update(|p| {
        p.set_status_by_id(
            "backend-six-phases",
            "backend-six-phases/control-flow",
            Status::Todo,
            now(),
        )
    })
    .unwrap();
    let p = Store::open(path).unwrap().progress().clone();
    let r = &p.skills["backend-six-phases/control-flow"];
    assert_eq!(r.status(), Status::Todo);
    assert_eq!(r.changed().date_naive(), now().date_naive());
    assert_eq!(
        p.skills["backend-six-phases/variables"].status(),
        Status::Doing
    );
}

/// `git merge -s union` or "accept both" leaves a record twice; the later
/// entry in the file is the older one here. Field by field, the newer wins.
#[test]
fn a_record_written_twice_merges_field_by_field_and_is_written_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let text = "version: 2
skills:
  git:
    status: done
    status_at: 2026-11-30T10:00:00.000Z
    note: old note
    note_at: 2026-11-01T10:00:00.000Z
  docker:
    status: doing
    status_at: 2026-11-30T09:00:00.000Z
  git:
    status: todo
    status_at: 2026-11-20T10:00:00.000Z
    note: newer note
    note_at: 2026-11-29T10:00:00.000Z
";
    fs::write(&path, text).unwrap();
    let (p, notices) = parse_with_notices(text.as_bytes(), &path).unwrap();
    assert_eq!(p.skills["git"].status(), Status::Done);
    assert_eq!(p.skills["git"].note(), Some("newer note"));
    assert_eq!(notices.len(), 1);
    assert_eq!(
        notices[0].message,
        "entries written more than once were merged field by field: skills.git (lines 3, 11); the next save writes each once"
    );
    // The command line says so once, and a save writes one entry.
    let out = trailmark(dir.path())
        .args(["status", "backend-six-phases"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("skills.git (lines 3, 11)"), "{err}");
    mark(dir.path(), "variables", "done");
    let saved = fs::read_to_string(&path).unwrap();
    assert_eq!(saved.matches("\n  git:\n").count(), 1, "{saved}");
    let (again, notices) = parse_with_notices(saved.as_bytes(), &path).unwrap();
    assert!(notices.is_empty());
    assert_eq!(again.skills["git"].note(), Some("newer note"));
    assert_eq!(again.skills["git"].status(), Status::Done);
}

/// A version 1 file (one stamp per record, history as text, browsing state
/// inside) loads, keeps everything, and is written back as version 2.
#[test]
fn a_version_1_file_loads_and_migrates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let v1 = include_str!("fixtures/progress/version-1.yaml");
    fs::write(&path, v1).unwrap();
    let mut store = Store::open(path.clone()).unwrap();
    let p = store.progress().clone();
    assert_eq!(p.version, 1);
    assert_eq!(p.pace_hours_per_week(), Some(7.5));
    assert_eq!(p.legacy.last_roadmap.as_deref(), Some("backend-six-phases"));
    assert_eq!(
        p.legacy.cursors["backend-six-phases"].skill.as_deref(),
        Some("sql")
    );
    let http = &p.skills["http"];
    assert_eq!(http.status(), Status::Done);
    assert_eq!(http.note(), Some("RFC 9110"));
    assert_eq!(http.estimate(), Some(Weeks::range(1.5, 2.5)));
    assert_eq!(
        http.changed(),
        Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap()
    );
    assert_eq!(
        p.projects["backend-six-phases/small-apis"].status(),
        ProjectStatus::Building
    );
    assert_eq!(p.history.len(), 2);
    assert!(matches!(
        p.history[0].edit,
        Edit::Status {
            from: Status::Todo,
            to: Status::Done
        }
    ));
    // Any change writes version 3, which reads back the same; a later pace
    // change wins over the unstamped version 1 pace.
    store
        .update(|p| p.set_pace(Some(9.0), None, now()))
        .unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("version: 3"), "{text}");
    assert!(!text.contains("last_roadmap"), "{text}");
    let back = Store::open(path).unwrap().progress().clone();
    assert_eq!(back.pace_hours_per_week(), Some(9.0));
    assert_eq!(back.skills, store.progress().skills);
    assert_eq!(back.history, store.progress().history);
}

/// Problems point at their own line and column, and say what to write.
#[test]
fn problems_point_at_the_line_and_column() {
    let path = Path::new("progress.yaml");
    let cases = [
        (
            "version: 2\nskills:\n  git:\n    status: done\n    status_at: yesterday\n",
            "progress.yaml:5:16: the progress file cannot be read: skills.git.status_at: `yesterday` is not a change stamp",
        ),
        (
            "version: 2\nskills:\n  git:\n    status: done\n",
            "progress.yaml:4:13: the progress file cannot be read: skills.git.status: the value has no stamp; add `status_at:`",
        ),
        (
            "version: 2\npace_hours_per_week: 0\npace_hours_per_week_at: 2026-11-30T10:00:00Z\n",
            "progress.yaml:2:22: the progress file cannot be read: pace_hours_per_week: 0 is not a weekly pace",
        ),
        (
            "version: 2\nskills:\n  git:\n    estimate: soon\n    estimate_at: 2026-11-30T10:00:00Z\n",
            "progress.yaml:4:15: the progress file cannot be read: skills.git.estimate:",
        ),
        (
            "version: 2\nhistory:\n- at: 2026-11-30T10:00:00Z\n  skill: git\n  field: status\n  from: todo\n  to: finished\n",
            "progress.yaml:7:7: the progress file cannot be read: history[0].to: `finished` is not a status",
        ),
        (
            "version: 2\ntargets:\n  r:\n    date: 2026-13-01\n    date_at: 2026-11-30T10:00:00Z\n",
            "progress.yaml:4:11: the progress file cannot be read: targets.r.date: `2026-13-01` is not a date written YYYY-MM-DD; write it like `2026-06-30`",
        ),
        (
            "version: 2\ntargets:\n  r:\n    date: 2026-06-30\n",
            "progress.yaml:4:11: the progress file cannot be read: targets.r.date: the value has no stamp; add `date_at:` with the time it changed",
        ),
        (
            "version: 2\nskills:\n  git:\n    status: finished\n",
            "progress.yaml:4:13: the progress file cannot be read: skills.git.status: unknown variant `finished`",
        ),
    ];
    for (text, wanted) in cases {
        let err = parse(text.as_bytes(), path).unwrap_err().to_string();
        assert!(
            err.starts_with(wanted),
            "{text}\nwanted: {wanted}\n   got: {err}"
        );
    }
}

const OWN_ROADMAP: &str = "id: my-path
title: My path
summary: A roadmap of my own.
source:
  title: Notes
  published: 2026-01-01
  url: https://example.com/notes
phases:
  - id: ops
    title: Ops
    estimate: 2 weeks
    skills:
      - id: docker
        title: Docker
";

/// A skill that gains a shared key keeps its tick and note: the record
/// stored under `roadmap/skill` counts under the key at once, and moves
/// there on the next save.
#[test]
fn a_skill_that_gains_a_key_keeps_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    let roadmaps = dir.path().join("roadmaps");
    fs::create_dir_all(&roadmaps).unwrap();
    let file = roadmaps.join("my-path.yaml");
    fs::write(&file, OWN_ROADMAP).unwrap();
    let run = |args: &[&str]| {
        let out = trailmark(dir.path())
            .env("TRAILMARK_ROADMAPS", &roadmaps)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    run(&["mark", "my-path", "docker", "done"]);
    fs::write(
        &file,
        OWN_ROADMAP.replace("title: Docker", "title: Docker\n        key: docker"),
    )
    .unwrap();
    let (json, err) = run(&["status", "my-path", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["done"], 1, "{json}");
    let (text, _) = run(&["status", "my-path"]);
    assert!(!text.contains("removed or renamed"), "{text}");
    assert!(!err.contains("removed or renamed"), "{err}");
    // Reading moved nothing on disk; the next save does.
    let path = dir.path().join("progress.yaml");
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("my-path/docker:")
    );
    run(&["pace", "8"]);
    let saved = fs::read_to_string(&path).unwrap();
    assert!(!saved.contains("my-path/docker:"), "{saved}");
    assert!(saved.contains("\n  docker:\n    status: done"), "{saved}");
}
