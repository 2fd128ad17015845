//! Watch `resources/` and reload the engine after edits settle.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use tokio::sync::mpsc;

use super::LiveEngine;

/// Edits closer together than this trigger one reload.
const SETTLE: Duration = Duration::from_millis(300);

/// Keeps the file watcher alive; dropping it stops watching.
pub struct CatalogWatcher {
    _watcher: notify::RecommendedWatcher,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for CatalogWatcher {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Start watching `dir` (recursively); each settled burst of edits reloads `live`.
pub fn watch(live: Arc<LiveEngine>, dir: &Path) -> Result<CatalogWatcher, notify::Error> {
    let (tx, rx) = mpsc::unbounded_channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !event.kind.is_access()
        {
            let _ = tx.send(());
        }
    })?;
    watcher.watch(dir, RecursiveMode::Recursive)?;
    let task = tokio::spawn(reload_loop(live, rx));
    Ok(CatalogWatcher {
        _watcher: watcher,
        task,
    })
}

async fn reload_loop(live: Arc<LiveEngine>, mut rx: mpsc::UnboundedReceiver<()>) {
    while rx.recv().await.is_some() {
        // Let a burst of writes (editor save, git checkout) finish first.
        loop {
            match tokio::time::timeout(SETTLE, rx.recv()).await {
                Ok(Some(())) => continue,
                Ok(None) => return,
                Err(_) => break,
            }
        }
        tracing::info!("catalog files changed; rebuilding");
        // Errors are logged inside reload; the old engine keeps serving.
        let _ = live.reload().await;
    }
}
