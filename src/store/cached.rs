//! A write-through memory cache in front of any [`SettingsStore`].
//!
//! The bot sees every message in every server it is in (without content
//! unless auto mode is on), and looks up the channel's mode for each one.
//! This keeps those lookups off the database. When several processes share
//! one database, a change made by another process reaches this cache through
//! [`CachedStore::forget`] (PostgreSQL `NOTIFY`, see `listen.rs`); entries
//! also expire after [`GUILD_TTL`] as the backstop. A read that raced a
//! write never overwrites it (each server's writes are counted); and when
//! the database fails, the last settings read are served rather than
//! defaults, so a server that chose private answers never gets public ones.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use super::{
    ChannelId, ChannelMode, GuildField, GuildId, GuildSettings, SettingsStore, StoreError,
};

/// How long server settings and channel modes are served from memory
/// before a re-read, when no change notice arrived first.
pub const GUILD_TTL: Duration = Duration::from_secs(60);

/// Cached settings of one server.
#[derive(Clone)]
struct Entry {
    settings: GuildSettings,
    read_at: Instant,
    /// Another process changed the row: re-read before serving, but keep
    /// serving this if the database fails.
    stale: bool,
}

impl Entry {
    fn fresh(&self) -> bool {
        !self.stale && self.read_at.elapsed() < GUILD_TTL
    }
}

/// A server's channel modes and when they were read.
#[derive(Clone)]
struct Channels {
    modes: HashMap<ChannelId, ChannelMode>,
    read_at: Instant,
}

/// `inner` plus memory.
pub struct CachedStore<S> {
    inner: S,
    guilds: RwLock<HashMap<GuildId, Entry>>,
    /// Writes per server, so a slow read cannot overwrite a newer write.
    writes: RwLock<HashMap<GuildId, u64>>,
    /// Every stored channel mode, loaded per guild on first use.
    channels: RwLock<HashMap<GuildId, Channels>>,
    /// Change notices seen, so a warm-up that raced one does not keep what
    /// it read before the change.
    notices: std::sync::atomic::AtomicU64,
}

