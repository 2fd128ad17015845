//! Test support shared by the end-to-end tests: the fake Discord and a
//! harness that runs the real `signpost::discord::serve` against it.
#![allow(dead_code)]

pub mod bot;
pub mod fake_discord;
pub mod pg;
pub mod store;
