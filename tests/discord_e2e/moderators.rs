//! `/signpost ...`: moderators only, re-checked in code; settings persist.

use serde_json::json;

use crate::common::*;
use crate::support::bot::{Bot, Files, Options};
use crate::support::fake_discord::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn non_moderator_is_refused_even_if_discord_let_the_command_through() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let data = signpost_data(
        &["region"],
        json!([{ "name": "code", "type": 3, "value": "us" }]),
        None,
    );
    let cb = invoke(&fake, 800, HUMAN_ID, MEMBER_PERMS, data).await;
    assert!(cb.ephemeral());
    assert!(cb.text().contains("Manage Server"), "{}", cb.body);
    assert_no_mentions(&cb);
    // Nothing was stored: a moderator's status shows the default region.
    let status = invoke(
        &fake,
        801,
        MOD_ID,
        MOD_PERMS,
        signpost_data(&["status"], json!([]), None),
    )
    .await;
    assert!(
        status.text().contains("region **not set**") && status.text().contains("/signpost region"),
        "{}",
        status.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_survive_a_restart_on_the_same_database() {
    let files = Files::new();
    {
        let fake = FakeDiscord::start().await;
        let bot = Bot::start(&fake, &files, Options::default()).await;
        enable_mentions(&fake, 810, CHANNEL_ID).await;
        let cb = set(&fake, 811, "region", "code", json!("us")).await;
        assert!(cb.ephemeral() && cb.text().contains("`us`"), "{}", cb.body);
        let cb = set(&fake, 812, "results", "count", json!(2)).await;
        assert!(cb.text().contains("up to 2"), "{}", cb.body);
        bot.stop().await.expect("clean shutdown");
    }
    let fake = FakeDiscord::start().await;
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let status = invoke(
        &fake,
        813,
        MOD_ID,
        MOD_PERMS,
        signpost_data(&["status"], json!([]), None),
    )
    .await;
    let text = status.text();
    assert!(
        text.contains("region `us`") && text.contains("results: 2"),
        "{text}"
    );
    assert!(
        text.contains(&format!("<#{CHANNEL_ID}> mentions")),
        "{text}"
    );
    // And the enabled channel still answers mentions.
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(
            814,
            CHANNEL_ID,
            HUMAN_ID,
            &format!("<@{BOT_ID}> asthma?"),
            true,
        ),
    );
    let post = fake
        .wait_for("mention reply after restart", |r| {
            r.is_channel_post(CHANNEL_ID)
        })
        .await;
    assert_no_mentions(&post);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn channels_list_and_remove() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, 820, CHANNEL_ID).await;
    let list = invoke(
        &fake,
        821,
        MOD_ID,
        MOD_PERMS,
        signpost_data(&["channels", "list"], json!([]), None),
    )
    .await;
    assert!(
        list.text().contains(&format!("<#{CHANNEL_ID}>: mentions")),
        "{}",
        list.body
    );
    let data = signpost_data(
        &["channels", "remove"],
        json!([{ "name": "channel", "type": 7, "value": CHANNEL_ID.to_string() }]),
        Some(CHANNEL_ID),
    );
    let cb = invoke(&fake, 822, MOD_ID, MOD_PERMS, data).await;
    assert!(cb.text().contains("`off`"), "{}", cb.body);
    let list = invoke(
        &fake,
        823,
        MOD_ID,
        MOD_PERMS,
        signpost_data(&["channels", "list"], json!([]), None),
    )
    .await;
    assert!(list.text().contains("No channels enabled"), "{}", list.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_mode_needs_the_message_content_intent() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    // poise sends choices as integer indices: mentions=0, auto=1, off=2.
    let data = signpost_data(
        &["mode"],
        json!([{ "name": "mode", "type": 4, "value": 1 }]),
        None,
    );
    let cb = invoke(&fake, 830, MOD_ID, MOD_PERMS, data).await;
    assert!(cb.text().contains("Message Content"), "{}", cb.body);
    let identify = fake.wait_for_op(2).await;
    assert_eq!(
        identify["d"]["intents"].as_u64().unwrap() & (1 << 15),
        0,
        "MESSAGE_CONTENT not requested"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_mode_ignores_chit_chat() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let opts = Options {
        message_content: true,
        ..Options::default()
    };
    let _bot = Bot::start(&fake, &files, opts).await;
    let identify = fake.wait_for_op(2).await;
    assert_ne!(
        identify["d"]["intents"].as_u64().unwrap() & (1 << 15),
        0,
        "MESSAGE_CONTENT requested"
    );
    let data = signpost_data(
        &["mode"],
        json!([{ "name": "mode", "type": 4, "value": 1 }]),
        None,
    );
    let cb = invoke(&fake, 840, MOD_ID, MOD_PERMS, data).await;
    assert!(cb.text().contains("is now `auto`"), "{}", cb.body);

    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(841, CHANNEL_ID, HUMAN_ID, "good morning everyone!", false),
    );
    let marker = format!("<@{BOT_ID}> what is asthma?");
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(842, CHANNEL_ID, HUMAN_ID, &marker, true),
    );
    fake.wait_for("marker reply", |r| r.is_channel_post(CHANNEL_ID))
        .await;
    let posts: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.is_channel_post(CHANNEL_ID))
        .collect();
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0].body["message_reference"]["message_id"], "842");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reload_is_for_the_bots_owners() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    // A moderator who does not own the application.
    let cb = invoke(
        &fake,
        850,
        HUMAN_ID,
        MOD_PERMS,
        signpost_data(&["reload"], json!([]), None),
    )
    .await;
    assert!(
        cb.ephemeral() && cb.text().contains("owners"),
        "{}",
        cb.body
    );
    // The owner (from GET /oauth2/applications/@me): deferred, then the follow-up.
    let cb = invoke(
        &fake,
        851,
        OWNER_ID,
        MOD_PERMS,
        signpost_data(&["reload"], json!([]), None),
    )
    .await;
    assert_eq!(cb.body["type"], 5, "{}", cb.body);
    let done = fake
        .wait_for("reload follow-up", |r| {
            r.method == "POST" && r.path == format!("/api/v10/webhooks/{APP_ID}/tok-851")
        })
        .await;
    assert!(done.text().contains("generation 2"), "{}", done.body);
    assert!(done.ephemeral());
    assert_no_mentions(&done);
}
