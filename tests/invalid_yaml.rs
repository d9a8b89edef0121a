//! Roadmap files broken as files or as YAML, and the exact report each
//! gets: the size cap (the oversized file is generated, never committed),
//! a missing file, binary junk, BOM and CRLF problems (and the valid CRLF
//! and BOM twins), aliases, tags, flow style, several documents, tabs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use trailmark::roadmap::{MAX_FILE_BYTES, Roadmap};

#[path = "support/invalid.rs"]
mod invalid;
use invalid::*;

#[test]
fn a_file_over_the_cap_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let err = Roadmap::load_file(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the file is 8388609 bytes, over the 8 MiB limit for roadmap files; split it into several roadmaps",
            path.display()
        )
    );
    assert_eq!(err.problems()[0].line, None);
}

#[test]
fn a_file_at_the_cap_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    let mut text = "# padding\n".repeat((MAX_FILE_BYTES / 10) as usize);
    text.push_str(&"#".repeat(MAX_FILE_BYTES as usize - text.len()));
    assert_eq!(text.len() as u64, MAX_FILE_BYTES);
    std::fs::write(&path, text).unwrap();
    assert_eq!(
        Roadmap::load_file(&path).unwrap_err().to_string(),
        format!(
            "{}: the file is empty (or only comments); a roadmap needs `id`, `title`, `source` and `phases` — see roadmaps/README.md for a full example",
            path.display()
        )
    );
}

#[test]
fn bytes_over_the_cap_are_refused_too() {
    let bytes = vec![b'#'; MAX_FILE_BYTES as usize + 1];
    assert_eq!(
        Roadmap::from_yaml_bytes(&bytes, "mem.yaml")
            .unwrap_err()
            .to_string(),
        "mem.yaml: the file is 8388609 bytes, over the 8 MiB limit for roadmap files; split it into several roadmaps"
    );
}

#[test]
fn a_missing_file_says_so() {
    let err = Roadmap::load_file(Path::new("tests/fixtures/no-such-file.yaml")).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "tests/fixtures/no-such-file.yaml: cannot read the file (No such file or directory"
        ),
        "{err}"
    );
    assert!(
        err.to_string()
            .ends_with("; check the path and its permissions")
    );
}

#[test]
fn a_crlf_file_loads_like_its_lf_twin() {
    let path = Path::new(VALID).join("crlf.yaml");
    let crlf = Roadmap::load_file(&path).unwrap();
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\r\n", "\n");
    let lf = Roadmap::from_yaml_str(&text, "lf.yaml").unwrap();
    assert_eq!(crlf, lf);
    assert_eq!(crlf.id, "fixture-crlf");
    assert!(!crlf.summary.contains('\r'));
    assert_eq!(crlf.phases[0].skills[0].topics, ["commits", "branches"]);
}

