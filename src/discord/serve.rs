//! `signpost serve`: wire store, live engine and poise together, run until
//! shutdown, then finish in-flight answers and close the database.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;
use serenity::{ClientBuilder, GatewayIntents, HttpBuilder, UserId};

use super::data::{Data, InFlight};
use super::{commands, cooldown, digest, errors, events, probe, send, tally};
use crate::config::{Config, ShardPlan};
use crate::engine::{EngineError, Paths};
use crate::live::{self, LiveEngine};
use crate::store::{CountsStore, SettingsStore, StoreError};

/// How long shutdown waits for answers already being worked on.
const DRAIN: Duration = Duration::from_secs(10);

/// Printed by `signpost serve` when no token is configured.
pub const NO_TOKEN_HELP: &str = "\
No Discord bot token found. Set DISCORD_TOKEN, or `token_file` under [discord] in signpost.toml.

To create a bot:
  1. https://discord.com/developers/applications -> New Application -> Bot -> Reset Token;
     copy the token into DISCORD_TOKEN (never into a committed file).
  2. Intents: none of the privileged ones are needed for /ask, the context menu and
     @mentions. Enable Message Content only if a server will use auto mode (and set
     discord.message_content_intent = true).
  3. Invite it with scopes `bot applications.commands` and the permissions
     View Channels, Send Messages, Send Messages in Threads, Embed Links,
     Read Message History (integer 274877991936).

Without a token, `signpost ask \"your question\"` answers from the terminal.";

/// Why the bot stopped or could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("no Discord token (set DISCORD_TOKEN)")]
    NoToken,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot open the catalog: {0}")]
    Engine(#[from] EngineError),
    #[error("opening the catalog crashed")]
    EngineCrashed,
    #[error(
        "Discord rejected the bot token (gateway close code 4004). Check DISCORD_TOKEN or \
         discord.token_file; if the token was reset or leaked, copy the new one from the \
         Developer Portal (Bot → Reset Token)."
    )]
    BadToken,
    #[error(
        "Discord refused the gateway intents (close code 4014): auto mode needs the Message \
         Content intent. Enable it in the Developer Portal (Bot → Privileged Gateway Intents) \
         or set discord.message_content_intent = false."
    )]
    DisallowedIntents,
    #[error("Discord client: {0}")]
    Discord(serenity::Error),
    #[error("cannot listen for the operators' endpoints (ops.listen): {0}")]
    Ops(std::io::Error),
}

impl From<serenity::Error> for ServeError {
    /// Fatal gateway refusals get messages that say what to fix.
    fn from(e: serenity::Error) -> Self {
        use serenity::all::GatewayError;
        match e {
            serenity::Error::Gateway(GatewayError::InvalidAuthentication) => ServeError::BadToken,
            serenity::Error::Gateway(
                GatewayError::DisallowedGatewayIntents | GatewayError::InvalidGatewayIntents,
            ) => ServeError::DisallowedIntents,
            other => ServeError::Discord(other),
        }
    }
}

/// Gateway intents: no privileged ones unless auto mode is configured.
pub fn intents(config: &Config) -> GatewayIntents {
    let base =
        GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES;
    if config.message_content_intent {
        base | GatewayIntents::MESSAGE_CONTENT
    } else {
        base
    }
}

/// Only what the bot reads: guilds, channels and its own member (for
/// permission checks); no message cache, no user cache.
fn cache_settings() -> serenity::cache::Settings {
    let mut s = serenity::cache::Settings::default();
    s.max_messages = 0;
    s.cache_users = false;
    s
}

/// Run the bot until `shutdown` resolves (SIGINT/SIGTERM in production).
pub async fn serve(
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    serve_with(config, Parts::default(), shutdown).await
}

/// What `serve` is built from besides the config. Production uses the
/// defaults; tests swap in an HTTP client that trusts a local fake Discord
/// (so serenity's ratelimiter stays on) or a store that can be slowed or
/// failed, to prove the fault paths end to end.
pub struct Parts {
    /// Every REST call goes through this client (timeouts matter).
    pub http_client: reqwest::Client,
    /// The settings store; `None` opens the configured SQLite file.
    pub store: Option<Arc<dyn SettingsStore>>,
    /// The daily counters; `None` uses the configured SQLite file.
    pub counts: Option<Arc<dyn CountsStore>>,
}

impl Default for Parts {
    fn default() -> Self {
        Parts {
            http_client: super::deliver::http_client(),
            store: None,
            counts: None,
        }
    }
}

/// The settings store and the counters: the given ones, else both on the
/// configured database (one pool, opened once, only when needed).
async fn stores(
    config: &Config,
    parts: &mut Parts,
) -> Result<(Arc<dyn SettingsStore>, Arc<dyn CountsStore>), StoreError> {
    match (parts.store.take(), parts.counts.take()) {
        (Some(s), Some(c)) => Ok((s, c)),
        (s, c) => {
            let (store, counts) = crate::store::open(&config.db).await?;
            Ok((s.unwrap_or(store), c.unwrap_or(counts)))
        }
    }
}

/// Load the settings of this process's servers into memory, so the first
/// question from each does not wait for the database (a network round trip
/// on PostgreSQL). A failure only means they are read as questions come.
async fn warm(store: &dyn SettingsStore, plan: ShardPlan) {
    let started = std::time::Instant::now();
    match store.warm(&move |g| plan.owns(g)).await {
        Ok(0) => {}
        Ok(servers) => {
            let ms = started.elapsed().as_millis() as u64;
            tracing::info!(servers, ms, "server settings loaded into memory");
        }
        Err(e) => tracing::warn!(error = %e, "could not preload server settings"),
    }
}

