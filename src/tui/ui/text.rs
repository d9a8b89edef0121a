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
