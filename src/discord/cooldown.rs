//! Per-user and per-channel cooldowns, and duplicate-answer suppression.
//!
//! Pure bookkeeping over `Instant`s handed in by the caller, so it is tested
//! without sleeping. Keys are ids and a hash of the answer's resource ids,
//! never text.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::reply::Reply;

/// Maps are pruned of expired entries once they grow past this.
const PRUNE_AT: usize = 10_000;

/// Entries younger than this are never pruned: the longest cooldown a
/// server can set (`/signpost cooldown` takes 0 to 3600 s). Pruning by the
/// caller's own cooldown would wipe other servers' longer ones.
const KEEP_AT_LEAST: Duration = Duration::from_secs(3600);

/// Where an earlier identical answer was posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Earlier {
    pub guild: u64,
    pub channel: u64,
    pub message: u64,
}

impl Earlier {
    pub fn jump_url(&self) -> String {
        format!(
            "https://discord.com/channels/{}/{}/{}",
            self.guild, self.channel, self.message
        )
    }
}

/// A repeat emergency from the same person in the same channel within this
/// window gets a short pointer to the first block; moderators get at most
/// one crisis note per person per window.
pub const EMERGENCY_WINDOW: Duration = Duration::from_secs(600);

#[derive(Debug, Default)]
struct State {
    users: HashMap<u64, Instant>,
    channels: HashMap<u64, Instant>,
    auto: HashMap<u64, Instant>,
    answers: HashMap<(u64, u64), (Instant, Earlier)>,
    /// (user, channel) → when and where a public emergency block was posted.
    emergencies: HashMap<(u64, u64), (Instant, Earlier)>,
    /// (guild, user) → when moderators were last sent a crisis note.
    notes: HashMap<(u64, u64), Instant>,
}

/// All cooldown state of the bot.
#[derive(Debug, Default)]
pub struct Limiter {
    state: Mutex<State>,
}

/// How much longer a cooldown lasts, if it is running. A zero cooldown is
/// off (concurrent answers may read `now` in either order).
fn remaining(
    map: &HashMap<u64, Instant>,
    key: u64,
    now: Instant,
    cd: Duration,
) -> Option<Duration> {
    if cd.is_zero() {
        return None;
    }
    let until = *map.get(&key)? + cd;
    (until > now).then(|| until - now)
}

/// Drop entries older than every cooldown that may still apply to them.
fn prune<K: Eq + Hash>(map: &mut HashMap<K, Instant>, now: Instant, cd: Duration) {
    if map.len() > PRUNE_AT {
        let keep = cd.max(KEEP_AT_LEAST);
        map.retain(|_, t| now.duration_since(*t) < keep);
    }
}

impl Limiter {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Start the user's cooldown, or say how long is left of it.
    pub fn user(&self, user: u64, now: Instant, cd: Duration) -> Result<(), Duration> {
        let mut s = self.lock();
        if let Some(left) = remaining(&s.users, user, now, cd) {
            return Err(left);
        }
        prune(&mut s.users, now, cd);
        s.users.insert(user, now);
        Ok(())
    }

    /// How long this person must still wait, without starting anything:
    /// the cheap check made before the engine runs.
    pub fn user_left(&self, user: u64, now: Instant, cd: Duration) -> Option<Duration> {
        remaining(&self.lock().users, user, now, cd)
    }

    /// How long auto mode must still wait in this channel (no change).
    pub fn auto_left(&self, channel: u64, now: Instant, cd: Duration) -> Option<Duration> {
        remaining(&self.lock().auto, channel, now, cd)
    }

    /// Start the channel's cooldown for public answers, or say how long is left.
    pub fn channel(&self, channel: u64, now: Instant, cd: Duration) -> Result<(), Duration> {
        let mut s = self.lock();
        if let Some(left) = remaining(&s.channels, channel, now, cd) {
            return Err(left);
        }
        prune(&mut s.channels, now, cd);
        s.channels.insert(channel, now);
        Ok(())
    }

    /// Auto mode: at most one answer per channel or thread per `cd`.
    pub fn auto(&self, channel: u64, now: Instant, cd: Duration) -> bool {
        let mut s = self.lock();
        if remaining(&s.auto, channel, now, cd).is_some() {
            return false;
        }
        prune(&mut s.auto, now, cd);
        s.auto.insert(channel, now);
        true
    }

    /// The earlier post of the same answer in this channel, if recent.
    pub fn duplicate(
        &self,
        channel: u64,
        key: u64,
        now: Instant,
        window: Duration,
    ) -> Option<Earlier> {
        let s = self.lock();
        let (at, earlier) = s.answers.get(&(channel, key))?;
        (now.duration_since(*at) < window).then_some(*earlier)
    }

    /// The public emergency block this person was shown in this channel
    /// within [`EMERGENCY_WINDOW`], if any.
    pub fn earlier_emergency(&self, user: u64, channel: u64, now: Instant) -> Option<Earlier> {
        let s = self.lock();
        let (at, earlier) = s.emergencies.get(&(user, channel))?;
        (now.duration_since(*at) < EMERGENCY_WINDOW).then_some(*earlier)
    }

    /// Remember a public emergency block.
    pub fn emergency_posted(&self, user: u64, at: Earlier, now: Instant) {
        let mut s = self.lock();
        if s.emergencies.len() > PRUNE_AT {
            s.emergencies
                .retain(|_, (t, _)| now.duration_since(*t) < EMERGENCY_WINDOW);
        }
        s.emergencies.insert((user, at.channel), (now, at));
    }

