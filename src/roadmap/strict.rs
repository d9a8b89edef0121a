//! Strict rules for what a text field may hold: no control characters (see
//! [`crate::text::is_control`]) in one-line fields, only newline and tab
//! besides in multi-line ones, and dates written exactly `YYYY-MM-DD`.
//!
//! Roadmap files come from other people. A title holding `\e]0;…\a` would
//! retitle the terminal of everyone who lists it, so such a file is refused
//! when it loads, with the character named, rather than cleaned silently.

use chrono::NaiveDate;

use crate::text::{describe, is_bidi, is_control};

/// The first control character in one-line text (an id, a title, a URL, a
/// topic), if any, and what to say about it.
pub(crate) fn line_problem(text: &str) -> Option<(char, String)> {
    if !holds_control(text, false) {
        return None;
    }
    let c = text.chars().find(|&c| is_control(c))?;
    let message = match c {
        '\n' | '\r' | '\u{b}' | '\u{c}' => format!(
            "holds a line break, {}, but this field is one line of text; join the lines with a space",
            describe(c)
        ),
        '\t' => format!(
            "holds a tab, {}, but this field is one line of text; write a space instead",
            describe(c)
        ),
        c => other_problem(c, ""),
    };
    Some((c, message))
}

/// The first forbidden character in multi-line text (a summary, a
/// description), if any, and what to say about it.
pub(crate) fn prose_problem(text: &str) -> Option<(char, String)> {
    if !holds_control(text, true) {
        return None;
    }
    let c = text
        .chars()
        .find(|&c| is_control(c) && c != '\n' && c != '\t')?;
    let note = " (multi-line text may hold line breaks and tabs, nothing else)";
    Some((c, other_problem(c, note)))
}

/// Whether `text` holds a control character, not counting line feeds
/// and tabs when `prose`. Judged on the UTF-8 bytes: each control character
/// is one byte below 0x20 or 0x7F, or the two-byte C1 forms (0xC2
/// 0x80–0x9F), or the three-byte bidirectional ones (0xE2 0x80 0xAA–0xAE,
/// 0xE2 0x81 0xA6–0xA9).
///
/// Why not `chars().any(is_control)`: checking every field of every roadmap
/// char by char was half of loading the bundled catalog before the
/// first-run picker's first frame (`perf record` of `examples/first_frame`).
/// The single bytes are found by a fold the compiler vectorises, the lead
/// bytes by `memchr`; prose is full of 0xE2 (dashes, quotes), so those are
/// looked at, not refused.
// Bitwise, not lazy, operators: without branches the fold vectorises.
#[allow(clippy::needless_bitwise_bool)]
fn holds_control(text: &str, prose: bool) -> bool {
    let b = text.as_bytes();
    let single = b.iter().fold(false, |found, &x| {
        let allowed = prose & ((x == b'\n') | (x == b'\t'));
        found | ((x < 0x20) & !allowed) | (x == 0x7f)
    });
    single
        || memchr::memchr2_iter(0xc2, 0xe2, b).any(|i| {
            let next = (b.get(i + 1), b.get(i + 2));
            match b[i] {
                0xc2 => matches!(next.0, Some(0x80..=0x9f)),
                _ => matches!(
                    next,
                    (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
                ),
            }
        })
}

fn other_problem(c: char, note: &str) -> String {
    let what = if is_bidi(c) {
        "a bidirectional control, which reorders how the text around it is shown"
    } else {
        "a control character, which could take over the terminal the text is shown on"
    };
    format!(
        "holds {}, {what}{note}; remove it (in double quotes it may be written {})",
        describe(c),
        escape_forms(c)
    )
}

/// How `c` may be spelled inside a double-quoted YAML string, so that the
/// author can find it: `` `\e` or `\x1b` ``, `` `\u202E` ``.
fn escape_forms(c: char) -> String {
    let code = u32::from(c);
    let named = match c {
        '\0' => Some("\\0"),
        '\u{7}' => Some("\\a"),
        '\u{8}' => Some("\\b"),
        '\t' => Some("\\t"),
        '\n' => Some("\\n"),
        '\u{b}' => Some("\\v"),
        '\u{c}' => Some("\\f"),
        '\r' => Some("\\r"),
        '\u{1b}' => Some("\\e"),
        '\u{85}' => Some("\\N"),
        _ => None,
    };
    let numeric = if code < 0x100 {
        format!("\\x{code:02x}")
    } else {
        format!("\\u{code:04X}")
    };
    match named {
        Some(n) => format!("`{n}` or `{numeric}`"),
        None => format!("`{numeric}`"),
    }
}

/// A date written exactly `YYYY-MM-DD`, as roadmaps/README.md says: no
/// spaces around it, no single-digit months or days, no sign, no time.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, &c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shaped {
        return None;
    }
    // The shape is checked, so the digits are read directly: chrono's
    // `parse_from_str` reads its format string on every call, a tenth of
    // loading the bundled catalog (`perf record`).
    let number = |range: std::ops::Range<usize>| {
        b[range]
            .iter()
            .fold(0_u32, |n, &d| n * 10 + u32::from(d - b'0'))
    };
    let year = i32::try_from(number(0..4)).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7), number(8..10))
}

