//! What `trailmark validate` needs beyond loading: the warnings of a file
//! that loaded, and the error for a second file declaring a roadmap id.

use std::path::Path;

use super::locate::{self, Anchor, Seg};
use super::{LoadError, Problem, Roadmap, vocabulary};

/// A roadmap file that loaded, with what is worth a warning in it.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The roadmap, exactly as [`Roadmap::load_file`] reads it.
    pub roadmap: Roadmap,
    /// Not errors (the file is valid): each skill `key` outside the shared
    /// vocabulary, with the nearest vocabulary keys. In file order.
    pub warnings: Vec<Problem>,
}

/// Loads the file like [`Roadmap::load_file`] and collects its warnings.
pub fn check_file(path: &Path) -> Result<Checked, LoadError> {
    let bytes = super::read_capped(path)?;
    let roadmap = Roadmap::from_yaml_bytes(&bytes, &path.display().to_string())?;
    // It loaded, so it is UTF-8; positions count from after a byte order mark.
    let text = String::from_utf8_lossy(&bytes);
    let warnings = vocabulary::key_warnings(&roadmap, &text);
    Ok(Checked { roadmap, warnings })
}

/// The error for `file` (whose text is `text`) declaring roadmap `id`, which
/// the file `first` already declared: two files would be one roadmap, and one
/// of them would silently hide the other. Placed at the file's `id`.
pub fn declared_twice(file: &str, text: &str, id: &str, first: &str) -> LoadError {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let pos = locate::locate(text, &[(vec![Seg::Key("id".to_owned())], Anchor::Value)])
        .pop()
        .flatten();
    LoadError::Invalid {
        file: file.to_owned(),
        problems: vec![Problem {
            line: pos.map(|(l, _)| l),
            column: pos.map(|(_, c)| c),
            place: "id".to_owned(),
            message: format!(
                "roadmap id `{id}` is also declared by {first}; two files cannot declare one roadmap, so give one of them another `id` (only a bundled roadmap may be replaced by a file with its id)"
            ),
        }],
    }
}
