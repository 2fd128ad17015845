//! Operators' endpoints of `signpost serve`: `/metrics` (Prometheus text),
//! `/healthz` (the process is up) and `/readyz` (shards connected, index
//! loaded, database reachable), on the local address in `[ops] listen`.
//!
//! A deliberately tiny HTTP/1.1 responder (GET only, one request per
//! connection, no body read): it serves a scraper and a load balancer's
//! probe, nothing else, and must never be exposed to the internet.

pub mod metrics;

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

pub use metrics::{Gauges, METRICS, Metrics};

/// What the endpoints ask the running bot.
pub trait Probe: Send + Sync + 'static {
    /// Shards, catalog generation and size, now.
    fn gauges(&self) -> Pin<Box<dyn Future<Output = Gauges> + Send + '_>>;
    /// Whether the database answers a trivial query.
    fn database_ok(&self) -> Pin<Box<dyn Future<Output = bool> + Send + '_>>;
}

/// Longest a client may take to send its request line.
const READ_TIMEOUT: Duration = Duration::from_secs(5);

/// Bind `addr` and serve until the task is aborted. Binding fails loudly
/// (the operator asked for the endpoint).
pub async fn serve(addr: SocketAddr, probe: Arc<dyn Probe>) -> std::io::Result<JoinHandle<()>> {
    let listener = TcpListener::bind(addr).await?;
    tracing::info!(%addr, "operators' endpoints listening");
    Ok(tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let probe = probe.clone();
            tokio::spawn(async move {
                if let Err(e) = respond(stream, probe.as_ref()).await {
                    tracing::debug!(error = %e, "operators' endpoint request failed");
                }
            });
        }
    }))
}

async fn respond(mut stream: TcpStream, probe: &dyn Probe) -> std::io::Result<()> {
    let mut buf = [0u8; 1024];
    let n = tokio::time::timeout(READ_TIMEOUT, stream.read(&mut buf))
        .await
        .map_err(|_| std::io::Error::from(std::io::ErrorKind::TimedOut))??;
    let request = String::from_utf8_lossy(&buf[..n]);
    let mut words = request.split_whitespace();
    let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let (status, body) = route(method, path, probe).await;
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body.as_bytes()).await?;
    stream.shutdown().await
}

async fn route(method: &str, path: &str, probe: &dyn Probe) -> (&'static str, String) {
    if method != "GET" {
        return ("405 Method Not Allowed", "GET only\n".into());
    }
    match path.split('?').next().unwrap_or("") {
        "/metrics" => ("200 OK", METRICS.render(probe.gauges().await)),
        "/healthz" => ("200 OK", "ok\n".into()),
        "/readyz" => readiness(probe).await,
        _ => (
            "404 Not Found",
            "try /metrics, /healthz or /readyz\n".into(),
        ),
    }
}

/// Ready when every shard is connected, the index is loaded and the
/// database answers; the body says which part is not.
async fn readiness(probe: &dyn Probe) -> (&'static str, String) {
    let g = probe.gauges().await;
    let mut missing = Vec::new();
    if g.shards_total == 0 || g.shards_connected < g.shards_total {
        missing.push(format!(
            "shards connected {}/{}",
            g.shards_connected, g.shards_total
        ));
    }
    if g.resources == 0 {
        missing.push("no catalog loaded".to_string());
    }
    if !probe.database_ok().await {
        missing.push("database unreachable".to_string());
    }
    if missing.is_empty() {
        ("200 OK", "ready\n".into())
    } else {
        (
            "503 Service Unavailable",
            format!("not ready: {}\n", missing.join("; ")),
        )
    }
}
