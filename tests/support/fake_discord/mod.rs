//! A fake Discord on 127.0.0.1 for end-to-end tests of the real serenity/poise
//! client: REST under `/api/v10` and a WebSocket gateway at `/ws`, one axum
//! server on an ephemeral port. Each test starts its own.
//!
//! The bot is pointed at it only through `discord.api_base_url` (serenity's
//! HTTP proxy setting); `GET /api/v10/gateway` advertises the WebSocket.

mod gateway;
pub mod payloads;
pub mod recorder;
mod rest;
mod tls;

use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use serde_json::Value;
use tokio::sync::mpsc;

pub use payloads::*;
pub use recorder::Recorded;
use recorder::Recorder;

/// Serve one accepted connection (plain or TLS) with `app`.
fn spawn_conn<S>(stream: S, app: Router)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Send + Unpin + 'static,
{
    use hyper_util::rt::TokioIo;
    use hyper_util::service::TowerToHyperService;
    let service = TowerToHyperService::new(app);
    tokio::spawn(async move {
        let conn = hyper::server::conn::http1::Builder::new()
            .serve_connection(TokioIo::new(stream), service)
            .with_upgrades();
        let _ = conn.await;
    });
}

/// HTTPS on 443 for the REST API (see [`tls`]).
async fn serve_tls(tls: tls::Tls, app: Router) {
    loop {
        let Ok((stream, _)) = tls.listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let (acceptor, app) = (tls.acceptor.clone(), app.clone());
        tokio::spawn(async move {
            if let Ok(stream) = acceptor.accept(stream).await {
                spawn_conn(stream, app);
            }
        });
    }
}

/// Accept connections with TCP_NODELAY, like Discord's edge does: without it
/// Nagle's algorithm and delayed ACKs add up to 40 ms to small gateway frames,
/// which would be measured as the bot's latency. (axum 0.7.5's `serve` has
/// no nodelay switch.)
async fn serve(listener: tokio::net::TcpListener, app: Router) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        spawn_conn(stream, app.clone());
    }
}

/// Instructions for the live gateway session.
pub(crate) enum Control {
    Dispatch(String, Value),
    Close(u16),
    /// Any gateway frame as is (op 7 reconnect, op 9 invalid session).
    Raw(Value),
}

pub struct FakeDiscord {
    pub addr: SocketAddr,
    pub recorder: Recorder,
    seq: AtomicU64,
    sessions: AtomicUsize,
    next_id: AtomicU64,
    ctl_tx: mpsc::UnboundedSender<Control>,
    ctl_rx: tokio::sync::Mutex<mpsc::UnboundedReceiver<Control>>,
    /// Permissions of @everyone in GUILD_CREATE.
    pub everyone_perms: Mutex<String>,
    /// Injected REST failures (see [`FakeDiscord::fail_next`]).
    faults: Mutex<Vec<Fault>>,
    /// The heartbeat interval sent in HELLO, in milliseconds.
    pub heartbeat_ms: AtomicU64,
    /// Whether heartbeats are acknowledged (off: a zombie connection).
    pub ack_heartbeats: std::sync::atomic::AtomicBool,
    /// For the HTTPS fake: the client the bot must use to reach it.
    pub tls_client: Option<reqwest::Client>,
    /// Requests answered with success, in order (method, path).
    delivered: Mutex<Vec<(String, String)>>,
    /// Sharded sessions (IDENTIFY with `[k, n]`, n > 1): each shard's queue,
    /// and n. Dispatches for a guild go to shard `(guild_id >> 22) % n`.
    shards: Mutex<std::collections::HashMap<u64, mpsc::UnboundedSender<Control>>>,
    shard_total: AtomicU64,
    /// What `GET /gateway/bot` recommends.
    pub recommended_shards: AtomicU64,
}

/// The shard a guild's events go to, as Discord routes them.
pub fn shard_of(guild: u64, total: u64) -> u64 {
    (guild >> 22) % total.max(1)
}

/// How an injected fault answers.
#[derive(Clone, Copy, Debug)]
pub enum Failure {
    /// This status with a Discord-style error body (code 0).
    Status(u16),
    /// This status and Discord JSON error code (e.g. 400 / 40060).
    Code(u16, u32),
    /// 429 with `retry_after` seconds, on the route or globally, with
    /// Discord's `X-RateLimit-*` headers.
    RateLimited { global: bool, retry_after: f64 },
    /// Say nothing for this long, then 503 (the client has given up).
    Stall(Duration),
}

