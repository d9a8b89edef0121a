//! Everything the command line writes passes through here: standard output
//! through [`Inert`], JSON through [`write_json`], messages on standard error
//! through [`warn`] and [`report`]. So no roadmap file, progress file, file
//! name or argument can make a command emit a control sequence (see
//! [`crate::text`]), whichever command prints it.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use crate::text::{self, inert_lines};

/// A writer that shows control characters visibly instead of passing them
/// on; newlines and tabs go through. The commands already clean what they
/// print (tables measure cleaned text); this is the guarantee behind them.
pub struct Inert<W: Write> {
    inner: W,
    /// The start of a UTF-8 sequence whose remaining bytes are still to come.
    partial: Vec<u8>,
}

impl<W: Write> Inert<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            partial: Vec::new(),
        }
    }
}

impl<W: Write> Write for Inert<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.partial.extend_from_slice(buf);
        let complete = match std::str::from_utf8(&self.partial) {
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            _ => self.partial.len(),
        };
        let rest = self.partial.split_off(complete);
        let chunk = std::mem::replace(&mut self.partial, rest);
        let shown = String::from_utf8_lossy(&chunk);
        self.inner.write_all(inert_lines(&shown).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Pretty JSON and a newline. `serde_json` escapes C0 controls but passes DEL,
/// C1 controls and bidi characters through raw; they are escaped here as
/// `\u009b`, which keeps the data exact and the output inert. Rendered to
/// text first so that a closed pipe (`| head -1`) surfaces as the plain I/O
/// error the caller treats as success, not wrapped in a `serde_json` error.
pub fn write_json(out: &mut dyn Write, doc: &impl Serialize) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(doc)?;
    writeln!(out, "{}", escape_json_controls(&text))?;
    Ok(())
}

/// JSON text with every control character written as a `\uXXXX` escape.
/// Outside strings JSON is plain ASCII, so every such character is inside a
/// string, where the escape means the same character.
fn escape_json_controls(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if text::is_control(c) && c != '\n' {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// An error and its causes on one line, each cause said once: an error that
/// already quotes its source (`cannot save (No space left on device (os
/// error 28))`) does not get the source appended again. Inert.
pub fn report(err: &anyhow::Error) -> String {
    let mut said = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !said.contains(&cause) {
            said.push_str(": ");
            said.push_str(&cause);
        }
    }
    inert_lines(&said).into_owned()
}

/// A message on standard error, inert.
pub fn warn(message: &str) {
    eprintln!("{}", inert_lines(message));
}

/// The plural ending for `n` of something: `1 skill`, `2 skills`.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writer_shows_control_characters_even_split_across_writes() {
        let mut out = Inert::new(Vec::new());
        out.write_all(b"a\x1b[2J\tb\n").unwrap();
        let rlo = "\u{202e}".as_bytes();
        out.write_all(&rlo[..1]).unwrap();
        out.write_all(&rlo[1..]).unwrap();
        out.write_all("\u{9b}x".as_bytes()).unwrap();
        assert_eq!(
            String::from_utf8(out.inner).unwrap(),
            "a^[[2J\tb\n<U+202E><U+009B>x"
        );
    }

    #[test]
    fn json_escapes_every_control_character_and_stays_exact() {
        let doc = serde_json::json!({ "note": "\u{1b}]0;x\u{7}\u{7f}\u{9b}\u{202e}ok" });
        let mut out = Vec::new();
        write_json(&mut out, &doc).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text.chars().any(|c| text::is_control(c) && c != '\n'),
            "{text}"
        );
        assert!(
            text.contains(r"\u001b]0;x\u0007\u007f\u009b\u202eok"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, doc);
    }

    #[test]
    fn a_cause_already_quoted_is_not_repeated() {
        let os = io::Error::from_raw_os_error(28);
        let quoted = anyhow::Error::new(io::Error::from_raw_os_error(28))
            .context(format!("cannot save the progress file ({os})"));
        assert_eq!(
            report(&quoted),
            format!("cannot save the progress file ({os})")
        );
        assert!(!report(&quoted).contains("): "));
        let plain = anyhow::Error::new(io::Error::from_raw_os_error(28)).context("cannot save");
        assert_eq!(report(&plain), format!("cannot save: {os}"));
        assert_eq!(report(&anyhow::anyhow!("bad \u{1b}[2J")), "bad ^[[2J");
    }
}
