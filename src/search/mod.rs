//! Search: the on-disk tantivy index and finding resources in it.

mod analysis;
mod detect;
pub mod generations;
mod lexicon;
mod searcher;
mod select;
mod sex;
mod shorthand;
mod signs;
mod store;
mod twins;

pub use searcher::{Found, Hit, RELEVANCE_FLOOR, SearchRequest, Searcher};
pub use store::{BuildSummary, IndexMeta, Opened, SCHEMA_VERSION, build, open};

use std::path::Path;

/// Why the index could not be built, opened or searched.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("index is unreadable: {0}")]
    Corrupt(String),
}

impl SearchError {
    fn io(path: &Path, source: std::io::Error) -> Self {
        SearchError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}
