//! The only module that touches the terminal: entering and leaving the
//! full-screen mode (also on error, panic and signals), and the event loop
//! that turns terminal events into actions, performs the effects `update`
//! asks for (saving, recovering, quitting, suspending), watches the files
//! for other writers, and redraws only when something changed.

use std::io::{self, BufWriter, Stdout, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;

use super::action::{Action, Effect};
use super::app::App;
use super::keys;
use super::signals::{self, Signal, Signals};
use super::update::update;
use super::watch::Watch;
use crate::catalog::{Catalog, Sources};
use crate::progress::{self, Store};
use crate::roadmap::Roadmap;
use crate::state::{self, Places};

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
    let result = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)
        .map_err(anyhow::Error::from)
        .and_then(|()| event_loop(&mut terminal, &mut app, &mut signals, &mut keep, rest));
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

/// Takes the terminal: a panic hook that gives it back first, raw mode, the
/// alternate screen, and the [`Screen`] to draw on. (What
/// `ratatui::try_init` does, with one `Terminal` made instead of two.)
fn init() -> io::Result<Screen> {
    install_panic_hook();
    crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    screen()
}

/// A panic gives the terminal back (mouse capture, bracketed paste and raw
/// mode off, the main screen, the cursor shown) before the message prints,
/// so a panic leaves a usable shell and a readable report.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = leave();
        let _ = io::stdout().flush();
        previous(info);
    }));
}

/// Gives the terminal back: mouse reporting off, raw mode off, the main
/// screen, the cursor shown. Every step is tried even if one fails.
fn leave() -> io::Result<()> {
    let mut out = io::stdout();
    let mouse = execute!(out, DisableBracketedPaste, DisableMouseCapture);
    let raw = crossterm::terminal::disable_raw_mode();
    let screen = execute!(out, LeaveAlternateScreen, crossterm::cursor::Show);
    mouse.and(raw).and(screen)
}

/// Takes the terminal again after a suspend.
fn enter() -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Clears the screen and forgets what ratatui thinks is on it, so the next
/// frame is drawn whole. (`Terminal::clear` asks the terminal where its
/// cursor is, which not every terminal answers.)
fn afresh(terminal: &mut Screen) -> io::Result<()> {
    execute!(io::stdout(), Clear(ClearType::All))?;
    *terminal = screen()?;
    Ok(())
}

