//! The settings database slow or failing while the bot runs: answers are
//! never lost, never late past Discord's deadline, and never public when a
//! server chose private (or when nothing is known).

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use signpost::store::{CachedStore, SqliteStore};

use crate::common::*;
use crate::support::bot::{Bot, Files, Options};
use crate::support::fake_discord::*;
use crate::support::store::{Faulty, Mode, Switch};

/// The production store (cache over SQLite) with a switchable fault
/// between the cache and the file.
async fn bot_with_switch(fake: &FakeDiscord, files: &Files) -> (Bot, Switch) {
    let sqlite = SqliteStore::open(&files.database()).await.unwrap();
    let (faulty, switch) = Faulty::new(sqlite);
    let store = Arc::new(CachedStore::new(faulty));
    let bot = Bot::start_with(fake, files, Options::default(), Some(store)).await;
    (bot, switch)
}

/// Slow every settings read past the fast path, then `/ask` as `id`.
fn ask_while_settings_are_slow(fake: &FakeDiscord, switch: &Switch, id: u64) {
    switch.set(Mode::SlowReads(Duration::from_millis(2500)));
    let ask = ask_data("what is asthma?", None);
    let token = format!("tok-{id}");
    fake.dispatch(
        "INTERACTION_CREATE",
        interaction(id, &token, HUMAN_ID, MEMBER_PERMS, ask),
    );
}

/// Everything sent for interaction `id`: its callbacks and follow-ups.
fn sends_for(fake: &FakeDiscord, id: u64) -> Vec<Recorded> {
    let token = format!("/tok-{id}");
    fake.requests()
        .into_iter()
        .filter(|r| r.is_callback(id) || (r.method == "POST" && r.path.ends_with(&token)))
        .collect()
}

/// Settings slower than the fast path: the interaction is deferred
/// privately before Discord's 3 s deadline, and the answer follows, once,
/// privately.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_settings_defer_privately_and_the_answer_follows() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let (_bot, switch) = bot_with_switch(&fake, &files).await;
    ask_while_settings_are_slow(&fake, &switch, 2200);
    fake.wait_until("the answer after the deferral", || {
        (sends_for(&fake, 2200).len() >= 2).then_some(())
    })
    .await;
    let sends = sends_for(&fake, 2200);
    assert_eq!(sends[0].body["type"], 5, "deferred: {}", sends[0].body);
    assert_eq!(sends[0].body["data"]["flags"], 64, "privately");
    assert!(sends[1].text().contains("sthma"), "{}", sends[1].body);
    assert!(sends[1].ephemeral(), "the answer stays private");
    assert_no_mentions(&sends[1]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(sends_for(&fake, 2200).len(), 2, "exactly one answer");
}

/// The database fails (deleted, locked, read-only: all errors here) after a
/// server chose private answers and a region: answers stay private, in
/// that region, and a moderator's change is refused, not half-made.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_database_keeps_a_servers_choices() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let (_bot, switch) = bot_with_switch(&fake, &files).await;
    set(&fake, 2210, "region", "code", json!("us")).await;
    set(&fake, 2211, "private", "value", json!(0)).await; // "on"
    for f in ["signpost.db", "signpost.db-wal", "signpost.db-shm"] {
        let _ = std::fs::remove_file(files.database().with_file_name(f));
    }
    switch.set(Mode::Failing);
    let refused = set(&fake, 2212, "region", "code", json!("nz")).await;
    assert!(refused.text().contains("not saved"), "{}", refused.body);
    let crisis = ask_data("i want to kill myself tonight", None);
    let cb = invoke(&fake, 2213, HUMAN_ID, MEMBER_PERMS, crisis).await;
    assert!(cb.ephemeral(), "private stays private: {}", cb.body);
    assert!(cb.text().contains("911"), "the region stays: {}", cb.body);
}

/// The database fails before anything is known about a server: answer
/// privately, with contacts for the asker's language (en-GB → uk).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_database_with_nothing_known_answers_privately() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let (_bot, switch) = bot_with_switch(&fake, &files).await;
    switch.set(Mode::Failing);
    let crisis = ask_data("i want to kill myself tonight", None);
    let cb = invoke(&fake, 2220, HUMAN_ID, MEMBER_PERMS, crisis).await;
    assert!(cb.ephemeral(), "fail safe is private: {}", cb.body);
    assert!(cb.text().contains("999"), "{}", cb.body);
    assert_no_mentions(&cb);
}

/// Shutdown (what SIGTERM triggers) while an answer is still being worked
/// on: the gateway closes, the answer is finished and sent, then `serve`
/// returns Ok.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_drains_answers_in_flight() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let (bot, switch) = bot_with_switch(&fake, &files).await;
    ask_while_settings_are_slow(&fake, &switch, 2230);
    fake.wait_for("the deferral", |r| r.is_callback(2230)).await;
    bot.stop().await.expect("serve returns Ok after draining");
    let sends = sends_for(&fake, 2230);
    assert_eq!(sends.len(), 2, "deferral, then the answer: {sends:#?}");
    assert!(sends[1].text().contains("sthma"), "{}", sends[1].body);
}
