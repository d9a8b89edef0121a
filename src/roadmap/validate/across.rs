//! Checks that need every skill of the roadmap first: a shared `key` given to
//! two skills, and `aliases` (former ids) that collide with a current id or
//! with each other. They run on the finished model, after the per-field checks.

use std::collections::HashMap;

use super::{At, Pending, is_valid_id, label, phase_label, suggest_id};
use crate::roadmap::Phase;

/// Pushes a problem for each collision among the skills of `phases`.
pub(super) fn check(phases: &[Phase], out: &mut Vec<Pending>) {
    keys(phases, out);
    aliases(phases, out);
}

/// The place of skill `si` of phase `pi`, named as the validator names it.
fn skill_at(phases: &[Phase], pi: usize, si: usize) -> At {
    let phase = &phases[pi];
    At::root()
        .item("phases", pi, &phase_label(pi, Some(&phase.id)))
        .item(
            "skills",
            si,
            &label("skill", si, Some(&phase.skills[si].id)),
        )
}

/// Progress is kept per key, so two skills with one key would tick together.
fn keys(phases: &[Phase], out: &mut Vec<Pending>) {
    let mut first: HashMap<&str, (usize, usize)> = HashMap::new();
    for (pi, phase) in phases.iter().enumerate() {
        for (si, skill) in phase.skills.iter().enumerate() {
            let Some(key) = skill.key.as_deref().filter(|k| is_valid_id(k)) else {
                continue;
            };
            if let Some(&(fp, fs)) = first.get(key) {
                let other = skill_at(phases, fp, fs).place;
                out.push(skill_at(phases, pi, si).key("key").problem(format!(
                    "key `{key}` is already used by {other}; two skills with one key share one tick (ticking one ticks both), so keep the key on one of them, or merge the two skills"
                )));
            } else {
                first.insert(key, (pi, si));
            }
        }
    }
}

/// An alias names where a skill's progress used to be kept, so it must be a
/// valid id, not any skill's current id, and claimed by one skill only.
fn aliases(phases: &[Phase], out: &mut Vec<Pending>) {
    // Most roadmaps have none: spare them the map of every skill id.
    if phases
        .iter()
        .flat_map(|p| &p.skills)
        .all(|s| s.aliases.is_empty())
    {
        return;
    }
    let mut ids: HashMap<&str, (usize, usize)> = HashMap::new();
    for (pi, phase) in phases.iter().enumerate() {
        for (si, skill) in phase.skills.iter().enumerate() {
            ids.entry(skill.id.as_str()).or_insert((pi, si));
        }
    }
    let mut claimed: HashMap<&str, (usize, usize)> = HashMap::new();
    for (pi, phase) in phases.iter().enumerate() {
        for (si, skill) in phase.skills.iter().enumerate() {
            for (ai, alias) in skill.old_ids().enumerate() {
                let at = || skill_at(phases, pi, si).key("aliases").index(ai);
                let message = if !is_valid_id(alias) {
                    format!(
                        "`{alias}` is not a valid id; an alias is a former id of this skill, so it uses lowercase letters, digits, `-` and `_`, starting with a letter or digit (try `{}`)",
                        suggest_id(alias)
                    )
                } else if alias == skill.id {
                    format!(
                        "`{alias}` is this skill's own id; list only the ids the skill had before it was renamed"
                    )
                } else if let Some(&(op, os)) = ids.get(alias) {
                    format!(
                        "`{alias}` is the id of {}; an alias is a former id whose progress moves to this skill, so it cannot be a current id: remove the alias or rename that skill",
                        skill_at(phases, op, os).place
                    )
                } else if let Some(&(cp, cs)) = claimed.get(alias) {
                    if (cp, cs) == (pi, si) {
                        format!("`{alias}` is listed twice in `aliases`; remove one")
                    } else {
                        format!(
                            "`{alias}` is already an alias of {}; progress under a former id can move to one skill only, so keep the alias on one of them",
                            skill_at(phases, cp, cs).place
                        )
                    }
                } else {
                    claimed.insert(alias, (pi, si));
                    continue;
                };
                out.push(at().problem(message));
            }
        }
    }
}
