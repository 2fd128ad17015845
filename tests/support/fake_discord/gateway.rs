//! The gateway half: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats,
//! RESUME → RESUMED, queued dispatches, and closing on request.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message as WsMsg, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use serde_json::{Value, json};

use tokio::sync::mpsc;

use super::payloads::{GUILD_ID, guild_create, ready};
use super::{Control, FakeDiscord};

pub(super) async fn upgrade(ws: WebSocketUpgrade, State(f): State<Arc<FakeDiscord>>) -> Response {
    ws.on_upgrade(move |socket| session(socket, f))
}

async fn send(socket: &mut WebSocket, v: Value) -> bool {
    socket.send(WsMsg::Text(v.to_string())).await.is_ok()
}

async fn dispatch(socket: &mut WebSocket, f: &FakeDiscord, t: &str, d: Value) -> bool {
    let s = f.next_seq();
    let id = d["id"].as_str().map(str::to_string);
    let frame = json!({ "op": 0, "s": s, "t": t, "d": d }).to_string();
    if let Some(id) = id {
        f.recorder.dispatched(&id, std::time::Instant::now());
    }
    socket.send(WsMsg::Text(frame)).await.is_ok()
}

/// The shard `[k, n]` an IDENTIFY asks for, or one encoded in a RESUME's
/// session id; `[0, 1]` when none.
fn shard_of_frame(v: &Value) -> (u64, u64) {
    let d = &v["d"];
    if let Some(s) = d["shard"].as_array() {
        return (s[0].as_u64().unwrap_or(0), s[1].as_u64().unwrap_or(1));
    }
    let id = d["session_id"].as_str().unwrap_or("");
    let mut parts = id.rsplit('-');
    match (
        parts.next().and_then(|n| n.parse().ok()),
        parts.next().and_then(|k| k.parse().ok()),
    ) {
        (Some(n), Some(k)) if id.contains("-shard-") => (k, n),
        _ => (0, 1),
    }
}

/// Where a session takes its queued dispatches from: the shared queue (an
/// unsharded bot: one live session owns it) or its shard's own.
enum Queue<'a> {
    None,
    Shared(tokio::sync::MutexGuard<'a, mpsc::UnboundedReceiver<Control>>),
    Own(mpsc::UnboundedReceiver<Control>),
}

impl Queue<'_> {
    async fn recv(&mut self) -> Option<Control> {
        match self {
            Queue::None => std::future::pending().await,
            Queue::Shared(rx) => rx.recv().await,
            Queue::Own(rx) => rx.recv().await,
        }
    }
}

async fn attach<'a>(f: &'a FakeDiscord, (shard, total): (u64, u64)) -> Queue<'a> {
    if total > 1 {
        Queue::Own(f.register_shard(shard, total))
    } else {
        Queue::Shared(f.ctl_rx.lock().await)
    }
}

async fn identified(socket: &mut WebSocket, f: &FakeDiscord, n: usize, (shard, total): (u64, u64)) {
    let session = if total > 1 {
        format!("fake-session-{n}-shard-{shard}-{total}")
    } else {
        format!("fake-session-{n}")
    };
    let mut ready = ready(&f.ws_url(), &session);
    ready["shard"] = json!([shard, total]);
    let owns_guild = super::shard_of(GUILD_ID, total) == shard;
    if !owns_guild {
        ready["guilds"] = json!([]);
    }
    dispatch(socket, f, "READY", ready).await;
    if owns_guild {
        let perms = f.everyone_perms.lock().unwrap().clone();
        dispatch(socket, f, "GUILD_CREATE", guild_create(&perms)).await;
    }
}

async fn session(mut socket: WebSocket, f: Arc<FakeDiscord>) {
    let n = f.sessions.fetch_add(1, Ordering::SeqCst) + 1;
    let interval = f.heartbeat_ms.load(Ordering::SeqCst);
    let hello = json!({ "op": 10, "s": null, "t": null, "d": { "heartbeat_interval": interval } });
    if !send(&mut socket, hello).await {
        return;
    }
    let mut queue = Queue::None;
    loop {
        tokio::select! {
            msg = socket.recv() => {
                let text = match msg {
                    Some(Ok(WsMsg::Text(t))) => t,
                    Some(Ok(WsMsg::Close(_))) | None | Some(Err(_)) => break,
                    Some(Ok(_)) => continue,
                };
                let Ok(v) = serde_json::from_str::<Value>(&text) else { break };
                f.recorder.push_frame(v.clone());
                match v["op"].as_u64() {
                    Some(1) if f.ack_heartbeats.load(Ordering::SeqCst) => {
                        send(&mut socket, json!({ "op": 11, "s": null, "t": null, "d": null })).await;
                    }
                    Some(2) => {
                        let shard = shard_of_frame(&v);
                        queue = attach(&f, shard).await;
                        identified(&mut socket, &f, n, shard).await;
                    }
                    Some(6) => {
                        queue = attach(&f, shard_of_frame(&v)).await;
                        dispatch(&mut socket, &f, "RESUMED", json!({})).await;
                    }
                    _ => {}
                }
            }
            c = queue.recv() => match c {
                Some(Control::Dispatch(t, d)) => { dispatch(&mut socket, &f, &t, d).await; }
                Some(Control::Raw(frame)) => { send(&mut socket, frame).await; }
                Some(Control::Close(code)) => {
                    let frame = CloseFrame { code, reason: "fake close".into() };
                    let _ = socket.send(WsMsg::Close(Some(frame))).await;
                    break;
                }
                None => break,
            }
        }
    }
}
