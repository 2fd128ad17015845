//! Signpost points patients to clinician-approved health resources.
//!
//! # Layout
//!
//! The core path knows nothing of Discord:
//!
//! * [`catalog`] reads and checks the clinicians' TOML files in `resources/`.
//! * [`safety`] screens every question for crisis wording first.
//! * [`search`] builds the on-disk tantivy index and finds resources.
//! * [`reply`] is the answer value and its terminal and JSON renderings.
//! * [`nation`] is the UK nations, whose services differ.
//! * [`engine`] ties them together: question in, [`reply::Reply`] out.
//! * [`text`] is the text clean-up they share; [`fnv`] the stable hash;
//!   `bits` the small id sets a question marks as it goes.
//!
//! The Discord front end sits on top:
//!
//! * [`config`] reads `signpost.toml` (settings of `signpost serve`).
//! * [`store`] keeps moderators' per-server settings and the daily counters
//!   (SQLite behind two traits; counts only, never who or what was asked).
//! * [`live`] serves the current engine and swaps in a rebuilt one on edits.
//! * [`discord`] is the poise/serenity adapter and the `Reply` renderer.
//! * [`links`] checks that resource URLs still lead somewhere (`signpost links`).
//! * [`report`] is the clinicians' report (reviews due, link health,
//!   feedback, gaps, coverage) as text, JSON, HTML or a Discord digest.
//! * [`telemetry`] sets up logs (ids and timings only, never message text).
//!
//! The `signpost` binary is a thin command line over this library.

pub(crate) mod bits;
pub mod catalog;
pub mod config;
pub mod coverage;
pub mod discord;
pub mod engine;
pub mod eval;
pub mod fallback;
pub mod fnv;
pub mod links;
pub mod live;
pub mod nation;
pub mod ops;
pub mod reply;
pub mod report;
pub mod review;
pub mod safety;
pub mod search;
pub mod store;
pub mod telemetry;
pub mod text;
