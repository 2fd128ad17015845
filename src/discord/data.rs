//! What every command and event handler shares.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::Notify;

use super::cooldown::Limiter;
use super::feedback::votes::Votes;
use crate::config::Config;
use crate::live::LiveEngine;
use crate::store::{CountsStore, SettingsStore};

/// Errors inside command handlers (poise's convention).
pub type Error = Box<dyn std::error::Error + Send + Sync>;
/// Poise context with our data.
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// Shared state of the running bot.
pub struct Data {
    pub engine: Arc<LiveEngine>,
    pub store: Arc<dyn SettingsStore>,
    /// Daily counters for `/signpost stats` and link feedback.
    pub counts: Arc<dyn CountsStore>,
    /// Who already gave feedback on which answer, as salted hashes only.
    pub votes: Votes,
    pub config: Arc<Config>,
    pub limiter: Limiter,
    pub in_flight: Arc<InFlight>,
}

/// Counts answers being worked on, so shutdown can wait for them.
#[derive(Debug, Default)]
pub struct InFlight {
    count: AtomicUsize,
    idle: Notify,
}

/// Held while one answer is in progress.
pub struct InFlightGuard(Arc<InFlight>);

impl InFlight {
    pub fn start(self: &Arc<Self>) -> InFlightGuard {
        self.count.fetch_add(1, Ordering::SeqCst);
        InFlightGuard(self.clone())
    }

    /// Wait until no answer is in progress.
    pub async fn wait_idle(&self) {
        loop {
            let idle = self.idle.notified();
            if self.count.load(Ordering::SeqCst) == 0 {
                return;
            }
            idle.await;
        }
    }
}

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        if self.0.count.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}
