//! How each sentence of one message is read, with what the whole message
//! says (a question said to be real, something recent, an emergency told
//! as over, a scene set now) worked out once and only when a sentence
//! needs it: most sentences hold no candidate phrase and need none of it.
//! The screener and `ask --why` both read sentences through this, so the
//! explanation cannot drift from the screening.

use super::over::{message_is_over, told_as_over};
use super::real::{live_elsewhere, message_is_real, message_is_recent};
use super::scene::{runs_a_clock, sets_a_scene};
use super::{Frame, frame};

/// How one sentence is read in its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Possibly happening now: screened.
    Now,
    /// Framed in the past: screened only for categories where the past
    /// matters.
    Past,
    /// Framed as now only by default, in a message that says its
    /// emergency is over: screened as the past.
    Over,
    /// A general question, study or a story: not screened (pair halves
    /// still count).
    General,
    /// A general question that another sentence makes real or live now:
    /// screened.
    MadeLive,
}

/// The sentences of one message and what the message as a whole says.
pub struct MessageFrames<'v, 'a> {
    views: &'v [Vec<&'a str>],
    real: Option<bool>,
    recent: Option<bool>,
    over: Option<bool>,
    scenes: Option<Vec<bool>>,
    running: Option<bool>,
}

impl<'v, 'a> MessageFrames<'v, 'a> {
    /// `views`: the message's sentences as words.
    pub fn new(views: &'v [Vec<&'a str>]) -> Self {
        MessageFrames {
            views,
            real: None,
            recent: None,
            over: None,
            scenes: None,
            running: None,
        }
    }

    /// Does some sentence say the question is real and happening now
    /// ([`message_is_real`]), or keep a clock running on it
    /// ([`MessageFrames::running`]: as strong as saying so)?
    pub fn real(&mut self) -> bool {
        if let Some(real) = self.real {
            return real;
        }
        let real = self.running() || message_is_real(self.views);
        self.real = Some(real);
        real
    }

    /// Does some sentence keep a clock running on the emergency or have a
    /// call handler on the line ([`runs_a_clock`])? Then words that only
    /// name the emergency ("cpr", "heimlich") count.
    pub fn running(&mut self) -> bool {
        let views = self.views;
        *self
            .running
            .get_or_insert_with(|| views.iter().any(|s| runs_a_clock(s)))
    }

    /// How sentence `i` is read.
    pub fn read(&mut self, i: usize) -> Reading {
        let views = self.views;
        let s = &views[i];
        match frame(s) {
            Frame::General => {
                let now = self.real() || self.recent();
                if live_elsewhere(views, i, now) || self.scene_elsewhere(i) {
                    Reading::MadeLive
                } else {
                    Reading::General
                }
            }
            Frame::Past => Reading::Past,
            Frame::Now if !self.real() && told_as_over(s, || self.over()) => Reading::Over,
            Frame::Now => Reading::Now,
        }
    }

    fn recent(&mut self) -> bool {
        let views = self.views;
        *self.recent.get_or_insert_with(|| message_is_recent(views))
    }

    fn over(&mut self) -> bool {
        let views = self.views;
        *self.over.get_or_insert_with(|| message_is_over(views))
    }

    /// Does some sentence other than `i` set a scene happening now
    /// ([`sets_a_scene`])? Each sentence is judged once per message.
    fn scene_elsewhere(&mut self, i: usize) -> bool {
        let views = self.views;
        let scenes = self
            .scenes
            .get_or_insert_with(|| views.iter().map(|s| sets_a_scene(s)).collect());
        scenes.iter().enumerate().any(|(j, &set)| j != i && set)
    }
}
