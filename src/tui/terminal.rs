//! The only module that touches the terminal: entering and leaving the
//! full-screen mode (also on error, panic and signals), and the event loop
//! that turns terminal events into actions, performs the effects `update`
//! asks for (saving, recovering, quitting, suspending), watches the files
//! for other writers, and redraws only when something changed.
//!
//! Here: `run` and the loop. `setup`: taking and giving back the terminal;
//! `frame`: drawing a frame and what goes over it; `effects`: saving,
//! recovering, reading others' changes, opening links.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event;

use super::action::Effect;
use super::app::App;
use super::keys;
use super::signals::{Signal, Signals};
use super::update::update;
use super::watch::Watch;
use crate::catalog::{Catalog, Sources};
use crate::progress;
use crate::state::{self, Places};

mod effects;
mod frame;
mod setup;

use effects::{leave_saved, live, open_link, recover, save};
use frame::{draw, show_waiting};
pub use setup::Screen;
use setup::{HANGUP, afresh, gone, init, leave, suspend};

/// How long the loop waits for a key before it looks at signals and files.
const TICK: Duration = Duration::from_millis(250);
/// How often the files are checked for other writers: the live view shows
/// another copy's change within a second.
const WATCH_EVERY: Duration = Duration::from_millis(500);

/// Why the app ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// The learner quit.
    Quit,
    /// A termination signal (its number) ended it.
    Signal(i32),
}

/// What the run leaves for the caller to report after the screen is back.
#[derive(Debug)]
pub struct Outcome {
    pub ending: Ending,
    /// Problems that could not be shown in the app any more (a save that
    /// failed as a signal ended it, a state file that could not be written).
    pub warnings: Vec<String>,
}

/// Runs the app in the terminal until the user quits or a signal ends it.
/// `state_file` is where the place in each roadmap is kept (`None`: nowhere).
pub fn run(
    mut app: App,
    state_file: Option<PathBuf>,
    rest: Option<&Sources>,
) -> anyhow::Result<Outcome> {
    let mut signals = Signals::install()?;
    app.store.set_on_wait(show_waiting);
    let mut terminal = match init() {
        Ok(terminal) => terminal,
        Err(err) => {
            // Raw mode may already be on.
            let _ = leave();
            return Err(err.into());
        }
    };
    let mut keep = Keep {
        file: state_file,
        written: None,
    };
    let result = event_loop(&mut terminal, &mut app, &mut signals, &mut keep, rest);
    let restored = leave();
    let mut warnings = Vec::new();
    if let Some(p) = &app.pending {
        warnings.push(format!("changes not saved: {}", p.reason));
    }
    // A running study timer keeps when the app closed, for the next start.
    app.timer_on_exit(progress::now());
    if let Err(err) = keep.write(&mut app) {
        warnings.push(err.to_string());
    }
    let ending = result?;
    // After a signal the terminal may be gone (SIGHUP): failing to restore
    // it is no error then.
    if ending == Ending::Quit {
        restored?;
    }
    Ok(Outcome { ending, warnings })
}

/// Debug builds only: panics after the first frame when
/// `TRAILMARK_DEBUG_PANIC` is set, so a test can see the panic hook give
/// the terminal back. Release builds have no such switch.
fn debug_panic() {
    #[cfg(debug_assertions)]
    assert!(
        std::env::var_os("TRAILMARK_DEBUG_PANIC").is_none(),
        "TRAILMARK_DEBUG_PANIC is set"
    );
}

/// The state file and the places last written to it (`None` before the
/// first write: places taken over from a version-1 progress file are
/// written once, so they outlive that file's next save).
struct Keep {
    file: Option<PathBuf>,
    written: Option<Places>,
}

impl Keep {
    /// Writes the places when they changed since the last write.
    fn write(&mut self, app: &mut App) -> Result<(), state::StateError> {
        let places = app.places_now().clone();
        let Some(file) = &self.file else {
            return Ok(());
        };
        if self.written.as_ref() == Some(&places) {
            return Ok(());
        }
        state::save_places(file, app.store.path(), &places)?;
        self.written = Some(places);
        Ok(())
    }
}

/// What one batch of events asks of the loop.
enum Step {
    Idle,
    Redraw,
    Leave,
}

