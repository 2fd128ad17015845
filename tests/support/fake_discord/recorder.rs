//! What the bot sent to the fake: REST requests and gateway frames.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use serde_json::Value;

/// One REST request the bot made.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub auth: Option<String>,
    pub body: Value,
    /// When the fake received it.
    pub at: Instant,
}

impl Recorded {
    /// `POST /api/v10/channels/{channel}/messages`.
    pub fn is_channel_post(&self, channel: u64) -> bool {
        self.method == "POST" && self.path == format!("/api/v10/channels/{channel}/messages")
    }

    /// Any message-creating call: channel post, interaction callback or follow-up.
    pub fn is_message_send(&self) -> bool {
        is_message_send(&self.method, &self.path)
    }

    /// The interaction callback for `interaction`.
    pub fn is_callback(&self, interaction: u64) -> bool {
        self.method == "POST"
            && self
                .path
                .starts_with(&format!("/api/v10/interactions/{interaction}/"))
    }

    /// The message data: callback `data`, or the body itself.
    pub fn message(&self) -> &Value {
        if self.path.ends_with("/callback") {
            &self.body["data"]
        } else {
            &self.body
        }
    }

    /// All embed and content text of the message, for substring checks.
    pub fn text(&self) -> String {
        let m = self.message();
        let mut out = m["content"].as_str().unwrap_or("").to_string();
        for e in m["embeds"].as_array().into_iter().flatten() {
            for key in ["title", "description"] {
                out.push('\n');
                out.push_str(e[key].as_str().unwrap_or(""));
            }
            for f in e["fields"].as_array().into_iter().flatten() {
                out.push('\n');
                out.push_str(f["name"].as_str().unwrap_or(""));
                out.push('\n');
                out.push_str(f["value"].as_str().unwrap_or(""));
            }
            out.push('\n');
            out.push_str(e["footer"]["text"].as_str().unwrap_or(""));
        }
        out
    }

    /// Whether Discord would show this only to the invoker (flags 64).
    pub fn ephemeral(&self) -> bool {
        self.message()["flags"].as_u64().unwrap_or(0) & 64 != 0
    }
}

/// Whether a request creates a message: a channel post, an interaction
/// callback or a follow-up.
pub fn is_message_send(method: &str, path: &str) -> bool {
    method == "POST"
        && (path.ends_with("/messages") && path.contains("/channels/")
            || path.ends_with("/callback")
            || path.starts_with("/api/v10/webhooks/"))
}

/// Every request and gateway frame, in arrival order.
#[derive(Debug, Default)]
pub struct Recorder {
    requests: Mutex<Vec<Recorded>>,
    gateway_in: Mutex<Vec<Value>>,
    /// When each dispatch went out, by its `d.id` (for latency measurements).
    dispatched: Mutex<HashMap<String, Instant>>,
}

impl Recorder {
    pub fn push_request(&self, r: Recorded) {
        self.requests.lock().unwrap().push(r);
    }
    pub fn push_frame(&self, v: Value) {
        self.gateway_in.lock().unwrap().push(v);
    }
    pub fn dispatched(&self, id: &str, at: Instant) {
        self.dispatched.lock().unwrap().insert(id.to_string(), at);
    }
    /// When the dispatch whose `d.id` is `id` was written to the socket.
    pub fn dispatched_at(&self, id: &str) -> Option<Instant> {
        self.dispatched.lock().unwrap().get(id).copied()
    }
    /// How many requests match, without copying them (cheap to poll).
    pub fn count(&self, pred: impl Fn(&Recorded) -> bool) -> usize {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|r| pred(r))
            .count()
    }
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }
    pub fn frames(&self) -> Vec<Value> {
        self.gateway_in.lock().unwrap().clone()
    }
}
