//! YAML-level errors (syntax, nesting, several documents, characters YAML
//! refuses) in an author's words: the parser's own description, placed in
//! the file, then what to do about it.

use super::{LoadError, guard, locate, single, tree};
use crate::text::{describe, is_control};

/// saphyr met a syntax error at `pos`. libyaml words its errors better, so it
/// reads the file up to that error (no further: the guard has not checked
/// what follows); should it find nothing wrong there, saphyr's words are used.
pub(super) fn syntax_error(
    text: &str,
    file: &str,
    pos: (usize, usize),
    message: &str,
) -> LoadError {
    let upto = guard::parse_limit(text, pos);
    match tree::parse(upto) {
        Err(e) => yaml_error(upto, file, &e),
        Ok(_) => yaml_problem(text, file, message.to_owned(), Some(pos)),
    }
}

/// A YAML-level error (syntax, nesting, several documents) in an author's
/// words: the parser's own description, then what to do about it.
pub(super) fn yaml_error(text: &str, file: &str, e: &serde_yaml::Error) -> LoadError {
    let raw = e.to_string();
    let mut pos = e.location().map(|l| (l.line(), l.column()));
    // serde_yaml appends "at line L column C"; the position goes in front instead.
    let mut said = match pos {
        Some((l, c)) => raw.replacen(&format!(" at line {l} column {c}"), "", 1),
        None => raw.clone(),
    };
    // Reader errors (control characters) give a byte offset instead.
    if let Some((before, offset)) = said.rsplit_once(" at position ")
        && let Ok(offset) = offset.parse::<usize>()
    {
        pos = Some(locate::position_of(text, offset));
        said.truncate(before.len());
    }
    yaml_problem(text, file, said, pos)
}

/// A YAML-level problem: `said` is the parser's description, without position.
fn yaml_problem(
    text: &str,
    file: &str,
    mut said: String,
    mut pos: Option<(usize, usize)>,
) -> LoadError {
    if let Some(found) = characters_problem(text, file, &said, pos) {
        return found;
    }
    let raw = said.clone();
    let has = |s: &str| raw.contains(s);
    let hint = if has("repetition limit") {
        "aliases (`*name`) repeat values too many times; write the values out instead of nesting aliases"
    } else if has("recursion limit") {
        "the file nests lists or mappings too deeply; a roadmap needs only a few levels (phases › skills › resources)"
    } else if has("more than one document") {
        pos = locate::second_document(text);
        "the file holds a second YAML document, starting at this `---`".clone_into(&mut said);
        "put one roadmap per file: move the second one to a file of its own, or remove the `---` line"
    } else if has("while scanning a quoted scalar") && has("end of stream") {
        // Point at the opening quote, which the parser names as the context.
        if let Some(open) = context_mark(&said) {
            pos = Some(open);
        }
        "found unexpected end of stream while scanning a quoted scalar".clone_into(&mut said);
        "the quote that opens here is never closed; add the matching closing quote"
    } else {
        hint_for(&raw)
    };
    let pos = pos.map(|p| locate::clamp(text, p));
    single(file, pos, format!("YAML error: {said}; {hint}"))
}

