//! Prints a synthetic roadmap of N skills (default 10,000), for measuring
//! peak memory and start-up by hand:
//! `cargo run --release --example synth_roadmap 10000 > /tmp/big.yaml`.

#[path = "../benches/synth.rs"]
mod synth;

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    print!("{}", synth::roadmap_yaml(n));
}
