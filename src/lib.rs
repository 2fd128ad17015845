//! Signpost: points patients to clinician-approved health resources.
pub mod config;
pub mod discord;
pub mod engine;
pub mod live;
pub mod reply;
pub mod store;
pub mod telemetry;
