//! Signpost: points patients to clinician-approved health resources.
pub mod config;
pub mod engine;
pub mod reply;
pub mod store;
