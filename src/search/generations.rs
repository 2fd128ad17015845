//! Index generations that several processes can share.
//!
//! `serve`, `ask` and `index` may run side by side on one index folder, so:
//! builds take an exclusive lock (`.build.lock`, released with the file);
//! a new generation and `CURRENT` are fsynced, file and folder, before and
//! after the rename; a build from an older catalog than the current one's
//! never replaces it; and garbage collection deletes only generations that
//! are not current, older than [`GRACE`] and not marked in use by a process
//! that is still alive (`.in-use-<pid>` inside the generation).

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::SearchError;

/// Generations younger than this are never deleted: another process may be
/// about to open the one it just read from `CURRENT`.
pub const GRACE: Duration = Duration::from_secs(600);

const LOCK: &str = ".build.lock";
const IN_USE: &str = ".in-use-";

/// Held while building and switching; released on drop.
pub struct BuildLock(File);

impl BuildLock {
    /// Wait for other builders under `root` to finish, then hold the lock.
    pub fn acquire(root: &Path) -> Result<BuildLock, SearchError> {
        let path = root.join(LOCK);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| SearchError::io(&path, e))?;
        file.lock().map_err(|e| SearchError::io(&path, e))?;
        Ok(BuildLock(file))
    }
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// Flush a folder's entries (new files, renames) to disk.
pub fn sync_dir(dir: &Path) -> Result<(), SearchError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| SearchError::io(dir, e))
}

/// Marks a generation as read by this process until dropped.
#[derive(Debug)]
pub struct InUse(Option<PathBuf>);

impl InUse {
    /// Mark `dir`. A marker that cannot be written only weakens garbage
    /// collection (the grace period still protects a fresh generation).
    pub fn mark(dir: &Path) -> InUse {
        let path = dir.join(format!("{IN_USE}{}", std::process::id()));
        match File::create(&path) {
            Ok(_) => InUse(Some(path)),
            Err(e) => {
                tracing::warn!(error = %e, "cannot mark the index generation in use");
                InUse(None)
            }
        }
    }
}

impl Drop for InUse {
    fn drop(&mut self) {
        if let Some(p) = &self.0 {
            let _ = fs::remove_file(p);
        }
    }
}

/// Delete generations that nobody can be using. Call with the build lock
/// held.
pub fn collect(root: &Path, current: &str, now: SystemTime) {
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with("gen-") || name == current {
            continue;
        }
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .unwrap_or_default();
        if age >= GRACE && !in_use(&entry.path()) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether a live process marked `dir`; stale markers are removed.
fn in_use(dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    let mut used = false;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(IN_USE) else {
            continue;
        };
        if pid.parse::<u32>().is_ok_and(alive) {
            used = true;
        } else {
            let _ = fs::remove_file(entry.path());
        }
    }
    used
}

/// Whether a process is running (Linux: `/proc/<pid>`; elsewhere assume so).
fn alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generation(root: &Path, name: &str) -> PathBuf {
        let dir = root.join(name);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn collects_only_old_unused_generations() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        let current = generation(root, "gen-3");
        let old = generation(root, "gen-1");
        let used = generation(root, "gen-2");
        let dead = generation(root, "gen-0");
        let _mark = InUse::mark(&used);
        fs::write(dead.join(format!("{IN_USE}4294967290")), "").unwrap();
        let later = SystemTime::now() + GRACE * 2;
        collect(root, "gen-3", later);
        assert!(current.exists() && used.exists(), "current and in use stay");
        assert!(
            !old.exists() && !dead.exists(),
            "old, unused or dead markers go"
        );
        // Young generations stay even when unused.
        let young = generation(root, "gen-4");
        collect(root, "gen-3", SystemTime::now());
        assert!(young.exists());
    }

    #[test]
    fn the_lock_serialises_builders() {
        let root = tempfile::tempdir().unwrap();
        let first = BuildLock::acquire(root.path()).unwrap();
        let path = root.path().to_path_buf();
        let (tx, rx) = std::sync::mpsc::channel();
        let t = std::thread::spawn(move || {
            let _second = BuildLock::acquire(&path).unwrap();
            tx.send(()).unwrap();
        });
        assert!(
            rx.recv_timeout(Duration::from_millis(200)).is_err(),
            "waits"
        );
        drop(first);
        rx.recv_timeout(Duration::from_secs(10))
            .expect("then gets it");
        t.join().unwrap();
    }
}
