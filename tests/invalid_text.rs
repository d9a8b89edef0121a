//! Hostile text in roadmap files: control characters (C0, C1, DEL, bidi
//! overrides, raw bytes) are refused with their exact report, generated
//! hostile input never panics, and YAML scalars that would silently change
//! type (booleans, numbers, null) are refused with a quoting hint that,
//! applied, makes the file valid.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use trailmark::roadmap::Roadmap;

#[path = "support/invalid.rs"]
mod invalid;
use invalid::*;

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
