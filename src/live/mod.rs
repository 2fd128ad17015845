//! The engine that is serving now, swapped atomically when the catalog changes.
//!
//! [`LiveEngine`] holds the current [`Engine`] in an [`ArcSwap`]: every answer
//! takes an `Arc` of the engine at its start and finishes on it, while
//! [`LiveEngine::reload`] opens a new engine in the background
//! (`spawn_blocking`) and swaps it in only if it opened cleanly. A catalog
//! with errors is refused, its errors logged, and the last good engine keeps
//! serving. [`watch`] triggers reloads on edits under `resources/`.

mod watch;

pub use watch::{CatalogWatcher, watch};

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use arc_swap::ArcSwap;

use crate::engine::{Engine, EngineError, Freshness, Paths};

/// Why a reload did not swap in a new engine.
#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    #[error("catalog refused, still serving generation {generation}: {source}")]
    Refused {
        generation: u64,
        #[source]
        source: EngineError,
    },
    #[error("engine rebuild crashed; still serving generation {0}")]
    Crashed(u64),
}

/// What `/signpost status` shows about the catalog.
#[derive(Debug, Clone)]
pub struct LiveStatus {
    /// Starts at 1; +1 on every successful reload.
    pub generation: u64,
    /// When the serving engine was opened.
    pub loaded_at: SystemTime,
    /// How long opening it took.
    pub load_time: Duration,
    /// The last refused reload's error (cleared by a good one).
    pub last_error: Option<String>,
}

/// The serving engine plus how to rebuild it.
pub struct LiveEngine {
    current: ArcSwap<Engine>,
    paths: Paths,
    status: Mutex<LiveStatus>,
    /// One rebuild at a time.
    rebuild: tokio::sync::Mutex<()>,
}

impl LiveEngine {
    /// Open the first engine (blocking: call from `spawn_blocking` or at start).
    /// A catalog with errors is logged and the last good index serves, if any.
    pub fn open(paths: Paths) -> Result<LiveEngine, EngineError> {
        let started = Instant::now();
        let (engine, freshness) = Engine::open_or_last_good(&paths)?;
        let mut last_error = None;
        match &freshness {
            Freshness::LastGood { diagnostics } => {
                log_catalog_errors(diagnostics);
                last_error = Some(format!(
                    "catalog has {} error(s); serving the last good index",
                    diagnostics.error_count()
                ));
            }
            Freshness::Rebuilt(summary) => tracing::info!(
                resources = summary.resources,
                ms = summary.millis as u64,
                "index rebuilt"
            ),
            Freshness::UpToDate => {}
        }
        Ok(LiveEngine {
            current: ArcSwap::from_pointee(engine),
            paths,
            status: Mutex::new(LiveStatus {
                generation: 1,
                loaded_at: SystemTime::now(),
                load_time: started.elapsed(),
                last_error,
            }),
            rebuild: tokio::sync::Mutex::new(()),
        })
    }

    /// The engine to answer one question with.
    pub fn current(&self) -> Arc<Engine> {
        self.current.load_full()
    }

    /// The catalog and index locations.
    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    pub fn status(&self) -> LiveStatus {
        self.lock_status().clone()
    }

    fn lock_status(&self) -> std::sync::MutexGuard<'_, LiveStatus> {
        // A poisoned lock only means a panic elsewhere; the data is still valid.
        self.status.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Rebuild from disk in the background; swap only when it opened cleanly.
    pub async fn reload(&self) -> Result<u64, ReloadError> {
        self.reload_with(false).await
    }

    /// Like [`LiveEngine::reload`], but keep the current engine when the
    /// catalog's fingerprint did not change (the watcher's reload: editors
    /// touch files without changing them).
    pub async fn refresh(&self) -> Result<u64, ReloadError> {
        self.reload_with(true).await
    }

    async fn reload_with(&self, only_if_changed: bool) -> Result<u64, ReloadError> {
        let _one_at_a_time = self.rebuild.lock().await;
        let paths = self.paths.clone();
        let started = Instant::now();
        let opened = tokio::task::spawn_blocking(move || Engine::open(&paths)).await;
        let mut status = self.lock_status();
        match opened {
            Ok(Ok(engine))
                if only_if_changed
                    && status.last_error.is_none()
                    && engine.meta().fingerprint == self.current.load().meta().fingerprint =>
            {
                tracing::debug!("catalog unchanged; keeping the current engine");
                Ok(status.generation)
            }
            Ok(Ok(engine)) => {
                self.current.store(Arc::new(engine));
                status.generation += 1;
                status.loaded_at = SystemTime::now();
                status.load_time = started.elapsed();
                status.last_error = None;
                tracing::info!(
                    generation = status.generation,
                    ms = status.load_time.as_millis() as u64,
                    "catalog reloaded"
                );
                Ok(status.generation)
            }
            Ok(Err(source)) => {
                if let EngineError::Catalog(d) | EngineError::NoGoodIndex(d) = &source {
                    log_catalog_errors(d);
                }
                tracing::error!(generation = status.generation, error = %source, "catalog refused; keeping the last good one");
                status.last_error = Some(source.to_string());
                Err(ReloadError::Refused {
                    generation: status.generation,
                    source,
                })
            }
            Err(_) => {
                tracing::error!(generation = status.generation, "catalog rebuild crashed");
                status.last_error = Some("rebuild crashed".into());
                Err(ReloadError::Crashed(status.generation))
            }
        }
    }
}

/// One log line per catalog problem, as `file:line:column: message`.
/// These come from the clinicians' files, never from users.
fn log_catalog_errors(diagnostics: &crate::catalog::Diagnostics) {
    for d in &diagnostics.items {
        tracing::error!(problem = %d, "catalog problem");
    }
}