impl<S: SettingsStore> CachedStore<S> {
    pub fn new(inner: S) -> Self {
        CachedStore {
            inner,
            guilds: RwLock::default(),
            writes: RwLock::default(),
            channels: RwLock::default(),
            notices: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// Another process changed `guild`'s settings or channels: re-read them
    /// on next use (the last settings stay as the fallback if that read
    /// fails; channel modes are dropped, as a missing mode is `off`).
    pub fn forget(&self, guild: GuildId) {
        self.noticed();
        if let Some(e) = write(&self.guilds).get_mut(&guild) {
            e.stale = true;
        }
        write(&self.channels).remove(&guild);
    }

    /// Change notices may have been missed (the listener reconnected):
    /// re-read everything on next use.
    pub fn forget_all(&self) {
        self.noticed();
        for e in write(&self.guilds).values_mut() {
            e.stale = true;
        }
        write(&self.channels).clear();
    }

    fn noticed(&self) {
        self.notices
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }

    fn write_count(&self, guild: GuildId) -> u64 {
        read(&self.writes).get(&guild).copied().unwrap_or(0)
    }

    /// Record a write and cache what was written.
    fn wrote(&self, guild: GuildId, settings: Option<&GuildSettings>) {
        *write(&self.writes).entry(guild).or_insert(0) += 1;
        let mut guilds = write(&self.guilds);
        match settings {
            Some(s) => guilds.insert(guild, Entry::now(s.clone())),
            None => guilds.remove(&guild),
        };
    }

    /// `guild`'s channel modes: from memory while fresh, else re-read (the
    /// last modes read are served if the database fails).
    async fn guild_channels(
        &self,
        guild: GuildId,
    ) -> Result<HashMap<ChannelId, ChannelMode>, StoreError> {
        let cached = read(&self.channels).get(&guild).cloned();
        if let Some(c) = &cached
            && c.read_at.elapsed() < GUILD_TTL
        {
            return Ok(c.modes.clone());
        }
        match self.inner.channels(guild).await {
            Ok(list) => {
                let modes: HashMap<_, _> = list.into_iter().collect();
                let entry = Channels {
                    modes: modes.clone(),
                    read_at: Instant::now(),
                };
                write(&self.channels).insert(guild, entry);
                Ok(modes)
            }
            Err(e) => match cached {
                Some(last) => {
                    tracing::error!(guild, error = %e, "settings store failed; serving the last channel modes read");
                    Ok(last.modes)
                }
                None => Err(e),
            },
        }
    }
}

impl Entry {
    fn now(settings: GuildSettings) -> Entry {
        Entry {
            settings,
            read_at: Instant::now(),
            stale: false,
        }
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
        let cached = read(&self.guilds).get(&guild).cloned();
        if let Some(e) = &cached
            && e.fresh()
        {
            return Ok(e.settings.clone());
        }
        let writes = self.write_count(guild);
        match self.inner.guild(guild).await {
            Ok(s) => {
                let mut guilds = write(&self.guilds);
                // Only if no write landed while we read.
                if self.write_count(guild) == writes {
                    guilds.insert(guild, Entry::now(s.clone()));
                }
                Ok(guilds.get(&guild).map_or(s, |e| e.settings.clone()))
            }
            Err(e) => match cached {
                Some(last) => {
                    tracing::error!(guild, error = %e, "settings store failed; serving the last settings read");
                    Ok(last.settings)
                }
                None => Err(e),
            },
        }
    }

    async fn save_guild(&self, guild: GuildId, s: &GuildSettings) -> Result<(), StoreError> {
        self.inner.save_guild(guild, s).await?;
        self.wrote(guild, Some(s));
        Ok(())
    }

    async fn set_field(&self, guild: GuildId, field: &GuildField) -> Result<(), StoreError> {
        self.inner.set_field(guild, field).await?;
        *write(&self.writes).entry(guild).or_insert(0) += 1;
        // The database row now has the change; so does the cached copy.
        let updated = write(&self.guilds)
            .get_mut(&guild)
            .map(|e| field.apply(&mut e.settings))
            .is_some();
        if !updated {
            // Read the whole row now, so the settings are known if the
            // database fails before the next question.
            let _ = self.guild(guild).await;
        }
        Ok(())
    }

    async fn channel_mode(
        &self,
        guild: GuildId,
        channel: ChannelId,
    ) -> Result<ChannelMode, StoreError> {
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

    /// Fill the cache with the stored settings and channel modes of the
    /// servers `owns` accepts (nothing already cached is replaced).
    async fn warm(
        &self,
        owns: &(dyn Fn(GuildId) -> bool + Send + Sync),
    ) -> Result<usize, StoreError> {
        let seen = self.notices.load(std::sync::atomic::Ordering::SeqCst);
        let guilds = self.inner.all_guilds().await?;
        let mut modes: HashMap<GuildId, HashMap<ChannelId, ChannelMode>> = HashMap::new();
        for (g, c, m) in self.inner.all_channels().await? {
            if owns(g) {
                modes.entry(g).or_default().insert(c, m);
            }
        }
        if self.notices.load(std::sync::atomic::Ordering::SeqCst) != seen {
            return Ok(0); // a change arrived meanwhile: read lazily instead
        }
        let (mut cache, mut channels) = (write(&self.guilds), write(&self.channels));
        let mut loaded = 0;
        for (g, settings) in guilds.into_iter().filter(|(g, _)| owns(*g)) {
            if cache.contains_key(&g) || self.write_count(g) > 0 {
                continue;
            }
            cache.insert(g, Entry::now(settings));
            let modes = modes.remove(&g).unwrap_or_default();
            channels.entry(g).or_insert(Channels {
                modes,
                read_at: Instant::now(),
            });
            loaded += 1;
        }
        Ok(loaded)
    }

    async fn delete_guild(&self, guild: GuildId) -> Result<(), StoreError> {
        self.inner.delete_guild(guild).await?;
        self.wrote(guild, None);
        write(&self.channels).remove(&guild);
        Ok(())
    }

    async fn close(&self) {
        self.inner.close().await;
    }
}

#[cfg(test)]
#[path = "cached_tests.rs"]
mod tests;
