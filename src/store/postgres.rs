//! [`SettingsStore`] on PostgreSQL, for deployments that run several bot
//! processes against one shared database (`postgres://` in
//! `paths.database_url` or `DATABASE_URL`). Same behaviour as
//! [`super::SqliteStore`]; the shared test suite in `tests/core/stores.rs`
//! runs against both.

use std::str::FromStr;

use sqlx::Row;
use sqlx::postgres::{PgPool, PgPoolOptions, PgRow};

use super::sqlite::id;
use super::{
    ChannelId, ChannelMode, GuildField, GuildId, GuildSettings, SettingsStore, StoreError,
};
use crate::nation::Nation;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Settings (and counts) in a PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connect and migrate. `url` is a `postgres://` URL (it may hold a
    /// password: it is never logged).
    pub async fn connect(url: &str) -> Result<PgStore, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(std::time::Duration::from_secs(5))
            .connect(url)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(PgStore { pool })
    }

    pub(super) fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Upsert one column of a server's row (column names are fixed here).
    async fn set_column<T>(&self, guild: GuildId, column: &str, value: T) -> Result<(), StoreError>
    where
        T: 'static + Send + for<'q> sqlx::Encode<'q, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>,
    {
        let sql = format!(
            "INSERT INTO guild_settings (guild_id, {column}) VALUES ($1, $2)
             ON CONFLICT (guild_id) DO UPDATE SET {column} = excluded.{column}, updated_at = now()"
        );
        sqlx::query(&sql)
            .bind(id(guild))
            .bind(value)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[serenity::async_trait]
impl SettingsStore for PgStore {
    async fn guild(&self, guild: GuildId) -> Result<GuildSettings, StoreError> {
        let row = sqlx::query(
            "SELECT region, private_default, results, cooldown_secs, log_channel_id, fallback, nation
             FROM guild_settings WHERE guild_id = $1",
        )
        .bind(id(guild))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(GuildSettings::default());
        };
        settings_of(&row)
    }

    async fn save_guild(&self, guild: GuildId, s: &GuildSettings) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO guild_settings
                 (guild_id, region, private_default, results, cooldown_secs, log_channel_id, fallback, nation)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (guild_id) DO UPDATE SET
                 region = excluded.region,
                 private_default = excluded.private_default,
                 results = excluded.results,
                 cooldown_secs = excluded.cooldown_secs,
                 log_channel_id = excluded.log_channel_id,
                 fallback = excluded.fallback,
                 nation = excluded.nation,
                 updated_at = now()",
        )
        .bind(id(guild))
        .bind(&s.region)
        .bind(s.private_default)
        .bind(s.results.map(i16::from))
        .bind(s.cooldown_secs.map(|c| i32::try_from(c).unwrap_or(i32::MAX)))
        .bind(s.log_channel.map(id))
        .bind(s.fallback)
        .bind(s.nation.map(Nation::code))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn set_field(&self, guild: GuildId, field: &GuildField) -> Result<(), StoreError> {
        match field {
            GuildField::Region(v) => self.set_column(guild, "region", v.clone()).await,
            GuildField::PrivateDefault(v) => self.set_column(guild, "private_default", *v).await,
            GuildField::Results(v) => self.set_column(guild, "results", v.map(i16::from)).await,
            GuildField::CooldownSecs(v) => {
                let secs = v.map(|c| i32::try_from(c).unwrap_or(i32::MAX));
                self.set_column(guild, "cooldown_secs", secs).await
            }
            GuildField::LogChannel(v) => self.set_column(guild, "log_channel_id", v.map(id)).await,
            GuildField::Fallback(v) => self.set_column(guild, "fallback", *v).await,
            GuildField::Nation(v) => {
                let code = v.map(|n| n.code().to_string());
                self.set_column(guild, "nation", code).await
            }
        }
    }

    async fn channel_mode(
        &self,
        guild: GuildId,
        channel: ChannelId,
    ) -> Result<ChannelMode, StoreError> {
        let mode: Option<String> = sqlx::query_scalar(
            "SELECT mode FROM channel_modes WHERE guild_id = $1 AND channel_id = $2",
        )
        .bind(id(guild))
        .bind(id(channel))
        .fetch_optional(&self.pool)
        .await?;
        mode.map_or(Ok(ChannelMode::Off), |m| ChannelMode::from_str(&m))
    }

    async fn set_channel_mode(
        &self,
        guild: GuildId,
        channel: ChannelId,
        mode: ChannelMode,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        if mode == ChannelMode::Off {
            sqlx::query("DELETE FROM channel_modes WHERE guild_id = $1 AND channel_id = $2")
                .bind(id(guild))
                .bind(id(channel))
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query("INSERT INTO guild_settings (guild_id) VALUES ($1) ON CONFLICT DO NOTHING")
                .bind(id(guild))
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO channel_modes (guild_id, channel_id, mode) VALUES ($1, $2, $3)
                 ON CONFLICT (guild_id, channel_id) DO UPDATE SET mode = excluded.mode",
            )
            .bind(id(guild))
            .bind(id(channel))
            .bind(mode.as_str())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn channels(&self, guild: GuildId) -> Result<Vec<(ChannelId, ChannelMode)>, StoreError> {
        let rows = sqlx::query(
            "SELECT channel_id, mode FROM channel_modes WHERE guild_id = $1 ORDER BY channel_id",
        )
        .bind(id(guild))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let ch: i64 = r.try_get("channel_id")?;
                let mode: String = r.try_get("mode")?;
                Ok((ch as u64, ChannelMode::from_str(&mode)?))
            })
            .collect()
    }

    async fn all_guilds(&self) -> Result<Vec<(GuildId, GuildSettings)>, StoreError> {
        let rows = sqlx::query(
            "SELECT guild_id, region, private_default, results, cooldown_secs, log_channel_id,
                    fallback, nation
             FROM guild_settings",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get::<i64, _>("guild_id")? as u64, settings_of(r)?)))
            .collect()
    }

    async fn all_channels(&self) -> Result<Vec<(GuildId, ChannelId, ChannelMode)>, StoreError> {
        let rows = sqlx::query("SELECT guild_id, channel_id, mode FROM channel_modes")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let g: i64 = r.try_get("guild_id")?;
                let ch: i64 = r.try_get("channel_id")?;
                let mode: String = r.try_get("mode")?;
                Ok((g as u64, ch as u64, ChannelMode::from_str(&mode)?))
            })
            .collect()
    }

    async fn any_auto(&self) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM channel_modes WHERE mode = 'auto'")
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    async fn delete_guild(&self, guild: GuildId) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM guild_settings WHERE guild_id = $1")
            .bind(id(guild))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}

/// A `guild_settings` row (without its id) as settings.
fn settings_of(row: &PgRow) -> Result<GuildSettings, StoreError> {
    let results: Option<i16> = row.try_get("results")?;
    let cooldown: Option<i32> = row.try_get("cooldown_secs")?;
    let log: Option<i64> = row.try_get("log_channel_id")?;
    let nation: Option<String> = row.try_get("nation")?;
    Ok(GuildSettings {
        region: row.try_get("region")?,
        private_default: row.try_get("private_default")?,
        results: results
            .map(|r| u8::try_from(r).map_err(|_| StoreError::Corrupt("results")))
            .transpose()?,
        cooldown_secs: cooldown
            .map(|c| u32::try_from(c).map_err(|_| StoreError::Corrupt("cooldown_secs")))
            .transpose()?,
        log_channel: log.map(|c| c as u64),
        fallback: row.try_get("fallback")?,
        nation: nation
            .map(|n| Nation::parse(&n).ok_or(StoreError::Corrupt("nation")))
            .transpose()?,
    })
}
