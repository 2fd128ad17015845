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

/// Fatal close codes end `serve` with a message that says what to fix.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fatal_close_codes_stop_with_advice() {
    for (code, advice) in [(4004, "DISCORD_TOKEN"), (4014, "Message Content intent")] {
        let fake = FakeDiscord::start().await;
        let files = Files::new();
        let bot = Bot::start(&fake, &files, Options::default()).await;
        fake.close_session(code);
        let err = bot.wait().await.expect_err("serve stops");
        assert!(err.to_string().contains(advice), "{code}: {err}");
    }
}

/// Discord asks for a reconnect (op 7): the bot resumes and keeps answering.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reconnect_request_resumes() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    fake.send_frame(serde_json::json!({ "op": 7, "s": null, "t": null, "d": null }));
    let resume = fake.wait_for_op(6).await;
    assert_eq!(resume["d"]["session_id"], "fake-session-1");
    let cb = invoke(
        &fake,
        1900,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma", Some(true)),
    )
    .await;
    assert!(cb.text().contains("sthma"), "{}", cb.body);
}

/// An invalid session that cannot be resumed (op 9, false): the bot
/// identifies again and keeps answering.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_session_identifies_again() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    fake.send_frame(serde_json::json!({ "op": 9, "s": null, "t": null, "d": false }));
    fake.wait_until("a second IDENTIFY", || {
        let n = fake
            .recorder
            .frames()
            .iter()
            .filter(|f| f["op"] == 2)
            .count();
        (n >= 2).then_some(())
    })
    .await;
    let cb = invoke(
        &fake,
        1910,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma", Some(true)),
    )
    .await;
    assert!(cb.text().contains("sthma"), "{}", cb.body);
}

/// Heartbeats stop being acknowledged (a zombie connection): the bot
/// notices, reconnects and resumes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zombie_connection_reconnects() {
    let fake = FakeDiscord::start().await;
    fake.heartbeat_ms
        .store(300, std::sync::atomic::Ordering::SeqCst);
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    fake.ack_heartbeats
        .store(false, std::sync::atomic::Ordering::SeqCst);
    fake.wait_until("a new session", || (fake.sessions() >= 2).then_some(()))
        .await;
    fake.ack_heartbeats
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let cb = invoke(
        &fake,
        1920,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma", Some(true)),
    )
    .await;
    assert!(cb.text().contains("sthma"), "{}", cb.body);
}

/// A resumable invalid session (op 9, true): the bot resumes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resumable_invalid_session_resumes() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    fake.send_frame(serde_json::json!({ "op": 9, "s": null, "t": null, "d": true }));
    fake.wait_until("RESUME or IDENTIFY", || {
        let frames = fake.recorder.frames();
        let again = frames
            .iter()
            .filter(|f| f["op"] == 6 || f["op"] == 2)
            .count();
        (again >= 2).then_some(())
    })
    .await;
    let cb = invoke(
        &fake,
        1930,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma", Some(true)),
    )
    .await;
    assert!(cb.text().contains("sthma"), "{}", cb.body);
}

/// The real binary under SIGTERM: it closes the gateway and exits 0.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_binary_cleanly() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let config = files.dir.path().join("signpost.toml");
    let text = format!(
        "[paths]\nresources = {:?}\nindex = {:?}\ndatabase = {:?}\n[discord]\napi_base_url = {:?}\n",
        files.resources().display().to_string(),
        files.index().display().to_string(),
        files.database().display().to_string(),
        fake.base_url(),
    );
    std::fs::write(&config, text).unwrap();
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
        .arg("serve")
        .arg("--config")
        .arg(&config)
        .env("DISCORD_TOKEN", "fake-token")
        .env_remove("RUST_LOG")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    fake.wait_for("command registration", |r| r.method == "PUT")
        .await;
    let pid = child.id().expect("running").to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = tokio::time::timeout(std::time::Duration::from_secs(30), child.wait())
        .await
        .expect("exits after SIGTERM")
        .unwrap();
    assert_eq!(status.code(), Some(0), "{status:?}");
}

/// `serve --shards 0-1 --shard-total 2`: both shards identify with their
/// `[k, n]`, the fake routes the guild's events to the shard that owns it
/// (`(guild_id >> 22) % n`), and a question there is answered once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_shards_identify_and_the_owning_shard_answers() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let opts = Options {
        shards: signpost::config::ShardPlan::Range {
            first: 0,
            last: 1,
            total: 2,
        },
        ..Options::default()
    };
    let bot = Bot::start(&fake, &files, opts).await;
    fake.wait_until("both shards identified", || {
        let mut shards = fake.identified_shards();
        shards.sort();
        (shards == ["[0,2]", "[1,2]"]).then_some(())
    })
    .await;
    let cb = invoke(
        &fake,
        1901,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma inhaler", None),
    )
    .await;
    assert_eq!(cb.body["type"], 4, "{}", cb.body);
    bot.stop().await.unwrap();
    let answers = fake
        .requests()
        .iter()
        .filter(|r| r.is_callback(1901))
        .count();
    assert_eq!(answers, 1, "answered once, by the owning shard");
}
