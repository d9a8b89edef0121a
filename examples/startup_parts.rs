#![allow(clippy::expect_used, clippy::unwrap_used)]
//! Where the time before trailmark's first frame goes, in process: parsing
//! the roadmap the first screen needs, the whole catalog, opening the
//! progress file, building the app and drawing a frame to a test backend.
//! Medians of 50 runs.
//!
//! `cargo run --release --example startup_parts`

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use trailmark::catalog::{Catalog, Sources};
use trailmark::progress::Store;
use trailmark::tui::Launch;
use trailmark::tui::app::App;
use trailmark::tui::theme::Theme;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let mut store = Store::open(path.clone()).unwrap();
    store.progress_mut().legacy.last_roadmap = Some("backend-six-phases".to_owned());
    store.save().unwrap();
    let mut t: [Vec<f64>; 5] = Default::default();
    for _ in 0..50 {
        let ms = |s: Instant| s.elapsed().as_secs_f64() * 1e3;
        let s = Instant::now();
        let one = Catalog::load_bundled_first(Some("backend-six-phases")).unwrap();
        t[0].push(ms(s));
        let s = Instant::now();
        let _all = Catalog::load(&Sources::bundled_only());
        t[1].push(ms(s));
        let s = Instant::now();
        let store = Store::open(path.clone());
        t[2].push(ms(s));
        let s = Instant::now();
        let now = trailmark::progress::now();
        let app = App::new(
            Launch {
                catalog: one,
                store,
                data_path: path.clone(),
                places: None,
            },
            now,
            chrono::Local::now().date_naive(),
            Theme::COLOR,
        );
        t[3].push(ms(s));
        let s = Instant::now();
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        t[4].push(ms(s));
    }
    let names = [
        "one roadmap",
        "whole catalog",
        "progress file",
        "app",
        "frame",
    ];
    for (name, v) in names.iter().zip(t) {
        println!("{name:>14}: {:.3} ms", median(v));
    }
}
