//! Integration tests of the core path (catalog → index → screen → search →
//! reply) and of the `signpost` command line. Grouped in one test binary to
//! keep link times down.

/// Throw-away PostgreSQL databases (shared with the end-to-end tests).
#[path = "support/pg.rs"]
mod pg;

mod core {
    pub mod bad_input;
    pub mod catalog_check;
    pub mod cli;
    pub mod fallback;
    pub mod first_aid;
    pub mod index_life;
    pub mod links;
    pub mod nations;
    pub mod precision;
    pub mod properties;
    pub mod readings;
    pub mod relevance;
    pub mod report;
    pub mod safety_screen;
    pub mod stores;
    pub mod support;
}
