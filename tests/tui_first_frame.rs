//! The first frame is drawn from what it shows, read fast and unchecked
//! (the roadmap opened last, or for the first-run picker the highlighted
//! roadmap whole and the others by their heads); the checked catalog
//! replaces it right after. The swap must not be seen in the picker: the
//! frame before it and the frame after are the same, cell for cell and
//! style for style.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use trailmark::catalog::{Catalog, Sources};
use trailmark::progress::{Progress, Status};
use trailmark::tui::action::Action;
use trailmark::tui::app::App;
use trailmark::tui::update::update;

#[path = "support/tui_app.rs"]
mod tui_app;
use tui_app::*;

const SIZES: [(u16, u16); 4] = [(80, 24), (100, 30), (140, 40), (200, 60)];

fn frame(app: &mut App, (width, height): (u16, u16)) -> Buffer {
    update(app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&*app, frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// Draws the app started on `first` at every size, swaps in the checked
/// catalog as the event loop does, and draws again.
fn assert_swap_unseen(
    first: impl Fn() -> Catalog,
    setup: impl Fn(&Catalog, &mut Progress),
    what: &str,
) {
    let full = Catalog::load(&Sources::bundled_only());
    for size in SIZES {
        let mut f = fixture_on(first(), |_, p| setup(&full, p));
        let before = frame(&mut f.app, size);
        f.app
            .catalog_loaded(Catalog::load(&Sources::bundled_only()));
        let after = frame(&mut f.app, size);
        assert_eq!(before, after, "{what} at {size:?}");
    }
}

#[test]
fn the_first_run_picker_looks_the_same_before_and_after_the_checked_catalog() {
    assert_swap_unseen(
        || Catalog::load_bundled_first(None).unwrap(),
        |_, _| {},
        "empty progress",
    );
    // Progress in several roadmaps (without a roadmap open last, so the
    // picker shows): the percentages and shared-key counts of roadmaps read
    // by their heads are the ones the whole roadmaps give.
    assert_swap_unseen(
        || Catalog::load_bundled_first(None).unwrap(),
        |c, p| {
            some_progress(c, p);
            p.legacy.last_roadmap = None;
            tick(c, p, "backend-ten-steps", "git", Status::Done, days_ago(3));
            tick(
                c,
                p,
                "backend-burger",
                "postgresql",
                Status::Doing,
                days_ago(1),
            );
        },
        "progress in three roadmaps",
    );
}
