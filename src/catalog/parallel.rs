//! Loading many roadmap files at once: each file is a job, parsed on up to
//! one thread per core, the results kept in load order.
//!
//! Why threads: parsing YAML is most of the time before the first frame of
//! the roadmap picker when the learner has roadmap files of their own (the
//! picker needs every roadmap to order and describe them), and the files
//! are independent. Bundled roadmaps alone parse on the calling thread, as
//! they are read from JSON. Measured with
//! `cargo run --release --example startup_parts` (whole catalog).

use std::path::{Path, PathBuf};

use super::{BundledFile, Origin, roadmap_files};
use crate::roadmap::{LoadError, Roadmap};

/// One file to load, in load order.
pub(super) enum Job {
    Bundled(BundledFile),
    File(PathBuf, Origin),
    /// A folder that could not be listed: its error keeps its place.
    Failed(LoadError),
}

/// The jobs for every roadmap file in `dir`, or its listing error.
pub(super) fn dir_jobs(dir: &Path, origin: Origin) -> Vec<Job> {
    match roadmap_files(dir) {
        Ok(files) => files.into_iter().map(|f| Job::File(f, origin)).collect(),
        Err(source) => vec![Job::Failed(LoadError::Io {
            path: dir.to_owned(),
            source,
        })],
    }
}

/// What one job gave: the roadmap or why not, where from, and the file name shown.
pub(super) type Loaded = (Result<Roadmap, LoadError>, Origin, String);

fn run(job: Job) -> Loaded {
    match job {
        Job::Bundled(file) => (file.parse(), Origin::Bundled, file.path()),
        Job::File(path, origin) => (
            Roadmap::load_file(&path),
            origin,
            path.display().to_string(),
        ),
        Job::Failed(err) => (Err(err), Origin::User, String::new()),
    }
}

/// Parses the jobs on up to one thread per core and returns the results in
/// job order.
pub(super) fn parse_all(jobs: Vec<Job>) -> Vec<Loaded> {
    // Bundled roadmaps read from JSON in about 40 µs each: for them alone a
    // thread (and the cold allocator arena it starts with) costs more than
    // it saves (first-run picker 1.53–1.58× a bare frame on one thread,
    // 1.53–1.67× on two, `examples/first_frame`).
    let files = jobs.iter().filter(|j| matches!(j, Job::File(..))).count();
    let threads = if files == 0 {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .min(jobs.len())
    };
    if threads <= 1 {
        return jobs.into_iter().map(run).collect();
    }
    // Job i goes to thread i % threads; the main thread takes share 0.
    let mut shares: Vec<Vec<(usize, Job)>> = (0..threads).map(|_| Vec::new()).collect();
    let count = jobs.len();
    for (i, job) in jobs.into_iter().enumerate() {
        shares[i % threads].push((i, job));
    }
    let mut done: Vec<Option<Loaded>> = (0..count).map(|_| None).collect();
    let mut place = |results: Vec<(usize, Loaded)>| {
        for (i, loaded) in results {
            done[i] = Some(loaded);
        }
    };
    let run_share = |share: Vec<(usize, Job)>| -> Vec<(usize, Loaded)> {
        share.into_iter().map(|(i, job)| (i, run(job))).collect()
    };
    let mut shares = shares.into_iter();
    let own = shares.next().unwrap_or_default();
    std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .map(|share| scope.spawn(move || run_share(share)))
            .collect();
        place(run_share(own));
        for handle in handles {
            // A parse that panicked is a bug; re-raise it on this thread.
            match handle.join() {
                Ok(results) => place(results),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    done.into_iter().flatten().collect()
}
