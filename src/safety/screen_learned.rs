//! The learned second signal's pass over a message: the alarm when no
//! phrase matched, and a second category beside a phrase match (see
//! `learned.rs` for the model itself).

use super::{Screener, Screening, Trigger};
use crate::safety::context::not_about_people;
use crate::safety::learned::{Hashed, LearnedModel, MIN_WORDS};
use crate::safety::rules::SafetyRules;

impl Screener {
    /// The learned model's alarm, when no phrase matched: on the whole
    /// message, then on each sentence (at a stricter threshold), so a crisis
    /// told after a paragraph of chatter is not diluted by it.
    /// `raw` are the message's sentences (`sentences::sentences`), `views` the same
    /// sentences as words, for the frame check.
    pub(super) fn learned(&self, raw: &[&str], views: &[Vec<&str>]) -> Option<Screening> {
        let (model, _) = self.model.as_ref()?;
        // Each sentence's words are hashed once and serve both passes.
        let parts: Vec<Hashed<'_>> = raw.iter().map(|s| Hashed::new(s)).collect();
        let per_sentence = model.threshold.max(SENTENCE_THRESHOLD);
        let category = self
            .sure_of(Hashed::joined(&parts), model.threshold)
            .or_else(|| {
                let long = |p: &Hashed<'_>| p.words() >= MIN_WORDS;
                if parts.iter().filter(|p| long(p)).count() < 2 {
                    return None;
                }
                parts
                    .into_iter()
                    .filter(|p| long(p))
                    .find_map(|p| self.sure_of(p, per_sentence))
            })?;
        // Stories, games and machines ([`not_about_people`]) stay quiet;
        // checked only for an alarm, as most messages raise none.
        if !views.is_empty() && views.iter().all(|v| not_about_people(v)) {
            return None;
        }
        Some(Screening {
            categories: vec![category],
            learned: true,
        })
    }

    /// The category the learned model is at least `threshold` sure of,
    /// when it names one.
    fn sure_of(&self, hashed: Hashed<'_>, threshold: f32) -> Option<usize> {
        let (model, map) = self.model.as_ref()?;
        let v = model.verdict_of(hashed)?;
        map[v.class].filter(|_| v.crisis >= threshold)
    }

    /// A message a phrase flagged may be a second emergency the phrases
    /// missed: "did it again tonight, my arm, and it's gaping" flagged as
    /// bleeding is self-harm too, and an overdose found unconscious needs the
    /// poison line as well. The category the learned model is sure of, when
    /// it is less urgent than the phrases' `lead` (never a new lead: what to
    /// do first stays with the phrases), so its lines join the block. Whole
    /// message, at the model's own threshold; this runs only on flagged
    /// messages.
    fn learned_also(&self, raw: &[&str], lead: usize) -> Option<usize> {
        let (model, _) = self.model.as_ref()?;
        let parts: Vec<Hashed<'_>> = raw.iter().map(|s| Hashed::new(s)).collect();
        self.sure_of(Hashed::joined(&parts), model.threshold)
            .filter(|&also| also > lead)
    }

    /// Screening's categories (most urgent first) with
    /// [`Screener::learned_also`]'s, in its place.
    pub(super) fn add_learned_also(&self, raw: &[&str], categories: &mut Vec<usize>) {
        if let Some(also) = categories
            .first()
            .and_then(|&lead| self.learned_also(raw, lead))
            && !categories.contains(&also)
        {
            categories.push(also);
            categories.sort_unstable();
        }
    }

    /// Phrase triggers for `ask --why` (in category order), with the
    /// category [`Screener::learned_also`] adds, as screening adds it.
    pub(super) fn with_learned_also(
        &self,
        raw: &[&str],
        mut hits: Vec<(usize, Trigger)>,
    ) -> Vec<(usize, Trigger)> {
        if let Some(also) = hits.first().and_then(|h| self.learned_also(raw, h.0))
            && !hits.iter().any(|h| h.0 == also)
        {
            hits.push((also, Trigger::Learned));
        }
        hits
    }
}

/// The learned model's threshold for one sentence of a longer message: a
/// short text scores more extreme probabilities, so it must be surer. With
/// the rules of 2026-12-01 morning, 0.98 caught 0.958 of the eleventh
/// held-out set where the whole message alone caught 0.932, for 2 more
/// alarms in 719 ordinary questions; 0.95 caught 0.964 but alarmed on 2.9 %
/// of them (docs/QUALITY.md).
const SENTENCE_THRESHOLD: f32 = 0.98;

/// For each model class, the category it names (`none` and unknown ids map
/// to nothing; the checker reports unknown ids).
pub(super) fn class_categories(model: &LearnedModel, rules: &SafetyRules) -> Vec<Option<usize>> {
    model
        .classes
        .iter()
        .map(|c| rules.categories.iter().position(|cat| &cat.id == c))
        .collect()
}
