//! The weekly review digest: the clinicians' report, posted as embeds to
//! the channel an owner set in `[digest]` of `signpost.toml`.
//!
//! When it was last posted is kept in the database, so a restart neither
//! skips a digest nor posts one twice. Failures are logged (ids only) and
//! tried again at the next check; they never touch the answer path.

mod embeds;

use std::sync::Arc;
use std::time::Duration;

use serenity::all::{ChannelId, CreateMessage, Http};
use time::OffsetDateTime;
use tokio::task::JoinHandle;

use super::send::no_mentions;
use crate::config::{Config, DigestConfig};
use crate::links::{LinkState, state_path};
use crate::live::LiveEngine;
use crate::report::{Inputs, Report};
use crate::store::CountsStore;
use crate::store::counts::{self, days_back};

pub use embeds::digest_embeds;

/// How often the task looks whether a digest is due.
const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);
/// Feedback and gap counts in the digest cover this many days.
const WINDOW_DAYS: u16 = 30;

/// What the digest task needs; cheap to clone.
#[derive(Clone)]
pub struct Digest {
    pub http: Arc<Http>,
    pub engine: Arc<LiveEngine>,
    pub counts: Arc<dyn CountsStore>,
    pub config: Arc<Config>,
}

impl Digest {
    /// Post digests when due until the returned task is aborted; `None`
    /// when no digest channel is configured.
    pub fn start(self) -> Option<JoinHandle<()>> {
        let settings = self.config.digest?;
        Some(tokio::spawn(async move {
            loop {
                self.post_if_due(settings).await;
                tokio::time::sleep(CHECK_EVERY).await;
            }
        }))
    }

    async fn post_if_due(&self, settings: DigestConfig) {
        let channel = settings.channel;
        let now = OffsetDateTime::now_utc();
        match self.counts.digest_posted(channel).await {
            Ok(Some(last)) if now - last < time::Duration::days(settings.every_days.into()) => {
                tracing::debug!(channel, "review digest not due");
                return;
            }
            Ok(_) => {}
            Err(e) => {
                tracing::error!(channel, error = %e, "digest not posted: database unreadable");
                return;
            }
        }
        let report = match self.report(settings).await {
            Ok(r) => r,
            Err(e) => {
                tracing::error!(channel, error = %e, "digest not posted: counts unreadable");
                return;
            }
        };
        let message = CreateMessage::new()
            .content("Signpost review digest")
            .embeds(digest_embeds(&report))
            .allowed_mentions(no_mentions());
        if let Err(e) = ChannelId::new(channel)
            .send_message(&self.http, message)
            .await
        {
            tracing::error!(channel, error = %e, "digest not posted; trying again later");
            return;
        }
        tracing::info!(channel, "review digest posted");
        if let Err(e) = self.counts.set_digest_posted(channel, now).await {
            tracing::error!(channel, error = %e, "digest posted but not recorded");
        }
    }

    async fn report(&self, settings: DigestConfig) -> Result<Report, crate::store::StoreError> {
        let today = counts::today();
        let since = days_back(today, WINDOW_DAYS);
        let feedback = self.counts.resource_feedback(since).await?;
        let threshold = self.config.gap_threshold;
        let gaps = self.counts.gaps(since, threshold).await?;
        let links = LinkState::load(&state_path(&self.config.index)).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "link results unreadable; digest shows none");
            None
        });
        let engine = self.engine.current();
        let inputs = Inputs {
            today,
            window_days: WINDOW_DAYS,
            due_within_days: settings.due_within_days.into(),
            links: links.as_ref(),
            usage: Some((&feedback, &gaps, threshold)),
        };
        Ok(Report::build(engine.catalog(), inputs))
    }
}
