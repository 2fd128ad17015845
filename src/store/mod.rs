//! Per-server settings chosen by moderators, and daily counters, behind
//! small traits.
//!
//! [`SettingsStore`] and [`CountsStore`] are what the Discord adapter uses;
//! [`SqliteStore`] (the embedded default) and [`PgStore`] (one database
//! shared by several processes) implement both, with one schema each in
//! `migrations/`. [`open`] picks the backend from the configuration.
//! Nothing here ever holds message or question text, or a user id.

mod cached;
pub mod counts;
pub mod gaps;
pub mod listen;
mod postgres;
mod postgres_counts;
mod rows;
mod sqlite;
mod sqlite_counts;
mod sqlite_gaps;

pub use cached::{CachedStore, GUILD_TTL};
pub use counts::{CountsStore, Feedback, GuildTotals, Outcome, ResourceFeedback};
pub use gaps::{Gap, GapKind, GapRow, GapSummary, Threshold};
pub use postgres::PgStore;
pub use sqlite::SqliteStore;

use std::sync::Arc;

use std::fmt;
use std::str::FromStr;

use crate::nation::Nation;

/// Where settings and counts live.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    /// An embedded SQLite file (created on first start).
    Sqlite(std::path::PathBuf),
    /// A PostgreSQL server, by URL (may hold a password: never printed).
    Postgres(String),
}

impl fmt::Debug for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Database::Sqlite(p) => write!(f, "Sqlite({})", p.display()),
            Database::Postgres(_) => f.write_str("Postgres(<url withheld>)"),
        }
    }
}

/// Both stores on the configured database (one pool): the settings behind
/// a cache, and the counters. On PostgreSQL the cache also follows other
/// processes' changes ([`listen`]).
pub async fn open(
    db: &Database,
) -> Result<(Arc<dyn SettingsStore>, Arc<dyn CountsStore>), StoreError> {
    Ok(match db {
        Database::Sqlite(path) => {
            let s = SqliteStore::open(path).await?;
            (Arc::new(CachedStore::new(s.clone())), Arc::new(s))
        }
        Database::Postgres(url) => {
            let s = PgStore::connect(url).await?;
            let cache = Arc::new(CachedStore::new(s.clone()));
            listen::start(s.pool().clone(), &cache).await;
            (cache, Arc::new(s))
        }
    })
}

/// Discord snowflake of a server.
pub type GuildId = u64;
/// Discord snowflake of a channel or thread.
pub type ChannelId = u64;

/// Why a settings operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("settings database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("settings database migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot create the directory for {path}: {source}")]
    CreateDir {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("settings database holds an invalid value in {0}")]
    Corrupt(&'static str),
}

/// How the bot behaves in one channel, beyond `/ask` and the context menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChannelMode {
    /// Only slash commands and the context menu (default-deny).
    #[default]
    Off,
    /// Answer messages that @mention the bot.
    Mentions,
    /// Mentions, plus confident answers to question-like messages.
    Auto,
}

impl ChannelMode {
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelMode::Off => "off",
            ChannelMode::Mentions => "mentions",
            ChannelMode::Auto => "auto",
        }
    }

    /// Whether an @mention is answered in this channel.
    pub fn answers_mentions(self) -> bool {
        self != ChannelMode::Off
    }
}

impl fmt::Display for ChannelMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ChannelMode {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "off" => Ok(ChannelMode::Off),
            "mentions" => Ok(ChannelMode::Mentions),
            "auto" => Ok(ChannelMode::Auto),
            _ => Err(StoreError::Corrupt("channel_modes.mode")),
        }
    }
}

/// One server's settings; `None` means "use the bot's configured default".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuildSettings {
    /// Region code for answers and emergency contacts.
    pub region: Option<String>,
    /// Answers are private (ephemeral) unless the asker says otherwise.
    pub private_default: bool,
    /// Resources per answer, 1 to 5.
    pub results: Option<u8>,
    /// Per-channel cooldown in seconds for public answers.
    pub cooldown_secs: Option<u32>,
    /// Moderator-only channel told (with a jump link only) about crisis-screened questions.
    pub log_channel: Option<ChannelId>,
    /// Labelled pages from the region's fallback chain when it has none that
    /// fit; `None`: the deployment's default.
    pub fallback: Option<bool>,
    /// The server's UK nation (only used when its region is `uk`); `None`:
    /// the deployment's default.
    pub nation: Option<Nation>,
}

