//! The clinician-maintained catalog: resources, conditions, reviewers,
//! the notice and the safety rules, read from TOML files in `resources/`.
//!
//! Loading never stops at the first mistake: it collects every problem with
//! its file, line and column ([`Diagnostic`]) so a clinician can fix them all
//! in one pass, and yields a [`Catalog`] only when there are no errors.

pub mod audit;
mod diag;
mod entries;
mod fields;
mod load;
mod model;
mod tree;
mod validate;

pub use diag::{Diagnostic, Diagnostics, Severity, SourceFile};
pub use entries::check_url;
pub use fields::{At, Record, check_member, parse_date};
pub use load::{LoadOptions, Loaded, load_dir, toml_files};
pub use model::{
    AUDIENCES, Catalog, Condition, KINDS, MAX_SUMMARY_CHARS, Notice, REGIONS, Resource, Reviewer,
    Signs,
};
pub use tree::Node;
