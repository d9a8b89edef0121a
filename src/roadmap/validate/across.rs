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

#[cfg(test)]
mod tests {
    use crate::roadmap::Roadmap;

    const TWO: &str = "id: r\ntitle: R\nsource: {}\nphases:\n  - id: p\n    title: P\n    skills:\n      - id: git\n        title: Git\n        aliases: [version-control, vcs]\n      - id: http\n        title: HTTP\n";

    fn messages(text: &str) -> Vec<String> {
        let err = Roadmap::from_yaml_str(text, "f.yaml").unwrap_err();
        err.problems().into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn aliases_load_in_file_order_and_find_the_renamed_skill() {
        let r = Roadmap::from_yaml_str(TWO, "f.yaml").unwrap();
        let git = &r.phases[0].skills[0];
        assert_eq!(
            git.old_ids().collect::<Vec<_>>(),
            ["version-control", "vcs"]
        );
        assert!(r.phases[0].skills[1].aliases.is_empty());
        assert_eq!(r.find_renamed_skill("vcs"), Some((0, 0)));
        assert_eq!(r.find_renamed_skill("git"), None);
    }

    #[test]
    fn an_alias_must_have_the_id_syntax() {
        assert_eq!(
            messages(&TWO.replace("vcs]", "Version Control]")),
            [
                "`Version Control` is not a valid id; an alias is a former id of this skill, so it uses lowercase letters, digits, `-` and `_`, starting with a letter or digit (try `version-control`)"
            ]
        );
    }

    #[test]
    fn an_alias_may_not_be_a_later_skill_id_nor_claimed_twice() {
        // The skill it collides with comes after it in the file.
        assert_eq!(
            messages(&TWO.replace("vcs]", "http]")),
            [
                "`http` is the id of phase 1 `p` › skill `http`; an alias is a former id whose progress moves to this skill, so it cannot be a current id: remove the alias or rename that skill"
            ]
        );
        let text = format!("{TWO}        aliases: [vcs]\n");
        assert_eq!(
            messages(&text),
            [
                "`vcs` is already an alias of phase 1 `p` › skill `git`; progress under a former id can move to one skill only, so keep the alias on one of them"
            ]
        );
    }

    #[test]
    fn aliases_are_reported_on_the_slow_path_too() {
        // An unknown field sends the file down the slow path; the alias
        // problem is still found, beside it.
        let text = TWO
            .replace("vcs]", "git]")
            .replace("title: HTTP", "title: HTTP\n        colour: red");
        let got = messages(&text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[0].starts_with("`git` is this skill's own id"),
            "{got:?}"
        );
        assert!(got[1].starts_with("unknown field `colour`"), "{got:?}");
    }
}
