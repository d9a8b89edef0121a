//! The key table end to end: every key of every row, pressed where it
//! applies, maps to its action and runs.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Fixture, ch, now, opened, press, today, typed, update};
use crate::catalog::{Catalog, Sources};
use crate::progress::Store;
use crate::tui::Launch;
use crate::tui::app::{App, Pane};
use crate::tui::keys;
use crate::tui::theme::Theme;

/// An app in the state where `ctx`'s keys apply.
fn in_context(ctx: keys::Ctx) -> Fixture {
    use keys::Ctx;
    if ctx == Ctx::CONFIRM || ctx == Ctx::RECOVER {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        std::fs::write(&path, "skills: [").unwrap();
        let launch = Launch {
            catalog: Catalog::load(&Sources::bundled_only()),
            store: Store::open(path.clone()),
            data_path: path,
            places: None,
        };
        let mut app = App::new(launch, now(), today(), Theme::COLOR);
        if ctx == Ctx::RECOVER {
            ch(&mut app, 'n');
            press(&mut app, KeyCode::Enter);
        }
        return Fixture { _dir: dir, app };
    }
    let mut f = opened();
    let app = &mut f.app;
    match ctx {
        Ctx::SKILLS => app.focus = Pane::Skills,
        Ctx::DETAILS => app.focus = Pane::Details,
        Ctx::SWITCHER => {
            ch(app, 'r');
        }
        Ctx::HELP => {
            ch(app, '?');
        }
        Ctx::SEARCH => typed(app, "/g"),
        Ctx::EDITOR => typed(app, "nsome"),
        Ctx::STATS => {
            ch(app, 't');
        }
        Ctx::QUIT => {
            app.pending = Some(crate::tui::app::Pending {
                reason: "a test".into(),
                recoverable: true,
            });
            app.ask_quit();
        }
        _ => {}
    }
    f
}

/// Every key of every row of the table, pressed where it applies: it maps
/// to the row's action, and `update` takes it without panicking.
#[test]
fn every_binding_maps_and_runs_in_its_context() {
    use keys::{BINDINGS, Ctx, Trigger};
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
        Ctx::RECOVER,
        Ctx::QUIT,
    ];
    let mut pressed = 0;
    for ctx in contexts {
        for binding in BINDINGS.iter().filter(|b| b.ctx.intersects(ctx)) {
            for (trigger, action) in binding.keys {
                let mut f = in_context(ctx);
                assert!(f.app.ctx().intersects(ctx), "{ctx:?} not reached");
                let event = match *trigger {
                    Trigger::Key(code, mods) => KeyEvent::new(code, mods),
                    Trigger::Text => KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE),
                };
                let found = keys::lookup(f.app.ctx(), event);
                assert_eq!(
                    found,
                    Some(action.clone().with_char('a')),
                    "{} in {ctx:?}",
                    binding.label
                );
                update(&mut f.app, found.unwrap());
                pressed += 1;
            }
        }
    }
    assert!(pressed > 100, "{pressed}");
}
