//! What earlier link checks found, kept in `<index>/links-state.json` so
//! `signpost check` can say how long a link has been failing.
//!
//! Per URL: when it was last checked, last answered well, first failed (in
//! the current run of failures), and the last verdict. The file is written
//! atomically (temp file, then rename); a missing or unreadable one only
//! means there is no history.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::LinkError;
use super::report::LinkReport;
use super::verdict::Verdict;
use crate::catalog::Catalog;

/// The state file's name inside the index folder.
pub const STATE_FILE: &str = "links-state.json";

/// Where the state of the index folder `index` lives.
pub fn state_path(index: &Path) -> PathBuf {
    index.join(STATE_FILE)
}

/// History of every URL ever checked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkState {
    pub version: u32,
    pub urls: BTreeMap<String, UrlState>,
}

/// History of one URL. Times are RFC 3339, UTC.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UrlState {
    pub last_checked: String,
    pub last_verdict: Verdict,
    #[serde(default)]
    pub last_status: Option<u16>,
    /// The last time it was `ok` or `redirected`.
    #[serde(default)]
    pub last_ok: Option<String>,
    /// When the current run of failures began; cleared by a good answer.
    #[serde(default)]
    pub first_failed: Option<String>,
    /// For `redirected`: where it moved.
    #[serde(default)]
    pub final_url: Option<String>,
}

/// Verdicts that start (or continue) a run of failures.
fn failing(v: Verdict) -> bool {
    matches!(v, Verdict::Broken | Verdict::Soft404 | Verdict::Unreachable)
}

