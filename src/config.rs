//! `signpost.toml`: the settings of `signpost serve`, read once at start.
//!
//! Two stages (raw → validated): [`RawConfig`] mirrors the file with every
//! field optional, [`Config`] is what the rest of the program reads. Secrets
//! come from the environment (`DISCORD_TOKEN`) or a `token_file`, never from
//! the TOML itself, and are never logged: [`Token`]'s `Debug` hides them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::nation::{NATIONS, Nation};
use crate::store::{Database, Threshold};

mod database;
mod digest;
mod links;
mod ops;
mod shards;
mod stats;
mod token;

pub use database::{DATABASE_URL_ENV, parse_url as parse_database_url};
pub use digest::DigestConfig;
use digest::RawDigest;
pub use links::LinksConfig;
use links::RawLinks;
use ops::RawOps;
pub use shards::ShardPlan;
use stats::RawStats;
pub use token::Token;
use token::resolve_token;

/// Environment variable holding the bot token; wins over `token_file`.
pub const TOKEN_ENV: &str = "DISCORD_TOKEN";

/// Why the configuration could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{path}: `{key}` {message}")]
    Invalid {
        path: PathBuf,
        key: &'static str,
        message: String,
    },
    #[error("{path}: `discord.token_file` = {file}: {source}")]
    TokenFile {
        path: PathBuf,
        file: PathBuf,
        source: std::io::Error,
    },
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

/// Validated settings of `signpost serve`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file the settings came from (for messages), or `<defaults>`.
    pub source: PathBuf,
    /// The clinician-approved catalog (`resources/`), watched for edits.
    pub resources: PathBuf,
    /// The search index directory.
    pub index: PathBuf,
    /// The SQLite settings database; created on first start.
    pub database: PathBuf,
    /// Where settings and counts live: [`Self::database`] unless a URL
    /// (`paths.database_url`, `DATABASE_URL`) names another.
    pub db: Database,
    /// Region for servers that chose none and for DMs. `None` (the default):
    /// from the asker's Discord language (en-GB → uk, en-US → us), then the
    /// server's, else `global` contacts.
    pub default_region: Option<String>,
    /// UK nation for `uk` servers that chose none (`answers.default_nation`).
    pub default_nation: Option<Nation>,
    /// Results per answer unless a server chose otherwise (1 to 5).
    pub results: u8,
    /// Whether a region with no page that fits may answer from its fallback
    /// chain (ie → uk, ca → us, au → uk, nz → au → uk), labelled by
    /// country, unless a server chose otherwise. Default: on.
    pub fallback: bool,
    /// Bot token; `None` means `serve` explains how to get one.
    pub token: Option<Token>,
    /// Replaces `https://discord.com` for REST calls (tests, proxies).
    /// Setting it disables serenity's ratelimiter (see the README).
    pub api_base_url: Option<String>,
    /// Replaces the gateway URL Discord advertises.
    pub gateway_url: Option<String>,
    /// Ask for the privileged MESSAGE_CONTENT intent (needed by auto mode).
    pub message_content_intent: bool,
    /// Extra owners (user ids) allowed to run `/signpost reload`.
    pub owners: Vec<u64>,
    /// Register slash commands in this guild only (instant; for testing).
    pub register_in_guild: Option<u64>,
    pub cooldowns: Cooldowns,
    pub log_format: LogFormat,
    /// Days of daily counts kept (`stats.retention_days`, 1 to 3650).
    pub retention_days: u16,
    /// When a gap topic is common enough to show (`stats.gap_min_*`).
    pub gap_threshold: Threshold,
    /// The review digest, when `digest.channel` is set.
    pub digest: Option<DigestConfig>,
    /// Where `/metrics`, `/healthz` and `/readyz` listen (`ops.listen`).
    pub ops_listen: Option<std::net::SocketAddr>,
    /// The gateway shards this process runs (`serve --shards`).
    pub shards: ShardPlan,
    /// How `signpost links` treats the sites it checks.
    pub links: LinksConfig,
}

