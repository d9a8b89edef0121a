//! Where roadmaps come from: the bundled files compiled into the binary, the
//! user's roadmap directory, `TRAILMARK_ROADMAPS`, and `--roadmap` paths.
//!
//! A broken file never hides the others: it is kept as an error beside the
//! roadmaps that did load, for the CLI and the TUI to show.
//!
//! This file loads; `sources` says where to look and `order` how to list
//! what was found.

mod first;
mod order;
mod parallel;
mod sources;

use serde::Serialize;

pub use sources::{CONFIG_ENV, ROADMAPS_ENV, Sources, config_dir, roadmap_files};

use parallel::{Job, dir_jobs, parse_all};

use crate::roadmap::{LoadError, Roadmap};

/// A roadmap file embedded at build time.
#[derive(Debug, Clone, Copy)]
pub struct BundledFile {
    /// The file name in `roadmaps/`, e.g. `backend-six-phases.yaml`.
    pub name: &'static str,
    /// The YAML text, the source of truth.
    pub text: &'static str,
    /// The same document as JSON, converted by `build.rs` because it reads
    /// faster; `None` when the YAML did not convert.
    pub json: Option<&'static str>,
    /// The same JSON without the long texts (summaries, tips, topics,
    /// resources, project ideas), which the first-run picker shows only for
    /// the highlighted roadmap; see `build.rs`.
    pub head: Option<&'static str>,
}

impl BundledFile {
    /// The roadmap, read from the converted JSON when there is one (the
    /// same roadmap and errors as the YAML gives, faster), else the YAML.
    /// Named `roadmaps/<name>` in errors.
    pub fn parse(&self) -> Result<Roadmap, LoadError> {
        let name = self.path();
        match self.json {
            Some(json) => Roadmap::from_converted_json(json, self.text, &name),
            None => Roadmap::from_yaml_str(self.text, &name),
        }
    }

    /// The roadmap from the converted JSON without its checks, for a first
    /// frame that the checked load replaces right after (see
    /// [`Catalog::load_bundled_first`]); `None` without JSON or when the
    /// JSON does not read.
    pub fn parse_unchecked(&self) -> Option<Roadmap> {
        Roadmap::from_json_unchecked(self.json?)
    }

    /// [`BundledFile::parse_unchecked`] of the head only: a roadmap with no
    /// summaries, tips, topics, resources or project ideas.
    pub fn parse_head_unchecked(&self) -> Option<Roadmap> {
        Roadmap::from_json_unchecked(self.head?)
    }

    /// The name it goes by in the catalog and in errors: `roadmaps/<name>`.
    pub fn path(&self) -> String {
        format!("roadmaps/{}", self.name)
    }
}

/// Every `roadmaps/*.yaml`, sorted by file name (see build.rs).
pub static BUNDLED: &[BundledFile] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Which kind of place a roadmap was loaded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Bundled,
    /// The user's roadmap directory or `TRAILMARK_ROADMAPS`.
    User,
    /// A `--roadmap` argument.
    Path,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub roadmap: Roadmap,
    pub origin: Origin,
    /// The file it came from (`roadmaps/x.yaml` for bundled ones).
    pub file: String,
    /// The file of the roadmap with the same id that this one replaced.
    pub replaced: Option<String>,
}

/// Every loaded roadmap, in order, plus every file that failed.
#[derive(Debug, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
    pub errors: Vec<LoadError>,
    /// Read for the first frame only ([`Catalog::load_bundled_first`]):
    /// unchecked, perhaps in part, and replaced by the checked catalog
    /// right after that frame.
    pub first_frame: bool,
}

/// The roadmap id asked for does not exist.
#[derive(Debug, thiserror::Error)]
#[error("no roadmap has the id `{id}`; {}the roadmaps are: {}", suggestion.as_ref().map(|s| format!("did you mean `{s}`? ")).unwrap_or_default(), known.join(", "))]
pub struct UnknownRoadmap {
    pub id: String,
    pub suggestion: Option<String>,
    pub known: Vec<String>,
}

