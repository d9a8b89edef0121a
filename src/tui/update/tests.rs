//! Every binding, driven through the key table into `update`, on a real
//! progress store in a temporary directory and a fixed clock. Here: the
//! fixtures and key-press helpers the files in `tests/` share, one file per
//! area (navigation, progress, editors, popups, store, bindings, saving,
//! plan, timer).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::update;
use crate::catalog::{Catalog, Sources};
use crate::progress::{Status, Store};
use crate::tui::Launch;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Overlay};
use crate::tui::keys;
use crate::tui::theme::Theme;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    app: App,
}

/// A fresh app on the bundled roadmaps with an empty progress file.
fn fresh() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let launch = Launch {
        catalog: Catalog::load(&Sources::bundled_only()),
        store: Store::open(path.clone()),
        data_path: path,
        places: None,
    };
    let mut app = App::new(launch, now(), today(), Theme::COLOR);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    Fixture { _dir: dir, app }
}

/// Moves the picker's highlight to a catalog index with the arrow keys.
fn highlight(app: &mut App, index: usize) {
    ch(app, 'g');
    for _ in 0..app.catalog.entries.len() {
        if matches!(&app.overlay, Overlay::Switcher(s) if s.chosen() == Some(index)) {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("roadmap {index} is not in the picker");
}

/// A fresh app with the first roadmap (The Backend Burger) open.
fn opened() -> Fixture {
    let mut f = fresh();
    assert!(
        matches!(f.app.overlay, Overlay::Switcher(_)),
        "first run opens the picker"
    );
    highlight(&mut f.app, 0);
    assert_eq!(press(&mut f.app, KeyCode::Enter), Effect::KeepPlace);
    assert_eq!(f.app.current, Some(0));
    f
}

fn press_with(app: &mut App, code: KeyCode, mods: KeyModifiers) -> Effect {
    let action = keys::lookup(app.ctx(), KeyEvent::new(code, mods))
        .unwrap_or_else(|| panic!("{code:?} is not bound in {:?}", app.ctx()));
    update(app, action)
}

fn press(app: &mut App, code: KeyCode) -> Effect {
    press_with(app, code, KeyModifiers::NONE)
}

fn ch(app: &mut App, c: char) -> Effect {
    press(app, KeyCode::Char(c))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

fn status(app: &App) -> Status {
    let (r, s) = (app.roadmap().unwrap(), app.current_skill().unwrap());
    app.store.progress().status(&r.id, s)
}

mod bindings;
mod editors;
mod navigation;
mod plan;
mod popups;
mod progress;
mod saving;
mod store;
mod timer;
