//! Inert text: what every string from a roadmap file, the progress file, the
//! command line or the file system goes through before it reaches a
//! terminal, in the app and on the command line alike; and measuring it in
//! terminal cells (display width, truncation with `…`, padding, word wrap).
//!
//! Roadmap files come from other people and progress files sync from other
//! machines, so their text must never act on the terminal. The characters
//! that can are the *control characters* of [`is_control`]: C0 controls
//! (ESC starts every escape sequence), DEL, C1 controls (U+009B is a
//! one-character CSI on some terminals) and the bidirectional overrides and
//! isolates (they reorder how the text around them is shown, the "Trojan
//! Source" trick). They are shown visibly instead, never emitted: C0 and DEL
//! in caret notation (`^[` for ESC, `^?` for DEL), the others as `<U+202E>`.
//!
//! Widths are measured as ratatui measures them (`unicode-width`), so a
//! table printed by the command line lines up as the app's panes do.

use std::borrow::Cow;
use std::fmt::Write as _;

use ratatui::text::Span;

const TAB_STOP: usize = 4;

/// Whether `c` could change what a terminal does or how it orders text: a
/// C0 control (U+0000–U+001F), DEL (U+007F), a C1 control (U+0080–U+009F),
/// or a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069).
/// Newline and tab are C0 controls too; callers that allow them say so.
pub fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The short name of a control character, for error messages.
fn control_name(c: char) -> &'static str {
    match c {
        '\0' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\t' => "tab",
        '\n' => "line feed",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\r' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        '\u{9b}' => "control sequence introducer",
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{0}'..='\u{1f}' => "a C0 control",
        _ => "a C1 control",
    }
}

/// `U+001B (escape)`: how error messages name a character.
pub fn describe(c: char) -> String {
    format!("U+{:04X} ({})", u32::from(c), control_name(c))
}

/// Whether `c` is a bidirectional override or isolate (as opposed to a
/// control character proper), for messages that say what it does.
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Appends the visible form of control character `c`: caret notation for C0
/// and DEL (`^[`, `^?`), `<U+XXXX>` for C1 controls and bidi characters.
fn push_visible(out: &mut String, c: char) {
    let code = u32::from(c);
    if code < 0x20 || code == 0x7f {
        out.push('^');
        out.push(char::from((code as u8) ^ 0x40));
    } else {
        let _ = write!(out, "<U+{code:04X}>");
    }
}

/// Makes every control character visible, newline and tab included: for
/// text shown on one line (ids, titles, table cells, quoted names).
pub fn inert(text: &str) -> Cow<'_, str> {
    visible(text, |_| false)
}

/// Makes every control character except newline and tab visible: for
/// multi-line text (notes, summaries, whole messages).
pub fn inert_lines(text: &str) -> Cow<'_, str> {
    visible(text, |c| c == '\n' || c == '\t')
}

fn visible(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_control(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_control(c) && !keep(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text ready to draw in a pane: tabs become spaces (to the next stop of 4;
/// ratatui would drop them and shift the columns), newlines stay, every
/// other control character is made visible. Measure widths after this, so
/// they equal what is drawn.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\n' => {
                out.push('\n');
                column = 0;
            }
            c if is_control(c) => {
                let start = out.len();
                push_visible(&mut out, c);
                column += out.len() - start;
            }
            c => {
                out.push(c);
                column += char_width(c);
            }
        }
    }
    out
}

/// Display width in terminal cells, as ratatui measures it.
pub fn width(text: &str) -> usize {
    Span::raw(text).width()
}

fn char_width(c: char) -> usize {
    let mut buf = [0; 4];
    width(c.encode_utf8(&mut buf))
}

/// Cuts `text` to at most `max` cells, ending in `…` when it was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Cuts `text` to at most `max` cells by taking out its middle (`…`), so
/// titles that differ at the end (`… in 2025`, `… (variant B)`) stay apart.
pub fn truncate_middle(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    if max < 3 {
        return truncate(text, max);
    }
    let chars: Vec<char> = text.chars().collect();
    let keep_end = (max - 1) / 2;
    let mut tail = Vec::new();
    let mut used = 0;
    for &c in chars.iter().rev() {
        let w = char_width(c);
        if used + w > keep_end {
            break;
        }
        tail.push(c);
        used += w;
    }
    tail.reverse();
    let head_room = max - 1 - used;
    let mut head = String::new();
    let mut head_used = 0;
    for &c in &chars {
        let w = char_width(c);
        if head_used + w > head_room {
            break;
        }
        head.push(c);
        head_used += w;
    }
    format!(
        "{}…{}",
        head.trim_end(),
        tail.iter().collect::<String>().trim_start()
    )
}

/// Spaces to put after text `text_width` cells wide so that it fills `total` cells.
pub fn fill(text_width: usize, total: usize) -> String {
    " ".repeat(total.saturating_sub(text_width))
}

/// A table cell: `text` made inert, cut to `cells` with `…` and padded with
/// spaces to exactly `cells` display cells (`format!("{:20}")` counts
/// characters, which misaligns CJK text and emoji).
pub fn cell(text: &str, cells: usize) -> String {
    let mut shown = truncate(&inert(text), cells);
    shown += &fill(width(&shown), cells);
    shown
}

