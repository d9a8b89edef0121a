//! Shared by the roadmap command tests: a sandbox with its own config and
//! data locations in a temporary directory (`TRAILMARK_ROADMAPS` removed, so
//! the real home is never read), running the binary in it, and the
//! expected lines and numbers from the library's own reading of the bundled
//! files, so these tests follow the bundled roadmaps as they change.

#![allow(dead_code)] // each test file uses only some of these
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;
use trailmark::catalog::BUNDLED;
use trailmark::estimate::Weeks;
use trailmark::roadmap::Roadmap;

pub const BIN: &str = env!("CARGO_BIN_EXE_trailmark");
pub const SIX: &str = "backend-six-phases";

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A private home for one test.
pub struct Sandbox {
    pub dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    /// The user's roadmap directory, created.
    pub fn user_roadmaps(&self) -> PathBuf {
        let dir = self.config().join("roadmaps");
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let home = self.dir.path().join("home");
        let out = Command::new(BIN)
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("TRAILMARK_CONFIG_DIR", self.config())
            .env("TRAILMARK_DATA", self.dir.path().join("data/progress.yaml"))
            .env("TRAILMARK_STATE", self.dir.path().join("state/state.yaml"))
            .env_remove("TRAILMARK_ROADMAPS")
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap(),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }
}

pub fn bundled() -> Vec<Roadmap> {
    BUNDLED
        .iter()
        .map(|f| Roadmap::from_yaml_str(f.text, f.name).unwrap())
        .collect()
}

pub fn bundled_ids() -> Vec<String> {
    bundled().into_iter().map(|r| r.id).collect()
}

/// The line `validate` gives a valid file, from the library's own reading.
pub fn ok_line(file: &str, r: &Roadmap) -> String {
    let n =
        |count: usize, what: &str| format!("{count} {what}{}", if count == 1 { "" } else { "s" });
    let pace = r.pace_hours_per_week.map_or_else(
        || "pace not stated".to_owned(),
        |h| format!("pace {h} h/week"),
    );
    format!(
        "{file}: ok: `{}` \"{}\", {}, {}, {}, {pace}\n",
        r.id,
        r.title,
        n(r.phases.len(), "phase"),
        n(r.skill_count(), "skill"),
        r.total()
    )
}

/// Every bundled file's `validate` line, in file-name order.
pub fn bundled_ok_lines() -> String {
    BUNDLED
        .iter()
        .zip(bundled())
        .map(|(f, r)| ok_line(&format!("roadmaps/{}", f.name), &r))
        .collect()
}

/// `{min, max}` in JSON, or null.
pub fn weeks_json(w: Option<Weeks>) -> Value {
    w.map_or(
        Value::Null,
        |w| serde_json::json!({"min": w.min, "max": w.max}),
    )
}

pub fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

/// A small roadmap in a file of its own.
pub fn mini(id: &str, title: &str) -> String {
    format!(
        "id: {id}\ntitle: {title}\nsource: {{author: me}}\nphases:\n  - id: only\n    title: Only\n    estimate: 2 weeks\n    skills:\n      - id: one\n        title: One\n"
    )
}
