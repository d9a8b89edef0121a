//! Records that live somewhere else than where a roadmap now looks for them.
//!
//! A skill that gains a shared `key` is looked up under the key; its progress
//! was recorded under `roadmap/skill`. Without a move the tick would look
//! lost. [`Progress::relocate`] folds the old record into the new place,
//! field by field (the key may already hold progress from another roadmap),
//! and points the history there too. It runs in memory whenever progress is
//! read or merged; the file changes only with the next save.
//!
//! Own estimates are the exception: they belong to one roadmap's skill
//! (`roadmap/skill`, see [`super::own_estimate`]), so a move leaves them
//! there, and an estimate an older build kept on a shared key moves to the
//! roadmap it was set in.

use super::history::{Edit, Target, normalize};
use super::{Progress, estimate_record_id, skill_record_id};
use crate::roadmap::Roadmap;

/// Progress recorded under `from` belongs to the record `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    /// The old record id.
    pub from: String,
    /// The record id the roadmaps look under now.
    pub to: String,
    /// Where the skill's own estimate lives: `roadmap/skill`, which stays
    /// put for a skill that gains a key.
    pub estimate_to: String,
    /// The roadmap whose skill the move is for.
    pub roadmap: String,
}

/// Every move the given roadmaps imply: for a skill with a key, its
/// `roadmap/skill` id moves to the key; for a skill renamed with `aliases`,
/// each old id moves to the skill's record.
pub fn moves_for<'a>(roadmaps: impl IntoIterator<Item = &'a Roadmap>) -> Vec<Move> {
    let roadmaps: Vec<&Roadmap> = roadmaps.into_iter().collect();
    let homes: std::collections::HashSet<String> = roadmaps
        .iter()
        .flat_map(|r| r.skills().map(|(_, s)| skill_record_id(&r.id, s)))
        .collect();
    let mut moves = Vec::new();
    for r in &roadmaps {
        for (_, skill) in r.skills() {
            let to = skill_record_id(&r.id, skill);
            let estimate_to = estimate_record_id(&r.id, skill);
            let mut from = Vec::new();
            if skill.key.is_some() {
                from.push(estimate_to.clone());
            }
            for old in skill.old_ids() {
                from.push(format!("{}/{old}", r.id));
            }
            for from in from {
                // Never empty a record another skill still lives in.
                if from != to && !homes.contains(&from) {
                    moves.push(Move {
                        from,
                        to: to.clone(),
                        estimate_to: estimate_to.clone(),
                        roadmap: r.id.clone(),
                    });
                }
            }
        }
    }
    moves
}

impl Progress {
    /// Folds records recorded under an old id into their new place, own
    /// estimates into their roadmap's skill. Returns how many records moved.
    pub fn relocate(&mut self, moves: &[Move]) -> usize {
        let mut count = 0;
        for m in moves {
            let Some(old) = self.skills.get(&m.from) else {
                continue;
            };
            let estimate_moves = old.estimate.is_set() && m.estimate_to != m.from;
            if !(old.status.is_set() || old.note.is_set() || estimate_moves) {
                continue;
            }
            let Some(mut old) = self.skills.remove(&m.from) else {
                continue;
            };
            let estimate = std::mem::take(&mut old.estimate);
            self.skills.entry(m.to.clone()).or_default().join(&old);
            if estimate.is_set() {
                let home = self.skills.entry(m.estimate_to.clone()).or_default();
                home.estimate.join(&estimate);
            }
            count += 1;
        }
        if count > 0 {
            for change in &mut self.history {
                if let Target::Skill(id) = &change.target
                    && let Some(m) = moves.iter().find(|m| &m.from == id)
                {
                    let to = if matches!(change.edit, Edit::Estimate(_)) {
                        &m.estimate_to
                    } else {
                        &m.to
                    };
                    change.target = Target::Skill(to.clone());
                }
            }
            normalize(&mut self.history);
        }
        self.migrate_key_estimates(moves);
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Status, now};
    use crate::roadmap::fixture::{keyed, one_phase, skill};

    #[test]
    fn a_skill_that_gains_a_key_keeps_its_tick() {
        let before = one_phase(None, vec![skill("docker", None)]);
        let mut p = Progress::default();
        p.set_status(&before.id, &before.phases[0].skills[0], Status::Done, now());
        p.set_note(
            &before.id,
            &before.phases[0].skills[0],
            Some("compose too".into()),
            now(),
        );
        let after = one_phase(None, vec![keyed("docker", "docker")]);
        let moves = moves_for([&after]);
        assert_eq!(p.relocate(&moves), 1);
        let s = &after.phases[0].skills[0];
        assert_eq!(p.status(&after.id, s), Status::Done);
        assert_eq!(
            p.skill_record(&after.id, s).unwrap().note(),
            Some("compose too")
        );
        assert!(p.history.iter().all(|c| c.skill() == Some("docker")));
        assert!(p.orphans([&after]).is_empty());
        assert_eq!(p.relocate(&moves), 0);
    }

    #[test]
    fn a_renamed_skill_keeps_its_progress_through_its_aliases() {
        let before = one_phase(None, vec![skill("rest", None)]);
        let mut p = Progress::default();
        p.set_status(&before.id, &before.phases[0].skills[0], Status::Done, now());
        let mut renamed = skill("rest-apis", None);
        renamed.aliases = vec!["rest".into()];
        let after = one_phase(None, vec![renamed]);
        assert_eq!(p.relocate(&moves_for([&after])), 1);
        assert_eq!(
            p.status(&after.id, &after.phases[0].skills[0]),
            Status::Done
        );
        assert!(p.orphans([&after]).is_empty());
    }
}
