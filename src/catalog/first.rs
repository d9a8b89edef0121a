//! What the first frame needs, read before the rest: the roadmap opened
//! last, or on a first run every bundled roadmap for the picker. Both are
//! read from the bundled JSON without the checks, and the full, checked
//! [`Catalog::load`] replaces them right after the first frame, before any
//! key is read (see `tui::terminal::run`).
//!
//! Why unchecked: the checks (control characters in every text, id syntax,
//! repeated ids, web addresses) are most of reading a bundled roadmap, and
//! the first-run picker needs all of them, which kept its first frame over
//! its budget of 1.5× a bare ratatui program (`examples/first_frame`).
//! Bundled files pass the checks; a test compares the unchecked and the
//! checked result for each, and the checked load that follows would show
//! any bundled file that did not.

use super::{BUNDLED, Catalog, Entry, Origin};

impl Catalog {
    /// Just the bundled roadmap with this id (bundled files are named
    /// `<id>.yaml`), unchecked, for drawing the first screen before the
    /// rest loads. `None` when there is no such file or it does not read as
    /// that id.
    pub fn load_bundled_one(id: &str) -> Option<Self> {
        let file = BUNDLED
            .iter()
            .find(|f| f.name.strip_suffix(".yaml") == Some(id))?;
        let roadmap = file.parse_unchecked()?;
        (roadmap.id == id).then(|| Self {
            entries: vec![Entry {
                roadmap,
                origin: Origin::Bundled,
                file: file.path(),
                replaced: None,
            }],
            errors: Vec::new(),
        })
    }

    /// Every bundled roadmap, unchecked, for the first frame of the
    /// first-run picker. A file whose JSON does not read is left out until
    /// the checked load brings it (or its error).
    pub fn load_bundled_first() -> Self {
        let mut catalog = Self::default();
        for file in BUNDLED {
            if let Some(roadmap) = file.parse_unchecked() {
                catalog.add(roadmap, Origin::Bundled, file.path());
            }
        }
        catalog
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::{BUNDLED, Catalog, Sources};
    use crate::roadmap::Roadmap;

    #[test]
    fn one_bundled_roadmap_loads_alone_by_id() {
        let one = Catalog::load_bundled_one("backend-six-phases").unwrap();
        assert_eq!(one.entries.len(), 1);
        let all = Catalog::load(&Sources::bundled_only());
        assert_eq!(
            one.entries[0].roadmap,
            all.get("backend-six-phases").unwrap().roadmap
        );
        assert!(Catalog::load_bundled_one("no-such-roadmap").is_none());
        assert!(!Sources::bundled_only().has_user_files());
    }

    #[test]
    fn every_bundled_roadmap_reads_the_same_unchecked_as_checked() {
        let first = Catalog::load_bundled_first();
        let all = Catalog::load(&Sources::bundled_only());
        assert!(all.errors.is_empty(), "{:?}", all.errors);
        assert_eq!(first.entries.len(), BUNDLED.len());
        for (unchecked, checked) in first.entries.iter().zip(&all.entries) {
            assert_eq!(unchecked.roadmap, checked.roadmap, "{}", checked.file);
            assert_eq!(unchecked.file, checked.file);
        }
        assert_eq!(first.display_order(), all.display_order());
    }

    #[test]
    fn unchecked_reading_never_panics_on_a_file_with_problems() {
        // Repeated ids, a bad id, a control character, a bad address and
        // date, a project naming no skill: read, not refused, not a panic.
        let json = r#"{"id":"Bad Id","title":"T\u001b]0;x","source":{"published":"2025-02-30","url":"nope"},
            "phases":[{"id":"p","title":"P","skills":[{"id":"s","title":"S","key":"Not A Key"},{"id":"s","title":"S2",
            "resources":[{"title":"R","url":"ftp://x"}]}],"projects":[{"id":"j","title":"J","skills":["zz"]}]},
            {"id":"p","title":"P2","skills":[]}]}"#;
        let r = Roadmap::from_json_unchecked(json).unwrap();
        assert_eq!((r.id.as_str(), r.phases.len()), ("Bad Id", 2));
        assert!(r.source.published.is_none());
        assert!(Roadmap::from_json_unchecked("{\"id\": 3}").is_none());
    }
}
