//! A write-through memory cache in front of any [`SettingsStore`].
//!
//! The bot sees every message in every server it is in (without content
//! unless auto mode is on), and looks up the channel's mode for each one.
//! This keeps those lookups off the database. Server settings expire after
//! [`GUILD_TTL`] so a change made by another process is seen; a read that
//! raced a write never overwrites it (each server's writes are counted); and
//! when the database fails, the last settings read are served rather than
//! defaults, so a server that chose private answers never gets public ones.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use super::{
    ChannelId, ChannelMode, GuildField, GuildId, GuildSettings, SettingsStore, StoreError,
};

/// How long server settings are served from memory before a re-read.
pub const GUILD_TTL: Duration = Duration::from_secs(60);

/// Cached settings of one server.
#[derive(Clone)]
struct Entry {
    settings: GuildSettings,
    read_at: Instant,
}

/// `inner` plus memory.
pub struct CachedStore<S> {
    inner: S,
    guilds: RwLock<HashMap<GuildId, Entry>>,
    /// Writes per server, so a slow read cannot overwrite a newer write.
    writes: RwLock<HashMap<GuildId, u64>>,
    /// Every stored channel mode, loaded per guild on first use.
    channels: RwLock<HashMap<GuildId, HashMap<ChannelId, ChannelMode>>>,
}

impl<S: SettingsStore> CachedStore<S> {
    pub fn new(inner: S) -> Self {
        CachedStore {
            inner,
            guilds: RwLock::default(),
            writes: RwLock::default(),
            channels: RwLock::default(),
        }
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

impl Entry {
    fn now(settings: GuildSettings) -> Entry {
        Entry {
            settings,
            read_at: Instant::now(),
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
            && e.read_at.elapsed() < GUILD_TTL
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
        self.wrote(guild, None);
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

    /// Two moderators changing different settings keep both changes, in the
    /// cache and in the file.
    #[tokio::test]
    async fn single_field_writes_keep_each_others_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let store = CachedStore::new(SqliteStore::open(&path).await.unwrap());
        let _ = store.guild(1).await.unwrap(); // cached before both writes
        let (region, private) = (
            GuildField::Region(Some("nz".into())),
            GuildField::PrivateDefault(true),
        );
        let (a, b) = tokio::join!(store.set_field(1, &region), store.set_field(1, &private));
        a.unwrap();
        b.unwrap();
        let want = GuildSettings {
            region: Some("nz".into()),
            private_default: true,
            ..GuildSettings::default()
        };
        assert_eq!(store.guild(1).await.unwrap(), want);
        let direct = SqliteStore::open(&path).await.unwrap();
        assert_eq!(direct.guild(1).await.unwrap(), want);
    }

    /// A store whose reads can fail or be held until released.
    #[derive(Default)]
    struct Flaky {
        fail: std::sync::atomic::AtomicBool,
        value: std::sync::Mutex<GuildSettings>,
        hold: tokio::sync::Notify,
        holding: std::sync::atomic::AtomicBool,
    }

    #[serenity::async_trait]
    impl SettingsStore for Flaky {
        async fn guild(&self, _: GuildId) -> Result<GuildSettings, StoreError> {
            let v = self.value.lock().unwrap().clone();
            if self.holding.load(std::sync::atomic::Ordering::SeqCst) {
                self.hold.notified().await;
            }
            if self.fail.load(std::sync::atomic::Ordering::SeqCst) {
                return Err(StoreError::Corrupt("test failure"));
            }
            Ok(v)
        }
        async fn save_guild(&self, _: GuildId, s: &GuildSettings) -> Result<(), StoreError> {
            *self.value.lock().unwrap() = s.clone();
            Ok(())
        }
        async fn set_field(&self, _: GuildId, f: &GuildField) -> Result<(), StoreError> {
            f.apply(&mut self.value.lock().unwrap());
            Ok(())
        }
        async fn channel_mode(&self, _: GuildId, _: ChannelId) -> Result<ChannelMode, StoreError> {
            Ok(ChannelMode::Off)
        }
        async fn set_channel_mode(
            &self,
            _: GuildId,
            _: ChannelId,
            _: ChannelMode,
        ) -> Result<(), StoreError> {
            Ok(())
        }
        async fn channels(&self, _: GuildId) -> Result<Vec<(ChannelId, ChannelMode)>, StoreError> {
            Ok(Vec::new())
        }
        async fn any_auto(&self) -> Result<bool, StoreError> {
            Ok(false)
        }
        async fn delete_guild(&self, _: GuildId) -> Result<(), StoreError> {
            Ok(())
        }
        async fn close(&self) {}
    }

    fn private() -> GuildSettings {
        GuildSettings {
            private_default: true,
            ..GuildSettings::default()
        }
    }

    /// A database failure serves the last settings read, never defaults.
    #[tokio::test]
    async fn a_failing_store_serves_the_last_settings_read() {
        let store = CachedStore::new(Flaky::default());
        store.save_guild(1, &private()).await.unwrap();
        write(&store.guilds).get_mut(&1).unwrap().read_at -= GUILD_TTL * 2;
        store
            .inner
            .fail
            .store(true, std::sync::atomic::Ordering::SeqCst);
        assert_eq!(store.guild(1).await.unwrap(), private());
        assert!(
            store.guild(2).await.is_err(),
            "nothing known: the caller decides"
        );
    }

    /// A moderator's change is remembered even if the database fails before
    /// any question read the settings.
    #[tokio::test]
    async fn a_change_is_known_before_any_read() {
        let store = CachedStore::new(Flaky::default());
        let on = GuildField::PrivateDefault(true);
        store.set_field(1, &on).await.unwrap();
        write(&store.guilds).get_mut(&1).unwrap().read_at -= GUILD_TTL * 2;
        store
            .inner
            .fail
            .store(true, std::sync::atomic::Ordering::SeqCst);
        assert!(store.guild(1).await.unwrap().private_default);
    }

    /// A read that started before a write cannot put the old value back.
    #[tokio::test]
    async fn a_slow_read_never_overwrites_a_newer_write() {
        let store = std::sync::Arc::new(CachedStore::new(Flaky::default()));
        store
            .inner
            .holding
            .store(true, std::sync::atomic::Ordering::SeqCst);
        let reader = tokio::spawn({
            let store = store.clone();
            async move { store.guild(1).await.unwrap() }
        });
        tokio::task::yield_now().await;
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        store.save_guild(1, &private()).await.unwrap();
        store.inner.hold.notify_one();
        assert_eq!(
            reader.await.unwrap(),
            private(),
            "the read returns the newer write"
        );
        assert_eq!(store.guild(1).await.unwrap(), private());
    }
}
