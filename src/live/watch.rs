//! Watch `resources/` and reload the engine after edits settle.
//!
//! Editors' swap and backup files are ignored; a burst of edits reloads once,
//! after it settles or at most [`MAX_WAIT`] after it began; the reload keeps
//! the engine when the catalog did not change. If the folder is replaced (a
//! `git checkout` that swaps it, a symlink flip), the watch is re-armed on
//! the new folder; if it disappears, that is logged and the watch re-arms
//! when it is back.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::LiveEngine;

/// Edits closer together than this trigger one reload.
const SETTLE: Duration = Duration::from_millis(300);
/// A stream of edits still reloads this long after it began.
pub const MAX_WAIT: Duration = Duration::from_secs(5);
/// How often the folder is checked for having been replaced.
const RECHECK: Duration = Duration::from_secs(2);

/// Keeps the file watcher alive; dropping it stops watching.
pub struct CatalogWatcher {
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
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !event.kind.is_access()
            && event.paths.iter().any(|p| relevant(p))
        {
            let _ = tx.send(());
        }
    })?;
    let mut armed = Armed {
        watcher,
        dir: dir.to_path_buf(),
        inode: None,
    };
    armed.arm()?;
    let task = tokio::spawn(reload_loop(live, rx, armed));
    Ok(CatalogWatcher { task })
}

/// A change worth a reload: catalog files and folders, not editors' swap,
/// backup or temporary files.
fn relevant(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let scratch = name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".bak", ".orig"]
            .iter()
            .any(|s| name.ends_with(s));
    !scratch
}

/// The watcher and what it is watching.
struct Armed {
    watcher: notify::RecommendedWatcher,
    dir: PathBuf,
    /// Identity of the watched folder; `None` while it is missing.
    inode: Option<u64>,
}

impl Armed {
    fn arm(&mut self) -> Result<(), notify::Error> {
        let _ = self.watcher.unwatch(&self.dir);
        self.watcher.watch(&self.dir, RecursiveMode::Recursive)?;
        self.inode = inode(&self.dir);
        Ok(())
    }

    /// Re-arm when the folder was replaced or is back. True when the watch
    /// moved to a new folder (its files may differ: reload).
    fn check(&mut self) -> bool {
        let now = inode(&self.dir);
        if now == self.inode {
            return false;
        }
        if now.is_none() {
            tracing::warn!(dir = %self.dir.display(), "catalog folder is gone; watching for it to come back");
            self.inode = None;
            return false;
        }
        match self.arm() {
            Ok(()) => {
                tracing::info!(dir = %self.dir.display(), "catalog folder was replaced; watching the new one");
                true
            }
            Err(e) => {
                tracing::warn!(dir = %self.dir.display(), error = %e, "cannot watch the catalog folder; will retry");
                self.inode = None;
                false
            }
        }
    }
}

#[cfg(unix)]
fn inode(dir: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| m.ino())
}

#[cfg(not(unix))]
fn inode(dir: &Path) -> Option<u64> {
    std::fs::metadata(dir).ok().map(|_| 1)
}

async fn reload_loop(live: Arc<LiveEngine>, mut rx: mpsc::UnboundedReceiver<()>, mut armed: Armed) {
    let mut recheck = tokio::time::interval(RECHECK);
    loop {
        tokio::select! {
            event = rx.recv() => {
                if event.is_none() || !settle(&mut rx).await {
                    return;
                }
                armed.check();
            }
            _ = recheck.tick() => {
                if !armed.check() {
                    continue;
                }
            }
        }
        tracing::info!("catalog files changed; rebuilding if the catalog did");
        // Errors are logged inside; the old engine keeps serving.
        let _ = live.refresh().await;
    }
}

/// Let a burst of writes (editor save, git checkout) finish, but wait no
/// longer than [`MAX_WAIT`]. False when the watcher is gone.
async fn settle(rx: &mut mpsc::UnboundedReceiver<()>) -> bool {
    let deadline = Instant::now() + MAX_WAIT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return true;
        }
        match tokio::time::timeout(SETTLE.min(left), rx.recv()).await {
            Ok(Some(())) => continue,
            Ok(None) => return false,
            Err(_) => return true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_scratch_files_are_ignored() {
        for scratch in [
            ".asthma.toml.swp",
            "asthma.toml~",
            "#asthma.toml#",
            "4913",
            "asthma.toml.tmp",
        ] {
            assert!(!relevant(Path::new(scratch)), "{scratch}");
        }
        assert!(relevant(Path::new("resources/library/asthma.toml")));
        assert!(relevant(Path::new("resources")));
    }

    /// A stream of edits that never settles still reloads after MAX_WAIT.
    #[tokio::test(start_paused = true)]
    async fn settling_has_a_maximum_wait() {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let feeder = tokio::spawn(async move {
            loop {
                if tx.send(()).is_err() {
                    return;
                }
                tokio::time::sleep(SETTLE / 2).await;
            }
        });
        let started = Instant::now();
        assert!(settle(&mut rx).await);
        assert!(started.elapsed() >= MAX_WAIT && started.elapsed() < MAX_WAIT + SETTLE);
        feeder.abort();
    }
}
