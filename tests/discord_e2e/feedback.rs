//! Feedback buttons under answers, their clicks, and `/signpost stats`.
//!
//! Clicks are MESSAGE_COMPONENT interactions on a message whose id the test
//! chooses: a snowflake from now is a fresh answer, one from 2015 (the
//! fake's own ids) is more than a day old. Counts are read from the
//! database file itself.

use std::path::Path;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};
use signpost::store::SqliteStore;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};

use crate::common::*;
use crate::support::bot::{Bot, Files, Options};
use crate::support::fake_discord::*;
use crate::support::store::{Faulty, Mode};

/// A message id created now (the low bits tell answers apart).
pub fn fresh_id(n: u64) -> u64 {
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    ((ms - 1_420_070_400_000) << 22) | n
}

/// A public `/ask` about asthma; the callback that answered it.
pub async fn ask_asthma(fake: &FakeDiscord, id: u64) -> Recorded {
    invoke(
        fake,
        id,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma inhaler", Some(false)),
    )
    .await
}

/// The custom ids of the message's components, row by row.
pub fn custom_ids(r: &Recorded) -> Vec<String> {
    let rows = r.message()["components"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    rows.iter()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["custom_id"].as_str().map(str::to_string))
        .collect()
}

/// Click `custom_id` on `message` (or choose `values` in a menu); the reply.
pub async fn click(
    fake: &FakeDiscord,
    id: u64,
    user: u64,
    message: u64,
    custom_id: &str,
    values: Option<&[&str]>,
) -> Recorded {
    let i = component_interaction(id, user, bot_message(message), custom_id, values);
    fake.dispatch("INTERACTION_CREATE", i);
    let cb = fake
        .wait_for(&format!("callback for click {id}"), |r| r.is_callback(id))
        .await;
    assert_eq!(cb.body["type"], 4, "{}", cb.body);
    assert!(cb.ephemeral(), "{}", cb.body);
    assert_no_mentions(&cb);
    cb
}

/// One number from the database file (a second connection, as an operator's).
pub async fn db_number(db: &Path, sql: &str) -> i64 {
    let pool = SqlitePool::connect_with(SqliteConnectOptions::new().filename(db))
        .await
        .unwrap();
    let n: Option<i64> = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
    pool.close().await;
    n.unwrap_or(0)
}

