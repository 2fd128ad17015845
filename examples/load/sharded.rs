//! `load --processes N`: the sharded setup. Several real `signpost serve`
//! processes (the release binary beside this example) split the shards of
//! one bot, sharing one PostgreSQL database that holds `--servers` servers'
//! settings; `/ask` interactions for servers picked in turn are sent at
//! `--rate` through the one fake Discord, which routes each to its shard.
//! Latency runs from the fake writing the INTERACTION_CREATE frame to the
//! fake receiving the bot's interaction callback. Peak RSS (VmHWM) of each
//! process is read from /proc at the end.

use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use signpost::store::{GuildSettings, PgStore, SettingsStore};

use super::support::bot::{Files, Options, config_toml, serve_process};
use super::support::fake_discord::*;
use super::{Args, ms, percentile};

/// Server `i` of the seeded ones; its shard is `(id >> 22) % total`.
fn guild(i: u64) -> u64 {
    ((10_000 + i) << 22) | 5
}

const REGIONS: [&str; 7] = ["uk", "us", "ie", "ca", "au", "nz", "global"];

/// Write `n` servers' settings (a region each, some private).
async fn seed(url: &str, n: u64) -> PgStore {
    let store = PgStore::connect(url)
        .await
        .expect("PostgreSQL at DATABASE_URL");
    let chunks: Vec<_> = (0..n)
        .collect::<Vec<_>>()
        .chunks(500)
        .map(<[u64]>::to_vec)
        .collect();
    let tasks = chunks.into_iter().map(|ids| {
        let store = store.clone();
        tokio::spawn(async move {
            for i in ids {
                let s = GuildSettings {
                    region: Some(REGIONS[(i % 7) as usize].into()),
                    private_default: i % 5 == 0,
                    ..GuildSettings::default()
                };
                store.save_guild(guild(i), &s).await.unwrap();
            }
        })
    });
    for t in tasks.collect::<Vec<_>>() {
        t.await.unwrap();
    }
    store
}

fn binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let bin = exe.parent().unwrap().parent().unwrap().join("signpost");
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build --release` first",
        bin.display()
    );
    bin
}

fn spawn(files: &Files, config: &str, url: &str, first: u64, last: u64, total: u64) -> Child {
    let range = format!("{first}-{last}");
    serve_process(&binary(), files, config, url, &range, total)
        .stderr(Stdio::null())
        .spawn()
        .expect("start signpost serve")
}

/// Peak and current resident memory of a process, in MB.
fn rss_mb(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

async fn burst(fake: &FakeDiscord, first_id: u64, n: u64, a: &Args) -> Duration {
    let mut ticker = tokio::time::interval(Duration::from_secs_f64(1.0 / a.rate));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let started = Instant::now();
    for k in 0..n {
        ticker.tick().await;
        let id = first_id + k;
        let g = guild(id % a.servers);
        let data = ask_data("how do I use an asthma inhaler?", None);
        let d = interaction_in(g, id, &format!("tok-{id}"), HUMAN_ID, MEMBER_PERMS, data);
        fake.dispatch("INTERACTION_CREATE", d);
    }
    started.elapsed()
}

async fn wait_callbacks(fake: &FakeDiscord, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let got = fake.recorder.count(|r| r.path.ends_with("/callback"));
        if got >= n {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "only {got} of {n} answers arrived"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Run the sharded load and print the figures.
pub async fn run(fake: std::sync::Arc<FakeDiscord>, a: Args) {
    let url = std::env::var("DATABASE_URL").expect("set DATABASE_URL=postgres://… for --processes");
    let total = a.shard_total;
    let per = total / a.processes;
    assert!(
        per * a.processes == total,
        "--shard-total must split evenly over --processes"
    );
    let seeded = Instant::now();
    let store = seed(&url, a.servers).await;
    let seeded = seeded.elapsed();
    let mut children = Vec::new();
    let mut folders = Vec::new();
    for p in 0..a.processes {
        let files = match &a.resources {
            Some(dir) => Files::with_catalog(dir),
            None => Files::new(),
        };
        let config = config_toml(fake.as_ref(), &files, &Options::default());
        children.push(spawn(
            &files,
            &config,
            &url,
            p * per,
            p * per + per - 1,
            total,
        ));
        folders.push(files);
    }
    fake.wait_within(Duration::from_secs(300), "every shard identified", || {
        let shards: std::collections::HashSet<String> =
            fake.identified_shards().into_iter().collect();
        (shards.len() as u64 == total).then_some(())
    })
    .await;

    let first = 700_000_000_000_000_000u64;
    burst(&fake, first, a.warmup, &a).await;
    wait_callbacks(&fake, a.warmup as usize).await;
    let measured_from = first + a.warmup;
    let sent_in = burst(&fake, measured_from, a.count, &a).await;
    wait_callbacks(&fake, (a.warmup + a.count) as usize).await;
    let mut lat = callback_latencies(&fake, measured_from);
    lat.sort();
    let rss: Vec<(f64, f64)> = children.iter().map(|c| rss_mb(c.id())).collect();
    for mut c in children {
        let _ = c.kill();
        let _ = c.wait();
    }
    store.close().await;
    super::machine_line();
    println!(
        "setup: {} processes x {} shards (of {total}), {} servers' settings in PostgreSQL (seeded in {:.1} s)",
        a.processes,
        per,
        a.servers,
        seeded.as_secs_f64()
    );
    println!(
        "offered: {} /ask at {:.0}/s (achieved {:.0}/s), warmup {}; answers measured: {}",
        a.count,
        a.rate,
        a.count as f64 / sent_in.as_secs_f64(),
        a.warmup,
        lat.len()
    );
    println!(
        "gateway event -> interaction callback: median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(percentile(&lat, 0.5)),
        ms(percentile(&lat, 0.9)),
        ms(percentile(&lat, 0.99)),
        ms(*lat.last().unwrap())
    );
    for (p, (peak, now)) in rss.iter().enumerate() {
        println!("process {p}: peak RSS {peak:.1} MB, RSS at end {now:.1} MB");
    }
}

fn callback_latencies(fake: &FakeDiscord, from: u64) -> Vec<Duration> {
    fake.requests()
        .iter()
        .filter(|r| r.path.ends_with("/callback"))
        .filter_map(|r| {
            let id = r
                .path
                .strip_prefix("/api/v10/interactions/")?
                .split('/')
                .next()?;
            if id.parse::<u64>().ok()? < from {
                return None;
            }
            Some(r.at.duration_since(fake.recorder.dispatched_at(id)?))
        })
        .collect()
}
