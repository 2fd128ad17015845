//! `signpost ask --why`: why a message alarmed or stayed quiet, for
//! clinicians tuning `safety.toml`. Names phrases and sentence numbers,
//! never the message's words; never on the Discord path.

use super::Engine;
use crate::safety::Trigger;
use crate::text;

impl Engine {
    /// Why a message would alarm: one line per matched category naming the
    /// phrase (or the learned model) that fired. For clinicians tuning
    /// `safety.toml` from the CLI; never called on the Discord path.
    pub fn explain_safety(&self, question: &str) -> Vec<String> {
        let cats = &self.catalog.safety.categories;
        let lower = text::clean(question);
        if self.screen(&lower, None).is_none() {
            // Quiet after all: a learned guess gave way to a reading.
            return Vec::new();
        }
        let readings = self
            .readings
            .hits(&lower, None)
            .into_iter()
            .map(|(ci, rule)| {
                let id = self.readings.rule_id(rule);
                format!("{}: reading rule \"{id}\"", cats[ci].id)
            });
        self.screener
            .explain(question)
            .into_iter()
            .map(|fired| self.name_trigger(fired))
            .chain(readings)
            .collect()
    }

    /// Why a message raised no alarm: one line per sentence with its frame
    /// (now, past, a general question) and the phrases that matched there
    /// but were held back. For clinicians, like [`Engine::explain_safety`].
    pub fn explain_quiet(&self, question: &str) -> Vec<String> {
        let traces = self.screener.trace(question).into_iter().enumerate();
        // A learned guess the readings dropped (`Readings::add_to`).
        let lower = text::clean(question);
        let gave_way = self
            .screener
            .screen_cleaned(&lower)
            .filter(|s| s.learned)
            .filter(|s| {
                self.readings
                    .add_to(Some(s.clone()), &lower, None)
                    .is_none()
            })
            .map(|s| {
                let id = &self.catalog.safety.categories[s.lead()].id;
                format!("{id}: learned model, given way to a reading judged safe")
            });
        traces
            .map(|(i, t)| {
                let held: Vec<String> = t
                    .matched
                    .into_iter()
                    .map(|m| self.name_trigger(m))
                    .collect();
                let held = if held.is_empty() {
                    String::new()
                } else {
                    format!(", held back: {}", held.join(", "))
                };
                format!("sentence {} {}{held}", i + 1, t.frame)
            })
            .chain(gave_way)
            .collect()
    }

    /// "stroke: phrase \"face .. drooping\"": a trigger as a clinician
    /// finds it in `safety.toml`.
    fn name_trigger(&self, (ci, trigger): (usize, Trigger)) -> String {
        let cat = &self.catalog.safety.categories[ci];
        match trigger {
            Trigger::Pair(k) => format!("{}: pair \"{}\"", cat.id, cat.together[k]),
            Trigger::Topic(t) => format!("{}: topic \"{}\"", cat.id, cat.topics[t]),
            Trigger::Phrase(pi) => format!("{}: phrase \"{}\"", cat.id, cat.phrases[pi]),
            Trigger::Learned => format!("{}: learned model", cat.id),
        }
    }
}
