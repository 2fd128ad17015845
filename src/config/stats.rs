//! `[stats]` of `signpost.toml`: how long the daily counts are kept, and
//! when a gap topic is common enough to show.

use serde::Deserialize;

use crate::store::Threshold;
use crate::store::counts::DEFAULT_RETENTION_DAYS;

/// The fewest servers a shown gap topic may come from: lower would let a
/// report line point back at one community, or one person.
const MIN_SERVERS: u64 = 2;
/// The fewest asks a shown gap topic may have.
const MIN_ASKS: u64 = 5;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStats {
    retention_days: Option<u16>,
    gap_min_asks: Option<u64>,
    gap_min_servers: Option<u64>,
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

    /// When a gap topic may be shown; never lower than the privacy floor.
    pub(super) fn gap_threshold(&self) -> Result<Threshold, (&'static str, String)> {
        let default = Threshold::default();
        let asks = self.gap_min_asks.unwrap_or(default.asks);
        let servers = self.gap_min_servers.unwrap_or(default.servers);
        if !(MIN_ASKS..=1_000_000).contains(&asks) {
            return Err((
                "stats.gap_min_asks",
                format!("must be between {MIN_ASKS} and 1000000"),
            ));
        }
        if !(MIN_SERVERS..=100_000).contains(&servers) {
            return Err((
                "stats.gap_min_servers",
                format!(
                    "must be between {MIN_SERVERS} and 100000 (fewer could point at one community)"
                ),
            ));
        }
        Ok(Threshold { asks, servers })
    }
}
