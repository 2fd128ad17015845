//! `links`: check every resource URL against the live web.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use signpost::config::Config;
use signpost::links::{self, LinkReport, LinkState, Settings, Target};

/// Options of `signpost links`.
#[derive(clap::Args, Debug)]
pub struct LinksArgs {
    /// Catalog folder (default: `paths.resources` of the config, `resources`).
    #[arg(long, value_name = "DIR")]
    pub resources: Option<PathBuf>,
    /// Index folder holding `links-state.json` (default: `paths.index`, `index`).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Settings file with a `[links]` section; `signpost.toml` when present.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// One JSON object per resource per line instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Check only these resource ids.
    #[arg(long, value_name = "ID", num_args = 1..)]
    pub only: Vec<String>,
    /// Rewrite permanently redirected URLs in place and print the diff.
    #[arg(long)]
    pub fix: bool,
}

/// Check, print, remember, maybe fix; exit 1 when a link is broken or a
/// soft 404.
pub fn run(args: LinksArgs) -> anyhow::Result<ExitCode> {
    let config = Config::load(super::config_path(args.config.clone()).as_deref())?;
    let resources = args.resources.clone().unwrap_or(config.resources.clone());
    let index = args.index.clone().unwrap_or(config.index.clone());
    let targets = chosen(links::read_targets(&resources)?, &args.only)?;
    if config.links.contact.is_none() {
        eprintln!("note: set `links.contact` in signpost.toml so site owners can reach you");
    }
    let settings = Settings::from_config(&config.links);
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let reports = runtime.block_on(links::check_all(&targets, settings))?;
    print(&reports, args.json);
    remember(&links::state_path(&index), &reports, args.only.is_empty());
    if args.fix {
        fix(&reports, args.json)?;
    }
    let failed = reports.iter().any(|r| r.verdict.is_failure());
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The targets named by `--only` (all without it); an unknown id is an error.
fn chosen(targets: Vec<Target>, only: &[String]) -> anyhow::Result<Vec<Target>> {
    if only.is_empty() {
        return Ok(targets);
    }
    if let Some(missing) = only.iter().find(|id| !targets.iter().any(|t| &t.id == *id)) {
        bail!("no resource has the id `{missing}`");
    }
    Ok(targets
        .into_iter()
        .filter(|t| only.contains(&t.id))
        .collect())
}

fn print(reports: &[LinkReport], json: bool) {
    if json {
        for r in reports {
            out!("{}", r.json_line());
        }
    } else {
        for line in links::report::table(reports) {
            out!("{line}");
        }
    }
    eprintln!("{}", links::report::summary(reports));
}

/// Fold the results into the state file (a full run also forgets URLs no
/// longer in the catalog); trouble with the file is only a warning.
fn remember(path: &Path, reports: &[LinkReport], full_run: bool) {
    let mut state = match LinkState::load(path) {
        Ok(s) => s.unwrap_or_default(),
        Err(e) => {
            eprintln!("warning: {e}; starting a new history");
            LinkState::default()
        }
    };
    state.record(reports);
    if full_run {
        state.forget_others(reports);
    }
    if let Err(e) = state.save(path) {
        eprintln!("warning: results not kept: {e}");
    }
}

/// Rewrite moved URLs; the diff goes to stdout, or stderr beside `--json`.
fn fix(reports: &[LinkReport], json: bool) -> anyhow::Result<()> {
    let mut fixed = 0;
    for (file, changes) in links::fixes_by_file(reports) {
        let Some(done) = links::fix::fix_file(&file, &changes)? else {
            continue;
        };
        fixed += done.lines.len();
        let diff = links::fix::diff(&done);
        if json {
            eprint!("{diff}");
        } else {
            out!("{}", diff.trim_end());
        }
    }
    eprintln!("--fix: {fixed} URL(s) rewritten");
    Ok(())
}
