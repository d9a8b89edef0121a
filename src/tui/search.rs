//! The `/` search: which skills of a roadmap match the typed text (title,
//! topics, key, or the learner's note), in roadmap order, and which field
//! matched so the results can say why.

use super::editor::LineEditor;
use crate::progress::Progress;
use crate::roadmap::{Roadmap, Skill};

/// The field a match was found in, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Topic(usize),
    Key,
    /// The learner's note on the skill.
    Note,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub phase: usize,
    pub skill: usize,
    pub field: Field,
}

/// The search popup's state: the query, its matches and the chosen one.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub input: LineEditor,
    pub matches: Vec<Match>,
    pub selected: usize,
    pub offset: usize,
    /// The query `matches` were found for.
    searched: String,
}

impl Search {
    /// Recomputes the matches after the query changed. Typing one more
    /// character only re-checks the current matches (whatever contains the
    /// longer text contains the shorter), so each key stays cheap on a
    /// large roadmap.
    pub fn refresh(&mut self, roadmap: &Roadmap, progress: &Progress) {
        let query = self.input.text().trim().to_lowercase();
        let narrowing = !self.searched.is_empty() && query.starts_with(&self.searched);
        self.matches = if narrowing {
            self.matches
                .iter()
                .filter_map(|m| {
                    let skill = &roadmap.phases[m.phase].skills[m.skill];
                    field(skill, note(roadmap, progress, skill), &query)
                        .map(|field| Match { field, ..*m })
                })
                .collect()
        } else {
            find(roadmap, progress, &query)
        };
        self.searched = query;
        self.selected = 0;
        self.offset = 0;
    }
}

/// Whether `text` contains `query`, which is already lowercase. ASCII
/// queries are compared without allocating, which is the common case.
fn contains(text: &str, query: &str) -> bool {
    if query.is_ascii() {
        let (text, query) = (text.as_bytes(), query.as_bytes());
        text.len() >= query.len()
            && text
                .windows(query.len())
                .any(|w| w.eq_ignore_ascii_case(query))
    } else {
        text.to_lowercase().contains(query)
    }
}

/// The learner's note on a skill, if any.
fn note<'a>(roadmap: &Roadmap, progress: &'a Progress, skill: &Skill) -> Option<&'a str> {
    progress.skill_record(&roadmap.id, skill)?.note()
}

/// The first field of a skill that contains the (lowercase) query.
fn field(skill: &Skill, note: Option<&str>, query: &str) -> Option<Field> {
    if contains(&skill.title, query) {
        Some(Field::Title)
    } else if let Some(t) = skill.topics.iter().position(|t| contains(t, query)) {
        Some(Field::Topic(t))
    } else if skill.key.as_deref().is_some_and(|k| contains(k, query)) {
        Some(Field::Key)
    } else if note.is_some_and(|n| contains(n, query)) {
        Some(Field::Note)
    } else {
        None
    }
}

/// Every skill whose title, a topic, its key or the learner's note on it
/// contains `query`, ignoring case; the first matching field is reported.
/// An empty query matches nothing.
pub fn find(roadmap: &Roadmap, progress: &Progress, query: &str) -> Vec<Match> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (pi, phase) in roadmap.phases.iter().enumerate() {
        for (si, skill) in phase.skills.iter().enumerate() {
            if let Some(field) = field(skill, note(roadmap, progress, skill), &query) {
                out.push(Match {
                    phase: pi,
                    skill: si,
                    field,
                });
            }
        }
    }
    out
}

/// Where `query` sits in `text` (case-insensitive), as a char range, for highlighting.
pub fn highlight(text: &str, query: &str) -> Option<(usize, usize)> {
    let query: Vec<char> = query.trim().chars().flat_map(char::to_lowercase).collect();
    if query.is_empty() {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    // Compare char by char so the range stays in the original text's characters
    // even when lowercasing changes lengths elsewhere.
    (0..chars.len()).find_map(|start| {
        let mut q = query.iter();
        let mut end = start;
        let mut pending: Vec<char> = Vec::new();
        loop {
            if pending.is_empty() {
                if q.len() == 0 {
                    return Some((start, end));
                }
                let c = *chars.get(end)?;
                pending = c.to_lowercase().collect();
                end += 1;
            }
            let want = q.next()?;
            if pending.remove(0) != *want {
                return None;
            }
            if q.len() == 0 && pending.is_empty() {
                return Some((start, end));
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, Sources};
    use chrono::Utc;

    #[test]
    fn finds_titles_topics_and_keys_ignoring_case() {
        let catalog = Catalog::load(&Sources::bundled_only());
        let r = &catalog.entries[0].roadmap;
        assert!(find(r, &Progress::default(), "   ").is_empty());
        let by_title = find(r, &Progress::default(), "POSTGRES");
        assert_eq!(by_title.len(), 1);
        assert_eq!(by_title[0].field, Field::Title);
        let skill = &r.phases[by_title[0].phase].skills[by_title[0].skill];
        assert_eq!(skill.title, "PostgreSQL");
        let by_topic = find(r, &Progress::default(), "loops");
        assert!(matches!(by_topic[0].field, Field::Topic(0)));
        let by_key = find(r, &Progress::default(), "backend-framework");
        assert_eq!(by_key[0].field, Field::Key);
    }

    #[test]
    fn typing_more_narrows_and_deleting_widens() {
        let catalog = Catalog::load(&Sources::bundled_only());
        let r = &catalog.entries[0].roadmap;
        let mut s = Search::default();
        for c in "pro".chars() {
            s.input.insert(c);
            s.refresh(r, &Progress::default());
        }
        let wide = s.matches.clone();
        assert_eq!(wide, find(r, &Progress::default(), "PRO"));
        s.input.insert('g');
        s.refresh(r, &Progress::default());
        assert_eq!(s.matches, find(r, &Progress::default(), "prog"));
        assert!(s.matches.len() < wide.len());
        s.input.backspace();
        s.refresh(r, &Progress::default());
        assert_eq!(s.matches, wide);
        assert!(contains("Café Crème", "crème"));
        assert!(!contains("ab", "abc"));
    }

    #[test]
    fn finds_the_learners_notes() {
        let catalog = Catalog::load(&Sources::bundled_only());
        let r = &catalog.entries[0].roadmap;
        let mut p = Progress::default();
        assert!(find(r, &p, "chapter 3").is_empty());
        let skill = &r.phases[1].skills[0];
        p.set_note(&r.id, skill, Some("read chapter 3".to_owned()), Utc::now());
        let found = find(r, &p, "CHAPTER 3");
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].phase, found[0].skill, found[0].field),
            (1, 0, Field::Note)
        );
    }

    #[test]
    fn highlights_in_characters() {
        assert_eq!(highlight("PostgreSQL", "sql"), Some((7, 10)));
        assert_eq!(highlight("Café crème", "CRÈ"), Some((5, 8)));
        assert_eq!(highlight("abc", "x"), None);
        assert_eq!(highlight("abc", ""), None);
    }
}
