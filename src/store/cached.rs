//! A write-through memory cache in front of any [`SettingsStore`].
//!
//! The bot sees every message in every server it is in (without content
//! unless auto mode is on), and looks up the channel's mode for each one.
//! This keeps those lookups off the database. One process owns the
//! database, so writing through and updating the cache keeps it exact.

use std::collections::HashMap;
use std::sync::RwLock;

use super::{ChannelId, ChannelMode, GuildId, GuildSettings, SettingsStore, StoreError};

/// `inner` plus memory.
pub struct CachedStore<S> {
    inner: S,
    guilds: RwLock<HashMap<GuildId, GuildSettings>>,
    /// Every stored channel mode, loaded per guild on first use.
    channels: RwLock<HashMap<GuildId, HashMap<ChannelId, ChannelMode>>>,
}

impl<S: SettingsStore> CachedStore<S> {
    pub fn new(inner: S) -> Self {
        CachedStore {
            inner,
            guilds: RwLock::default(),
            channels: RwLock::default(),
        }
    }

    async fn guild_channels(
        &self,
        guild: GuildId,
    ) -> Result<HashMap<ChannelId, ChannelMode>, StoreError> {
        if let Some(map) = read(&self.channels).get(&guild) {
            return Ok(map.clone());
        }
        let map: HashMap<_, _> = self.inner.channels(guild).await?.into_iter().collect();
        write(&self.channels).insert(guild, map.clone());
        Ok(map)
    }
}

fn read<T>(l: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(|p| p.into_inner())
}

fn write<T>(l: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|p| p.into_inner())
}

#[serenity::async_trait]
impl<S: SettingsStore> SettingsStore for CachedStore<S> {
    async fn guild(&self, guild: GuildId) -> Result<GuildSettings, StoreError> {
        if let Some(s) = read(&self.guilds).get(&guild) {
            return Ok(s.clone());
        }
        let s = self.inner.guild(guild).await?;
        write(&self.guilds).insert(guild, s.clone());
        Ok(s)
    }

    async fn save_guild(&self, guild: GuildId, s: &GuildSettings) -> Result<(), StoreError> {
        self.inner.save_guild(guild, s).await?;
        write(&self.guilds).insert(guild, s.clone());
        Ok(())
    }

    async fn channel_mode(
        &self,
        guild: GuildId,
        channel: ChannelId,
    ) -> Result<ChannelMode, StoreError> {
        if let Some(map) = read(&self.channels).get(&guild) {
            return Ok(map.get(&channel).copied().unwrap_or_default());
        }
        let map = self.guild_channels(guild).await?;
        Ok(map.get(&channel).copied().unwrap_or_default())
    }

    async fn set_channel_mode(
        &self,
        guild: GuildId,
        channel: ChannelId,
        mode: ChannelMode,
    ) -> Result<(), StoreError> {
        self.inner.set_channel_mode(guild, channel, mode).await?;
        // Reload this guild's modes on next use; cheap and always exact.
        write(&self.channels).remove(&guild);
        Ok(())
    }

    async fn channels(&self, guild: GuildId) -> Result<Vec<(ChannelId, ChannelMode)>, StoreError> {
        let mut list: Vec<_> = self.guild_channels(guild).await?.into_iter().collect();
        list.sort_by_key(|(c, _)| *c);
        Ok(list)
    }

    async fn any_auto(&self) -> Result<bool, StoreError> {
        self.inner.any_auto().await
    }

    async fn delete_guild(&self, guild: GuildId) -> Result<(), StoreError> {
        self.inner.delete_guild(guild).await?;
        write(&self.guilds).remove(&guild);
        write(&self.channels).remove(&guild);
        Ok(())
    }

    async fn close(&self) {
        self.inner.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::super::SqliteStore;
    use super::*;

    #[tokio::test]
    async fn writes_go_through_and_reads_stay_exact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let store = CachedStore::new(SqliteStore::open(&path).await.unwrap());
        assert_eq!(store.channel_mode(1, 2).await.unwrap(), ChannelMode::Off);
        store
            .set_channel_mode(1, 2, ChannelMode::Mentions)
            .await
            .unwrap();
        assert_eq!(
            store.channel_mode(1, 2).await.unwrap(),
            ChannelMode::Mentions
        );
        let s = GuildSettings {
            region: Some("us".into()),
            ..GuildSettings::default()
        };
        assert_eq!(store.guild(1).await.unwrap(), GuildSettings::default());
        store.save_guild(1, &s).await.unwrap();
        assert_eq!(store.guild(1).await.unwrap(), s);

        // What the cache says is what the file says.
        let direct = SqliteStore::open(&path).await.unwrap();
        assert_eq!(direct.guild(1).await.unwrap(), s);
        assert_eq!(
            direct.channels(1).await.unwrap(),
            store.channels(1).await.unwrap()
        );

        store.delete_guild(1).await.unwrap();
        assert_eq!(store.channel_mode(1, 2).await.unwrap(), ChannelMode::Off);
        assert_eq!(store.guild(1).await.unwrap(), GuildSettings::default());
    }
}
