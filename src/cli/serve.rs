//! `serve`: run the Discord bot.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use signpost::config::{Config, ShardPlan};

/// Options of `signpost serve`.
#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Settings file (see signpost.example.toml); `signpost.toml` is used when
    /// present, defaults otherwise. The token comes from DISCORD_TOKEN.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Show other crates' log events in full. They can contain patients'
    /// message text: only for debugging on a test server.
    #[arg(long)]
    pub unsafe_debug_logs: bool,
    /// Gateway shards to run: `auto` (Discord's recommendation, all here),
    /// `N`, or `A-B` with `--shard-total` (split a bot across processes).
    #[arg(long, value_name = "auto|N|A-B")]
    pub shards: Option<String>,
    /// All shards of the bot, across every process (with `--shards A-B`).
    #[arg(long, value_name = "N")]
    pub shard_total: Option<u32>,
}

/// Run until SIGINT/SIGTERM; exit 2 with setup help when there is no token.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let mut config = Config::load(super::config_path(args.config).as_deref())?;
    if let Some(shards) = &args.shards {
        config.shards = ShardPlan::parse(shards, args.shard_total).map_err(anyhow::Error::msg)?;
    } else if args.shard_total.is_some() {
        anyhow::bail!("--shard-total needs --shards A-B");
    }
    if config.token.is_none() {
        eprintln!("{}", signpost::discord::NO_TOKEN_HELP);
        return Ok(ExitCode::from(2));
    }
    signpost::telemetry::init(config.log_format, args.unsafe_debug_logs);
    if args.unsafe_debug_logs {
        tracing::warn!("--unsafe-debug-logs: other crates' logs may contain message text");
    }
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(signpost::discord::serve(
        config,
        signpost::discord::shutdown_signal(),
    ))?;
    Ok(ExitCode::SUCCESS)
}
