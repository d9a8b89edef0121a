//! Keeping what is selected in view: selections in range, every list's
//! window around its selection, the details, help, plan and info scrolled
//! no further than their text, for the current terminal size.

use super::{App, Overlay, Pane};
use crate::tui::{content, layout};

impl App {
    /// Whether the selected skill is on screen: always, unless the phases
    /// pane has the focus and the skills pane is folded away. Keys that
    /// change a skill act (and are offered) only then.
    pub fn skill_on_screen(&self) -> bool {
        self.skill_on_screen_in(&layout::layout(self, self.area()))
    }

    /// [`Self::skill_on_screen`] for areas already laid out (a frame's).
    pub fn skill_on_screen_in(&self, areas: &layout::Areas) -> bool {
        self.focus != Pane::Phases || areas.panes[Pane::Skills.index()].is_some()
    }

    /// Keeps selections in range and every selection inside its pane's
    /// visible window, for the current terminal size.
    pub fn follow(&mut self) {
        let (phases, skills, projects) = match self.roadmap() {
            Some(r) => {
                let phase = r
                    .phases
                    .get(self.phase.min(r.phases.len().saturating_sub(1)));
                (
                    r.phases.len(),
                    phase.map_or(0, |p| p.skills.len()),
                    phase.map_or(0, |p| p.projects.len()),
                )
            }
            None => (0, 0, 0),
        };
        self.phase = self.phase.min(phases.saturating_sub(1));
        self.skill = self.skill.min(skills.saturating_sub(1));
        self.project = self.project.min(projects.saturating_sub(1));
        let areas = layout::layout(self, self.area());
        let rows = |pane: Pane| areas.list_rows(pane);
        self.offsets.phases =
            layout::window(self.offsets.phases, self.phase, rows(Pane::Phases), phases);
        self.offsets.skills =
            layout::window(self.offsets.skills, self.skill, rows(Pane::Skills), skills);
        let details = content::details::content(self, areas.details_width());
        let max = details.lines.len().saturating_sub(rows(Pane::Details));
        self.offsets.details = self.offsets.details.min(max);
        let area = self.area();
        match &mut self.overlay {
            Overlay::Switcher(s) => {
                let rows = layout::switcher_rows(area, s.rows.len());
                s.offset = layout::window(s.offset, s.selected, rows, s.rows.len());
            }
            Overlay::Search(s) => {
                let rows = layout::search_rows(area, s.matches.len());
                s.offset = layout::window(s.offset, s.selected, rows, s.matches.len());
            }
            Overlay::Help { scroll, .. } => {
                let max = content::help::max_scroll(area);
                *scroll = (*scroll).min(max);
            }
            Overlay::Plan(view) => {
                view.scroll = view.scroll.min(layout::plan_max_scroll(view, areas.body));
            }
            Overlay::Info { .. } => {
                let max = content::info::max_scroll(self, area);
                if let Overlay::Info { scroll } = &mut self.overlay {
                    *scroll = (*scroll).min(max);
                }
            }
            _ => {}
        }
    }

    /// Scrolls the details so the chosen project idea is in view.
    pub fn show_project(&mut self) {
        let areas = layout::layout(self, self.area());
        let content = content::details::content(self, areas.details_width());
        let height = areas.list_rows(Pane::Details);
        if let Some(&(start, end)) = content.projects.get(self.project) {
            if start < self.offsets.details {
                self.offsets.details = start;
            } else if end > self.offsets.details + height {
                self.offsets.details = end.saturating_sub(height).min(start);
            }
        }
    }
}
