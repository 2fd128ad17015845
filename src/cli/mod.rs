//! Argument parsing and dispatch. Each command lives in its own file.

/// `println!` that ignores a closed pipe (`signpost eval … | head`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

mod ask;
mod check;
mod eval;
mod links;
mod report;
mod serve;
mod train;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use signpost::engine::Paths;

/// Signpost: answers health questions with clinician-approved resources.
#[derive(Parser, Debug)]
#[command(name = "signpost", version, about)]
pub struct Cli {
    /// Show progress and timings on stderr (never question text).
    #[arg(short, long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// Where the catalog and index are.
#[derive(clap::Args, Debug, Clone)]
pub struct Locations {
    /// Catalog folder.
    #[arg(long, default_value = "resources", value_name = "DIR")]
    pub resources: PathBuf,
    /// Index folder (rebuilt automatically when stale).
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
}

/// The settings file to read: the one given, else `signpost.toml` when the
/// working folder has one (else none: built-in defaults).
fn config_path(given: Option<PathBuf>) -> Option<PathBuf> {
    let default = PathBuf::from("signpost.toml");
    given.or_else(|| default.exists().then_some(default))
}

impl Locations {
    fn paths(&self) -> Paths {
        Paths {
            resources: self.resources.clone(),
            index: self.index.clone(),
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Answer a question as the bot would (no Discord needed).
    Ask(ask::AskArgs),
    /// Check the catalog and report every problem with file and line.
    Check {
        #[arg(long, default_value = "resources", value_name = "DIR")]
        resources: PathBuf,
        /// Index folder whose `links-state.json` holds `signpost links` results.
        #[arg(long, default_value = "index", value_name = "DIR")]
        index: PathBuf,
        /// Treat warnings, expired reviews and placeholder approvals as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Build the search index (atomically; the old one stays on failure).
    Index {
        #[command(flatten)]
        at: Locations,
    },
    /// List resources whose review date has passed or is near, by reviewer.
    Review {
        #[arg(long, default_value = "resources", value_name = "DIR")]
        resources: PathBuf,
        /// Also list reviews due within this many days (0 to 3650).
        #[arg(long, default_value_t = 30, value_name = "DAYS",
              value_parser = clap::value_parser!(i64).range(0..=3650))]
        within: i64,
        /// Index folder whose `links-state.json` marks resources with failing links.
        #[arg(long, default_value = "index", value_name = "DIR")]
        index: PathBuf,
    },
    /// List conditions with no resource for a region, or only one resource.
    Coverage {
        #[arg(long, default_value = "resources", value_name = "DIR")]
        resources: PathBuf,
    },
    /// Check every resource URL (HEAD/GET, redirects, soft 404s); exit 1 on
    /// broken links.
    Links(links::LinksArgs),
    /// The clinicians' report: reviews due, link health, feedback, gaps and
    /// coverage per region, as text, JSON or one self-contained HTML page.
    Report(report::ReportArgs),
    /// Measure answer quality on labelled questions.
    Eval(eval::EvalArgs),
    /// Train the learned crisis signal on the in-repo training sets.
    TrainScreen(train::TrainArgs),
    /// Run the Discord bot (token from DISCORD_TOKEN; see signpost.example.toml).
    Serve(serve::ServeArgs),
}

impl Command {
    /// `serve` sets up its own logging from its config (pretty or JSON).
    pub fn logs_itself(&self) -> bool {
        matches!(self, Command::Serve(_))
    }
}

/// Log to stderr; `RUST_LOG` overrides the level.
pub fn init_logging(verbose: bool) {
    let default = if verbose { "signpost=debug" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Run one command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Ask(args) => ask::run(args),
        Command::Check {
            resources,
            index,
            strict,
        } => check::check(&resources, &index, strict),
        Command::Index { at } => check::index(&at.paths()),
        Command::Review {
            resources,
            within,
            index,
        } => check::review(&resources, within, &index),
        Command::Coverage { resources } => check::coverage(&resources),
        Command::Links(args) => links::run(args),
        Command::Report(args) => report::run(args),
        Command::Eval(args) => eval::run(args),
        Command::TrainScreen(args) => train::run(args),
        Command::Serve(args) => serve::run(args),
    }
}
