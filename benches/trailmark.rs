//! Criterion benchmarks for the budgets in the README's Performance section.
//! Inputs are generated (see `synth.rs`); nothing large is committed.

// A benchmark that cannot set up should stop loudly.
#![allow(clippy::expect_used)]

#[path = "progress_file.rs"]
mod progress_file;
#[path = "synth.rs"]
mod synth;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use trailmark::catalog::{Catalog, Entry, Origin, Sources};
use trailmark::forecast;
use trailmark::progress::{self, Progress, Status, Store};
use trailmark::roadmap::Roadmap;
use trailmark::tui::Launch;
use trailmark::tui::action::Action;
use trailmark::tui::app::App;
use trailmark::tui::theme::Theme;
use trailmark::tui::update::update;

const SIZES: [usize; 4] = [100, 1_000, 10_000, 50_000];

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
            b.iter(|| {
                serde_yaml::from_str::<synth::plain::Roadmap>(black_box(t)).map(|r| r.phases.len())
            });
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

/// Rendering and parsing alone, and the estimator; the store's open, save
/// and reload are in `progress_file.rs`.
fn saving(c: &mut Criterion) {
    let roadmap = Roadmap::from_yaml_str(&synth::roadmap_yaml(10_000), "s.yaml")
        .expect("synthetic roadmap loads");
    let p = full_progress(&roadmap);
    let mut group = c.benchmark_group("progress_10k");
    group.sample_size(20);
    let text = progress::render(&p);
    group.bench_function("render", |b| {
        b.iter(|| progress::render(black_box(&p)).len());
    });
    group.bench_function("parse", |b| {
        b.iter(|| {
            progress::parse(black_box(text.as_bytes()), std::path::Path::new("p.yaml"))
                .map(|d| d.skills.len())
        });
    });
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

/// The app on one synthetic roadmap, opened, at 200×50, with progress in a temp dir.
fn app_on(skills: usize, dir: &std::path::Path) -> App {
    let roadmap = Roadmap::from_yaml_str(&synth::roadmap_yaml(skills), "s.yaml")
        .expect("synthetic roadmap loads");
    let catalog = Catalog {
        entries: vec![Entry {
            roadmap,
            origin: Origin::Path,
            file: "s.yaml".into(),
            replaced: None,
        }],
        errors: Vec::new(),
        first_frame: false,
    };
    open_app(catalog, &dir.join("progress.yaml"))
}

/// The app on `catalog` with its first roadmap open at 200×50, as the TUI
/// shows it after start-up.
fn open_app(catalog: Catalog, path: &std::path::Path) -> App {
    let launch = Launch {
        catalog,
        store: Store::open(path.to_owned()),
        data_path: path.to_owned(),
        places: None,
    };
    let now = progress::now();
    let mut app = App::new(launch, now, now.date_naive(), Theme::COLOR);
    app.open_roadmap(0);
    update(
        &mut app,
        Action::Resize {
            width: 200,
            height: 50,
        },
    );
    app
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) -> bool {
    terminal.draw(|f| f.render_widget(app, f.area())).is_ok()
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_200x50");
    for n in [100, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = app_on(n, dir.path());
        // Focus the skills pane and go to the middle of the roadmap, where
        // the lists are neither at their start nor their end.
        update(&mut app, Action::FocusRight);
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test terminal");
        // `None`: just the frame; else the key's update first. A tick changes
        // progress and the cached numbers; in the real loop its save follows
        // after this frame.
        for (name, action) in [
            ("draw", None),
            ("key_down_and_draw", Some(Action::Down)),
            ("tick_and_draw", Some(Action::ToggleDone)),
        ] {
            group.bench_function(BenchmarkId::new(name, n), |b| {
                b.iter(|| {
                    if let Some(a) = &action {
                        update(&mut app, a.clone());
                    }
                    draw(&mut terminal, &app)
                });
            });
        }
    }
    group.finish();
}

/// What the first screen costs in-process: the bundled catalog, the app, one frame.
fn startup(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("progress.yaml");
    c.bench_function("startup/bundled_catalog_and_first_frame", |b| {
        b.iter(|| {
            let app = open_app(Catalog::load(&Sources::bundled_only()), &path);
            let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test terminal");
            draw(&mut terminal, &app)
        });
    });
}

criterion_group!(
    benches,
    load,
    catalog,
    saving,
    progress_file::progress_file,
    frames,
    startup
);
criterion_main!(benches);
