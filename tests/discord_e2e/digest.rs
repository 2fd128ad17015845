//! The weekly review digest: posted to the clinicians' channel as embeds
//! (links and counts only, no pings), remembered across restarts.

use serde_json::Value;
use signpost::store::{CountsStore, Feedback, Gap, GapKind, SettingsStore, SqliteStore};

use crate::common::*;
use crate::feedback::wait_db;
use crate::support::bot::{Bot, Files, Options, captured_logs};
use crate::support::fake_discord::*;

const DIGEST_CHANNEL: u64 = 100_000_000_000_000_010;

/// Counts as a week of use would leave them: a common gap, a rare one
/// (one server only), and "not helpful" votes on one page.
async fn seed(files: &Files) {
    let s = SqliteStore::open(&files.database()).await.unwrap();
    let day = signpost::store::counts::today();
    let gap = |topic: &str| Gap {
        region: "nz".into(),
        topic: topic.into(),
        kind: GapKind::NoMatch,
    };
    for i in 0..12u64 {
        s.gap(day, 1 + i % 3, &gap("gout")).await.unwrap();
        s.gap(day, 50, &gap("lupus")).await.unwrap();
    }
    let ids = vec!["nhs-asthma".to_string()];
    s.feedback(day, Some(1), &ids, Feedback::NotHelpful)
        .await
        .unwrap();
    s.close().await;
}

fn embeds(r: &Recorded) -> Vec<Value> {
    r.message()["embeds"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn digest_posts_once_per_period_with_links_and_counts() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    seed(&files).await;
    let opts = Options {
        digest_channel: Some(DIGEST_CHANNEL),
        ..Options::default()
    };
    let bot = Bot::start(&fake, &files, opts.clone()).await;
    let post = fake
        .wait_for("the digest", |r| r.is_channel_post(DIGEST_CHANNEL))
        .await;
    assert_no_mentions(&post);
    let embeds = embeds(&post);
    assert!((2..=10).contains(&embeds.len()), "{}", post.body);
    let text = embeds.iter().map(Value::to_string).collect::<String>();
    let visible: usize = embeds
        .iter()
        .map(|e| {
            e["title"].as_str().map_or(0, str::len) + e["description"].as_str().map_or(0, str::len)
        })
        .sum();
    assert!(visible < 6000, "Discord's 6000-character cap: {visible}");
    assert!(text.contains("Reviews due"), "{text}");
    assert!(
        text.contains("gout") && text.contains("from 3 servers"),
        "{text}"
    );
    assert!(!text.contains("lupus"), "a one-server topic is never named");
    assert!(text.contains("1 not helpful"), "{text}");
    let db = files.database();
    // Recorded just after Discord accepted the post.
    wait_db(&fake, &db, "SELECT COUNT(*) FROM digest_log", 1).await;
    bot.stop().await.unwrap();

    // A restart within the week posts nothing more.
    let before = captured_logs().matches("review digest not due").count();
    let bot = Bot::start(&fake, &files, opts).await;
    fake.wait_until("the digest check after restart", || {
        (captured_logs().matches("review digest not due").count() > before).then_some(())
    })
    .await;
    bot.stop().await.unwrap();
    let posts = fake
        .requests()
        .iter()
        .filter(|r| r.is_channel_post(DIGEST_CHANNEL))
        .count();
    assert_eq!(posts, 1, "one digest per period");
}
