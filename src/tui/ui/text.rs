//! Text measuring and shaping for the panes: display widths, truncation with
//! `…`, word wrapping, and the cleaning every string from a roadmap or the
//! progress file goes through before it is drawn.
//!
//! ratatui already drops control characters when it writes into its buffer,
//! so a roadmap file cannot send escape sequences to the terminal; it also
//! drops tabs, which would shift columns, so tabs are expanded here. Cleaning
//! first also keeps the widths measured here equal to what is drawn.

use ratatui::text::Span;

const TAB_STOP: usize = 4;

/// Tabs become spaces (to the next stop of 4), other control characters
/// except newlines are dropped.
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
            c if c.is_control() => {}
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

/// Spaces to put after `text` so that it fills `total` cells.
pub fn fill(text_width: usize, total: usize) -> String {
    " ".repeat(total.saturating_sub(text_width))
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
    fn cleans_tabs_and_control_characters() {
        assert_eq!(clean("a\tb"), "a   b");
        assert_eq!(clean("ab\tc"), "ab  c");
        assert_eq!(clean("\u{1b}[31mred\u{7}"), "[31mred");
        assert_eq!(clean("one\ntwo"), "one\ntwo");
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
