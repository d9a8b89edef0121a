//! The bundled roadmaps as a set: every file loads, uses only vocabulary
//! keys, shares those keys across variants, the README lists them, and no
//! summary echoes its article. Each roadmap's own shape (phases in order,
//! time estimates exactly as published, project ideas) is checked in
//! `bundled_timelines.rs`, `bundled_steps.rs` and `bundled_articles.rs`.
//!
//! The tests carry the facts themselves and never read the articles.

use std::collections::{BTreeMap, BTreeSet};

use trailmark::catalog::BUNDLED;
use trailmark::roadmap::Roadmap;

#[path = "support/bundled.rs"]
mod bundled;
use bundled::*;

// ---------------------------------------------------------------- all files

#[test]
fn every_bundled_file_validates_and_is_named_after_its_id() {
    assert_eq!(
        BUNDLED.len(),
        IDS.len(),
        "bundled files: {:?}",
        BUNDLED.iter().map(|f| f.name).collect::<Vec<_>>()
    );
    let mut seen = BTreeSet::new();
    for file in BUNDLED {
        let r = Roadmap::from_yaml_str(file.text, file.name).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.name, format!("{}.yaml", r.id));
        assert!(seen.insert(r.id.clone()), "duplicate id {}", r.id);
        assert!(!r.summary.trim().is_empty(), "{}: no summary", r.id);
        assert!(
            r.skills().all(|(_, s)| !s.summary.trim().is_empty()),
            "{}: a skill has no summary",
            r.id
        );
        assert!(
            r.phases.iter().all(|p| !p.summary.trim().is_empty()),
            "{}: a phase has no summary",
            r.id
        );
        assert!(
            r.phases
                .iter()
                .flat_map(|p| &p.projects)
                .all(|j| !j.description.trim().is_empty() && !j.skills.is_empty()),
            "{}: a project has no description or no skills",
            r.id
        );
        // Only the articles with a URL may give one, and none of these does.
        assert_eq!(r.source.url, None, "{}", r.id);
        assert!(r.skills().all(|(_, s)| s.resources.is_empty()), "{}", r.id);
    }
    assert_eq!(seen.iter().map(String::as_str).collect::<Vec<_>>(), IDS);
}

#[test]
fn readme_lists_every_bundled_variant() {
    for id in IDS {
        assert!(
            README.contains(&format!("| `{id}` |")),
            "roadmaps/README.md has no table row for {id}"
        );
    }
}

// ---------------------------------------------------------------- keys

/// The README's key table (`| `git` | meaning | 6 |`) lists every vocabulary
/// key with the number of bundled roadmaps that use it.
#[test]
fn readme_key_table_matches_the_roadmaps() {
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for r in all() {
        for (_, s) in r.skills() {
            if let Some(k) = &s.key {
                *by_key.entry(k.clone()).or_default() += 1;
            }
        }
    }
    let table: BTreeMap<String, usize> = README
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            // `| key | meaning | count |` splits into 5 cells, the outer two empty.
            let key = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let count = cells.get(3)?.parse().ok()?;
            (cells.len() == 5).then(|| (key.to_owned(), count))
        })
        .collect();
    assert_eq!(
        table, by_key,
        "roadmaps/README.md key table vs. the roadmaps"
    );
    let vocab: BTreeSet<String> = vocabulary().keys.into_iter().map(|e| e.key).collect();
    assert_eq!(table.keys().cloned().collect::<BTreeSet<_>>(), vocab);
}

#[test]
fn vocabulary_keys_are_unique_well_formed_and_all_used() {
    let vocab = vocabulary();
    let mut keys = BTreeSet::new();
    for entry in &vocab.keys {
        assert!(
            keys.insert(entry.key.as_str()),
            "key `{}` listed twice",
            entry.key
        );
        assert!(
            !entry.key.is_empty()
                && entry
                    .key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "bad key syntax `{}`",
            entry.key
        );
        assert!(
            !entry.title.trim().is_empty(),
            "key `{}` has no title",
            entry.key
        );
    }
    let used: BTreeSet<String> = all()
        .iter()
        .flat_map(|r| {
            r.skills()
                .filter_map(|(_, s)| s.key.clone())
                .collect::<Vec<_>>()
        })
        .collect();
    for key in &keys {
        assert!(
            used.contains(*key),
            "vocabulary key `{key}` is used by no bundled roadmap"
        );
    }
}

#[test]
fn every_key_used_is_in_the_vocabulary_and_used_once_per_roadmap() {
    let vocab = vocabulary();
    let keys: BTreeSet<&str> = vocab.keys.iter().map(|e| e.key.as_str()).collect();
    for r in all() {
        let mut in_this = BTreeSet::new();
        for (_, s) in r.skills() {
            if let Some(k) = &s.key {
                assert!(
                    keys.contains(k.as_str()),
                    "{} › {}: key `{k}` is not in the vocabulary",
                    r.id,
                    s.id
                );
                assert!(
                    in_this.insert(k.clone()),
                    "{}: key `{k}` on two skills",
                    r.id
                );
            }
        }
    }
}

#[test]
fn common_skills_are_shared_across_variants() {
    let mut by_key: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in all() {
        for (_, s) in r.skills() {
            if let Some(k) = &s.key {
                by_key.entry(k.clone()).or_default().insert(r.id.clone());
            }
        }
    }
    let count = |k: &str| by_key.get(k).map_or(0, BTreeSet::len);
    let expected = [
        ("programming-language", 5),
        ("git", 6),
        ("apis", 5),
        ("docker", 5),
        ("http", 4),
        ("databases", 3),
        ("backend-framework", 4),
        ("caching", 4),
        ("web-security", 4),
        ("deployment", 4),
        ("message-queues", 4),
        ("programming-basics", 4),
        ("postgresql", 3),
        ("testing", 3),
        ("unit-testing", 3),
        ("ci-cd", 3),
        ("relational-databases", 2),
        ("nosql-databases", 2),
        ("web-servers", 2),
        ("real-time", 2),
    ];
    for (key, n) in expected {
        assert_eq!(count(key), n, "`{key}` is used by {:?}", by_key.get(key));
    }
    assert!(count("git") >= 3);
}

// ---------------------------------------------------------------- own words

/// Phrases of the articles that summaries once followed too closely. The
/// facts stay; the sentences must be trailmark's own.
#[test]
fn summaries_do_not_echo_the_articles_sentences() {
    let echoes: [(&str, &str); 12] = [
        ("backend-six-phases", "master the basics"),
        ("backend-six-phases", "before any framework"),
        ("backend-six-phases", "type safety and ecosystem"),
        ("backend-six-phases", "learn it deeply"),
        ("backend-burger", "even a simple crud app"),
        ("backend-burger", "start small"),
        ("backend-burger", "ready for production"),
        ("backend-three-stages", "basic to advanced"),
        ("backend-three-stages", "storing the data in memory"),
        ("backend-three-stages", "before going live"),
        (
            "backend-eleven-points",
            "frequently accessed data in memory",
        ),
        ("backend-learning-path", "versatile"),
    ];
    for (id, phrase) in echoes {
        let r = load(id);
        let mut texts = vec![r.summary.clone()];
        texts.extend(r.tips.iter().cloned());
        for p in &r.phases {
            texts.push(p.summary.clone());
            texts.extend(p.skills.iter().map(|s| s.summary.clone()));
            texts.extend(p.projects.iter().map(|j| j.description.clone()));
        }
        for text in texts {
            assert!(
                !text.to_lowercase().contains(phrase),
                "{id}: `{text}` echoes the article (`{phrase}`)"
            );
        }
    }
}
