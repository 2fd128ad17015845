//! Connection lifecycle: resume after a disconnect, removal from a server,
//! graceful shutdown.

use signpost::store::{SettingsStore, SqliteStore};

use crate::common::*;
use crate::support::bot::{Bot, Files, Options};
use crate::support::fake_discord::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disconnect_resume_then_answers() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, 900, CHANNEL_ID).await;

    fake.close_session(4000);
    let resume = fake.wait_for_op(6).await;
    assert_eq!(resume["d"]["session_id"], "fake-session-1");
    assert_eq!(fake.sessions(), 2);

    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(
            901,
            CHANNEL_ID,
            HUMAN_ID,
            &format!("<@{BOT_ID}> asthma?"),
            true,
        ),
    );
    let post = fake
        .wait_for("reply after resume", |r| r.is_channel_post(CHANNEL_ID))
        .await;
    assert_no_mentions(&post);
    let identifies = fake
        .recorder
        .frames()
        .iter()
        .filter(|f| f["op"] == 2)
        .count();
    assert_eq!(identifies, 1, "resumed, not re-identified");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removal_from_server_deletes_its_settings_but_an_outage_does_not() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, 910, CHANNEL_ID).await;
    let store = SqliteStore::open(&files.database()).await.unwrap();
    assert_eq!(store.channels(GUILD_ID).await.unwrap().len(), 1);

    // An outage: unavailable = true. Settings stay. Then a marker event proves it was handled.
    fake.dispatch(
        "GUILD_DELETE",
        serde_json::json!({ "id": GUILD_ID.to_string(), "unavailable": true }),
    );
    fake.dispatch("GUILD_CREATE", guild_create(MEMBER_PERMS));
    let marker = format!("<@{BOT_ID}> asthma?");
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(911, CHANNEL_ID, HUMAN_ID, &marker, true),
    );
    fake.wait_for("marker reply", |r| r.is_channel_post(CHANNEL_ID))
        .await;
    assert_eq!(store.channels(GUILD_ID).await.unwrap().len(), 1);

    // Removed (no `unavailable`): settings go.
    fake.dispatch(
        "GUILD_DELETE",
        serde_json::json!({ "id": GUILD_ID.to_string() }),
    );
    for _ in 0..2000 {
        if store.channels(GUILD_ID).await.unwrap().is_empty() {
            assert_eq!(store.guild(GUILD_ID).await.unwrap(), Default::default());
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!(
        "settings were not deleted; REST seen: {:?}",
        fake.requests()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graceful_shutdown_closes_the_gateway() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let bot = Bot::start(&fake, &files, Options::default()).await;
    bot.stop().await.expect("serve returns Ok on shutdown");
    // The database is closed and reopenable.
    let store = SqliteStore::open(&files.database()).await.unwrap();
    assert!(store.channels(GUILD_ID).await.unwrap().is_empty());
}
