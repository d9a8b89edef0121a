//! The lock on real files in temporary folders: taken, waited for, given up
//! on, removed after use, and moved to a private folder when the usual one
//! cannot hold it.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;

use super::*;

fn folder(dir: &Path) -> Vec<(PathBuf, bool)> {
    vec![(dir.join("locks"), false)]
}

fn take(folders: &[(PathBuf, bool)], limit: Duration) -> (Result<Lock, LockError>, Vec<Waiting>) {
    let mut seen = Vec::new();
    let got = acquire_in(
        folders,
        Path::new("/data/progress.yaml"),
        Path::new("~/progress.yaml"),
        limit,
        &mut |w| seen.push(w.clone()),
    );
    (got, seen)
}

#[test]
fn the_name_is_stable_readable_and_per_file() {
    // FNV-1a's published test values: the name must never change between versions.
    assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    let a = lock_name(Path::new("/home/me/progress.yaml"));
    let hash = a
        .strip_prefix("progress.yaml-")
        .and_then(|rest| rest.strip_suffix(".lock"));
    assert!(hash.is_some_and(|h| h.len() == 16), "{a}");
    assert_ne!(a, lock_name(Path::new("/home/you/progress.yaml")));
    let odd = lock_name(Path::new("/x/pro gress\n✓.yaml"));
    assert!(odd.starts_with("pro_gress__.yaml-"), "{odd}");
}

#[test]
fn a_free_lock_is_taken_quietly_and_removed_after_use() {
    let dir = tempfile::tempdir().unwrap();
    let folders = folder(dir.path());
    let (lock, seen) = take(&folders, Duration::ZERO);
    let lock = lock.unwrap();
    assert!(seen.is_empty());
    let path = lock_path_in(&dir.path().join("locks"), Path::new("/data/progress.yaml"));
    assert!(path.exists());
    drop(lock);
    assert!(!path.exists());
}

#[test]
fn a_held_lock_is_waited_for_then_given_up_with_the_lock_named() {
    let dir = tempfile::tempdir().unwrap();
    let folders = folder(dir.path());
    let held = take(&folders, Duration::ZERO).0.unwrap();
    // Given up at once: no notice.
    let (err, seen) = take(&folders, Duration::ZERO);
    assert!(matches!(err, Err(LockError::TimedOut { .. })), "{err:?}");
    assert!(seen.is_empty());
    // Past the notice time: told once, first, naming the file as shown.
    let limit = WAIT_NOTICE + Duration::from_millis(100);
    let (err, seen) = take(&folders, limit);
    let msg = err.unwrap_err().to_string();
    assert!(
        msg.contains("another trailmark process has held the lock"),
        "{msg}"
    );
    assert!(msg.contains(&held.path.display().to_string()), "{msg}");
    assert!(msg.contains("try again"), "{msg}");
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert!(seen[0].first);
    assert_eq!(seen[0].path, Path::new("~/progress.yaml"));
    assert_eq!(seen[0].limit, limit);
    drop(held);
    assert!(take(&folders, Duration::ZERO).0.is_ok());
}

#[test]
fn a_waiter_on_a_removed_lock_file_locks_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let folders = folder(dir.path());
    let (old, path) = open(&folders, Path::new("/data/progress.yaml")).unwrap();
    old.lock().unwrap();
    // As a holder does when done: remove, then release.
    fs::remove_file(&path).unwrap();
    assert!(!is_current(&old, &path).unwrap());
    drop(old);
    let lock = take(&folders, Duration::ZERO).0.unwrap();
    assert!(is_current(&lock.file, &path).unwrap());
}

#[test]
fn an_unusable_lock_folder_falls_back_to_a_private_one() {
    let dir = tempfile::tempdir().unwrap();
    let locks = dir.path().join("locks");
    // A stale lock that cannot be opened (a folder: even root cannot open it
    // for writing), as a lock of another user would be.
    fs::create_dir_all(lock_path_in(&locks, Path::new("/data/progress.yaml"))).unwrap();
    let private = dir.path().join("mine");
    let folders = vec![(locks, false), (private.clone(), true)];
    let lock = take(&folders, Duration::ZERO).0.unwrap();
    assert!(lock.path.starts_with(&private));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(&private).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
}

#[cfg(unix)]
#[test]
fn a_private_folder_open_to_others_is_refused() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o777)).unwrap();
    let err = private_folder(&shared).unwrap_err();
    assert!(err.to_string().contains("open to others"), "{err}");
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(dir.path(), &link).unwrap();
    assert!(private_folder(&link).is_err());
    let folders = vec![(shared.clone(), true)];
    let msg = take(&folders, Duration::ZERO).0.unwrap_err().to_string();
    assert!(msg.contains(&shared.display().to_string()), "{msg}");
    assert!(msg.contains("cannot make a lock file"), "{msg}");
}

#[cfg(unix)]
#[test]
fn a_link_planted_at_the_lock_name_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let locks = dir.path().join("locks");
    fs::create_dir(&locks).unwrap();
    let planted = lock_path_in(&locks, Path::new("/data/progress.yaml"));
    std::os::unix::fs::symlink(dir.path().join("victim"), &planted).unwrap();
    let private = dir.path().join("mine");
    let folders = vec![(locks, false), (private.clone(), true)];
    let lock = take(&folders, Duration::ZERO).0.unwrap();
    assert!(lock.path.starts_with(&private));
    assert!(!dir.path().join("victim").exists());
    drop(lock);
    assert!(fs::symlink_metadata(&planted).unwrap().is_symlink());
}
