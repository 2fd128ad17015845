//! Faults on Discord's side: the patient still gets exactly one answer, and
//! the moderators' crisis note is still attempted.

use serde_json::json;

use crate::common::*;
use crate::support::bot::{Bot, Files, Options};
use crate::support::fake_discord::*;

const CRISIS: &str = "i want to kill myself tonight";

/// A 500 on the first send is retried with the same enforced nonce, so the
/// answer is posted once even if the failed attempt had landed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_error_on_the_answer_is_retried_once_with_the_same_nonce() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, 1700, CHANNEL_ID).await;
    fake.fail_next("POST", &format!("/channels/{CHANNEL_ID}/messages"), 500, 1);

    let ask = format!("<@{BOT_ID}> what is asthma?");
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(1701, CHANNEL_ID, HUMAN_ID, &ask, true),
    );
    fake.wait_until("the retried answer", || {
        (posts_to(&fake, CHANNEL_ID).len() >= 2).then_some(())
    })
    .await;
    let posts = posts_to(&fake, CHANNEL_ID);
    assert_eq!(posts.len(), 2, "one failure, one success, nothing more");
    assert_eq!(posts[0].body["nonce"], posts[1].body["nonce"]);
    assert_eq!(posts[1].body["enforce_nonce"], json!(true));
    assert_eq!(posts[0].text(), posts[1].text());
}

/// `/ask` whose first callback gets a 503: retried, answered once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_interaction_callback_is_retried() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    fake.fail_next("POST", "/interactions/1710/", 503, 1);
    fake.dispatch(
        "INTERACTION_CREATE",
        interaction(
            1710,
            "tok-1710",
            HUMAN_ID,
            MEMBER_PERMS,
            ask_data("what is asthma?", None),
        ),
    );
    fake.wait_until("the retried callback", || {
        (fake
            .requests()
            .iter()
            .filter(|r| r.is_callback(1710))
            .count()
            >= 2)
            .then_some(())
    })
    .await;
    // A marker interaction: once it is answered, the first one is finished.
    invoke(
        &fake,
        1711,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("what is eczema?", None),
    )
    .await;
    let callbacks: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.is_callback(1710))
        .collect();
    assert_eq!(callbacks.len(), 2);
    assert!(
        callbacks[1].text().contains("sthma"),
        "{}",
        callbacks[1].body
    );
    let seen: Vec<String> = fake
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    let follow_ups = seen
        .iter()
        .filter(|r| r.starts_with("POST") && r.contains("/webhooks/"))
        .count();
    assert_eq!(
        follow_ups, 0,
        "no generic error after a good retry: {seen:#?}"
    );
}

/// Every attempt to post a crisis answer fails: the moderators are still
/// told, and told that it was not delivered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_undeliverable_crisis_answer_still_notes_the_moderators() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, 1720, CHANNEL_ID).await;
    set_log_channel(&fake, 1721).await;
    fake.fail_next("POST", &format!("/channels/{CHANNEL_ID}/messages"), 502, 3);

    let content = format!("<@{BOT_ID}> {CRISIS}");
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(1722, CHANNEL_ID, HUMAN_ID, &content, true),
    );
    let note = fake
        .wait_for("crisis note", |r| r.is_channel_post(LOG_CHANNEL_ID))
        .await;
    assert!(
        note.text().contains("could not be delivered"),
        "{}",
        note.body
    );
    assert_eq!(
        posts_to(&fake, CHANNEL_ID).len(),
        3,
        "three tries, then stop"
    );
}

/// The settings database is locked by someone else: a moderator's change
/// says it was not saved and changes nothing; earlier settings survive.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_database_refuses_a_change_and_keeps_the_settings() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let bot = Bot::start(&fake, &files, Options::default()).await;
    set(&fake, 1730, "region", "code", json!("us")).await;

    let url = format!("sqlite://{}", files.database().display());
    let locker = sqlx::SqlitePool::connect(&url).await.unwrap();
    let mut held = locker.acquire().await.unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut *held)
        .await
        .unwrap();
    let cb = set(&fake, 1731, "results", "count", json!(2)).await;
    assert_eq!(
        cb.body["type"], 5,
        "deferred within Discord's deadline: {}",
        cb.body
    );
    // The write waits out the lock's timeout, so the reply is deferred and
    // the words come in the follow-up.
    fake.wait_for("not saved", |r| r.text().contains("not saved"))
        .await;
    sqlx::query("ROLLBACK").execute(&mut *held).await.unwrap();
    drop(held);
    locker.close().await;

    let status = invoke(
        &fake,
        1732,
        MOD_ID,
        MOD_PERMS,
        signpost_data(&["status"], json!([]), None),
    )
    .await;
    let text = status.text();
    assert!(text.contains("region `us`"), "{text}");
    assert!(
        !text.contains("results: 2"),
        "the refused change was not applied: {text}"
    );
    bot.stop().await.unwrap();
}

/// `resources/` replaced by another folder (as a checkout or deploy that
/// swaps it does): the watcher follows the new folder.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replaced_resources_folder_is_watched_again() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let live = files.resources();
    let staged = live.with_file_name("resources.new");
    copy_tree(&live, &staged);
    let lib = staged.join("library/lungs.toml");
    let text = std::fs::read_to_string(&lib).unwrap();
    std::fs::write(
        &lib,
        text.replacen("title = \"Asthma\"", "title = \"Asthma swapped\"", 1),
    )
    .unwrap();
    std::fs::rename(&live, live.with_file_name("resources.old")).unwrap();
    std::fs::rename(&staged, &live).unwrap();

    wait_for_title(&fake, 1740, "Asthma swapped").await;
    // Edits inside the new folder are seen too: the watch moved to it.
    let lib = live.join("library/lungs.toml");
    let text = std::fs::read_to_string(&lib).unwrap();
    std::fs::write(
        &lib,
        text.replacen("Asthma swapped", "Asthma edited later", 1),
    )
    .unwrap();
    wait_for_title(&fake, 1850, "Asthma edited later").await;
}

async fn wait_for_title(fake: &FakeDiscord, first_id: u64, title: &str) {
    let link = format!("[{title}](");
    for i in 0..100 {
        let cb = invoke(
            fake,
            first_id + i,
            HUMAN_ID,
            MEMBER_PERMS,
            ask_data("asthma", Some(true)),
        )
        .await;
        if cb.text().contains(&link) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("never answered with {title}");
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
