//! Scenarios on the real engine with the fixture catalog
//! (tests/fixtures/resources): links, notice, review lines, crisis blocks per
//! region, duplicates, auto mode, and live catalog edits.

use std::time::Duration;

use serde_json::json;

use crate::common::*;
use crate::support::bot::{Bot, Files, Options};
use crate::support::fake_discord::*;

const NOTICE: &str = "Signpost shares trusted health information";
const CRISIS: &str = "I want to kill myself";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_gives_links_review_lines_and_the_notice() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let cb = invoke(
        &fake,
        950,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("how do I use an asthma inhaler", None),
    )
    .await;
    let text = cb.text();
    assert!(
        text.contains("(https://www.nhs.uk/conditions/asthma/)"),
        "{text}"
    );
    assert!(
        text.contains("Reviewed 2026-11-01"),
        "a real review is named: {text}"
    );
    assert!(text.contains("placeholder approval"), "{text}");
    assert_eq!(
        text.matches("Reviewed").count(),
        1,
        "placeholders never claim a review: {text}"
    );
    assert!(text.contains(NOTICE), "{text}");
    assert_no_mentions(&cb);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crisis_puts_the_emergency_block_first_for_the_servers_region() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    enable_mentions(&fake, 960, CHANNEL_ID).await;

    // Default region (uk): Samaritans.
    let cb = invoke(
        &fake,
        961,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data(CRISIS, Some(true)),
    )
    .await;
    let first = &cb.message()["embeds"][0];
    assert!(
        first["title"].as_str().unwrap().contains("get help now"),
        "{}",
        cb.body
    );
    assert!(
        first["description"].as_str().unwrap().contains("116 123"),
        "{}",
        cb.body
    );

    // The server chooses us; a mention now gets 988 first, and the moderators' log a link only.
    set(&fake, 962, "region", "code", json!("us")).await;
    set_log_channel(&fake, 963).await;
    let content = format!("<@{BOT_ID}> {CRISIS}");
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(964, CHANNEL_ID, HUMAN_ID, &content, true),
    );
    let post = fake
        .wait_for("crisis reply", |r| r.is_channel_post(CHANNEL_ID))
        .await;
    let first = &post.body["embeds"][0];
    assert!(
        first["description"].as_str().unwrap().contains("988"),
        "{}",
        post.body
    );
    assert!(post.text().contains(NOTICE));
    assert_no_mentions(&post);
    let log = fake
        .wait_for("crisis note", |r| r.is_channel_post(LOG_CHANNEL_ID))
        .await;
    let note = log.text();
    assert!(
        note.contains("https://discord.com/channels/") && note.contains("`suicide`"),
        "{note}"
    );
    assert!(
        !note.to_lowercase().contains("kill"),
        "never the text: {note}"
    );
    assert_no_mentions(&log);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_region_picks_regional_resources() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    set(&fake, 965, "region", "code", json!("us")).await;
    let cb = invoke(&fake, 966, HUMAN_ID, MEMBER_PERMS, ask_data("asthma", None)).await;
    assert!(cb.text().contains("medlineplus.gov/asthma"), "{}", cb.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_answer_is_not_posted_twice_in_a_channel() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let opts = Options {
        duplicate_minutes: 10,
        ..Options::default()
    };
    let _bot = Bot::start(&fake, &files, opts).await;
    let first = invoke(
        &fake,
        970,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma inhaler", None),
    )
    .await;
    assert!(!first.ephemeral() && first.text().contains("nhs.uk"));
    // poise fetches the original response to learn its message id.
    fake.wait_for("GET @original", |r| {
        r.method == "GET" && r.path.ends_with("/messages/@original")
    })
    .await;
    // The bot records the answer only once that response has reached it:
    // under a loaded CI run the second question had overtaken the record.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let second = invoke(
        &fake,
        971,
        MOD_ID,
        MEMBER_PERMS,
        ask_data("asthma inhaler", None),
    )
    .await;
    assert!(second.ephemeral(), "{}", second.body);
    let jump = format!("https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/");
    assert!(second.text().contains(&jump), "{}", second.body);
    // Privately it is always answered.
    let private = invoke(
        &fake,
        972,
        MOD_ID,
        MEMBER_PERMS,
        ask_data("asthma inhaler", Some(true)),
    )
    .await;
    assert!(private.text().contains("nhs.uk"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_mode_answers_confident_questions_once_per_cooldown() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let opts = Options {
        message_content: true,
        ..Options::default()
    };
    let _bot = Bot::start(&fake, &files, opts).await;
    let data = signpost_data(
        &["mode"],
        json!([{ "name": "mode", "type": 4, "value": 1 }]),
        None,
    );
    invoke(&fake, 975, MOD_ID, MOD_PERMS, data).await;
    let q = "how do I use an asthma inhaler properly?";
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(976, CHANNEL_ID, HUMAN_ID, q, false),
    );
    let post = fake
        .wait_for("auto answer", |r| r.is_channel_post(CHANNEL_ID))
        .await;
    assert_eq!(post.body["message_reference"]["message_id"], "976");
    // No region set: a message carries no user locale, so the server's
    // language (en-US in the fake) picks the region, and the safety net says so.
    assert!(
        post.text().contains("In an emergency call 911"),
        "{}",
        post.body
    );
    assert_no_mentions(&post);
    // Within the auto cooldown, another question is left alone; a mention still works.
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(
            977,
            CHANNEL_ID,
            MOD_ID,
            "what is a steroid inhaler for?",
            false,
        ),
    );
    let marker = format!("<@{BOT_ID}> steroid inhaler");
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(978, CHANNEL_ID, HUMAN_ID, &marker, true),
    );
    fake.wait_for("marker", |r| {
        r.is_channel_post(CHANNEL_ID) && r.body["message_reference"]["message_id"] == "978"
    })
    .await;
    let answered: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.is_channel_post(CHANNEL_ID))
        .map(|r| r.body["message_reference"]["message_id"].clone())
        .collect();
    assert_eq!(answered, [json!("976"), json!("978")]);
}

