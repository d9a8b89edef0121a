//! Where to look for roadmaps: the list of places ([`Sources`]), the
//! directories and environment variables that make it up, and the files of
//! one directory. Kept apart from loading, which only walks what it is given.

use std::path::{Path, PathBuf};

/// Environment variable naming an extra directory of roadmap files.
pub const ROADMAPS_ENV: &str = "TRAILMARK_ROADMAPS";
/// Environment variable overriding trailmark's config directory.
pub const CONFIG_ENV: &str = "TRAILMARK_CONFIG_DIR";

/// The places to look, in increasing precedence.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub bundled: bool,
    pub dirs: Vec<PathBuf>,
    /// Directories that must exist (named explicitly by the user).
    pub required_dirs: Vec<PathBuf>,
    pub paths: Vec<PathBuf>,
}

impl Sources {
    pub fn bundled_only() -> Self {
        Self {
            bundled: true,
            ..Self::default()
        }
    }

    /// Whether any roadmap may come from outside the bundled ones: a user
    /// directory that exists, a directory named by the user, or a path.
    pub fn has_user_files(&self) -> bool {
        self.dirs.iter().any(|d| d.is_dir())
            || !self.required_dirs.is_empty()
            || !self.paths.is_empty()
    }

    /// Bundled roadmaps, then `<config>/roadmaps`, then `TRAILMARK_ROADMAPS`,
    /// then each `--roadmap` path.
    pub fn standard(paths: Vec<PathBuf>) -> Self {
        let mut s = Self::bundled_only();
        if let Some(dir) = config_dir() {
            s.dirs.push(dir.join("roadmaps"));
        }
        if let Some(dir) = std::env::var_os(ROADMAPS_ENV).filter(|v| !v.is_empty()) {
            s.required_dirs.push(PathBuf::from(dir));
        }
        s.paths = paths;
        s
    }
}

/// trailmark's config directory: `TRAILMARK_CONFIG_DIR`, else the platform's
/// (`~/.config/trailmark` on Linux).
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "trailmark").map(|d| d.config_dir().to_owned())
}

/// The `*.yaml` and `*.yml` files directly in `dir`, sorted by name.
pub fn roadmap_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|e| {
                    e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml")
                })
        })
        .collect();
    files.sort();
    Ok(files)
}
