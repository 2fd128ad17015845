//! The whole answer path: screen → search → reply. (Stub: real one coming.)

use std::path::PathBuf;

use crate::reply::Reply;

/// Where the catalog and the index live.
#[derive(Debug, Clone)]
pub struct Paths {
    pub resources: PathBuf,
    pub index: PathBuf,
}

/// Per-question options.
#[derive(Debug, Clone)]
pub struct AskOptions {
    /// Region code of the asker (`uk`, `us`, ...).
    pub region: String,
    /// How many results at most (1 to 5).
    pub k: usize,
}

/// Loaded catalog, safety rules and index, ready to answer questions.
pub struct Engine {}

/// Why an engine could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("catalog has errors")]
    Catalog,
}

impl Engine {
    /// Load the catalog and open (rebuilding when stale) the index.
    pub fn open(paths: &Paths) -> Result<Engine, EngineError> {
        let _ = paths;
        Ok(Engine {})
    }

    /// Answer one question. Never panics, never echoes the question.
    pub fn answer(&self, question: &str, opts: &AskOptions) -> Reply {
        let _ = question;
        Reply {
            emergency: None,
            results: vec![],
            notice: String::new(),
            no_match: true,
            no_match_help: None,
            region: opts.region.clone(),
        }
    }
}
