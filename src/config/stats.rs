//! `[stats]` of `signpost.toml`: how long the daily counts are kept.

use serde::Deserialize;

use crate::store::counts::DEFAULT_RETENTION_DAYS;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStats {
    retention_days: Option<u16>,
}

impl RawStats {
    /// Days of daily counts kept: the default, or a checked value
    /// (key, why) when out of range.
    pub(super) fn retention_days(&self) -> Result<u16, (&'static str, String)> {
        let days = self.retention_days.unwrap_or(DEFAULT_RETENTION_DAYS);
        if (1..=3650).contains(&days) {
            Ok(days)
        } else {
            Err((
                "stats.retention_days",
                "must be between 1 and 3650".to_string(),
            ))
        }
    }
}
