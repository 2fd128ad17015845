//! [`CountsStore`] on the same SQLite file as the settings.

use super::rows::CountRow;
use time::{Date, OffsetDateTime};

use super::counts::{
    CountsStore, DAILY_TABLES, Feedback, GUILD_TABLES, GuildTotals, Outcome, ResourceFeedback,
    day_key,
};
use super::gaps::{Gap, GapSummary, Threshold};
use super::sqlite::{SqliteStore, id};
use super::{GuildId, StoreError, sqlite_gaps};

/// Add one to a counter of a daily row keyed by (day, `key`), creating the
/// row at zero. Table and column names are fixed literals, never input.
fn bump(table: &str, key: &str, column: &str) -> String {
    format!(
        "INSERT INTO {table} (day, {key}, {column}) VALUES (?, ?, 1)
         ON CONFLICT (day, {key}) DO UPDATE SET {column} = {column} + 1"
    )
}

#[serenity::async_trait]
impl CountsStore for SqliteStore {
    async fn answered(
        &self,
        day: Date,
        guild: GuildId,
        outcome: Outcome,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO guild_daily (day, guild_id, answered, no_match, emergencies)
             VALUES (?, ?, 1, ?, ?)
             ON CONFLICT (day, guild_id) DO UPDATE SET
                 answered = answered + 1,
                 no_match = no_match + excluded.no_match,
                 emergencies = emergencies + excluded.emergencies",
        )
        .bind(day_key(day))
        .bind(id(guild))
        .bind(i64::from(outcome.no_match))
        .bind(i64::from(outcome.emergency))
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
        sqlite_gaps::add_gap(self, day, guild, gap).await
    }

    async fn gaps(&self, since: Date, threshold: Threshold) -> Result<GapSummary, StoreError> {
        sqlite_gaps::gaps(self, since, threshold).await
    }

    async fn resource_feedback(&self, since: Date) -> Result<Vec<ResourceFeedback>, StoreError> {
        sqlite_gaps::resource_feedback(self, since).await
    }

    async fn digest_posted(&self, channel: u64) -> Result<Option<OffsetDateTime>, StoreError> {
        sqlite_gaps::digest_posted(self, channel).await
    }

    async fn set_digest_posted(&self, channel: u64, at: OffsetDateTime) -> Result<(), StoreError> {
        sqlite_gaps::set_digest_posted(self, channel, at).await
    }

    async fn guild_totals(&self, guild: GuildId, since: Date) -> Result<GuildTotals, StoreError> {
        let row = sqlx::query(
            "SELECT SUM(answered) AS answered, SUM(no_match) AS no_match,
                    SUM(emergencies) AS emergencies, SUM(helpful) AS helpful,
                    SUM(not_helpful) AS not_helpful, SUM(broken) AS broken
             FROM guild_daily WHERE guild_id = ? AND day >= ?",
        )
        .bind(id(guild))
        .bind(day_key(since))
        .fetch_one(self.pool())
        .await?;
        Ok(GuildTotals {
            answered: row.counter("answered", "guild_daily")?,
            no_match: row.counter("no_match", "guild_daily")?,
            emergencies: row.counter("emergencies", "guild_daily")?,
            helpful: row.counter("helpful", "guild_daily")?,
            not_helpful: row.counter("not_helpful", "guild_daily")?,
            broken: row.counter("broken", "guild_daily")?,
        })
    }

    async fn prune(&self, before: Date) -> Result<u64, StoreError> {
        let key = day_key(before);
        let mut tx = self.pool().begin().await?;
        let mut gone = 0;
        for table in DAILY_TABLES {
            let sql = format!("DELETE FROM {table} WHERE day < ?");
            gone += sqlx::query(&sql)
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
            let sql = format!("DELETE FROM {table} WHERE guild_id = ?");
            sqlx::query(&sql).bind(id(guild)).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const G: u64 = 1_234_567_890_123_456_789;

    async fn open_temp() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("signpost.db"))
            .await
            .unwrap();
        (dir, store)
    }

    #[tokio::test]
    async fn nothing_counted_reads_as_zeros() {
        let (_dir, s) = open_temp().await;
        let t = s.guild_totals(G, date!(2026 - 01 - 01)).await.unwrap();
        assert_eq!(t, GuildTotals::default());
    }
}
