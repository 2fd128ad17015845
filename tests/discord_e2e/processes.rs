//! Two `signpost serve` processes (the real binary) splitting four shards,
//! sharing one PostgreSQL database, against one fake Discord: each answers
//! its own shards' servers, a change made through one process reaches the
//! other at once, and a killed process resumes its shards on restart while
//! the other keeps answering. Skipped (with a message) without PostgreSQL,
//! unless `SIGNPOST_REQUIRE_POSTGRES` is set, as in `.ci/run`.

use std::path::{Path, PathBuf};
use std::process::Child;

use serde_json::{Value, json};

use crate::support::bot::{Files, Options, config_toml, serve_process};
use crate::support::fake_discord::*;
use crate::support::pg::PgScratch;

const TOTAL: u64 = 4;

/// A server whose events Discord sends to `shard` (of [`TOTAL`]).
fn guild_on(shard: u64) -> u64 {
    ((1_000 * TOTAL + shard) << 22) | 77
}

/// One `serve` process and where its logs go.
struct Process {
    child: Child,
    log: PathBuf,
}

impl Process {
    fn start(files: &Files, config: &str, db: &str, shards: &str, name: &str) -> Process {
        let log = files.dir.path().join(format!("{name}.log"));
        let bin = Path::new(env!("CARGO_BIN_EXE_signpost"));
        let child = serve_process(bin, files, config, db, shards, TOTAL)
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        Process { child, log }
    }

    /// What it logged (on failure, for the reader).
    fn logs(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Identify frames seen for `shard`.
fn identifies(fake: &FakeDiscord, shard: u64) -> usize {
    let want = json!([shard, TOTAL]).to_string();
    fake.identified_shards()
        .iter()
        .filter(|s| **s == want)
        .count()
}

async fn wait_identified(fake: &FakeDiscord, shards: &[u64], times: usize) {
    let limit = std::time::Duration::from_secs(120);
    fake.wait_within(limit, "shards identified", || {
        shards
            .iter()
            .all(|&s| identifies(fake, s) >= times)
            .then_some(())
    })
    .await;
}

/// An application command in `guild`, sent to `shard`; the bot's callback.
async fn command(
    fake: &FakeDiscord,
    shard: u64,
    guild: u64,
    id: u64,
    perms: &str,
    data: Value,
) -> Recorded {
    let user = if perms == MOD_PERMS { MOD_ID } else { HUMAN_ID };
    let d = interaction_in(guild, id, &format!("tok-{id}"), user, perms, data);
    assert!(
        fake.dispatch_to_shard(shard, "INTERACTION_CREATE", d),
        "shard {shard} has no session"
    );
    fake.wait_for(&format!("callback for interaction {id}"), |r| {
        r.is_callback(id)
    })
    .await
}

const CRISIS: &str = "my dad just collapsed and he isn't breathing";

async fn crisis_answer(fake: &FakeDiscord, shard: u64, guild: u64, id: u64) -> String {
    command(fake, shard, guild, id, MEMBER_PERMS, ask_data(CRISIS, None))
        .await
        .text()
}

async fn set_region(fake: &FakeDiscord, shard: u64, guild: u64, id: u64, code: &str) {
    let data = signpost_data(
        &["region"],
        json!([{ "name": "code", "type": 3, "value": code }]),
        None,
    );
    let cb = command(fake, shard, guild, id, MOD_PERMS, data).await;
    assert!(cb.text().contains(&format!("`{code}`")), "{}", cb.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_split_the_shards_share_settings_and_survive_a_restart() {
    let Some(scratch) = PgScratch::create().await else {
        return;
    };
    let fake = FakeDiscord::start().await;
    let (files_a, files_b) = (Files::new(), Files::new());
    let opts = Options::default();
    let (config_a, config_b) = (
        config_toml(&fake, &files_a, &opts),
        config_toml(&fake, &files_b, &opts),
    );
    let db = scratch.url();
    let a = Process::start(&files_a, &config_a, &db, "0-1", "a");
    let mut b = Process::start(&files_b, &config_b, &db, "2-3", "b");
    wait_identified(&fake, &[0, 1, 2, 3], 1).await;

    // Each process answers the servers of its own shards.
    let (ga, gb) = (guild_on(1), guild_on(2));
    set_region(&fake, 1, ga, 5001, "us").await;
    set_region(&fake, 2, gb, 5002, "us").await;
    assert!(crisis_answer(&fake, 1, ga, 5003).await.contains("911"));
    let before = crisis_answer(&fake, 2, gb, 5004).await;
    assert!(
        before.contains("911"),
        "B answers with its server's region:\n{before}\n{}",
        b.logs()
    );

    // A moderator's change handled by process A (the server has just moved
    // to it) changes what B answers, by change notice: B's cached settings
    // would otherwise stand for a minute.
    set_region(&fake, 0, gb, 5005, "au").await;
    let started = std::time::Instant::now();
    let mut id = 5100;
    loop {
        let text = crisis_answer(&fake, 2, gb, id).await;
        if text.contains("000") && !text.contains("911") {
            break;
        }
        assert!(
            started.elapsed() < signpost::store::GUILD_TTL / 2,
            "B never saw A's change:\n{text}\n{}",
            b.logs()
        );
        id += 1;
    }
    eprintln!("B answered with A's change after {:?}", started.elapsed());

    // B dies; A keeps answering; B restarts and resumes shards 2 and 3.
    b.child.kill().unwrap();
    b.child.wait().unwrap();
    assert!(
        crisis_answer(&fake, 1, ga, 5201).await.contains("911"),
        "{}",
        a.logs()
    );
    let b = Process::start(&files_b, &config_b, &db, "2-3", "b2");
    wait_identified(&fake, &[2, 3], 2).await;
    let after = crisis_answer(&fake, 2, gb, 5202).await;
    assert!(
        after.contains("000"),
        "restarted B reads the shared settings:\n{after}\n{}",
        b.logs()
    );
    assert!(crisis_answer(&fake, 1, ga, 5203).await.contains("911"));
}
