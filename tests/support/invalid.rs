//! Shared by the invalid-roadmap tests: where the fixtures are, the list of
//! fixtures with a test (`invalid_roadmaps.rs` checks it against the disk),
//! loading one, and the whole report an invalid fixture gets, as `validate`
//! prints it.

#![allow(dead_code)] // each test file uses only some of these
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use trailmark::roadmap::{LoadError, Roadmap};

pub const INVALID: &str = "tests/fixtures/invalid";
pub const VALID: &str = "tests/fixtures/valid";

/// The fixtures with a test below; a new fixture must be added here too.
pub const COVERED: &[&str] = &[
    "alias-bomb.yaml",
    "alias-is-a-skill-id.yaml",
    "bad-pace.yaml",
    "bad-published.yaml",
    "binary-junk.yaml",
    "bom-problems.yaml",
    "control-bidi-isolate.yaml",
    "control-bidi-override.yaml",
    "control-c0.yaml",
    "control-c1.yaml",
    "control-del.yaml",
    "control-in-id.yaml",
    "control-in-summary.yaml",
    "control-line-break.yaml",
    "control-raw-byte.yaml",
    "control-tab.yaml",
    "crlf-problems.yaml",
    "date-not-padded.yaml",
    "date-with-time.yaml",
    "deep-nesting.yaml",
    "duplicate-alias.yaml",
    "duplicate-ids.yaml",
    "duplicate-key.yaml",
    "duplicate-skill-key.yaml",
    "empty-roadmap.yaml",
    "empty-title.yaml",
    "empty.yaml",
    "estimate-backwards.yaml",
    "estimate-negative.yaml",
    "estimate-over-ten-years-number.yaml",
    "estimate-over-ten-years.yaml",
    "estimate-unknown-unit.yaml",
    "estimate-unparsable.yaml",
    "estimate-zero.yaml",
    "flow-style.yaml",
    "invalid-id.yaml",
    "malformed-url.yaml",
    "missing-phases.yaml",
    "missing-required.yaml",
    "not-a-mapping.yaml",
    "number-as-text.yaml",
    "only-comments.yaml",
    "phase-no-skills.yaml",
    "retyped-boolean.yaml",
    "retyped-exponent.yaml",
    "retyped-float.yaml",
    "retyped-hex-octal-binary.yaml",
    "retyped-infinity-nan.yaml",
    "retyped-integer.yaml",
    "retyped-null.yaml",
    "tab-indent.yaml",
    "tag.yaml",
    "tips-not-a-list.yaml",
    "tips-not-one-line.yaml",
    "two-documents.yaml",
    "two-problems.yaml",
    "unknown-field-in-resource.yaml",
    "unknown-field.yaml",
    "unknown-project-skill.yaml",
    "wrong-type.yaml",
    "yaml-syntax.yaml",
];

pub fn load(name: &str) -> Result<Roadmap, LoadError> {
    Roadmap::load_file(&Path::new(INVALID).join(name))
}

/// The whole report for an invalid fixture, as `validate` prints it.
pub fn errors(name: &str) -> String {
    match load(name) {
        Ok(r) => panic!("{name} loaded as `{}` but should not", r.id),
        Err(e) => e.to_string(),
    }
}
