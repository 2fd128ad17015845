//! Why a message did NOT alarm: each sentence's frame and the phrases that
//! matched there but were held back. For clinicians tuning `safety.toml`
//! (`signpost ask --why`); it names sentences by number and phrases by
//! their text, never the message's words, and is never on the Discord path.

use super::compiled::Tokens;
use super::context::{
    Frame, frame, live_elsewhere, message_is_over, message_is_real, message_is_recent,
    scene_elsewhere, told_as_over,
};
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
        let real = message_is_real(&views);
        let recent = message_is_recent(&views);
        let over = message_is_over(&views);
        let mut tokens = Tokens::default();
        views
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let frame = match frame(s) {
                    Frame::General
                        if live_elsewhere(&views, i, real || recent)
                            || scene_elsewhere(&views, i) =>
                    {
                        "general, made live by another sentence"
                    }
                    Frame::General => "general",
                    Frame::Past => "past",
                    Frame::Now if !real && told_as_over(s, || over) => "past (told as over)",
                    Frame::Now => "now",
                };
                SentenceTrace {
                    frame,
                    matched: self.matched_in(s, &mut tokens),
                }
            })
            .collect()
    }
}
