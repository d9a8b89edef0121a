//! Every style the TUI uses, in one place.
//!
//! Only the 16 named ANSI colours are used, so the screen reads the same in
//! any terminal palette. With `NO_COLOR` set, no colour is used at all: the
//! marks (`[x]`, `›`, `↔`) and bold/reverse carry every meaning on their own,
//! which is also why colour is never the only signal anywhere.

use ratatui::style::{Color, Modifier, Style};

use crate::progress::{ProjectStatus, Status};

/// The palette: with or without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub const COLOR: Self = Self { color: true };
    pub const NO_COLOR: Self = Self { color: false };

    /// Honours the `NO_COLOR` convention: set and non-empty means no colour.
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color {
            Self::NO_COLOR
        } else {
            Self::COLOR
        }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn plain(self) -> Style {
        Style::new()
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A day of the study calendar at a level 0 (nothing) to 4: the glyph
    /// shows the level, so colour only adds to it (green, brighter above 2).
    pub fn calendar_shade(self, level: u8) -> Style {
        match level {
            0 => self.muted(),
            1 | 2 => self.fg(Color::Green),
            _ => self.fg(Color::LightGreen),
        }
    }

    /// Secondary text: sources, dates, counts.
    pub fn muted(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::BOLD)
    }

    /// A pane's border: the focused one stands out by weight and colour.
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.muted()
        }
    }

    /// The selected row: reversed in the focused pane, bold elsewhere, so the
    /// selection of every pane stays visible without colour.
    pub fn selected(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn status(self, status: Status) -> Style {
        match status {
            Status::Todo => self.plain(),
            Status::Doing => self.fg(Color::Yellow),
            Status::Done => self.fg(Color::Green),
            Status::Skipped => self.muted(),
        }
    }

    pub fn project(self, status: ProjectStatus) -> Style {
        match status {
            ProjectStatus::Idea => self.plain(),
            ProjectStatus::Building => self.fg(Color::Yellow),
            ProjectStatus::Built => self.fg(Color::Green),
        }
    }

    pub fn shared(self) -> Style {
        self.fg(Color::Magenta)
    }

    pub fn gauge_filled(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn gauge_empty(self) -> Style {
        self.muted()
    }

    /// Key names in the footer and the help.
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn info(self) -> Style {
        self.fg(Color::Green)
    }

    /// The matched part of a search result.
    pub fn matched(self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The text cursor in the one-line editors.
    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn chart_actual(self) -> Style {
        self.fg(Color::Green)
    }

    /// A count written over its bar: dark on the bar's colour, or reversed.
    pub fn bar_value(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Green)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn chart_planned(self) -> Style {
        self.fg(Color::Blue)
    }
}