impl GuildSettings {
    /// What to answer with when a server's settings cannot be read and none
    /// were read before: privately (the safer way for a patient), with no
    /// crisis log channel and the region left to the asker's language.
    pub fn fail_safe() -> GuildSettings {
        GuildSettings {
            private_default: true,
            ..GuildSettings::default()
        }
    }
}

/// One setting a moderator changes. Written as a single-column update, so
/// two moderators changing different settings at once both keep theirs.
#[derive(Debug, Clone, PartialEq)]
pub enum GuildField {
    Region(Option<String>),
    PrivateDefault(bool),
    Results(Option<u8>),
    CooldownSecs(Option<u32>),
    LogChannel(Option<ChannelId>),
    Fallback(Option<bool>),
    Nation(Option<Nation>),
}

impl GuildField {
    /// Apply the change to settings held in memory.
    pub fn apply(&self, s: &mut GuildSettings) {
        match self {
            GuildField::Region(v) => s.region.clone_from(v),
            GuildField::PrivateDefault(v) => s.private_default = *v,
            GuildField::Results(v) => s.results = *v,
            GuildField::CooldownSecs(v) => s.cooldown_secs = *v,
            GuildField::LogChannel(v) => s.log_channel = *v,
            GuildField::Fallback(v) => s.fallback = *v,
            GuildField::Nation(v) => s.nation = *v,
        }
    }
}

/// Storage for moderators' settings.
#[serenity::async_trait]
pub trait SettingsStore: Send + Sync {
    /// A server's settings (defaults when it has none).
    async fn guild(&self, guild: GuildId) -> Result<GuildSettings, StoreError>;
    /// Replace a server's settings.
    async fn save_guild(&self, guild: GuildId, settings: &GuildSettings) -> Result<(), StoreError>;
    /// Change one setting, leaving the others as they are in the database.
    async fn set_field(&self, guild: GuildId, field: &GuildField) -> Result<(), StoreError>;
    /// The mode of one channel (`Off` when never set).
    async fn channel_mode(
        &self,
        guild: GuildId,
        channel: ChannelId,
    ) -> Result<ChannelMode, StoreError>;
    /// Set one channel's mode; `Off` removes its row.
    async fn set_channel_mode(
        &self,
        guild: GuildId,
        channel: ChannelId,
        mode: ChannelMode,
    ) -> Result<(), StoreError>;
    /// Every channel with a mode other than `Off`, by channel id.
    async fn channels(&self, guild: GuildId) -> Result<Vec<(ChannelId, ChannelMode)>, StoreError>;
    /// Whether any channel anywhere uses auto mode.
    async fn any_auto(&self) -> Result<bool, StoreError>;
    /// Forget everything about a server (the bot was removed from it).
    async fn delete_guild(&self, guild: GuildId) -> Result<(), StoreError>;

    /// Every stored server's settings, to warm a cache at start. Backends
    /// where a read costs a network round trip implement it; the default
    /// (nothing) leaves the cache to fill as questions come.
    async fn all_guilds(&self) -> Result<Vec<(GuildId, GuildSettings)>, StoreError> {
        Ok(Vec::new())
    }

    /// Every stored channel mode, to warm a cache at start (see
    /// [`SettingsStore::all_guilds`]).
    async fn all_channels(&self) -> Result<Vec<(GuildId, ChannelId, ChannelMode)>, StoreError> {
        Ok(Vec::new())
    }

    /// Load into memory the settings of the servers `owns` says this process
    /// answers; how many were loaded. Only a cache does anything.
    async fn warm(
        &self,
        _owns: &(dyn Fn(GuildId) -> bool + Send + Sync),
    ) -> Result<usize, StoreError> {
        Ok(0)
    }
    /// Flush and close; later calls fail.
    async fn close(&self);
}
