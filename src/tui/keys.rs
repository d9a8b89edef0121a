//! The one key table. Each row names its keys, where they apply, the action
//! they send, a short footer hint and a help sentence; the key handler
//! ([`lookup`]), the footer ([`hints`]) and the `?` help ([`help_sections`])
//! are all read from it, so they cannot disagree.
//!
//! - `ctx`: [`Ctx`], where a binding applies.
//! - `table`: [`BINDINGS`], the table itself.
//! - here: the row type and reading the table (lookup, footer, help).

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;

mod ctx;
mod table;
#[cfg(test)]
mod tests;

pub use ctx::Ctx;
pub use table::{BINDINGS, MOUSE_HELP, PASTE_HELP};

/// What sets a binding off: a key with its modifiers (Shift is ignored, as
/// terminals disagree on it), or any printable character in a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Key(KeyCode, KeyModifiers),
    Text,
}

const fn key(code: KeyCode) -> Trigger {
    Trigger::Key(code, KeyModifiers::NONE)
}

const fn ch(c: char) -> Trigger {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Trigger {
    Trigger::Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// One row of the key table.
#[derive(Debug)]
pub struct Binding {
    pub ctx: Ctx,
    /// Each key with the action it sends (`↑` and `↓` share a row).
    pub keys: &'static [(Trigger, Action)],
    /// How the help writes the keys; the footer uses the first word.
    pub label: &'static str,
    /// The footer's word for it; empty keeps it out of the footer.
    pub hint: &'static str,
    pub help: &'static str,
}

/// The action a key sends in this context, if any.
pub fn lookup(ctx: Ctx, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let mods = event.modifiers.difference(KeyModifiers::SHIFT);
    let typed = match event.code {
        KeyCode::Char(c) if !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => Some(c),
        _ => None,
    };
    BINDINGS
        .iter()
        .filter(|b| b.ctx.intersects(ctx))
        .flat_map(|b| b.keys.iter())
        .find_map(|(trigger, action)| match *trigger {
            Trigger::Key(code, m) if code == event.code && m == mods => Some(action.clone()),
            Trigger::Text => typed.map(|c| action.clone().with_char(c)),
            Trigger::Key(..) => None,
        })
}

/// Any terminal event as an action: keys through the table, then the mouse
/// and resizes.
pub fn map_event(ctx: Ctx, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => lookup(ctx, *key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        // Bracketed paste: text for a text field, never keys; elsewhere ignored.
        Event::Paste(text) if ctx.intersects(Ctx::TEXT) => Some(Action::Paste(text.clone())),
        _ => None,
    }
}

/// The footer's `(keys, hint)` pairs for this context, in table order.
pub fn hints(ctx: Ctx) -> impl Iterator<Item = (&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(move |b| b.ctx.intersects(ctx) && !b.hint.is_empty())
        .map(|b| (b.label.split(' ').next().unwrap_or(b.label), b.hint))
}

/// The help: a heading per group of rows, each row with its keys and sentence.
pub fn help_sections() -> Vec<(&'static str, Vec<&'static Binding>)> {
    let mut sections: Vec<(Ctx, Vec<&'static Binding>)> = Vec::new();
    for b in BINDINGS {
        match sections.iter_mut().find(|(ctx, _)| *ctx == b.ctx) {
            Some((_, rows)) => rows.push(b),
            None => sections.push((b.ctx, vec![b])),
        }
    }
    sections
        .into_iter()
        .map(|(ctx, rows)| (ctx.title(), rows))
        .collect()
}
