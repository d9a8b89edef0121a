//! The progress file stays what it is, run as a user would with the real
//! binary: a symbolic link stays a link and its target changes, the mode is
//! kept, nothing is left beside the file, links planted beside it are not
//! followed, a lock held by another process is waited for and then given up
//! on with a clear message, and an old lock never makes progress read-only.
//!
//! Every run uses its own lock folder (`TRAILMARK_LOCK_DIR`) inside the
//! test's temporary folder. Unix only: links and modes.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs::{self, File};
use std::io::{BufRead, BufReader};
use std::os::unix::fs::{PermissionsExt as _, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use trailmark::progress::file::lock::{LOCK_DIR_ENV, LOCK_TIMEOUT_ENV, lock_path_in};
use trailmark::progress::file::real_path;
use trailmark::progress::{Status, Store};

const ROADMAP: &str = "backend-six-phases";

/// The binary with a clean environment, its progress file at `data`.
fn trailmark(dir: &Path, data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trailmark"));
    cmd.env("TRAILMARK_CONFIG_DIR", dir.join("config"))
        .env("TRAILMARK_DATA", data)
        .env("TRAILMARK_TODAY", "2026-03-16")
        .env(LOCK_DIR_ENV, locks(dir))
        .env("TRAILMARK_STATE", dir.join("state/state.yaml"))
        .env_remove("TRAILMARK_ROADMAPS")
        .env_remove(LOCK_TIMEOUT_ENV)
        .stdin(Stdio::null());
    cmd
}

fn locks(dir: &Path) -> PathBuf {
    dir.join("locks")
}

fn mark(dir: &Path, data: &Path, skill: &str) -> Output {
    trailmark(dir, data)
        .args(["mark", ROADMAP, skill, "done"])
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn is_done(path: &Path, skill: &str) -> bool {
    let store = Store::open(path.to_owned()).unwrap();
    store
        .progress()
        .skills
        .get(skill)
        .is_some_and(|r| r.status() == Status::Done)
}

/// A root folder with `data/` and `dotfiles/`, canonical so paths compare.
fn root() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(dir.path()).unwrap();
    fs::create_dir_all(root.join("data")).unwrap();
    fs::create_dir_all(root.join("dotfiles/trailmark")).unwrap();
    (dir, root)
}

#[test]
fn a_linked_progress_file_stays_a_link_and_its_target_changes() {
    let (_keep, root) = root();
    let target = root.join("dotfiles/trailmark/progress.yaml");
    fs::write(&target, "version: 1\n").unwrap();
    symlink(&target, root.join("data/absolute.yaml")).unwrap();
    symlink(
        "../dotfiles/trailmark/progress.yaml",
        root.join("data/relative.yaml"),
    )
    .unwrap();
    symlink("relative.yaml", root.join("data/chain.yaml")).unwrap();
    for (link, skill) in [
        ("absolute.yaml", "http"),
        ("relative.yaml", "variables"),
        ("chain.yaml", "control-flow"),
    ] {
        let path = root.join("data").join(link);
        let out = mark(&root, &path, skill);
        assert!(out.status.success(), "{link}: {}", stderr(&out));
        let meta = fs::symlink_metadata(&path).unwrap();
        assert!(meta.file_type().is_symlink(), "{link} was replaced");
        let text = fs::read_to_string(&target).unwrap();
        assert!(text.contains(skill), "{link}: {text}");
    }
    assert_eq!(
        names(&root.join("data")),
        ["absolute.yaml", "chain.yaml", "relative.yaml"]
    );
    assert_eq!(names(&root.join("dotfiles/trailmark")), ["progress.yaml"]);
    assert!(
        names(&locks(&root)).is_empty(),
        "{:?}",
        names(&locks(&root))
    );
}

#[test]
fn a_dangling_link_gets_its_target_made() {
    let (_keep, root) = root();
    let path = root.join("data/progress.yaml");
    symlink("../dotfiles/trailmark/progress.yaml", &path).unwrap();
    let out = mark(&root, &path, "http");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::symlink_metadata(&path).unwrap().is_symlink());
    assert!(is_done(
        &root.join("dotfiles/trailmark/progress.yaml"),
        "http"
    ));
}

