//! No question or message text in logs, the database, or anything sent back.

use crate::common::*;
use crate::feedback::{click, custom_ids, db_number, fresh_id, wait_db};
use crate::support::bot::{Bot, Files, Options, captured_logs};
use crate::support::fake_discord::*;

const CANARY: &str = "zqxcanary";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn question_text_never_reaches_logs_database_or_replies() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let opts = Options {
        message_content: true,
        ..Options::default()
    };
    let bot = Bot::start(&fake, &files, opts).await;
    enable_mentions(&fake, 1500, CHANNEL_ID).await;
    let q = format!("asthma inhaler {CANARY} I want to kill myself");

    let answer = invoke(&fake, 1501, HUMAN_ID, MEMBER_PERMS, ask_data(&q, None)).await;
    let target = guild_message(1502, OTHER_CHANNEL_ID, HUMAN_ID, &q, false);
    invoke(
        &fake,
        1503,
        MOD_ID,
        MEMBER_PERMS,
        context_menu_data(&target),
    )
    .await;
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(
            1504,
            CHANNEL_ID,
            HUMAN_ID,
            &format!("<@{BOT_ID}> {q}"),
            true,
        ),
    );
    fake.wait_for("mention reply", |r| r.is_channel_post(CHANNEL_ID))
        .await;
    // Too-long and odd inputs are handled, not crashed on.
    let long = format!("{} {CANARY}", "é".repeat(3000));
    let cb = invoke(
        &fake,
        1505,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data(&long, Some(true)),
    )
    .await;
    assert_eq!(cb.body["type"], 4);
    // Feedback and answer counts are written too, so the new tables are
    // part of what is checked below.
    let db = files.database();
    let helpful = custom_ids(&answer)[0].clone();
    click(&fake, 1506, HUMAN_ID, fresh_id(1506), &helpful, None).await;
    wait_db(&fake, &db, "SELECT SUM(helpful) FROM guild_daily", 1).await;
    wait_db(&fake, &db, "SELECT SUM(answered) > 0 FROM guild_daily", 1).await;
    // A question nothing vetted answers is counted as a gap: by region and
    // catalog topic only, never its words.
    let unanswerable = format!("{CANARY} {CANARY} frobnicated wibble");
    invoke(
        &fake,
        1507,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data(&unanswerable, None),
    )
    .await;
    wait_db(&fake, &db, "SELECT SUM(no_match) > 0 FROM gap_daily", 1).await;
    for table in ["guild_daily", "gap_daily"] {
        let user_columns = format!(
            "SELECT COUNT(*) FROM pragma_table_info('{table}') \
             WHERE name LIKE '%user%' OR name LIKE '%message%'"
        );
        assert_eq!(db_number(&db, &user_columns).await, 0, "{table}");
    }
    bot.stop().await.unwrap();

    for r in fake.requests() {
        assert!(
            !r.body.to_string().contains(CANARY),
            "echoed in {} {}",
            r.method,
            r.path
        );
    }
    let logs = captured_logs();
    assert!(logs.contains("answered"), "the capture works");
    assert!(!logs.contains(CANARY), "question text in logs");
    for entry in std::fs::read_dir(files.database().parent().unwrap()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(CANARY),
            "question text in the database"
        );
        // No user id either, as text or as SQLite's 8-byte integer.
        for user in [HUMAN_ID, MOD_ID] {
            let text = user.to_string();
            assert!(!String::from_utf8_lossy(&bytes).contains(&text), "user id");
            let be = (user as i64).to_be_bytes();
            assert!(
                !bytes.windows(8).any(|w| w == be),
                "user id in the database"
            );
        }
    }
}

/// Events the pinned client cannot parse (wrong types, unknown enum values)
/// make serenity log the raw payload; a panic message can quote text. Neither
/// may reach the bot's logs at any level.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undeserializable_events_and_panics_log_no_text() {
    const MARKER: &str = "zqxunparsable";
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let bot = Bot::start(&fake, &files, Options::default()).await;

    let mut bad_message = guild_message(1601, CHANNEL_ID, HUMAN_ID, MARKER, true);
    bad_message["type"] = serde_json::json!("not-a-number");
    bad_message["timestamp"] = serde_json::json!(MARKER);
    fake.dispatch("MESSAGE_CREATE", bad_message);
    let mut bad_interaction = interaction(
        1602,
        "tok-1602",
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data(MARKER, None),
    );
    bad_interaction["type"] = serde_json::json!(MARKER);
    fake.dispatch("INTERACTION_CREATE", bad_interaction);
    // A good question afterwards is still answered: the bad events were read.
    invoke(
        &fake,
        1603,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma inhaler", None),
    )
    .await;

    signpost::telemetry::install_panic_hook();
    let _ = std::thread::spawn(|| panic!("{MARKER} in a panic message")).join();
    let _ = std::panic::take_hook(); // back to the default hook for other tests
    bot.stop().await.unwrap();

    let logs = captured_logs();
    assert!(
        logs.contains("details withheld"),
        "serenity's warning was seen: {logs}"
    );
    assert!(logs.contains("message withheld"), "the panic was logged");
    for line in logs.lines() {
        assert!(!line.contains(MARKER), "text in a log line: {line}");
    }
}
