//! [`CountsStore`] on PostgreSQL: the same daily rows as SQLite. `SUM` of a
//! BIGINT is NUMERIC in PostgreSQL, so sums are cast back to BIGINT.

use time::{Date, OffsetDateTime};

use super::counts::{
    CountsStore, DAILY_TABLES, Feedback, GUILD_TABLES, GuildTotals, Outcome, ResourceFeedback,
    day_key,
};
use super::gaps::{Gap, GapSummary, Threshold};
use super::postgres::PgStore;
use super::rows::{self, CountRow};
use super::sqlite::id;
use super::{GuildId, StoreError};

/// Add one to `column` of the daily row keyed by (day, `key`).
fn bump(table: &str, key: &str, column: &str) -> String {
    format!(
        "INSERT INTO {table} (day, {key}, {column}) VALUES ($1, $2, 1)
         ON CONFLICT (day, {key}) DO UPDATE SET {column} = {table}.{column} + 1"
    )
}

#[serenity::async_trait]
impl CountsStore for PgStore {
    async fn answered(&self, day: Date, guild: GuildId, o: Outcome) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO guild_daily (day, guild_id, answered, no_match, emergencies)
             VALUES ($1, $2, 1, $3, $4)
             ON CONFLICT (day, guild_id) DO UPDATE SET
                 answered = guild_daily.answered + 1,
                 no_match = guild_daily.no_match + excluded.no_match,
                 emergencies = guild_daily.emergencies + excluded.emergencies",
        )
        .bind(day_key(day))
        .bind(id(guild))
        .bind(i64::from(o.no_match))
        .bind(i64::from(o.emergency))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn feedback(
        &self,
        day: Date,
        guild: Option<GuildId>,
        resources: &[String],
        kind: Feedback,
    ) -> Result<(), StoreError> {
        let key = day_key(day);
        let mut tx = self.pool().begin().await?;
        if let Some(g) = guild {
            sqlx::query(&bump("guild_daily", "guild_id", kind.column()))
                .bind(&key)
                .bind(id(g))
                .execute(&mut *tx)
                .await?;
        }
        let sql = bump("feedback_daily", "resource_id", kind.column());
        for r in resources {
            sqlx::query(&sql)
                .bind(&key)
                .bind(r)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn gap(&self, day: Date, guild: GuildId, gap: &Gap) -> Result<(), StoreError> {
        let c = gap.kind.column();
        let sql = format!(
            "INSERT INTO gap_daily (day, region, topic, guild_id, {c}) VALUES ($1, $2, $3, $4, 1)
             ON CONFLICT (day, region, topic, guild_id) DO UPDATE SET {c} = gap_daily.{c} + 1"
        );
        sqlx::query(&sql)
            .bind(day_key(day))
            .bind(&gap.region)
            .bind(&gap.topic)
            .bind(id(guild))
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn gaps(&self, since: Date, threshold: Threshold) -> Result<GapSummary, StoreError> {
        let rows = sqlx::query(
            "SELECT region, topic, SUM(no_match)::BIGINT AS no_match, SUM(weak)::BIGINT AS weak,
                    COUNT(DISTINCT guild_id) AS servers
             FROM gap_daily WHERE day >= $1 GROUP BY region, topic",
        )
        .bind(day_key(since))
        .fetch_all(self.pool())
        .await?;
        let rows = rows
            .iter()
            .map(rows::gap_row)
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(GapSummary::from_rows(rows, threshold))
    }

    async fn resource_feedback(&self, since: Date) -> Result<Vec<ResourceFeedback>, StoreError> {
        let rows = sqlx::query(
            "SELECT resource_id, SUM(helpful)::BIGINT AS helpful,
                    SUM(not_helpful)::BIGINT AS not_helpful, SUM(broken)::BIGINT AS broken
             FROM feedback_daily WHERE day >= $1 GROUP BY resource_id
             ORDER BY not_helpful DESC, broken DESC, helpful ASC, resource_id",
        )
        .bind(day_key(since))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(rows::feedback_row).collect()
    }

    async fn digest_posted(&self, channel: u64) -> Result<Option<OffsetDateTime>, StoreError> {
        let at: Option<i64> =
            sqlx::query_scalar("SELECT posted_at FROM digest_log WHERE channel_id = $1")
                .bind(id(channel))
                .fetch_optional(self.pool())
                .await?;
        rows::posted_at(at)
    }

    async fn set_digest_posted(&self, channel: u64, at: OffsetDateTime) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO digest_log (channel_id, posted_at) VALUES ($1, $2)
             ON CONFLICT (channel_id) DO UPDATE SET posted_at = excluded.posted_at",
        )
        .bind(id(channel))
        .bind(at.unix_timestamp())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn guild_totals(&self, guild: GuildId, since: Date) -> Result<GuildTotals, StoreError> {
        let row = sqlx::query(
            "SELECT SUM(answered)::BIGINT AS answered, SUM(no_match)::BIGINT AS no_match,
                    SUM(emergencies)::BIGINT AS emergencies, SUM(helpful)::BIGINT AS helpful,
                    SUM(not_helpful)::BIGINT AS not_helpful, SUM(broken)::BIGINT AS broken
             FROM guild_daily WHERE guild_id = $1 AND day >= $2",
        )
        .bind(id(guild))
        .bind(day_key(since))
        .fetch_one(self.pool())
        .await?;
        let c = |col| row.counter(col, "guild_daily");
        Ok(GuildTotals {
            answered: c("answered")?,
            no_match: c("no_match")?,
            emergencies: c("emergencies")?,
            helpful: c("helpful")?,
            not_helpful: c("not_helpful")?,
            broken: c("broken")?,
        })
    }

    async fn prune(&self, before: Date) -> Result<u64, StoreError> {
        let key = day_key(before);
        let mut tx = self.pool().begin().await?;
        let mut gone = 0;
        for table in DAILY_TABLES {
            gone += sqlx::query(&format!("DELETE FROM {table} WHERE day < $1"))
                .bind(&key)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        tx.commit().await?;
        Ok(gone)
    }

    async fn forget_guild(&self, guild: GuildId) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        for table in GUILD_TABLES {
            sqlx::query(&format!("DELETE FROM {table} WHERE guild_id = $1"))
                .bind(id(guild))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
