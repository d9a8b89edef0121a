//! A phase and the project ideas in it. A project's skill references are
//! collected here and checked once every skill of the roadmap is known.

use std::collections::HashMap;

use super::super::raw::{RawPhase, RawProject, RawSkill};
use super::super::{Phase, Project, Skill};
use super::{At, Validator, field_str, label};

impl Validator<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn phase(
        &mut self,
        at: &At,
        rp: RawPhase,
        phase_ids: &mut HashMap<String, usize>,
        pi: usize,
        skill_ids: &mut HashMap<String, (usize, usize)>,
        project_ids: &mut HashMap<String, String>,
        refs: &mut Vec<(At, Vec<String>)>,
    ) -> Phase {
        let id = self.id(at, &rp.id, "phase", "basics");
        if self.checks
            && !id.is_empty()
            && let Some(first) = phase_ids.insert(id.clone(), pi)
        {
            self.push(at.key("id").problem(format!(
                "phase id `{id}` is already used by phase {}; give each phase its own id",
                first + 1
            )));
        }
        let title = self.title(at, "title", rp.title, "phase");
        let estimate = self.estimate(at, rp.estimate);
        let raw_skills = self.list(
            at,
            "skills",
            rp.skills,
            "add `skills:` with at least one skill (each with `id` and `title`)",
            "a phase needs at least one skill (with `id` and `title`)",
        );
        let skills = self.skills(at, raw_skills, pi, skill_ids);
        let projects = rp
            .projects
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(ji, rj)| {
                let jat = at.item(
                    "projects",
                    ji,
                    &label("project", ji, field_str(rj.id.as_ref())),
                );
                self.project(&jat, rj, project_ids, refs)
            })
            .collect();
        Phase {
            id,
            title,
            summary: self.prose(|| at.key("summary"), rp.summary),
            estimate,
            skills,
            projects,
        }
    }

    /// The skills of phase `pi`, each with a lazy place (see `Where`);
    /// `skill_ids` gathers every skill id of the roadmap so far.
    fn skills(
        &mut self,
        at: &At,
        raw_skills: Vec<RawSkill>,
        pi: usize,
        skill_ids: &mut HashMap<String, (usize, usize)>,
    ) -> Vec<Skill> {
        raw_skills
            .into_iter()
            .enumerate()
            .map(|(si, mut rs)| {
                let raw_id = rs.id.take();
                let sat = || {
                    at.item(
                        "skills",
                        si,
                        &label("skill", si, field_str(raw_id.as_ref())),
                    )
                };
                self.skill(&sat, &raw_id, rs, (pi, si), skill_ids)
            })
            .collect()
    }

    fn project(
        &mut self,
        at: &At,
        rj: RawProject,
        ids: &mut HashMap<String, String>,
        refs: &mut Vec<(At, Vec<String>)>,
    ) -> Project {
        let id = self.id(at, &rj.id, "project", "blog-api");
        if self.checks
            && !id.is_empty()
            && let Some(first) = ids.insert(id.clone(), at.place.clone())
        {
            self.push(at.key("id").problem(format!(
                "project id `{id}` is already used by {first}; give each project idea its own id"
            )));
        }
        let title = self.title(at, "title", rj.title, "project");
        let mut skills: Vec<String> = rj
            .skills
            .unwrap_or_default()
            .into_iter()
            .map(String::from)
            .collect();
        for (i, s) in skills.iter_mut().enumerate() {
            if !self.line_ok(|| at.key("skills").index(i), s) {
                // Reported here; the empty reference is not looked up again.
                s.clear();
            }
        }
        if self.checks {
            refs.push((at.clone(), skills.clone()));
        }
        Project {
            id,
            title,
            description: self.prose(|| at.key("description"), rj.description),
            skills,
        }
    }
}
