//! What the first frame needs, read before the rest: the roadmap opened
//! last, or for the first-run picker the roadmap it highlights whole and
//! the other bundled roadmaps by their heads (see `build.rs`). All are read
//! from the bundled JSON without the checks, and the full, checked
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

use super::{BUNDLED, Catalog, Origin};

impl Catalog {
    /// The bundled roadmaps the first frame shows, unchecked. With `open`
    /// (the roadmap opened last), just that one: the main screen shows no
    /// other, and reading the rest first would cost the frame more than
    /// its budget allows. Without, for the first-run picker, every bundled
    /// roadmap: the one it highlights (the first in [`display_order`])
    /// whole, the others by their heads (no summaries, tips, topics,
    /// resources or project ideas, which the picker shows only for the
    /// highlighted one; their titles, skills, keys and estimates give its
    /// rows and order). `None` when `open` names no bundled roadmap. A file
    /// whose JSON does not read is left out until the checked load brings
    /// it (or its error).
    ///
    /// [`display_order`]: Catalog::display_order
    pub fn load_bundled_first(open: Option<&str>) -> Option<Self> {
        let mut catalog = Self {
            first_frame: true,
            ..Self::default()
        };
        if let Some(id) = open {
            let file = BUNDLED
                .iter()
                .find(|f| f.name.strip_suffix(".yaml") == Some(id))?;
            let roadmap = file.parse_unchecked().filter(|r| r.id == id)?;
            catalog.add(roadmap, Origin::Bundled, file.path());
            return Some(catalog);
        }
        let mut files = Vec::new();
        for file in BUNDLED {
            if let Some(roadmap) = file.parse_head_unchecked() {
                catalog.add(roadmap, Origin::Bundled, file.path());
                files.push(file);
            }
        }
        let highlighted = *catalog.display_order().first()?;
        catalog.entries[highlighted].roadmap = files[highlighted].parse_unchecked()?;
        Some(catalog)
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::{BUNDLED, Catalog, Sources};
    use crate::roadmap::Roadmap;

    #[test]
    fn every_bundled_roadmap_reads_the_same_unchecked_as_checked() {
        let all = Catalog::load(&Sources::bundled_only());
        assert!(all.errors.is_empty(), "{:?}", all.errors);
        assert_eq!(all.entries.len(), BUNDLED.len());
        for (file, checked) in BUNDLED.iter().zip(&all.entries) {
            let unchecked = file.parse_unchecked().expect(file.name);
            assert_eq!(unchecked, checked.roadmap, "{}", checked.file);
        }
    }

    #[test]
    fn the_first_frame_reads_heads_and_the_roadmap_it_shows_whole() {
        let all = Catalog::load(&Sources::bundled_only());
        let picker = Catalog::load_bundled_first(None).unwrap();
        let highlighted = all.display_order()[0];
        assert_eq!(picker.display_order(), all.display_order());
        assert_heads(&picker, &all, highlighted);
        let open = Catalog::load_bundled_first(Some("backend-ten-steps")).unwrap();
        assert_eq!(open.entries.len(), 1);
        assert_eq!(
            open.entries[0].roadmap,
            all.get("backend-ten-steps").unwrap().roadmap
        );
        assert_eq!(open.entries[0].file, "roadmaps/backend-ten-steps.yaml");
        assert!(Catalog::load_bundled_first(Some("no-such-roadmap")).is_none());
        assert!(!Sources::bundled_only().has_user_files());
    }

    /// Entry `whole` of `first` is the checked roadmap; the others hold
    /// what the picker lists them by, and none of the long texts.
    fn assert_heads(first: &Catalog, all: &Catalog, whole: usize) {
        assert_eq!(first.entries.len(), all.entries.len());
        assert_eq!(first.entries[whole].roadmap, all.entries[whole].roadmap);
        for (i, (head, checked)) in first.entries.iter().zip(&all.entries).enumerate() {
            assert_eq!(head.file, checked.file);
            if i == whole {
                continue;
            }
            let (head, whole) = (&head.roadmap, &checked.roadmap);
            assert_eq!((&head.id, &head.title), (&whole.id, &whole.title));
            assert_eq!(head.pace_hours_per_week, whole.pace_hours_per_week);
            assert_eq!(head.phases.len(), whole.phases.len());
            for (h, w) in head.phases.iter().zip(&whole.phases) {
                assert_eq!((&h.id, &h.title, h.estimate), (&w.id, &w.title, w.estimate));
                let skill = |s: &crate::roadmap::Skill| {
                    (
                        s.id.clone(),
                        s.title.clone(),
                        s.key.clone(),
                        s.aliases.clone(),
                        s.estimate,
                    )
                };
                let hs: Vec<_> = h.skills.iter().map(skill).collect();
                let ws: Vec<_> = w.skills.iter().map(skill).collect();
                assert_eq!(hs, ws);
                assert!(h.projects.is_empty() && h.summary.is_empty());
                assert!(
                    h.skills
                        .iter()
                        .all(|s| s.resources.is_empty() && s.summary.is_empty())
                );
            }
            assert!(head.summary.is_empty() && head.tips.is_empty());
        }
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
