//! Delivery under REST faults with serenity exactly as in production: the
//! fake is `https://discord.com` (tls.rs), so serenity's own ratelimiter
//! handles 429s and our retries handle the rest. Each scenario asserts the
//! patient sees exactly one answer, and that the moderators' crisis note is
//! posted where one is configured.

use std::sync::Arc;
use std::time::Duration;

use crate::common::*;
use crate::support::bot::{Bot, Files, Options};
use crate::support::fake_discord::*;

const CRISIS: &str = "i want to kill myself tonight";

/// The HTTPS fake with a bot on it, moderators' mentions on in
/// `CHANNEL_ID` and crisis notes going to the log channel; `None` where
/// port 443 cannot be bound (the reason is printed).
async fn https_bot(first_id: u64) -> Option<(Arc<FakeDiscord>, Files, Bot)> {
    let fake = FakeDiscord::start_https().await?;
    let files = Files::new();
    let bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, first_id, CHANNEL_ID).await;
    set_log_channel(&fake, first_id + 1).await;
    Some((fake, files, bot))
}

/// A patient @mentions the bot with `text`.
fn mention(fake: &FakeDiscord, id: u64, text: &str) {
    let content = format!("<@{BOT_ID}> {text}");
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(id, CHANNEL_ID, HUMAN_ID, &content, true),
    );
}

fn answer_route() -> String {
    format!("/channels/{CHANNEL_ID}/messages")
}

/// A crisis answer and its note after `failure` on the first answer send.
async fn crisis_survives(first_id: u64, failure: Failure, times: usize) {
    let Some((fake, _files, _bot)) = https_bot(first_id).await else {
        return;
    };
    fake.fail_next_with("POST", &answer_route(), failure, times);
    mention(&fake, first_id + 2, CRISIS);
    fake.wait_for("crisis note", |r| r.is_channel_post(LOG_CHANNEL_ID))
        .await;
    fake.wait_until("the answer", || {
        (fake.delivered_sends(&answer_route()) >= 1).then_some(())
    })
    .await;
    // Give any duplicate time to show up before counting.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let posts = posts_to(&fake, CHANNEL_ID);
    assert_eq!(posts.len(), times + 1, "{failure:?}: failures, then one");
    assert_eq!(fake.delivered_sends(&answer_route()), 1, "{failure:?}");
    assert!(
        posts
            .iter()
            .all(|p| p.body["nonce"] == posts[0].body["nonce"])
    );
    assert!(
        posts[times].text().contains("get help now"),
        "{}",
        posts[times].body
    );
    assert_eq!(
        fake.delivered_sends(&format!("/channels/{LOG_CHANNEL_ID}/")),
        1
    );
    posts.iter().for_each(assert_no_mentions);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_on_the_answer_route_is_waited_out_by_the_ratelimiter() {
    let failure = Failure::RateLimited {
        global: false,
        retry_after: 0.4,
    };
    crisis_survives(2100, failure, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_global_429_is_waited_out() {
    let failure = Failure::RateLimited {
        global: true,
        retry_after: 0.4,
    };
    crisis_survives(2110, failure, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_are_retried_until_one_lands() {
    crisis_survives(2120, Failure::Status(502), 2).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_response_times_out_and_is_retried() {
    // The test client gives up after 2 s (production: 15 s).
    crisis_survives(2130, Failure::Stall(Duration::from_secs(4)), 1).await;
}

/// `/ask` whose initial response never lands (three 500s): the answer goes
/// out once as a follow-up on the interaction's token.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_initial_response_falls_back_to_a_follow_up() {
    let Some((fake, _files, _bot)) = https_bot(2140).await else {
        return;
    };
    fake.fail_next("POST", "/interactions/2142/", 500, 3);
    let ask = ask_data(CRISIS, Some(false));
    fake.dispatch(
        "INTERACTION_CREATE",
        interaction(2142, "tok-2142", HUMAN_ID, MEMBER_PERMS, ask),
    );
    let follow = fake
        .wait_for("the follow-up", |r| {
            r.method == "POST" && r.path.contains("/webhooks/") && r.path.ends_with("/tok-2142")
        })
        .await;
    assert!(follow.text().contains("get help now"), "{}", follow.body);
    assert_no_mentions(&follow);
    fake.wait_for("crisis note", |r| r.is_channel_post(LOG_CHANNEL_ID))
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(fake.delivered_sends("tok-2142"), 1, "exactly one answer");
    assert_eq!(fake.delivered_sends("/interactions/2142/"), 0);
}

/// The first callback landed but its reply was lost: the retry hears
/// "already acknowledged" and nothing more is sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_acknowledged_answer_is_not_sent_again() {
    let Some((fake, _files, _bot)) = https_bot(2150).await else {
        return;
    };
    fake.fail_next("POST", "/interactions/2152/", 503, 1);
    fake.fail_next_with("POST", "/interactions/2152/", Failure::Code(400, 40060), 1);
    let ask = ask_data("what is asthma?", None);
    fake.dispatch(
        "INTERACTION_CREATE",
        interaction(2152, "tok-2152", HUMAN_ID, MEMBER_PERMS, ask),
    );
    fake.wait_until("two callbacks", || {
        let n = fake
            .requests()
            .iter()
            .filter(|r| r.is_callback(2152))
            .count();
        (n >= 2).then_some(())
    })
    .await;
    // A marker interaction: once it is answered, the first one is finished.
    invoke(
        &fake,
        2153,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("eczema", None),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let to_token = fake
        .requests()
        .iter()
        .filter(|r| r.path.contains("/webhooks/") && r.path.contains("tok-2152"))
        .count();
    assert_eq!(to_token, 0, "no follow-up, no error message");
}
