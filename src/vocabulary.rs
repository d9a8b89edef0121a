//! The shared-key vocabulary (`roadmaps/vocabulary/skill-keys.yaml`,
//! compiled in): each key's title, and where one exists the documentation
//! home of the technology's own project. trailmark shows that link with
//! every skill carrying the key, marked as added by trailmark, apart from
//! the resources a roadmap's article names.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The vocabulary file's text, as bundled.
pub const TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/roadmaps/vocabulary/skill-keys.yaml"
));

/// One shared key.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyEntry {
    pub key: String,
    pub title: String,
    /// What the key covers, in a few words.
    #[serde(default)]
    pub note: Option<String>,
    /// The documentation home of the technology's own project (a stable
    /// top-level page), when there is one.
    #[serde(default)]
    pub docs: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    keys: Vec<KeyEntry>,
}

/// Parses a vocabulary file's text.
pub fn parse(text: &str) -> Result<Vec<KeyEntry>, serde_yaml::Error> {
    serde_yaml::from_str::<File>(text).map(|f| f.keys)
}

/// The bundled vocabulary by key, parsed on first use. A bundled file that
/// does not parse is caught by the tests; at run time it only means no links.
fn bundled() -> &'static HashMap<String, KeyEntry> {
    static MAP: OnceLock<HashMap<String, KeyEntry>> = OnceLock::new();
    MAP.get_or_init(|| {
        parse(TEXT)
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.key.clone(), e))
            .collect()
    })
}

/// The bundled entry for a key.
pub fn entry(key: &str) -> Option<&'static KeyEntry> {
    bundled().get(key)
}

/// The documentation home for a key, when the vocabulary gives one.
pub fn docs_url(key: &str) -> Option<&'static str> {
    entry(key)?.docs.as_deref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_vocabulary_parses_and_links_are_top_level_https_pages() {
        let keys = parse(TEXT).expect("the bundled vocabulary parses");
        assert!(keys.len() > 20);
        let linked: Vec<&KeyEntry> = keys.iter().filter(|k| k.docs.is_some()).collect();
        assert!(linked.len() >= 5, "{linked:?}");
        for k in linked {
            let url = k.docs.as_deref().unwrap_or_default();
            assert!(url.starts_with("https://"), "{}: {url}", k.key);
            let path_depth = url["https://".len()..]
                .trim_end_matches('/')
                .matches('/')
                .count();
            assert!(path_depth <= 2, "{}: {url} is a deep link", k.key);
        }
        assert_eq!(
            docs_url("postgresql"),
            Some("https://www.postgresql.org/docs/")
        );
        assert_eq!(docs_url("git"), Some("https://git-scm.com/doc"));
        assert_eq!(docs_url("programming-basics"), None);
        assert_eq!(docs_url("no-such-key"), None);
    }

    #[test]
    fn an_unknown_field_is_refused() {
        let err = parse("keys:\n  - key: a\n    title: A\n    link: x\n").unwrap_err();
        assert!(err.to_string().contains("unknown field `link`"), "{err}");
    }
}