/// Reason for the length: the one loop that multiplexes keys, signals and
/// file changes reads best in one place.
fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    signals: &mut Signals,
    keep: &mut Keep,
    rest: Option<&Sources>,
) -> anyhow::Result<Ending> {
    // `draw` gives the app the terminal's size first.
    draw(terminal, app)?;
    debug_panic();
    let mut redraw_now = false;
    if let Some(sources) = rest {
        // The first frame showed the one roadmap it needed; now the rest.
        app.catalog_loaded(Catalog::load(sources));
        redraw_now = true;
    }
    // Watching starts once the first frame is up (it costs a thread and a
    // watch per folder); a change another copy made to the progress file
    // since it was read is caught by this one look.
    let mut watch = Watch::new(app.store.path(), &app.catalog);
    let mut looked = Instant::now();
    if app.progress_problem.is_none() {
        let result = app.store.refresh();
        redraw_now |= app.progress_reloaded(result);
    }
    if redraw_now {
        draw(terminal, app)?;
    }
    loop {
        let mut redraw = false;
        for signal in signals.pending() {
            match signal {
                Signal::Terminate(n) => {
                    // A change is saved as it is made; a failed one is tried
                    // once more, and reported on the shell if it fails again.
                    if app.pending.is_some() {
                        save(app, &mut watch);
                    }
                    return Ok(Ending::Signal(n));
                }
                Signal::Suspend => suspend(terminal, app, &mut watch)?,
                Signal::Continue => {
                    afresh(terminal)?;
                    redraw = true;
                }
            }
        }
        if gone() {
            // The terminal hung up without a signal reaching us (or before
            // one did): keep what is pending, as on SIGHUP, and leave.
            if app.pending.is_some() {
                save(app, &mut watch);
            }
            return Ok(Ending::Signal(HANGUP));
        }
        if looked.elapsed() >= WATCH_EVERY {
            looked = Instant::now();
            redraw |= live(app, &mut watch);
            if app.timer().is_some() {
                // The header's study timer counts the seconds.
                let today = crate::forecast::today().unwrap_or_else(|bad| bad.today);
                app.set_clock(progress::now(), today);
                redraw = true;
            }
        }
        if event::poll(TICK)? {
            match events(terminal, app, keep, &mut watch)? {
                Step::Idle => {}
                Step::Redraw => redraw = true,
                Step::Leave => return Ok(Ending::Quit),
            }
        }
        if redraw {
            draw(terminal, app)?;
        }
    }
}

/// Handles every event already waiting, so held keys and wheel bursts never
/// queue up frames, then saves what changed: a change is on disk (or marked
/// pending) before the frame that shows it is drawn.
///
/// Reason for the length: one arm per [`Effect`], each in its place around
/// the batch's one save, reads best as one match.
fn events(
    terminal: &mut Screen,
    app: &mut App,
    keep: &mut Keep,
    watch: &mut Watch,
) -> anyhow::Result<Step> {
    let mut step = Step::Idle;
    let mut unsaved = false;
    let mut next = Some(event::read()?);
    while let Some(ev) = next.take() {
        if let Some(action) = keys::map_event(app.ctx(), &ev) {
            let today = crate::forecast::today().unwrap_or_else(|bad| bad.today);
            app.set_clock(progress::now(), today);
            step = Step::Redraw;
            match update(app, action) {
                Effect::None => {}
                Effect::Save => unsaved = true,
                Effect::Recover => recover(app, watch),
                Effect::Open(url) => open_link(app, &url),
                Effect::KeepPlace => {
                    if let Err(err) = keep.write(app) {
                        app.error(err.to_string());
                    }
                }
                Effect::SaveThenKeepPlace => {
                    save(app, watch);
                    unsaved = false;
                    if let Err(err) = keep.write(app) {
                        app.error(err.to_string());
                    }
                }
                Effect::Quit => {
                    if leave_saved(app, unsaved, watch) {
                        return Ok(Step::Leave);
                    }
                    unsaved = false;
                }
                Effect::RecoverThenQuit => {
                    recover(app, watch);
                    if leave_saved(app, true, watch) {
                        return Ok(Step::Leave);
                    }
                    unsaved = false;
                }
                Effect::QuitUnsaved => {
                    app.pending = None;
                    return Ok(Step::Leave);
                }
                Effect::Suspend => {
                    if unsaved {
                        save(app, watch);
                        unsaved = false;
                    }
                    suspend(terminal, app, watch)?;
                }
            }
        }
        // A terminal that fails now (closed by SIGHUP, say) ends the batch;
        // its changes are still saved below, and the next poll reports it.
        next = match event::poll(Duration::ZERO) {
            Ok(true) => event::read().ok(),
            _ => None,
        };
    }
    if unsaved {
        save(app, watch);
    }
    Ok(step)
}
