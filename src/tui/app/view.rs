//! The cache of numbers a frame shows: [`View`], recomputed in full when a
//! roadmap opens or a save merges, and per record after one change, so a
//! frame never sums a roadmap.

use std::collections::HashMap;

use super::App;
use crate::estimate::Weeks;
use crate::forecast::{self, Forecast, Index, RoadmapSummary, Summary};
use crate::progress::skill_record_id;

/// Numbers for the open roadmap, recomputed when progress changes rather
/// than on every frame: a frame reads them, it never sums a roadmap.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// The catalog index these numbers are for.
    pub roadmap: Option<usize>,
    pub summary: RoadmapSummary,
    /// Each skill's time (see [`forecast::skill_times`]), per phase.
    pub times: Vec<Vec<Option<Weeks>>>,
    pub forecast: Forecast,
    /// Study time logged, the measured weekly hours and the finish date at them.
    pub measured: forecast::measured::Measured,
    /// The phases each progress record appears in, so that a change to one
    /// skill recomputes only its phases.
    pub records: HashMap<String, Vec<usize>>,
}

impl App {
    /// Recomputes the cached numbers of the open roadmap, and of the
    /// switcher when it is open: when it opens, and after a save (which may
    /// merge in another trailmark's changes) or a read of another's.
    pub fn refresh(&mut self) {
        self.refresh_switcher();
        let Some(i) = self.current else {
            self.view = View::default();
            return;
        };
        let roadmap = &self.catalog.entries[i].roadmap;
        let progress = self.store.progress();
        let index = Index::new(roadmap, progress);
        let summary = forecast::summarize_timed(roadmap, progress, &index.times);
        let forecast = forecast::forecast(roadmap, progress, &index, &summary, self.today);
        let measured = forecast::measured::measured(
            roadmap,
            progress,
            summary.overall.remaining.weeks,
            self.today,
        );
        let times = index.times;
        let records = if self.view.roadmap == Some(i) {
            std::mem::take(&mut self.view.records)
        } else {
            let mut records: HashMap<String, Vec<usize>> = HashMap::new();
            for (pi, skill) in roadmap.skills() {
                let phases = records
                    .entry(skill_record_id(&roadmap.id, skill))
                    .or_default();
                if phases.last() != Some(&pi) {
                    phases.push(pi);
                }
            }
            records
        };
        self.view = View {
            roadmap: Some(i),
            summary,
            times,
            forecast,
            measured,
            records,
        };
        self.refresh_plan();
    }

    /// Recomputes only what one changed record affects: its phases, the
    /// totals, and the finish dates at the last measured rate. Keeps a key
    /// press cheap at any roadmap size; the rate itself is measured again by
    /// the [`refresh`](Self::refresh) after the save.
    /// `times_changed` is for personal estimates: a status change leaves
    /// every skill's time as it was.
    pub fn refresh_record(&mut self, record: &str, times_changed: bool) {
        let Some(i) = self.current else {
            return;
        };
        if self.view.roadmap != Some(i) {
            self.refresh();
            return;
        }
        let roadmap = &self.catalog.entries[i].roadmap;
        let progress = self.store.progress();
        let Some(phases) = self.view.records.get(record) else {
            return;
        };
        for &pi in phases {
            let phase = &roadmap.phases[pi];
            self.view.summary.phases[pi] = forecast::summarize_phase(&roadmap.id, phase, progress);
            if times_changed {
                self.view.times[pi] = forecast::skill_times(&roadmap.id, phase, progress);
            }
        }
        self.view.summary.overall = Summary::total_of(&self.view.summary.phases);
        let remaining = self.view.summary.overall.remaining.weeks;
        let f = &mut self.view.forecast;
        f.by_pace = forecast::finish_by_pace(
            remaining,
            roadmap.pace_hours_per_week,
            f.pace.map(|p| p.hours_per_week),
            self.today,
        );
        f.by_history = forecast::finish_by_history(remaining, f.rate, self.today);
        let m = &mut self.view.measured;
        m.finish = forecast::measured::finish_at_measured_pace(
            remaining,
            roadmap.pace_hours_per_week,
            m.hours_per_week,
            self.today,
        );
    }
}
