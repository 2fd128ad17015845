//! Signpost: points patients to clinician-approved health resources.
pub mod engine;
pub mod reply;
