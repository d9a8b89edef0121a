//! Every hint in the footer names a key that acts where it is shown: on
//! every skill of every bundled roadmap, `o open link` shows exactly when
//! `o` has a link to open; `u undo` shows once there is a change to undo;
//! keys that change a skill are offered only while the skill is on screen.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossterm::event::KeyCode;
use trailmark::catalog::{Catalog, Sources};

#[path = "support/tui_app.rs"]
mod tui_app;
use tui_app::*;

#[test]
fn open_link_is_offered_exactly_on_skills_with_a_link() {
    let ids: Vec<String> = Catalog::load(&Sources::bundled_only())
        .ids()
        .map(str::to_owned)
        .collect();
    let (mut with, mut without) = (0, 0);
    for id in ids {
        let mut f = fixture(|_, p| p.legacy.last_roadmap = Some(id.clone()));
        let phases = f.app.roadmap().unwrap().phases.len();
        for phase in 0..phases {
            press(&mut f.app, KeyCode::Right);
            let skills = f.app.current_phase().unwrap().skills.len();
            for skill in 0..skills {
                let shown = screen(&mut f.app, 200, 50);
                let footer = shown.lines().last().unwrap().to_owned();
                keys(&mut f.app, "o");
                let said = screen(&mut f.app, 200, 50);
                let place = format!("{id} phase {phase} skill {skill}");
                if f.app.skill_links().next().is_none() {
                    without += 1;
                    assert!(!footer.contains("open link"), "{place}: {footer}");
                    assert!(said.contains("This skill has no links"), "{place}: {said}");
                } else {
                    with += 1;
                    assert!(footer.contains("o open link"), "{place}: {footer}");
                    assert!(said.contains("Opening https://"), "{place}: {said}");
                }
                keys(&mut f.app, "j");
            }
            press(&mut f.app, KeyCode::Left);
            keys(&mut f.app, "j");
        }
    }
    // Both kinds are there to check.
    assert!(
        with > 10 && without > 10,
        "{with} with links, {without} without"
    );
}

#[test]
fn undo_is_offered_once_there_is_a_change_to_undo() {
    let mut f = fixture(|_, p| p.legacy.last_roadmap = Some("backend-six-phases".into()));
    press(&mut f.app, KeyCode::Right);
    let footer = |app: &mut trailmark::tui::app::App| {
        screen(app, 200, 50).lines().last().unwrap().to_owned()
    };
    assert!(
        !footer(&mut f.app).contains("undo"),
        "{}",
        footer(&mut f.app)
    );
    keys(&mut f.app, "u");
    assert!(screen(&mut f.app, 200, 50).contains("Nothing to undo"));
    keys(&mut f.app, " ");
    assert!(
        footer(&mut f.app).contains("u undo"),
        "{}",
        footer(&mut f.app)
    );
    keys(&mut f.app, "u");
    assert!(screen(&mut f.app, 200, 50).contains("[ ]    Variables"));
    // Undone, the history has nothing left to undo (Ctrl-r redoes it).
    assert!(
        !footer(&mut f.app).contains("undo"),
        "{}",
        footer(&mut f.app)
    );
}

#[test]
fn keys_that_change_a_skill_are_offered_only_with_the_skill_on_screen() {
    let mut f = fixture(|_, p| p.legacy.last_roadmap = Some("backend-six-phases".into()));
    // 80×24, the phases focused: the phases beside the details, no skills.
    let shown = screen(&mut f.app, 80, 24);
    assert!(
        shown.contains("Weeks 1–4"),
        "the phase's summary shows:\n{shown}"
    );
    let footer = shown.lines().last().unwrap().to_owned();
    for hint in ["done", "doing", "skip", "note", "estimate", "timer"] {
        assert!(!footer.contains(hint), "{hint}: {footer}");
    }
    keys(&mut f.app, "d");
    assert!(screen(&mut f.app, 80, 24).contains("Open the phase first"));
    // Enter brings the skills up, and with them their keys.
    press(&mut f.app, KeyCode::Enter);
    let footer = screen(&mut f.app, 80, 24)
        .lines()
        .last()
        .unwrap()
        .to_owned();
    assert!(
        footer.contains("Space done") && footer.contains("d doing"),
        "{footer}"
    );
    // Wide enough for all three panes, the phases pane offers them too.
    press(&mut f.app, KeyCode::Left);
    let footer = screen(&mut f.app, 200, 50)
        .lines()
        .last()
        .unwrap()
        .to_owned();
    assert!(
        footer.contains("d doing") && footer.contains("n note"),
        "{footer}"
    );
}
