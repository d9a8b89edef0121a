//! The only module that touches the terminal: entering and leaving the
//! full-screen mode (also on error and on panic), and the event loop that
//! turns terminal events into actions, performs the effects `update` asks
//! for (saving, recovering, quitting) and redraws only when something changed.

use std::io::{self, Write};
use std::time::Duration;

use chrono::Local;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

use super::action::{Action, Effect};
use super::app::App;
use super::keys;
use super::update::update;
use crate::catalog::{Catalog, Sources};
use crate::progress::{self, Store};

/// Runs the app in the terminal until the user quits.
/// `rest`: where the full catalog comes from, when `app` started on just
/// the roadmap its first screen needs (loaded after the first frame).
pub fn run(mut app: App, rest: Option<&Sources>) -> anyhow::Result<()> {
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(err) => {
            // Raw mode may already be on.
            ratatui::restore();
            return Err(err.into());
        }
    };
    install_mouse_hook();
    let result = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)
        .map_err(anyhow::Error::from)
        .and_then(|()| event_loop(&mut terminal, &mut app, rest));
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    let restored = ratatui::try_restore();
    result?;
    Ok(restored?)
}

/// ratatui's panic hook restores the screen and raw mode; this one also
/// turns the mouse capture and bracketed paste off first, so a panic leaves a usable shell.
fn install_mouse_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
        let _ = io::stdout().flush();
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    rest: Option<&Sources>,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    draw(terminal, app)?;
    if let Some(sources) = rest {
        app.catalog_loaded(Catalog::load(sources));
        draw(terminal, app)?;
    }
    loop {
        let mut changed = false;
        let mut unsaved = false;
        // Handle everything already waiting before drawing once, so held
        // keys and wheel bursts never queue up frames.
        let mut next = Some(event::read()?);
        while let Some(ev) = next.take() {
            if let Some(action) = keys::map_event(app.ctx(), &ev) {
                app.set_clock(progress::now(), Local::now().date_naive());
                changed = true;
                match update(app, action) {
                    Effect::None => {}
                    Effect::Save => unsaved = true,
                    Effect::Recover => recover(app),
                    Effect::Open(url) => open_link(app, &url),
                    Effect::Quit { save } => {
                        if save || unsaved {
                            // Failing to save here cannot be shown any more;
                            // changes were saved as they happened, so at
                            // most the place in the roadmap is lost.
                            let _ = app.store.save();
                        }
                        return Ok(());
                    }
                }
            }
            if event::poll(Duration::ZERO)? {
                next = Some(event::read()?);
            }
        }
        if changed {
            draw(terminal, app)?;
        }
        // The frame first, then the disk: the key press shows at once, and
        // the save (with the numbers it may change) follows a moment later.
        if unsaved {
            save(app);
            draw(terminal, app)?;
        }
    }
}

/// Draws a frame, first catching up with a resize the events have not
/// reported yet so that clicks hit what is on screen.
fn draw(terminal: &mut DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
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
    write_hyperlinks(app)
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

/// Moves the unreadable progress file aside and opens a fresh one.
fn recover(app: &mut App) {
    let path = app.store.path().to_owned();
    match Store::recover(&path).and_then(|aside| Store::open(path).map(|store| (aside, store))) {
        Ok((aside, store)) => {
            if app.recovered(store, &aside) {
                save(app);
            }
        }
        Err(err) => app.error(format!("Could not move the file aside: {err}")),
    }
}

fn save(app: &mut App) {
    match app.store.save() {
        Ok(()) => app.saved(),
        Err(err) => app.save_failed(&err),
    }
}
