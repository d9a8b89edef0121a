//! What goes wrong when a roadmap file is read, in words an author can act on.

use std::fmt;
use std::path::PathBuf;

use crate::text::inert;

/// One problem in a roadmap file: where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line and column of the offending value, when the source has one.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The place in the document, e.g. ``phase 3 `databases` › skill `jwt` › estimate``.
    pub place: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Problem {
    /// `file:line:col: place: message`, the form `validate` prints and editors
    /// jump to. Inert: a file name, key or value quoted from a hostile file
    /// shows its control characters instead of sending them.
    pub fn display_in<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        struct D<'a>(&'a Problem, &'a str);
        impl fmt::Display for D<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let p = self.0;
                let file = inert(self.1);
                match (p.line, p.column) {
                    (Some(l), Some(c)) => write!(f, "{file}:{l}:{c}: ")?,
                    (Some(l), None) => write!(f, "{file}:{l}: ")?,
                    _ => write!(f, "{file}: ")?,
                }
                if p.place.is_empty() {
                    write!(f, "{}", inert(&p.message))
                } else {
                    write!(f, "{}: {}", inert(&p.place), inert(&p.message))
                }
            }
        }
        D(self, file)
    }
}

/// Why a roadmap file did not load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the file ({source}); check the path and its permissions", inert(&path.display().to_string()))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: the file is {size} bytes, over the {} MiB limit for roadmap files; split it into several roadmaps",
        inert(file),
        super::MAX_FILE_BYTES / (1024 * 1024)
    )]
    TooLarge { file: String, size: u64 },
    #[error("{}", render_problems(file, problems))]
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// Every problem, positioned; a single synthetic one for I/O and size errors.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            LoadError::Invalid { problems, .. } => problems.clone(),
            other => vec![Problem {
                line: None,
                column: None,
                place: String::new(),
                message: other.message_without_file(),
            }],
        }
    }

    /// The file the error is about, as the user named it.
    pub fn file(&self) -> String {
        match self {
            LoadError::Io { path, .. } => path.display().to_string(),
            LoadError::TooLarge { file, .. } | LoadError::Invalid { file, .. } => file.clone(),
        }
    }

    fn message_without_file(&self) -> String {
        let full = self.to_string();
        let prefix = format!("{}: ", inert(&self.file()));
        full.strip_prefix(&prefix)
            .map_or(full.clone(), str::to_owned)
    }
}

fn render_problems(file: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.display_in(file).to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