/// Ask until the answer satisfies `pred` (the watcher reloads in the background).
async fn ask_until(
    fake: &FakeDiscord,
    first_id: u64,
    q: &str,
    pred: impl Fn(&str) -> bool,
) -> String {
    for i in 0..100 {
        let cb = invoke(
            fake,
            first_id + i,
            HUMAN_ID,
            MEMBER_PERMS,
            ask_data(q, Some(true)),
        )
        .await;
        let text = cb.text();
        if pred(&text) {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the answer never changed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editing_a_resource_changes_the_next_answer_without_restart() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let before = invoke(
        &fake,
        980,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma", Some(true)),
    )
    .await;
    assert!(before.text().contains("[Asthma]("), "{}", before.body);

    let lib = files.resources().join("library/lungs.toml");
    let text = std::fs::read_to_string(&lib).unwrap();
    std::fs::write(
        &lib,
        text.replacen("title = \"Asthma\"", "title = \"Asthma explained\"", 1),
    )
    .unwrap();
    ask_until(&fake, 1000, "asthma", |t| t.contains("[Asthma explained](")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_catalog_edit_keeps_the_old_answers() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let lib = files.resources().join("library/lungs.toml");
    let text = std::fs::read_to_string(&lib).unwrap();
    std::fs::write(
        &lib,
        text.replacen(
            "title = \"Asthma\"",
            "title = \"Asthma broken\"\nurl_typo = [",
            1,
        ),
    )
    .unwrap();

    // Wait until the refused reload shows in /signpost status.
    for i in 0..100 {
        let status = invoke(
            &fake,
            1200 + i,
            MOD_ID,
            MOD_PERMS,
            signpost_data(&["status"], json!([]), None),
        )
        .await;
        if status.text().contains("refused") {
            let cb = invoke(
                &fake,
                1400,
                HUMAN_ID,
                MEMBER_PERMS,
                ask_data("asthma", Some(true)),
            )
            .await;
            assert!(
                cb.text().contains("[Asthma]("),
                "old answers still served: {}",
                cb.body
            );
            assert!(!cb.text().contains("broken"));
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the broken edit was never noticed");
}

/// A Canadian server: with no Canadian page, a labelled US page; with
/// `/signpost fallback off`, a kind no-match instead. Emergency and urgent
/// lines stay Canada's either way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fallback_pages_are_labelled_and_can_be_switched_off() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    set(&fake, 990, "region", "code", json!("ca")).await;
    let cb = invoke(&fake, 991, HUMAN_ID, MEMBER_PERMS, ask_data("asthma", None)).await;
    assert!(cb.text().contains("medlineplus.gov/asthma"), "{}", cb.body);
    assert!(cb.text().contains("US page"), "{}", cb.body);
    let off = set(&fake, 992, "fallback", "value", json!(1)).await; // "off"
    assert!(off.text().contains("pages only"), "{}", off.body);
    let cb = invoke(&fake, 993, HUMAN_ID, MEMBER_PERMS, ask_data("asthma", None)).await;
    assert!(!cb.text().contains("medlineplus.gov/asthma"), "{}", cb.body);
    assert!(cb.text().contains("No vetted resource"), "{}", cb.body);
}

/// A UK server in Northern Ireland: `/signpost nation` is stored, shown in
/// `/signpost status`, and a domestic-abuse crisis then lists Northern
/// Ireland's line and not England's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nation_chooses_the_lines_a_crisis_shows() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    set(&fake, 994, "region", "code", json!("uk")).await;
    let crisis = "my partner hits me and i am scared to go home tonight";
    let before = invoke(&fake, 995, HUMAN_ID, MEMBER_PERMS, ask_data(crisis, None)).await;
    assert!(
        before.text().contains("National Domestic Abuse Helpline"),
        "{}",
        before.body
    );
    let ni = set(&fake, 996, "nation", "value", json!(3)).await; // "northern-ireland"
    assert!(ni.text().contains("Northern Ireland"), "{}", ni.body);
    // Another member: the same asker's second crisis within minutes points
    // back to the first block instead of repeating it.
    let after = invoke(
        &fake,
        997,
        HUMAN_ID + 7,
        MEMBER_PERMS,
        ask_data(crisis, None),
    )
    .await;
    let text = after.text();
    assert!(text.contains("0808 802 1414"), "{}", after.body);
    assert!(
        !text.contains("National Domestic Abuse Helpline"),
        "{}",
        after.body
    );
    let status = invoke(
        &fake,
        998,
        MOD_ID,
        MOD_PERMS,
        signpost_data(&["status"], json!([]), None),
    )
    .await;
    assert!(
        status.text().contains("UK nation: Northern Ireland"),
        "{}",
        status.body
    );
}
