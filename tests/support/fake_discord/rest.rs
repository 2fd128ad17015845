//! The REST half: records every request, answers what serenity and poise call.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::payloads::*;
use super::recorder::Recorded;
use super::{Failure, FakeDiscord};

pub(super) async fn handle(
    State(f): State<Arc<FakeDiscord>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let at = std::time::Instant::now();
    let path = uri.path().to_string();
    let body: Value = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&body)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&body).into()))
    };
    f.recorder.push_request(Recorded {
        method: method.to_string(),
        path: path.clone(),
        auth: headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        body: body.clone(),
        at,
    });
    if let Some(failure) = f.take_fault(method.as_str(), &path) {
        return fail(failure).await;
    }
    let response = route(&f, &method, &path, &body);
    if response.status().is_success() {
        f.note_delivered(method.as_str(), &path);
    }
    response
}

/// The answer to an injected failure.
async fn fail(failure: Failure) -> Response {
    let error = |status: u16, code: u32| {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = json!({ "message": "fake discord: injected failure", "code": code });
        (status, Json(body)).into_response()
    };
    match failure {
        Failure::Status(status) => error(status, 0),
        Failure::Code(status, code) => error(status, code),
        Failure::Stall(d) => {
            tokio::time::sleep(d).await;
            error(503, 0)
        }
        Failure::RateLimited {
            global,
            retry_after,
        } => {
            let body = json!({
                "message": "You are being rate limited.",
                "retry_after": retry_after,
                "global": global,
            });
            let mut r = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
            let h = r.headers_mut();
            let after = retry_after.to_string();
            h.insert("retry-after", after.parse().unwrap());
            if global {
                h.insert("x-ratelimit-global", "true".parse().unwrap());
                h.insert("x-ratelimit-scope", "global".parse().unwrap());
            } else {
                h.insert("x-ratelimit-limit", "5".parse().unwrap());
                h.insert("x-ratelimit-remaining", "0".parse().unwrap());
                h.insert("x-ratelimit-reset-after", after.parse().unwrap());
                h.insert("x-ratelimit-bucket", "fake-bucket".parse().unwrap());
                h.insert("x-ratelimit-scope", "user".parse().unwrap());
            }
            r
        }
    }
}

/// What Discord answers for the routes serenity and poise call.
fn route(f: &FakeDiscord, method: &Method, path: &str, body: &Value) -> Response {
    let Some(rest) = path.strip_prefix("/api/v10/") else {
        return (StatusCode::NOT_FOUND, "not under /api/v10").into_response();
    };
    let segs: Vec<&str> = rest.split('/').collect();
    let sent = |channel: u64| {
        let content = body["content"].as_str().unwrap_or("");
        Json(message(f.new_id(), channel, bot_user(), content)).into_response()
    };
    match (method.as_str(), segs.as_slice()) {
        ("GET", ["gateway"]) => Json(json!({ "url": f.ws_url() })).into_response(),
        ("GET", ["gateway", "bot"]) => Json(json!({
            "url": f.ws_url(), "shards": f.recommended_shards.load(std::sync::atomic::Ordering::SeqCst),
            "session_start_limit": { "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1 }
        }))
        .into_response(),
        ("GET", ["users", "@me"]) => Json(bot_user()).into_response(),
        ("GET", ["oauth2", "applications", "@me"]) => Json(json!({
            "id": APP_ID.to_string(), "name": "signpost", "icon": null, "description": "",
            "bot_public": true, "bot_require_code_grant": false, "verify_key": "00",
            "owner": user(OWNER_ID, "owner", false), "team": null, "flags": 0
        }))
        .into_response(),
        ("POST", ["channels", ch, "messages"]) => sent(ch.parse().unwrap_or(0)),
        ("POST", ["interactions", _, _, "callback"]) => StatusCode::NO_CONTENT.into_response(),
        ("PUT", ["applications", _, "commands"]) | ("PUT", ["applications", _, "guilds", _, "commands"]) => {
            Json(json!([])).into_response()
        }
        ("DELETE", ["webhooks", _, _, "messages", _]) => StatusCode::NO_CONTENT.into_response(),
        ("POST", ["webhooks", _, _]) | ("PATCH", ["webhooks", _, _, "messages", _]) | ("GET", ["webhooks", _, _, "messages", _]) => {
            sent(CHANNEL_ID)
        }
        _ => (
            StatusCode::NOT_FOUND,
            Json(json!({ "message": format!("fake discord: no route {method} {path}"), "code": 0 })),
        )
            .into_response(),
    }
}
