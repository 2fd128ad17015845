//! Daily counters: answers per server, and feedback per resource.
//!
//! Kept apart from [`super::SettingsStore`] because they are written on the
//! answer path and must never hold it up: callers fire and forget, and a
//! failed write is logged, never retried into the patient's way. Counts
//! only: no user id, no message id, no text.

use time::{Date, Duration, OffsetDateTime};

use serde::Serialize;

use super::gaps::{Gap, GapSummary, Threshold};
use super::{GuildId, StoreError};

/// Days of daily rows kept unless `stats.retention_days` says otherwise.
pub const DEFAULT_RETENTION_DAYS: u16 = 90;

/// What a patient said about one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feedback {
    Helpful,
    NotHelpful,
    /// One of the answer's links is broken.
    Broken,
}

impl Feedback {
    /// The counter column (the same name in both tables); fixed here, never
    /// taken from input.
    pub fn column(self) -> &'static str {
        match self {
            Feedback::Helpful => "helpful",
            Feedback::NotHelpful => "not_helpful",
            Feedback::Broken => "broken",
        }
    }
}

/// How one delivered answer turned out, for the server's daily row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Nothing vetted matched.
    pub no_match: bool,
    /// The emergency block was shown.
    pub emergency: bool,
}

/// A server's counts summed over some days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GuildTotals {
    pub answered: u64,
    pub no_match: u64,
    pub emergencies: u64,
    pub helpful: u64,
    pub not_helpful: u64,
    pub broken: u64,
}

/// Feedback on one resource summed over some days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourceFeedback {
    pub id: String,
    pub helpful: u64,
    pub not_helpful: u64,
    pub broken: u64,
}

/// Storage for the daily counters. A PostgreSQL backend implements the
/// same trait over the same two tables.
#[serenity::async_trait]
pub trait CountsStore: Send + Sync {
    /// Count one answer delivered in `guild` on `day`.
    async fn answered(&self, day: Date, guild: GuildId, outcome: Outcome)
    -> Result<(), StoreError>;
    /// Count one piece of feedback: once on the server's row (when the
    /// answer was in a server) and once on each resource's row.
    async fn feedback(
        &self,
        day: Date,
        guild: Option<GuildId>,
        resources: &[String],
        kind: Feedback,
    ) -> Result<(), StoreError>;
    /// Count one answer that fell short (see [`Gap::of`]).
    async fn gap(&self, day: Date, guild: GuildId, gap: &Gap) -> Result<(), StoreError>;
    /// Gap counts per region and topic from `since`, split at `threshold`:
    /// only topics at or over it are listed.
    async fn gaps(&self, since: Date, threshold: Threshold) -> Result<GapSummary, StoreError>;
    /// Feedback per resource from `since`, most "not helpful" first.
    async fn resource_feedback(&self, since: Date) -> Result<Vec<ResourceFeedback>, StoreError>;
    /// When the review digest was last posted to `channel`, if ever.
    async fn digest_posted(&self, channel: u64) -> Result<Option<OffsetDateTime>, StoreError>;
    /// Remember that the digest was posted to `channel` at `at`.
    async fn set_digest_posted(&self, channel: u64, at: OffsetDateTime) -> Result<(), StoreError>;
    /// A server's counts from `since` (inclusive) to today.
    async fn guild_totals(&self, guild: GuildId, since: Date) -> Result<GuildTotals, StoreError>;
    /// Delete every daily row older than `before`; how many went.
    async fn prune(&self, before: Date) -> Result<u64, StoreError>;
    /// Forget a server's rows (the bot was removed from it).
    async fn forget_guild(&self, guild: GuildId) -> Result<(), StoreError>;
}

/// Every table of daily rows, pruned after the retention period (both
/// backends read this list, so a new table cannot be missed by one).
pub(super) const DAILY_TABLES: [&str; 3] = ["guild_daily", "feedback_daily", "gap_daily"];
/// The daily tables keyed by server, deleted when the bot leaves it.
pub(super) const GUILD_TABLES: [&str; 2] = ["guild_daily", "gap_daily"];

/// Today's UTC date: the day every counter is filed under.
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// The first day of the `days` most recent days, today included.
pub fn days_back(today: Date, days: u16) -> Date {
    today
        .checked_sub(Duration::days(i64::from(days.max(1)) - 1))
        .unwrap_or(Date::MIN)
}

/// A day as stored: `YYYY-MM-DD` (sorts as text, readable, a DATE in SQL).
pub fn day_key(day: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn windows_include_today() {
        let d = date!(2026 - 03 - 10);
        assert_eq!(days_back(d, 7), date!(2026 - 03 - 04));
        assert_eq!(days_back(d, 1), d);
        assert_eq!(days_back(d, 0), d);
        assert_eq!(days_back(d, 30), date!(2026 - 02 - 09));
    }

    #[test]
    fn day_keys_sort_like_days() {
        assert_eq!(day_key(date!(2026 - 03 - 04)), "2026-03-04");
        assert!(day_key(date!(2026 - 10 - 01)) > day_key(date!(2026 - 09 - 30)));
    }
}
