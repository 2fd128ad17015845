//! The operators' endpoints of a running bot: health, readiness and
//! Prometheus metrics (counts and timings only).

use std::net::SocketAddr;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::*;
use crate::support::bot::{Bot, Files, Options};
use crate::support::fake_discord::*;

/// A free local port (bound, then released for the bot to take).
fn free_addr() -> SocketAddr {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap()
}

/// GET `path`: (status code, body).
async fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).await.unwrap();
    let code = out[9..12].parse().unwrap();
    let body = out.split_once("\r\n\r\n").unwrap().1.to_string();
    (code, body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_readiness_and_metrics() {
    let fake = FakeDiscord::start().await;
    let files = Files::new();
    let addr = free_addr();
    let opts = Options {
        ops_listen: Some(addr),
        ..Options::default()
    };
    let bot = Bot::start(&fake, &files, opts).await;
    assert_eq!(get(addr, "/healthz").await, (200, "ok\n".into()));
    let mut ready = get(addr, "/readyz").await;
    for _ in 0..100 {
        if ready.0 == 200 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        ready = get(addr, "/readyz").await;
    }
    assert_eq!(ready, (200, "ready\n".into()));
    invoke(
        &fake,
        1801,
        HUMAN_ID,
        MEMBER_PERMS,
        ask_data("asthma inhaler", None),
    )
    .await;
    let (code, metrics) = get(addr, "/metrics").await;
    assert_eq!(code, 200);
    let value = |name: &str| -> f64 {
        let line = metrics
            .lines()
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap();
        line.rsplit_once(' ').unwrap().1.parse().unwrap()
    };
    assert!(value("signpost_answers_total") >= 1.0, "{metrics}");
    assert!(value("signpost_answer_seconds_count") >= 1.0, "{metrics}");
    assert_eq!(value("signpost_shards_connected"), 1.0, "{metrics}");
    assert_eq!(value("signpost_catalog_generation"), 1.0, "{metrics}");
    assert!(value("signpost_catalog_resources") > 0.0, "{metrics}");
    assert!(!metrics.contains("asthma"), "counts only, never words");
    assert_eq!(get(addr, "/nope").await.0, 404);
    bot.stop().await.unwrap();
}