impl LinkState {
    /// Read the state file. `Ok(None)` when there is none yet.
    pub fn load(path: &Path) -> Result<Option<LinkState>, LinkError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(LinkError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| LinkError::State {
                path: path.to_path_buf(),
                message: e.to_string(),
            })
    }

    /// Fold one run's results in (one entry per URL).
    pub fn record(&mut self, reports: &[LinkReport]) {
        self.version = 1;
        for r in reports {
            let old = self.urls.remove(&r.url);
            let good = matches!(r.verdict, Verdict::Ok | Verdict::Redirected);
            let last_ok = if good {
                Some(r.checked_at.clone())
            } else {
                old.as_ref().and_then(|o| o.last_ok.clone())
            };
            let first_failed = if failing(r.verdict) {
                old.as_ref()
                    .and_then(|o| o.first_failed.clone())
                    .or_else(|| Some(r.checked_at.clone()))
            } else if good {
                None
            } else {
                old.as_ref().and_then(|o| o.first_failed.clone())
            };
            let entry = UrlState {
                last_checked: r.checked_at.clone(),
                last_verdict: r.verdict,
                last_status: r.status,
                last_ok,
                first_failed,
                final_url: r.final_url.clone(),
            };
            self.urls.insert(r.url.clone(), entry);
        }
    }

    /// Forget URLs no resource links to any more (after `--fix` or an
    /// edit), so the file does not grow for ever. Only after a full run.
    pub fn forget_others(&mut self, reports: &[LinkReport]) {
        let current: std::collections::HashSet<&str> =
            reports.iter().map(|r| r.url.as_str()).collect();
        self.urls.retain(|url, _| current.contains(url.as_str()));
    }

    /// Write the file atomically, creating the index folder if needed.
    pub fn save(&self, path: &Path) -> Result<(), LinkError> {
        let json = serde_json::to_vec_pretty(self).map_err(|e| LinkError::State {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        write_atomically(path, &json)
    }

    /// A warning for each catalog resource whose link last failed or moved,
    /// in catalog order.
    pub fn notes(&self, catalog: &Catalog) -> Vec<LinkNote> {
        catalog
            .resources
            .iter()
            .filter_map(|r| {
                let s = self.urls.get(&r.url)?;
                Some(LinkNote {
                    id: r.id.clone(),
                    url: r.url.clone(),
                    file: r.file.clone(),
                    line: r.line,
                    message: describe(s)?,
                })
            })
            .collect()
    }
}

/// "broken since 2027-02-03 (HTTP 404, last checked 2027-02-05)".
fn describe(s: &UrlState) -> Option<String> {
    let date = |t: &str| t.get(..10).unwrap_or(t).to_string();
    let checked = date(&s.last_checked);
    let status = s
        .last_status
        .map(|c| format!("HTTP {c}, "))
        .unwrap_or_default();
    match s.last_verdict {
        v if failing(v) => {
            let since = s.first_failed.as_deref().map_or(checked.clone(), date);
            Some(format!(
                "{} since {since} ({status}last checked {checked})",
                v.as_str()
            ))
        }
        Verdict::Redirected => Some(format!(
            "moved permanently to {} (last checked {checked}); `signpost links --fix` updates it",
            s.final_url.as_deref().unwrap_or("?")
        )),
        _ => None,
    }
}

/// A link problem to show next to the resource it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkNote {
    pub id: String,
    /// The resource's URL as the catalog has it.
    pub url: String,
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Write `bytes` to `path` through a temporary file in the same folder and a
/// rename, so readers see the old file or the new one, never half of one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), LinkError> {
    let io = |source| LinkError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    std::fs::create_dir_all(dir.unwrap_or(Path::new("."))).map_err(io)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(
        ".{}.{}.tmp",
        name.unwrap_or_default(),
        std::process::id()
    ));
    let result = std::fs::write(&tmp, bytes)
        .and_then(|()| match std::fs::metadata(path) {
            // Keep the file's permissions (a clinician's TOML stays theirs).
            Ok(m) => std::fs::set_permissions(&tmp, m.permissions()),
            Err(_) => Ok(()),
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(url: &str, verdict: Verdict, at: &str) -> LinkReport {
        LinkReport {
            verdict,
            checked_at: at.into(),
            status: Some(404),
            ..LinkReport::sample(url)
        }
    }

    #[test]
    fn failures_keep_their_first_date_until_fixed() {
        let mut s = LinkState::default();
        let u = "https://x.org/a";
        s.record(&[report(u, Verdict::Ok, "2027-01-01T00:00:00Z")]);
        s.record(&[report(u, Verdict::Broken, "2027-02-03T00:00:00Z")]);
        s.record(&[report(u, Verdict::Blocked, "2027-02-04T00:00:00Z")]);
        s.record(&[report(u, Verdict::Broken, "2027-02-05T00:00:00Z")]);
        let e = &s.urls[u];
        assert_eq!(e.first_failed.as_deref(), Some("2027-02-03T00:00:00Z"));
        assert_eq!(e.last_ok.as_deref(), Some("2027-01-01T00:00:00Z"));
        assert_eq!(
            describe(e).unwrap(),
            "broken since 2027-02-03 (HTTP 404, last checked 2027-02-05)"
        );
        s.record(&[report(u, Verdict::Ok, "2027-02-06T00:00:00Z")]);
        assert_eq!(s.urls[u].first_failed, None);
        assert_eq!(describe(&s.urls[u]), None);
        let other = report("https://x.org/b", Verdict::Ok, "2027-02-06T00:00:00Z");
        s.record(std::slice::from_ref(&other));
        s.forget_others(&[other]);
        assert_eq!(s.urls.keys().collect::<Vec<_>>(), ["https://x.org/b"]);
    }

    #[test]
    fn save_and_load_round_trip_and_corruption_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = state_path(&dir.path().join("index"));
        assert!(LinkState::load(&path).unwrap().is_none());
        let mut s = LinkState::default();
        s.record(&[report(
            "https://x.org/",
            Verdict::Soft404,
            "2027-01-01T00:00:00Z",
        )]);
        s.save(&path).unwrap();
        assert_eq!(LinkState::load(&path).unwrap(), Some(s));
        std::fs::write(&path, b"{not json").unwrap();
        let e = LinkState::load(&path).unwrap_err().to_string();
        assert!(e.contains(STATE_FILE), "{e}");
    }
}