/// Greedy word wrap to `max` cells; words longer than a line are split.
/// Newlines start new lines; a blank line stays blank.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let text = clean(text);
    let mut lines = Vec::new();
    if max == 0 {
        return lines;
    }
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split_whitespace() {
            let w = width(word);
            if used > 0 && used + 1 + w <= max {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if w <= max {
                line.push_str(word);
                used = w;
                continue;
            }
            for c in word.chars() {
                let cw = char_width(c);
                if used + cw > max && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_middle_keeps_both_ends() {
        let a = truncate_middle("Backend Developer Roadmap: Six Phases to a Job", 24);
        let b = truncate_middle("Backend Developer Roadmap: Ten Steps to a Job", 24);
        assert!(width(&a) <= 24, "{a}");
        assert!(a.starts_with("Backend Dev") && a.contains('…'), "{a}");
        assert!(a.ends_with("to a Job"), "{a}");
        assert_ne!(truncate(&a, 12), a);
        assert_eq!(truncate_middle("short", 24), "short");
        assert_eq!(truncate_middle("abcdef", 2), "a…");
        assert_ne!(a, b);
        // Cut at the end, these two would read the same.
        let (x, y) = (
            "The Backend Roadmap, as of 2024",
            "The Backend Roadmap, as of 2025",
        );
        assert_eq!(truncate(x, 20), truncate(y, 20));
        assert_ne!(truncate_middle(x, 20), truncate_middle(y, 20));
    }

    #[test]
    fn knows_every_kind_of_control_character() {
        for c in [
            '\0', '\t', '\n', '\u{1b}', '\u{1f}', '\u{7f}', '\u{80}', '\u{9b}', '\u{9f}',
        ] {
            assert!(is_control(c), "{c:?}");
        }
        for c in '\u{202a}'..='\u{202e}' {
            assert!(is_control(c) && is_bidi(c));
        }
        for c in '\u{2066}'..='\u{2069}' {
            assert!(is_control(c) && is_bidi(c));
        }
        for c in [
            ' ', '~', '\u{a0}', 'é', '\u{200e}', '\u{2029}', '\u{2070}', '宽',
        ] {
            assert!(!is_control(c), "{c:?}");
        }
    }

    #[test]
    fn names_characters_as_code_points() {
        assert_eq!(describe('\u{1b}'), "U+001B (escape)");
        assert_eq!(describe('\u{7f}'), "U+007F (delete)");
        assert_eq!(describe('\u{9b}'), "U+009B (control sequence introducer)");
        assert_eq!(describe('\u{90}'), "U+0090 (a C1 control)");
        assert_eq!(describe('\u{202e}'), "U+202E (right-to-left override)");
        assert_eq!(describe('\u{2067}'), "U+2067 (right-to-left isolate)");
    }

    #[test]
    fn shows_control_characters_visibly() {
        assert_eq!(inert("plain"), Cow::Borrowed("plain"));
        assert_eq!(inert("R\u{1b}]0;PWNED\u{7}\u{1b}[2J"), "R^[]0;PWNED^G^[[2J");
        assert_eq!(inert("a\u{7f}b\u{0}"), "a^?b^@");
        assert_eq!(inert("\u{9b}31m"), "<U+009B>31m");
        assert_eq!(inert("abc\u{202e}fed\u{2066}"), "abc<U+202E>fed<U+2066>");
        assert_eq!(inert("one\ntwo\tx"), "one^Jtwo^Ix");
        assert_eq!(inert_lines("one\ntwo\tx\r"), "one\ntwo\tx^M");
    }

    #[test]
    fn cleans_tabs_and_shows_control_characters() {
        assert_eq!(clean("a\tb"), "a   b");
        assert_eq!(clean("ab\tc"), "ab  c");
        assert_eq!(clean("\u{1b}[31mred\u{7}"), "^[[31mred^G");
        assert_eq!(clean("\u{1b}\tx"), "^[  x");
        assert_eq!(clean("one\ntwo"), "one\ntwo");
        assert_eq!(clean("\u{202e}x"), "<U+202E>x");
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("PostgreSQL", 20), "PostgreSQL");
        assert_eq!(truncate("PostgreSQL", 6), "Postg…");
        assert_eq!(truncate("日本語のテキスト", 7), "日本語…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
    }

    #[test]
    fn cells_pad_and_cut_by_display_width() {
        assert_eq!(cell("宽字符 Roadmap 🚀", 20), "宽字符 Roadmap 🚀   ");
        assert_eq!(width(&cell("宽字符 Roadmap 🚀", 20)), 20);
        assert_eq!(cell("第一阶段 基础知识与概念", 10), "第一阶段 …");
        assert_eq!(cell("a\u{1b}b", 5), "a^[b ");
    }

    #[test]
    fn wraps_words_and_splits_long_ones() {
        assert_eq!(
            wrap("the quick brown fox", 9),
            vec!["the quick", "brown fox"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 10), vec!["a", "", "b"]);
        assert!(wrap("anything", 0).is_empty());
        assert_eq!(wrap("", 5), vec![""]);
    }
}
