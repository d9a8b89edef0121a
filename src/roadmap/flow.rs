//! A linear, allocation-free scan of flow collections (`[…]` and `{…}`), run
//! before any YAML parser sees the file.
//!
//! Both parsers do work per token in proportion to how deeply flow
//! collections nest: libyaml re-checks every open level for a pending key,
//! and saphyr buffers a flow collection nested in another whole before it
//! emits anything. So 40,000 `[` take libyaml seconds, a megabyte of them
//! hours, and `[[` followed by megabytes of entries costs saphyr gigabytes.
//! The nesting limits of both parsers apply too late to help.
//!
//! The scan follows YAML's rules for where a flow collection, a quoted
//! scalar, a comment and a block scalar may start, closely enough that its
//! depth is never below the parser's: where it cannot tell, it counts an
//! opening bracket and ignores a closing one, and where libyaml and saphyr
//! disagree (`:x` and `?x` in a flow collection) it takes the reading that
//! counts more. (Checked against saphyr's own nesting on millions of random
//! short documents while writing it.)

/// The longest a flow collection may run, from its outermost `[` or `{` to
/// the matching bracket. Far more than any roadmap needs, small enough that
/// the parsers' costs stay trivial.
pub(crate) const MAX_FLOW_BYTES: usize = 256 * 1024;

/// The bytes that can make a line matter to the scan; a table, as this test
/// runs on nearly every byte of a file.
static LINE_STOPS: [bool; 256] = {
    let mut t = [false; 256];
    let stops = b"\n[{]}\"'#|>&!*";
    let mut k = 0;
    while k < stops.len() {
        t[stops[k] as usize] = true;
        k += 1;
    }
    t
};

/// Why the file is refused, with the byte offset to point at.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Trouble {
    /// Flow collections nest deeper than allowed at this bracket.
    TooDeep(usize),
    /// The flow collection opened here runs on for more than [`MAX_FLOW_BYTES`].
    TooLong(usize),
}

fn is_blank(b: Option<&u8>) -> bool {
    matches!(b, None | Some(b' ' | b'\t' | b'\r' | b'\n'))
}

/// The index of the next `\n` at or after `i`, or the end.
fn line_end(s: &[u8], i: usize) -> usize {
    s[i..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(s.len(), |p| i + p)
}

/// Skips a quoted scalar opening at `i`; returns the index just past its
/// closing quote, or `stop` when it does not close before `stop`.
fn skip_quoted(s: &[u8], i: usize, stop: usize) -> usize {
    let quote = s[i];
    let mut j = i + 1;
    while j < stop {
        match s[j] {
            b'\\' if quote == b'"' => j += 2,
            b'\'' if quote == b'\'' && s.get(j + 1) == Some(&b'\'') => j += 2,
            c if c == quote => return j + 1,
            _ => j += 1,
        }
    }
    stop
}

/// Skips an anchor, alias or tag name starting at `i`: up to a blank or a
/// flow indicator (a tag may run over brackets in libyaml; stopping early
/// only counts more).
fn skip_name(s: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < s.len() && !is_blank(s.get(j)) && !matches!(s[j], b',' | b'[' | b']' | b'{' | b'}') {
        j += 1;
    }
    j
}

/// The spaces that indent the line starting at `i`, and whether the line is blank.
fn indentation(s: &[u8], i: usize) -> (usize, bool) {
    let spaces = s[i..].iter().take_while(|&&b| b == b' ').count();
    let rest = s.get(i + spaces).copied();
    let blank = matches!(rest, None | Some(b'\n' | b'\r'));
    (spaces, blank)
}

/// Whether a document marker (`---` or `...`) starts at `i`, at a line start.
fn is_marker(s: &[u8], i: usize) -> bool {
    (s[i..].starts_with(b"---") || s[i..].starts_with(b"...")) && is_blank(s.get(i + 3))
}

/// Checks that flow collections nest at most `max_depth` deep and each runs
/// at most [`MAX_FLOW_BYTES`].
pub(crate) fn scan(source: &str, max_depth: usize) -> Option<Trouble> {
    let mut scanner = Scanner {
        s: source.as_bytes(),
        i: 0,
        max_depth,
        depth: 0,
        flow_start: 0,
        plain: false,
        after_json: false,
        node_start: true,
        line_begin: 0,
        entry_col: None,
        entry_line: 0,
    };
    scanner.run().err()
}

struct Scanner<'a> {
    s: &'a [u8],
    i: usize,
    max_depth: usize,
    /// Flow nesting depth, and where the outermost open collection began.
    depth: usize,
    flow_start: usize,
    /// Inside a plain (unquoted) scalar: brackets and quotes are text there,
    /// except that flow indicators end a plain scalar inside a flow collection.
    plain: bool,
    /// Flow context: the previous byte closed a quoted scalar or a collection,
    /// after which a `:` is a value indicator even with no space after it.
    after_json: bool,
    /// Block context: a node may start here (line start, after `- `, `: `, `? `).
    node_start: bool,
    line_begin: usize,
    /// Block context: the column of the latest entry (key, `-`, `?`, `:`),
    /// which a block scalar's lines must be indented beyond, and the start
    /// of its line.
    entry_col: Option<usize>,
    entry_line: usize,
}

