//! Why a message did NOT alarm: each sentence's frame and the phrases that
//! matched there but were held back. For clinicians tuning `safety.toml`
//! (`signpost ask --why`); it names sentences by number and phrases by
//! their text, never the message's words, and is never on the Discord path.

use super::compiled::Tokens;
use super::context::{MessageFrames, Reading};
use super::screen::{Screener, Trigger};
use super::sentences::{sentence_views, sentences, split_sentences};
use crate::text;

/// One sentence as the screener read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceTrace {
    /// "now", "past", "past (told as over)", "general" or "general, made
    /// live by another sentence".
    pub frame: &'static str,
    /// Phrases whose words matched here, by category, whether they fired
    /// or were held back.
    pub matched: Vec<(usize, Trigger)>,
}

impl Screener {
    /// Each sentence's frame and the phrases that matched in it
    /// (before `unless`, framing and neighbour checks).
    pub fn trace(&self, message: &str) -> Vec<SentenceTrace> {
        let cleaned = text::clean(message);
        let raw: Vec<&str> = sentences(&cleaned).collect();
        let all = split_sentences(&raw);
        let views = sentence_views(&all);
        let mut frames = MessageFrames::new(&views);
        let mut tokens = Tokens::default();
        (0..views.len())
            .map(|i| {
                let frame = match frames.read(i) {
                    Reading::Now => "now",
                    Reading::Past => "past",
                    Reading::Over => "past (told as over)",
                    Reading::General => "general",
                    Reading::MadeLive => "general, made live by another sentence",
                };
                SentenceTrace {
                    frame,
                    matched: self.matched_in(&views[i], &mut tokens),
                }
            })
            .collect()
    }
}