impl Catalog {
    /// Loads every source, in increasing precedence. Files are parsed on
    /// as many threads as there are cores ([`parse_all`]), then added in
    /// order, so the result is the same as a load one file at a time.
    pub fn load(sources: &Sources) -> Self {
        let mut catalog = Self::default();
        let mut jobs = Vec::new();
        if sources.bundled {
            jobs.extend(BUNDLED.iter().map(|f| Job::Bundled(*f)));
        }
        for dir in &sources.dirs {
            if dir.is_dir() {
                jobs.extend(dir_jobs(dir, Origin::User));
            }
        }
        for dir in &sources.required_dirs {
            jobs.extend(dir_jobs(dir, Origin::User));
        }
        for path in &sources.paths {
            if path.is_dir() {
                jobs.extend(dir_jobs(path, Origin::Path));
            } else {
                jobs.push(Job::File(path.clone(), Origin::Path));
            }
        }
        for (result, origin, file) in parse_all(jobs) {
            match result {
                Ok(parsed) => catalog.add(parsed, origin, file),
                Err(err) => catalog.errors.push(err),
            }
        }
        catalog
    }

    fn add(&mut self, roadmap: Roadmap, origin: Origin, file: String) {
        let entry = Entry {
            roadmap,
            origin,
            file,
            replaced: None,
        };
        let Some(old) = self
            .entries
            .iter_mut()
            .find(|e| e.roadmap.id == entry.roadmap.id)
        else {
            self.entries.push(entry);
            return;
        };
        if old.origin == Origin::Bundled {
            let replaced = Some(old.file.clone());
            *old = Entry { replaced, ..entry };
        } else if !same_file(&old.file, &entry.file) {
            // Two files of the user's own would be one roadmap, one hiding
            // the other depending on load order: keep the first, refuse the second.
            let text = std::fs::read_to_string(&entry.file).unwrap_or_default();
            self.errors.push(crate::roadmap::declared_twice(
                &entry.file,
                &text,
                &entry.roadmap.id,
                &old.file,
            ));
        }
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.roadmap.id == id)
    }

    /// The entry with this id, or an error listing the ids that exist.
    pub fn require(&self, id: &str) -> Result<&Entry, UnknownRoadmap> {
        self.get(id).ok_or_else(|| UnknownRoadmap {
            id: id.to_owned(),
            suggestion: self.nearest_id(id).map(str::to_owned),
            known: self.ids().map(str::to_owned).collect(),
        })
    }

    /// The id `typed` most likely meant: the nearest by edit distance, else
    /// the only one containing it (`six` for `backend-six-phases`), as an
    /// unknown skill is answered.
    fn nearest_id(&self, typed: &str) -> Option<&str> {
        crate::roadmap::did_you_mean(typed, self.ids()).or_else(|| {
            let q = typed.trim().to_lowercase();
            let mut containing = self.ids().filter(|id| !q.is_empty() && id.contains(&q));
            match (containing.next(), containing.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        })
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.roadmap.id.as_str())
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.roadmap.id == id)
    }
}

