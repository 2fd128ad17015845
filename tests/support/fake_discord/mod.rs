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

use std::net::SocketAddr;
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

/// Accept connections with TCP_NODELAY, like Discord's edge does: without it
/// Nagle's algorithm and delayed ACKs add up to 40 ms to small gateway frames,
/// which would be measured as the bot's latency. (axum 0.7.5's `serve` has
/// no nodelay switch.)
async fn serve(listener: tokio::net::TcpListener, app: Router) {
    use hyper_util::rt::TokioIo;
    use hyper_util::service::TowerToHyperService;
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let conn = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .with_upgrades();
            let _ = conn.await;
        });
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
}

/// Answer the next `times` requests whose method is `method` and whose path
/// contains `path` with `status` and a Discord-style error body.
struct Fault {
    method: &'static str,
    path: String,
    status: u16,
    times: usize,
}

impl FakeDiscord {
    pub async fn start() -> Arc<FakeDiscord> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
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
        });
        let app = Router::new()
            .route("/ws", get(gateway::upgrade))
            .fallback(rest::handle)
            .with_state(fake.clone());
        tokio::spawn(serve(listener, app));
        fake
    }

    /// `discord.api_base_url` for the bot.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn ws_url(&self) -> String {
        format!("ws://{}/ws", self.addr)
    }

    /// Queue a dispatch; sent once a session has identified or resumed.
    pub fn dispatch(&self, t: &str, d: Value) {
        let _ = self.ctl_tx.send(Control::Dispatch(t.to_string(), d));
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
        self.faults.lock().unwrap().push(Fault {
            method,
            path: path.to_string(),
            status,
            times,
        });
    }

    /// The status of an injected failure for this request, if any is due.
    pub(crate) fn take_fault(&self, method: &str, path: &str) -> Option<u16> {
        let mut faults = self.faults.lock().unwrap();
        let f = faults
            .iter_mut()
            .find(|f| f.times > 0 && f.method == method && path.contains(&f.path))?;
        f.times -= 1;
        Some(f.status)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.recorder.requests()
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
    pub async fn wait_until<T>(&self, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
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