/// The terminal the app draws on. Frames go through a buffer as large as a
/// frame, so each is one write: stdout's own buffer is 1 KiB, which cut a
/// 120×40 frame into seven writes, each waking the terminal (measured with
/// `strace -e write`).
pub type Screen = ratatui::Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// A [`Screen`] on stdout (raw mode and the alternate screen already on).
fn screen() -> io::Result<Screen> {
    let out = BufWriter::with_capacity(1 << 16, io::stdout());
    ratatui::Terminal::new(CrosstermBackend::new(out))
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
    // Before the first frame: a file changed once the app shows is noticed.
    let mut watch = Watch::new(app.store.path(), &app.catalog);
    let mut looked = Instant::now();
    let size = terminal.size()?;
    update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    draw(terminal, app)?;
    debug_panic();
    if let Some(sources) = rest {
        // The first frame showed the one roadmap it needed; now the rest.
        app.catalog_loaded(Catalog::load(sources));
        watch = Watch::new(app.store.path(), &app.catalog);
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

/// The signal number of SIGHUP, the ending a vanished terminal gets.
const HANGUP: i32 = 1;

/// Whether the terminal is gone: a hung-up terminal answers no terminal
/// requests, so it no longer counts as one.
fn gone() -> bool {
    use std::io::IsTerminal as _;
    !io::stdout().is_terminal()
}

/// Handles every event already waiting, so held keys and wheel bursts never
/// queue up frames, then saves what changed: a change is on disk (or marked
/// pending) before the frame that shows it is drawn.
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

/// Saves what is not on disk yet before leaving. Returns whether the app may
/// leave; when the save fails it asks instead, and the changes stay.
fn leave_saved(app: &mut App, unsaved: bool, watch: &mut Watch) -> bool {
    if unsaved || app.pending.is_some() {
        save(app, watch);
        if app.pending.is_some() {
            app.ask_quit();
            return false;
        }
    }
    true
}

/// Back to the shell until `fg`: the terminal is restored first and taken
/// again after, and the screen drawn afresh.
fn suspend(terminal: &mut Screen, app: &mut App, watch: &mut Watch) -> anyhow::Result<()> {
    leave()?;
    signals::stop()?;
    enter()?;
    afresh(terminal)?;
    // Another copy may have written while this one was stopped.
    live(app, watch);
    draw(terminal, app)
}

/// Reads the files another program changed and hands the results to the app.
/// Returns whether the screen must be drawn again.
fn live(app: &mut App, watch: &mut Watch) -> bool {
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

/// Draws a frame, first catching up with a resize the events have not
/// reported yet so that clicks hit what is on screen.
fn draw(terminal: &mut Screen, app: &mut App) -> anyhow::Result<()> {
    if WAITED.swap(false, Ordering::Relaxed) {
        // The waiting line was written past ratatui: draw the frame whole.
        afresh(terminal)?;
    }
    let size = terminal.size()?;
    if size != app.size {
        update(
            app,
            Action::Resize {
                width: size.width,
                height: size.height,
            },
        );
    }
    terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
    write_hyperlinks(app)?;
    Ok(())
}

/// Set when a save showed the waiting line, so the next frame is drawn whole.
static WAITED: AtomicBool = AtomicBool::new(false);

/// A save waits for another trailmark's lock: say so on the bottom line at
/// once (the frame cannot be redrawn while the save blocks), so the app never
/// looks frozen without a word. The store gives up after its time limit and
/// the message then says why the change is pending.
fn show_waiting(w: &progress::Waiting) {
    let Ok((cols, rows)) = crossterm::terminal::size() else {
        return;
    };
    let line = format!(
        " waiting for another trailmark to finish saving {} ({:.0} of at most {:.0} s)…",
        w.path.display(),
        w.waited.as_secs_f32(),
        w.limit.as_secs_f32()
    );
    // Never past the last column: a wrap there would scroll the screen.
    let text = crate::text::truncate(
        &crate::text::inert(&line),
        usize::from(cols).saturating_sub(1),
    );
    let mut out = io::stdout().lock();
    let _ = execute!(
        out,
        crossterm::cursor::MoveTo(0, rows.saturating_sub(1)),
        Clear(ClearType::CurrentLine)
    );
    let _ = write!(out, "{text}");
    let _ = out.flush();
    WAITED.store(true, Ordering::Relaxed);
}

/// Moves the unreadable progress file aside and opens a fresh one.
fn recover(app: &mut App, watch: &mut Watch) {
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

fn save(app: &mut App, watch: &mut Watch) {
    match app.store.save() {
        Ok(()) => app.saved(),
        Err(err) => app.save_failed(&err),
    }
    watch.saw_progress();
}

/// Makes the links on screen OSC 8 hyperlinks. ratatui drops control
/// characters from its buffer, so after each frame the visible link text is
/// written again, wrapped in the OSC 8 sequence, over the same cells: the
/// screen looks the same and the buffer ratatui diffs against stays true.
/// Only printable ASCII URLs are written (see `ui::links`).
fn write_hyperlinks(app: &App) -> anyhow::Result<()> {
    let links = super::ui::links::visible(app);
    if links.is_empty() {
        return Ok(());
    }
    let mut out = io::stdout().lock();
    for link in links {
        execute!(out, crossterm::cursor::MoveTo(link.x, link.y))?;
        write!(out, "{}", link.osc8())?;
    }
    out.flush()?;
    Ok(())
}

/// Opens a link with the system's opener, without waiting for it.
fn open_link(app: &mut App, url: &str) {
    if let Err(err) = open::that_detached(url) {
        app.error(format!(
            "Could not open {url}: {err} (copy the link from the details instead)"
        ));
    }
}
