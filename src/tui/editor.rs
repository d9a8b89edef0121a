//! The one-line text field behind the note editor, the estimate editor and
//! the search prompt: a string and a cursor, counted in characters so that
//! multi-byte text never splits.

/// A line of text being edited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    /// Cursor position in characters, `0..=len`.
    cursor: usize,
}

impl LineEditor {
    /// A field holding `text` (tabs and newlines as spaces, other control
    /// characters dropped), with the cursor at its end.
    pub fn new(text: &str) -> Self {
        let text: String = text
            .chars()
            .map(|c| if c == '\t' || c == '\n' { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        Self {
            cursor: text.chars().count(),
            text,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Control characters are refused: the text ends up on screen and in the file.
    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// The text before the cursor, the character under it (if any) and the rest.
    pub fn split(&self) -> (&str, Option<char>, &str) {
        let at = self.byte_at(self.cursor);
        let (before, rest) = self.text.split_at(at);
        let mut chars = rest.chars();
        let under = chars.next();
        (before, under, chars.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_multibyte_text_by_characters() {
        let mut e = LineEditor::new("2–4");
        assert_eq!(e.cursor(), 3);
        e.left();
        e.backspace();
        assert_eq!(e.text(), "24");
        e.insert('-');
        assert_eq!(e.text(), "2-4");
        e.home();
        e.delete();
        assert_eq!(e.text(), "-4");
        e.end();
        e.insert('\u{1b}');
        e.insert('w');
        assert_eq!(e.text(), "-4w");
        e.right();
        assert_eq!(e.split(), ("-4w", None, ""));
        e.left();
        assert_eq!(e.split(), ("-4", Some('w'), ""));
        e.clear();
        assert_eq!((e.text(), e.cursor()), ("", 0));
        e.backspace();
        e.delete();
        assert_eq!(LineEditor::new("a\tb\u{7}").text(), "a b");
    }
}
