//! End-to-end: the real serenity/poise client, through `signpost::discord::serve`,
//! against a fake Discord on 127.0.0.1 (tests/support/fake_discord). Assertions
//! are on the REST requests the bot actually makes.
//!
//! One test binary (linking is slow); scenarios grouped by area in modules.

mod support;

#[path = "discord_e2e/abuse.rs"]
mod abuse;
#[path = "discord_e2e/ask.rs"]
mod ask;
#[path = "discord_e2e/catalog.rs"]
mod catalog;
#[path = "discord_e2e/cli.rs"]
mod cli;
#[path = "discord_e2e/common.rs"]
mod common;
#[path = "discord_e2e/delivery.rs"]
mod delivery;
#[path = "discord_e2e/digest.rs"]
mod digest;
#[path = "discord_e2e/faults.rs"]
mod faults;
#[path = "discord_e2e/feedback.rs"]
mod feedback;
#[path = "discord_e2e/lifecycle.rs"]
mod lifecycle;
#[path = "discord_e2e/mentions.rs"]
mod mentions;
#[path = "discord_e2e/moderators.rs"]
mod moderators;
#[path = "discord_e2e/ops.rs"]
mod ops;
#[path = "discord_e2e/privacy.rs"]
mod privacy;
#[path = "discord_e2e/processes.rs"]
mod processes;
#[path = "discord_e2e/store_faults.rs"]
mod store_faults;
