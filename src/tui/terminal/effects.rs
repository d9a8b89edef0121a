//! The effects `update` asks for that need files or other programs:
//! saving, saving before leaving, moving an unreadable progress file aside,
//! reading what another program changed, and opening a link.

use std::path::PathBuf;

use crate::progress::Store;
use crate::roadmap::Roadmap;
use crate::tui::app::App;
use crate::tui::watch::Watch;

/// Saves what is not on disk yet before leaving. Returns whether the app may
/// leave; when the save fails it asks instead, and the changes stay.
pub(super) fn leave_saved(app: &mut App, unsaved: bool, watch: &mut Watch) -> bool {
    if unsaved || app.pending.is_some() {
        save(app, watch);
        if app.pending.is_some() {
            app.ask_quit();
            return false;
        }
    }
    true
}

/// Reads the files another program changed and hands the results to the app.
/// Returns whether the screen must be drawn again.
pub(super) fn live(app: &mut App, watch: &mut Watch) -> bool {
    let changes = watch.changes();
    let mut redraw = false;
    if changes.progress && app.progress_problem.is_none() {
        let result = app.store.refresh();
        let readable = result.is_ok();
        redraw |= app.progress_reloaded(result);
        if readable && app.pending.is_some() {
            // The file reads again (someone fixed it): what is pending goes
            // to disk now rather than waiting for the next change.
            save(app, watch);
            redraw = true;
        }
    }
    for i in changes.roadmaps {
        let file = PathBuf::from(&app.catalog.entries[i].file);
        redraw |= app.roadmap_reloaded(i, Roadmap::load_file(&file));
    }
    redraw
}

/// Moves the unreadable progress file aside and opens a fresh one.
pub(super) fn recover(app: &mut App, watch: &mut Watch) {
    let path = app.store.path().to_owned();
    match Store::recover(&path).and_then(|aside| Store::open(path).map(|store| (aside, store))) {
        Ok((aside, store)) => {
            if app.recovered(store, &aside) {
                save(app, watch);
            }
        }
        Err(err) => app.error(format!("Could not move the file aside: {err}")),
    }
}

pub(super) fn save(app: &mut App, watch: &mut Watch) {
    match app.store.save() {
        Ok(()) => app.saved(),
        Err(err) => app.save_failed(&err),
    }
    watch.saw_progress();
}

/// Opens a link with the system's opener, without waiting for it.
pub(super) fn open_link(app: &mut App, url: &str) {
    // The opener's own error names programs and exit statuses; what helps
    // is that no program took the link, and what to do instead.
    if open::that_detached(url).is_err() {
        app.error(format!(
            "Could not open {url}: no program here opens links (on Linux, xdg-open); copy the link from the details instead"
        ));
    }
}
