//! One vote per person per answer, without keeping who voted.
//!
//! A vote is remembered only as a keyed hash of (kind, user id, message id)
//! under a random salt that lives in memory and is replaced every day, so
//! the set cannot be turned back into user ids and nothing survives a
//! restart (a restart may let someone vote twice; that is the price of
//! never storing a user id). Entries expire after [`KEEP`]; answers older
//! than that are closed to feedback anyway (see [`is_open`]).

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How long a vote is remembered, how often the salt changes, and how long
/// an answer takes feedback.
pub const KEEP: Duration = Duration::from_secs(24 * 60 * 60);

/// Discord's epoch (2015-01-01) in Unix milliseconds.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// Whether an answer posted as message `id` still takes feedback at `now`:
/// its snowflake says when it was created. Ids from the future (clock skew)
/// count as new.
pub fn is_open(id: u64, now: SystemTime) -> bool {
    let created = Duration::from_millis((id >> 22) + DISCORD_EPOCH_MS);
    let now = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    now.saturating_sub(created) < KEEP
}

/// What a vote is about: the answer's helpfulness, or a broken-link report
/// (one of each per person per answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ballot {
    Answer,
    Report,
}

struct State {
    salt: RandomState,
    /// The salt before the last change: a vote cast just before midnight
    /// still counts as cast.
    previous: RandomState,
    salted_at: Instant,
    seen: HashMap<u64, Instant>,
}

/// The votes of the last day, as salted hashes.
pub struct Votes {
    state: Mutex<State>,
}

impl Default for Votes {
    fn default() -> Self {
        Votes::new(Instant::now())
    }
}

impl Votes {
    pub fn new(now: Instant) -> Votes {
        Votes {
            state: Mutex::new(State {
                salt: RandomState::new(),
                previous: RandomState::new(),
                salted_at: now,
                seen: HashMap::new(),
            }),
        }
    }

    /// True the first time this person votes this ballot on this answer
    /// (and the vote is remembered); false when it was already counted.
    pub fn first(&self, ballot: Ballot, user: u64, message: u64, now: Instant) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if now.saturating_duration_since(s.salted_at) >= KEEP {
            s.previous = std::mem::replace(&mut s.salt, RandomState::new());
            s.salted_at = now;
            s.seen
                .retain(|_, at| now.saturating_duration_since(*at) < KEEP);
        }
        let key = (ballot, user, message);
        let current = s.salt.hash_one(key);
        let earlier = s.previous.hash_one(key);
        let live = |k: &u64| {
            s.seen
                .get(k)
                .is_some_and(|at| now.saturating_duration_since(*at) < KEEP)
        };
        if live(&current) || live(&earlier) {
            return false;
        }
        s.seen.insert(current, now);
        true
    }

    /// How many votes are remembered (for tests and logs).
    pub fn len(&self) -> usize {
        let s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        s.seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: Duration = Duration::from_secs(3600);

    /// A snowflake for a message created at `at`.
    fn snowflake_at(at: SystemTime) -> u64 {
        let ms = at.duration_since(UNIX_EPOCH).unwrap().as_millis() as u64;
        ms.saturating_sub(DISCORD_EPOCH_MS) << 22
    }

    #[test]
    fn one_vote_per_person_per_answer_and_ballot() {
        let t = Instant::now();
        let v = Votes::new(t);
        assert!(v.first(Ballot::Answer, 1, 10, t));
        assert!(!v.first(Ballot::Answer, 1, 10, t + HOUR));
        assert!(v.first(Ballot::Answer, 2, 10, t), "another person");
        assert!(v.first(Ballot::Answer, 1, 11, t), "another answer");
        assert!(v.first(Ballot::Report, 1, 10, t), "a report is apart");
        assert!(!v.first(Ballot::Report, 1, 10, t));
    }

    #[test]
    fn votes_survive_one_salt_change_and_expire_after_a_day() {
        let t = Instant::now();
        let v = Votes::new(t);
        assert!(v.first(Ballot::Answer, 1, 10, t + 23 * HOUR));
        // The salt changes at t + 24 h; the vote is still known.
        assert!(!v.first(Ballot::Answer, 1, 10, t + 25 * HOUR));
        assert!(v.first(Ballot::Answer, 2, 10, t + 25 * HOUR));
        // A day after it was cast, it is forgotten (and the answer closed).
        assert!(v.first(Ballot::Answer, 1, 10, t + 48 * HOUR));
        // Two salt changes later every old entry is gone.
        assert!(v.first(Ballot::Answer, 3, 10, t + 73 * HOUR));
        assert_eq!(v.len(), 1);
    }

    #[test]
    fn answers_close_a_day_after_their_snowflake() {
        let now = SystemTime::now();
        assert!(is_open(snowflake_at(now), now));
        assert!(is_open(snowflake_at(now - 23 * HOUR), now));
        assert!(!is_open(snowflake_at(now - 25 * HOUR), now));
        assert!(is_open(snowflake_at(now + HOUR), now), "clock skew");
        assert!(!is_open(0, now), "Discord's epoch");
        // A real snowflake: 2016-04-30 11:18:25.796 UTC.
        let id = 175_928_847_299_117_063_u64;
        let created = UNIX_EPOCH + Duration::from_millis(1_462_015_105_796);
        assert!(is_open(id, created + HOUR));
        assert!(!is_open(id, created + 25 * HOUR));
    }
}