/// Answer the next `times` requests whose method is `method` and whose path
/// contains `path` with `failure`.
struct Fault {
    method: &'static str,
    path: String,
    failure: Failure,
    times: usize,
}

impl FakeDiscord {
    /// The fake behind serenity's proxy setting (`http://127.0.0.1:port`).
    pub async fn start() -> Arc<FakeDiscord> {
        Self::start_inner(IpAddr::from([127, 0, 0, 1]), None).await
    }

    /// The fake as `https://discord.com` on its own loopback address, or
    /// `None` (with the reason printed) where port 443 cannot be bound.
    pub async fn start_https() -> Option<Arc<FakeDiscord>> {
        match tls::bind().await {
            Ok(t) => Some(Self::start_inner(t.ip, Some(t)).await),
            Err(why) => {
                eprintln!("SKIPPED: the HTTPS fake Discord needs port 443: {why}");
                None
            }
        }
    }

    async fn start_inner(ip: IpAddr, tls: Option<tls::Tls>) -> Arc<FakeDiscord> {
        let listener = tokio::net::TcpListener::bind((ip, 0)).await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (ctl_tx, ctl_rx) = mpsc::unbounded_channel();
        let fake = Arc::new(FakeDiscord {
            addr,
            recorder: Recorder::default(),
            seq: AtomicU64::new(0),
            sessions: AtomicUsize::new(0),
            next_id: AtomicU64::new(200_000_000_000_000_000),
            ctl_tx,
            ctl_rx: tokio::sync::Mutex::new(ctl_rx),
            everyone_perms: Mutex::new(MEMBER_PERMS.to_string()),
            faults: Mutex::default(),
            heartbeat_ms: AtomicU64::new(41_250),
            ack_heartbeats: std::sync::atomic::AtomicBool::new(true),
            tls_client: tls.as_ref().map(tls::Tls::client),
            delivered: Mutex::default(),
            shards: Mutex::default(),
            shard_total: AtomicU64::new(1),
            recommended_shards: AtomicU64::new(1),
        });
        let app = Router::new()
            .route("/ws", get(gateway::upgrade))
            .fallback(rest::handle)
            .with_state(fake.clone());
        if let Some(t) = tls {
            tokio::spawn(serve_tls(t, app.clone()));
        }
        tokio::spawn(serve(listener, app));
        fake
    }

    /// Whether the bot reaches this fake as `https://discord.com`.
    pub fn is_https(&self) -> bool {
        self.tls_client.is_some()
    }

