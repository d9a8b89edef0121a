//! Reading a roadmap file: the cheap refusals (size, encoding, empty files,
//! the `guard`'s hostile-input checks), then the fast path, serde into `raw`
//! plus validation. Kept apart from the model in `roadmap.rs`, which only says
//! what a roadmap is, and from `report`, which runs only when a file is bad.

use std::path::Path;

use super::report::{finish, single, slow_path};
use super::syntax::syntax_error;
use super::{LoadError, MAX_FILE_BYTES, Roadmap, guard, raw, validate};

impl Roadmap {
    /// Reads a roadmap file, refusing oversized files before reading them.
    pub fn load_file(path: &Path) -> Result<Self, LoadError> {
        let bytes = read_capped(path)?;
        Self::from_yaml_bytes(&bytes, &path.display().to_string())
    }

    /// Parses a roadmap from bytes that should be UTF-8 YAML.
    pub fn from_yaml_bytes(bytes: &[u8], file: &str) -> Result<Self, LoadError> {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(LoadError::TooLarge {
                file: file.to_owned(),
                size: bytes.len() as u64,
            });
        }
        // Positions count from after a byte order mark, as `from_yaml_str`'s do.
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Self::from_yaml_str(text, file),
            Err(e) => {
                let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
                let line = good.split('\n').count();
                let col = good.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                Err(single(
                    file,
                    Some((line, col)),
                    format!(
                        "the file is not UTF-8 text (byte 0x{:02x} cannot start a character); a roadmap must be a UTF-8 YAML text file — is this the right file? (if it is, save it with UTF-8 encoding)",
                        bytes[e.valid_up_to()]
                    ),
                ))
            }
        }
    }

    /// Parses and validates a roadmap. `file` names it in error messages.
    pub fn from_yaml_str(text: &str, file: &str) -> Result<Self, LoadError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(LoadError::TooLarge {
                file: file.to_owned(),
                size: text.len() as u64,
            });
        }
        if is_blank(text) {
            return Err(single(
                file,
                None,
                "the file is empty (or only comments); a roadmap needs `id`, `title`, `source` and `phases` — see roadmaps/README.md for a full example".to_owned(),
            ));
        }
        // Aliases need an anchor; without a `&` anywhere, serde meets none, and
        // the fast path pays only for the byte-level flow scan.
        let anchored = text.contains('&');
        guard_verdict(
            text,
            file,
            if anchored {
                guard::check(text)
            } else {
                guard::check_flow(text)
            },
        )?;
        match serde_yaml::from_str::<raw::RawRoadmap>(text) {
            Ok(raw) => {
                let mut pending = Vec::new();
                let roadmap = validate::validate(raw, &mut pending);
                if pending.is_empty() {
                    Ok(roadmap)
                } else {
                    Err(finish(text, file, pending))
                }
            }
            Err(first) => {
                if !anchored {
                    guard_verdict(text, file, guard::check_events(text))?;
                }
                Err(slow_path(text, file, &first))
            }
        }
    }
}

impl Roadmap {
    /// Parses a bundled roadmap from the JSON that `build.rs` converted its
    /// YAML to, which is about five times faster than scanning the YAML
    /// (every start reads every bundled roadmap). Anything the JSON path does not accept falls back to
    /// [`Roadmap::from_yaml_str`] on `yaml`, so the result and any error are
    /// what the YAML gives. `file` names it in error messages.
    pub fn from_converted_json(json: &str, yaml: &str, file: &str) -> Result<Self, LoadError> {
        if let Ok(raw) = serde_json::from_str::<raw::RawRoadmap>(json) {
            let mut pending = Vec::new();
            let roadmap = validate::validate(raw, &mut pending);
            if pending.is_empty() {
                return Ok(roadmap);
            }
        }
        Self::from_yaml_str(yaml, file)
    }
}

impl Roadmap {
    /// The roadmap in converted JSON without any checks: only for a bundled
    /// roadmap's first frame, which the checked load replaces right after
    /// (see `Catalog::load_bundled_first`). `None` when the JSON does not
    /// read into a roadmap's shape.
    pub fn from_json_unchecked(json: &str) -> Option<Self> {
        serde_json::from_str::<raw::RawRoadmap>(json)
            .ok()
            .map(validate::convert_unchecked)
    }
}

/// The bytes of a roadmap file, refusing oversized files before reading them.
pub(super) fn read_capped(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: path.display().to_string(),
            size,
        });
    }
    std::fs::read(path).map_err(io)
}

/// Turns the guard's verdict into the error a refused file gets.
fn guard_verdict(text: &str, file: &str, verdict: guard::Verdict) -> Result<(), LoadError> {
    match verdict {
        guard::Verdict::Fine => Ok(()),
        guard::Verdict::Refused(pos, message) => Err(single(file, Some(pos), message)),
        guard::Verdict::SyntaxError { pos, message } => {
            Err(syntax_error(text, file, pos, &message))
        }
    }
}

/// Whether the text holds nothing but blank lines and comments.
fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::fixture::{OK, messages};

    #[test]
    fn a_valid_file_loads() {
        let r = Roadmap::from_yaml_str(OK, "f.yaml").unwrap();
        assert_eq!(r.skill_count(), 1);
    }

    #[test]
    fn yaml_errors_point_inside_the_file() {
        // libyaml reports the end of the stream on a line after the last.
        assert_eq!(
            messages("id: ["),
            [
                "f.yaml:1:6: YAML error: did not find expected node content, while parsing a flow node; a value is missing here: a `[` or `{` is not closed, or a `-`, `,` or `:` has nothing after it; complete or remove it"
            ]
        );
        // An unclosed quote is reported where it opens.
        assert_eq!(
            messages("id: x\ntitle: \"R\nsource: {}\n"),
            [
                "f.yaml:2:8: YAML error: found unexpected end of stream while scanning a quoted scalar; the quote that opens here is never closed; add the matching closing quote"
            ]
        );
        assert_eq!(
            messages("id: x\u{0}\n"),
            [
                "f.yaml:1:6: YAML error: the file holds U+0000 (null), a control character YAML does not allow in a file; remove it (a roadmap file is plain text: is this the right file?)"
            ]
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_placed_in_characters_after_a_bom() {
        let err =
            Roadmap::from_yaml_bytes(b"\xef\xbb\xbfid: \xc3\xa9\xff\n", "f.yaml").unwrap_err();
        let p = &err.problems()[0];
        assert_eq!((p.line, p.column), (Some(1), Some(6)));
    }

    #[test]
    fn hostile_nesting_is_refused_before_parsing() {
        let text = format!("id: x\ntitle: {}\n", "[".repeat(1_000_000));
        let lines = messages(&text);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].starts_with("f.yaml:2:40: lists and mappings nest more than 32 levels"));
    }
}
