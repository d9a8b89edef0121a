//! The floor for trailmark's first frame: a bare ratatui program that enters
//! the terminal as trailmark does, draws one frame of text and waits for a
//! key. `first_frame` times it against trailmark in the same pty.
//!
//! `cargo run --release --example bare_frame`

use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let drawn = terminal.draw(|frame| {
        frame.render_widget(
            Paragraph::new("bare ratatui frame").block(Block::bordered()),
            frame.area(),
        );
    });
    // Wait for any key, as an app would, then restore.
    let waited = drawn.and_then(|_| crossterm::event::read().map(|_| ()));
    ratatui::restore();
    waited
}