/// Limits on how often the bot answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cooldowns {
    /// One question per user per this long.
    pub user: Duration,
    /// One public answer per channel per this long (servers may override).
    pub channel: Duration,
    /// The same answer is not posted twice in a channel within this long.
    pub duplicate: Duration,
    /// Auto mode answers at most once per channel or thread within this long.
    pub auto: Duration,
}

/// The file as written; every field optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    #[serde(default)]
    paths: RawPaths,
    #[serde(default)]
    answers: RawAnswers,
    #[serde(default)]
    discord: RawDiscord,
    #[serde(default)]
    cooldowns: RawCooldowns,
    #[serde(default)]
    log: RawLog,
    #[serde(default)]
    stats: RawStats,
    #[serde(default)]
    links: RawLinks,
    #[serde(default)]
    digest: RawDigest,
    #[serde(default)]
    ops: RawOps,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPaths {
    resources: Option<PathBuf>,
    index: Option<PathBuf>,
    database: Option<PathBuf>,
    database_url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswers {
    default_region: Option<String>,
    default_nation: Option<String>,
    results: Option<u8>,
    fallback: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDiscord {
    token_file: Option<PathBuf>,
    api_base_url: Option<String>,
    gateway_url: Option<String>,
    message_content_intent: Option<bool>,
    owners: Option<Vec<u64>>,
    register_in_guild: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCooldowns {
    user_seconds: Option<u64>,
    channel_seconds: Option<u64>,
    duplicate_minutes: Option<u64>,
    auto_seconds: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLog {
    format: Option<LogFormat>,
}

impl Config {
    /// Read `path` (or only defaults when `None`), then apply the environment.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let env_token = std::env::var(TOKEN_ENV).ok();
        let mut config = match path {
            None => RawConfig::default().validate(Path::new("<defaults>"), env_token),
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                    path: path.to_path_buf(),
                    source,
                })?;
                Config::from_toml(&text, path, env_token)
            }
        }?;
        let env_url = std::env::var(DATABASE_URL_ENV).ok();
        if env_url.as_deref().is_some_and(|u| !u.trim().is_empty()) {
            config.db = database::choose(env_url, None, &config.database).map_err(|(key, m)| {
                ConfigError::Invalid {
                    path: config.source.clone(),
                    key,
                    message: m,
                }
            })?;
        }
        Ok(config)
    }

    /// Parse TOML text; `path` only names the source in errors.
    pub fn from_toml(
        text: &str,
        path: &Path,
        env_token: Option<String>,
    ) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        raw.validate(path, env_token)
    }
}

/// Upper bounds of the cooldowns, as (key, most allowed, unit).
const COOLDOWN_BOUNDS: &[(&str, u64, &str)] = &[
    ("cooldowns.user_seconds", 3_600, "seconds"),
    ("cooldowns.channel_seconds", 3_600, "seconds"),
    ("cooldowns.duplicate_minutes", 1_440, "minutes"),
    ("cooldowns.auto_seconds", 86_400, "seconds"),
];

impl RawConfig {
    /// The first id or duration outside what makes sense, as (key, why).
    fn out_of_bounds(&self) -> Option<(&'static str, String)> {
        if self.discord.owners.iter().flatten().any(|&o| o == 0) {
            return Some(("discord.owners", "user ids are Discord ids, never 0".into()));
        }
        let c = &self.cooldowns;
        let values = [
            c.user_seconds,
            c.channel_seconds,
            c.duplicate_minutes,
            c.auto_seconds,
        ];
        COOLDOWN_BOUNDS
            .iter()
            .zip(values)
            .find(|((_, max, _), v)| v.is_some_and(|v| v > *max))
            .map(|((key, max, unit), _)| (*key, format!("must be at most {max} {unit}")))
    }

