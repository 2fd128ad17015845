//! `/ask` and the context menu.

use serde_json::json;

use crate::common::*;
use crate::support::bot::{Bot, Files, Options};
use crate::support::fake_discord::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registers_commands_with_moderator_defaults() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let put = fake.wait_for("PUT commands", |r| r.method == "PUT").await;
    assert_eq!(put.path, format!("/api/v10/applications/{APP_ID}/commands"));
    let cmds = put.body.as_array().unwrap();
    let names: Vec<&str> = cmds.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["ask", "Find vetted resources", "signpost"]);
    let signpost = &cmds[2];
    assert_eq!(
        signpost["default_member_permissions"], "32",
        "Manage Server"
    );
    assert_eq!(cmds[1]["type"], 3, "message context menu");
    assert_eq!(put.auth.as_deref(), Some("Bot fake-token"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_public_and_private() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;

    let public = invoke(
        &fake,
        501,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("how do I use an asthma inhaler canary-7731", None),
    )
    .await;
    assert_eq!(
        public.body["type"], 4,
        "answered directly, no defer: {}",
        public.body
    );
    assert!(!public.ephemeral());
    assert!(!public.message()["embeds"].as_array().unwrap().is_empty());
    assert_no_mentions(&public);

    let private = invoke(
        &fake,
        502,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma inhaler canary-7731", Some(true)),
    )
    .await;
    assert_eq!(private.body["type"], 4);
    assert!(private.ephemeral());
    assert_no_mentions(&private);
    for r in [&public, &private] {
        assert!(
            !r.text().contains("canary-7731"),
            "the question is never echoed"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn context_menu_answers_privately() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let target = guild_message(
        700,
        OTHER_CHANNEL_ID,
        HUMAN_ID,
        "what helps with migraine?",
        false,
    );
    let cb = invoke(&fake, 503, MOD_ID, MEMBER_PERMS, context_menu_data(&target)).await;
    assert_eq!(cb.body["type"], 4);
    assert!(cb.ephemeral(), "{}", cb.body);
    assert_no_mentions(&cb);
    assert!(
        !fake
            .requests()
            .iter()
            .any(|r| r.is_channel_post(OTHER_CHANNEL_ID))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mentions_in_question_are_never_allowed() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let q = format!("@everyone <@{HUMAN_ID}> @here what is asthma");
    let cb = invoke(&fake, 504, HUMAN_ID, MEMBER_PERMS, ask_data(&q, None)).await;
    assert_no_mentions(&cb);
    assert!(!cb.text().contains("@everyone") && !cb.text().contains(&format!("<@{HUMAN_ID}>")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_cooldown_gets_a_private_note() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let opts = Options {
        user_cooldown_secs: 600,
        ..Options::default()
    };
    let _bot = Bot::start(&fake, &files, opts).await;
    let first = invoke(
        &fake,
        505,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma inhaler", None),
    )
    .await;
    assert!(!first.ephemeral());
    let second = invoke(
        &fake,
        506,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma inhaler", None),
    )
    .await;
    assert!(second.ephemeral(), "{}", second.body);
    assert!(second.text().contains("Please wait"), "{}", second.body);
    assert_no_mentions(&second);
    // Someone else is not affected.
    let other = invoke(
        &fake,
        507,
        MOD_ID,
        MEMBER_PERMS,
        ask_data("asthma inhaler", Some(true)),
    )
    .await;
    assert!(!other.text().contains("Please wait"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_text_without_embed_links() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let mut i = interaction(
        508,
        "tok-508",
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma", None),
    );
    i["app_permissions"] = json!("3072");
    fake.dispatch("INTERACTION_CREATE", i);
    let cb = fake.wait_for("callback", |r| r.is_callback(508)).await;
    assert!(
        cb.message()["embeds"].as_array().unwrap().is_empty(),
        "{}",
        cb.body
    );
    assert!(!cb.message()["content"].as_str().unwrap_or("").is_empty());
    assert_no_mentions(&cb);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_in_dms_uses_the_default_region() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let _bot = Bot::start(&fake, &files, Options::default()).await;
    let mut i = interaction(
        509,
        "tok-509",
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma", None),
    );
    let obj = i.as_object_mut().unwrap();
    obj.remove("guild_id");
    obj.remove("member");
    obj.remove("guild_locale");
    obj.insert("user".into(), user(HUMAN_ID, "human", false));
    obj.insert("channel_id".into(), json!("100000000000000099"));
    obj.insert("context".into(), json!(1));
    obj.insert(
        "authorizing_integration_owners".into(),
        json!({ "1": HUMAN_ID.to_string() }),
    );
    fake.dispatch("INTERACTION_CREATE", i);
    let cb = fake.wait_for("DM callback", |r| r.is_callback(509)).await;
    assert_eq!(cb.body["type"], 4, "{}", cb.body);
    assert_no_mentions(&cb);
}
