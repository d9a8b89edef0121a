//! The JSON Schema of the roadmap format: `roadmaps/roadmap.schema.json` is
//! exactly what `trailmark schema` prints, every bundled roadmap passes it,
//! and it refuses each invalid fixture whose problem JSON Schema can express
//! (the others, such as unique ids across phases, are for `validate` alone).
//!
//! YAML files are read into JSON values with serde, as yaml-language-server
//! reads them, and checked with the `jsonschema` crate.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use trailmark::catalog::BUNDLED;
use trailmark::roadmap::schema;

const INVALID: &str = "tests/fixtures/invalid";

/// Invalid fixtures the schema refuses.
const CAUGHT: &[&str] = &[
    "bad-pace.yaml",
    "bad-published.yaml",
    "bom-problems.yaml",
    "control-bidi-isolate.yaml",
    "control-bidi-override.yaml",
    "control-c0.yaml",
    "control-c1.yaml",
    "control-del.yaml",
    "control-in-id.yaml",
    "control-line-break.yaml",
    "control-tab.yaml",
    "crlf-problems.yaml",
    "date-not-padded.yaml",
    "date-with-time.yaml",
    "duplicate-alias.yaml",
    "empty-roadmap.yaml",
    "empty-title.yaml",
    "estimate-negative.yaml",
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
    "phase-no-skills.yaml",
    "retyped-boolean.yaml",
    "retyped-exponent.yaml",
    "retyped-float.yaml",
    "retyped-hex-octal-binary.yaml",
    "retyped-infinity-nan.yaml",
    "retyped-integer.yaml",
    "retyped-null.yaml",
    "tips-not-a-list.yaml",
    "tips-not-one-line.yaml",
    "two-problems.yaml",
    "unknown-field-in-resource.yaml",
    "unknown-field.yaml",
    "wrong-type.yaml",
];

/// Invalid fixtures whose problem needs the whole file (ids across phases,
/// references, a range's order): the schema accepts them, `validate` does not.
const BEYOND_THE_SCHEMA: &[&str] = &[
    "alias-is-a-skill-id.yaml",
    "control-in-summary.yaml",
    "duplicate-ids.yaml",
    "duplicate-skill-key.yaml",
    "estimate-backwards.yaml",
    "estimate-over-ten-years.yaml",
    "unknown-project-skill.yaml",
];

/// Fixtures that are not one YAML document of plain values (syntax errors,
/// binary data, tags, hostile aliases, nothing at all): an editor reports
/// those as YAML errors before any schema applies.
const NOT_A_DOCUMENT: &[&str] = &[
    "alias-bomb.yaml",
    "binary-junk.yaml",
    "control-raw-byte.yaml",
    "deep-nesting.yaml",
    "duplicate-key.yaml",
    "empty.yaml",
    "estimate-over-ten-years-number.yaml",
    "only-comments.yaml",
    "tab-indent.yaml",
    "tag.yaml",
    "two-documents.yaml",
    "yaml-syntax.yaml",
];

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&schema::text()).unwrap();
    jsonschema::draft7::new(&schema).expect("the schema is a valid draft 7 schema")
}

/// The schema's complaints about a YAML text, as `path: message` lines.
fn complaints(validator: &jsonschema::Validator, yaml: &str) -> Vec<String> {
    let yaml = yaml.strip_prefix('\u{feff}').unwrap_or(yaml);
    let doc: Value = serde_yaml::from_str(yaml).expect("the file reads as one YAML document");
    validator
        .iter_errors(&doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(INVALID).join(name)).unwrap()
}

#[test]
fn the_schema_file_is_what_trailmark_schema_prints() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("roadmaps/roadmap.schema.json");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == schema::text(),
        "roadmaps/roadmap.schema.json is out of date with the roadmap types; regenerate it with:\n\n    cargo run -q -- schema > roadmaps/roadmap.schema.json\n"
    );
}

