//! Real paths, atomic writes and the writability probe, on real files in
//! temporary folders (Unix: links and modes).
#![allow(clippy::unwrap_used)]

use std::fs;
use std::os::unix::fs::{PermissionsExt as _, symlink};
use std::path::Path;

use super::*;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn links_absolute_relative_and_chained_stay_links_and_their_target_changes() {
    let dir = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(dir.path()).unwrap();
    fs::create_dir_all(root.join("dotfiles/trailmark")).unwrap();
    fs::create_dir_all(root.join("data")).unwrap();
    let target = root.join("dotfiles/trailmark/progress.yaml");
    fs::write(&target, "old").unwrap();
    // data/abs -> absolute target; data/rel -> ../dotfiles/...; data/chain -> rel -> target
    symlink(&target, root.join("data/abs")).unwrap();
    symlink("../dotfiles/trailmark/progress.yaml", root.join("data/rel")).unwrap();
    symlink("rel", root.join("data/chain")).unwrap();
    for link in ["abs", "rel", "chain"] {
        let path = root.join("data").join(link);
        assert_eq!(
            resolve(&path).unwrap(),
            Resolved {
                real: target.clone(),
                linked: true
            }
        );
        write_atomic(&path, link.as_bytes()).unwrap();
        assert!(
            fs::symlink_metadata(&path)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), link);
    }
    assert_eq!(names(&root.join("data")), ["abs", "chain", "rel"]);
    assert_eq!(names(&root.join("dotfiles/trailmark")), ["progress.yaml"]);
}

#[test]
fn a_linked_folder_resolves_to_the_real_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(dir.path()).unwrap();
    fs::create_dir(root.join("real")).unwrap();
    symlink(root.join("real"), root.join("alias")).unwrap();
    let resolved = resolve(&root.join("alias/progress.yaml")).unwrap();
    assert_eq!(resolved.real, root.join("real/progress.yaml"));
    assert!(!resolved.linked);
}

#[test]
fn a_dangling_link_is_written_through_when_its_folder_exists() {
    let dir = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(dir.path()).unwrap();
    symlink("not-yet.yaml", root.join("progress.yaml")).unwrap();
    assert_eq!(probe_writable(&root.join("progress.yaml")), Ok(()));
    write_atomic(&root.join("progress.yaml"), b"new").unwrap();
    assert!(
        fs::symlink_metadata(root.join("progress.yaml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(root.join("not-yet.yaml")).unwrap(),
        "new"
    );
}

#[test]
fn a_link_into_a_missing_folder_is_read_only_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(dir.path()).unwrap();
    symlink(
        root.join("dotfiles/progress.yaml"),
        root.join("progress.yaml"),
    )
    .unwrap();
    let reason = probe_writable(&root.join("progress.yaml")).unwrap_err();
    assert!(reason.contains("symbolic link to"), "{reason}");
    assert!(
        reason.contains("create the folder or fix the link"),
        "{reason}"
    );
    assert!(!root.join("dotfiles").exists());
}

#[test]
fn a_loop_of_links_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    symlink("b", dir.path().join("a")).unwrap();
    symlink("a", dir.path().join("b")).unwrap();
    let err = resolve(&dir.path().join("a")).unwrap_err();
    assert!(err.to_string().contains("symbolic links in a row"), "{err}");
    let err = write_atomic(&dir.path().join("a"), b"x").unwrap_err();
    assert_eq!(err.action, "follow its symbolic links");
}

#[test]
fn the_mode_is_kept_and_a_new_file_gets_the_usual_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    write_atomic(&path, b"new").unwrap();
    assert_eq!(mode(&path), 0o600);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    write_atomic(&path, b"newer").unwrap();
    assert_eq!(mode(&path), 0o640);
    // A new file: what any program creating a file here would get (umask applies).
    let fresh = dir.path().join("fresh.yaml");
    write_atomic(&fresh, b"x").unwrap();
    let plain = dir.path().join("plain");
    fs::write(&plain, "x").unwrap();
    assert_eq!(mode(&fresh), mode(&plain));
}

#[test]
fn links_planted_beside_the_file_are_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    fs::write(&victim, "precious").unwrap();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    let path = data.join("progress.yaml");
    fs::write(&path, "old").unwrap();
    let planted = [
        ".progress.yaml.tmp",
        "progress.yaml.tmp",
        ".progress.yaml.lock",
        "progress.yaml.lock",
        ".progress.yaml.",
    ];
    for name in planted {
        symlink(&victim, data.join(name)).unwrap();
    }
    write_atomic(&path, b"new").unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    for name in planted {
        assert!(fs::symlink_metadata(data.join(name)).unwrap().is_symlink());
    }
    assert_eq!(names(&data).len(), planted.len() + 1, "{:?}", names(&data));
}

#[test]
fn a_failed_replace_keeps_the_old_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    // A non-empty folder where the file should be: the rename fails, even as root.
    let path = dir.path().join("progress.yaml");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside"), "kept").unwrap();
    let err = write_atomic(&path, b"new").unwrap_err();
    assert_eq!(err.action, "replace the file", "{err}");
    assert_eq!(names(dir.path()), ["progress.yaml"]);
    assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "kept");
}

#[test]
fn a_missing_folder_is_an_error_for_the_write() {
    let dir = tempfile::tempdir().unwrap();
    let err = write_atomic(&dir.path().join("no/such/file.yaml"), b"x").unwrap_err();
    assert_eq!(err.action, "write a temporary file beside it");
}

#[test]
fn the_probe_asks_the_folder_not_an_old_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data/progress.yaml");
    fs::create_dir_all(path.with_file_name("progress.yaml.lock")).unwrap();
    // An old lock that cannot be opened (a folder, even for root): still writable.
    assert_eq!(probe_writable(&path), Ok(()));
    assert_eq!(names(&dir.path().join("data")), ["progress.yaml.lock"]);
    let reason = probe_writable(Path::new("/proc/self/trailmark-cannot-exist/p.yaml")).unwrap_err();
    assert!(reason.contains("cannot create the directory"), "{reason}");
}

#[test]
fn temporary_files_of_killed_saves_are_removed_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    fs::write(&path, "kept").unwrap();
    let stale = ".progress.yaml.AbC123xyz789.tmp";
    fs::write(dir.path().join(stale), "half a save").unwrap();
    let others = [
        ".progress.yaml.short.tmp",
        ".other.yaml.AbC123xyz789.tmp",
        ".progress.yaml.AbC123xyz78!.tmp",
        "progress.yaml.AbC123xyz789.tmp",
        ".progress.yaml.AbC123xyz789.tmp.keep",
    ];
    for name in others {
        fs::write(dir.path().join(name), "not ours").unwrap();
    }
    // A link of the right shape is not a temporary file of ours.
    let link = ".progress.yaml.LinkLinkLink.tmp";
    symlink(&path, dir.path().join(link)).unwrap();
    remove_stale_temps(&path);
    let mut wanted: Vec<&str> = others.to_vec();
    wanted.extend([link, "progress.yaml"]);
    wanted.sort_unstable();
    assert_eq!(names(dir.path()), wanted);
    assert_eq!(fs::read_to_string(&path).unwrap(), "kept");
}