#[test]
fn a_bom_file_loads_like_its_twin_without_one() {
    let path = Path::new(VALID).join("bom.yaml");
    let bom = Roadmap::load_file(&path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let plain = Roadmap::from_yaml_bytes(&bytes[3..], "plain.yaml").unwrap();
    assert_eq!(bom, plain);
    assert_eq!(bom.id, "fixture-bom");
}

/// The tab hint, applied: spaces instead of the tab make the file valid.
#[test]
fn the_tab_hint_applied_makes_the_file_valid() {
    let text = std::fs::read_to_string(Path::new(INVALID).join("tab-indent.yaml")).unwrap();
    let fixed = text.replace('\t', "        ");
    assert!(Roadmap::from_yaml_str(&fixed, "fixed.yaml").is_ok());
}

// One test per invalid fixture: the exact report.

#[test]
fn alias_bomb() {
    assert_eq!(
        errors("alias-bomb.yaml"),
        "tests/fixtures/invalid/alias-bomb.yaml:6:14: YAML aliases (`*name`) expand the file to more than 8 MiB by here; write the values out instead of repeating aliases (roadmap files need no aliases)"
    );
}

#[test]
fn binary_junk() {
    assert_eq!(
        errors("binary-junk.yaml"),
        "tests/fixtures/invalid/binary-junk.yaml:1:2: the file is not UTF-8 text (byte 0xff cannot start a character); a roadmap must be a UTF-8 YAML text file — is this the right file? (if it is, save it with UTF-8 encoding)"
    );
}

#[test]
fn bom_problems() {
    assert_eq!(
        errors("bom-problems.yaml"),
        "tests/fixtures/invalid/bom-problems.yaml:1:5: id: `BOM Problems` is not a valid id; ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit (try `bom-problems`)"
    );
}

#[test]
fn crlf_problems() {
    assert_eq!(
        errors("crlf-problems.yaml"),
        "tests/fixtures/invalid/crlf-problems.yaml:10:19: phase 1 `basics` › skill `git` › estimate: unknown unit `days` in the estimate; use `week`/`weeks` or `month`/`months`\n\
         tests/fixtures/invalid/crlf-problems.yaml:11:9: phase 1 `basics` › skill `git` › sumary: unknown field `sumary` in the skill; did you mean `summary`?"
    );
}

#[test]
fn deep_nesting() {
    assert_eq!(
        errors("deep-nesting.yaml"),
        "tests/fixtures/invalid/deep-nesting.yaml:2:40: lists and mappings nest more than 32 levels deep here; a roadmap needs only a few levels (phases › skills › resources), so look for a `[` or `{` that is never closed"
    );
}

#[test]
fn duplicate_key() {
    assert_eq!(
        errors("duplicate-key.yaml"),
        "tests/fixtures/invalid/duplicate-key.yaml:3:1: title: `title` is given twice in the same mapping (first on line 2); keep one and delete the other"
    );
}

#[test]
fn empty() {
    assert_eq!(
        errors("empty.yaml"),
        "tests/fixtures/invalid/empty.yaml: the file is empty (or only comments); a roadmap needs `id`, `title`, `source` and `phases` — see roadmaps/README.md for a full example"
    );
}

#[test]
fn flow_style() {
    assert_eq!(
        errors("flow-style.yaml"),
        "tests/fixtures/invalid/flow-style.yaml:5:74: phase 1 `basics` › skill `git` › estimate: the range `6-4 weeks` runs backwards; write the smaller number first, e.g. `4-6 weeks`\n\
         tests/fixtures/invalid/flow-style.yaml:5:97: phase 1 `basics` › skill `http` › titel: unknown field `titel` in the skill; did you mean `title`?"
    );
}

#[test]
fn not_a_mapping() {
    assert_eq!(
        errors("not-a-mapping.yaml"),
        "tests/fixtures/invalid/not-a-mapping.yaml:1:1: the top level of a roadmap must be a mapping with `id`, `title`, `source` and `phases`; found a list; a file holds one roadmap, so start it with `id:` at the left margin, not with `- `"
    );
}

#[test]
fn only_comments() {
    assert_eq!(
        errors("only-comments.yaml"),
        "tests/fixtures/invalid/only-comments.yaml: the file is empty (or only comments); a roadmap needs `id`, `title`, `source` and `phases` — see roadmaps/README.md for a full example"
    );
}

#[test]
fn tag() {
    assert_eq!(
        errors("tag.yaml"),
        "tests/fixtures/invalid/tag.yaml:2:8: title: YAML tags (`!name`) have no meaning in a roadmap file; remove the tag, and put the value in quotes if it starts with `!`\n\
         tests/fixtures/invalid/tag.yaml:10:19: phase 1 `basics` › skill `git` › estimate: YAML tags (`!name`) have no meaning in a roadmap file; remove the tag, and put the value in quotes if it starts with `!`"
    );
}

#[test]
fn two_documents() {
    assert_eq!(
        errors("two-documents.yaml"),
        "tests/fixtures/invalid/two-documents.yaml:9:1: YAML error: the file holds a second YAML document, starting at this `---`; put one roadmap per file: move the second one to a file of its own, or remove the `---` line"
    );
}

#[test]
fn yaml_syntax() {
    assert_eq!(
        errors("yaml-syntax.yaml"),
        "tests/fixtures/invalid/yaml-syntax.yaml:2:8: YAML error: found unexpected end of stream while scanning a quoted scalar; the quote that opens here is never closed; add the matching closing quote"
    );
}

#[test]
fn tab_indent() {
    assert_eq!(
        errors("tab-indent.yaml"),
        "tests/fixtures/invalid/tab-indent.yaml:13:1: YAML error: a tab indents this line; tabs cannot indent YAML; use spaces"
    );
}
