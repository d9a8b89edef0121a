//! Every broken roadmap in `tests/fixtures/invalid/` and the exact report it
//! gets: `file:line:col: place: message`, one line per problem, in file order.
//! The positions were checked by hand against the files; the messages are
//! what a roadmap author reads, so a change to one should be deliberate.
//!
//! Also: the size cap (the oversized file is generated, never committed),
//! hostile input (no panics), and the valid CRLF and BOM fixtures.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;

use trailmark::roadmap::{LoadError, MAX_FILE_BYTES, Roadmap};

const INVALID: &str = "tests/fixtures/invalid";
const VALID: &str = "tests/fixtures/valid";

/// The fixtures with a test below; a new fixture must be added here too.
const COVERED: &[&str] = &[
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

fn load(name: &str) -> Result<Roadmap, LoadError> {
    Roadmap::load_file(&Path::new(INVALID).join(name))
}

/// The whole report for an invalid fixture, as `validate` prints it.
fn errors(name: &str) -> String {
    match load(name) {
        Ok(r) => panic!("{name} loaded as `{}` but should not", r.id),
        Err(e) => e.to_string(),
    }
}

#[test]
fn every_fixture_has_a_test_and_none_loads() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(INVALID)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let covered: BTreeSet<String> = COVERED.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(
        on_disk, covered,
        "fixtures on disk vs. fixtures with a test"
    );
    for name in COVERED {
        assert!(load(name).is_err(), "{name} loaded");
    }
}

/// All problems are reported, in file order, with structured fields too.
#[test]
fn two_problems_come_in_file_order() {
    let err = load("two-problems.yaml").unwrap_err();
    let got: Vec<_> = err
        .problems()
        .into_iter()
        .map(|p| (p.line, p.column, p.place))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some(10),
                Some(19),
                "phase 1 `basics` › skill `git` › estimate".to_owned()
            ),
            (
                Some(13),
                Some(9),
                "phase 1 `basics` › skill `http` › sumary".to_owned()
            ),
        ]
    );
}

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

/// The hostile fixtures really are what their names say (git must not have
/// normalised them).
#[test]
fn hostile_fixtures_are_intact() {
    let junk = std::fs::read(Path::new(INVALID).join("binary-junk.yaml")).unwrap();
    assert_eq!(junk.len(), 256);
    assert!(junk.contains(&0));
    assert!(std::str::from_utf8(&junk).is_err());
    let deep = std::fs::read_to_string(Path::new(INVALID).join("deep-nesting.yaml")).unwrap();
    assert!(deep.contains(&"[".repeat(10_000)));
    assert!(
        std::fs::read(Path::new(INVALID).join("empty.yaml"))
            .unwrap()
            .is_empty()
    );
    let crlf = std::fs::read(Path::new(VALID).join("crlf.yaml")).unwrap();
    assert!(crlf.windows(2).filter(|w| w == b"\r\n").count() > 20);
    let bom = std::fs::read(Path::new(VALID).join("bom.yaml")).unwrap();
    assert!(bom.starts_with(b"\xef\xbb\xbfid: "));
    let raw = std::fs::read(Path::new(INVALID).join("control-raw-byte.yaml")).unwrap();
    assert!(raw.contains(&0x1b));
    let bidi =
        std::fs::read_to_string(Path::new(INVALID).join("control-bidi-override.yaml")).unwrap();
    assert!(bidi.contains('\u{202e}'));
    let tab = std::fs::read_to_string(Path::new(INVALID).join("tab-indent.yaml")).unwrap();
    assert!(tab.contains("\n\tkey: git\n"));
}