#[test]
fn every_bundled_roadmap_passes_the_schema() {
    let v = validator();
    for file in BUNDLED {
        assert!(
            file.text
                .starts_with("# yaml-language-server: $schema=roadmap.schema.json\n"),
            "roadmaps/{} does not start with the yaml-language-server modeline",
            file.name
        );
        let found = complaints(&v, file.text);
        assert!(found.is_empty(), "roadmaps/{}: {found:#?}", file.name);
    }
}

#[test]
fn the_scaffold_passes_the_schema() {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
    let found = complaints(&validator(), &trailmark::roadmap::scaffold("mine", date));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn every_invalid_fixture_is_sorted_into_one_list() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(INVALID)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let listed: BTreeSet<String> = [CAUGHT, BEYOND_THE_SCHEMA, NOT_A_DOCUMENT]
        .concat()
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    assert_eq!(on_disk, listed, "fixtures on disk vs. fixtures listed here");
}

#[test]
fn the_schema_refuses_what_it_can_express() {
    let v = validator();
    for name in CAUGHT {
        assert!(
            !complaints(&v, &fixture(name)).is_empty(),
            "{name} passed the schema"
        );
    }
    for name in BEYOND_THE_SCHEMA {
        let found = complaints(&v, &fixture(name));
        assert!(
            found.is_empty(),
            "{name} is refused by the schema now; move it to CAUGHT: {found:#?}"
        );
    }
}

/// Each kind of check lands where it should, not just "somewhere".
#[test]
fn the_schema_points_at_the_offending_value() {
    let v = validator();
    let at = |name: &str| -> Vec<String> {
        complaints(&v, &fixture(name))
            .into_iter()
            .map(|c| c.split(": ").next().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(at("bad-pace.yaml"), ["/pace_hours_per_week"]);
    assert_eq!(at("bad-published.yaml"), ["/source/published"]);
    assert_eq!(at("empty-roadmap.yaml"), ["/phases"]);
    assert_eq!(at("estimate-zero.yaml"), ["/phases/0/skills/0/estimate"]);
    assert_eq!(
        at("estimate-unknown-unit.yaml"),
        ["/phases/0/skills/0/estimate"]
    );
    assert_eq!(
        at("invalid-id.yaml"),
        [
            "/id",
            "/phases/0/id",
            "/phases/0/skills/0/id",
            "/phases/0/skills/0/key"
        ]
    );
    assert_eq!(at("unknown-field.yaml"), ["/phases/0/skills/0"]);
    assert_eq!(at("missing-phases.yaml"), [""]);
    assert_eq!(at("duplicate-alias.yaml"), ["/phases/0/skills/0/aliases"]);
}

/// The estimate forms of the format, as the pattern and the loader read them.
#[test]
fn estimate_forms_agree_with_the_loader() {
    let v = validator();
    let with = |estimate: &str| {
        format!(
            "id: r\ntitle: R\nsource: {{}}\nphases:\n  - id: p\n    title: P\n    skills:\n      - id: s\n        title: S\n        estimate: {estimate}\n"
        )
    };
    for ok in [
        "3",
        "0.5",
        "1 week",
        "4-6 weeks",
        "4–6 weeks",
        "4 - 6 weeks",
        "1 month",
        "2–3 months",
        "2 Weeks",
        "1.5 wk",
        "0-2 weeks",
    ] {
        let text = with(ok);
        assert!(
            trailmark::roadmap::Roadmap::from_yaml_str(&text, "f").is_ok(),
            "{ok}"
        );
        assert_eq!(complaints(&v, &text), Vec::<String>::new(), "{ok}");
    }
    for bad in [
        "0",
        "0 weeks",
        "-2 weeks",
        "3 days",
        "soon",
        "about 1 week",
        "weeks",
    ] {
        let text = with(bad);
        assert!(
            trailmark::roadmap::Roadmap::from_yaml_str(&text, "f").is_err(),
            "{bad}"
        );
        assert!(!complaints(&v, &text).is_empty(), "{bad} passed the schema");
    }
}
