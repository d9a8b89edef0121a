//! Criterion benchmarks for the budgets in the README's Performance section.
//! Inputs are generated (see `synth.rs`); nothing large is committed.

// A benchmark that cannot set up should stop loudly.
#![allow(clippy::expect_used)]

#[path = "synth.rs"]
mod synth;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use serde::Deserialize;
use trailmark::catalog::{Catalog, Sources};
use trailmark::forecast;
use trailmark::progress::{self, Progress, Status, Store};
use trailmark::roadmap::Roadmap;

const SIZES: [usize; 4] = [100, 1_000, 10_000, 50_000];

/// The floor: the same file deserialized by `serde_yaml` alone into plain
/// structs, with no validation and no model building.
#[allow(dead_code)]
mod plain {
    use super::Deserialize;

    #[derive(Deserialize)]
    pub struct Roadmap {
        pub id: String,
        pub title: String,
        pub summary: String,
        pub source: Source,
        pub pace_hours_per_week: Option<f64>,
        pub phases: Vec<Phase>,
    }
    #[derive(Deserialize)]
    pub struct Source {
        pub title: Option<String>,
        pub author: Option<String>,
        pub published: Option<String>,
        pub url: Option<String>,
    }
    #[derive(Deserialize)]
    pub struct Phase {
        pub id: String,
        pub title: String,
        pub summary: String,
        pub estimate: Option<String>,
        pub skills: Vec<Skill>,
        pub projects: Vec<Project>,
    }
    #[derive(Deserialize)]
    pub struct Skill {
        pub id: String,
        pub title: String,
        pub key: Option<String>,
        pub summary: String,
        #[serde(default)]
        pub topics: Vec<String>,
        #[serde(default)]
        pub resources: Vec<Resource>,
        pub estimate: Option<String>,
    }
    #[derive(Deserialize)]
    pub struct Resource {
        pub title: String,
        pub url: String,
    }
    #[derive(Deserialize)]
    pub struct Project {
        pub id: String,
        pub title: String,
        pub description: String,
        pub skills: Vec<String>,
    }
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for n in SIZES {
        let text = synth::roadmap_yaml(n);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("trailmark_validate", n), &text, |b, t| {
            b.iter(|| {
                Roadmap::from_yaml_str(black_box(t), "synthetic.yaml").map(|r| r.skill_count())
            });
        });
        group.bench_with_input(BenchmarkId::new("serde_yaml_floor", n), &text, |b, t| {
            b.iter(|| serde_yaml::from_str::<plain::Roadmap>(black_box(t)).map(|r| r.phases.len()));
        });
    }
    group.finish();
}

fn catalog(c: &mut Criterion) {
    c.bench_function("catalog/bundled", |b| {
        b.iter(|| {
            Catalog::load(black_box(&Sources::bundled_only()))
                .entries
                .len()
        });
    });
}

/// A progress with one record (and one history entry) per skill.
fn full_progress(roadmap: &Roadmap) -> Progress {
    let mut p = Progress::default();
    let at = progress::now();
    for (i, (_, s)) in roadmap.skills().enumerate() {
        let status = Status::ALL[i % 4];
        p.set_status(&roadmap.id, s, status, at);
    }
    p
}

fn saving(c: &mut Criterion) {
    let roadmap = Roadmap::from_yaml_str(&synth::roadmap_yaml(10_000), "s.yaml")
        .expect("synthetic roadmap loads");
    let p = full_progress(&roadmap);
    let mut group = c.benchmark_group("progress_10k");
    group.sample_size(20);
    let text = progress::render(&p);
    group.bench_function("save_without_fsync", |b| {
        // Everything a save does but the disk: read back what is there, merge, render.
        b.iter(|| {
            let disk = progress::parse(black_box(text.as_bytes()), std::path::Path::new("p.yaml"))
                .map(|d| {
                    let merged = progress::merge(&p, &p, &d);
                    progress::render(&merged).len()
                });
            black_box(disk)
        });
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path().join("progress.yaml")).expect("store opens");
    *store.progress_mut() = p.clone();
    group.bench_function("save_with_fsync", |b| b.iter(|| store.save()));
    group.finish();
    c.bench_function("estimator/summarize_10k", |b| {
        b.iter(|| {
            forecast::summarize(black_box(&roadmap), black_box(&p))
                .overall
                .remaining
                .weeks
        });
    });
}

criterion_group!(benches, load, catalog, saving);
criterion_main!(benches);
