//! Helpers shared by the scenarios.

use serde_json::{Value, json};

use crate::support::fake_discord::*;

/// What every message the bot sends must carry: nobody may be pinged.
pub fn assert_no_mentions(r: &Recorded) {
    let am = &r.message()["allowed_mentions"];
    assert_eq!(am["parse"], json!([]), "parse must be empty: {}", r.body);
    assert!(
        am["users"].as_array().is_none_or(Vec::is_empty),
        "{}",
        r.body
    );
    assert!(
        am["roles"].as_array().is_none_or(Vec::is_empty),
        "{}",
        r.body
    );
    assert_eq!(am["replied_user"], json!(false), "{}", r.body);
}

/// Invoke an application command and return the bot's callback.
pub async fn invoke(fake: &FakeDiscord, id: u64, user: u64, perms: &str, data: Value) -> Recorded {
    let token = format!("tok-{id}");
    fake.dispatch(
        "INTERACTION_CREATE",
        interaction(id, &token, user, perms, data),
    );
    fake.wait_for(&format!("callback for interaction {id}"), |r| {
        r.is_callback(id)
    })
    .await
}

/// A moderator enables mentions in `channel`.
pub async fn enable_mentions(fake: &FakeDiscord, id: u64, channel: u64) {
    let data = signpost_data(
        &["channels", "add"],
        json!([{ "name": "channel", "type": 7, "value": channel.to_string() }]),
        Some(channel),
    );
    let cb = invoke(fake, id, MOD_ID, MOD_PERMS, data).await;
    assert!(cb.text().contains("is now `mentions`"), "{}", cb.body);
}

/// A moderator sets `/signpost <name> <option>=<value>`.
pub async fn set(fake: &FakeDiscord, id: u64, name: &str, option: &str, value: Value) -> Recorded {
    let kind = if value.is_string() { 3 } else { 4 };
    let data = signpost_data(
        &[name],
        json!([{ "name": option, "type": kind, "value": value }]),
        None,
    );
    invoke(fake, id, MOD_ID, MOD_PERMS, data).await
}

/// A moderator sends crisis notes to the log channel.
pub async fn set_log_channel(fake: &FakeDiscord, id: u64) {
    let data = signpost_data(
        &["log-channel"],
        json!([{ "name": "channel", "type": 7, "value": LOG_CHANNEL_ID.to_string() }]),
        Some(LOG_CHANNEL_ID),
    );
    invoke(fake, id, MOD_ID, MOD_PERMS, data).await;
}

/// Every message the bot posted (or tried to post) in `channel`.
pub fn posts_to(fake: &FakeDiscord, channel: u64) -> Vec<Recorded> {
    fake.requests()
        .into_iter()
        .filter(|r| r.is_channel_post(channel))
        .collect()
}
