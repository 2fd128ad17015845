//! What the operators' endpoints (`crate::ops`) read from the running bot:
//! shard stages from serenity's shard manager, the serving catalog, and a
//! trivial database read.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use serenity::all::{ConnectionStage, ShardManager};

use crate::live::LiveEngine;
use crate::ops::{Gauges, Probe};
use crate::store::CountsStore;

pub struct BotProbe {
    pub shards: Arc<ShardManager>,
    pub engine: Arc<LiveEngine>,
    pub counts: Arc<dyn CountsStore>,
}

impl Probe for BotProbe {
    fn gauges(&self) -> Pin<Box<dyn Future<Output = Gauges> + Send + '_>> {
        Box::pin(async move {
            let runners = self.shards.runners.lock().await;
            let connected = runners
                .values()
                .filter(|r| r.stage == ConnectionStage::Connected)
                .count();
            Gauges {
                shards_connected: connected,
                shards_total: runners.len(),
                catalog_generation: self.engine.status().generation,
                resources: self.engine.current().catalog().resources.len(),
            }
        })
    }

    fn database_ok(&self) -> Pin<Box<dyn Future<Output = bool> + Send + '_>> {
        // An indexed read of one row: reaches the database, touches nothing.
        Box::pin(async move { self.counts.digest_posted(0).await.is_ok() })
    }
}