impl Scanner<'_> {
    // Over 60 lines on purpose: this is the byte loop every roadmap file
    // passes through on the fast path (see the benches). Its two fast skips
    // and the per-byte rules share `i` and `continue`, and read best as the
    // one loop they are; the rules themselves are in `flow` and `block`.
    fn run(&mut self) -> Result<(), Trouble> {
        let s = self.s;
        while self.i < s.len() {
            if self.depth > 0 && self.i - self.flow_start > MAX_FLOW_BYTES {
                return Err(Trouble::TooLong(self.flow_start));
            }
            let i = self.i;
            if self.depth == 0 && i == self.line_begin {
                // Most lines are `key: text` with nothing that could open a
                // collection, start a quote, comment or block scalar, or name
                // an anchor: pass such a line whole. (A newline resets the
                // block state, so nothing on the line is needed later.)
                let end = s[i..]
                    .iter()
                    .position(|&b| LINE_STOPS[usize::from(b)])
                    .map_or(s.len(), |p| i + p);
                if end > i && (end == s.len() || s[end] == b'\n') {
                    self.i = end;
                    self.after_json = false;
                    continue;
                }
            }
            if self.depth == 0 && !self.node_start {
                // Inside block text (most of a roadmap file), only a line
                // end, a comment or a `:` can change anything: jump to the
                // next one instead of walking every byte through the rules.
                let next = s[i..]
                    .iter()
                    .position(|&b| matches!(b, b'\n' | b'#' | b':'))
                    .map_or(s.len(), |p| i + p);
                if next > i {
                    self.i = next;
                    self.after_json = false;
                    continue;
                }
            }
            let c = s[i];
            let after_blank = i == self.line_begin || is_blank(s.get(i.wrapping_sub(1)));
            if matches!(c, b'\n' | b' ' | b'\t' | b'\r' | b'#') {
                self.after_json = false;
            }
            if c == b'\n' {
                self.i += 1;
                self.line_begin = self.i;
                if self.depth == 0 {
                    self.node_start = true;
                    self.plain = false;
                }
            } else if matches!(c, b' ' | b'\t' | b'\r') {
                // Indentation is much of a YAML file: pass a run in one go.
                self.i += s[i..]
                    .iter()
                    .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\r'))
                    .count();
            } else if c == b'#' && (!self.plain || after_blank) {
                self.i = line_end(s, i);
                self.plain = false;
            } else if self.depth > 0 {
                self.flow(c)?;
            } else {
                self.block(c)?;
            }
        }
        Ok(())
    }

    /// Opens a flow collection at the current byte.
    fn open(&mut self) -> Result<(), Trouble> {
        if self.depth == 0 {
            self.flow_start = self.i;
        }
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(Trouble::TooDeep(self.i));
        }
        self.plain = false;
        self.i += 1;
        Ok(())
    }

    /// One byte inside a flow collection, where every bracket outside quotes
    /// and comments is a real one.
    fn flow(&mut self, c: u8) -> Result<(), Trouble> {
        let (s, i) = (self.s, self.i);
        let after_json = std::mem::replace(&mut self.after_json, false);
        match c {
            b'[' | b'{' => return self.open(),
            b']' | b'}' => {
                self.depth -= 1;
                self.plain = false;
                self.node_start = false;
                self.after_json = true;
            }
            b',' => self.plain = false,
            // A value indicator. Elsewhere, `:x` starts a plain scalar for
            // saphyr but is an indicator for libyaml, which may then read a
            // quote; taking it as text keeps the count on the safe side.
            b':' if is_blank(s.get(i + 1)) || (!self.plain && after_json) => self.plain = false,
            b'\'' | b'"' if !self.plain => {
                self.i = skip_quoted(s, i, s.len());
                self.after_json = true;
                return Ok(());
            }
            b'&' | b'!' | b'*' if !self.plain => {
                self.i = skip_name(s, i);
                return Ok(());
            }
            // `?x` is text to saphyr, an indicator to libyaml: text is safer.
            b'?' if !self.plain && is_blank(s.get(i + 1)) => {}
            _ => self.plain = true,
        }
        self.i += 1;
        Ok(())
    }

    /// One byte outside flow collections, where brackets open a collection
    /// only where a node may start.
    fn block(&mut self, c: u8) -> Result<(), Trouble> {
        let (s, i) = (self.s, self.i);
        let col = i - self.line_begin;
        if col == 0 && is_marker(s, i) {
            self.node_start = true;
            self.plain = false;
            self.i += 3;
            return Ok(());
        }
        if !self.node_start {
            if c == b':' && is_blank(s.get(i + 1)) {
                self.node_start = true;
                self.plain = false;
            }
            self.i += 1;
            return Ok(());
        }
        match c {
            b'[' | b'{' => return self.open(),
            b'\'' | b'"' => {
                // Quotes are taken to end with the line here; a quote that
                // goes on only makes the scan count brackets it could skip.
                self.entry(col);
                self.i = skip_quoted(s, i, line_end(s, i));
                self.node_start = false;
            }
            b'|' | b'>' => self.block_scalar(col),
            b'&' | b'!' => self.i = skip_name(s, i),
            b'*' => {
                self.i = skip_name(s, i);
                self.node_start = false;
            }
            b'-' | b'?' | b':' if is_blank(s.get(i + 1)) => {
                self.entry(col);
                self.i += 1;
            }
            _ => {
                self.entry(col);
                self.node_start = false;
                self.plain = true;
                self.i += 1;
            }
        }
        Ok(())
    }

    fn entry(&mut self, col: usize) {
        self.entry_col = Some(col);
        self.entry_line = self.line_begin;
    }

    /// Skips a block scalar (`|` or `>`) whose indicator is at column `col`:
    /// its lines are text, however they look. They run while indented beyond
    /// the entry the scalar belongs to: the key or `-` before it on its line,
    /// else (`key:` on the line above) anything left of the indicator. At
    /// the left margin it is the whole document. Misjudged, the limit errs
    /// high: lines taken for YAML only make the scan count more brackets.
    fn block_scalar(&mut self, col: usize) {
        let s = self.s;
        let limit = match self.entry_col {
            Some(entry) if self.entry_line == self.line_begin => Some(entry),
            _ => col.checked_sub(1),
        };
        self.i = line_end(s, self.i);
        while self.i < s.len() {
            let next = self.i + 1;
            let (spaces, blank) = indentation(s, next);
            let ends = (spaces == 0 && is_marker(s, next))
                || (!blank && limit.is_some_and(|l| spaces <= l));
            if ends {
                break;
            }
            self.i = line_end(s, next);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(src: &str, max: usize) -> bool {
        scan(src, max).is_none()
    }

    #[test]
    fn counts_real_flow_nesting() {
        assert!(depth_ok("a: [[[1]]]\n", 3));
        assert!(!depth_ok("a: [[[1]]]\n", 2));
        assert_eq!(scan("a: [[{x: [1]}]]\n", 3), Some(Trouble::TooDeep(9)));
        assert!(depth_ok("a: [1]\nb: [[2]]\nc: {d: [3]}\n", 2));
        assert!(depth_ok("[[1]]\n", 2));
        assert!(!depth_ok("- - [[[1]]]\n", 2));
        assert!(!depth_ok("a: &x !t [[[1]]]\n", 2));
        assert!(!depth_ok("a:\n  [[[1]]]\n", 2));
    }

    #[test]
    fn ignores_brackets_that_are_text() {
        // Plain text, quotes, comments and block scalars.
        assert!(depth_ok("title: a [[[ b {{{\n", 0));
        assert!(depth_ok("title: \"[[[\" # [[[\n", 0));
        assert!(depth_ok("title: '[[['' [[['\n", 0));
        assert!(depth_ok(
            "summary: >-\n  [[[ text\n  [[[\n\n  more\nnext: x\n",
            0
        ));
        assert!(depth_ok("- k: |\n    [[[\n  v: x\n", 0));
        assert!(depth_ok("a: [\"]]]\", '[[[', x # ]]]\n  ]\n", 1));
        assert!(depth_ok("a: [don't, it's]\n", 1));
        // JSON style: a `:` right after a quoted key is a value indicator.
        assert!(depth_ok("{\"a\":\"[[\", \"b\": [1]}\n", 2));
    }

    #[test]
    fn text_cannot_hide_closing_brackets() {
        // `]` inside quotes, comments or block text does not close anything.
        assert!(!depth_ok("a: [[ \"]]\" [[\n", 3));
        assert!(!depth_ok("a: [[ # ]]\n [[\n", 3));
        assert!(!depth_ok("s: |\n  ]]]]\nb: [[[[\n", 3));
        // A block scalar ends where a line is indented as far as its key.
        assert!(!depth_ok("- k: |\n    x\n  v: [[[[\n", 3));
        assert!(!depth_ok("k:\n  |\n  x\nv: [[[[\n", 3));
        assert!(!depth_ok("--- |\n  x\n---\nv: [[[[\n", 3));
        // `:"` after `[` is text to saphyr (a plain scalar), a quote to libyaml.
        assert!(!depth_ok("[ :\"a, [[[]]] ]\n", 3));
        assert!(!depth_ok("[ ?## [[[]]] ]\n", 3));
        assert!(!depth_ok(": >\n:\n [[[[]]]]\n", 3));
    }

    #[test]
    fn long_flow_collections_are_refused_at_their_start() {
        let long = format!("a: 1\nb: [{}]\n", "x,".repeat(MAX_FLOW_BYTES));
        assert_eq!(scan(&long, 64), Some(Trouble::TooLong(8)));
        let block = format!("a: 1\nb:\n{}", "  - x\n".repeat(MAX_FLOW_BYTES));
        assert_eq!(scan(&block, 64), None);
    }
}