/// Whether two names point at one file (`--roadmap` naming a file that is
/// also in the user's roadmap directory), which is not a second declaration.
fn same_file(a: &str, b: &str) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A user roadmap reusing the id of the first bundled one.
    fn mini() -> (String, String) {
        let id = Roadmap::from_yaml_str(BUNDLED[0].text, "b").unwrap().id;
        let text = format!(
            "id: {id}\ntitle: Mine\nsource: {{author: me}}\nphases:\n  - id: a\n    title: A\n    skills:\n      - {{id: s, title: S}}\n"
        );
        (id, text)
    }

    #[test]
    fn user_file_replaces_bundled_and_broken_files_do_not_hide_others() {
        let dir = tempfile::tempdir().unwrap();
        let (id, text) = mini();
        std::fs::write(dir.path().join("mine.yaml"), text).unwrap();
        std::fs::write(dir.path().join("broken.yml"), "id: [").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
        let sources = Sources {
            bundled: true,
            dirs: vec![dir.path().to_owned()],
            ..Sources::default()
        };
        let catalog = Catalog::load(&sources);
        assert_eq!(catalog.errors.len(), 1, "{:?}", catalog.errors);
        assert!(catalog.errors[0].to_string().contains("broken.yml:1:"));
        let e = catalog.get(&id).unwrap();
        assert_eq!(e.roadmap.title, "Mine");
        assert_eq!(e.origin, Origin::User);
        assert_eq!(
            e.replaced.as_deref(),
            Some(format!("roadmaps/{}", BUNDLED[0].name).as_str())
        );
        assert_eq!(catalog.entries.len(), BUNDLED.len());
    }

    #[test]
    fn two_user_files_with_one_id_are_an_error_naming_both() {
        let dir = tempfile::tempdir().unwrap();
        let (id, text) = mini();
        let first = dir.path().join("a.yaml");
        std::fs::write(&first, &text).unwrap();
        std::fs::write(dir.path().join("b.yaml"), text.replace("Mine", "Theirs")).unwrap();
        let sources = Sources {
            bundled: true,
            dirs: vec![dir.path().to_owned()],
            // The same file again, through `--roadmap`: not a second declaration.
            paths: vec![first.clone()],
            ..Sources::default()
        };
        let catalog = Catalog::load(&sources);
        let e = catalog.get(&id).unwrap();
        assert_eq!(
            (e.roadmap.title.as_str(), e.file.as_str()),
            ("Mine", first.to_str().unwrap())
        );
        assert!(e.replaced.is_some());
        let errors: Vec<String> = catalog.errors.iter().map(ToString::to_string).collect();
        let b = dir.path().join("b.yaml");
        assert_eq!(
            errors,
            [format!(
                "{}:1:5: id: roadmap id `{id}` is also declared by {}; two files cannot declare one roadmap, so give one of them another `id` (only a bundled roadmap may be replaced by a file with its id)",
                b.display(),
                first.display()
            )]
        );
    }
    #[test]
    fn every_bundled_file_reads_the_same_from_its_json_as_from_its_yaml() {
        for file in BUNDLED {
            let json = file.json.expect("build.rs converts every bundled file");
            let from_json: Roadmap =
                Roadmap::from_converted_json(json, "not: [yaml", "x").expect(file.name);
            let from_yaml = Roadmap::from_yaml_str(file.text, "x").expect(file.name);
            assert_eq!(from_json, from_yaml, "{}", file.name);
        }
    }

    #[test]
    fn json_that_does_not_validate_falls_back_to_the_yaml_and_its_error() {
        let yaml = "id: Bad Id\ntitle: T\nsource: {author: me}\nphases: []\n";
        let json = r#"{"id":"Bad Id","title":"T","source":{"author":"me"},"phases":[]}"#;
        let via_json = Roadmap::from_converted_json(json, yaml, "f.yaml").unwrap_err();
        let via_yaml = Roadmap::from_yaml_str(yaml, "f.yaml").unwrap_err();
        assert_eq!(via_json.to_string(), via_yaml.to_string());
        assert!(via_json.to_string().starts_with("f.yaml:1:"), "{via_json}");
        // Not JSON at all: the YAML decides too.
        let ok = Roadmap::from_converted_json("{", BUNDLED[0].text, "x").unwrap();
        assert_eq!(ok, Roadmap::from_yaml_str(BUNDLED[0].text, "x").unwrap());
    }

    #[test]
    fn unknown_id_lists_the_known_ones() {
        let catalog = Catalog::load(&Sources::bundled_only());
        let err = catalog.require("nope").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("no roadmap has the id `nope`; the roadmaps are: ")
        );
    }
}
