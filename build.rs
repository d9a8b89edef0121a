//! Embeds every `roadmaps/*.yaml` into the binary, so `trailmark` works from
//! any directory after `cargo install` and adding a bundled roadmap needs no
//! code change.
//!
//! Each file is also embedded as JSON, converted here once: the app reads
//! every bundled roadmap at each start (the checked catalog, right after the
//! first frame), and reading them from JSON takes about a fifth of the time
//! YAML scanning does (1.4–1.9 ms against 0.3 ms for all eight, measured in
//! a release test). The
//! YAML text stays the source: a file that does not convert gets no JSON,
//! and the app reads its YAML (with its errors) as before.
//!
//! And as a *head*: the same JSON without the long texts the picker shows
//! only for the highlighted roadmap (see `head`), a third of the bytes, so
//! the picker's first frame reads the others' heads (see
//! `src/catalog/first.rs`).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=roadmaps");
    let dir = Path::new("roadmaps");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let out_dir = Path::new(&out_dir);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| Path::new(n).extension().is_some_and(|e| e == "yaml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("&[\n");
    for name in &names {
        println!("cargo:rerun-if-changed=roadmaps/{name}");
        let (json, head) = match as_json(&dir.join(name)) {
            Some((json, head)) => (
                embed(out_dir, &format!("{name}.json"), &json),
                embed(out_dir, &format!("{name}.head.json"), &head),
            ),
            None => ("None".to_owned(), "None".to_owned()),
        };
        let _ = writeln!(
            out,
            "    BundledFile {{ name: {name:?}, text: include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/roadmaps/{name}\")), json: {json}, head: {head} }},"
        );
    }
    out.push(']');
    let dest = out_dir.join("bundled.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}

/// Writes `text` to `file` in `OUT_DIR` and gives the expression that
/// embeds it: `Some(include_str!(…))`, or `None` when it cannot be written.
fn embed(out_dir: &Path, file: &str, text: &str) -> String {
    let dest = out_dir.join(file);
    match std::fs::write(&dest, text) {
        Ok(()) => format!("Some(include_str!({:?}))", dest.display().to_string()),
        Err(_) => "None".to_owned(),
    }
}

/// The YAML file as JSON text, whole and as its head (see [`head`]), or
/// `None` when it is not YAML that converts.
fn as_json(path: &Path) -> Option<(String, String)> {
    let text = std::fs::read_to_string(path).ok()?;
    let value: serde_yaml::Value = serde_yaml::from_str(&text).ok()?;
    let mut value = serde_json::to_value(&value).ok()?;
    let json = serde_json::to_string(&value).ok()?;
    head(&mut value);
    Some((json, serde_json::to_string(&value).ok()?))
}

/// What the first-run picker lists a roadmap by, and nothing it only shows
/// for the highlighted one: the document without the roadmap's summary and
/// tips, the phases' summaries and project ideas, and the skills' summaries,
/// topics and resources (ids, titles, keys, aliases, estimates and the pace
/// stay). Fields that are not where a roadmap has them are left alone.
fn head(value: &mut serde_json::Value) {
    let drop = |value: &mut serde_json::Value, keys: &[&str]| {
        if let Some(map) = value.as_object_mut() {
            for key in keys {
                map.remove(*key);
            }
        }
    };
    let items = |value: &mut serde_json::Value, key: &str| {
        value
            .get_mut(key)
            .and_then(serde_json::Value::as_array_mut)
            .map(std::mem::take)
            .unwrap_or_default()
    };
    drop(value, &["summary", "tips"]);
    let mut phases = items(value, "phases");
    for phase in &mut phases {
        drop(phase, &["summary", "projects"]);
        let mut skills = items(phase, "skills");
        for skill in &mut skills {
            drop(skill, &["summary", "topics", "resources"]);
        }
        if let Some(map) = phase.as_object_mut() {
            map.insert("skills".to_owned(), skills.into());
        }
    }
    if let Some(map) = value.as_object_mut() {
        map.insert("phases".to_owned(), phases.into());
    }
}
