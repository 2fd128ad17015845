//! `signpost`: thin binary over the library.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "signpost",
    version,
    about = "Clinician-approved health links, nothing else"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the Discord bot (token from DISCORD_TOKEN or the config's token_file)
    Serve {
        /// Settings file (see signpost.example.toml); defaults when absent
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("signpost: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Serve { config } => serve(config),
    }
}

fn serve(config: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let default = PathBuf::from("signpost.toml");
    let path = config.or_else(|| default.exists().then_some(default));
    let config = signpost::config::Config::load(path.as_deref())?;
    if config.token.is_none() {
        eprintln!("{}", signpost::discord::NO_TOKEN_HELP);
        return Ok(ExitCode::from(2));
    }
    signpost::telemetry::init(config.log_format);
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(signpost::discord::serve(
        config,
        signpost::discord::shutdown_signal(),
    ))?;
    Ok(ExitCode::SUCCESS)
}
