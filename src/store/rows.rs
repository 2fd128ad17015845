//! Reading count rows, shared by the SQLite and PostgreSQL backends (the
//! same column names and meaning in both schemas).

use sqlx::{ColumnIndex, Decode, Row, Type};
use time::OffsetDateTime;

use super::StoreError;
use super::counts::ResourceFeedback;
use super::gaps::GapRow;

/// A row of either backend whose columns decode as text and BIGINT.
pub(super) trait CountRow: Row
where
    for<'c> &'c str: ColumnIndex<Self>,
{
    /// A non-negative counter (a missing sum reads as 0), or a clear error.
    fn counter(&self, column: &str, table: &'static str) -> Result<u64, StoreError>;
    fn text(&self, column: &str) -> Result<String, StoreError>;
}

impl<R> CountRow for R
where
    R: Row,
    for<'c> &'c str: ColumnIndex<R>,
    for<'r> i64: Decode<'r, R::Database> + Type<R::Database>,
    for<'r> String: Decode<'r, R::Database> + Type<R::Database>,
{
    fn counter(&self, column: &str, table: &'static str) -> Result<u64, StoreError> {
        let n: Option<i64> = self.try_get(column)?;
        u64::try_from(n.unwrap_or(0)).map_err(|_| StoreError::Corrupt(table))
    }

    fn text(&self, column: &str) -> Result<String, StoreError> {
        Ok(self.try_get(column)?)
    }
}

/// One `gaps` query row: region, topic, no_match, weak, servers.
pub(super) fn gap_row<R: CountRow>(r: &R) -> Result<GapRow, StoreError>
where
    for<'c> &'c str: ColumnIndex<R>,
{
    Ok(GapRow {
        region: r.text("region")?,
        topic: r.text("topic")?,
        no_match: r.counter("no_match", "gap_daily")?,
        weak: r.counter("weak", "gap_daily")?,
        servers: r.counter("servers", "gap_daily")?,
    })
}

/// One `resource_feedback` query row.
pub(super) fn feedback_row<R: CountRow>(r: &R) -> Result<ResourceFeedback, StoreError>
where
    for<'c> &'c str: ColumnIndex<R>,
{
    Ok(ResourceFeedback {
        id: r.text("resource_id")?,
        helpful: r.counter("helpful", "feedback_daily")?,
        not_helpful: r.counter("not_helpful", "feedback_daily")?,
        broken: r.counter("broken", "feedback_daily")?,
    })
}

/// `digest_log.posted_at` (Unix seconds) as a time, if a row was found.
pub(super) fn posted_at(seconds: Option<i64>) -> Result<Option<OffsetDateTime>, StoreError> {
    seconds
        .map(|t| {
            OffsetDateTime::from_unix_timestamp(t).map_err(|_| StoreError::Corrupt("digest_log"))
        })
        .transpose()
}
