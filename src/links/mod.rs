//! The link checker behind `signpost links`: does every resource URL still
//! lead to the page a clinician approved?
//!
//! * [`targets`] reads each resource's id, URL, file and line.
//! * [`probe`] asks the servers (HEAD, then GET; redirects by hand; polite
//!   per-host limits and `Retry-After`).
//! * [`verdict`] turns the responses into a [`Verdict`]; [`parse`] reads
//!   titles, bot-check pages and headers. Both are pure.
//! * [`report`] prints the table and the JSON Lines.
//! * [`state`] remembers results so `signpost check` can say "broken since".
//! * [`fix`] rewrites permanently moved URLs in place.

pub mod fix;
pub mod parse;
pub mod probe;
pub mod report;
pub mod state;
pub mod targets;
pub mod verdict;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

pub use probe::{Prober, Settings};
pub use report::LinkReport;
pub use state::{LinkNote, LinkState, STATE_FILE, UrlState, state_path};
pub use targets::{Target, read_targets};
pub use verdict::Verdict;

use verdict::{Finding, Hop};

/// Why a link check could not run (a bad link is a result, not an error).
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: invalid TOML: {message}")]
    Toml { path: PathBuf, message: String },
    #[error("{path}: unreadable link-check results: {message}")]
    State { path: PathBuf, message: String },
    #[error("cannot set up the HTTP client: {0}")]
    Client(String),
}

/// Check every target, each distinct URL once, at most
/// `settings.concurrency` at a time. Reports come back in target order.
pub async fn check_all(
    targets: &[Target],
    settings: Settings,
) -> Result<Vec<LinkReport>, LinkError> {
    let limit = Arc::new(tokio::sync::Semaphore::new(settings.concurrency.max(1)));
    let prober = Arc::new(Prober::new(settings)?);
    let mut urls: Vec<&str> = targets.iter().map(|t| t.url.as_str()).collect();
    urls.sort_unstable();
    urls.dedup();
    let mut tasks = tokio::task::JoinSet::new();
    for url in urls {
        let (url, prober, limit) = (url.to_string(), prober.clone(), limit.clone());
        tasks.spawn(async move {
            let _permit = limit.acquire_owned().await.expect("never closed");
            let started = std::time::Instant::now();
            let probe = prober.probe(&url).await;
            let finding = verdict::classify(&probe);
            tracing::debug!(url = %url, verdict = finding.verdict.as_str(),
                millis = started.elapsed().as_millis() as u64, "link checked");
            (url, (finding, probe.chain, now_rfc3339()))
        });
    }
    let mut found: HashMap<String, (Finding, Vec<Hop>, String)> = HashMap::new();
    while let Some(joined) = tasks.join_next().await {
        let (url, result) = joined.expect("a link check never panics");
        found.insert(url, result);
    }
    Ok(targets
        .iter()
        .map(|t| {
            let (finding, chain, at) = &found[&t.url];
            LinkReport::new(t, finding, chain, at)
        })
        .collect())
}

/// Now, as RFC 3339 UTC to the second.
pub fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Group the `redirected` reports' rewrites by file, for [`fix::fix_file`].
pub fn fixes_by_file(reports: &[LinkReport]) -> Vec<(PathBuf, Vec<fix::Change>)> {
    let mut by_file: std::collections::BTreeMap<PathBuf, Vec<fix::Change>> = Default::default();
    for r in reports.iter().filter(|r| r.verdict == Verdict::Redirected) {
        let Some(to) = &r.fix_to else { continue };
        by_file
            .entry(PathBuf::from(&r.file))
            .or_default()
            .push(fix::Change {
                id: r.id.clone(),
                from: r.url.clone(),
                to: to.clone(),
            });
    }
    by_file.into_iter().collect()
}