/// Wait until `sql` reads `want` (counts are written beside the answer path).
pub async fn wait_db(fake: &FakeDiscord, db: &Path, sql: &str, want: i64) {
    let mut last = -1;
    for _ in 0..400 {
        last = db_number(db, sql).await;
        if last == want {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    fake.wait_until(&format!("{sql} = {want} (last {last})"), || None::<()>)
        .await;
}

const HELPFUL: &str = "SELECT SUM(helpful) FROM guild_daily";
const NOT_HELPFUL: &str = "SELECT SUM(not_helpful) FROM guild_daily";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_carry_buttons_and_each_person_counts_once() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let db = files.database();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, 1999, CHANNEL_ID).await;
    let mention = guild_message(
        1998,
        CHANNEL_ID,
        HUMAN_ID,
        &format!("<@{BOT_ID}> asthma?"),
        true,
    );
    fake.dispatch("MESSAGE_CREATE", mention);
    let post = fake
        .wait_for("mention answer", |r| r.is_channel_post(CHANNEL_ID))
        .await;
    assert_no_mentions(&post);
    assert_eq!(custom_ids(&post).len(), 3, "{}", post.body);
    let answer = ask_asthma(&fake, 2000).await;
    let ids = custom_ids(&answer);
    assert_eq!(ids.len(), 3, "{}", answer.body);
    assert!(
        ids.iter()
            .all(|i| i.starts_with("sp:fb:v1:") && i.len() <= 100)
    );
    let labels: Vec<Value> = answer.message()["components"][0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].clone())
        .collect();
    assert_eq!(
        labels,
        [
            json!("Helpful"),
            json!("Not helpful"),
            json!("Report a broken link")
        ]
    );
    let links = answer.message()["embeds"]
        .to_string()
        .matches("https://")
        .count();
    assert!(links >= 1, "{}", answer.body);

    let msg = fresh_id(1);
    let cb = click(&fake, 2001, HUMAN_ID, msg, &ids[0], None).await;
    assert!(cb.text().contains("Thank you"), "{}", cb.body);
    wait_db(&fake, &db, HELPFUL, 1).await;
    let per_link = db_number(&db, "SELECT SUM(helpful) FROM feedback_daily").await;
    assert!(per_link >= 1, "each shown resource counted");

    // The same person again, with either button: already counted.
    for (i, id) in [(2002, &ids[0]), (2003, &ids[1])] {
        let cb = click(&fake, i, HUMAN_ID, msg, id, None).await;
        assert!(cb.text().contains("already counted"), "{}", cb.body);
    }
    assert_eq!(db_number(&db, HELPFUL).await, 1);
    assert_eq!(db_number(&db, NOT_HELPFUL).await, 0);

    // Someone else, and the same person on another answer, count.
    let cb = click(&fake, 2004, MOD_ID, msg, &ids[1], None).await;
    assert!(cb.text().contains("Thank you"), "{}", cb.body);
    wait_db(&fake, &db, NOT_HELPFUL, 1).await;
    click(&fake, 2005, HUMAN_ID, fresh_id(2), &ids[0], None).await;
    wait_db(&fake, &db, HELPFUL, 2).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broken_links_are_reported_from_a_private_menu() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let db = files.database();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let answer = ask_asthma(&fake, 2100).await;
    let report = custom_ids(&answer)[2].clone();
    let msg = fresh_id(3);
    let menu = click(&fake, 2101, HUMAN_ID, msg, &report, None).await;
    let select = &menu.message()["components"][0]["components"][0];
    assert_eq!(select["type"], 3, "{}", menu.body);
    let custom = select["custom_id"].as_str().unwrap();
    assert!(
        custom.starts_with(&format!("sp:fb:v1:s:{msg}:")),
        "{custom}"
    );
    let options = select["options"].as_array().unwrap();
    assert!(!options.is_empty());
    assert!(
        answer
            .text()
            .contains(options[0]["label"].as_str().unwrap())
    );
    let resource = options[0]["value"].as_str().unwrap().to_string();

    // A value that was not offered is refused and counts nothing.
    let cb = click(
        &fake,
        2102,
        HUMAN_ID,
        fresh_id(4),
        custom,
        Some(&["nhs-made-up"]),
    )
    .await;
    assert!(cb.text().contains("couldn't read"), "{}", cb.body);
    let cb = click(
        &fake,
        2103,
        HUMAN_ID,
        fresh_id(4),
        custom,
        Some(&[&resource]),
    )
    .await;
    assert!(cb.text().contains("reported"), "{}", cb.body);
    let sql = format!("SELECT broken FROM feedback_daily WHERE resource_id = '{resource}'");
    wait_db(&fake, &db, &sql, 1).await;
    let again = click(
        &fake,
        2104,
        HUMAN_ID,
        fresh_id(5),
        custom,
        Some(&[&resource]),
    )
    .await;
    assert!(again.text().contains("already counted"), "{}", again.body);
    assert_eq!(
        db_number(&db, "SELECT SUM(broken) FROM guild_daily").await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn old_answers_and_forged_ids_count_nothing() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let db = files.database();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let ids = custom_ids(&ask_asthma(&fake, 2200).await);
    // The fake's own message ids date from 2015.
    let cb = click(
        &fake,
        2201,
        HUMAN_ID,
        200_000_000_000_000_000,
        &ids[0],
        None,
    )
    .await;
    assert!(cb.text().contains("more than a day old"), "{}", cb.body);
    let old_menu = format!("sp:fb:v1:s:200000000000000000:{}", &ids[0][11..]);
    let cb = click(
        &fake,
        2202,
        HUMAN_ID,
        fresh_id(6),
        &old_menu,
        Some(&["nhs-asthma"]),
    )
    .await;
    assert!(cb.text().contains("more than a day old"), "{}", cb.body);
    for (i, forged) in [(2203, "sp:fb:v1:h:zz"), (2204, "sp:fb:v9:h:0123456789")] {
        let cb = click(&fake, i, HUMAN_ID, fresh_id(7), forged, None).await;
        assert!(cb.text().contains("couldn't read"), "{}", cb.body);
    }
    // A well-formed id naming no catalog resource.
    let cb = click(
        &fake,
        2205,
        HUMAN_ID,
        fresh_id(7),
        "sp:fb:v1:h:0123456789",
        None,
    )
    .await;
    assert!(cb.text().contains("nothing to count"), "{}", cb.body);
    // Not ours: left alone (no callback); the bot still answers afterwards.
    let other = component_interaction(2206, HUMAN_ID, bot_message(fresh_id(8)), "other:1", None);
    fake.dispatch("INTERACTION_CREATE", other);
    let cb = click(&fake, 2207, MOD_ID, fresh_id(8), &ids[0], None).await;
    assert!(cb.text().contains("Thank you"), "{}", cb.body);
    assert!(!fake.requests().iter().any(|r| r.is_callback(2206)));
    wait_db(&fake, &db, HELPFUL, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_show_this_servers_counts_to_moderators_only() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let db = files.database();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let ids = custom_ids(&ask_asthma(&fake, 2300).await);
    let no_match = invoke(
        &fake,
        2301,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("zzqx qqzv wwxy", Some(true)),
    )
    .await;
    assert!(
        custom_ids(&no_match).is_empty(),
        "no catalog link, no buttons"
    );
    invoke(
        &fake,
        2302,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma inhaler, I want to kill myself", None),
    )
    .await;
    wait_db(&fake, &db, "SELECT SUM(answered) FROM guild_daily", 3).await;
    click(&fake, 2303, HUMAN_ID, fresh_id(9), &ids[0], None).await;
    click(&fake, 2304, MOD_ID, fresh_id(9), &ids[1], None).await;
    wait_db(&fake, &db, NOT_HELPFUL, 1).await;

    let stats = signpost_data(&["stats"], json!([]), None);
    let cb = invoke(&fake, 2305, MOD_ID, MOD_PERMS, stats.clone()).await;
    assert!(cb.ephemeral());
    assert_no_mentions(&cb);
    let text = cb.text();
    for want in [
        "**Last 7 days**: questions answered 3, no vetted match 1, emergency blocks shown 1; \
         feedback: helpful 1, not helpful 1, broken-link reports 0.",
        "**Last 30 days**: questions answered 3,",
        "kept for 90 days",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    let refused = invoke(&fake, 2306, HUMAN_ID, MEMBER_PERMS, stats).await;
    assert!(refused.ephemeral());
    assert!(refused.text().contains("Manage Server"), "{}", refused.body);
    assert!(!refused.text().contains("questions answered"));
}

/// The counters' database failing: answers and their buttons still go out,
/// a click is still thanked, stats say kindly that they can't be read, and
/// counting resumes when the database does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_counts_never_stop_answers() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let db = files.database();
    let sqlite = SqliteStore::open(&db).await.unwrap();
    let (faulty, switch) = Faulty::new(sqlite);
    let _bot = Bot::start_with_counts(&fake, &files, Options::default(), Arc::new(faulty)).await;
    switch.set(Mode::Failing);
    let answer = ask_asthma(&fake, 2400).await;
    let ids = custom_ids(&answer);
    assert_eq!(ids.len(), 3, "{}", answer.body);
    let cb = click(&fake, 2401, HUMAN_ID, fresh_id(10), &ids[0], None).await;
    assert!(cb.text().contains("Thank you"), "{}", cb.body);
    let stats = signpost_data(&["stats"], json!([]), None);
    let cb = invoke(&fake, 2402, MOD_ID, MOD_PERMS, stats).await;
    assert!(
        cb.ephemeral() && cb.text().contains("can't be read"),
        "{}",
        cb.body
    );

    switch.set(Mode::Normal);
    click(&fake, 2403, MOD_ID, fresh_id(10), &ids[0], None).await;
    wait_db(&fake, &db, HELPFUL, 1).await;
}

/// Daily rows older than `stats.retention_days` (90 by default) are
/// deleted when the bot starts; recent ones stay.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn old_daily_counts_are_deleted_on_start() {
    use signpost::store::{CountsStore, Feedback, Outcome, SettingsStore};
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let db = files.database();
    let store = SqliteStore::open(&db).await.unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    let old = today - time::Duration::days(91);
    let ids = ["nhs-asthma".to_string()];
    for day in [old, today] {
        store
            .answered(day, GUILD_ID, Outcome::default())
            .await
            .unwrap();
        store
            .feedback(day, Some(GUILD_ID), &ids, Feedback::Helpful)
            .await
            .unwrap();
    }
    store.close().await;
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    wait_db(&fake, &db, "SELECT COUNT(*) FROM guild_daily", 1).await;
    wait_db(&fake, &db, "SELECT COUNT(*) FROM feedback_daily", 1).await;
    let kept = format!("SELECT COUNT(*) FROM guild_daily WHERE day = '{today}'");
    assert_eq!(db_number(&db, &kept).await, 1);
}
