//! The place in each roadmap (phase, skill, focused pane) and the roadmap
//! opened last: browsing state kept in [`Places`], which the event loop
//! writes to the state file. Browsing never touches the progress.

use super::{App, Offsets, Pane};
use crate::state::{Focus, Place, Places};

impl Pane {
    /// The pane's name in the state file.
    pub fn focus(self) -> Focus {
        match self {
            Pane::Phases => Focus::Phases,
            Pane::Skills => Focus::Skills,
            Pane::Details => Focus::Details,
        }
    }

    pub fn from_focus(focus: Focus) -> Self {
        match focus {
            Focus::Phases => Pane::Phases,
            Focus::Skills => Pane::Skills,
            Focus::Details => Pane::Details,
        }
    }
}

impl App {
    /// Opens a roadmap where the learner left it: phase, skill and pane.
    pub fn open_roadmap(&mut self, index: usize) {
        let Some(entry) = self.catalog.entries.get(index) else {
            return;
        };
        let roadmap = &entry.roadmap;
        let place = self.places.roadmaps.get(&roadmap.id);
        let phase = place
            .and_then(|c| c.phase.as_deref())
            .and_then(|id| roadmap.phases.iter().position(|p| p.id == id));
        let skill = place.and_then(|c| c.skill.as_deref()).and_then(|id| {
            phase.and_then(|pi| roadmap.phases[pi].skills.iter().position(|s| s.id == id))
        });
        self.focus = place
            .and_then(|p| p.focus)
            .map_or(Pane::Phases, Pane::from_focus);
        self.current = Some(index);
        self.phase = phase.unwrap_or(0);
        self.skill = skill.unwrap_or(0);
        self.project = 0;
        self.offsets = Offsets::default();
        self.refresh();
        self.follow();
    }

    /// Notes the place in the open roadmap, and that it is the one open, in
    /// [`App::places`] (memory only; the event loop writes the state file).
    /// Returns whether anything changed.
    pub fn remember_place(&mut self) -> bool {
        let Some(roadmap) = self.roadmap() else {
            return false;
        };
        let id = roadmap.id.clone();
        let place = Place {
            phase: self.current_phase().map(|p| p.id.clone()),
            skill: self.current_skill().map(|s| s.id.clone()),
            focus: Some(self.focus.focus()),
        };
        if self.places.roadmaps.get(&id) == Some(&place)
            && self.places.last_roadmap.as_ref() == Some(&id)
        {
            return false;
        }
        self.places.roadmaps.insert(id.clone(), place);
        self.places.last_roadmap = Some(id);
        true
    }

    /// Opens the roadmap opened last. When it is gone (its file removed or
    /// renamed), says so rather than greeting the learner as on a first run.
    pub fn open_last_roadmap(&mut self) {
        let Some(id) = self.places.last_roadmap.clone() else {
            return;
        };
        match self.catalog.position(&id) {
            Some(i) => self.open_roadmap(i),
            None => self.error(format!(
                "“{}”, the roadmap open last, is gone (its file was removed, renamed or broken); pick one",
                crate::text::clean(&id)
            )),
        }
    }

    /// The places to keep, as of now.
    pub fn places_now(&mut self) -> &Places {
        self.remember_place();
        &self.places
    }
}
