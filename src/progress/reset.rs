//! A reset puts one roadmap back to the start, and nothing else: skills
//! another loaded roadmap shares (by key) keep their status and note unless
//! the learner asks for them too. Own estimates always belong to the one
//! roadmap (see [`super::own_estimate`]), so they are always cleared.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::{
    Progress, ProjectStatus, Status, estimate_record_id, project_record_id, skill_record_id,
};
use crate::roadmap::Roadmap;

/// What a reset changed, for the learner to read afterwards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleared {
    /// Ids of the skills whose status went back to todo.
    pub statuses: Vec<String>,
    /// How many notes were cleared.
    pub notes: usize,
    /// How many own estimates were cleared.
    pub estimates: usize,
    /// How many project ideas went back to `idea`.
    pub projects: usize,
    /// Ids of the shared skills left as they were (their key is in `keep`).
    pub kept: Vec<String>,
}

impl Progress {
    /// Puts the roadmap's skills and projects back to the start, clearing
    /// notes and own estimates, except the status and note of skills whose
    /// key is in `keep` (shared with another roadmap, and not asked for).
    /// Each field is set rather than removed, so the reset wins over older
    /// copies when files merge.
    pub fn reset(
        &mut self,
        roadmap: &Roadmap,
        keep: &HashSet<String>,
        at: DateTime<Utc>,
    ) -> Cleared {
        let mut cleared = Cleared::default();
        let id = roadmap.id.as_str();
        for (_, skill) in roadmap.skills() {
            if self
                .set_estimate_by_id(id, &estimate_record_id(id, skill), None, at)
                .is_some()
            {
                cleared.estimates += 1;
            }
            if skill.key.as_ref().is_some_and(|k| keep.contains(k)) {
                cleared.kept.push(skill.id.clone());
                continue;
            }
            let record = skill_record_id(id, skill);
            if self
                .set_status_by_id(id, &record, Status::Todo, at)
                .is_some()
            {
                cleared.statuses.push(skill.id.clone());
            }
            if self.set_note_by_id(id, &record, None, at).is_some() {
                cleared.notes += 1;
            }
        }
        for project in roadmap.phases.iter().flat_map(|p| &p.projects) {
            let record = project_record_id(id, project);
            if self
                .set_project_status_by_id(id, &record, ProjectStatus::Idea, at)
                .is_some()
            {
                cleared.projects += 1;
            }
        }
        self.legacy.cursors.remove(id);
        cleared
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::Weeks;
    use crate::progress::now;
    use crate::roadmap::fixture::{keyed, one_phase, skill};

    #[test]
    fn a_reset_keeps_the_shared_skills_it_is_told_to_keep() {
        let r = one_phase(None, vec![keyed("git", "git"), skill("http", None)]);
        let (git, http) = (&r.phases[0].skills[0], &r.phases[0].skills[1]);
        let mut p = Progress::default();
        p.set_status("r", git, Status::Done, now());
        p.set_note("r", git, Some("rebase".into()), now());
        p.set_estimate("r", git, Some(Weeks::exact(1.0)), now());
        p.set_status("r", http, Status::Doing, now());
        let keep: HashSet<String> = ["git".to_owned()].into();
        let cleared = p.reset(&r, &keep, now());
        assert_eq!(cleared.statuses, ["http"]);
        assert_eq!((cleared.notes, cleared.estimates), (0, 1));
        assert_eq!(cleared.kept, ["git"]);
        assert_eq!(p.status("r", git), Status::Done);
        assert_eq!(p.own_estimate("r", git), None);
        let cleared = p.reset(&r, &HashSet::new(), now());
        assert_eq!((cleared.statuses.len(), cleared.notes), (1, 1));
        assert_eq!(p.status("r", git), Status::Todo);
    }
}
