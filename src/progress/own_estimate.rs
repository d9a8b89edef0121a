//! Own estimates belong to one roadmap's skill.
//!
//! A skill's status and note live under its shared key, so every roadmap
//! that uses the key sees the same tick. Its own estimate does not: "REST API
//! design" may be a 0.7-week share of a phase in one roadmap and a whole
//! stage in another, so an estimate set in one must not show in the other.
//! It lives in the `estimate` field of the record `roadmap/skill`, which for
//! a skill with a key holds nothing else. The field stays a last-writer-wins
//! register ordered by the hybrid logical clock, so it merges like the rest.
//!
//! Files written before this kept the estimate on the shared key's record.
//! [`Progress::migrate_key_estimates`] moves such an estimate to the roadmap
//! the history says it was set in (the history entry of the change that set
//! it, matched by stamp and value, else the latest estimate change of that
//! record; two such changes with one stamp and one value, from two copies,
//! give it to both their roadmaps). When the history names no roadmap at all, the only loaded
//! roadmap that uses the key takes it. Otherwise (the roadmap named is not
//! loaded, or several could claim it) it stays on the key, counted nowhere
//! and never deleted, until the roadmap it belongs to loads.

use chrono::{DateTime, Utc};

use super::history::{Change, Edit, Target, normalize};
use super::record::Register;
use super::relocate::Move;
use super::{Progress, SkillRecord};
use crate::estimate::Weeks;
use crate::roadmap::Skill;

/// The id a skill's own estimate is stored under: always `roadmap/skill`,
/// also for a skill with a shared key.
pub fn estimate_record_id(roadmap_id: &str, skill: &Skill) -> String {
    format!("{roadmap_id}/{}", skill.id)
}

impl Progress {
    /// The learner's own estimate (weeks) for the skill in this roadmap.
    pub fn own_estimate(&self, roadmap_id: &str, skill: &Skill) -> Option<Weeks> {
        self.skills
            .get(&estimate_record_id(roadmap_id, skill))
            .and_then(SkillRecord::estimate)
    }

    /// Sets (or with `None`, clears) the own estimate of skill `skill_id` in
    /// roadmap `roadmap_id`. Returns the history entry, or `None` when it
    /// already had that value.
    pub fn set_own_estimate(
        &mut self,
        roadmap_id: &str,
        skill_id: &str,
        estimate: Option<Weeks>,
        at: DateTime<Utc>,
    ) -> Option<Change> {
        let id = format!("{roadmap_id}/{skill_id}");
        self.set_estimate_by_id(roadmap_id, &id, estimate, at)
    }

    /// Moves own estimates kept on a shared key's record (by builds before
    /// estimates were per roadmap) to the roadmap they were set in; see the
    /// module doc for the rule. A move keeps the register's stamp, so copies
    /// that migrate on their own agree, and merging an unmigrated copy in
    /// again changes nothing. Returns how many estimates moved.
    pub(super) fn migrate_key_estimates(&mut self, moves: &[Move]) -> usize {
        let keyed: Vec<&Move> = moves.iter().filter(|m| m.to != m.estimate_to).collect();
        let mut count = 0;
        let mut retarget = false;
        for m in &keyed {
            // History entries of estimates set on the key in this roadmap
            // belong to this roadmap's skill.
            for change in &mut self.history {
                if change.skill() == Some(m.to.as_str())
                    && matches!(change.edit, Edit::Estimate(_))
                    && change.roadmap.as_deref() == Some(m.roadmap.as_str())
                {
                    change.target = Target::Skill(m.estimate_to.clone());
                    retarget = true;
                }
            }
        }
        let keys: std::collections::BTreeSet<&str> = keyed.iter().map(|m| m.to.as_str()).collect();
        for key in keys {
            let Some(register) = self
                .skills
                .get(key)
                .map(|r| r.estimate.clone())
                .filter(Register::is_set)
            else {
                continue;
            };
            let homes = self.claimants(key, &register, &keyed);
            if homes.is_empty() {
                continue;
            }
            for home in homes {
                self.skills
                    .entry(home)
                    .or_default()
                    .estimate
                    .join(&register);
            }
            if let Some(record) = self.skills.get_mut(key) {
                record.estimate = Register::default();
                if !(record.status.is_set() || record.note.is_set()) {
                    self.skills.remove(key);
                }
            }
            count += 1;
        }
        if retarget {
            normalize(&mut self.history);
        }
        count
    }

