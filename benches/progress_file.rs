//! The progress file's budgets (issue 10, Performance): open, save, save
//! after another copy wrote, and a live reload, at 1,000 records with 5,000
//! history entries and at 10,000 records with 100,000.
//!
//! The progress is built with the public edit API, as the app builds it, and
//! the file lives in a tmpfs directory (/dev/shm where there is one), so the
//! numbers are trailmark's work and not the disk's fsync.

use std::hint::black_box;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput};
use trailmark::estimate::Weeks;
use trailmark::progress::{self, Progress, ProjectStatus, Status, Store};

/// (records, history entries) as the issue names them.
const SIZES: [(usize, usize); 2] = [(1_000, 5_000), (10_000, 100_000)];

const ROADMAP: &str = "synthetic";

fn record_id(i: usize) -> String {
    format!("{ROADMAP}/skill-{i}")
}

/// A progress of `records` skill records and exactly `history` history
/// entries (`history >= records`): every record gets a status, every fourth
/// a note and every fifth an estimate, one project in fifty a status, the
/// pace is set, and status changes cycle over the records for the rest. The
/// changes are a minute apart, the last one about now.
fn progress_of(records: usize, history: usize) -> Progress {
    let mut p = Progress::default();
    let minutes = |n: usize| Duration::minutes(i64::try_from(n).expect("history fits in i64"));
    let start = progress::now() - minutes(history);
    let at = |p: &Progress| start + minutes(p.history.len());
    let full = |p: &Progress| p.history.len() >= history;
    for i in 0..records {
        let t = at(&p);
        p.set_status_by_id(ROADMAP, &record_id(i), Status::ALL[1 + i % 3], t);
    }
    for i in 0..records {
        if full(&p) {
            break;
        }
        let (id, t) = (record_id(i), at(&p));
        if i % 4 == 0 {
            let note = format!("Worked through chapter {i}; the exercises took longer.");
            p.set_note_by_id(ROADMAP, &id, Some(note), t);
        }
        if i % 5 == 0 && !full(&p) {
            let weeks = Weeks::exact(1.0 + (i % 7) as f64);
            p.set_estimate_by_id(ROADMAP, &id, Some(weeks), t);
        }
        if i % 50 == 0 && !full(&p) {
            let project = format!("{ROADMAP}/project-{}", i / 50);
            p.set_project_status_by_id(ROADMAP, &project, ProjectStatus::Building, t);
        }
    }
    if !full(&p) {
        let t = at(&p);
        p.set_pace(Some(6.0), Some(ROADMAP), t);
    }
    let mut k = 0usize;
    while !full(&p) {
        let (i, t) = (k % records, at(&p));
        let now = p.skills[&record_id(i)].status();
        let to = Status::ALL[(Status::ALL.iter().position(|s| *s == now).unwrap_or(0) + 1) % 4];
        p.set_status_by_id(ROADMAP, &record_id(i), to, t);
        k += 1;
    }
    assert_eq!(p.history.len(), history, "history built to size");
    p
}

/// The file another copy of trailmark writes: `base` plus one note of its
/// own (`which` picks one of two, so two writes in a row differ in bytes).
fn other_copy_bytes(base: &Progress, which: usize, at: DateTime<Utc>) -> Vec<u8> {
    let mut other = base.clone();
    let note = format!("Written by the other copy ({which}).");
    other.set_note_by_id(ROADMAP, &record_id(1), Some(note), at);
    progress::render(&other).into_bytes()
}

fn tmpfs_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm)
    } else {
        tempfile::tempdir()
    }
    .expect("temp dir")
}

/// Toggles one skill's status, as a Space in the app does.
fn one_change(p: &mut Progress, i: &mut usize) {
    *i += 1;
    let to = if i.is_multiple_of(2) {
        Status::Done
    } else {
        Status::Todo
    };
    p.set_status_by_id(ROADMAP, &record_id(0), to, progress::now());
}

// Over 60 lines on purpose: one benchmark group, each file size set up once
// and its four cases (open, save, save after another write, live reload)
// measured on it in turn.
pub fn progress_file(c: &mut Criterion) {
    let mut group = c.benchmark_group("progress_file");
    // Each iteration is milliseconds to a second: one iteration per sample,
    // ten samples, so the whole group stays within minutes on a busy machine.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_millis(500));
    group.measurement_time(std::time::Duration::from_secs(3));
    for (records, history) in SIZES {
        let base = progress_of(records, history);
        let text = progress::render(&base);
        group.throughput(Throughput::Bytes(text.len() as u64));
        let size = format!("{records}_records_{history}_history");
        let dir = tmpfs_dir();
        let path = dir.path().join("progress.yaml");
        std::fs::write(&path, &text).expect("write progress");
        let id = |name| BenchmarkId::new(name, &size);

        group.bench_function(id("open"), |b| {
            b.iter(|| {
                Store::open(black_box(path.clone()))
                    .expect("store opens")
                    .progress()
                    .history
                    .len()
            });
        });

        let mut store = Store::open(path.clone()).expect("store opens");
        let mut i = 0usize;
        // No one else wrote: lock, read back, compare bytes, render, write.
        group.bench_function(id("save"), |b| {
            b.iter(|| store.update(|p| one_change(p, &mut i)).expect("save"));
        });

        // Another copy wrote since: the save parses the file and merges.
        let others = [0, 1].map(|w| other_copy_bytes(&base, w, progress::now()));
        let mut w = 0usize;
        let mut other_writes = || {
            w += 1;
            std::fs::write(&path, &others[w % 2]).expect("the other copy writes");
        };
        group.bench_function(id("save_after_other_write"), |b| {
            b.iter_batched(
                &mut other_writes,
                |()| store.update(|p| one_change(p, &mut i)).expect("save"),
                BatchSize::PerIteration,
            );
        });

        // The live view: another copy wrote, the app reads and merges it
        // into what it has in memory.
        group.bench_function(id("live_reload"), |b| {
            b.iter_batched(
                &mut other_writes,
                |()| assert!(store.refresh().expect("reload"), "the file changed"),
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
}
