//! Unit tests of [`super::CachedStore`].

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
    store.forget(1); // as when another process changed it
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
    store.forget(1); // as when another process changed it
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