    /// The `roadmap/skill`s that the key's estimate `register` belongs to:
    /// one, but for two copies that set the same value with the same stamp
    /// in two roadmaps (hybrid logical clocks of two machines can agree),
    /// where both roadmaps get it, so the migration does not depend on which
    /// copy was merged first.
    fn claimants(
        &self,
        key: &str,
        register: &Register<Option<Weeks>>,
        keyed: &[&Move],
    ) -> Vec<String> {
        // The key's estimate changes, also those already pointed at a
        // roadmap's skill.
        let set_in = |c: &&Change| {
            matches!(c.edit, Edit::Estimate(_))
                && (c.skill() == Some(key)
                    || keyed
                        .iter()
                        .any(|m| m.to == key && c.skill() == Some(m.estimate_to.as_str())))
        };
        let entries: Vec<&Change> = self.history.iter().filter(set_in).collect();
        // The changes that set it: its stamp and its value.
        let setting: Vec<&&Change> = entries
            .iter()
            .filter(|c| c.at == register.at && c.edit == Edit::Estimate(register.value))
            .collect();
        let roadmaps: Vec<Option<String>> = if setting.is_empty() {
            entries
                .last()
                .map(|c| c.roadmap.clone())
                .into_iter()
                .collect()
        } else {
            setting.iter().map(|c| c.roadmap.clone()).collect()
        };
        let users: Vec<&&Move> = keyed.iter().filter(|m| m.to == key).collect();
        let mut homes: Vec<String> = Vec::new();
        for roadmap in roadmaps {
            let home = match (roadmap, users.first()) {
                (Some(r), _) => users.iter().find(|m| m.roadmap == r),
                (None, Some(first)) if users.iter().all(|m| m.roadmap == first.roadmap) => {
                    users.first()
                }
                (None, _) => None,
            };
            if let Some(m) = home
                && !homes.contains(&m.estimate_to)
            {
                homes.push(m.estimate_to.clone());
            }
        }
        homes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{moves_for, now};
    use crate::roadmap::fixture::{keyed, one_phase};
    use crate::roadmap::{Roadmap, Skill};

    fn roadmap(id: &str, skill: Skill) -> Roadmap {
        Roadmap {
            id: id.into(),
            ..one_phase(None, vec![skill])
        }
    }

    #[test]
    fn an_estimate_set_in_one_roadmap_stays_out_of_the_other() {
        let a = roadmap("a", keyed("rest-api-design", "rest-api"));
        let b = roadmap("b", keyed("rest", "rest-api"));
        let mut p = Progress::default();
        p.set_estimate(
            "a",
            &a.phases[0].skills[0],
            Some(Weeks::range(2.0, 3.0)),
            now(),
        );
        assert_eq!(
            p.own_estimate("a", &a.phases[0].skills[0]),
            Some(Weeks::range(2.0, 3.0))
        );
        assert_eq!(p.own_estimate("b", &b.phases[0].skills[0]), None);
        assert!(p.skills.contains_key("a/rest-api-design"));
        assert!(p.orphans([&a, &b]).is_empty());
        // Moving records to their homes leaves the estimate where it is.
        assert_eq!(p.relocate(&moves_for([&a, &b])), 0);
        assert!(p.skills.contains_key("a/rest-api-design"));
    }

    /// An estimate an older build kept on the key, set (per the history)
    /// in `a`: after the migration it counts in `a` only.
    fn legacy(in_roadmap: Option<&str>) -> Progress {
        let mut p = Progress::default();
        p.set_estimate_by_id(
            in_roadmap.unwrap_or("any"),
            "rest-api",
            Some(Weeks::exact(3.0)),
            now(),
        );
        p.history[0].roadmap = in_roadmap.map(str::to_owned);
        p
    }

    #[test]
    fn a_key_estimate_moves_to_the_roadmap_the_history_names() {
        let a = roadmap("a", keyed("rest-api-design", "rest-api"));
        let b = roadmap("b", keyed("rest", "rest-api"));
        // The same unmigrated copy, kept to merge in again below (two calls
        // of `legacy` would stamp two different changes).
        let old = legacy(Some("b"));
        let mut p = old.clone();
        p.set_status(
            "a",
            &a.phases[0].skills[0],
            crate::progress::Status::Done,
            now(),
        );
        p.relocate(&moves_for([&a, &b]));
        assert_eq!(p.own_estimate("a", &a.phases[0].skills[0]), None);
        assert_eq!(
            p.own_estimate("b", &b.phases[0].skills[0]),
            Some(Weeks::exact(3.0))
        );
        assert!(p.skills["rest-api"].estimate().is_none());
        assert_eq!(p.history[0].skill(), Some("b/rest"));
        // Once is enough: an unmigrated copy merged in changes nothing.
        let again = crate::progress::merge(&p, &old);
        let mut again = again;
        again.relocate(&moves_for([&a, &b]));
        assert_eq!(again.skills, p.skills);
    }

    #[test]
    fn without_a_roadmap_in_the_history_only_a_lone_user_claims_it() {
        let a = roadmap("a", keyed("rest-api-design", "rest-api"));
        let b = roadmap("b", keyed("rest", "rest-api"));
        let mut p = legacy(None);
        p.relocate(&moves_for([&a, &b]));
        assert_eq!(p.skills["rest-api"].estimate(), Some(Weeks::exact(3.0)));
        assert_eq!(p.own_estimate("a", &a.phases[0].skills[0]), None);
        p.relocate(&moves_for([&a]));
        assert_eq!(
            p.own_estimate("a", &a.phases[0].skills[0]),
            Some(Weeks::exact(3.0))
        );
        assert!(!p.skills.contains_key("rest-api"));
    }

    #[test]
    fn a_key_estimate_set_in_a_roadmap_not_loaded_waits_for_it() {
        let a = roadmap("a", keyed("rest-api-design", "rest-api"));
        let mut p = legacy(Some("gone"));
        p.relocate(&moves_for([&a]));
        assert_eq!(p.own_estimate("a", &a.phases[0].skills[0]), None);
        assert_eq!(p.skills["rest-api"].estimate(), Some(Weeks::exact(3.0)));
    }
}