    /// Fill defaults, check ranges, resolve the token.
    pub fn validate(self, path: &Path, env_token: Option<String>) -> Result<Config, ConfigError> {
        let invalid = |key, message: &str| ConfigError::Invalid {
            path: path.to_path_buf(),
            key,
            message: message.to_string(),
        };
        if let Some((key, message)) = self.out_of_bounds() {
            return Err(invalid(key, &message));
        }
        let retention_days = self
            .stats
            .retention_days()
            .map_err(|(key, message)| invalid(key, &message))?;
        let gap_threshold = self
            .stats
            .gap_threshold()
            .map_err(|(key, message)| invalid(key, &message))?;
        let digest = self
            .digest
            .validate()
            .map_err(|(key, message)| invalid(key, &message))?;
        let ops_listen = self
            .ops
            .listen()
            .map_err(|(key, message)| invalid(key, &message))?;
        let results = self.answers.results.unwrap_or(3);
        if !(1..=5).contains(&results) {
            return Err(invalid("answers.results", "must be between 1 and 5"));
        }
        let default_region = non_empty(self.answers.default_region);
        if let Some(r) = &default_region
            && !crate::catalog::REGIONS.contains(&r.as_str())
        {
            return Err(invalid(
                "answers.default_region",
                &format!("must be one of {}", crate::catalog::REGIONS.join(", ")),
            ));
        }
        let default_nation = match non_empty(self.answers.default_nation) {
            None => None,
            Some(n) => Some(Nation::parse(&n).ok_or_else(|| {
                invalid(
                    "answers.default_nation",
                    &format!("must be one of {}", NATIONS.join(", ")),
                )
            })?),
        };
        let api_base_url = non_empty(self.discord.api_base_url);
        if let Some(url) = &api_base_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(invalid(
                "discord.api_base_url",
                "must start with http(s)://",
            ));
        }
        let gateway_url = non_empty(self.discord.gateway_url);
        if let Some(url) = &gateway_url
            && (!(url.starts_with("ws://") || url.starts_with("wss://")) || url.contains('?'))
        {
            return Err(invalid(
                "discord.gateway_url",
                "must start with ws(s):// and have no query string",
            ));
        }
        let token = resolve_token(path, env_token, self.discord.token_file)?;
        let links = self
            .links
            .validate()
            .map_err(|(key, message)| invalid(key, &message))?;
        let c = self.cooldowns;
        let database = self
            .paths
            .database
            .unwrap_or_else(|| "data/signpost.db".into());
        let db = database::choose(None, self.paths.database_url, &database)
            .map_err(|(key, message)| invalid(key, &message))?;
        Ok(Config {
            source: path.to_path_buf(),
            resources: self.paths.resources.unwrap_or_else(|| "resources".into()),
            index: self.paths.index.unwrap_or_else(|| "index".into()),
            database,
            db,
            default_region,
            default_nation,
            results,
            fallback: self.answers.fallback.unwrap_or(true),
            token,
            api_base_url,
            gateway_url,
            message_content_intent: self.discord.message_content_intent.unwrap_or(false),
            owners: self.discord.owners.unwrap_or_default(),
            register_in_guild: self.discord.register_in_guild,
            cooldowns: Cooldowns {
                user: Duration::from_secs(c.user_seconds.unwrap_or(10)),
                channel: Duration::from_secs(c.channel_seconds.unwrap_or(5)),
                duplicate: Duration::from_secs(60 * c.duplicate_minutes.unwrap_or(10)),
                auto: Duration::from_secs(c.auto_seconds.unwrap_or(600)),
            },
            log_format: self.log.format.unwrap_or(LogFormat::Pretty),
            retention_days,
            gap_threshold,
            digest,
            ops_listen,
            shards: ShardPlan::Single,
            links,
        })
    }
}

/// A region code: 2 to 8 lowercase ASCII letters.
pub fn is_region_code(s: &str) -> bool {
    (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().trim_end_matches('/').to_string())
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests;
