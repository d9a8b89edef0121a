//! Checks that the key table tells the truth: labels name their keys, no key
//! is bound twice in one context, and the handler, footer and help read it.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;

use KeyCode as K;

/// How a key is written in labels, for checking that labels tell the truth.
fn key_name(trigger: Trigger) -> String {
    match trigger {
        Trigger::Text => "any character".to_owned(),
        Trigger::Key(code, mods) => {
            let base = match code {
                K::Up => "↑".to_owned(),
                K::Down => "↓".to_owned(),
                K::Left => "←".to_owned(),
                K::Right => "→".to_owned(),
                K::PageUp => "PgUp".to_owned(),
                K::PageDown => "PgDn".to_owned(),
                K::BackTab => "Shift-Tab".to_owned(),
                K::Delete => "Del".to_owned(),
                K::Char(' ') => "Space".to_owned(),
                K::Char(c) => c.to_string(),
                other => other.to_string(),
            };
            if mods.contains(KeyModifiers::CONTROL) {
                format!("Ctrl-{base}")
            } else {
                base
            }
        }
    }
}

fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn every_label_names_each_of_its_keys() {
    for b in BINDINGS {
        let words: Vec<&str> = b.label.split(' ').collect();
        for (trigger, _) in b.keys {
            let name = key_name(*trigger);
            let found = words
                .iter()
                .any(|w| *w == name || (w.chars().count() == 2 && w.contains(&name)))
                || b.label == name;
            assert!(found, "label `{}` does not name `{name}`", b.label);
        }
        assert!(!b.help.is_empty());
    }
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    let contexts = [
        Ctx::PHASES,
        Ctx::SKILLS,
        Ctx::DETAILS,
        Ctx::SWITCHER,
        Ctx::HELP,
        Ctx::SEARCH,
        Ctx::EDITOR,
        Ctx::CONFIRM,
        Ctx::STATS,
        Ctx::PICKER,
        Ctx::INFO,
        Ctx::PLAN,
        Ctx::SKILLS.with(Ctx::RECOVER),
    ];
    for ctx in contexts {
        let mut seen = Vec::new();
        for b in BINDINGS.iter().filter(|b| b.ctx.intersects(ctx)) {
            for (trigger, _) in b.keys {
                assert!(!seen.contains(trigger), "{trigger:?} twice in {ctx:?}");
                seen.push(*trigger);
            }
        }
    }
}

#[test]
fn lookup_ignores_shift_and_types_characters() {
    let shift_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(lookup(Ctx::SKILLS, shift_g), Some(Action::Bottom));
    assert_eq!(
        lookup(
            Ctx::SKILLS,
            press(KeyCode::Char('r'), KeyModifiers::CONTROL)
        ),
        Some(Action::Redo)
    );
    assert_eq!(
        lookup(Ctx::EDITOR, press(KeyCode::Char('q'), KeyModifiers::NONE)),
        Some(Action::Insert('q'))
    );
    assert_eq!(lookup(Ctx::SEARCH, shift_g), Some(Action::Insert('G')));
    assert_eq!(
        lookup(
            Ctx::EDITOR,
            press(KeyCode::Char('c'), KeyModifiers::CONTROL)
        ),
        Some(Action::Quit)
    );
    assert_eq!(
        lookup(Ctx::EDITOR, press(KeyCode::Char('x'), KeyModifiers::ALT)),
        None
    );
    assert_eq!(
        lookup(Ctx::SKILLS, press(KeyCode::Char('R'), KeyModifiers::SHIFT)),
        None
    );
    assert_eq!(
        lookup(
            Ctx::SKILLS.with(Ctx::RECOVER),
            press(KeyCode::Char('R'), KeyModifiers::SHIFT)
        ),
        Some(Action::AskRecover)
    );
    let mut release = press(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(lookup(Ctx::SKILLS, release), None);
}

#[test]
fn footer_and_help_come_from_the_table() {
    let skills: Vec<_> = hints(Ctx::SKILLS).collect();
    assert!(skills.contains(&("Space", "done")));
    assert!(skills.contains(&("↑↓", "move")));
    assert!(!skills.contains(&("↑↓", "project")));
    let details: Vec<_> = hints(Ctx::DETAILS).collect();
    assert!(details.contains(&("↑↓", "project")));
    let rows: usize = help_sections().iter().map(|(_, rows)| rows.len()).sum();
    assert_eq!(rows, BINDINGS.len());
}
