//! The shared skill keys of `roadmaps/vocabulary/skill-keys.yaml`, compiled
//! in, and the warning `validate` gives for a key outside them.
//!
//! A key outside the vocabulary is not an error: it still shares progress
//! among the author's own roadmaps that use it. But it shares nothing with
//! the bundled roadmaps, which is almost never what a typo like `postgres`
//! for `postgresql` meant, so `validate` says so and names the nearest keys.

use std::sync::LazyLock;

use super::locate::{self, Anchor};
use super::validate::{At, label, phase_label};
use super::{Problem, Roadmap};

/// One shared skill key and what it stands for (one parser for the file:
/// the app's links come from the same entries).
pub use crate::vocabulary::KeyEntry as VocabularyKey;

static KEYS: LazyLock<Vec<VocabularyKey>> = LazyLock::new(|| {
    // The file is part of the source; the bundled-roadmap tests fail loudly
    // if it does not parse, so an empty list here is never seen by a user.
    crate::vocabulary::parse(crate::vocabulary::TEXT).unwrap_or_default()
});

/// Every shared key, in the vocabulary file's order.
pub fn keys() -> &'static [VocabularyKey] {
    &KEYS
}

/// Whether `key` is in the shared vocabulary.
pub fn contains(key: &str) -> bool {
    keys().iter().any(|k| k.key == key)
}

/// Up to three vocabulary keys close to `key`, nearest first: within a few
/// edits (a third of its length), or one a prefix of the other (`rest` for
/// `rest-api`).
pub fn nearest(key: &str) -> Vec<&'static str> {
    let limit = (key.chars().count() / 3).max(1);
    let mut found: Vec<(usize, &'static str)> = keys()
        .iter()
        .map(|k| (strsim::damerau_levenshtein(key, &k.key), k.key.as_str()))
        .filter(|&(d, k)| {
            d <= limit
                || (key.len().min(k.len()) >= 3 && (k.starts_with(key) || key.starts_with(k)))
        })
        .collect();
    found.sort_by_key(|&(d, k)| (d, k));
    found.into_iter().take(3).map(|(_, k)| k).collect()
}

/// A warning for each skill whose `key` is not in the vocabulary, positioned
/// in `text` (the file `roadmap` was loaded from), in file order.
pub fn key_warnings(roadmap: &Roadmap, text: &str) -> Vec<Problem> {
    let mut found = Vec::new();
    for (pi, phase) in roadmap.phases.iter().enumerate() {
        for (si, skill) in phase.skills.iter().enumerate() {
            let Some(key) = skill.key.as_deref().filter(|k| !contains(k)) else {
                continue;
            };
            let at = At::root()
                .item("phases", pi, &phase_label(pi, Some(&phase.id)))
                .item("skills", si, &label("skill", si, Some(&skill.id)))
                .key("key");
            found.push((at, unknown_key_message(key)));
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let targets: Vec<_> = found
        .iter()
        .map(|(at, _)| (at.path.clone(), Anchor::Value))
        .collect();
    locate::locate(text, &targets)
        .into_iter()
        .zip(found)
        .map(|(pos, (at, message))| Problem {
            line: pos.map(|(l, _)| l),
            column: pos.map(|(_, c)| c),
            place: at.place,
            message,
        })
        .collect()
}

fn unknown_key_message(key: &str) -> String {
    let near = nearest(key);
    let hint = match near.as_slice() {
        [] => "use a key from roadmaps/vocabulary/skill-keys.yaml to share progress with the bundled roadmaps, or keep this one to share it among your own roadmaps only".to_owned(),
        [one] => format!("did you mean `{one}`?"),
        [init @ .., last] => format!(
            "did you mean {} or `{last}`?",
            init.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
        ),
    };
    format!(
        "`{key}` is not a shared key, so this skill shares progress with no bundled roadmap; {hint}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_loads() {
        assert!(keys().len() >= 20);
        assert!(contains("postgresql") && contains("git"));
        assert!(!contains("postgres"));
    }

    #[test]
    fn nearest_keys_are_close_ones_only() {
        assert_eq!(nearest("postgres"), ["postgresql"]);
        assert_eq!(nearest("rest"), ["rest-api"]);
        assert_eq!(nearest("dokcer"), ["docker"]);
        assert!(nearest("zebra-crossing").is_empty());
        assert_eq!(
            unknown_key_message("api"),
            "`api` is not a shared key, so this skill shares progress with no bundled roadmap; did you mean `apis`?"
        );
    }
}
