//! Scenarios that need the real engine (catalog, safety screen, search).
//! They are ignored until main's engine lands in this branch.

use crate::common::*;
use crate::support::bot::{Bot, Files, Options};
use crate::support::fake_discord::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the real engine from main"]
async fn ask_gives_links_and_the_notice() {
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
    assert!(cb.text().contains("https://"), "{}", cb.body);
    assert!(cb.text().contains("Please note"), "{}", cb.body);
}
