//! The order a learner chooses roadmaps by: their own first, then the
//! bundled ones from the most complete. Kept apart from loading, because
//! ordering is a judgement about content, not about where files are.

use super::{Catalog, Entry, Origin};
use crate::roadmap::Roadmap;

impl Catalog {
    /// Entry indices in the order a learner chooses by: the learner's own
    /// roadmaps first (in load order), then the bundled ones from the most
    /// complete to the least. Complete means: a stated pace and a time for
    /// every phase (so a finish date can be given), then the share of
    /// skills with an estimate, then more phases; ties by title.
    pub fn display_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_by(|&a, &b| {
            let (ea, eb) = (&self.entries[a], &self.entries[b]);
            let bundled = |e: &Entry| e.origin == Origin::Bundled;
            bundled(ea).cmp(&bundled(eb)).then_with(|| {
                if bundled(ea) {
                    completeness(&eb.roadmap)
                        .partial_cmp(&completeness(&ea.roadmap))
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then_with(|| ea.roadmap.title.cmp(&eb.roadmap.title))
                } else {
                    a.cmp(&b)
                }
            })
        });
        order
    }
}

/// How much of what a learner plans by a roadmap states, for ordering:
/// (a pace and a time for every phase, share of estimated skills, phases).
fn completeness(r: &Roadmap) -> (bool, f64, usize) {
    let timed = r.phases.iter().all(|p| p.total().unestimated == 0);
    let skills = r.skill_count();
    let estimated = r
        .phases
        .iter()
        .map(|p| {
            if p.estimate.is_some() {
                p.skills.len()
            } else {
                p.skills.iter().filter(|s| s.estimate.is_some()).count()
            }
        })
        .sum::<usize>();
    let share = if skills == 0 {
        0.0
    } else {
        estimated as f64 / skills as f64
    };
    (
        timed && r.pace_hours_per_week.is_some(),
        share,
        r.phases.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Sources;

    #[test]
    fn display_order_starts_with_the_most_complete_bundled_roadmap() {
        let catalog = Catalog::load(&Sources::bundled_only());
        let order = catalog.display_order();
        assert_eq!(order.len(), catalog.entries.len());
        let first = &catalog.entries[order[0]].roadmap;
        assert_eq!(first.id, "backend-six-phases");
        let last = &catalog.entries[order[order.len() - 1]].roadmap;
        assert!(completeness(first) > completeness(last));
    }
}
