//! A settings store a test can slow down or break while the bot runs: the
//! database faults (busy past its timeout, locked, read-only, deleted,
//! corrupt) all reach the bot as errors or delays from this one trait.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use signpost::store::{
    ChannelId, ChannelMode, CountsStore, Feedback, Gap, GapSummary, GuildField, GuildId,
    GuildSettings, GuildTotals, Outcome, ResourceFeedback, SettingsStore, StoreError, Threshold,
};
use time::{Date, OffsetDateTime};

/// What the wrapped store does now.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Mode {
    #[default]
    Normal,
    /// Every read of a server's settings waits this long first.
    SlowReads(Duration),
    /// Every call fails as a database busy past its timeout would.
    Failing,
}

/// Wraps a real store; see [`Mode`].
pub struct Faulty<S> {
    inner: S,
    mode: Switch,
}

/// Changes a [`Faulty`] store's mode from the test.
#[derive(Clone, Default)]
pub struct Switch(Arc<Mutex<Mode>>);

impl Switch {
    pub fn set(&self, mode: Mode) {
        *self.0.lock().unwrap() = mode;
    }
}

impl<S> Faulty<S> {
    /// The store, and the switch that changes what it does.
    pub fn new(inner: S) -> (Self, Switch) {
        let mode = Switch::default();
        (
            Faulty {
                inner,
                mode: mode.clone(),
            },
            mode,
        )
    }

    fn mode(&self) -> Mode {
        *self.mode.0.lock().unwrap()
    }

    /// Err when failing; waits when slow.
    async fn gate(&self, read: bool) -> Result<(), StoreError> {
        match self.mode() {
            Mode::Failing => Err(StoreError::Db(sqlx::Error::PoolTimedOut)),
            Mode::SlowReads(d) if read => {
                tokio::time::sleep(d).await;
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

#[serenity::async_trait]
impl<S: SettingsStore> SettingsStore for Faulty<S> {
    async fn guild(&self, guild: GuildId) -> Result<GuildSettings, StoreError> {
        self.gate(true).await?;
        self.inner.guild(guild).await
    }
    async fn save_guild(&self, guild: GuildId, s: &GuildSettings) -> Result<(), StoreError> {
        self.gate(false).await?;
        self.inner.save_guild(guild, s).await
    }
    async fn set_field(&self, guild: GuildId, field: &GuildField) -> Result<(), StoreError> {
        self.gate(false).await?;
        self.inner.set_field(guild, field).await
    }
    async fn channel_mode(&self, g: GuildId, c: ChannelId) -> Result<ChannelMode, StoreError> {
        self.gate(false).await?;
        self.inner.channel_mode(g, c).await
    }
    async fn set_channel_mode(
        &self,
        g: GuildId,
        c: ChannelId,
        mode: ChannelMode,
    ) -> Result<(), StoreError> {
        self.gate(false).await?;
        self.inner.set_channel_mode(g, c, mode).await
    }
    async fn channels(&self, g: GuildId) -> Result<Vec<(ChannelId, ChannelMode)>, StoreError> {
        self.gate(false).await?;
        self.inner.channels(g).await
    }
    async fn any_auto(&self) -> Result<bool, StoreError> {
        self.gate(false).await?;
        self.inner.any_auto().await
    }
    async fn delete_guild(&self, g: GuildId) -> Result<(), StoreError> {
        self.gate(false).await?;
        self.inner.delete_guild(g).await
    }
    async fn close(&self) {
        self.inner.close().await;
    }
}

#[serenity::async_trait]
impl<S: CountsStore> CountsStore for Faulty<S> {
    async fn answered(&self, day: Date, g: GuildId, outcome: Outcome) -> Result<(), StoreError> {
        self.gate(false).await?;
        self.inner.answered(day, g, outcome).await
    }
    async fn feedback(
        &self,
        day: Date,
        g: Option<GuildId>,
        resources: &[String],
        kind: Feedback,
    ) -> Result<(), StoreError> {
        self.gate(false).await?;
        self.inner.feedback(day, g, resources, kind).await
    }
    async fn gap(&self, day: Date, g: GuildId, gap: &Gap) -> Result<(), StoreError> {
        self.gate(false).await?;
        self.inner.gap(day, g, gap).await
    }
    async fn gaps(&self, since: Date, t: Threshold) -> Result<GapSummary, StoreError> {
        self.gate(true).await?;
        self.inner.gaps(since, t).await
    }
    async fn resource_feedback(&self, since: Date) -> Result<Vec<ResourceFeedback>, StoreError> {
        self.gate(true).await?;
        self.inner.resource_feedback(since).await
    }
    async fn digest_posted(&self, c: u64) -> Result<Option<OffsetDateTime>, StoreError> {
        self.gate(true).await?;
        self.inner.digest_posted(c).await
    }
    async fn set_digest_posted(&self, c: u64, at: OffsetDateTime) -> Result<(), StoreError> {
        self.gate(false).await?;
        self.inner.set_digest_posted(c, at).await
    }
    async fn guild_totals(&self, g: GuildId, since: Date) -> Result<GuildTotals, StoreError> {
        self.gate(true).await?;
        self.inner.guild_totals(g, since).await
    }
    async fn prune(&self, before: Date) -> Result<u64, StoreError> {
        self.gate(false).await?;
        self.inner.prune(before).await
    }
    async fn forget_guild(&self, g: GuildId) -> Result<(), StoreError> {
        self.gate(false).await?;
        self.inner.forget_guild(g).await
    }
}
