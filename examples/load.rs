//! Load harness: the bot's own added latency, gateway event → REST call.
//!
//! Runs the production `serve` path against the fake Discord from
//! `tests/support`, enables mentions in one channel, then sends `--count`
//! @mention questions as MESSAGE_CREATE dispatches at `--rate` per second.
//! For each, the latency is from the fake writing the dispatch frame to the
//! fake receiving the bot's `POST /channels/{id}/messages` reply. Everything
//! runs on this machine over 127.0.0.1; the loop is bounded and stops itself.
//!
//!     cargo run --release --example load -- --rate 500 --count 5000 --resources resources
//!
//! Without `--resources` the small test catalog in tests/fixtures is used.
//! The fake runs on its own single-threaded runtime; the bot on a 2-worker one.
//! The bot logs as in production (JSON, info) to stderr: add `2>/dev/null`.
//!
//! Sharded, several processes sharing PostgreSQL (see `load/sharded.rs`):
//!
//!     cargo build --release && DATABASE_URL=postgres://… cargo run --release \
//!       --example load -- --processes 2 --shard-total 4 --servers 10000 \
//!       --rate 500 --count 10000 --resources resources

#[path = "../tests/support/mod.rs"]
mod support;

#[path = "load/sharded.rs"]
mod sharded;

use std::time::{Duration, Instant};

use serde_json::json;
use support::bot::{Bot, Files, Options};
use support::fake_discord::*;

struct Args {
    resources: Option<std::path::PathBuf>,
    rate: f64,
    count: u64,
    warmup: u64,
    /// 0: the bot in this process on SQLite; else that many `serve` processes.
    processes: u64,
    shard_total: u64,
    servers: u64,
}

fn args() -> Args {
    let mut a = Args {
        resources: None,
        rate: 500.0,
        count: 5000,
        warmup: 500,
        processes: 0,
        shard_total: 4,
        servers: 10_000,
    };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    for pair in argv.chunks(2) {
        let value = pair.get(1).map(String::as_str).unwrap_or("");
        match pair[0].as_str() {
            "--rate" => a.rate = value.parse().expect("--rate N"),
            "--count" => a.count = value.parse().expect("--count N"),
            "--warmup" => a.warmup = value.parse().expect("--warmup N"),
            "--resources" => a.resources = Some(value.into()),
            "--processes" => a.processes = value.parse().expect("--processes N"),
            "--shard-total" => a.shard_total = value.parse().expect("--shard-total N"),
            "--servers" => a.servers = value.parse().expect("--servers N"),
            other => panic!(
                "unknown argument {other}; use --rate N --count N --warmup N --resources DIR \
                 [--processes N --shard-total N --servers N]"
            ),
        }
    }
    a
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn machine_line() {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("machine: {cores} core(s), {}", cpu_model());
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

async fn send_burst(fake: &FakeDiscord, first_id: u64, n: u64, rate: f64) -> Duration {
    let mut ticker = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let content = format!("<@{BOT_ID}> how do I use an asthma inhaler?");
    let started = Instant::now();
    for i in 0..n {
        ticker.tick().await;
        // Different authors, so per-user cooldowns (off here anyway) never interfere.
        let author = 300_000_000_000_000_000 + i;
        fake.dispatch(
            "MESSAGE_CREATE",
            guild_message(first_id + i, CHANNEL_ID, author, &content, true),
        );
    }
    started.elapsed()
}

async fn wait_replies(fake: &FakeDiscord, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let got = fake
            .requests()
            .iter()
            .filter(|r| r.is_channel_post(CHANNEL_ID))
            .count();
        if got >= n {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "only {got} of {n} replies arrived"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn main() {
    let a = args();
    // Production logging (JSON lines on stderr, info level), installed before
    // the test support's capture so it is what the bot pays for.
    signpost::telemetry::init(signpost::config::LogFormat::Json, false);
    let fake_rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        fake_rt.block_on(async move {
            tx.send(FakeDiscord::start().await).unwrap();
            std::future::pending::<()>().await;
        })
    });
    let fake = rx.recv().unwrap();
    if a.processes > 0 {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(sharded::run(fake, a));
        return;
    }

    let bot_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    bot_rt.block_on(async move {
        let files = match &a.resources {
            Some(dir) => Files::with_catalog(dir),
            None => Files::new(),
        };
        let bot = Bot::start(&fake, &files, Options::default()).await;
        let add = signpost_data(&["channels", "add"], json!([{ "name": "channel", "type": 7, "value": CHANNEL_ID.to_string() }]), Some(CHANNEL_ID));
        fake.dispatch("INTERACTION_CREATE", interaction(1, "tok-1", MOD_ID, MOD_PERMS, add));
        fake.wait_for("channels add", |r| r.is_callback(1)).await;

        let first = 400_000_000_000_000_000u64;
        send_burst(&fake, first, a.warmup, a.rate).await;
        wait_replies(&fake, a.warmup as usize).await;
        let measured_from = first + a.warmup;
        let sent_in = send_burst(&fake, measured_from, a.count, a.rate).await;
        wait_replies(&fake, (a.warmup + a.count) as usize).await;

        let mut lat: Vec<Duration> = fake
            .requests()
            .iter()
            .filter(|r| r.is_channel_post(CHANNEL_ID))
            .filter_map(|r| {
                let id = r.body["message_reference"]["message_id"].as_str()?;
                let n: u64 = id.parse().ok()?;
                if n < measured_from {
                    return None;
                }
                Some(r.at.duration_since(fake.recorder.dispatched_at(id)?))
            })
            .collect();
        lat.sort();
        bot.stop().await.expect("clean shutdown");
        machine_line();
        println!("offered: {} questions at {:.0}/s (achieved {:.0}/s), warmup {}", a.count, a.rate, a.count as f64 / sent_in.as_secs_f64(), a.warmup);
        println!("replies measured: {}; catalog: {}", lat.len(), a.resources.as_ref().map_or("tests/fixtures/resources".into(), |p| p.display().to_string()));
        println!(
            "gateway event -> REST reply: median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            ms(percentile(&lat, 0.5)),
            ms(percentile(&lat, 0.9)),
            ms(percentile(&lat, 0.99)),
            ms(*lat.last().unwrap())
        );
    });
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