    /// `discord.api_base_url` for the bot.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn ws_url(&self) -> String {
        format!("ws://{}/ws", self.addr)
    }

    /// Queue a dispatch; sent once a session has identified or resumed —
    /// to the shard that owns its guild when the bot runs several.
    pub fn dispatch(&self, t: &str, d: Value) {
        let control = Control::Dispatch(t.to_string(), d.clone());
        let total = self.shard_total.load(Ordering::SeqCst);
        if total > 1 {
            let guild = d["guild_id"].as_str().and_then(|g| g.parse().ok());
            let shard = guild.map_or(0, |g| shard_of(g, total));
            if let Some(tx) = self.shards.lock().unwrap().get(&shard) {
                let _ = tx.send(control);
                return;
            }
        }
        let _ = self.ctl_tx.send(control);
    }

    /// Queue a dispatch for one shard, whatever guild it names: as when a
    /// server has just moved between processes (a reshard, a rolling
    /// restart with a new split). False when that shard has no session.
    pub fn dispatch_to_shard(&self, shard: u64, t: &str, d: Value) -> bool {
        let control = Control::Dispatch(t.to_string(), d);
        match self.shards.lock().unwrap().get(&shard) {
            Some(tx) => tx.send(control).is_ok(),
            None => false,
        }
    }

    /// Register a sharded session's queue (`shard` of `total`).
    pub(crate) fn register_shard(
        &self,
        shard: u64,
        total: u64,
    ) -> mpsc::UnboundedReceiver<Control> {
        let (tx, rx) = mpsc::unbounded_channel();
        self.shard_total.store(total, Ordering::SeqCst);
        self.shards.lock().unwrap().insert(shard, tx);
        rx
    }

    /// Send a raw gateway frame on the live session.
    pub fn send_frame(&self, frame: Value) {
        let _ = self.ctl_tx.send(Control::Raw(frame));
    }

    /// Close the live session with a close code (4000 → serenity resumes).
    pub fn close_session(&self, code: u16) {
        let _ = self.ctl_tx.send(Control::Close(code));
    }

    /// Fail the next `times` matching requests with `status` (500, 502,
    /// 503…): each is still recorded, then refused without effect.
    pub fn fail_next(&self, method: &'static str, path: &str, status: u16, times: usize) {
        self.fail_next_with(method, path, Failure::Status(status), times);
    }

    /// Like [`FakeDiscord::fail_next`] with any kind of failure.
    pub fn fail_next_with(&self, method: &'static str, path: &str, failure: Failure, times: usize) {
        self.faults.lock().unwrap().push(Fault {
            method,
            path: path.to_string(),
            failure,
            times,
        });
    }

    /// The injected failure for this request, if any is due.
    pub(crate) fn take_fault(&self, method: &str, path: &str) -> Option<Failure> {
        let mut faults = self.faults.lock().unwrap();
        let f = faults
            .iter_mut()
            .find(|f| f.times > 0 && f.method == method && path.contains(&f.path))?;
        f.times -= 1;
        Some(f.failure)
    }

    /// Note a request that was answered with success.
    pub(crate) fn note_delivered(&self, method: &str, path: &str) {
        let mut d = self.delivered.lock().unwrap();
        d.push((method.to_string(), path.to_string()));
    }

    /// Successful message sends (channel posts, callbacks, follow-ups)
    /// whose path contains `path`: what the patient actually saw.
    pub fn delivered_sends(&self, path: &str) -> usize {
        let d = self.delivered.lock().unwrap();
        d.iter()
            .filter(|(m, p)| p.contains(path) && recorder::is_message_send(m, p))
            .count()
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.recorder.requests()
    }

    /// The `[shard, total]` of every IDENTIFY received, in order, as JSON
    /// text (`null` for an unsharded session).
    pub fn identified_shards(&self) -> Vec<String> {
        self.recorder
            .frames()
            .iter()
            .filter(|f| f["op"] == 2)
            .map(|f| f["d"]["shard"].to_string())
            .collect()
    }

    pub fn sessions(&self) -> usize {
        self.sessions.load(Ordering::SeqCst)
    }

    pub(crate) fn new_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::SeqCst)
    }

    pub(crate) fn next_seq(&self) -> u64 {
        self.seq.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// The first request matching `pred`, waiting for it.
    pub async fn wait_for(&self, what: &str, pred: impl Fn(&Recorded) -> bool) -> Recorded {
        self.wait_until(what, || self.requests().into_iter().find(|r| pred(r)))
            .await
    }

    /// The first gateway frame with this opcode, waiting for it.
    pub async fn wait_for_op(&self, op: u64) -> Value {
        self.wait_until(&format!("gateway op {op}"), || {
            self.recorder.frames().into_iter().find(|v| v["op"] == op)
        })
        .await
    }

    /// Poll `f` until it gives a value; on timeout, panic with everything recorded.
    pub async fn wait_until<T>(&self, what: &str, f: impl FnMut() -> Option<T>) -> T {
        self.wait_within(Duration::from_secs(20), what, f).await
    }

    /// [`FakeDiscord::wait_until`] with its own time limit (for whole
    /// processes starting: index build, then shards five seconds apart).
    pub async fn wait_within<T>(
        &self,
        limit: Duration,
        what: &str,
        mut f: impl FnMut() -> Option<T>,
    ) -> T {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            if let Some(v) = f() {
                return v;
            }
            if tokio::time::Instant::now() > deadline {
                let seen: Vec<String> = self
                    .requests()
                    .iter()
                    .map(|r| format!("{} {} {}", r.method, r.path, r.body))
                    .collect();
                panic!(
                    "timed out waiting for {what}; REST seen:\n{}\ngateway in: {:?}",
                    seen.join("\n"),
                    self.recorder.frames()
                );
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}
