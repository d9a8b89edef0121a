//! Taking the terminal and giving it back: raw mode, the alternate screen,
//! mouse capture and bracketed paste, the panic hook that restores them,
//! suspending to the shell, and noticing a terminal that hung up.

use std::io::{self, BufWriter, Stdout, Write};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;

use super::{draw, live};
use crate::tui::app::App;
use crate::tui::signals;
use crate::tui::watch::Watch;

/// Takes the terminal: a panic hook that gives it back first, [`enter`]
/// (one write, as the first frame waits on it), and the [`Screen`] to draw
/// on. (What `ratatui::try_init` does, with one `Terminal` made instead of
/// two.)
pub(super) fn init() -> io::Result<Screen> {
    install_panic_hook();
    enter()?;
    screen()
}

/// A panic gives the terminal back (mouse capture, bracketed paste and raw
/// mode off, the main screen, the cursor shown) before the message prints,
/// so a panic leaves a usable shell and a readable report.
pub(super) fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = leave();
        let _ = io::stdout().flush();
        previous(info);
    }));
}

/// Gives the terminal back: mouse reporting off, raw mode off, the main
/// screen, the cursor shown. Every step is tried even if one fails.
pub(super) fn leave() -> io::Result<()> {
    let mut out = io::stdout();
    let mouse = execute!(out, DisableBracketedPaste, DisableMouseCapture);
    let raw = crossterm::terminal::disable_raw_mode();
    let screen = execute!(out, LeaveAlternateScreen, crossterm::cursor::Show);
    mouse.and(raw).and(screen)
}

/// Takes the terminal, at start and again after a suspend: raw mode, then
/// the alternate screen, mouse reporting and bracketed paste in one write.
pub(super) fn enter() -> io::Result<()> {
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
pub(super) fn afresh(terminal: &mut Screen) -> io::Result<()> {
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
pub(super) fn screen() -> io::Result<Screen> {
    let out = BufWriter::with_capacity(1 << 16, io::stdout());
    ratatui::Terminal::new(CrosstermBackend::new(out))
}

/// The signal number of SIGHUP, the ending a vanished terminal gets.
pub(super) const HANGUP: i32 = 1;

/// Whether the terminal is gone: a hung-up terminal answers no terminal
/// requests, so it no longer counts as one.
pub(super) fn gone() -> bool {
    use std::io::IsTerminal as _;
    !io::stdout().is_terminal()
}

/// Back to the shell until `fg`: the terminal is restored first and taken
/// again after, and the screen drawn afresh.
pub(super) fn suspend(
    terminal: &mut Screen,
    app: &mut App,
    watch: &mut Watch,
) -> anyhow::Result<()> {
    leave()?;
    signals::stop()?;
    enter()?;
    afresh(terminal)?;
    // Another copy may have written while this one was stopped.
    live(app, watch);
    draw(terminal, app)
}
