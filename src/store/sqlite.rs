//! [`SettingsStore`] on an embedded SQLite file (sqlx, WAL, foreign keys on).

use std::path::Path;
use std::str::FromStr;

use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};

use super::{
    ChannelId, ChannelMode, GuildField, GuildId, GuildSettings, SettingsStore, StoreError,
};
use crate::nation::Nation;

/// Migrations compiled into the binary; applied on open.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// Settings in one SQLite file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Open (creating the file and its directory if needed) and migrate.
    pub async fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: path.to_path_buf(),
                source,
            })?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(std::time::Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(SqliteStore { pool })
    }

    /// The connection pool, shared with the counters.
    pub(super) fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

pub(super) fn id(v: u64) -> i64 {
    // Snowflakes are below 2^63, so this is lossless.
    v as i64
}

/// Insert or update one column of a server's row.
fn upsert_one(column: &str) -> String {
    format!(
        "INSERT INTO guild_settings (guild_id, {column}) VALUES (?, ?)
         ON CONFLICT (guild_id) DO UPDATE SET {column} = excluded.{column}, updated_at = unixepoch()"
    )
}

impl SqliteStore {
    /// Upsert one column of a server's row.
    async fn set_column<T>(&self, guild: GuildId, column: &str, value: T) -> Result<(), StoreError>
    where
        T: 'static + Send + for<'q> sqlx::Encode<'q, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
    {
        sqlx::query(&upsert_one(column))
            .bind(id(guild))
            .bind(value)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[serenity::async_trait]
impl SettingsStore for SqliteStore {
    async fn guild(&self, guild: GuildId) -> Result<GuildSettings, StoreError> {
        let row = sqlx::query(
            "SELECT region, private_default, results, cooldown_secs, log_channel_id, fallback, nation
             FROM guild_settings WHERE guild_id = ?",
        )
        .bind(id(guild))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(GuildSettings::default());
        };
        let results: Option<i64> = row.try_get("results")?;
        let cooldown: Option<i64> = row.try_get("cooldown_secs")?;
        let log: Option<i64> = row.try_get("log_channel_id")?;
        let fallback: Option<i64> = row.try_get("fallback")?;
        let nation: Option<String> = row.try_get("nation")?;
        Ok(GuildSettings {
            region: row.try_get("region")?,
            private_default: row.try_get::<i64, _>("private_default")? != 0,
            results: results
                .map(|r| u8::try_from(r).map_err(|_| StoreError::Corrupt("results")))
                .transpose()?,
            cooldown_secs: cooldown
                .map(|c| u32::try_from(c).map_err(|_| StoreError::Corrupt("cooldown_secs")))
                .transpose()?,
            log_channel: log.map(|c| c as u64),
            fallback: fallback.map(|f| f != 0),
            nation: nation
                .map(|n| Nation::parse(&n).ok_or(StoreError::Corrupt("nation")))
                .transpose()?,
        })
    }

    async fn save_guild(&self, guild: GuildId, s: &GuildSettings) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO guild_settings
                 (guild_id, region, private_default, results, cooldown_secs, log_channel_id, fallback, nation)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (guild_id) DO UPDATE SET
                 region = excluded.region,
                 private_default = excluded.private_default,
                 results = excluded.results,
                 cooldown_secs = excluded.cooldown_secs,
                 log_channel_id = excluded.log_channel_id,
                 fallback = excluded.fallback,
                 nation = excluded.nation,
                 updated_at = unixepoch()",
        )
        .bind(id(guild))
        .bind(&s.region)
        .bind(i64::from(s.private_default))
        .bind(s.results.map(i64::from))
        .bind(s.cooldown_secs.map(i64::from))
        .bind(s.log_channel.map(id))
        .bind(s.fallback.map(i64::from))
        .bind(s.nation.map(Nation::code))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn set_field(&self, guild: GuildId, field: &GuildField) -> Result<(), StoreError> {
        // Column names are fixed here, never taken from input.
        match field {
            GuildField::Region(v) => self.set_column(guild, "region", v.clone()).await,
            GuildField::PrivateDefault(v) => {
                self.set_column(guild, "private_default", i64::from(*v))
                    .await
            }
            GuildField::Results(v) => self.set_column(guild, "results", v.map(i64::from)).await,
            GuildField::CooldownSecs(v) => {
                self.set_column(guild, "cooldown_secs", v.map(i64::from))
                    .await
            }
            GuildField::LogChannel(v) => self.set_column(guild, "log_channel_id", v.map(id)).await,
            GuildField::Fallback(v) => self.set_column(guild, "fallback", v.map(i64::from)).await,
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
            "SELECT mode FROM channel_modes WHERE guild_id = ? AND channel_id = ?",
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
            sqlx::query("DELETE FROM channel_modes WHERE guild_id = ? AND channel_id = ?")
                .bind(id(guild))
                .bind(id(channel))
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query("INSERT OR IGNORE INTO guild_settings (guild_id) VALUES (?)")
                .bind(id(guild))
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO channel_modes (guild_id, channel_id, mode) VALUES (?, ?, ?)
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
            "SELECT channel_id, mode FROM channel_modes WHERE guild_id = ? ORDER BY channel_id",
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

    async fn any_auto(&self) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM channel_modes WHERE mode = 'auto'")
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    async fn delete_guild(&self, guild: GuildId) -> Result<(), StoreError> {
        // channel_modes rows go with it (ON DELETE CASCADE).
        sqlx::query("DELETE FROM guild_settings WHERE guild_id = ?")
            .bind(id(guild))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const G: u64 = 1_234_567_890_123_456_789;

    async fn open_temp() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("sub/signpost.db"))
            .await
            .unwrap();
        (dir, store)
    }

    #[tokio::test]
    async fn defaults_then_saved_settings_survive_reopen() {
        let (dir, store) = open_temp().await;
        assert_eq!(store.guild(G).await.unwrap(), GuildSettings::default());
        let s = GuildSettings {
            region: Some("us".into()),
            private_default: true,
            results: Some(5),
            cooldown_secs: Some(30),
            log_channel: Some(u64::MAX >> 1),
            fallback: Some(false),
            nation: Some(Nation::Scotland),
        };
        store.save_guild(G, &s).await.unwrap();
        store
            .set_channel_mode(G, 7, ChannelMode::Auto)
            .await
            .unwrap();
        store.close().await;

        let store = SqliteStore::open(&dir.path().join("sub/signpost.db"))
            .await
            .unwrap();
        assert_eq!(store.guild(G).await.unwrap(), s);
        store
            .set_field(G, &GuildField::Fallback(Some(true)))
            .await
            .unwrap();
        assert_eq!(store.guild(G).await.unwrap().fallback, Some(true));
        store
            .set_field(G, &GuildField::Nation(Some(Nation::Wales)))
            .await
            .unwrap();
        assert_eq!(store.guild(G).await.unwrap().nation, Some(Nation::Wales));
        assert_eq!(store.channel_mode(G, 7).await.unwrap(), ChannelMode::Auto);
        assert!(store.any_auto().await.unwrap());
    }

    #[tokio::test]
    async fn wal_and_foreign_keys_are_on() {
        let (_dir, store) = open_temp().await;
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&store.pool)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&store.pool)
            .await
            .unwrap();
        assert_eq!(fk, 1);
    }
}
