//! The gateway half: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats,
//! RESUME → RESUMED, queued dispatches, and closing on request.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message as WsMsg, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use serde_json::{Value, json};

use super::payloads::{guild_create, ready};
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

async fn session(mut socket: WebSocket, f: Arc<FakeDiscord>) {
    let n = f.sessions.fetch_add(1, Ordering::SeqCst) + 1;
    let interval = f.heartbeat_ms.load(Ordering::SeqCst);
    let hello = json!({ "op": 10, "s": null, "t": null, "d": { "heartbeat_interval": interval } });
    if !send(&mut socket, hello).await {
        return;
    }
    // One live session at a time owns the control queue.
    let mut ctl = f.ctl_rx.lock().await;
    let mut identified = false;
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
                        identified = true;
                        dispatch(&mut socket, &f, "READY", ready(&f.ws_url(), &format!("fake-session-{n}"))).await;
                        let perms = f.everyone_perms.lock().unwrap().clone();
                        dispatch(&mut socket, &f, "GUILD_CREATE", guild_create(&perms)).await;
                    }
                    Some(6) => {
                        identified = true;
                        dispatch(&mut socket, &f, "RESUMED", json!({})).await;
                    }
                    _ => {}
                }
            }
            c = ctl.recv(), if identified => match c {
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