/// Hostile input that is not in a fixture: nothing panics, and each is refused.
#[test]
fn generated_hostile_input_is_refused_without_panicking() {
    let cases = [
        format!("id: x\ntitle: {}", "[".repeat(1_000_000)),
        format!(
            "id: x\ntitle: {}{}",
            "{a: ".repeat(50_000),
            "}".repeat(50_000)
        ),
        format!("{}x\n", "- ".repeat(1_000_000)),
        format!("a: [[{}]]\n", "x,".repeat(1_000_000)),
        format!(
            "a: &a \"{}\"\nb: [{}]\n",
            "x".repeat(1_000_000),
            ["*a"; 100].join(",")
        ),
        format!("topics:\n{}", "  - x\n".repeat(200_000)),
        "a: &a [*a]\n".to_owned(),
        "id: *nope\n".to_owned(),
        "\u{0}\u{1}\u{2}".to_owned(),
        "---\n---\n...\n".to_owned(),
        "~\n".to_owned(),
        "\u{feff}".to_owned(),
        "\r\n\r\n".to_owned(),
        "'".to_owned(),
        "? [a, b]\n: c\n".to_owned(),
    ];
    for text in cases {
        let shown: String = text.chars().take(30).collect();
        let err = Roadmap::from_yaml_str(&text, "h.yaml").expect_err(&shown);
        assert!(err.to_string().starts_with("h.yaml"), "{shown:?}: {err}");
    }
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

/// Plain scalars that YAML keeps as text (dates, `yes`, `on`, `017`,
/// `1_000`, times) load exactly as written: no hint is needed for them.
#[test]
fn plain_scalars_that_stay_text_load_as_written() {
    let r = Roadmap::load_file(&Path::new(VALID).join("plain-scalars-stay-text.yaml")).unwrap();
    assert_eq!(r.title, "2025-03-18");
    assert_eq!(r.source.title.as_deref(), Some("yes"));
    assert_eq!(r.source.author.as_deref(), Some("on"));
    assert_eq!(r.phases[0].title, "12:30");
    assert_eq!(r.phases[0].summary, "off");
    let git = &r.phases[0].skills[0];
    assert_eq!(git.title, "017");
    assert_eq!(
        git.topics,
        ["1_000", "No", "2001-12-14t21:59:43.10-05:00", "Y"]
    );
}

/// Every "put it in quotes" hint, applied exactly as written, makes the file
/// valid and keeps the author's text: `3.10` stays `3.10`, not `3.1`.
#[test]
fn quoting_hints_applied_as_written_make_the_file_valid() {
    for name in COVERED.iter().filter(|n| n.starts_with("retyped-")) {
        let path = Path::new(INVALID).join(name);
        let mut lines: Vec<String> = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect();
        let err = Roadmap::load_file(&path).unwrap_err();
        let mut expected = Vec::new();
        for p in err.problems().into_iter().rev() {
            let (Some(line), Some(col)) = (p.line, p.column) else {
                panic!("{name}: {p:?} has no position")
            };
            let (_, hint) = p
                .message
                .rsplit_once("put it in quotes: `")
                .unwrap_or_else(|| panic!("{name}: no quoting hint in {}", p.message));
            let quoted = hint.split('`').next().unwrap().to_owned();
            let word = quoted.trim_matches('"');
            let text = &mut lines[line - 1];
            let at = text.char_indices().nth(col - 1).unwrap().0;
            assert!(text[at..].starts_with(word), "{name}:{line}:{col}: {word}");
            text.replace_range(at..at + word.len(), &quoted);
            expected.push(word.to_owned());
        }
        let fixed = lines.join("\n");
        let r = Roadmap::from_yaml_str(&fixed, name).unwrap_or_else(|e| panic!("{e}"));
        let skill = &r.phases[0].skills[0];
        let texts = [
            r.title.as_str(),
            r.phases[0].id.as_str(),
            r.phases[0].title.as_str(),
            skill.title.as_str(),
            skill.topics[1].as_str(),
            skill.resources[0].url.as_str(),
        ];
        for word in expected {
            assert!(texts.contains(&word.as_str()), "{name}: `{word}` not kept");
        }
    }
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
fn bad_pace() {
    assert_eq!(
        errors("bad-pace.yaml"),
        "tests/fixtures/invalid/bad-pace.yaml:4:22: pace_hours_per_week: `200` is not a weekly pace; give the hours of study per week that the estimates assume, more than 0 and at most 168 (e.g. `10`)"
    );
}

#[test]
fn tips_are_one_line_of_text_each() {
    assert_eq!(
        errors("tips-not-one-line.yaml"),
        "tests/fixtures/invalid/tips-not-one-line.yaml:7:5: tips #2: a tip is one line of text, but this one spans several; make it one tip per `- ` entry, or fold a long tip with `>-` (which joins its lines)\n\
         tests/fixtures/invalid/tips-not-one-line.yaml:9:4: tips #3: the entry is empty; write the text after the `-` or remove the entry\n\
         tests/fixtures/invalid/tips-not-one-line.yaml:10:5: tips #4: the tip is empty; write the tip or remove the entry\n\
         tests/fixtures/invalid/tips-not-one-line.yaml:11:5: tips #5: expected text, found the number `42`; put it in quotes: `\"42\"`"
    );
}

#[test]
fn tips_are_a_list() {
    assert_eq!(
        errors("tips-not-a-list.yaml"),
        "tests/fixtures/invalid/tips-not-a-list.yaml:4:7: tips: expected a list of text, found the text `Build projects, not only tutorials.`; write it as `[first, second]`, or one `- item` per line"
    );
}

#[test]
fn bad_published() {
    assert_eq!(
        errors("bad-published.yaml"),
        "tests/fixtures/invalid/bad-published.yaml:5:14: source › published: `18 March 2025` is not a date written YYYY-MM-DD; write it like `2025-03-18`"
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
fn duplicate_ids() {
    assert_eq!(
        errors("duplicate-ids.yaml"),
        "tests/fixtures/invalid/duplicate-ids.yaml:13:9: phase 2 `basics` › id: phase id `basics` is already used by phase 1; give each phase its own id\n\
         tests/fixtures/invalid/duplicate-ids.yaml:18:13: phase 2 `basics` › skill `git` › id: skill id `git` is already used by phase 1 `basics` › skill `git`; skill ids must be unique in a roadmap (to share progress between roadmaps, give both the same `key`)\n\
         tests/fixtures/invalid/duplicate-ids.yaml:21:13: phase 2 `basics` › project `blog-api` › id: project id `blog-api` is already used by phase 1 `basics` › project `blog-api`; give each project idea its own id"
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
fn empty_roadmap() {
    assert_eq!(
        errors("empty-roadmap.yaml"),
        "tests/fixtures/invalid/empty-roadmap.yaml:4:9: phases: `phases` is empty; a roadmap needs at least one phase (with `id`, `title` and `skills`)"
    );
}

#[test]
fn empty_title() {
    assert_eq!(
        errors("empty-title.yaml"),
        "tests/fixtures/invalid/empty-title.yaml:2:8: title: `title` is empty; give the roadmap a title\n\
         tests/fixtures/invalid/empty-title.yaml:6:12: phase 1 `basics` › title: `title` is empty; give the phase a title\n\
         tests/fixtures/invalid/empty-title.yaml:9:9: phase 1 `basics` › skill `git` › title: `title` has no value; write the skill's title after `title:`"
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
fn estimate_backwards() {
    assert_eq!(
        errors("estimate-backwards.yaml"),
        "tests/fixtures/invalid/estimate-backwards.yaml:10:19: phase 1 `basics` › skill `git` › estimate: the range `6-4 weeks` runs backwards; write the smaller number first, e.g. `4-6 weeks`"
    );
}

#[test]
fn estimate_negative() {
    assert_eq!(
        errors("estimate-negative.yaml"),
        "tests/fixtures/invalid/estimate-negative.yaml:10:19: phase 1 `basics` › skill `git` › estimate: the estimate `-2 weeks` is negative; an estimate is an amount of time, so write it without the minus sign"
    );
}

#[test]
fn estimate_unknown_unit() {
    assert_eq!(
        errors("estimate-unknown-unit.yaml"),
        "tests/fixtures/invalid/estimate-unknown-unit.yaml:10:19: phase 1 `basics` › skill `git` › estimate: unknown unit `days` in the estimate; use `week`/`weeks` or `month`/`months`"
    );
}

#[test]
fn estimate_unparsable() {
    assert_eq!(
        errors("estimate-unparsable.yaml"),
        "tests/fixtures/invalid/estimate-unparsable.yaml:10:19: phase 1 `basics` › skill `git` › estimate: cannot read `a few weeks` as an estimate; write a number of weeks (`3`) or text like `1 week`, `4-6 weeks`, `2–3 months`"
    );
}

#[test]
fn estimate_zero() {
    assert_eq!(
        errors("estimate-zero.yaml"),
        "tests/fixtures/invalid/estimate-zero.yaml:10:19: phase 1 `basics` › skill `git` › estimate: the estimate is zero; give the time it takes, e.g. `1 week`, or leave `estimate` out if the source gives none"
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
fn invalid_id() {
    assert_eq!(
        errors("invalid-id.yaml"),
        "tests/fixtures/invalid/invalid-id.yaml:1:5: id: `Backend Roadmap` is not a valid id; ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit (try `backend-roadmap`)\n\
         tests/fixtures/invalid/invalid-id.yaml:5:9: phase 1 `-basics` › id: `-basics` is not a valid id; ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit (try `basics`)\n\
         tests/fixtures/invalid/invalid-id.yaml:8:13: phase 1 `-basics` › skill `Git/GitHub` › id: `Git/GitHub` is not a valid id; ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit (try `git-github`)\n\
         tests/fixtures/invalid/invalid-id.yaml:10:14: phase 1 `-basics` › skill `Git/GitHub` › key: `Version Control` is not a valid key; keys use lowercase letters, digits and `-`, like `git` or `ci-cd` (try `version-control`)"
    );
}

#[test]
fn malformed_url() {
    assert_eq!(
        errors("malformed-url.yaml"),
        "tests/fixtures/invalid/malformed-url.yaml:5:8: source › url: `example.com/roadmap` is not a web address; write a full URL such as `https://example.com/guide`\n\
         tests/fixtures/invalid/malformed-url.yaml:14:18: phase 1 `basics` › skill `git` › resource 1 › url: `htps://git-scm.com/book` is not a web address; write a full URL such as `https://example.com/guide`\n\
         tests/fixtures/invalid/malformed-url.yaml:16:18: phase 1 `basics` › skill `git` › resource 2 › url: `https://git scm.com/docs` is not a web address; write a full URL such as `https://example.com/guide`"
    );
}

#[test]
fn missing_phases() {
    assert_eq!(
        errors("missing-phases.yaml"),
        "tests/fixtures/invalid/missing-phases.yaml:1:1: missing `phases`; add `phases:` with at least one phase (each with `id`, `title` and `skills`)"
    );
}

#[test]
fn missing_required() {
    assert_eq!(
        errors("missing-required.yaml"),
        "tests/fixtures/invalid/missing-required.yaml:1:1: missing `id`; add `id: my-roadmap` (lowercase letters, digits and `-`)\n\
         tests/fixtures/invalid/missing-required.yaml:4:5: phase 1 `basics`: missing `title`; add `title:` with the phase's title\n\
         tests/fixtures/invalid/missing-required.yaml:6:9: phase 1 `basics` › skill 1: missing `id`; add `id: git-basics` (lowercase letters, digits and `-`)"
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
fn number_as_text() {
    assert_eq!(
        errors("number-as-text.yaml"),
        "tests/fixtures/invalid/number-as-text.yaml:1:5: id: expected text, found the number `2025`; put it in quotes: `\"2025\"`\n\
         tests/fixtures/invalid/number-as-text.yaml:4:10: source › title: expected text, found the yes/no value `true`; put it in quotes: `\"true\"`\n\
         tests/fixtures/invalid/number-as-text.yaml:7:12: phase 1 `basics` › title: expected text, found the number `12.5`; put it in quotes: `\"12.5\"`\n\
         tests/fixtures/invalid/number-as-text.yaml:11:27: phase 1 `basics` › skill `git` › topics #2: expected text, found the number `42`; put it in quotes: `\"42\"`\n\
         tests/fixtures/invalid/number-as-text.yaml:11:31: phase 1 `basics` › skill `git` › topics #3: expected text, found the yes/no value `true`; put it in quotes: `\"true\"`"
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
fn phase_no_skills() {
    assert_eq!(
        errors("phase-no-skills.yaml"),
        "tests/fixtures/invalid/phase-no-skills.yaml:12:13: phase 2 `later` › skills: `skills` is empty; a phase needs at least one skill (with `id` and `title`)\n\
         tests/fixtures/invalid/phase-no-skills.yaml:13:5: phase 3 `never`: missing `skills`; add `skills:` with at least one skill (each with `id` and `title`)"
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
fn two_problems() {
    assert_eq!(
        errors("two-problems.yaml"),
        "tests/fixtures/invalid/two-problems.yaml:10:19: phase 1 `basics` › skill `git` › estimate: cannot read `soon` as an estimate; write a number of weeks (`3`) or text like `1 week`, `4-6 weeks`, `2–3 months`\n\
         tests/fixtures/invalid/two-problems.yaml:13:9: phase 1 `basics` › skill `http` › sumary: unknown field `sumary` in the skill; did you mean `summary`?"
    );
}

#[test]
fn unknown_field_in_resource() {
    assert_eq!(
        errors("unknown-field-in-resource.yaml"),
        "tests/fixtures/invalid/unknown-field-in-resource.yaml:14:13: phase 1 `basics` › skill `git` › resource 2 › link: unknown field `link` in the resource; did you mean `url`?"
    );
}

#[test]
fn unknown_field() {
    assert_eq!(
        errors("unknown-field.yaml"),
        "tests/fixtures/invalid/unknown-field.yaml:10:9: phase 1 `basics` › skill `git` › summry: unknown field `summry` in the skill; did you mean `summary`?\n\
         tests/fixtures/invalid/unknown-field.yaml:11:9: phase 1 `basics` › skill `git` › colour: unknown field `colour` in the skill; a skill may have: `id`, `title`, `key`, `aliases`, `summary`, `topics`, `resources`, `estimate`"
    );
}

#[test]
fn unknown_project_skill() {
    assert_eq!(
        errors("unknown-project-skill.yaml"),
        "tests/fixtures/invalid/unknown-project-skill.yaml:15:28: phase 1 `data` › project `todo-api` › skills #2: no skill has the id `postgres`; did you mean `postgresql`?\n\
         tests/fixtures/invalid/unknown-project-skill.yaml:15:38: phase 1 `data` › project `todo-api` › skills #3: no skill has the id `kubernetes`; use the id of a skill in this roadmap: `postgresql`, `rest-api`"
    );
}

#[test]
fn wrong_type() {
    assert_eq!(
        errors("wrong-type.yaml"),
        "tests/fixtures/invalid/wrong-type.yaml:2:8: title: expected text, found a list; if the `[…]` is part of the text, put the whole text in quotes\n\
         tests/fixtures/invalid/wrong-type.yaml:10:19: phase 1 `basics` › skill `git` › estimate: expected an estimate, found a list; write a number of weeks (`3`) or text like `4-6 weeks`\n\
         tests/fixtures/invalid/wrong-type.yaml:11:17: phase 1 `basics` › skill `git` › topics: expected a list of text, found the text `commits`; write it as `[first, second]`, or one `- item` per line"
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
fn control_bidi_isolate() {
    assert_eq!(
        errors("control-bidi-isolate.yaml"),
        "tests/fixtures/invalid/control-bidi-isolate.yaml:14:27: phase 1 `basics` › skill `git` › topics #2: holds U+2066 (left-to-right isolate), a bidirectional control, which reorders how the text around it is shown; remove it (in double quotes it may be written `\\u2066`)"
    );
}

#[test]
fn control_bidi_override() {
    assert_eq!(
        errors("control-bidi-override.yaml"),
        "tests/fixtures/invalid/control-bidi-override.yaml:12:20: phase 1 `basics` › skill `git` › title: holds U+202E (right-to-left override), a bidirectional control, which reorders how the text around it is shown; remove it (in double quotes it may be written `\\u202E`)"
    );
}

#[test]
fn control_c0() {
    assert_eq!(
        errors("control-c0.yaml"),
        "tests/fixtures/invalid/control-c0.yaml:2:8: title: holds U+001B (escape), a control character, which could take over the terminal the text is shown on; remove it (in double quotes it may be written `\\e` or `\\x1b`)"
    );
}

#[test]
fn control_c1() {
    assert_eq!(
        errors("control-c1.yaml"),
        "tests/fixtures/invalid/control-c1.yaml:12:16: phase 1 `basics` › skill `git` › title: holds U+009B (control sequence introducer), a control character, which could take over the terminal the text is shown on; remove it (in double quotes it may be written `\\x9b`)"
    );
}

#[test]
fn control_del() {
    assert_eq!(
        errors("control-del.yaml"),
        "tests/fixtures/invalid/control-del.yaml:7:12: phase 1 `basics` › title: holds U+007F (delete), a control character, which could take over the terminal the text is shown on; remove it (in double quotes it may be written `\\x7f`)"
    );
}

#[test]
fn control_in_id() {
    assert_eq!(
        errors("control-in-id.yaml"),
        "tests/fixtures/invalid/control-in-id.yaml:6:9: phase 1 › id: holds U+001B (escape), a control character, which could take over the terminal the text is shown on; remove it (in double quotes it may be written `\\e` or `\\x1b`)"
    );
}

#[test]
fn control_in_summary() {
    assert_eq!(
        errors("control-in-summary.yaml"),
        "tests/fixtures/invalid/control-in-summary.yaml:8:14: phase 1 `basics` › summary: holds U+0007 (bell), a control character, which could take over the terminal the text is shown on (multi-line text may hold line breaks and tabs, nothing else); remove it (in double quotes it may be written `\\a` or `\\x07`)"
    );
}

#[test]
fn control_line_break() {
    assert_eq!(
        errors("control-line-break.yaml"),
        "tests/fixtures/invalid/control-line-break.yaml:12:16: phase 1 `basics` › skill `git` › title: holds a line break, U+000A (line feed), but this field is one line of text; join the lines with a space"
    );
}

#[test]
fn control_raw_byte() {
    assert_eq!(
        errors("control-raw-byte.yaml"),
        "tests/fixtures/invalid/control-raw-byte.yaml:2:16: YAML error: the file holds U+001B (escape), a control character YAML does not allow in a file; remove it (a roadmap file is plain text: is this the right file?)"
    );
}

#[test]
fn control_tab() {
    assert_eq!(
        errors("control-tab.yaml"),
        "tests/fixtures/invalid/control-tab.yaml:13:18: phase 1 `basics` › skill `git` › key: holds a tab, U+0009 (tab), but this field is one line of text; write a space instead"
    );
}

#[test]
fn date_not_padded() {
    assert_eq!(
        errors("date-not-padded.yaml"),
        "tests/fixtures/invalid/date-not-padded.yaml:4:14: source › published: `2025-3-8` is not a date written YYYY-MM-DD; write `2025-03-08`"
    );
}

#[test]
fn date_with_time() {
    assert_eq!(
        errors("date-with-time.yaml"),
        "tests/fixtures/invalid/date-with-time.yaml:4:14: source › published: `2025-03-18T10:30:00Z` is not a date written YYYY-MM-DD; write it like `2025-03-18`"
    );
}

#[test]
fn estimate_over_ten_years_number() {
    assert_eq!(
        errors("estimate-over-ten-years-number.yaml"),
        "tests/fixtures/invalid/estimate-over-ten-years-number.yaml:9:15: phase 1 `basics` › estimate: the estimate is over 10 years (520 weeks), the longest an estimate may be; give the time it really takes, e.g. `6 months`, or leave it out\n\
         tests/fixtures/invalid/estimate-over-ten-years-number.yaml:15:19: phase 1 `basics` › skill `git` › estimate: the estimate is over 10 years (520 weeks), the longest an estimate may be; give the time it really takes, e.g. `6 months`, or leave it out"
    );
}

#[test]
fn estimate_over_ten_years() {
    assert_eq!(
        errors("estimate-over-ten-years.yaml"),
        "tests/fixtures/invalid/estimate-over-ten-years.yaml:9:15: phase 1 `basics` › estimate: the estimate is over 10 years (520 weeks), the longest an estimate may be; give the time it really takes, e.g. `6 months`, or leave it out\n\
         tests/fixtures/invalid/estimate-over-ten-years.yaml:15:19: phase 1 `basics` › skill `git` › estimate: the estimate is over 10 years (520 weeks), the longest an estimate may be; give the time it really takes, e.g. `6 months`, or leave it out"
    );
}

#[test]
fn retyped_boolean() {
    assert_eq!(
        errors("retyped-boolean.yaml"),
        "tests/fixtures/invalid/retyped-boolean.yaml:2:8: title: expected text, found the yes/no value `True`; put it in quotes: `\"True\"`\n\
         tests/fixtures/invalid/retyped-boolean.yaml:7:12: phase 1 `basics` › title: expected text, found the yes/no value `false`; put it in quotes: `\"false\"`\n\
         tests/fixtures/invalid/retyped-boolean.yaml:12:16: phase 1 `basics` › skill `git` › title: expected text, found the yes/no value `FALSE`; put it in quotes: `\"FALSE\"`"
    );
}

#[test]
fn retyped_exponent() {
    assert_eq!(
        errors("retyped-exponent.yaml"),
        "tests/fixtures/invalid/retyped-exponent.yaml:2:8: title: expected text, found the number `1e3`; put it in quotes: `\"1e3\"`\n\
         tests/fixtures/invalid/retyped-exponent.yaml:7:12: phase 1 `basics` › title: expected text, found the number `1.0E+3`; put it in quotes: `\"1.0E+3\"`"
    );
}

#[test]
fn retyped_float() {
    assert_eq!(
        errors("retyped-float.yaml"),
        "tests/fixtures/invalid/retyped-float.yaml:2:8: title: expected text, found the number `3.10`; put it in quotes: `\"3.10\"`\n\
         tests/fixtures/invalid/retyped-float.yaml:7:12: phase 1 `basics` › title: expected text, found the number `0.50`; put it in quotes: `\"0.50\"`"
    );
}

#[test]
fn retyped_hex_octal_binary() {
    assert_eq!(
        errors("retyped-hex-octal-binary.yaml"),
        "tests/fixtures/invalid/retyped-hex-octal-binary.yaml:2:8: title: expected text, found the number `0x1F`; put it in quotes: `\"0x1F\"`\n\
         tests/fixtures/invalid/retyped-hex-octal-binary.yaml:7:12: phase 1 `basics` › title: expected text, found the number `0o17`; put it in quotes: `\"0o17\"`\n\
         tests/fixtures/invalid/retyped-hex-octal-binary.yaml:12:16: phase 1 `basics` › skill `git` › title: expected text, found the number `0b101`; put it in quotes: `\"0b101\"`"
    );
}

#[test]
fn retyped_infinity_nan() {
    assert_eq!(
        errors("retyped-infinity-nan.yaml"),
        "tests/fixtures/invalid/retyped-infinity-nan.yaml:2:8: title: expected text, found the number `.inf`; put it in quotes: `\".inf\"`\n\
         tests/fixtures/invalid/retyped-infinity-nan.yaml:7:12: phase 1 `basics` › title: expected text, found the number `-.Inf`; put it in quotes: `\"-.Inf\"`\n\
         tests/fixtures/invalid/retyped-infinity-nan.yaml:12:16: phase 1 `basics` › skill `git` › title: expected text, found the number `.NaN`; put it in quotes: `\".NaN\"`"
    );
}

#[test]
fn retyped_integer() {
    assert_eq!(
        errors("retyped-integer.yaml"),
        "tests/fixtures/invalid/retyped-integer.yaml:2:8: title: expected text, found the number `2025`; put it in quotes: `\"2025\"`\n\
         tests/fixtures/invalid/retyped-integer.yaml:7:12: phase 1 `basics` › title: expected text, found the number `+12`; put it in quotes: `\"+12\"`"
    );
}

#[test]
fn retyped_null() {
    assert_eq!(
        errors("retyped-null.yaml"),
        "tests/fixtures/invalid/retyped-null.yaml:2:8: title: `~` is YAML for “no value”; if the roadmap's title is the text `~`, put it in quotes: `\"~\"`\n\
         tests/fixtures/invalid/retyped-null.yaml:6:9: phase 1 › id: `null` is YAML for “no value”; if the phase's id is the text `null`, put it in quotes: `\"null\"`\n\
         tests/fixtures/invalid/retyped-null.yaml:7:12: phase 1 › title: `null` is YAML for “no value”; if the phase's title is the text `null`, put it in quotes: `\"null\"`\n\
         tests/fixtures/invalid/retyped-null.yaml:14:27: phase 1 › skill `git` › topics #2: `~` is YAML for “no value”; if the entry is the text `~`, put it in quotes: `\"~\"`; otherwise remove the entry"
    );
}

#[test]
fn tab_indent() {
    assert_eq!(
        errors("tab-indent.yaml"),
        "tests/fixtures/invalid/tab-indent.yaml:13:1: YAML error: a tab indents this line; tabs cannot indent YAML; use spaces"
    );
}

#[test]
fn duplicate_skill_key() {
    assert_eq!(
        errors("duplicate-skill-key.yaml"),
        "tests/fixtures/invalid/duplicate-skill-key.yaml:16:14: phase 2 `tools` › skill `github` › key: key `git` is already used by phase 1 `basics` › skill `git`; two skills with one key share one tick (ticking one ticks both), so keep the key on one of them, or merge the two skills"
    );
}

#[test]
fn alias_is_a_skill_id() {
    assert_eq!(
        errors("alias-is-a-skill-id.yaml"),
        "tests/fixtures/invalid/alias-is-a-skill-id.yaml:10:19: phase 1 `basics` › skill `git` › aliases #1: `git` is this skill's own id; list only the ids the skill had before it was renamed\n\
         tests/fixtures/invalid/alias-is-a-skill-id.yaml:13:24: phase 1 `basics` › skill `http` › aliases #2: `git` is the id of phase 1 `basics` › skill `git`; an alias is a former id whose progress moves to this skill, so it cannot be a current id: remove the alias or rename that skill"
    );
}

#[test]
fn duplicate_alias() {
    assert_eq!(
        errors("duplicate-alias.yaml"),
        "tests/fixtures/invalid/duplicate-alias.yaml:10:31: phase 1 `basics` › skill `version-control` › aliases #2: `git-basics` is listed twice in `aliases`; remove one\n\
         tests/fixtures/invalid/duplicate-alias.yaml:14:13: phase 1 `basics` › skill `git-internals` › aliases #1: `git-basics` is already an alias of phase 1 `basics` › skill `version-control`; progress under a former id can move to one skill only, so keep the alias on one of them"
    );
}
