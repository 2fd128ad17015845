//! @mentions: only in channels a moderator enabled, as a reply that pings nobody.

use serde_json::json;

use crate::common::*;
use crate::support::bot::{Bot, Files, Options};
use crate::support::fake_discord::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mention_in_enabled_channel_replies_without_pings() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, 600, CHANNEL_ID).await;

    let content = format!("<@{BOT_ID}> @everyone <@{HUMAN_ID}> what is asthma?");
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(601, CHANNEL_ID, HUMAN_ID, &content, true),
    );
    let post = fake
        .wait_for("mention reply", |r| r.is_channel_post(CHANNEL_ID))
        .await;
    assert_no_mentions(&post);
    let reference = &post.body["message_reference"];
    assert_eq!(reference["message_id"], "601");
    assert_eq!(reference["fail_if_not_exists"], json!(false));
    assert!(!post.body["embeds"].as_array().unwrap().is_empty());
    assert!(!post.text().contains("@everyone"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mention_in_channel_not_enabled_sends_nothing() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, 610, CHANNEL_ID).await;

    let ask = format!("<@{BOT_ID}> what is asthma?");
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(611, OTHER_CHANNEL_ID, HUMAN_ID, &ask, true),
    );
    // A plain message (no mention) in the enabled channel: also ignored.
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(612, CHANNEL_ID, HUMAN_ID, "what is asthma?", false),
    );
    // A marker dispatched after them: once it is answered, the earlier events were handled.
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(613, CHANNEL_ID, HUMAN_ID, &ask, true),
    );
    fake.wait_for("marker reply", |r| r.is_channel_post(CHANNEL_ID))
        .await;
    let sends: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.is_channel_post(CHANNEL_ID) || r.is_channel_post(OTHER_CHANNEL_ID))
        .collect();
    assert_eq!(sends.len(), 1, "only the marker is answered: {sends:?}");
    assert_eq!(sends[0].body["message_reference"]["message_id"], "613");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bots_and_empty_mentions() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, 620, CHANNEL_ID).await;
    let mut from_bot = guild_message(
        621,
        CHANNEL_ID,
        999,
        &format!("<@{BOT_ID}> what is asthma?"),
        true,
    );
    from_bot["author"]["bot"] = json!(true);
    fake.dispatch("MESSAGE_CREATE", from_bot);
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(622, CHANNEL_ID, HUMAN_ID, &format!("<@{BOT_ID}>"), true),
    );
    let post = fake
        .wait_for("hint reply", |r| r.is_channel_post(CHANNEL_ID))
        .await;
    assert_eq!(post.body["message_reference"]["message_id"], "622");
    assert!(post.text().contains("/ask"));
    assert_no_mentions(&post);
    let n = fake
        .requests()
        .iter()
        .filter(|r| r.is_channel_post(CHANNEL_ID))
        .count();
    assert_eq!(n, 1, "bots are never answered");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn threads_follow_their_parent_channel() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, 630, CHANNEL_ID).await;
    let ask = format!("<@{BOT_ID}> asthma inhaler?");
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(631, THREAD_ID, HUMAN_ID, &ask, true),
    );
    let post = fake
        .wait_for("reply in thread", |r| r.is_channel_post(THREAD_ID))
        .await;
    assert_eq!(post.body["message_reference"]["message_id"], "631");
    assert_no_mentions(&post);
}
