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
    // A marker from someone else. Messages are handled concurrently, so
    // wait for both greetings (the marker's and one of the three), then
    // check that the other two were held back.
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(1814, CHANNEL_ID, MOD_ID, &bare, true),
    );
    fake.wait_for("marker greeting", |r| {
        r.is_channel_post(CHANNEL_ID) && r.body["message_reference"]["message_id"] == "1814"
    })
    .await;
    fake.wait_for("one greeting for the first person", |r| {
        r.is_channel_post(CHANNEL_ID)
            && ["1811", "1812", "1813"]
                .iter()
                .any(|id| r.body["message_reference"]["message_id"] == *id)
    })
    .await;
    assert_eq!(posts_to(&fake, CHANNEL_ID).len(), 2, "one for each person");
}

/// Someone still cooling down is held back before the search runs, but a
/// crisis message from them is answered at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cooldown_never_holds_back_a_crisis() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let o = Options {
        user_cooldown_secs: 600,
        ..Options::default()
    };
    let _bot = Bot::start(&fake, &files, o).await;
    enable_mentions(&fake, 1820, CHANNEL_ID).await;
    let say = |id: u64, text: &str| {
        let content = format!("<@{BOT_ID}> {text}");
        fake.dispatch(
            "MESSAGE_CREATE",
            guild_message(id, CHANNEL_ID, HUMAN_ID, &content, true),
        );
    };
    let reply_to = |id: &'static str| {
        move |r: &Recorded| {
            r.is_channel_post(CHANNEL_ID) && r.body["message_reference"]["message_id"] == id
        }
    };
    say(1821, "what is asthma?");
    fake.wait_for("the first answer", reply_to("1821")).await;
    say(1822, "what is eczema?");
    say(1823, CRISIS);
    fake.wait_for("the crisis answer", reply_to("1823")).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let posts = posts_to(&fake, CHANNEL_ID);
    let to = |id: &str| {
        posts
            .iter()
            .filter(|p| p.body["message_reference"]["message_id"] == id)
            .count()
    };
    assert_eq!(to("1821"), 1);
    assert_eq!(to("1822"), 0, "cooling down: no answer, no note in public");
    assert!(posts.last().unwrap().text().contains("get help now"));
}