/// [`serve`] with its parts given.
pub async fn serve_with(
    config: Config,
    mut parts: Parts,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let token = config.token.clone().ok_or(ServeError::NoToken)?;
    let (store, counts) = stores(&config, &mut parts).await?;
    warm(store.as_ref(), config.shards).await;
    let paths = Paths {
        resources: config.resources.clone(),
        index: config.index.clone(),
    };
    let engine = tokio::task::spawn_blocking(move || LiveEngine::open(paths))
        .await
        .map_err(|_| ServeError::EngineCrashed)??;
    let engine = Arc::new(engine);
    let watcher = live::watch(engine.clone(), &config.resources)
        .inspect_err(
            |e| tracing::warn!(error = %e, "not watching the catalog; use /signpost reload"),
        )
        .ok();
    let in_flight = Arc::new(InFlight::default());
    let config = Arc::new(config);
    let pruner = tally::keep_days(counts.clone(), config.retention_days);
    let data = Data {
        engine: engine.clone(),
        store: store.clone(),
        counts: counts.clone(),
        votes: Default::default(),
        config: config.clone(),
        limiter: cooldown::Limiter::default(),
        in_flight: in_flight.clone(),
    };
    let mut client = build_client(&config, token.expose(), data, parts.http_client).await?;
    let sidecars = sidecars(&client, &config, engine, counts).await?;
    let shards = client.shard_manager.clone();
    let stopper = tokio::spawn(async move {
        shutdown.await;
        tracing::info!("shutting down: closing the gateway");
        shards.shutdown_all().await;
    });
    let result = run(&mut client, config.shards).await;
    stopper.abort();
    if tokio::time::timeout(DRAIN, in_flight.wait_idle())
        .await
        .is_err()
    {
        tracing::warn!("some answers were still in progress at shutdown");
    }
    drop(watcher);
    pruner.abort();
    for task in sidecars {
        task.abort();
    }
    store.close().await;
    tracing::info!("stopped");
    result.map_err(Into::into)
}

/// The tasks beside the client: the operators' endpoints (`ops.listen`) and
/// the review digest (`digest.channel`), each only when configured.
async fn sidecars(
    client: &serenity::Client,
    config: &Arc<Config>,
    engine: Arc<LiveEngine>,
    counts: Arc<dyn CountsStore>,
) -> Result<Vec<tokio::task::JoinHandle<()>>, ServeError> {
    let mut tasks = Vec::new();
    if let Some(addr) = config.ops_listen {
        let probe = probe::BotProbe {
            shards: client.shard_manager.clone(),
            engine: engine.clone(),
            counts: counts.clone(),
        };
        let endpoints = crate::ops::serve(addr, Arc::new(probe)).await;
        tasks.push(endpoints.map_err(ServeError::Ops)?);
    }
    let digest = digest::Digest {
        http: client.http.clone(),
        engine,
        counts,
        config: config.clone(),
    };
    tasks.extend(digest.start());
    Ok(tasks)
}

/// Connect the planned shards and run until they stop.
async fn run(client: &mut serenity::Client, plan: ShardPlan) -> Result<(), serenity::Error> {
    match plan {
        ShardPlan::Single => client.start().await,
        ShardPlan::Auto => client.start_autosharded().await,
        // serenity reads the range's end as the last shard (inclusive).
        ShardPlan::Range { first, last, total } => {
            tracing::info!(first, last, total, "starting shards");
            client.start_shard_range(first..last, total).await
        }
    }
}

async fn build_client(
    config: &Config,
    token: &str,
    data: Data,
    http_client: reqwest::Client,
) -> Result<serenity::Client, ServeError> {
    let mut http = HttpBuilder::new(token).client(http_client);
    if let Some(url) = &config.api_base_url {
        // serenity applies the proxy only with its ratelimiter off (its issue #1739).
        http = http.proxy(url).ratelimiter_disabled(true);
    }
    let register_in = config.register_in_guild;
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: commands::all(),
            on_error: |e| Box::pin(errors::on_error(e)),
            event_handler: |fw, event| Box::pin(events::handle(fw, event)),
            allowed_mentions: Some(send::no_mentions()),
            owners: config.owners.iter().map(|&o| UserId::new(o)).collect(),
            prefix_options: poise::PrefixFrameworkOptions {
                mention_as_prefix: false,
                ..Default::default()
            },
            ..Default::default()
        })
        .setup(move |ctx, _ready, framework| {
            Box::pin(async move {
                register(ctx, &framework.options().commands, register_in).await;
                Ok(data)
            })
        })
        .build();
    let client = ClientBuilder::new_with_http(http.build(), intents(config))
        .framework(framework)
        .cache_settings(cache_settings())
        .await?;
    if let Some(ws) = &config.gateway_url {
        *client.ws_url.lock().await = ws.clone();
    }
    Ok(client)
}

/// Register the commands. Failures are logged, never returned: a failing
/// poise `setup` would leave every later event unhandled.
async fn register(
    ctx: &serenity::Context,
    commands: &[poise::Command<Data, super::Error>],
    guild: Option<u64>,
) {
    let result = match guild {
        Some(g) => {
            poise::builtins::register_in_guild(ctx, commands, serenity::GuildId::new(g)).await
        }
        None => poise::builtins::register_globally(ctx, commands).await,
    };
    match result {
        Ok(()) => tracing::info!(commands = commands.len(), "commands registered"),
        Err(e) => {
            tracing::error!(error = %e, "command registration failed; existing registrations stay")
        }
    }
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
