//! Abuse limits: emergencies are never suppressed, but repeats are short;
//! greetings and moderators' notes are rate-limited.

use crate::common::*;
use crate::support::bot::{Bot, Files, Options};
use crate::support::fake_discord::*;

const CRISIS: &str = "i want to kill myself tonight";

/// The same person repeating a crisis message in the same channel gets a
/// short pointer to the first block (with the emergency line), and the
/// moderators get one note, not two.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_repeated_emergency_points_back_and_notes_once() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, 1800, CHANNEL_ID).await;
    set_log_channel(&fake, 1801).await;
    let content = format!("<@{BOT_ID}> {CRISIS}");
    for id in [1802, 1803] {
        fake.dispatch(
            "MESSAGE_CREATE",
            guild_message(id, CHANNEL_ID, HUMAN_ID, &content, true),
        );
        let want = id.to_string();
        fake.wait_for("reply", |r| {
            r.is_channel_post(CHANNEL_ID)
                && r.body["message_reference"]["message_id"] == want.as_str()
        })
        .await;
    }
    let posts = posts_to(&fake, CHANNEL_ID);
    assert_eq!(posts.len(), 2);
    assert!(!posts[0].body["embeds"].as_array().unwrap().is_empty());
    let second = posts[1].text();
    assert!(second.contains("https://discord.com/channels/"), "{second}");
    assert!(
        second.contains("call 911"),
        "the emergency line (en-US server): {second}"
    );
    assert_no_mentions(&posts[1]);
    assert_eq!(
        posts_to(&fake, LOG_CHANNEL_ID).len(),
        1,
        "one note per person per ten minutes"
    );
}

/// Bare mentions get a greeting, but not one per message.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bare_mention_greetings_share_the_cooldown() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let opts = Options {
        user_cooldown_secs: 60,
        ..Options::default()
    };
    let _bot = Bot::start(&fake, &files, opts).await;
    enable_mentions(&fake, 1810, CHANNEL_ID).await;
    let bare = format!("<@{BOT_ID}>");
    for id in [1811, 1812, 1813] {
        fake.dispatch(
            "MESSAGE_CREATE",
            guild_message(id, CHANNEL_ID, HUMAN_ID, &bare, true),
        );
    }
    // A marker from someone else: once answered, the earlier ones were handled.
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(1814, CHANNEL_ID, MOD_ID, &bare, true),
    );
    fake.wait_for("marker greeting", |r| {
        r.is_channel_post(CHANNEL_ID) && r.body["message_reference"]["message_id"] == "1814"
    })
    .await;
    assert_eq!(posts_to(&fake, CHANNEL_ID).len(), 2, "one for each person");
}
