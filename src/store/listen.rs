//! Change notices between processes that share one PostgreSQL database.
//!
//! A moderator's `/signpost` change is handled by whichever process owns the
//! server's shard, but a server can move to another process (a reshard, a
//! rolling restart with a new split), and operators may edit settings by
//! hand. The database announces every change to `guild_settings` and
//! `channel_modes` (`NOTIFY signpost_settings, '<guild id>'`, a trigger in
//! `migrations/postgres/0002`); this task drops that server from the local
//! cache at once. If the listening connection drops, notices may have been
//! missed, so the whole cache is marked stale; the cache's own expiry
//! ([`super::cached::GUILD_TTL`]) is the backstop if notices stop entirely.

use std::sync::{Arc, Weak};
use std::time::Duration;

use sqlx::postgres::{PgListener, PgPool};

use super::{CachedStore, PgStore};

/// The channel the schema's trigger notifies.
pub const CHANNEL: &str = "signpost_settings";

/// Wait before trying to listen again after a failure.
const RETRY: Duration = Duration::from_secs(2);

/// Follow change notices for `cache` until the pool is closed (the store's
/// `close` at shutdown) or the cache is dropped. Returns once the first
/// subscription is in place (or has failed and will be retried), so a
/// change made after [`super::open`] returns is never missed.
pub async fn start(pool: PgPool, cache: &Arc<CachedStore<PgStore>>) {
    let mut first = Some(listen(&pool).await);
    let cache = Arc::downgrade(cache);
    tokio::spawn(async move {
        while cache.strong_count() > 0 && !pool.is_closed() {
            let attempt = match first.take() {
                Some(a) => a,
                None => listen(&pool).await,
            };
            match attempt {
                Ok(listener) => follow(listener, &cache).await,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot listen for settings changes; retrying")
                }
            }
            if let Some(c) = cache.upgrade() {
                c.forget_all();
            }
            tokio::time::sleep(RETRY).await;
        }
    });
}

async fn listen(pool: &PgPool) -> Result<PgListener, sqlx::Error> {
    // Closing the pool at shutdown ends the wait for a notice (sqlx's
    // default), so shutdown never waits on this connection.
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// Apply notices until the connection fails, the pool closes or the cache
/// is dropped.
async fn follow(mut listener: PgListener, cache: &Weak<CachedStore<PgStore>>) {
    loop {
        let next = listener.try_recv().await;
        let Some(cache) = cache.upgrade() else {
            return;
        };
        match next {
            Ok(Some(notice)) => match notice.payload().parse() {
                Ok(guild) => cache.forget(guild),
                Err(_) => cache.forget_all(),
            },
            Ok(None) => {
                tracing::warn!("settings change notices interrupted; re-reading all settings");
                cache.forget_all();
            }
            Err(sqlx::Error::PoolClosed) => return,
            Err(e) => {
                tracing::warn!(error = %e, "settings change notices failed");
                return;
            }
        }
    }
}
