//! Loads a 10,000-skill synthetic roadmap 25 times each way, alternating, and
//! prints the median times of `serde_yaml` alone (the floor) and of
//! trailmark's load + validate, and their ratio (budget: 1.25).
//! Alternating in one process cancels out most of a noisy machine's drift.
//!
//! `cargo run --release --example load_ratio`

#[path = "../benches/synth.rs"]
mod synth;

use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let skills = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let text = synth::roadmap_yaml(skills);
    let (mut floor, mut ours) = (Vec::new(), Vec::new());
    for _ in 0..25 {
        let t = Instant::now();
        let plain = serde_yaml::from_str::<synth::plain::Roadmap>(&text);
        floor.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(plain.is_ok(), "the floor structs read the synthetic file");
        let t = Instant::now();
        let loaded = trailmark::roadmap::Roadmap::from_yaml_str(&text, "synthetic.yaml");
        ours.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(loaded.is_ok(), "trailmark loads the synthetic file");
    }
    let (f, o) = (median(floor), median(ours));
    println!(
        "{skills} skills: serde_yaml alone {f:.1} ms, trailmark load + validate {o:.1} ms, ratio {:.3}",
        o / f
    );
}
