//! `report`: the clinicians' report as text, JSON or one HTML page.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use signpost::config::Config;
use signpost::engine::today;
use signpost::links::LinkState;
use signpost::report::{Inputs, Report, render_html, render_text};
use signpost::store::counts::days_back;
use signpost::store::{Database, GapSummary, ResourceFeedback, Threshold};

/// Output formats of `signpost report`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Html,
}

/// Options of `signpost report`.
#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// Feedback and gap counts over this many days, today included.
    #[arg(long, default_value_t = 30, value_name = "DAYS",
          value_parser = clap::value_parser!(u16).range(1..=3650))]
    pub since: u16,
    /// List reviews due within this many days (and every overdue one).
    #[arg(long, default_value_t = 30, value_name = "DAYS",
          value_parser = clap::value_parser!(i64).range(0..=3650))]
    pub within: i64,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Catalog folder (default: `paths.resources` of the config, `resources`).
    #[arg(long, value_name = "DIR")]
    pub resources: Option<PathBuf>,
    /// Index folder holding `links-state.json` (default: `paths.index`, `index`).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// The bot's database (default: `paths.database`, `data/signpost.db`).
    #[arg(long, value_name = "FILE")]
    pub database: Option<PathBuf>,
    /// Settings file; `signpost.toml` when present.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Build the report and write it out.
pub fn run(args: ReportArgs) -> anyhow::Result<ExitCode> {
    let config = Config::load(super::config_path(args.config.clone()).as_deref())?;
    let resources = args.resources.clone().unwrap_or(config.resources.clone());
    let index = args.index.clone().unwrap_or(config.index.clone());
    let database = match &args.database {
        Some(file) => Database::Sqlite(file.clone()),
        None => config.db.clone(),
    };
    let catalog = super::check::load_clean(&resources)?;
    let links = link_history(&index);
    let today = today();
    let usage = usage(
        &database,
        days_back(today, args.since),
        config.gap_threshold,
    )?;
    let inputs = Inputs {
        today,
        window_days: args.since,
        due_within_days: args.within,
        links: links.as_ref(),
        usage: usage
            .as_ref()
            .map(|(feedback, gaps)| (feedback.as_slice(), gaps, config.gap_threshold)),
    };
    let report = Report::build(&catalog, inputs);
    let text = match args.format {
        Format::Text => render_text(&report),
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
        Format::Html => render_html(&report),
    };
    match &args.out {
        Some(path) => {
            std::fs::write(path, text)
                .with_context(|| format!("writing the report to {}", path.display()))?;
            eprintln!("report written to {}", path.display());
        }
        None => out!("{}", text.trim_end()),
    }
    Ok(ExitCode::SUCCESS)
}

/// The stored link-check history, if any (trouble reading it is a note).
fn link_history(index: &Path) -> Option<LinkState> {
    let path = signpost::links::state_path(index);
    LinkState::load(&path).unwrap_or_else(|e| {
        eprintln!("warning: {e}; the report shows no link results");
        None
    })
}

type Usage = (Vec<ResourceFeedback>, GapSummary);

/// Feedback and gap counts from the bot's database; `None` (with a note)
/// when there is no SQLite file yet. The report never creates one.
fn usage(
    database: &Database,
    since: time::Date,
    threshold: Threshold,
) -> anyhow::Result<Option<Usage>> {
    if let Database::Sqlite(file) = database
        && !file.exists()
    {
        eprintln!(
            "note: no database at {}; the report has no feedback or gap counts",
            file.display()
        );
        return Ok(None);
    }
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(async {
        let (settings, counts) = signpost::store::open(database)
            .await
            .with_context(|| format!("opening the database ({database:?})"))?;
        let feedback = counts.resource_feedback(since).await?;
        let gaps = counts.gaps(since, threshold).await?;
        settings.close().await;
        Ok(Some((feedback, gaps)))
    })
}
