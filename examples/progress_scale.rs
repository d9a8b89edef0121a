//! How reading and merging the progress file grow with its size: parse and
//! merge time per history entry at three sizes, in one process, so the
//! machine's load moves all three alike (`cargo run --release --example
//! progress_scale`). The README's Performance section quotes it.

use std::time::Instant;

use trailmark::progress::{Progress, Status, merge_owned, now, parse, render};

fn progress(records: usize, history: usize) -> Progress {
    let mut p = Progress::default();
    let mut n = 0;
    while n < history {
        for i in 0..records {
            if n >= history {
                break;
            }
            let to = Status::ALL[(n / records + 1) % 4];
            if p.set_status_by_id("r", &format!("r/skill-{i}"), to, now())
                .is_some()
            {
                n += 1;
            }
        }
    }
    p
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("records  history   MiB  parse    per entry  merge");
    for (records, history) in [(1_000, 5_000), (2_000, 20_000), (10_000, 100_000)] {
        let p = progress(records, history);
        let text = render(&p);
        let start = Instant::now();
        let read = parse(text.as_bytes(), std::path::Path::new("progress.yaml"))?;
        let parsed = start.elapsed();
        let start = Instant::now();
        let merged = merge_owned(p, read);
        let merging = start.elapsed();
        assert_eq!(merged.history.len(), history);
        let entries = u32::try_from(history)?;
        println!(
            "{records:>7}  {history:>7}  {:>4.1}  {parsed:>7.1?}  {:>9.2?}  {merging:.1?}",
            text.len() as f64 / 1_048_576.0,
            parsed / entries,
        );
    }
    Ok(())
}