#[test]
fn a_link_into_a_folder_not_yet_made_is_read_only_and_makes_nothing() {
    let (_keep, root) = root();
    let path = root.join("data/progress.yaml");
    symlink(root.join("not-cloned/progress.yaml"), &path).unwrap();
    let out = mark(&root, &path, "http");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert!(err.contains("create the folder or fix the link"), "{err}");
    assert!(!root.join("not-cloned").exists());
}

#[test]
fn recovering_a_linked_file_moves_the_target_aside_and_keeps_the_link() {
    let (_keep, root) = root();
    let target = root.join("dotfiles/trailmark/progress.yaml");
    fs::write(&target, "version: 1\nskills: [\n").unwrap();
    let path = root.join("data/progress.yaml");
    symlink(&target, &path).unwrap();
    let out = trailmark(&root, &path)
        .args(["mark", ROADMAP, "http", "done", "--recover"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::symlink_metadata(&path).unwrap().is_symlink());
    assert!(is_done(&target, "http"));
    let beside = names(&root.join("dotfiles/trailmark"));
    assert_eq!(beside.len(), 2, "{beside:?}");
    assert!(
        beside[1].starts_with("progress.yaml.corrupt-"),
        "{beside:?}"
    );
}

#[test]
fn the_mode_is_kept() {
    let (_keep, root) = root();
    let path = root.join("data/progress.yaml");
    fs::write(&path, "version: 1\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    let out = mark(&root, &path, "http");
    assert!(out.status.success(), "{}", stderr(&out));
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o600, "{mode:o}");
    assert!(is_done(&path, "http"));
}

#[test]
fn nothing_is_left_beside_the_file_after_a_run_or_a_failed_save() {
    let (_keep, root) = root();
    let path = root.join("data/progress.yaml");
    for skill in ["http", "control-flow"] {
        let out = mark(&root, &path, skill);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(names(&root.join("data")), ["progress.yaml"]);
    }
    // A failed save: a name too long for any temporary name beside it.
    let long = root.join("data").join("p".repeat(255));
    fs::copy(&path, &long).unwrap();
    let out = mark(&root, &long, "variables");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot write a temporary file"));
    assert_eq!(
        names(&root.join("data")),
        [long.file_name().unwrap().to_str().unwrap(), "progress.yaml"]
    );
    assert!(
        names(&locks(&root)).is_empty(),
        "{:?}",
        names(&locks(&root))
    );
}

#[test]
fn links_planted_at_any_predictable_name_are_not_followed() {
    let (_keep, root) = root();
    let victim = root.join("victim");
    fs::write(&victim, "precious").unwrap();
    let path = root.join("data/progress.yaml");
    fs::write(&path, "version: 1\n").unwrap();
    let planted = [
        ".progress.yaml.tmp",
        "progress.yaml.tmp",
        "progress.yaml.lock",
        ".progress.yaml.lock",
        "progress.yaml~",
        ".trailmark-probe.",
    ];
    for name in planted {
        symlink(&victim, root.join("data").join(name)).unwrap();
    }
    // The lock path too, though it is in the user's own lock folder.
    let lock = lock_path_in(&locks(&root), &real_path(&path).unwrap());
    fs::create_dir_all(locks(&root)).unwrap();
    symlink(root.join("lock-victim"), &lock).unwrap();
    let out = mark(&root, &path, "http");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert!(!root.join("lock-victim").exists());
    assert!(fs::symlink_metadata(&lock).unwrap().is_symlink());
    assert!(is_done(&path, "http"));
    assert_eq!(names(&root.join("data")).len(), planted.len() + 1);
    for name in planted {
        assert!(
            fs::symlink_metadata(root.join("data").join(name))
                .unwrap()
                .is_symlink()
        );
    }
}

/// Holds the lock of `data` as another trailmark would, until dropped.
fn hold_lock(root: &Path, data: &Path) -> File {
    fs::create_dir_all(locks(root)).unwrap();
    let path = lock_path_in(&locks(root), &real_path(data).unwrap());
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .unwrap();
    file.lock().unwrap();
    file
}

#[test]
fn a_held_lock_is_waited_for_and_the_save_goes_on_when_it_is_released() {
    let (_keep, root) = root();
    let path = root.join("data/progress.yaml");
    let held = hold_lock(&root, &path);
    let mut child = trailmark(&root, &path)
        .args(["mark", ROADMAP, "http", "done"])
        .env(LOCK_TIMEOUT_ENV, "60000")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(
        first.contains(&format!(
            "waiting for another trailmark to finish saving {}",
            path.display()
        )),
        "{first}"
    );
    assert!(!path.exists(), "saved while the lock was held");
    drop(held);
    let rest: Vec<String> = lines.map(Result::unwrap).collect();
    assert!(child.wait().unwrap().success(), "{rest:?}");
    assert!(rest.is_empty(), "told more than once: {rest:?}");
    assert!(is_done(&path, "http"));
    // The lock file went with the save that took it.
    assert!(
        names(&locks(&root)).is_empty(),
        "{:?}",
        names(&locks(&root))
    );
}

#[test]
fn a_lock_never_released_is_given_up_on_with_a_clear_message() {
    let (_keep, root) = root();
    let path = root.join("data/progress.yaml");
    fs::write(&path, "version: 1\n").unwrap();
    let _held = hold_lock(&root, &path);
    let out = trailmark(&root, &path)
        .args(["mark", ROADMAP, "http", "done"])
        .env(LOCK_TIMEOUT_ENV, "500")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("waiting for another trailmark"), "{err}");
    let lock = lock_path_in(&locks(&root), &real_path(&path).unwrap());
    for wanted in [
        format!(
            "{}: another trailmark process has held the lock",
            path.display()
        ),
        "so this change was not saved".to_owned(),
        "Let the other trailmark finish".to_owned(),
        lock.display().to_string(),
    ] {
        assert!(err.contains(&wanted), "wanted {wanted:?} in {err}");
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), "version: 1\n");
    assert_eq!(names(&root.join("data")), ["progress.yaml"]);
}