/// What to do about a YAML error the parser described as `said`, for the
/// errors that need nothing but the words: one line per known description,
/// checked in order, with a general hint for the rest.
fn hint_for(said: &str) -> &'static str {
    let has = |s: &str| said.contains(s);
    if has("unknown escape character") || has("invalid Unicode character escape") {
        "inside double quotes a backslash starts an escape such as `\\n`; write `\\\\` for a backslash, or use single quotes"
    } else if has("mapping values are not allowed") {
        "text that contains `: ` must be put in quotes (e.g. `title: \"Bonus: extras\"`); otherwise, check the indentation of this line"
    } else if has("did not find expected key") {
        "this line is not indented like the fields around it; line it up with the other fields of the same mapping"
    } else if has("did not find expected '-' indicator") {
        "this line is not indented like the list entries around it; line up each `- ` with the others"
    } else if has("did not find expected ',' or ']'") {
        "a `[` list is not closed, or two of its entries lack a `,` between them; add the `]` or the `,`"
    } else if has("did not find expected ',' or '}'") {
        "a `{` mapping is not closed, or two of its fields lack a `,` between them; add the `}` or the `,`"
    } else if has("did not find expected node content") {
        "a value is missing here: a `[` or `{` is not closed, or a `-`, `,` or `:` has nothing after it; complete or remove it"
    } else if has("could not find expected ':'") {
        "each line of a mapping needs `field: value`; add the `:` after the field name, or put text that spans lines in quotes"
    } else if has("block sequence entries are not allowed") {
        "a `- ` list cannot start on the same line as its field; put the entries on the next lines, indented"
    } else if has("character that cannot start any token") {
        "a plain value cannot start with this character (such as `@` or `` ` ``); put the value in quotes"
    } else if has("control characters are not allowed") {
        "the file contains a control character (such as a NUL byte); a roadmap must be plain text — is this the right file?"
    } else if has("undefined alias") || has("unknown anchor") {
        "an alias `*name` refers to no anchor `&name` defined before it; define the anchor first, or write the value out"
    } else if has("undefined tag handle")
        || has("while parsing a tag")
        || has("while scanning a tag")
    {
        "YAML tags (`!name`) have no meaning in a roadmap file; remove the tag, and put the value in quotes if it starts with `!`"
    } else if has("unexpected end of stream") {
        "the file ends in the middle of a value; complete it"
    } else {
        "check the indentation and quoting on this line and the one above"
    }
}

/// Errors caused by one character, named exactly: a tab in the indentation
/// (whatever the parser calls it: a tab that cannot start a token, a plain
/// scalar that meets a tab) and a control character YAML refuses in a file.
fn characters_problem(
    text: &str,
    file: &str,
    said: &str,
    pos: Option<(usize, usize)>,
) -> Option<LoadError> {
    let at = pos.and_then(|p| char_at(text, p));
    if said.contains("control characters are not allowed")
        && let Some(c) = at.filter(|&c| is_control(c))
    {
        let message = format!(
            "YAML error: the file holds {}, a control character YAML does not allow in a file; remove it (a roadmap file is plain text: is this the right file?)",
            describe(c)
        );
        return Some(single(file, pos, message));
    }
    let tab_words = said.contains("tab character") || said.contains("found a tab");
    if tab_words || at == Some('\t') {
        let tab = pos.and_then(|(line, _)| indenting_tab(text, line));
        if let Some(tab) = tab.or(pos.filter(|_| at == Some('\t'))) {
            return Some(single(
                file,
                Some(tab),
                "YAML error: a tab indents this line; tabs cannot indent YAML; use spaces"
                    .to_owned(),
            ));
        }
    }
    None
}

/// The character at a 1-based line and column (in characters).
fn char_at(text: &str, (line, col): (usize, usize)) -> Option<char> {
    text.split('\n')
        .nth(line.checked_sub(1)?)?
        .chars()
        .nth(col.checked_sub(1)?)
}

/// The first tab in the indentation of line `from` or a line after it
/// (parsers often report a tab on the line where the value before it began).
fn indenting_tab(text: &str, from: usize) -> Option<(usize, usize)> {
    text.split('\n')
        .enumerate()
        .skip(from.saturating_sub(1))
        .find_map(|(i, line)| {
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            line[..indent].find('\t').map(|col| (i + 1, col + 1))
        })
}

/// The position the parser gives as context ("…, while scanning a quoted
/// scalar at line 2 column 8"), which is where the broken value starts.
fn context_mark(message: &str) -> Option<(usize, usize)> {
    let rest = &message[message.rfind(" at line ")? + " at line ".len()..];
    let (line, rest) = rest.split_once(" column ")?;
    let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.parse().ok()?, col.parse().ok()?))
}