    /// Whether moderators should get a crisis note about this person now
    /// (at most one per [`EMERGENCY_WINDOW`]); records it when so.
    pub fn crisis_note_due(&self, guild: u64, user: u64, now: Instant) -> bool {
        let mut s = self.lock();
        if let Some(t) = s.notes.get(&(guild, user))
            && now.duration_since(*t) < EMERGENCY_WINDOW
        {
            return false;
        }
        prune(&mut s.notes, now, EMERGENCY_WINDOW);
        s.notes.insert((guild, user), now);
        true
    }

    /// Remember that this answer was posted publicly.
    pub fn posted(&self, key: u64, at: Earlier, now: Instant, window: Duration) {
        if window.is_zero() {
            return;
        }
        let mut s = self.lock();
        // One duplicate window for every server: pruning by it is exact.
        if s.answers.len() > PRUNE_AT {
            s.answers
                .retain(|_, (t, _)| now.duration_since(*t) < window);
        }
        s.answers.insert((at.channel, key), (now, at));
    }
}

/// Identity of an answer for duplicate checks: its resource ids, in order.
/// `None` for answers that must never be suppressed (emergency, no match).
pub fn answer_key(reply: &Reply) -> Option<u64> {
    if reply.emergency.is_some() || reply.results.is_empty() {
        return None;
    }
    let mut h = DefaultHasher::new();
    for r in &reply.results {
        r.id.hash(&mut h);
    }
    reply.region.hash(&mut h);
    Some(h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Duration = Duration::from_secs(1);

    #[test]
    fn user_cooldown_runs_out() {
        let l = Limiter::default();
        let t0 = Instant::now();
        assert!(l.user(1, t0, 10 * S).is_ok());
        assert_eq!(l.user(1, t0 + 4 * S, 10 * S), Err(6 * S));
        assert!(l.user(2, t0 + 4 * S, 10 * S).is_ok());
        assert!(l.user(1, t0 + 10 * S, 10 * S).is_ok());
    }

    /// A prune triggered by a server with no cooldown keeps other servers'
    /// running ones.
    #[test]
    fn pruning_keeps_other_servers_cooldowns() {
        let l = Limiter::default();
        let t0 = Instant::now();
        assert!(l.channel(1, t0, 600 * S).is_ok());
        for c in 2..(PRUNE_AT as u64 + 3) {
            assert!(l.channel(c, t0 + S, Duration::ZERO).is_ok());
        }
        assert_eq!(l.channel(1, t0 + 2 * S, 600 * S), Err(598 * S));
    }

    #[test]
    fn repeat_emergencies_point_back_and_notes_are_rate_limited() {
        let l = Limiter::default();
        let t0 = Instant::now();
        let at = Earlier {
            guild: 1,
            channel: 2,
            message: 3,
        };
        assert_eq!(l.earlier_emergency(9, 2, t0), None);
        l.emergency_posted(9, at, t0);
        assert_eq!(l.earlier_emergency(9, 2, t0 + 60 * S), Some(at));
        assert_eq!(
            l.earlier_emergency(9, 4, t0 + 60 * S),
            None,
            "other channel"
        );
        assert_eq!(l.earlier_emergency(9, 2, t0 + EMERGENCY_WINDOW), None);
        assert!(l.crisis_note_due(1, 9, t0));
        assert!(!l.crisis_note_due(1, 9, t0 + 60 * S));
        assert!(l.crisis_note_due(1, 8, t0 + 60 * S), "another person");
        assert!(l.crisis_note_due(1, 9, t0 + EMERGENCY_WINDOW));
    }

    #[test]
    fn zero_cooldown_never_blocks_even_out_of_order() {
        let l = Limiter::default();
        let t0 = Instant::now();
        assert!(l.channel(1, t0 + S, Duration::ZERO).is_ok());
        assert!(l.channel(1, t0, Duration::ZERO).is_ok());
        assert!(l.user(1, t0 + S, Duration::ZERO).is_ok());
        assert!(l.user(1, t0, Duration::ZERO).is_ok());
        assert!(l.auto(1, t0 + S, Duration::ZERO));
        assert!(l.auto(1, t0, Duration::ZERO));
    }

    #[test]
    fn duplicates_point_to_the_earlier_message_within_the_window() {
        let l = Limiter::default();
        let t0 = Instant::now();
        let at = Earlier {
            guild: 1,
            channel: 2,
            message: 3,
        };
        assert_eq!(l.duplicate(2, 9, t0, 60 * S), None);
        l.posted(9, at, t0, 60 * S);
        assert_eq!(l.duplicate(2, 9, t0 + S, 60 * S), Some(at));
        assert_eq!(l.duplicate(3, 9, t0 + S, 60 * S), None);
        assert_eq!(l.duplicate(2, 9, t0 + 61 * S, 60 * S), None);
        assert_eq!(at.jump_url(), "https://discord.com/channels/1/2/3");
    }

    #[test]
    fn auto_answers_once_per_window() {
        let l = Limiter::default();
        let t0 = Instant::now();
        assert!(l.auto(5, t0, 60 * S));
        assert!(!l.auto(5, t0 + S, 60 * S));
        assert!(l.auto(5, t0 + 60 * S, 60 * S));
    }
}
