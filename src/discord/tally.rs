//! The daily counters, written beside the answer path, never in its way.
//!
//! Every write runs in its own task: a slow or failing database can delay
//! nothing but the write itself, and a failure is logged (ids only) and
//! dropped. Counts are best effort; answers are not.

use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinHandle;

use super::answer::FAST_PATH;
use super::data::Data;
use crate::reply::Reply;
use crate::store::counts::{self, CountsStore, Feedback, Outcome};
use crate::store::gaps::Gap;

/// How often old daily rows are looked for.
const PRUNE_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// Count an answer delivered in `guild`, and its gap if it fell short (DMs
/// are not counted: no server to report to, and a gap topic must come from
/// several servers before anyone sees it).
pub fn answered(data: &Data, guild: Option<u64>, reply: &Reply) {
    let Some(guild) = guild else { return };
    let outcome = Outcome {
        no_match: reply.no_match,
        emergency: reply.emergency.is_some(),
    };
    let gap = Gap::of(reply);
    let store = data.counts.clone();
    tokio::spawn(async move {
        let day = counts::today();
        if let Err(e) = store.answered(day, guild, outcome).await {
            tracing::error!(guild, error = %e, "answer not counted");
        }
        if let Some(gap) = gap
            && let Err(e) = store.gap(day, guild, &gap).await
        {
            tracing::error!(guild, error = %e, "gap not counted");
        }
    });
}

/// Count feedback, waiting at most the fast path for the write so that a
/// click's reply is never late (the write carries on if the wait ends).
pub async fn feedback(data: &Data, guild: Option<u64>, resources: Vec<String>, kind: Feedback) {
    let store = data.counts.clone();
    let write = tokio::spawn(async move {
        let written = store
            .feedback(counts::today(), guild, &resources, kind)
            .await;
        if let Err(e) = written {
            tracing::error!(guild, kind = kind.column(), error = %e, "feedback not counted");
        }
    });
    if tokio::time::timeout(FAST_PATH, write).await.is_err() {
        tracing::warn!("slow feedback write; replying before it lands");
    }
}

/// Delete daily rows older than `days` now and then once a day, until the
/// returned task is aborted.
pub fn keep_days(store: Arc<dyn CountsStore>, days: u16) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let before = counts::days_back(counts::today(), days);
            match store.prune(before).await {
                Ok(gone) => tracing::info!(gone, days, "old daily counts deleted"),
                Err(e) => tracing::error!(error = %e, "old daily counts not deleted"),
            }
            tokio::time::sleep(PRUNE_EVERY).await;
        }
    })
}