#[test]
fn a_bad_lock_timeout_is_reported() {
    let (_keep, root) = root();
    let path = root.join("data/progress.yaml");
    let out = trailmark(&root, &path)
        .args(["mark", ROADMAP, "http", "done"])
        .env(LOCK_TIMEOUT_ENV, "soon")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "TRAILMARK_LOCK_TIMEOUT_MS is \"soon\"; it must be a whole number of milliseconds"
        ),
        "{err}"
    );
}

#[test]
fn an_old_or_foreign_lock_that_cannot_be_opened_never_blocks_saving() {
    let (_keep, root) = root();
    let path = root.join("data/progress.yaml");
    // The lock of older versions, beside the file, and a lock in the lock
    // folder that cannot be opened: folders, which even root cannot open for
    // writing, as a lock file of another user cannot be.
    fs::create_dir(root.join("data/progress.yaml.lock")).unwrap();
    let path_for_lock = {
        fs::write(&path, "version: 1\n").unwrap();
        real_path(&path).unwrap()
    };
    fs::create_dir_all(lock_path_in(&locks(&root), &path_for_lock)).unwrap();
    let status = trailmark(&root, &path)
        .args(["status", ROADMAP])
        .output()
        .unwrap();
    assert!(
        !stderr(&status).contains("read-only"),
        "{}",
        stderr(&status)
    );
    let out = mark(&root, &path, "http");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(is_done(&path, "http"));
}