/// The problem with a `published` date that is not `YYYY-MM-DD`: when a
/// lenient reading finds a date, the hint is that date written correctly.
pub(crate) fn date_problem(text: &str) -> String {
    let fix = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_or_else(|_| "it like `2025-03-18`".to_owned(), |d| format!("`{d}`"));
    format!("`{text}` is not a date written YYYY-MM-DD; write {fix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_check_finds_every_control_character() {
        // Every character of the Basic Multilingual Plane and a few beyond,
        // alone and between other text: the byte pre-check lets through
        // exactly the ones the char check finds.
        let chars = (0..=0xffff_u32)
            .chain([0x1_f680, 0x10_ffff])
            .filter_map(char::from_u32);
        for c in chars {
            let text = format!("a—{c}b");
            assert_eq!(line_problem(&text).is_some(), is_control(c), "{c:?}");
            let prose = is_control(c) && c != '\n' && c != '\t';
            assert_eq!(prose_problem(&text).is_some(), prose, "{c:?}");
        }
    }

    #[test]
    fn one_line_text_holds_no_control_characters() {
        assert_eq!(line_problem("Git & GitHub — 宽字符 🚀"), None);
        assert_eq!(
            line_problem("R\u{1b}]0;x\u{7}").unwrap().1,
            "holds U+001B (escape), a control character, which could take over the terminal the text is shown on; remove it (in double quotes it may be written `\\e` or `\\x1b`)"
        );
        assert!(
            line_problem("a\nb")
                .unwrap()
                .1
                .starts_with("holds a line break, U+000A (line feed)")
        );
        assert!(
            line_problem("a\tb")
                .unwrap()
                .1
                .starts_with("holds a tab, U+0009 (tab)")
        );
        assert!(line_problem("a\u{202e}b").unwrap().1.contains("`\\u202E`"));
    }

    #[test]
    fn multi_line_text_holds_newlines_and_tabs_only() {
        assert_eq!(prose_problem("one\n\ttwo"), None);
        assert!(
            prose_problem("one\u{9b}")
                .unwrap()
                .1
                .starts_with("holds U+009B")
        );
        assert!(
            prose_problem("a\r\nb")
                .unwrap()
                .1
                .starts_with("holds U+000D (carriage return)")
        );
    }

    #[test]
    fn dates_are_exactly_yyyy_mm_dd() {
        assert_eq!(
            parse_date("2025-03-18"),
            NaiveDate::from_ymd_opt(2025, 3, 18)
        );
        assert_eq!(
            parse_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(
            parse_date("0999-12-31"),
            NaiveDate::from_ymd_opt(999, 12, 31)
        );
        for bad in [
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "2025-04-00",
            "2023-02-29",
            "2025-3-18",
            " 2025-03-18",
            "+2025-03-18",
            "2025-02-30",
            "2025-03-18T00:00",
            "20250318",
            "2025-03-1٨",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(
            date_problem("2025-3-8"),
            "`2025-3-8` is not a date written YYYY-MM-DD; write `2025-03-08`"
        );
        assert_eq!(
            date_problem("18 March 2025"),
            "`18 March 2025` is not a date written YYYY-MM-DD; write it like `2025-03-18`"
        );
    }
}
