//! What the loop writes to the screen: each frame (after catching up with a
//! resize), the OSC 8 hyperlinks over it, and the line saying a save waits
//! for another trailmark's lock.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::terminal::{Clear, ClearType};
use crossterm::{execute, queue};

use super::{Screen, afresh};
use crate::progress;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::update::update;

/// Draws a frame, first catching up with a resize the events have not
/// reported yet so that clicks hit what is on screen.
pub(super) fn draw(terminal: &mut Screen, app: &mut App) -> anyhow::Result<()> {
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
    write_hyperlinks(app, terminal.backend_mut())?;
    Ok(())
}

/// Set when a save showed the waiting line, so the next frame is drawn whole.
pub(super) static WAITED: AtomicBool = AtomicBool::new(false);

/// A save waits for another trailmark's lock: say so on the bottom line at
/// once (the frame cannot be redrawn while the save blocks), so the app never
/// looks frozen without a word. The store gives up after its time limit and
/// the message then says why the change is pending.
pub(super) fn show_waiting(w: &progress::Waiting) {
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

/// Makes the links on screen OSC 8 hyperlinks. ratatui drops control
/// characters from its buffer, so after each frame the visible link text is
/// written again, wrapped in the OSC 8 sequence, over the same cells: the
/// screen looks the same and the buffer ratatui diffs against stays true.
/// Only printable ASCII URLs are written (see `ui::links`).
/// All of them go out in one write, through the frame's buffered writer.
pub(super) fn write_hyperlinks(app: &App, out: &mut impl Write) -> anyhow::Result<()> {
    let links = crate::tui::ui::links::visible(app);
    if links.is_empty() {
        return Ok(());
    }
    for link in links {
        queue!(out, crossterm::cursor::MoveTo(link.x, link.y))?;
        write!(out, "{}", link.osc8())?;
    }
    out.flush()?;
    Ok(())
}
