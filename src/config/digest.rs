//! `[digest]` of `signpost.toml`: the weekly review digest posted to the
//! clinicians' own Discord channel.

use serde::Deserialize;

/// Where and how often the review digest is posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigestConfig {
    /// The clinicians' channel (in the server the owner chose).
    pub channel: u64,
    /// Days between digests (7: weekly).
    pub every_days: u16,
    /// Resources due within this many days are listed.
    pub due_within_days: u16,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDigest {
    channel: Option<u64>,
    every_days: Option<u16>,
    due_within_days: Option<u16>,
}

impl RawDigest {
    /// The digest settings (`None` when no channel is set), or the first
    /// bad key and why.
    pub(super) fn validate(&self) -> Result<Option<DigestConfig>, (&'static str, String)> {
        let every_days = self.every_days.unwrap_or(7);
        if !(1..=90).contains(&every_days) {
            return Err(("digest.every_days", "must be between 1 and 90".into()));
        }
        let due_within_days = self.due_within_days.unwrap_or(30);
        if due_within_days > 365 {
            return Err(("digest.due_within_days", "must be at most 365".into()));
        }
        match self.channel {
            None => Ok(None),
            Some(0) => Err((
                "digest.channel",
                "channel ids are Discord ids, never 0".into(),
            )),
            Some(channel) => Ok(Some(DigestConfig {
                channel,
                every_days,
                due_within_days,
            })),
        }
    }
}
