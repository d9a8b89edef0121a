//! The rules for single values that need no document around them: the id
//! syntax, a plausible web address, and the "did you mean" and "try …"
//! suggestions. Kept apart so the id rule has one home for the loader, the
//! scaffold and the command line.

/// Lowercase letters, digits, `-` and `_`, starting with a letter or digit.
/// Ids end up in progress keys (`roadmap/skill`) and on the command line.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// A suggestion for a mistyped name, when one is close enough to be a typo.
pub(crate) fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (wrong.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(wrong, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A plausible web address: http(s), a host, no spaces.
pub(super) fn url_problem(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    let ok = host.is_some_and(|h| {
        let h = h.rsplit('@').next().unwrap_or(h);
        let name = h.split(':').next().unwrap_or(h);
        !name.is_empty()
            && (name.contains('.') || name == "localhost")
            && !name.starts_with('.')
            && !name.ends_with('.')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    }) && !url.chars().any(char::is_whitespace);
    (!ok).then(|| {
        format!(
            "`{url}` is not a web address; write a full URL such as `https://example.com/guide`"
        )
    })
}

/// Turns `Git Basics!` into `git-basics` for the "try …" hint.
pub(super) fn suggest_id(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "my-id".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_urls() {
        assert!(is_valid_id("backend-six-phases"));
        assert!(is_valid_id("c_2"));
        assert!(!is_valid_id("Git"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("a/b"));
        assert_eq!(suggest_id("Git Basics!"), "git-basics");
        assert!(url_problem("https://example.com/x?y#z").is_none());
        assert!(url_problem("http://localhost:8080/").is_none());
        assert!(url_problem("htps://example.com").is_some());
        assert!(url_problem("https://exa mple.com").is_some());
        assert!(url_problem("https://").is_some());
        assert!(url_problem("example.com").is_some());
    }

    #[test]
    fn suggests_close_names_only() {
        let fields = ["summary", "title", "topics"];
        assert_eq!(did_you_mean("summry", fields), Some("summary"));
        assert_eq!(did_you_mean("titel", fields), Some("title"));
        assert_eq!(did_you_mean("colour", fields), None);
    }
}
